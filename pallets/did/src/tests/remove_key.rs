use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;

#[test]
fn removes_a_key_and_releases_its_deposit() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_ok!(Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, ed(3), AssertionMethod));
		let before = held(ALICE);
		assert_ok!(Did::remove_key(RuntimeOrigin::signed(ALICE), ALICE, 0));
		let doc = document(ALICE);
		assert_eq!(doc.keys.iter().map(|m| m.id).collect::<Vec<_>>(), vec![1]);
		assert_eq!(held(ALICE), before - BYTE_DEPOSIT * METHOD_BYTES);
		System::assert_last_event(
			Event::KeyRemoved { did: ALICE, key_id: 0, deposit: held(ALICE) }.into(),
		);
		// Ids are never reused.
		assert_ok!(Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, ed(4), AssertionMethod));
		assert_eq!(document(ALICE).keys[1].id, 2);
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Did::remove_key(RuntimeOrigin::signed(ALICE), ALICE, 0),
			Error::<Test>::DidNotFound
		);
		create_did(ALICE);
		assert_noop!(
			Did::remove_key(RuntimeOrigin::signed(BOB), ALICE, 0),
			Error::<Test>::NotController
		);
		assert_noop!(
			Did::remove_key(RuntimeOrigin::signed(ALICE), ALICE, 5),
			Error::<Test>::KeyNotFound
		);
	});
}
