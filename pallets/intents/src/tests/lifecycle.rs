use super::*;
use crate::{Chains, Error, Event, OpenIntentsByCell};
use ailock_primitives::traits::IntentLifecycle;
use frame_support::assert_noop;

#[test]
fn an_intent_goes_through_the_status_machine() {
	with_alice_translating().build_and_execute(|| {
		let id = 0;
		assert_ok!(<Intents as IntentLifecycle<_>>::start_auction(id));
		assert_eq!(intent(id).status, IntentStatus::Auctioning);
		assert!(OpenIntentsByCell::<Test>::contains_key(cell("u281"), id), "still discoverable");
		assert_ok!(<Intents as IntentLifecycle<_>>::award(id, &BOB));
		assert_eq!((intent(id).status, intent(id).provider), (IntentStatus::Awarded, Some(BOB)));
		assert!(!OpenIntentsByCell::<Test>::contains_key(cell("u281"), id));
		System::assert_last_event(
			Event::IntentStatusChanged {
				intent: id,
				status: IntentStatus::Awarded,
				provider: Some(BOB),
				deposit_released: 0,
			}
			.into(),
		);
		assert_noop!(
			<Intents as IntentLifecycle<_>>::complete(id),
			Error::<Test>::InvalidTransition
		);
		assert_ok!(<Intents as IntentLifecycle<_>>::start_work(id));
		assert_ok!(<Intents as IntentLifecycle<_>>::complete(id));
		assert!(IntentsStorage::<Test>::get(id).is_none());
		assert_eq!(held_for_intents(ALICE), 0);
		assert_noop!(
			<Intents as IntentLifecycle<_>>::start_work(id),
			Error::<Test>::IntentNotFound
		);
	});
}

#[test]
fn chain_steps_run_in_dependency_order_and_complete_the_root() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		assert_ok!(Intents::propose_chain(
			RuntimeOrigin::signed(ALICE),
			root,
			BoundedVec::truncate_from(conference_steps()),
			None
		));
		let ids: Vec<IntentId> =
			Chains::<Test>::get(root).expect("chain").steps.iter().map(|s| s.intent).collect();
		// Catering waits for the venue.
		assert_noop!(
			<Intents as IntentLifecycle<_>>::award(ids[2], &BOB),
			Error::<Test>::InvalidTransition
		);
		let finish = |id: IntentId| {
			assert_ok!(<Intents as IntentLifecycle<_>>::award(id, &BOB));
			assert_ok!(<Intents as IntentLifecycle<_>>::start_work(id));
			assert_ok!(<Intents as IntentLifecycle<_>>::complete(id));
		};
		finish(ids[0]);
		System::assert_has_event(Event::StepReady { root, step: 2, intent: ids[2] }.into());
		let state = |i: usize| Chains::<Test>::get(root).expect("chain").steps[i].state;
		assert_eq!((state(2), state(3)), (StepState::Ready, StepState::Waiting));
		finish(ids[1]);
		assert_eq!(state(3), StepState::Ready);
		finish(ids[2]);
		finish(ids[3]);
		assert_eq!(state(4), StepState::Ready);
		finish(ids[4]);
		System::assert_has_event(Event::ChainCompleted { root }.into());
		assert!(Chains::<Test>::get(root).is_none());
		assert!(IntentsStorage::<Test>::get(root).is_none());
		assert_eq!(held_for_intents(ALICE), 0);
		// The root itself never goes through the machine.
		let other = post(ALICE, conference(8_000));
		assert_ok!(Intents::propose_chain(
			RuntimeOrigin::signed(ALICE),
			other,
			BoundedVec::truncate_from(conference_steps()),
			None
		));
		assert_noop!(
			<Intents as IntentLifecycle<_>>::award(other, &BOB),
			Error::<Test>::InvalidTransition
		);
	});
}
