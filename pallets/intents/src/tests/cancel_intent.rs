use super::*;
use crate::{Chains, Error, Event, OpenIntentsByCell};
use ailock_primitives::traits::IntentLifecycle;
use frame_support::assert_noop;

#[test]
fn cancels_and_releases_the_deposit() {
	with_alice_translating().build_and_execute(|| {
		let id = 0;
		let deposit = intent(id).deposit;
		assert_ok!(Intents::cancel_intent(RuntimeOrigin::signed(ALICE), id));
		assert!(IntentsStorage::<Test>::get(id).is_none());
		assert!(!OpenIntentsByCell::<Test>::contains_key(cell("u281"), id));
		assert_eq!(held_for_intents(ALICE), 0);
		System::assert_last_event(
			Event::IntentStatusChanged {
				intent: id,
				status: IntentStatus::Cancelled,
				provider: None,
				deposit_released: deposit,
			}
			.into(),
		);
	});
}

#[test]
fn cancelling_a_root_cancels_its_unawarded_steps() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		assert_ok!(Intents::propose_chain(
			RuntimeOrigin::signed(ALICE),
			root,
			BoundedVec::truncate_from(conference_steps()),
			None
		));
		assert_ok!(Intents::cancel_intent(RuntimeOrigin::signed(ALICE), root));
		assert!(Chains::<Test>::get(root).is_none());
		assert_eq!(IntentsStorage::<Test>::iter().count(), 0);
		assert_eq!(held_for_intents(ALICE), 0);
	});
}

#[test]
fn only_a_stored_intent_is_cancelled() {
	test(|| {
		assert_noop!(
			Intents::cancel_intent(RuntimeOrigin::signed(ALICE), 7),
			Error::<Test>::IntentNotFound
		);
	});
}

#[test]
fn only_the_owner_cancels() {
	with_alice_translating().build_and_execute(|| {
		assert_noop!(
			Intents::cancel_intent(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn awarded_work_is_not_cancelled() {
	with_alice_translating().build_and_execute(|| {
		assert_ok!(<Intents as IntentLifecycle<_>>::award(0, &BOB));
		assert_noop!(
			Intents::cancel_intent(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::NotOpen
		);
	});
}

#[test]
fn a_chain_step_is_cancelled_through_its_chain() {
	test(|| {
		let (root, _) = conference_chain();
		let first_step = Chains::<Test>::get(root).expect("chain").steps[0].intent;
		assert_noop!(
			Intents::cancel_intent(RuntimeOrigin::signed(ALICE), first_step),
			Error::<Test>::IsChainStep
		);
	});
}

#[test]
fn a_chain_with_an_awarded_step_is_not_cancelled() {
	test(|| {
		let (root, _) = conference_chain();
		let first_step = Chains::<Test>::get(root).expect("chain").steps[0].intent;
		assert_ok!(<Intents as IntentLifecycle<_>>::award(first_step, &BOB));
		assert_noop!(
			Intents::cancel_intent(RuntimeOrigin::signed(ALICE), root),
			Error::<Test>::NotOpen
		);
	});
}

#[test]
fn a_did_with_open_intents_cannot_be_deactivated() {
	with_alice_translating().build_and_execute(|| {
		let id = 0;
		assert_eq!(crate::IntentCount::<Test>::get(ALICE), 1);
		frame_support::assert_noop!(
			Did::deactivate(RuntimeOrigin::signed(ALICE), ALICE),
			pallet_did::Error::<Test>::DidInUse
		);
		assert_ok!(Intents::cancel_intent(RuntimeOrigin::signed(ALICE), id));
		assert!(!crate::IntentCount::<Test>::contains_key(ALICE));
		assert_ok!(Did::deactivate(RuntimeOrigin::signed(ALICE), ALICE));
	});
}
