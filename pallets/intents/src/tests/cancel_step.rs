use super::*;
use crate::{Chains, Error};
use ailock_primitives::traits::IntentLifecycle;
use frame_support::assert_noop;

#[test]
fn cancels_a_leaf_step_and_releases_its_deposit() {
	test(|| {
		let (root, _) = conference_chain();
		let leaf = Chains::<Test>::get(root).expect("chain").steps[4].intent;
		let before = held_for_intents(ALICE);
		let deposit = intent(leaf).deposit;
		assert_ok!(Intents::cancel_step(RuntimeOrigin::signed(ALICE), root, 4));
		assert!(IntentsStorage::<Test>::get(leaf).is_none());
		assert_eq!(Chains::<Test>::get(root).expect("chain").steps[4].state, StepState::Cancelled);
		assert_eq!(held_for_intents(ALICE), before - deposit);
	});
}

#[test]
fn only_the_owner_cancels_a_step() {
	test(|| {
		let (root, _) = conference_chain();
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(BOB), root, 4),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn only_a_step_of_the_chain_is_cancelled() {
	test(|| {
		let (root, _) = conference_chain();
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(ALICE), root, 9),
			Error::<Test>::StepNotFound
		);
	});
}

#[test]
fn a_step_others_depend_on_stays() {
	test(|| {
		let (root, _) = conference_chain();
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(ALICE), root, 0),
			Error::<Test>::StepHasDependents
		);
	});
}

#[test]
fn an_awarded_step_is_not_cancelled() {
	test(|| {
		let (root, _) = conference_chain();
		let speakers = Chains::<Test>::get(root).expect("chain").steps[1].intent;
		assert_ok!(<Intents as IntentLifecycle<_>>::award(speakers, &BOB));
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(ALICE), root, 1),
			Error::<Test>::StepNotCancellable
		);
	});
}

#[test]
fn only_a_chain_has_steps_to_cancel() {
	with_alice_translating().build_and_execute(|| {
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(ALICE), 0, 0),
			Error::<Test>::ChainNotFound
		);
	});
}
