use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;

#[test]
fn adds_a_service_and_grows_the_deposit() {
	test(|| {
		create_did(ALICE);
		let before = held(ALICE);
		let messaging = service("inbox", "AilockMessaging", "wss://relay.example/alice");
		assert_ok!(Did::add_service(RuntimeOrigin::signed(ALICE), ALICE, messaging.clone()));
		assert_eq!(document(ALICE).services.to_vec(), vec![messaging.clone()]);
		let bytes = (1 + 5) + (1 + 15) + (1 + 25);
		assert_eq!(held(ALICE), before + BYTE_DEPOSIT * bytes);
		System::assert_last_event(
			Event::ServiceAdded { did: ALICE, service: messaging, deposit: held(ALICE) }.into(),
		);
	});
}

#[test]
fn validates_the_service() {
	test(|| {
		create_did(ALICE);
		let add = |s| Did::add_service(RuntimeOrigin::signed(ALICE), ALICE, s);
		assert_noop!(
			add(service("", "A2AAgentCard", "https://x.example")),
			Error::<Test>::InvalidServiceId
		);
		assert_noop!(
			add(service("my card", "A2AAgentCard", "https://x.example")),
			Error::<Test>::InvalidServiceId
		);
		assert_noop!(
			add(service("card", "", "https://x.example")),
			Error::<Test>::InvalidServiceType
		);
		assert_noop!(
			add(service("card", "Agent-Card", "https://x.example")),
			Error::<Test>::InvalidServiceType
		);
		assert_noop!(
			add(service("card", "A2AAgentCard", "https://")),
			Error::<Test>::InvalidServiceUrl
		);
		assert_noop!(
			add(service("card", "A2AAgentCard", "ftp://x.example")),
			Error::<Test>::InvalidServiceUrl
		);
		assert_noop!(
			add(service("card", "A2AAgentCard", "https://x.example/a b")),
			Error::<Test>::InvalidServiceUrl
		);
		assert_ok!(add(service("card", "A2AAgentCard", "ipfs://bafy")));
		assert_noop!(
			add(service("card", "A2AAgentCard", "https://y.example")),
			Error::<Test>::DuplicateServiceId
		);
	});
}

#[test]
fn bounded_and_controlled() {
	test(|| {
		let s = |n: u32| service(&format!("s{n}"), "LinkedDomains", "https://x.example");
		assert_noop!(
			Did::add_service(RuntimeOrigin::signed(ALICE), ALICE, s(0)),
			Error::<Test>::DidNotFound
		);
		create_did(ALICE);
		assert_noop!(
			Did::add_service(RuntimeOrigin::signed(BOB), ALICE, s(0)),
			Error::<Test>::NotController
		);
		for n in 0..MAX_SERVICES {
			assert_ok!(Did::add_service(RuntimeOrigin::signed(ALICE), ALICE, s(n)));
		}
		assert_noop!(
			Did::add_service(RuntimeOrigin::signed(ALICE), ALICE, s(MAX_SERVICES)),
			Error::<Test>::TooManyServices
		);
	});
}

#[test]
fn needs_funds_for_the_larger_deposit() {
	test(|| {
		create_did(CHARLIE);
		set_free(CHARLIE, 1);
		assert_noop!(
			Did::add_service(
				RuntimeOrigin::signed(CHARLIE),
				CHARLIE,
				service("card", "A2AAgentCard", "https://x.example")
			),
			Error::<Test>::InsufficientDeposit
		);
	});
}
