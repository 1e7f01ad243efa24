use super::*;
use crate::{Achievements, CellPopulation, CountryIndex, Error, Event, GeoIndex, SkillXp, Trusted};
use ailock_primitives::traits::{ExperienceSink, ExperienceSource};
use frame_support::assert_noop;

#[test]
fn removes_everything_and_releases_the_deposit() {
	test(|| {
		register_in_munich(ALICE);
		assert_ok!(Registry::trust(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Registry::block(RuntimeOrigin::signed(ALICE), CHARLIE));
		assert_ok!(Registry::grant(
			&ALICE,
			ExperienceSource::MilestoneCompleted,
			10,
			Some(b"translation")
		));
		let deposit = held(ALICE);
		let free = Balances::free_balance(ALICE);
		assert_ok!(Registry::deregister(RuntimeOrigin::signed(ALICE)));
		assert!(crate::Ailocks::<Test>::get(ALICE).is_none());
		assert!(!GeoIndex::<Test>::contains_key(cell("u281"), ALICE));
		assert!(!CellPopulation::<Test>::contains_key(cell("u281")));
		assert!(!CountryIndex::<Test>::contains_key(country(b"DE"), ALICE));
		assert!(Trusted::<Test>::get(ALICE).is_empty());
		assert_eq!(SkillXp::<Test>::iter_prefix(ALICE).count(), 0);
		assert_eq!(Achievements::<Test>::iter_prefix(ALICE).count(), 0);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), free + deposit);
		System::assert_last_event(
			Event::Deregistered { ailock: ALICE, deposit_released: deposit }.into(),
		);
		// Now the DID may go.
		assert_ok!(pallet_did::Pallet::<Test>::deactivate(RuntimeOrigin::signed(ALICE), ALICE));
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Registry::deregister(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NotRegistered
		);
		register_in_munich(ALICE);
		JobsInProgress::set(1);
		assert_noop!(
			Registry::deregister(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::HasActiveJobs
		);
		JobsInProgress::set(0);
	});
}
