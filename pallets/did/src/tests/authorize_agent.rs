use super::*;
use crate::{AgentOwner, Delegations, Error, Event};
use frame_support::assert_noop;

fn authorize(
	agent: AccountId,
	entries: &[&str],
	period: u64,
	expires_at: u64,
) -> sp_runtime::DispatchResult {
	crate::TestAgentConsent::authorize::<Test>(
		RuntimeOrigin::signed(ALICE),
		ALICE,
		agent,
		scope(entries),
		100,
		period,
		expires_at,
	)
}

#[test]
fn authorizes_an_agent_and_holds_its_deposit() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		let before = held(ALICE);
		assert_ok!(authorize(AGENT, &["Market.commit", "Balances"], 10, 100));
		assert_eq!(held(ALICE), before + AGENT_DEPOSIT);
		assert_eq!(AgentOwner::<Test>::get(AGENT), Some(ALICE));
		let delegation = Delegations::<Test>::get(ALICE, AGENT).expect("stored");
		assert_eq!(delegation.spend_cap, 100);
		assert_eq!(
			(delegation.period, delegation.period_start, delegation.expires_at),
			(10, 1, 100)
		);
		assert_eq!(document(ALICE).agents, 1);
		System::assert_last_event(
			Event::AgentAuthorized {
				did: ALICE,
				agent: AGENT,
				scope: scope(&["Market.commit", "Balances"]),
				spend_cap: 100,
				period: 10,
				expires_at: 100,
				deposit: held(ALICE),
			}
			.into(),
		);
	});
}

#[test]
fn authorizing_again_replaces_the_delegation_without_another_deposit() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_ok!(authorize(AGENT, &["Market"], 10, 100));
		let deposit = held(ALICE);
		assert_ok!(authorize(AGENT, &["Market.refuse"], 20, 200));
		assert_eq!(held(ALICE), deposit);
		assert_eq!(document(ALICE).agents, 1);
		let delegation = Delegations::<Test>::get(ALICE, AGENT).expect("stored");
		assert_eq!((delegation.period, delegation.expires_at), (20, 200));
		assert!(!delegation.allows("Market", "commit"));
	});
}

#[test]
fn only_a_stored_did_authorizes_agents() {
	test(|| {
		assert_noop!(authorize(AGENT, &["Market"], 10, 100), Error::<Test>::DidNotFound);
	});
}

#[test]
fn only_the_controller_authorizes_agents() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(
			crate::TestAgentConsent::authorize::<Test>(
				RuntimeOrigin::signed(BOB),
				ALICE,
				AGENT,
				scope(&["Market"]),
				1,
				1,
				9
			),
			Error::<Test>::NotController
		);
	});
}

#[test]
fn the_owner_is_not_its_own_agent() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(authorize(ALICE, &["Market"], 10, 100), Error::<Test>::AgentIsOwner);
	});
}

#[test]
fn an_agent_key_serves_one_did() {
	ExtBuilder::default().with_did(ALICE).with_did(BOB).build_and_execute(|| {
		assert_ok!(crate::TestAgentConsent::authorize::<Test>(
			RuntimeOrigin::signed(BOB),
			BOB,
			AGENT,
			scope(&["Market"]),
			1,
			1,
			9
		));
		assert_noop!(authorize(AGENT, &["Market"], 10, 100), Error::<Test>::AgentBoundToAnotherDid);
	});
}

#[test]
fn a_scope_names_at_least_one_call() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(authorize(AGENT, &[], 10, 100), Error::<Test>::EmptyScope);
	});
}

#[test]
fn a_scope_names_pallets_and_calls_that_exist() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		for entry in ["Markets", "Market.steal"] {
			assert_noop!(authorize(AGENT, &[entry], 10, 100), Error::<Test>::UnknownScopeCall);
		}
	});
}

#[test]
fn the_did_pallet_is_never_delegated() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		for entry in ["Did", "Did.add_key"] {
			assert_noop!(authorize(AGENT, &[entry], 10, 100), Error::<Test>::ScopeNotDelegable);
		}
	});
}

#[test]
fn a_spending_period_is_at_least_a_block() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(authorize(AGENT, &["Market"], 0, 100), Error::<Test>::ZeroPeriod);
	});
}

#[test]
fn a_delegation_expires_in_the_future() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		System::set_block_number(100);
		assert_noop!(authorize(AGENT, &["Market"], 10, 100), Error::<Test>::ExpiryInPast);
	});
}

#[test]
fn bounded_and_paid_for() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_ok!(authorize(AGENT, &["Market"], 10, 100));
		assert_ok!(authorize(OTHER_AGENT, &["Market"], 10, 100));
		assert_noop!(authorize(12, &["Market"], 10, 100), Error::<Test>::TooManyAgents);

		create_did(CHARLIE);
		set_free(CHARLIE, 1);
		assert_noop!(
			crate::TestAgentConsent::authorize::<Test>(
				RuntimeOrigin::signed(CHARLIE),
				CHARLIE,
				13,
				scope(&["Market"]),
				1,
				1,
				9
			),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn an_agent_key_is_bound_only_with_its_consent_to_these_terms() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		let terms = crate::types::DelegationTerms {
			scope: scope(&["Market"]),
			spend_cap: 100,
			period: 10,
			expires_at: 100,
		};
		let authorize = |proof| {
			Did::authorize_agent(
				RuntimeOrigin::signed(ALICE),
				ALICE,
				AGENT,
				terms.scope.clone(),
				terms.spend_cap,
				terms.period,
				terms.expires_at,
				proof,
			)
		};
		// Signed by another key, or by the agent for other terms: refused.
		let by_other = crate::TestAgentConsent::proof::<Test>(ALICE, OTHER_AGENT, &terms);
		let by_other = sp_runtime::testing::TestSignature(OTHER_AGENT, by_other.1);
		assert_noop!(authorize(by_other), Error::<Test>::InvalidAgentConsent);
		let mut richer = terms.clone();
		richer.spend_cap = 1_000;
		let for_other_terms = crate::TestAgentConsent::proof::<Test>(ALICE, AGENT, &richer);
		assert_noop!(authorize(for_other_terms), Error::<Test>::InvalidAgentConsent);
		let for_other_did = crate::TestAgentConsent::proof::<Test>(BOB, AGENT, &terms);
		assert_noop!(authorize(for_other_did), Error::<Test>::InvalidAgentConsent);
		assert_ok!(authorize(crate::TestAgentConsent::proof::<Test>(ALICE, AGENT, &terms)));
		assert!(crate::Delegations::<Test>::contains_key(ALICE, AGENT));
	});
}

#[test]
fn new_terms_keep_the_current_period_and_its_spending() {
	use ailock_primitives::traits::{Actor, SpendGuard};
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_ok!(authorize(AGENT, &["Market"], 10, 100));
		assert_ok!(<Did as SpendGuard<_, _>>::charge(
			&Actor { owner: ALICE, agent: Some(AGENT) },
			60
		));
		assert_ok!(authorize(AGENT, &["Market"], 10, 200));
		let delegation = Delegations::<Test>::get(ALICE, AGENT).expect("stored");
		assert_eq!((delegation.period_start, delegation.spent_in_period), (1, 60));
	});
}
