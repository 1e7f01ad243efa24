use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;

#[test]
fn the_new_controller_takes_over_and_the_deposit_stays() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		let deposit = held(ALICE);
		assert_ok!(Did::change_controller(RuntimeOrigin::signed(ALICE), ALICE, BOB));
		assert_eq!(document(ALICE).controller, BOB);
		System::assert_last_event(
			Event::ControllerChanged { did: ALICE, old: ALICE, new: BOB }.into(),
		);
		assert_ok!(Did::add_key(RuntimeOrigin::signed(BOB), ALICE, ed(9), AssertionMethod));
		assert_noop!(
			Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, ed(10), AssertionMethod),
			Error::<Test>::NotController
		);
		// Still held from the DID's own account.
		assert_eq!(held(ALICE), deposit + BYTE_DEPOSIT * METHOD_BYTES);
		assert_eq!(held(BOB), 0);
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Did::change_controller(RuntimeOrigin::signed(ALICE), ALICE, BOB),
			Error::<Test>::DidNotFound
		);
		create_did(ALICE);
		assert_noop!(
			Did::change_controller(RuntimeOrigin::signed(BOB), ALICE, BOB),
			Error::<Test>::NotController
		);
		assert_noop!(
			Did::change_controller(RuntimeOrigin::signed(ALICE), ALICE, ALICE),
			Error::<Test>::SameController
		);
	});
}
