//! The registry through an agent key: the owner's assistant keeps the profile current.

use super::*;
use crate::Error;
use frame_support::assert_noop;

fn authorize(entries: &[&str], cap: Balance) {
	let scope = BoundedVec::truncate_from(
		entries
			.iter()
			.map(|entry| {
				let mut parts = entry.splitn(2, '.');
				pallet_did::types::CallScope {
					pallet: BoundedVec::truncate_from(
						parts.next().unwrap_or_default().as_bytes().to_vec(),
					),
					call: parts.next().map(|c| BoundedVec::truncate_from(c.as_bytes().to_vec())),
				}
			})
			.collect::<Vec<_>>(),
	);
	assert_ok!(pallet_did::Pallet::<Test>::authorize_agent(
		RuntimeOrigin::signed(ALICE),
		ALICE,
		AGENT,
		scope,
		cap,
		100,
		1_000
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
	test(|| {
		register_in_munich(ALICE);
		authorize(&["Ailocks.update", "Ailocks.heartbeat"], 0);
		let p = profile("Updated by my Ailock", &["translation", "proofreading"], munich());
		assert_ok!(as_agent(crate::Call::update { profile: p.clone() }));
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
	test(|| {
		register_in_munich(ALICE);
		authorize(&["Ailocks.boost"], 10 * BOOST_FEE);
		assert_ok!(as_agent(crate::Call::boost { cell: cell("u281"), duration: 10 }));
		assert_noop!(
			as_agent(crate::Call::boost { cell: cell("u282"), duration: 1 }),
			pallet_did::Error::<Test>::SpendingCapExceeded
		);
		// The owner itself is not capped.
		assert_ok!(Registry::boost(RuntimeOrigin::signed(ALICE), cell("u282"), 1));
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
