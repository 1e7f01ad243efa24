use super::*;
use crate::{DeactivatedDids, Error, Event};
use frame_support::assert_noop;

#[test]
fn creates_a_document_and_holds_its_deposit() {
	test(|| {
		let list = keys(&[(sr(1), Authentication), (x25519(2), KeyAgreement)]);
		let endpoints =
			services(&[service("agent-card", "A2AAgentCard", "https://a.example/card")]);
		assert_ok!(Did::create(RuntimeOrigin::signed(ALICE), list, endpoints.clone()));

		let doc = document(ALICE);
		assert_eq!(doc.controller, ALICE);
		assert_eq!(doc.keys.iter().map(|m| m.id).collect::<Vec<_>>(), vec![0, 1]);
		assert_eq!(doc.keys[1].relationship, KeyAgreement);
		assert_eq!(doc.next_key_id, 2);
		assert_eq!(doc.services, endpoints);
		// Base + keys (length prefix and two methods) + services (prefix, id, type, url).
		let service_bytes = 1 + (1 + 10) + (1 + 12) + (1 + 22);
		let expected = DID_DEPOSIT + BYTE_DEPOSIT * (1 + 2 * METHOD_BYTES + service_bytes);
		assert_eq!(doc.deposit, expected);
		assert_eq!(held(ALICE), expected);
		assert_eq!(Balances::free_balance(ALICE), INITIAL_BALANCE - expected);
		System::assert_last_event(
			Event::DidCreated {
				did: ALICE,
				controller: ALICE,
				keys: doc.keys.clone(),
				services: endpoints,
				deposit: expected,
			}
			.into(),
		);
	});
}

#[test]
fn an_empty_document_pays_the_base_deposit() {
	test(|| {
		assert_ok!(Did::create(RuntimeOrigin::signed(BOB), keys(&[]), services(&[])));
		assert_eq!(held(BOB), DID_DEPOSIT + BYTE_DEPOSIT * 2);
	});
}

#[test]
fn refuses_a_second_document() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(
			Did::create(RuntimeOrigin::signed(ALICE), keys(&[]), services(&[])),
			Error::<Test>::DidAlreadyExists
		);
	});
}

#[test]
fn a_deactivated_did_can_never_come_back() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_ok!(Did::deactivate(RuntimeOrigin::signed(ALICE), ALICE));
		assert!(DeactivatedDids::<Test>::contains_key(ALICE));
		assert_noop!(
			Did::create(RuntimeOrigin::signed(ALICE), keys(&[]), services(&[])),
			Error::<Test>::DidWasDeactivated
		);
	});
}

#[test]
fn checks_key_types_and_duplicates() {
	test(|| {
		assert_noop!(
			Did::create(
				RuntimeOrigin::signed(ALICE),
				keys(&[(x25519(1), Authentication)]),
				services(&[])
			),
			Error::<Test>::KeyTypeNotAllowed
		);
		assert_noop!(
			Did::create(
				RuntimeOrigin::signed(ALICE),
				keys(&[(ed(1), KeyAgreement)]),
				services(&[])
			),
			Error::<Test>::KeyTypeNotAllowed
		);
		assert_noop!(
			Did::create(
				RuntimeOrigin::signed(ALICE),
				keys(&[(sr(1), Authentication), (sr(1), Authentication)]),
				services(&[])
			),
			Error::<Test>::DuplicateKey
		);
		// The same key in two relationships is fine.
		assert_ok!(Did::create(
			RuntimeOrigin::signed(ALICE),
			keys(&[(sr(1), Authentication), (sr(1), AssertionMethod)]),
			services(&[])
		));
	});
}

#[test]
fn checks_services() {
	test(|| {
		let bad = service("card", "A2AAgentCard", "http://plain.example");
		assert_noop!(
			Did::create(RuntimeOrigin::signed(ALICE), keys(&[]), services(&[bad])),
			Error::<Test>::InvalidServiceUrl
		);
		let twice = service("card", "A2AAgentCard", "https://a.example");
		assert_noop!(
			Did::create(RuntimeOrigin::signed(ALICE), keys(&[]), services(&[twice.clone(), twice])),
			Error::<Test>::DuplicateServiceId
		);
	});
}

#[test]
fn needs_funds_for_the_deposit() {
	// The base alone: the two empty lists' bytes are not covered.
	ExtBuilder::default().with_balance(PAUPER, DID_DEPOSIT).build_and_execute(|| {
		assert_noop!(
			Did::create(RuntimeOrigin::signed(PAUPER), keys(&[]), services(&[])),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn needs_a_signed_origin() {
	test(|| {
		assert_noop!(
			Did::create(RuntimeOrigin::root(), keys(&[]), services(&[])),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
