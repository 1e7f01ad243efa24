use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;

#[test]
fn adds_a_service_and_grows_the_deposit() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
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

/// Adding `s` to Alice's new DID is refused with `error`.
fn service_refused(s: ServiceEndpoint, error: Error<Test>) {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(Did::add_service(RuntimeOrigin::signed(ALICE), ALICE, s), error);
	});
}

#[test]
fn a_service_needs_an_id() {
	service_refused(
		service("", "A2AAgentCard", "https://x.example"),
		Error::<Test>::InvalidServiceId,
	);
}

#[test]
fn a_service_id_has_no_spaces() {
	service_refused(
		service("my card", "A2AAgentCard", "https://x.example"),
		Error::<Test>::InvalidServiceId,
	);
}

#[test]
fn a_service_needs_a_type() {
	service_refused(service("card", "", "https://x.example"), Error::<Test>::InvalidServiceType);
}

#[test]
fn a_service_type_is_letters_and_digits() {
	service_refused(
		service("card", "Agent-Card", "https://x.example"),
		Error::<Test>::InvalidServiceType,
	);
}

#[test]
fn a_service_url_has_more_than_its_scheme() {
	service_refused(service("card", "A2AAgentCard", "https://"), Error::<Test>::InvalidServiceUrl);
}

#[test]
fn a_service_url_is_https_wss_or_ipfs() {
	service_refused(
		service("card", "A2AAgentCard", "ftp://x.example"),
		Error::<Test>::InvalidServiceUrl,
	);
}

#[test]
fn a_service_url_is_printable_ascii() {
	service_refused(
		service("card", "A2AAgentCard", "https://x.example/a b"),
		Error::<Test>::InvalidServiceUrl,
	);
}

#[test]
fn a_service_id_is_unique_in_the_document() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		let add = |s| Did::add_service(RuntimeOrigin::signed(ALICE), ALICE, s);
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
