use super::*;
use crate::{Delegations, Error, Event};
use ailock_primitives::traits::{Actor, SpendGuard};
use frame_support::assert_noop;

fn commit(amount: u128) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Market(market::Call::commit { amount }))
}

fn spent() -> u128 {
	Delegations::<Test>::get(ALICE, AGENT).expect("delegation").spent_in_period
}

#[test]
fn charges_up_to_the_cap_per_period() {
	test(|| {
		// Cap 100 per 10 blocks, from block 1.
		alice_with_agent(&["Market"]);
		assert_ok!(Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), commit(60)));
		assert_ok!(Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), commit(40)));
		System::assert_has_event(
			Event::AgentSpent {
				did: ALICE,
				agent: AGENT,
				amount: 40,
				spent_in_period: 100,
				spend_cap: 100,
			}
			.into(),
		);
		assert_noop!(
			Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), commit(1)),
			Error::<Test>::SpendingCapExceeded
		);
		assert_eq!(spent(), 100);

		// Block 25 lies in the period starting at 21: the cap is available again.
		System::set_block_number(25);
		assert_ok!(Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), commit(100)));
		let delegation = Delegations::<Test>::get(ALICE, AGENT).expect("delegation");
		assert_eq!((delegation.period_start, delegation.spent_in_period), (21, 100));
		assert_noop!(
			Did::dispatch_as_agent(RuntimeOrigin::signed(AGENT), commit(1)),
			Error::<Test>::SpendingCapExceeded
		);
	});
}

#[test]
fn owners_and_unknown_agents() {
	test(|| {
		alice_with_agent(&["Market"]);
		assert_ok!(<Did as SpendGuard<_, _>>::charge(&Actor::owner(ALICE), u128::MAX));
		assert_eq!(spent(), 0);
		assert_noop!(
			<Did as SpendGuard<_, _>>::charge(&Actor { owner: BOB, agent: Some(AGENT) }, 1),
			Error::<Test>::NotAnAgent
		);
		assert_noop!(
			<Did as SpendGuard<_, _>>::charge(
				&Actor { owner: ALICE, agent: Some(AGENT) },
				u128::MAX
			),
			Error::<Test>::SpendingCapExceeded
		);
		System::set_block_number(100);
		assert_noop!(
			<Did as SpendGuard<_, _>>::charge(&Actor { owner: ALICE, agent: Some(AGENT) }, 1),
			Error::<Test>::DelegationExpired
		);
	});
}
