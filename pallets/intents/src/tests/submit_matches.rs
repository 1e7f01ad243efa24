use super::*;
use crate::{Error, Event, Matches};
use ailock_primitives::matching::Flexibility;
use frame_support::{assert_noop, dispatch::Pays};
use sp_runtime::Perbill;

fn submit(
	who: AccountId,
	intent: IntentId,
	list: Vec<AccountId>,
) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	Intents::submit_matches(RuntimeOrigin::signed(who), intent, BoundedVec::truncate_from(list))
}

/// A Munich intent, a Munich translator (BOB) and a Tokyo one (CHARLIE).
fn setup() -> IntentId {
	ailock_at(BOB, "u281z", b"DE", "translation", 100);
	ailock_at(CHARLIE, "xn774", b"JP", "translation", 100);
	post(ALICE, translation(2_000))
}

fn stored(id: IntentId) -> Vec<(AccountId, Perbill)> {
	Matches::<Test>::get(id).expect("stored").to_vec()
}

fn score(id: IntentId, ailock: AccountId) -> Perbill {
	Intents::score_of(&intent(id), &ailock).expect("scored")
}

#[test]
fn the_munich_ailock_ranks_above_the_tokyo_one_and_verified_matches_are_free() {
	test(|| {
		let id = setup();
		let computed = Intents::compute_matches(&intent(id), 5);
		let order: Vec<AccountId> = computed.iter().map(|(a, _)| *a).collect();
		assert_eq!(order, vec![BOB, CHARLIE]);
		assert!(computed[0].1 > computed[1].1);
		let post_info = submit(MATCHER, id, vec![BOB, CHARLIE]).expect("verified");
		assert_eq!(post_info.pays_fee, Pays::No);
		assert_eq!(stored(id), computed.clone());
		System::assert_last_event(
			Event::MatchesSubmitted {
				intent: id,
				matcher: MATCHER,
				matches: BoundedVec::truncate_from(computed),
			}
			.into(),
		);
	});
}

#[test]
fn the_order_and_the_scores_come_from_the_runtime_not_the_submitter() {
	test(|| {
		let id = setup();
		// Submitted worst first: stored best first, with the runtime's own scores.
		assert_ok!(submit(MATCHER, id, vec![CHARLIE, BOB]));
		assert_eq!(stored(id), vec![(BOB, score(id, BOB)), (CHARLIE, score(id, CHARLIE))]);
	});
}

#[test]
fn a_partial_list_cannot_lock_out_a_better_one() {
	test(|| {
		let id = setup();
		// A dishonest matcher invites only the Tokyo Ailock…
		assert_ok!(submit(MATCHER, id, vec![CHARLIE]));
		assert_eq!(stored(id), vec![(CHARLIE, score(id, CHARLIE))]);
		// …and the honest list still gets in, merged and ranked.
		assert_ok!(submit(MATCHER, id, vec![BOB]));
		assert_eq!(stored(id), vec![(BOB, score(id, BOB)), (CHARLIE, score(id, CHARLIE))]);
		// Repeating a worse list changes nothing, so it is refused (and pays its fee).
		assert_noop!(submit(MATCHER, id, vec![CHARLIE]), Error::<Test>::MatchesNotImproved);
	});
}

#[test]
fn a_full_list_keeps_the_best_of_both_submissions() {
	test(|| {
		// MaxMatches is 5 in the mock: six Ailocks, the Munich one (BOB) best.
		ailock_at(BOB, "u281z", b"DE", "translation", 100);
		let far: Vec<AccountId> = (30..35).collect();
		for (i, who) in far.iter().enumerate() {
			let cells = ["xn76z", "xn75z", "xn74z", "xn73z", "xn72z"];
			ailock_at(*who, cells[i], b"JP", "translation", 100 + i as u128 * 100);
		}
		let id = post(ALICE, translation(2_000));
		assert_ok!(submit(MATCHER, id, far.clone()));
		assert_ok!(submit(MATCHER, id, vec![BOB]));
		let list = stored(id);
		assert_eq!(list.len(), 5);
		assert_eq!(list[0], (BOB, score(id, BOB)));
		// The weakest Tokyo Ailock (the highest minimum price) gave way.
		assert!(list.iter().all(|(a, _)| *a != 34));
	});
}

