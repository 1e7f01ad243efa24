use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;

#[test]
fn removes_a_service_and_releases_its_deposit() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		let base = held(ALICE);
		let card = service("card", "A2AAgentCard", "https://x.example");
		assert_ok!(Did::add_service(RuntimeOrigin::signed(ALICE), ALICE, card.clone()));
		assert_ok!(Did::remove_service(RuntimeOrigin::signed(ALICE), ALICE, card.id.clone()));
		assert!(document(ALICE).services.is_empty());
		assert_eq!(held(ALICE), base);
		System::assert_last_event(
			Event::ServiceRemoved { did: ALICE, service_id: card.id, deposit: base }.into(),
		);
	});
}

#[test]
fn errors() {
	test(|| {
		let id = service("card", "A2AAgentCard", "https://x.example").id;
		assert_noop!(
			Did::remove_service(RuntimeOrigin::signed(ALICE), ALICE, id.clone()),
			Error::<Test>::DidNotFound
		);
		create_did(ALICE);
		assert_noop!(
			Did::remove_service(RuntimeOrigin::signed(BOB), ALICE, id.clone()),
			Error::<Test>::NotController
		);
		assert_noop!(
			Did::remove_service(RuntimeOrigin::signed(ALICE), ALICE, id),
			Error::<Test>::ServiceNotFound
		);
	});
}
