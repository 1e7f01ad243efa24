use super::*;
use crate::{CellPopulation, CountryIndex, Error, Event, GeoIndex, SkillXp};
use ailock_primitives::traits::{ExperienceSink, ExperienceSource};
use frame_support::assert_noop;

#[test]
fn replaces_the_profile_and_moves_it_in_the_index() {
	with_alice_in_munich().build_and_execute(|| {
		let tokyo = located(SharingLevel::Exact, Some("xn774c06k"), Some(b"JP"));
		let p = profile("Tokyo translator", &["translation", "japanese"], tokyo);
		assert_ok!(Registry::update(RuntimeOrigin::signed(ALICE), p.clone()));
		assert_eq!(ailock(ALICE).profile, p);
		assert!(!GeoIndex::<Test>::contains_key(cell("u281"), ALICE));
		assert!(GeoIndex::<Test>::contains_key(cell("xn77"), ALICE));
		assert_eq!(CellPopulation::<Test>::get(cell("u281")), 0);
		assert!(!CountryIndex::<Test>::contains_key(country(b"DE"), ALICE));
		assert!(CountryIndex::<Test>::contains_key(country(b"JP"), ALICE));
		let expected = PROFILE_DEPOSIT + BYTE_DEPOSIT * codec::Encode::encoded_size(&p) as u128;
		assert_eq!(held(ALICE), expected);
		System::assert_last_event(
			Event::Updated {
				ailock: ALICE,
				name: p.name.clone(),
				sharing: SharingLevel::Exact,
				cell: Some(cell("xn774c06k")),
				country: Some(country(b"JP")),
				skills: p.skills.clone(),
				languages: p.languages.clone(),
				min_price: 100,
				// Five days of 9:00–17:00.
				available_hours: 40,
				capacity: 3,
				deposit: expected,
			}
			.into(),
		);
	});
}

#[test]
fn forgets_experience_of_dropped_skills() {
	test(|| {
		assert_ok!(Registry::register(
			RuntimeOrigin::signed(ALICE),
			profile("a", &["translation", "editing"], munich())
		));
		assert_ok!(Registry::grant(
			&ALICE,
			ExperienceSource::MilestoneCompleted,
			50,
			Some(b"editing")
		));
		assert_eq!(SkillXp::<Test>::get(ALICE, tag("editing")), 50);
		assert_ok!(Registry::update(
			RuntimeOrigin::signed(ALICE),
			profile("a", &["translation"], munich())
		));
		assert_eq!(SkillXp::<Test>::get(ALICE, tag("editing")), 0);
		assert_eq!(ailock(ALICE).xp, 50, "overall experience stays");
	});
}

#[test]
fn only_a_registered_ailock_is_updated() {
	test(|| {
		assert_noop!(
			Registry::update(RuntimeOrigin::signed(ALICE), profile("a", &["x"], munich())),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn an_update_keeps_a_skill() {
	with_alice_in_munich().build_and_execute(|| {
		assert_noop!(
			Registry::update(RuntimeOrigin::signed(ALICE), profile("a", &[], munich())),
			Error::<Test>::NoSkills
		);
	});
}

#[test]
fn an_ailock_does_not_move_into_a_full_cell() {
	test(|| {
		// MAX_PER_CELL is 3 in the mock: Munich is full.
		for who in [ALICE, BOB, CHARLIE] {
			register_in_munich(who);
		}
		let berlin = located(SharingLevel::City, Some("u33db"), Some(b"DE"));
		assert_ok!(Registry::register(RuntimeOrigin::signed(DAVE), profile("d", &["x"], berlin)));
		assert_noop!(
			Registry::update(RuntimeOrigin::signed(DAVE), profile("d", &["x"], munich())),
			Error::<Test>::CellFull
		);
	});
}

#[test]
fn a_larger_profile_needs_its_deposit() {
	with_alice_in_munich().build_and_execute(|| {
		let mut long = profile("a", &["x"], munich());
		long.name = BoundedVec::truncate_from(vec![b'n'; MAX_NAME_LENGTH as usize]);
		long.skills = tags(&["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "b1", "b2"]);
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&ALICE, 1);
		assert_noop!(
			Registry::update(RuntimeOrigin::signed(ALICE), long),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn is_charged_for_what_it_did() {
	use crate::WeightInfo;
	test(|| {
		assert_ok!(Registry::register(
			RuntimeOrigin::signed(ALICE),
			profile("Munich translator", &["translation", "german", "english"], munich())
		));
		// Two skills dropped, the location kept: no boost cell is looked at.
		let kept = profile("Munich translator", &["translation"], munich());
		let post = Registry::update(RuntimeOrigin::signed(ALICE), kept).expect("updated");
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::update(2, 0)));
		// Moved to Tokyo, no skill dropped.
		let tokyo = located(SharingLevel::Exact, Some("xn774c06k"), Some(b"JP"));
		let moved = profile("Tokyo translator", &["translation"], tokyo);
		let post = Registry::update(RuntimeOrigin::signed(ALICE), moved).expect("updated");
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::update(0, 1)));
	});
}
