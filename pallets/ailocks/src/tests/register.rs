use super::*;
use crate::{CellPopulation, CountryIndex, Error, Event, GeoIndex};
use frame_support::assert_noop;

#[test]
fn registers_indexes_and_holds_the_deposit() {
	test(|| {
		let p = profile("Munich translator", &["translation", "technical-writing"], munich());
		assert_ok!(Registry::register(RuntimeOrigin::signed(ALICE), p.clone()));
		let stored = ailock(ALICE);
		assert_eq!(stored.profile, p);
		assert_eq!((stored.status, stored.level, stored.xp), (AilockStatus::Available, 1, 0));
		assert!(GeoIndex::<Test>::contains_key(cell("u281"), ALICE));
		assert_eq!(CellPopulation::<Test>::get(cell("u281")), 1);
		assert!(CountryIndex::<Test>::contains_key(country(b"DE"), ALICE));
		let expected = PROFILE_DEPOSIT + BYTE_DEPOSIT * codec::Encode::encoded_size(&p) as u128;
		assert_eq!(stored.deposit, expected);
		assert_eq!(held(ALICE), expected);
		System::assert_last_event(
			Event::Registered {
				ailock: ALICE,
				name: p.name.clone(),
				sharing: SharingLevel::City,
				cell: Some(cell("u281z")),
				country: Some(country(b"DE")),
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
fn stores_no_more_location_than_shared() {
	test(|| {
		let region = located(SharingLevel::Region, Some("u28"), Some(b"DE"));
		assert_ok!(Registry::register(RuntimeOrigin::signed(ALICE), profile("a", &["x"], region)));
		assert_eq!(ailock(ALICE).profile.location.cell, Some(cell("u28")));
		assert!(GeoIndex::<Test>::contains_key(cell("u28"), ALICE));

		let country_only = located(SharingLevel::Country, None, Some(b"DE"));
		assert_ok!(Registry::register(
			RuntimeOrigin::signed(BOB),
			profile("b", &["x"], country_only)
		));
		assert_eq!(GeoIndex::<Test>::iter_prefix(cell("u281")).count(), 0);

		let hidden = located(SharingLevel::None, None, None);
		assert_ok!(Registry::register(
			RuntimeOrigin::signed(CHARLIE),
			profile("c", &["x"], hidden)
		));
		assert_eq!(CountryIndex::<Test>::iter_prefix(country(b"DE")).count(), 2);
	});
}

/// Registering with `location` is refused with `error`.
fn location_refused(location: Location, error: Error<Test>) {
	test(|| {
		assert_noop!(
			Registry::register(RuntimeOrigin::signed(ALICE), profile("a", &["x"], location)),
			error
		);
	});
}

#[test]
fn a_cell_finer_than_the_sharing_level_is_refused() {
	location_refused(
		located(SharingLevel::City, Some("u281z7"), Some(b"DE")),
		Error::<Test>::CellPrecisionMismatch,
	);
}

#[test]
fn a_cell_coarser_than_the_sharing_level_is_refused() {
	location_refused(
		located(SharingLevel::Exact, Some("u281z"), None),
		Error::<Test>::CellPrecisionMismatch,
	);
}

#[test]
fn city_sharing_needs_a_cell() {
	location_refused(located(SharingLevel::City, None, Some(b"DE")), Error::<Test>::CellRequired);
}

#[test]
fn country_sharing_carries_no_cell() {
	location_refused(
		located(SharingLevel::Country, Some("u28"), Some(b"DE")),
		Error::<Test>::CellNotShared,
	);
}

#[test]
fn country_sharing_needs_a_country() {
	location_refused(located(SharingLevel::Country, None, None), Error::<Test>::CountryRequired);
}

#[test]
fn no_sharing_carries_no_country() {
	location_refused(
		located(SharingLevel::None, None, Some(b"DE")),
		Error::<Test>::CountryNotShared,
	);
}

#[test]
fn a_cell_that_is_not_a_geohash_is_refused() {
	let mut bad_cell = munich();
	bad_cell.cell = Some(
		codec::Decode::decode(&mut &[20u8, b'u', b'2', b'8', b'1', b'a'][..]).expect("five bytes"),
	);
	location_refused(bad_cell, Error::<Test>::InvalidCell);
}

#[test]
fn a_country_code_is_two_capital_letters() {
	let mut bad_country = munich();
	bad_country.country = Some(codec::Decode::decode(&mut &b"de"[..]).expect("two bytes"));
	location_refused(bad_country, Error::<Test>::InvalidCountry);
}

/// A Munich translator's profile changed by `change` is refused with `error`.
fn profile_refused(change: impl Fn(&mut ProfileOf<Test>), error: Error<Test>) {
	test(|| {
		let mut p = profile("Translator", &["translation"], munich());
		change(&mut p);
		assert_noop!(Registry::register(RuntimeOrigin::signed(ALICE), p), error);
	});
}

#[test]
fn a_blank_name_is_refused() {
	profile_refused(
		|p| p.name = BoundedVec::truncate_from(b" ".to_vec()),
		Error::<Test>::InvalidName,
	);
}

#[test]
fn a_name_that_is_not_utf8_is_refused() {
	profile_refused(
		|p| p.name = BoundedVec::truncate_from(vec![0xff, 0xfe]),
		Error::<Test>::InvalidName,
	);
}

#[test]
fn an_avatar_outside_the_presets_is_refused() {
	profile_refused(|p| p.avatar = AVATAR_PRESETS, Error::<Test>::InvalidAvatar);
}

#[test]
fn a_language_must_be_a_lower_case_iso_code() {
	profile_refused(
		|p| p.languages = BoundedVec::truncate_from(vec![LanguageCode(*b"DE")]),
		Error::<Test>::InvalidLanguage,
	);
}

#[test]
fn a_language_listed_twice_is_refused() {
	profile_refused(
		|p| {
			p.languages =
				BoundedVec::truncate_from(vec![LanguageCode(*b"de"), LanguageCode(*b"de")])
		},
		Error::<Test>::DuplicateLanguage,
	);
}

#[test]
fn a_profile_needs_a_skill() {
	profile_refused(|p| p.skills = tags(&[]), Error::<Test>::NoSkills);
}

#[test]
fn a_skill_must_be_a_normalised_tag() {
	profile_refused(
		|p| {
			p.skills =
				BoundedVec::truncate_from(vec![BoundedVec::truncate_from(b"Bad Tag".to_vec())])
		},
		Error::<Test>::InvalidTag,
	);
}

#[test]
fn a_skill_listed_twice_is_refused() {
	profile_refused(|p| p.skills = tags(&["a", "a"]), Error::<Test>::DuplicateTag);
}

#[test]
fn a_capacity_of_zero_is_refused() {
	profile_refused(|p| p.capacity = 0, Error::<Test>::ZeroCapacity);
}

#[test]
fn a_utc_offset_beyond_14_hours_is_refused() {
	profile_refused(|p| p.utc_offset_minutes = 900, Error::<Test>::InvalidUtcOffset);
}

#[test]
fn registering_needs_an_active_did() {
	test(|| {
		assert_noop!(
			Registry::register(RuntimeOrigin::signed(NO_DID), profile("a", &["x"], munich())),
			Error::<Test>::NoActiveDid
		);
	});
}

#[test]
fn an_account_registers_once() {
	with_alice_in_munich().build_and_execute(|| {
		assert_noop!(
			Registry::register(RuntimeOrigin::signed(ALICE), profile("a", &["x"], munich())),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn a_full_cell_takes_no_more_ailocks() {
	test(|| {
		// MAX_PER_CELL is 3 in the mock.
		for who in [ALICE, BOB, CHARLIE] {
			register_in_munich(who);
		}
		assert_noop!(
			Registry::register(RuntimeOrigin::signed(DAVE), profile("d", &["x"], munich())),
			Error::<Test>::CellFull
		);
	});
}

#[test]
fn registering_needs_a_signed_origin() {
	test(|| {
		assert_noop!(
			Registry::register(RuntimeOrigin::root(), profile("d", &["x"], munich())),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn needs_funds_for_the_deposit() {
	test(|| {
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&ALICE, 10);
		assert_noop!(
			Registry::register(RuntimeOrigin::signed(ALICE), profile("a", &["x"], munich())),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn a_did_with_an_ailock_cannot_be_deactivated() {
	with_alice_in_munich().build_and_execute(|| {
		assert_noop!(
			pallet_did::Pallet::<Test>::deactivate(RuntimeOrigin::signed(ALICE), ALICE),
			pallet_did::Error::<Test>::DidInUse
		);
	});
}

#[test]
fn an_ailock_sharing_no_location_shares_no_utc_offset() {
	test(|| {
		let mut hidden = profile("x", &["translation"], located(SharingLevel::None, None, None));
		assert_eq!(hidden.utc_offset_minutes, 0);
		hidden.utc_offset_minutes = 60;
		frame_support::assert_noop!(
			Registry::register(RuntimeOrigin::signed(ALICE), hidden.clone()),
			crate::Error::<Test>::UtcOffsetNotShared
		);
		hidden.utc_offset_minutes = 0;
		assert_ok!(Registry::register(RuntimeOrigin::signed(ALICE), hidden));
	});
}
