use super::*;
use crate::{Achievements, CellPopulation, CountryIndex, Error, Event, GeoIndex, SkillXp, Trusted};
use ailock_primitives::traits::{ExperienceSink, ExperienceSource};
use frame_support::assert_noop;

#[test]
fn removes_everything_and_releases_the_deposit() {
	with_alice_in_munich().build_and_execute(|| {
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

#[test]
fn is_charged_for_its_skills_and_service_area() {
	use crate::WeightInfo;
	use ailock_primitives::traits::OnAilockDeregistered;
	let others = <<Test as crate::Config>::OnDeregistered as OnAilockDeregistered<AccountId>>::on_deregistered_weight;
	with_alice_in_munich().build_and_execute(|| {
		let post = Registry::deregister(RuntimeOrigin::signed(ALICE)).expect("deregistered");
		let one_cell = <() as WeightInfo>::deregister(1, 0).saturating_add(others());
		assert_eq!(post.actual_weight, Some(one_cell));
		// A region-level Ailock serves its region's 32 cells.
		let region = located(SharingLevel::Region, Some("u28"), Some(b"DE"));
		assert_ok!(Registry::register(
			RuntimeOrigin::signed(BOB),
			profile("Bavarian translator", &["translation", "german"], region)
		));
		let post = Registry::deregister(RuntimeOrigin::signed(BOB)).expect("deregistered");
		let region_wide = <() as WeightInfo>::deregister(2, 1).saturating_add(others());
		assert_eq!(post.actual_weight, Some(region_wide));
	});
}
