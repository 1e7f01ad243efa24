use super::*;
use crate::{Error, Event, ExpiryQueue, OpenIntentsByCell};
use frame_support::assert_noop;
use sp_runtime::Perbill;

#[test]
fn posts_indexes_queues_and_holds_the_deposit() {
	test(|| {
		let details = translation(2_000);
		let id = post(ALICE, details.clone());
		let stored = intent(id);
		assert_eq!(
			(stored.owner, stored.status, stored.step_of),
			(ALICE, IntentStatus::Open, None)
		);
		let deposit =
			INTENT_DEPOSIT + INTENT_BYTE_DEPOSIT * codec::Encode::encoded_size(&details) as u128;
		assert_eq!(stored.deposit, deposit);
		assert_eq!(held_for_intents(ALICE), deposit);
		assert!(OpenIntentsByCell::<Test>::contains_key(cell("u281"), id));
		assert_eq!(ExpiryQueue::<Test>::get(100).to_vec(), vec![id]);
		System::assert_last_event(
			Event::IntentPosted {
				intent: id,
				owner: ALICE,
				agent: None,
				details,
				step_of: None,
				status: IntentStatus::Open,
				deposit,
			}
			.into(),
		);
		assert_eq!(post(BOB, translation(10)), id + 1);
	});
}

/// `translation(2_000)` changed by `change` is refused with `error`, nothing stored.
fn refused(change: impl Fn(&mut DetailsOf<Test>), error: Error<Test>) {
	test(|| {
		let mut details = translation(2_000);
		change(&mut details);
		assert_noop!(Intents::post_intent(RuntimeOrigin::signed(ALICE), details), error);
	});
}

/// `translation(2_000)` changed by `change` is accepted.
fn accepted(change: impl Fn(&mut DetailsOf<Test>)) {
	test(|| {
		let mut details = translation(2_000);
		change(&mut details);
		assert_ok!(Intents::post_intent(RuntimeOrigin::signed(ALICE), details));
	});
}

#[test]
fn a_blank_title_is_refused() {
	refused(|d| d.title = BoundedVec::truncate_from(b"  ".to_vec()), Error::<Test>::InvalidTitle);
}

#[test]
fn an_empty_description_is_refused() {
	refused(
		|d| d.description = Description::Text(BoundedVec::new()),
		Error::<Test>::InvalidDescription,
	);
}

#[test]
fn a_hashed_description_needs_an_https_or_ipfs_uri() {
	refused(
		|d| {
			d.description = Description::Hashed {
				hash: H256::zero(),
				uri: BoundedVec::truncate_from(b"http://x.org".to_vec()),
			}
		},
		Error::<Test>::InvalidDescription,
	);
	accepted(|d| {
		d.description = Description::Hashed {
			hash: H256::repeat_byte(1),
			uri: BoundedVec::truncate_from(b"ipfs://bafyspec".to_vec()),
		}
	});
}

#[test]
fn a_category_must_be_a_normalised_tag() {
	refused(
		|d| d.category = BoundedVec::truncate_from(b"Events!".to_vec()),
		Error::<Test>::InvalidTag,
	);
}

#[test]
fn a_skill_listed_twice_is_refused() {
	refused(|d| d.skills = skills(&["a", "a"]), Error::<Test>::DuplicateSkill);
}

#[test]
fn a_language_must_be_a_lower_case_iso_code() {
	refused(
		|d| d.languages = BoundedVec::truncate_from(vec![LanguageCode(*b"DE")]),
		Error::<Test>::InvalidLanguage,
	);
}

#[test]
fn a_target_cell_has_3_to_9_characters() {
	refused(|d| d.target.cell = Some(cell("u2")), Error::<Test>::InvalidCell);
	refused(|d| d.target.cell = Some(cell("u281z7u281")), Error::<Test>::InvalidCell);
}

#[test]
fn only_global_work_goes_without_a_cell() {
	refused(|d| d.target.cell = None, Error::<Test>::CellRequired);
	accepted(|d| {
		d.target.cell = None;
		d.target.flexibility = Flexibility::Global;
	});
}

#[test]
fn a_country_code_is_two_capital_letters() {
	refused(
		|d| d.target.country = Some(codec::Decode::decode(&mut &b"de"[..]).expect("two bytes")),
		Error::<Test>::InvalidCountry,
	);
}

#[test]
fn a_zero_budget_is_refused() {
	refused(|d| d.budget = 0, Error::<Test>::ZeroBudget);
}

#[test]
fn a_deadline_in_the_past_is_refused() {
	refused(|d| d.deadline = 1, Error::<Test>::DeadlineInPast);
}

#[test]
fn a_deadline_beyond_max_deadline_is_refused() {
	refused(|d| d.deadline = 2 + MAX_DEADLINE, Error::<Test>::DeadlineTooFar);
}

#[test]
fn matching_weights_must_sum_to_100_percent() {
	refused(|d| d.weights.price = Perbill::from_percent(30), Error::<Test>::InvalidWeights);
}