#[test]
fn a_submission_needs_a_matcher() {
	test(|| {
		let id = setup();
		assert_noop!(submit(ALICE, id, vec![BOB]), Error::<Test>::NotMatcher);
	});
}

#[test]
fn a_submission_needs_a_stored_intent() {
	test(|| {
		setup();
		assert_noop!(submit(MATCHER, 99, vec![BOB]), Error::<Test>::IntentNotFound);
	});
}

#[test]
fn an_empty_submission_is_refused() {
	test(|| {
		let id = setup();
		assert_noop!(submit(MATCHER, id, vec![]), Error::<Test>::NoMatches);
	});
}

#[test]
fn an_ailock_is_listed_once() {
	test(|| {
		let id = setup();
		assert_noop!(submit(MATCHER, id, vec![BOB, BOB]), Error::<Test>::DuplicateMatch);
	});
}

#[test]
fn an_unregistered_ailock_is_refused() {
	test(|| {
		let id = setup();
		assert_noop!(submit(MATCHER, id, vec![DAVE]), Error::<Test>::UnknownAilock);
	});
}

#[test]
fn an_offline_ailock_is_refused() {
	test(|| {
		let id = setup();
		MockDirectory::set_live(BOB, false);
		assert_noop!(submit(MATCHER, id, vec![BOB]), Error::<Test>::UnknownAilock);
	});
}

#[test]
fn the_owner_is_never_invited_to_its_own_intent() {
	test(|| {
		let id = setup();
		ailock_at(ALICE, "u281z", b"DE", "translation", 100);
		assert_noop!(submit(MATCHER, id, vec![ALICE]), Error::<Test>::SelfMatch);
	});
}

#[test]
fn strict_work_invites_only_the_same_city() {
	with_bob_in_munich().build_and_execute(|| {
		ailock_at(CHARLIE, "xn774", b"JP", "translation", 100);
		let mut details = translation(2_000);
		details.target.flexibility = Flexibility::Strict;
		let id = post(ALICE, details);
		assert_noop!(submit(MATCHER, id, vec![CHARLIE]), Error::<Test>::OutOfReach);
		// Among valid candidates, one out of reach is skipped, not fatal.
		assert_ok!(submit(MATCHER, id, vec![CHARLIE, BOB]));
		assert_eq!(stored(id), vec![(BOB, score(id, BOB))]);
		assert_eq!(
			Intents::compute_matches(&intent(id), 5)
				.into_iter()
				.map(|(a, _)| a)
				.collect::<Vec<_>>(),
			vec![BOB]
		);
	});
}

#[test]
fn an_ailock_scoring_zero_is_refused() {
	test(|| {
		// Price alone counts, and BOB's minimum price is above the budget.
		ailock_at(BOB, "u281z", b"DE", "translation", 5_000);
		let mut details = translation(2_000);
		details.weights = ailock_primitives::matching::MatchingWeights {
			location: Perbill::zero(),
			expertise: Perbill::zero(),
			price: Perbill::one(),
			reputation: Perbill::zero(),
		};
		let id = post(ALICE, details);
		assert_noop!(submit(MATCHER, id, vec![BOB]), Error::<Test>::ZeroScore);
	});
}

#[test]
fn closed_intents_take_no_matches() {
	test(|| {
		let id = setup();
		assert_ok!(<Intents as ailock_primitives::traits::IntentLifecycle<_>>::award(id, &BOB));
		assert_noop!(submit(MATCHER, id, vec![BOB]), Error::<Test>::NotOpen);
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
				candidates: BoundedVec::truncate_from(
					expected.into_iter().map(|(a, _)| a).collect::<Vec<_>>()
				)
			}
		);
		assert_ok!(call.dispatch_bypass_filter(RuntimeOrigin::signed(MATCHER)));
		assert!(Matches::<Test>::contains_key(id));
	});
}

