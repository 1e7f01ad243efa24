use super::*;
use crate::{Chains, Event, ExpiryQueue};
use ailock_primitives::traits::IntentLifecycle;

#[test]
fn an_expired_intent_returns_its_deposit() {
	with_alice_translating().build_and_execute(|| {
		let id = 0;
		let deposit = intent(id).deposit;
		let free = Balances::free_balance(ALICE);
		run_to(100);
		assert!(
			IntentsStorage::<Test>::get(id).is_some(),
			"the deadline block itself still counts"
		);
		run_to(101);
		assert!(IntentsStorage::<Test>::get(id).is_none());
		assert_eq!(Balances::free_balance(ALICE), free + deposit);
		assert!(ExpiryQueue::<Test>::get(100).is_empty());
		System::assert_has_event(
			Event::IntentStatusChanged {
				intent: id,
				status: IntentStatus::Expired,
				provider: None,
				deposit_released: deposit,
			}
			.into(),
		);
	});
}

#[test]
fn awarded_work_does_not_expire_and_a_chain_ends_with_its_steps() {
	test(|| {
		let awarded = post(ALICE, translation(2_000));
		assert_ok!(<Intents as IntentLifecycle<_>>::award(awarded, &BOB));
		let root = post(ALICE, conference(8_000));
		assert_ok!(Intents::propose_chain(
			RuntimeOrigin::signed(ALICE),
			root,
			BoundedVec::truncate_from(conference_steps()),
			None
		));
		let venue = Chains::<Test>::get(root).expect("chain").steps[0].intent;
		assert_ok!(<Intents as IntentLifecycle<_>>::award(venue, &BOB));
		run_to(101);
		assert_eq!(intent(awarded).status, IntentStatus::Awarded);
		// Unawarded steps expired; the venue runs on, and the root waits for it.
		let chain = Chains::<Test>::get(root).expect("chain");
		let states: Vec<StepState> = chain.steps.iter().map(|s| s.state).collect();
		use StepState::*;
		assert_eq!(states, vec![Running, Cancelled, Cancelled, Cancelled, Cancelled]);
		assert!(IntentsStorage::<Test>::get(root).is_some());
		assert_ok!(<Intents as IntentLifecycle<_>>::start_work(venue));
		assert_ok!(<Intents as IntentLifecycle<_>>::complete(venue));
		System::assert_has_event(Event::ChainCompleted { root }.into());
		assert!(IntentsStorage::<Test>::get(root).is_none());
	});
}

#[test]
fn a_chain_with_nothing_done_ends_cancelled() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		assert_ok!(Intents::propose_chain(
			RuntimeOrigin::signed(ALICE),
			root,
			BoundedVec::truncate_from(conference_steps()),
			None
		));
		run_to(101);
		assert!(Chains::<Test>::get(root).is_none());
		assert_eq!(IntentsStorage::<Test>::iter().count(), 0);
		assert_eq!(held_for_intents(ALICE), 0);
	});
}

#[test]
fn cancelled_intents_give_their_expiry_slot_back() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		// More post-and-cancel cycles than the bucket holds: each cancelled intent must leave.
		for _ in 0..MAX_EXPIRIES {
			let id = post(BOB, translation(2_000));
			assert_ok!(Intents::cancel_intent(RuntimeOrigin::signed(BOB), id));
		}
		assert_eq!(ExpiryQueue::<Test>::get(100).to_vec(), vec![root]);
		assert_ok!(Intents::propose_chain(
			RuntimeOrigin::signed(ALICE),
			root,
			BoundedVec::truncate_from(conference_steps()),
			None
		));
		let steps: Vec<IntentId> =
			Chains::<Test>::get(root).expect("chain").steps.iter().map(|s| s.intent).collect();
		let mut queued = vec![root];
		queued.extend(steps);
		assert_eq!(ExpiryQueue::<Test>::get(100).to_vec(), queued);
	});
}
