use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;

#[test]
fn replaces_a_key_keeping_its_relationship() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_ok!(Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, x25519(3), KeyAgreement));
		let before = held(ALICE);
		assert_ok!(Did::rotate_key(RuntimeOrigin::signed(ALICE), ALICE, 1, x25519(4)));
		let doc = document(ALICE);
		assert_eq!(doc.keys.len(), 2);
		assert!(doc.keys.iter().all(|m| m.id != 1));
		let rotated = doc.keys.iter().find(|m| m.id == 2).expect("new id");
		assert_eq!((rotated.key.clone(), rotated.relationship), (x25519(4), KeyAgreement));
		assert_eq!(held(ALICE), before);
		System::assert_last_event(
			Event::KeyRotated {
				did: ALICE,
				old_key_id: 1,
				new_key_id: 2,
				key: x25519(4),
				relationship: KeyAgreement,
				deposit: before,
			}
			.into(),
		);
	});
}

#[test]
fn only_a_stored_did_rotates_keys() {
	test(|| {
		assert_noop!(
			Did::rotate_key(RuntimeOrigin::signed(ALICE), ALICE, 0, sr(5)),
			Error::<Test>::DidNotFound
		);
	});
}

#[test]
fn only_the_controller_rotates_keys() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(
			Did::rotate_key(RuntimeOrigin::signed(BOB), ALICE, 0, sr(5)),
			Error::<Test>::NotController
		);
	});
}

#[test]
fn only_a_listed_key_is_rotated() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(
			Did::rotate_key(RuntimeOrigin::signed(ALICE), ALICE, 7, sr(5)),
			Error::<Test>::KeyNotFound
		);
	});
}

#[test]
fn a_signing_key_is_not_replaced_by_an_agreement_key() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(
			Did::rotate_key(RuntimeOrigin::signed(ALICE), ALICE, 0, x25519(5)),
			Error::<Test>::KeyTypeNotAllowed
		);
	});
}

#[test]
fn a_key_is_listed_once() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_ok!(Did::add_key(RuntimeOrigin::signed(ALICE), ALICE, sr(8), Authentication));
		assert_noop!(
			Did::rotate_key(RuntimeOrigin::signed(ALICE), ALICE, 0, sr(8)),
			Error::<Test>::DuplicateKey
		);
	});
}

#[test]
fn needs_funds_when_the_new_key_is_larger() {
	test(|| {
		create_did(CHARLIE);
		set_free(CHARLIE, 1);
		let ecdsa = DidPublicKey::Ecdsa(sp_core::ecdsa::Public::from_raw([2; 33]));
		assert_noop!(
			Did::rotate_key(RuntimeOrigin::signed(CHARLIE), CHARLIE, 0, ecdsa),
			Error::<Test>::InsufficientDeposit
		);
	});
}
