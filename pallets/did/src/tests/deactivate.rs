use super::*;
use crate::{AgentOwner, Delegations, Error, Event};
use frame_support::assert_noop;

#[test]
fn releases_everything_and_revokes_agents() {
	test(|| {
		alice_with_agent(&["Market"]);
		assert_ok!(crate::TestAgentConsent::authorize::<Test>(
			RuntimeOrigin::signed(ALICE),
			ALICE,
			OTHER_AGENT,
			scope(&["Market.commit"]),
			5,
			10,
			50
		));
		let deposit = held(ALICE);
		assert_ok!(Did::deactivate(RuntimeOrigin::signed(ALICE), ALICE));
		assert!(Dids::<Test>::get(ALICE).is_none());
		assert_eq!(held(ALICE), 0);
		// The tombstone's deposit stays held for good.
		assert_eq!(Balances::free_balance(ALICE), INITIAL_BALANCE - 7);
		assert_eq!(
			<Balances as frame_support::traits::fungible::InspectHold<_>>::balance_on_hold(
				&crate::HoldReason::Tombstone.into(),
				&ALICE
			),
			7
		);
		assert!(AgentOwner::<Test>::get(AGENT).is_none());
		assert!(AgentOwner::<Test>::get(OTHER_AGENT).is_none());
		assert_eq!(Delegations::<Test>::iter_prefix(ALICE).count(), 0);
		let Some(RuntimeEvent::Did(Event::DidDeactivated {
			did,
			deposit_released,
			tombstone_deposit,
			agents_revoked,
		})) = System::events().pop().map(|record| record.event)
		else {
			panic!("DidDeactivated is the last event")
		};
		assert_eq!((did, deposit_released, tombstone_deposit), (ALICE, deposit, 7));
		let mut revoked = agents_revoked.into_inner();
		revoked.sort();
		let mut expected = vec![AGENT, OTHER_AGENT];
		expected.sort();
		assert_eq!(revoked, expected);
		// The agent no longer acts for anyone.
		assert_noop!(
			Did::dispatch_as_agent(
				RuntimeOrigin::signed(AGENT),
				Box::new(RuntimeCall::Market(market::Call::commit { amount: 1 }))
			),
			Error::<Test>::NotAnAgent
		);
	});
}

#[test]
fn only_a_stored_did_is_deactivated() {
	test(|| {
		assert_noop!(
			Did::deactivate(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::DidNotFound
		);
	});
}

#[test]
fn only_the_controller_deactivates() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(
			Did::deactivate(RuntimeOrigin::signed(BOB), ALICE),
			Error::<Test>::NotController
		);
	});
}

#[test]
fn a_did_in_use_stays_active() {
	ExtBuilder::default().with_did(IN_USE).build_and_execute(|| {
		assert_noop!(
			Did::deactivate(RuntimeOrigin::signed(IN_USE), IN_USE),
			Error::<Test>::DidInUse
		);
	});
}

#[test]
fn a_did_is_deactivated_once() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_ok!(Did::deactivate(RuntimeOrigin::signed(ALICE), ALICE));
		assert_noop!(
			Did::deactivate(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::DidNotFound
		);
	});
}
