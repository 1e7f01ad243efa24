use super::*;
use crate::{Chains, Error};
use ailock_primitives::traits::IntentLifecycle;
use frame_support::assert_noop;

fn chain_root() -> IntentId {
	let root = post(ALICE, conference(8_000));
	assert_ok!(Intents::propose_chain(
		RuntimeOrigin::signed(ALICE),
		root,
		BoundedVec::truncate_from(conference_steps()),
		None
	));
	root
}

#[test]
fn cancels_a_leaf_step_and_releases_its_deposit() {
	test(|| {
		let root = chain_root();
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
fn errors() {
	test(|| {
		let root = chain_root();
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(BOB), root, 4),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(ALICE), root, 9),
			Error::<Test>::StepNotFound
		);
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(ALICE), root, 0),
			Error::<Test>::StepHasDependents
		);
		let venue = Chains::<Test>::get(root).expect("chain").steps[1].intent;
		assert_ok!(<Intents as IntentLifecycle<_>>::award(venue, &BOB));
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(ALICE), root, 1),
			Error::<Test>::StepNotCancellable
		);
		let plain = post(ALICE, translation(2_000));
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(ALICE), plain, 0),
			Error::<Test>::ChainNotFound
		);
	});
}
