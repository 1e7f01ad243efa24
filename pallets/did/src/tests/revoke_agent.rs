use super::*;
use crate::{AgentOwner, Delegations, Error, Event};
use frame_support::assert_noop;

#[test]
fn revokes_at_once_and_releases_the_deposit() {
	test(|| {
		alice_with_agent(&["Market"]);
		let deposit = held(ALICE);
		assert_ok!(Did::revoke_agent(RuntimeOrigin::signed(ALICE), ALICE, AGENT));
		assert_eq!(held(ALICE), deposit - AGENT_DEPOSIT);
		assert!(AgentOwner::<Test>::get(AGENT).is_none());
		assert!(Delegations::<Test>::get(ALICE, AGENT).is_none());
		assert_eq!(document(ALICE).agents, 0);
		System::assert_last_event(
			Event::AgentRevoked { did: ALICE, agent: AGENT, deposit: held(ALICE) }.into(),
		);
		assert_noop!(
			Did::dispatch_as_agent(
				RuntimeOrigin::signed(AGENT),
				Box::new(RuntimeCall::Market(market::Call::commit { amount: 1 }))
			),
			Error::<Test>::NotAnAgent
		);
		// The key is free to serve another DID now.
		create_did(BOB);
		assert_ok!(crate::TestAgentConsent::authorize::<Test>(
			RuntimeOrigin::signed(BOB),
			BOB,
			AGENT,
			scope(&["Market"]),
			1,
			1,
			9
		));
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Did::revoke_agent(RuntimeOrigin::signed(ALICE), ALICE, AGENT),
			Error::<Test>::DidNotFound
		);
		alice_with_agent(&["Market"]);
		assert_noop!(
			Did::revoke_agent(RuntimeOrigin::signed(BOB), ALICE, AGENT),
			Error::<Test>::NotController
		);
		assert_noop!(
			Did::revoke_agent(RuntimeOrigin::signed(ALICE), ALICE, OTHER_AGENT),
			Error::<Test>::DelegationNotFound
		);
	});
}
