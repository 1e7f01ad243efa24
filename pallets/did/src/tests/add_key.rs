use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;

#[test]
fn adds_a_key_with_the_next_id_and_grows_the_deposit() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		let before = held(ALICE);
		assert_ok!(Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, x25519(7), KeyAgreement));
		let doc = document(ALICE);
		assert_eq!(doc.keys.len(), 2);
		assert_eq!(doc.keys[1].id, 1);
		assert_eq!(held(ALICE), before + BYTE_DEPOSIT * METHOD_BYTES);
		System::assert_last_event(
			Event::KeyAdded {
				did: ALICE,
				key_id: 1,
				key: x25519(7),
				relationship: KeyAgreement,
				deposit: held(ALICE),
			}
			.into(),
		);
	});
}

#[test]
fn only_the_controller_of_an_active_did() {
	test(|| {
		assert_noop!(
			Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, sr(1), AssertionMethod),
			Error::<Test>::DidNotFound
		);
		create_did(ALICE);
		assert_noop!(
			Did::add_key(RuntimeOrigin::signed(BOB), ALICE, sr(1), AssertionMethod),
			Error::<Test>::NotController
		);
	});
}

#[test]
fn checks_type_duplicates_and_room() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(
			Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, sr(9), KeyAgreement),
			Error::<Test>::KeyTypeNotAllowed
		);
		assert_noop!(
			Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, sr(ALICE as u8), Authentication),
			Error::<Test>::DuplicateKey
		);
		for seed in 2..=MAX_KEYS as u8 {
			assert_ok!(Did::add_key(
				RuntimeOrigin::signed(ALICE),
				ALICE,
				sr(seed + 100),
				CapabilityInvocation
			));
		}
		assert_noop!(
			Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, sr(200), CapabilityDelegation),
			Error::<Test>::TooManyKeys
		);
	});
}

#[test]
fn needs_funds_for_the_larger_deposit() {
	test(|| {
		create_did(CHARLIE);
		set_free(CHARLIE, 1);
		assert_noop!(
			Did::add_key(RuntimeOrigin::signed(CHARLIE), CHARLIE, ed(5), AssertionMethod),
			Error::<Test>::InsufficientDeposit
		);
	});
}