#[test]
fn bounded_by_cell_bucket_and_funds() {
	test(|| {
		for _ in 0..MAX_EXPIRIES - 1 {
			post(BOB, translation(5));
		}
		let mut other_cell = translation(5);
		other_cell.target.cell = Some(cell("xn774"));
		post(BOB, other_cell);
		assert_noop!(
			Intents::post_intent(RuntimeOrigin::signed(BOB), translation(5)),
			Error::<Test>::ExpiryBucketFull
		);
		let mut later = translation(5);
		later.deadline = 200;
		for _ in 0..(MAX_PER_CELL_INTENTS - (MAX_EXPIRIES - 1)) {
			assert_ok!(Intents::post_intent(RuntimeOrigin::signed(BOB), later.clone()));
		}
		later.deadline = 300;
		assert_noop!(
			Intents::post_intent(RuntimeOrigin::signed(BOB), later),
			Error::<Test>::CellFull
		);
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&CHARLIE, 1);
		assert_noop!(
			Intents::post_intent(RuntimeOrigin::signed(CHARLIE), translation(5)),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn an_agent_posts_for_its_owner_within_the_cap() {
	test(|| {
		assert_ok!(pallet_did::TestAgentConsent::authorize_for::<Test>(
			ALICE,
			AGENT,
			&["Intents.post_intent"],
			2_500,
			100,
			1_000
		));
		let as_agent = |budget| {
			pallet_did::Pallet::<Test>::dispatch_as_agent(
				RuntimeOrigin::signed(AGENT),
				Box::new(RuntimeCall::Intents(crate::Call::post_intent {
					details: translation(budget),
				})),
			)
		};
		let id = crate::NextIntentId::<Test>::get();
		assert_ok!(as_agent(2_000));
		assert_eq!(intent(id).owner, ALICE);
		assert!(held_for_intents(ALICE) > 0 && held_for_intents(AGENT) == 0);
		assert_noop!(as_agent(501), pallet_did::Error::<Test>::SpendingCapExceeded);
	});
}

/// Authorises AGENT for ALICE on every call of the Intents pallet with `cap` per 100 blocks.
fn agent_with_cap(cap: Balance) {
	assert_ok!(pallet_did::TestAgentConsent::authorize_for::<Test>(
		ALICE,
		AGENT,
		&["Intents"],
		cap,
		100,
		1_000
	));
}

fn as_agent(
	call: crate::Call<Test>,
) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	pallet_did::Pallet::<Test>::dispatch_as_agent(
		RuntimeOrigin::signed(AGENT),
		Box::new(RuntimeCall::Intents(call)),
	)
}

fn spent() -> Balance {
	pallet_did::Delegations::<Test>::get(ALICE, AGENT).expect("delegated").spent_in_period
}

#[test]
fn the_deposits_an_agent_locks_count_against_its_cap() {
	test(|| {
		// Ten intents of budget 1 fit a cap of 10 only if their deposits went unseen.
		agent_with_cap(10);
		assert_noop!(
			as_agent(crate::Call::post_intent { details: translation(1) }),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
	});
}

#[test]
fn a_released_deposit_is_credited_back_within_its_period() {
	test(|| {
		let deposit = intent_deposit(&translation(10));
		agent_with_cap(2 * (deposit + 10) - 1);
		let first = crate::NextIntentId::<Test>::get();
		assert_ok!(as_agent(crate::Call::post_intent { details: translation(10) }));
		assert_eq!(spent(), deposit + 10);
		assert_noop!(
			as_agent(crate::Call::post_intent { details: translation(10) }),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
		assert_ok!(as_agent(crate::Call::cancel_intent { intent: first }));
		System::assert_has_event(
			pallet_did::Event::<Test>::AgentRefunded {
				did: ALICE,
				agent: AGENT,
				amount: deposit,
				spent_in_period: 10,
			}
			.into(),
		);
		assert_eq!(spent(), 10, "the budget stays spent, the deposit came back");
		assert!(!crate::IntentCharges::<Test>::contains_key(first));
		assert_ok!(as_agent(crate::Call::post_intent { details: translation(10) }));
	});
}

#[test]
fn a_deposit_released_in_a_later_period_is_not_credited_to_it() {
	test(|| {
		let mut later = translation(10);
		later.deadline = 500;
		let deposit = intent_deposit(&later);
		agent_with_cap(deposit + 10);
		let first = crate::NextIntentId::<Test>::get();
		assert_ok!(as_agent(crate::Call::post_intent { details: later.clone() }));
		run_to(101);
		assert_ok!(as_agent(crate::Call::post_intent { details: later }));
		assert_ok!(Intents::cancel_intent(RuntimeOrigin::signed(ALICE), first));
		assert_eq!(spent(), deposit + 10, "the new period keeps its own spending");
	});
}

#[test]
fn chains_and_offers_by_an_agent_are_charged_too() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		agent_with_cap(100);
		assert_noop!(
			as_agent(crate::Call::propose_chain {
				root,
				steps: BoundedVec::truncate_from(conference_steps()),
				provenance: None
			}),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
		ailock_at(ALICE, "u281z", b"DE", "translation", 100);
		let offer = Offer {
			skills: skills(&["translation"]),
			price: 300,
			area: cell("u281"),
			reach: ailock_primitives::geo::LocationTier::SameRegion,
			capacity: 2,
		};
		assert_noop!(
			as_agent(crate::Call::post_offer { offer }),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
	});
}
