use super::*;
use crate::{Error, Event, Matches};
use frame_support::{assert_noop, dispatch::Pays};
use sp_runtime::{traits::Saturating, Perbill};

fn submit(
	who: AccountId,
	intent: IntentId,
	list: Vec<(AccountId, Perbill)>,
) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	Intents::submit_matches(RuntimeOrigin::signed(who), intent, BoundedVec::truncate_from(list))
}

/// A Munich intent, a Munich translator (BOB) and a Tokyo one (CHARLIE).
fn setup() -> IntentId {
	ailock_at(BOB, "u281z", b"DE", "translation", 100);
	ailock_at(CHARLIE, "xn774", b"JP", "translation", 100);
	post(ALICE, translation(2_000))
}

#[test]
fn the_munich_ailock_ranks_above_the_tokyo_one_and_verified_matches_are_free() {
	test(|| {
		let id = setup();
		let computed = Intents::compute_matches(&intent(id), 5);
		let order: Vec<AccountId> = computed.iter().map(|(a, _)| *a).collect();
		assert_eq!(order, vec![BOB, CHARLIE]);
		assert!(computed[0].1 > computed[1].1);
		let post_info = submit(MATCHER, id, computed.clone()).expect("verified");
		assert_eq!(post_info.pays_fee, Pays::No);
		assert_eq!(Matches::<Test>::get(id).expect("stored").to_vec(), computed.clone());
		System::assert_last_event(
			Event::MatchesSubmitted { intent: id, matcher: MATCHER, invited: computed }.into(),
		);
	});
}

#[test]
fn scores_within_the_tolerance_pass_and_forged_ones_fail() {
	test(|| {
		let id = setup();
		let computed = Intents::compute_matches(&intent(id), 5);
		let (bob, score) = computed[0];
		let nudged = score.saturating_sub(Perbill::from_parts(9_000_000));
		assert_ok!(submit(MATCHER, id, vec![(bob, nudged)]));
		let other = post(ALICE, translation(2_000));
		let forged = score.saturating_add(Perbill::from_percent(2));
		assert_noop!(submit(MATCHER, other, vec![(bob, forged)]), Error::<Test>::ForgedScore);
	});
}

#[test]
fn errors() {
	test(|| {
		let id = setup();
		let computed = Intents::compute_matches(&intent(id), 5);
		assert_noop!(submit(ALICE, id, computed.clone()), Error::<Test>::NotMatcher);
		assert_noop!(submit(MATCHER, 99, computed.clone()), Error::<Test>::IntentNotFound);
		let reversed: Vec<_> = computed.iter().rev().cloned().collect();
		assert_noop!(submit(MATCHER, id, reversed), Error::<Test>::MatchesNotSorted);
		let twice = vec![computed[0], computed[0]];
		assert_noop!(submit(MATCHER, id, twice), Error::<Test>::DuplicateMatch);
		assert_noop!(
			submit(MATCHER, id, vec![(DAVE, Perbill::from_percent(50))]),
			Error::<Test>::UnknownAilock
		);
		assert_ok!(submit(MATCHER, id, computed.clone()));
		assert_noop!(submit(MATCHER, id, computed.clone()), Error::<Test>::AlreadyMatched);
		assert_ok!(<Intents as ailock_primitives::traits::IntentLifecycle<_>>::award(id, &BOB));
		assert_noop!(submit(MATCHER, id, computed), Error::<Test>::NotOpen);
	});
}

