use super::*;
use crate::{Boosts, Error, Event};
use frame_support::assert_noop;

#[test]
fn pays_the_treasury_and_expires_by_itself() {
	with_alice_in_munich().build_and_execute(|| {
		let treasury = Balances::free_balance(TREASURY);
		assert_ok!(Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 10));
		assert_eq!(Balances::free_balance(TREASURY), treasury + 10 * BOOST_FEE);
		System::assert_last_event(
			Event::Boosted {
				ailock: ALICE,
				cell: cell("u281"),
				expires_at: 11,
				fee: 10 * BOOST_FEE,
			}
			.into(),
		);
		assert_eq!(Registry::live_boosts(&cell("u281z")), vec![ALICE]);
		System::set_block_number(11);
		assert!(Registry::live_boosts(&cell("u281z")).is_empty());
	});
}

#[test]
fn extending_pays_only_for_added_blocks_up_to_the_cap() {
	with_alice_in_munich().build_and_execute(|| {
		assert_ok!(Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 60));
		let treasury = Balances::free_balance(TREASURY);
		// Expiry 61 + 60 would pass block 1 + MAX_BOOST = 101: only 40 blocks are added.
		assert_ok!(Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 60));
		assert_eq!(Balances::free_balance(TREASURY), treasury + 40 * BOOST_FEE);
		assert_eq!(Boosts::<Test>::get(cell("u281"))[0].expires_at, 1 + MAX_BOOST);
		assert_noop!(
			Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 5),
			Error::<Test>::InvalidBoostDuration
		);
	});
}

#[test]
fn slots_are_bounded_and_expired_ones_are_pruned() {
	test(|| {
		for who in [ALICE, BOB, CHARLIE] {
			register_in_munich(who);
		}
		assert_ok!(Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 5));
		assert_ok!(Registry::boost(RuntimeOrigin::signed(BOB), cell("u281"), 50));
		assert_noop!(
			Registry::boost(RuntimeOrigin::signed(CHARLIE), cell("u281"), 5),
			Error::<Test>::BoostSlotsFull
		);
		System::set_block_number(6);
		assert_ok!(Registry::boost(RuntimeOrigin::signed(CHARLIE), cell("u281"), 5));
		let holders: Vec<_> = Boosts::<Test>::get(cell("u281")).iter().map(|b| b.ailock).collect();
		assert_eq!(holders, vec![BOB, CHARLIE]);
	});
}

#[test]
fn only_a_registered_ailock_boosts() {
	test(|| {
		assert_noop!(
			Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 5),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn a_boost_is_for_a_discovery_cell() {
	with_alice_in_munich().build_and_execute(|| {
		assert_noop!(
			Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281z"), 5),
			Error::<Test>::BoostCellPrecision
		);
	});
}

#[test]
fn a_boost_lasts_at_least_a_block_and_at_most_max_boost() {
	with_alice_in_munich().build_and_execute(|| {
		for blocks in [0, MAX_BOOST + 1] {
			assert_noop!(
				Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), blocks),
				Error::<Test>::InvalidBoostDuration
			);
		}
	});
}

#[test]
fn a_boost_is_paid_for() {
	with_alice_in_munich().build_and_execute(|| {
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&ALICE, 3);
		assert_noop!(
			Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 50),
			Error::<Test>::InsufficientFundsForBoost
		);
	});
}

#[test]
fn a_boost_is_only_for_the_ailocks_own_service_area() {
	test(|| {
		// ALICE is in Munich (`u281z`): Berlin's cell is not hers to boost in.
		register_in_munich(ALICE);
		assert_noop!(
			Registry::boost(RuntimeOrigin::signed(ALICE), cell("u33d"), 5),
			Error::<Test>::BoostOutsideServiceArea
		);
		// A region-level Ailock may boost in any cell of its region, and nowhere else.
		assert_ok!(Registry::register(
			RuntimeOrigin::signed(BOB),
			profile("b", &["translation"], located(SharingLevel::Region, Some("u28"), Some(b"DE")))
		));
		assert_ok!(Registry::boost(RuntimeOrigin::signed(BOB), cell("u28z"), 5));
		assert_noop!(
			Registry::boost(RuntimeOrigin::signed(BOB), cell("u33d"), 5),
			Error::<Test>::BoostOutsideServiceArea
		);
		// Sharing no cell: no boost at all.
		assert_ok!(Registry::register(
			RuntimeOrigin::signed(CHARLIE),
			profile("c", &["translation"], located(SharingLevel::Country, None, Some(b"DE")))
		));
		assert_noop!(
			Registry::boost(RuntimeOrigin::signed(CHARLIE), cell("u281"), 5),
			Error::<Test>::BoostOutsideServiceArea
		);
	});
}

#[test]
fn moving_or_deregistering_ends_the_boosts() {
	with_alice_in_munich().build_and_execute(|| {
		register_in_munich(BOB);
		assert_ok!(Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 50));
		assert_ok!(Registry::boost(RuntimeOrigin::signed(BOB), cell("u281"), 50));
		assert_ok!(Registry::deregister(RuntimeOrigin::signed(ALICE)));
		let holders: Vec<_> = Boosts::<Test>::get(cell("u281")).iter().map(|b| b.ailock).collect();
		assert_eq!(holders, vec![BOB]);
		let berlin = located(SharingLevel::City, Some("u33db"), Some(b"DE"));
		assert_ok!(Registry::update(
			RuntimeOrigin::signed(BOB),
			profile("b", &["translation"], berlin)
		));
		assert!(!Boosts::<Test>::contains_key(cell("u281")));
	});
}

#[test]
fn is_charged_for_the_boosts_it_read() {
	use crate::WeightInfo;
	with_alice_in_munich().build_and_execute(|| {
		let post =
			Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 10).expect("boosted");
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::boost(0)));
		// Extending reads the one boost now in the cell.
		let post = Registry::boost(RuntimeOrigin::signed(ALICE), cell("u281"), 5).expect("boosted");
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::boost(1)));
	});
}
