use super::*;
use crate::{EnsureOwner, Error, Event};
use ailock_primitives::traits::Actor;
use frame_support::{assert_noop, traits::EnsureOrigin};

fn commit(amount: u128) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Market(market::Call::commit { amount }))
}

fn refuse() -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Market(market::Call::refuse {}))
}

#[test]
fn the_agent_acts_as_its_owner() {
	test(|| {
		alice_with_agent(&["Market.commit"]);
		assert_ok!(Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), commit(30)));
		assert_eq!(market::LastCommitment::<Test>::get(), Some((ALICE, Some(AGENT), 30)));
		System::assert_last_event(
			Event::AgentDispatched {
				did: ALICE,
				agent: AGENT,
				pallet: b"Market".to_vec().try_into().unwrap(),
				call: b"commit".to_vec().try_into().unwrap(),
			}
			.into(),
		);
		// The owner acting directly is itself, without a cap.
		assert_ok!(market::Pallet::<Test>::commit(RuntimeOrigin::signed(ALICE), 5_000));
		assert_eq!(market::LastCommitment::<Test>::get(), Some((ALICE, None, 5_000)));
	});
}

#[test]
fn calls_outside_the_scope_fail() {
	test(|| {
		alice_with_agent(&["Market.commit"]);
		assert_noop!(
			Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), refuse()),
			Error::<Test>::CallNotInScope
		);
		let transfer =
			Box::new(RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
				dest: BOB,
				value: 1,
			}));
		assert_noop!(
			Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), transfer),
			Error::<Test>::CallNotInScope
		);
	});
}

#[test]
fn the_scope_also_covers_nested_calls() {
	test(|| {
		alice_with_agent(&["Utility.batch_all", "Market.commit"]);
		let batch = |calls: Vec<RuntimeCall>| {
			Box::new(RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }))
		};
		assert_ok!(Did::dispatch_as_agent(
			RuntimeOrigin::signed(AGENT),
			batch(vec![*commit(1), *commit(2)])
		));
		assert_eq!(market::LastCommitment::<Test>::get(), Some((ALICE, Some(AGENT), 2)));
		// The batch fails as a whole (with the weight it used) and changes nothing.
		frame_support::assert_storage_noop!(frame_support::assert_err_ignore_postinfo!(
			Did::dispatch_as_agent(
				RuntimeOrigin::signed(AGENT),
				batch(vec![*commit(3), *refuse()])
			),
			frame_system::Error::<Test>::CallFiltered
		));
	});
}

#[test]
fn pallets_that_want_a_signer_refuse_the_delegated_origin() {
	test(|| {
		alice_with_agent(&["Balances"]);
		let transfer =
			Box::new(RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
				dest: BOB,
				value: 1,
			}));
		assert_noop!(
			Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), transfer),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_inner_error_is_the_error() {
	test(|| {
		alice_with_agent(&["Market"]);
		assert_noop!(
			Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), refuse()),
			market::Error::<Test>::Refused
		);
	});
}

#[test]
fn only_live_agents() {
	ExtBuilder::default().with_did(ALICE).build_and_execute(|| {
		assert_noop!(
			Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), commit(1)),
			Error::<Test>::NotAnAgent
		);
		alice_with_agent_again();
		System::set_block_number(100);
		assert_noop!(
			Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), commit(1)),
			Error::<Test>::DelegationExpired
		);
	});
}

fn alice_with_agent_again() {
	assert_ok!(crate::TestAgentConsent::authorize::<Test>(
		RuntimeOrigin::signed(ALICE),
		ALICE,
		AGENT,
		scope(&["Market"]),
		100,
		10,
		100
	));
}

#[test]
fn ensure_owner_accepts_owners_and_agents_only() {
	test(|| {
		assert_eq!(
			EnsureOwner::<Test>::try_origin(RuntimeOrigin::signed(BOB)).ok(),
			Some(Actor { owner: BOB, agent: None })
		);
		let delegated: RuntimeOrigin =
			crate::RawOrigin::Delegated { owner: ALICE, agent: AGENT }.into();
		assert_eq!(
			EnsureOwner::<Test>::try_origin(delegated).ok(),
			Some(Actor { owner: ALICE, agent: Some(AGENT) })
		);
		assert!(EnsureOwner::<Test>::try_origin(RuntimeOrigin::root()).is_err());
		assert!(EnsureOwner::<Test>::try_origin(RuntimeOrigin::none()).is_err());
	});
}
