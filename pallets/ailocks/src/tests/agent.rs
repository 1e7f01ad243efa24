//! The registry through an agent key: the owner's assistant keeps the profile current.

use super::*;
use crate::Error;
use frame_support::assert_noop;

fn authorize(entries: &[&str], cap: Balance) {
	assert_ok!(pallet_did::TestAgentConsent::authorize_for::<Test>(
		ALICE, AGENT, entries, cap, 100, 1_000
	));
}

fn as_agent(
	call: crate::Call<Test>,
) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	pallet_did::Pallet::<Test>::dispatch_as_agent(
		RuntimeOrigin::signed(AGENT),
		Box::new(RuntimeCall::Ailocks(call)),
	)
}

#[test]
fn the_agent_updates_the_profile_as_the_owner() {
	with_alice_in_munich().build_and_execute(|| {
		authorize(&["Ailocks.update", "Ailocks.heartbeat"], 1_000);
		let before = held(ALICE);
		let p = profile("Updated by my Ailock", &["translation", "proofreading"], munich());
		assert_ok!(as_agent(crate::Call::update { profile: p.clone() }));
		// The larger profile's extra deposit counts against the cap.
		assert_eq!(spent(), held(ALICE) - before);
		assert_eq!(ailock(ALICE).profile, p);
		assert!(crate::Ailocks::<Test>::get(AGENT).is_none(), "the agent has no Ailock of its own");
		System::set_block_number(5);
		assert_ok!(as_agent(crate::Call::heartbeat {}));
		assert_eq!(ailock(ALICE).last_heartbeat, 5);
		// Outside the scope.
		assert_noop!(
			as_agent(crate::Call::deregister {}),
			pallet_did::Error::<Test>::CallNotInScope
		);
	});
}

#[test]
fn boost_fees_count_against_the_agents_cap() {
	with_alice_in_munich().build_and_execute(|| {
		authorize(&["Ailocks.boost"], 10 * BOOST_FEE);
		assert_ok!(as_agent(crate::Call::boost { cell: cell("u281"), duration: 10 }));
		assert_noop!(
			as_agent(crate::Call::boost { cell: cell("u281"), duration: 1 }),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
		// The owner itself is not capped.
		assert_ok!(Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 1));
	});
}

#[test]
fn the_agent_cannot_register_for_an_owner_without_a_did() {
	test(|| {
		authorize(&["Ailocks"], 0);
		assert_ok!(pallet_did::Pallet::<Test>::revoke_agent(
			RuntimeOrigin::signed(ALICE),
			ALICE,
			AGENT
		));
		assert_noop!(
			as_agent(crate::Call::register { profile: profile("a", &["x"], munich()) }),
			pallet_did::Error::<Test>::NotAnAgent
		);
		assert_noop!(
			Registry::register(RuntimeOrigin::signed(AGENT), profile("a", &["x"], munich())),
			Error::<Test>::NoActiveDid
		);
	});
}

fn spent() -> Balance {
	pallet_did::Delegations::<Test>::get(ALICE, AGENT).expect("delegated").spent_in_period
}

#[test]
fn the_deposits_an_agent_locks_count_against_its_cap() {
	test(|| {
		// The registration's deposit is above a cap of 10: refused, whatever it costs in fees.
		authorize(&["Ailocks"], 10);
		assert_noop!(
			as_agent(crate::Call::register { profile: profile("x", &["translation"], munich()) }),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
		register_in_munich(ALICE);
		assert_noop!(
			as_agent(crate::Call::trust { account: BOB }),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
	});
}

#[test]
fn released_list_deposits_are_credited_back_and_deregistration_credits_the_rest() {
	test(|| {
		// The agent registers the Ailock itself: the whole deposit is its charge.
		authorize(&["Ailocks"], 1_000_000);
		let p = profile("Mine", &["translation"], munich());
		assert_ok!(as_agent(crate::Call::register { profile: p }));
		let registration = held(ALICE);
		assert_eq!(spent(), registration);
		assert_ok!(as_agent(crate::Call::trust { account: BOB }));
		assert_eq!(spent(), registration + LIST_ENTRY_DEPOSIT);
		assert_ok!(as_agent(crate::Call::untrust { account: BOB }));
		assert_eq!(spent(), registration);
		assert_ok!(as_agent(crate::Call::deregister {}));
		assert_eq!(spent(), 0);
		assert!(crate::DepositCharges::<Test>::get(ALICE).is_none());
	});
}

#[test]
fn a_release_credits_the_owners_own_part_first() {
	test(|| {
		// The owner registered; the agent's list entries are the only charged part, and a
		// partial release is taken from the owner's part first.
		register_in_munich(ALICE);
		authorize(&["Ailocks"], LIST_ENTRY_DEPOSIT * 2);
		assert_ok!(as_agent(crate::Call::trust { account: BOB }));
		assert_ok!(as_agent(crate::Call::block { account: CHARLIE }));
		assert_eq!(spent(), LIST_ENTRY_DEPOSIT * 2);
		assert_noop!(
			as_agent(crate::Call::trust { account: DAVE }),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
		assert_ok!(as_agent(crate::Call::untrust { account: BOB }));
		assert_eq!(spent(), LIST_ENTRY_DEPOSIT * 2);
		// Deregistration releases everything, the agent's charge with it.
		assert_ok!(as_agent(crate::Call::deregister {}));
		assert_eq!(spent(), 0);
	});
}

#[test]
fn releasing_the_owners_own_deposit_gives_the_agent_no_room() {
	with_alice_in_munich().build_and_execute(|| {
		authorize(&["Ailocks"], LIST_ENTRY_DEPOSIT);
		assert_ok!(as_agent(crate::Call::trust { account: BOB }));
		assert_eq!(spent(), LIST_ENTRY_DEPOSIT);
		// The owner trusts and untrusts someone itself: only its own part is released.
		assert_ok!(Registry::trust(RuntimeOrigin::signed(ALICE), CHARLIE));
		assert_ok!(Registry::untrust(RuntimeOrigin::signed(ALICE), CHARLIE));
		assert_eq!(spent(), LIST_ENTRY_DEPOSIT);
		assert_noop!(
			as_agent(crate::Call::trust { account: DAVE }),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
	});
}