/// Runs `test` with an offchain worker, its local storage and a transaction pool; `test` gets a
/// function that takes the calls submitted so far out of the pool.
fn with_offchain_worker(test: impl FnOnce(&dyn Fn() -> Vec<crate::Call<Test>>)) {
	use codec::Decode;
	use sp_core::offchain::{testing, OffchainDbExt, OffchainWorkerExt, TransactionPoolExt};
	let (pool, pool_state) = testing::TestTransactionPoolExt::new();
	let (offchain, _) = testing::TestOffchainExt::new();
	let mut ext = new_test_ext();
	ext.register_extension(OffchainWorkerExt::new(offchain.clone()));
	ext.register_extension(OffchainDbExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	let submitted = || -> Vec<crate::Call<Test>> {
		pool_state
			.write()
			.transactions
			.drain(..)
			.map(|encoded| {
				let xt = sp_runtime::testing::TestXt::<RuntimeCall, ()>::decode(&mut &encoded[..])
					.expect("an extrinsic");
				let RuntimeCall::Intents(call) = xt.function else { panic!("an Intents call") };
				call
			})
			.collect()
	};
	ext.execute_with(|| test(&submitted));
}

#[test]
fn the_offchain_worker_submits_the_matches_it_computed() {
	use frame_support::traits::{Hooks, UnfilteredDispatchable};
	with_offchain_worker(|submitted| {
		// Without a matcher key the worker does nothing.
		let id = setup();
		<Intents as Hooks<u64>>::offchain_worker(1);
		assert!(submitted().is_empty());

		// Nor with a key whose account is not an authorised matcher.
		sp_runtime::testing::UintAuthorityId::set_all_keys(vec![BOB]);
		<Intents as Hooks<u64>>::offchain_worker(1);
		assert!(submitted().is_empty());

		sp_runtime::testing::UintAuthorityId::set_all_keys(vec![BOB, MATCHER]);
		<Intents as Hooks<u64>>::offchain_worker(1);
		let call = submitted().pop().expect("submitted");
		let expected = Intents::compute_matches(&intent(id), 5);
		assert_eq!(
			call,
			crate::Call::submit_matches {
				intent: id,
				matches: BoundedVec::truncate_from(expected)
			}
		);
		assert_ok!(call.dispatch_bypass_filter(RuntimeOrigin::signed(MATCHER)));
		assert!(Matches::<Test>::contains_key(id));
	});
}

/// The intent ids on the matcher's retry list in the node's offchain storage.
fn retry_list() -> Vec<(IntentId, u64, u8)> {
	sp_runtime::offchain::storage::StorageValueRef::persistent(
		crate::features::matching::MATCHER_RETRY_KEY,
	)
	.get::<Vec<crate::features::matching::PendingMatch<u64>>>()
	.ok()
	.flatten()
	.unwrap_or_default()
	.into_iter()
	.map(|entry| (entry.intent, entry.due, entry.attempts))
	.collect()
}

#[test]
fn the_offchain_worker_resubmits_until_the_matches_land_then_forgets_the_intent() {
	use frame_support::traits::{Hooks, UnfilteredDispatchable};
	with_offchain_worker(|submitted| {
		use crate::features::matching::{MATCH_ATTEMPTS, MATCH_RETRY_BLOCKS};
		let retry = u64::from(MATCH_RETRY_BLOCKS);
		sp_runtime::testing::UintAuthorityId::set_all_keys(vec![MATCHER]);
		let id = setup();

		<Intents as Hooks<u64>>::offchain_worker(1);
		assert_eq!(submitted().len(), 1);
		assert_eq!(retry_list(), vec![(id, 1 + retry, 1)]);
		// The transaction was dropped before inclusion: nothing until the retry is due…
		<Intents as Hooks<u64>>::offchain_worker(2);
		assert!(submitted().is_empty());
		// …then the same matches again.
		<Intents as Hooks<u64>>::offchain_worker(1 + retry);
		let again = submitted();
		assert_eq!(again.len(), 1);
		assert_eq!(retry_list(), vec![(id, 1 + 2 * retry, 2)]);
		let call = again.into_iter().next().expect("one call");
		assert_ok!(call.dispatch_bypass_filter(RuntimeOrigin::signed(MATCHER)));
		// On chain now: the worker forgets the intent and sends nothing more.
		<Intents as Hooks<u64>>::offchain_worker(1 + 2 * retry);
		assert!(submitted().is_empty());
		assert!(retry_list().is_empty());

		// An intent whose matches never land is given up after the last attempt.
		crate::OpenedThisBlock::<Test>::kill();
		let second = post(ALICE, translation(1_000));
		let mut block = 100;
		for attempt in 1..=MATCH_ATTEMPTS {
			<Intents as Hooks<u64>>::offchain_worker(block);
			assert_eq!(submitted().len(), 1, "{attempt}");
			block += retry;
		}
		<Intents as Hooks<u64>>::offchain_worker(block);
		assert!(submitted().is_empty());
		assert!(retry_list().iter().all(|(intent, _, _)| *intent != second));

		// A cancelled intent leaves the list without another submission.
		crate::OpenedThisBlock::<Test>::kill();
		let third = post(ALICE, translation(1_000));
		<Intents as Hooks<u64>>::offchain_worker(block);
		assert_eq!(submitted().len(), 1);
		assert_ok!(Intents::cancel_intent(RuntimeOrigin::signed(ALICE), third));
		<Intents as Hooks<u64>>::offchain_worker(block + retry);
		assert!(submitted().is_empty());
		assert!(retry_list().is_empty());
	});
}
