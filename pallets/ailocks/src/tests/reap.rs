use super::{
	discovery::{crowd, near},
	*,
};
use crate::{Error, Event};
use ailock_primitives::geo::LocationTier;
use frame_support::assert_noop;

#[test]
fn reaping_takes_an_offline_ailock_out_of_every_index_until_its_next_heartbeat() {
	use crate::{CellPopulation, CountryIndex, GeoIndex, GlobalIndex};
	use frame_support::dispatch::Pays;
	with_alice_in_munich().build_and_execute(|| {
		assert_noop!(Registry::reap(RuntimeOrigin::signed(BOB), ALICE), Error::<Test>::NotOffline);
		System::set_block_number(HEARTBEAT_TIMEOUT + 2);
		let held_before = held(ALICE);
		let info = Registry::reap(RuntimeOrigin::signed(BOB), ALICE).expect("reaped");
		assert_eq!(info.pays_fee, Pays::No);
		System::assert_last_event(Event::Reaped { ailock: ALICE, reaper: BOB }.into());
		assert!(!ailock(ALICE).indexed);
		assert!(!GeoIndex::<Test>::contains_key(cell("u281"), ALICE));
		assert!(!CountryIndex::<Test>::contains_key(country(b"DE"), ALICE));
		assert!(!GlobalIndex::<Test>::contains_key(ALICE));
		assert_eq!(CellPopulation::<Test>::get(cell("u281")), 0);
		assert_eq!(held(ALICE), held_before, "the deposit stays");
		assert_noop!(Registry::reap(RuntimeOrigin::signed(BOB), ALICE), Error::<Test>::NotIndexed);
		assert_noop!(
			Registry::reap(RuntimeOrigin::signed(BOB), CHARLIE),
			Error::<Test>::NotRegistered
		);

		assert_ok!(Registry::heartbeat(RuntimeOrigin::signed(ALICE)));
		assert!(ailock(ALICE).indexed);
		assert!(GeoIndex::<Test>::contains_key(cell("u281"), ALICE));
		assert_eq!(near("u281z7", Some(b"DE"), LocationTier::SameCity, &[]), vec![ALICE]);
	});
}

#[test]
fn a_reaped_ailock_whose_cell_filled_up_stays_live_but_unindexed() {
	with_alice_in_munich().build_and_execute(|| {
		System::set_block_number(HEARTBEAT_TIMEOUT + 2);
		assert_ok!(Registry::reap(RuntimeOrigin::signed(BOB), ALICE));
		crowd(1_000, MAX_PER_CELL, munich());
		// The heartbeat still counts: live, but out of the index until the cell has room.
		assert_ok!(Registry::heartbeat(RuntimeOrigin::signed(ALICE)));
		assert_eq!(ailock(ALICE).last_heartbeat, HEARTBEAT_TIMEOUT + 2);
		assert!(!ailock(ALICE).indexed);
	});
}