/// The intent ids on the matcher's retry list in the node's offchain storage.
fn retry_list() -> Vec<(IntentId, u64, u8)> {
	sp_runtime::offchain::storage::StorageValueRef::persistent(crate::offchain::MATCHER_RETRY_KEY)
		.get::<Vec<crate::offchain::PendingMatch<u64>>>()
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
		use crate::offchain::{MATCH_ATTEMPTS, MATCH_RETRY_BLOCKS};
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
		let third = post(ALICE, translation(1_000));
		<Intents as Hooks<u64>>::offchain_worker(block);
		assert_eq!(submitted().len(), 1);
		assert_ok!(Intents::cancel_intent(RuntimeOrigin::signed(ALICE), third));
		<Intents as Hooks<u64>>::offchain_worker(block + retry);
		assert!(submitted().is_empty());
		assert!(retry_list().is_empty());
	});
}

#[test]
fn the_offchain_worker_outbids_a_partial_list_of_another_matcher() {
	use frame_support::traits::{Hooks, UnfilteredDispatchable};
	with_offchain_worker(|submitted| {
		sp_runtime::testing::UintAuthorityId::set_all_keys(vec![MATCHER]);
		let id = setup();
		// Another matcher got a partial list in first.
		assert_ok!(submit(MATCHER, id, vec![CHARLIE]));
		<Intents as Hooks<u64>>::offchain_worker(1);
		let call = submitted().pop().expect("the worker still submits");
		assert_ok!(call.dispatch_bypass_filter(RuntimeOrigin::signed(MATCHER)));
		assert_eq!(stored(id), vec![(BOB, score(id, BOB)), (CHARLIE, score(id, CHARLIE))]);
	});
}

#[test]
fn intents_beyond_the_retry_list_are_matched_in_later_blocks() {
	use crate::offchain::{MATCH_RETRY_BLOCKS, MAX_PENDING_MATCHES};
	use frame_support::traits::{Hooks, UnfilteredDispatchable};
	with_offchain_worker(|submitted| {
		sp_runtime::testing::UintAuthorityId::set_all_keys(vec![MATCHER]);
		ailock_at(BOB, "u281z", b"DE", "translation", 100);
		// More intents in one block than the worker takes in one run.
		let total = MAX_PENDING_MATCHES + 3;
		let mut ids = Vec::new();
		for i in 0..total {
			let mut details = translation(2_000);
			details.deadline = 100 + (i as u64 / MAX_EXPIRIES as u64);
			let column = ailock_primitives::geo::GEOHASH_ALPHABET[i % 32] as char;
			details.target.cell = Some(cell(&format!("u28{column}z")));
			ids.push(post(ALICE + (i % 2) as u64 * 3, details));
		}
		let mut matched = Vec::new();
		let mut block = 1;
		while matched.len() < total && block < 10 * u64::from(MATCH_RETRY_BLOCKS) {
			<Intents as Hooks<u64>>::offchain_worker(block);
			for call in submitted() {
				if let crate::Call::submit_matches { intent, .. } = &call {
					matched.push(*intent);
				}
				assert_ok!(call.dispatch_bypass_filter(RuntimeOrigin::signed(MATCHER)));
			}
			block += 1;
		}
		matched.sort();
		assert_eq!(matched, ids);
	});
}

#[test]
fn an_ailock_going_away_before_inclusion_cannot_sink_an_honest_list() {
	test(|| {
		let id = setup();
		// CHARLIE's owner steps away between the matcher's read and the inclusion.
		MockDirectory::set_live(CHARLIE, false);
		assert_ok!(submit(MATCHER, id, vec![BOB, CHARLIE]));
		assert_eq!(stored(id), vec![(BOB, score(id, BOB))]);
	});
}
