use super::*;
use ailock_primitives::{geo::LocationTier, traits::ExperienceSink};

fn near(
	geohash: &str,
	code: Option<&[u8; 2]>,
	tier: LocationTier,
	skills: &[&str],
) -> Vec<AccountId> {
	let skills: Vec<Tag> = skills.iter().map(|s| tag(s)).collect();
	Registry::ailocks_near(&cell(geohash), code.map(country), tier, &skills, 10)
		.into_iter()
		.map(|hit| hit.ailock)
		.collect()
}

fn register_at(who: AccountId, location: Location, skills: &[&str]) {
	assert_ok!(Registry::register(RuntimeOrigin::signed(who), profile("x", skills, location)));
}

#[test]
fn finds_nearby_ailocks_by_tier_and_never_far_ones() {
	test(|| {
		register_at(ALICE, munich(), &["translation"]);
		register_at(BOB, located(SharingLevel::Region, Some("u28"), Some(b"DE")), &["translation"]);
		register_at(
			CHARLIE,
			located(SharingLevel::City, Some("u33db"), Some(b"DE")),
			&["translation"],
		);
		register_at(
			DAVE,
			located(SharingLevel::City, Some("xn774"), Some(b"JP")),
			&["translation"],
		);

		// From a Munich street: same city, then same region.
		assert_eq!(near("u281z7", None, LocationTier::SameRegion, &[]), vec![ALICE, BOB]);
		assert_eq!(near("u281z7", None, LocationTier::SameCity, &[]), vec![ALICE]);
		// Same country adds Berlin; global adds Tokyo last.
		assert_eq!(
			near("u281z7", Some(b"DE"), LocationTier::SameCountry, &[]),
			vec![ALICE, BOB, CHARLIE]
		);
		assert_eq!(
			near("u281z7", Some(b"DE"), LocationTier::Global, &[]),
			vec![ALICE, BOB, CHARLIE, DAVE]
		);
		// From Tokyo, Munich is not near.
		assert_eq!(near("xn774c", Some(b"JP"), LocationTier::SameCountry, &[]), vec![DAVE]);
		let hits = Registry::ailocks_near(&cell("xn774c"), None, LocationTier::SameCity, &[], 10);
		assert_eq!(hits[0].tier, LocationTier::SameCity);
		assert_eq!(hits[0].cell, Some(cell("xn774")));
	});
}

#[test]
fn filters_by_skill_and_liveness_and_respects_the_limit() {
	test(|| {
		register_at(ALICE, munich(), &["translation", "german"]);
		register_at(BOB, munich(), &["translation"]);
		register_at(CHARLIE, munich(), &["catering"]);
		assert_eq!(near("u281z", None, LocationTier::SameCity, &["translation"]), vec![ALICE, BOB]);
		assert_eq!(
			near("u281z", None, LocationTier::SameCity, &["translation", "german"]),
			vec![ALICE]
		);
		assert_eq!(
			Registry::ailocks_near(&cell("u281z"), None, LocationTier::SameCity, &[], 2).len(),
			2
		);

		assert_ok!(Registry::set_status(RuntimeOrigin::signed(BOB), AilockStatus::Away));
		assert_eq!(near("u281z", None, LocationTier::SameCity, &["translation"]), vec![ALICE]);

		// Only CHARLIE keeps sending heartbeats.
		System::set_block_number(2 + HEARTBEAT_TIMEOUT);
		assert_ok!(Registry::heartbeat(RuntimeOrigin::signed(CHARLIE)));
		assert_eq!(near("u281z", None, LocationTier::SameCity, &[]), vec![CHARLIE]);
	});
}

#[test]
fn boosts_raise_rank_within_a_tier_only() {
	test(|| {
		register_at(ALICE, munich(), &["translation"]);
		register_at(BOB, munich(), &["translation"]);
		register_at(
			CHARLIE,
			located(SharingLevel::Region, Some("u28"), Some(b"DE")),
			&["translation"],
		);
		// Level 2 beats level 1; a boost (+50%) lifts level 1 above nothing else at level 2.
		assert_ok!(Registry::grant(
			&ALICE,
			ailock_primitives::traits::ExperienceSource::MilestoneCompleted,
			100,
			None
		));
		assert_eq!(near("u281z", None, LocationTier::SameRegion, &[]), vec![ALICE, BOB, CHARLIE]);
		assert_ok!(Registry::boost(RuntimeOrigin::signed(CHARLIE), cell("u281"), 10));
		assert_ok!(Registry::boost(RuntimeOrigin::signed(BOB), cell("u281"), 10));
		let hits = Registry::ailocks_near(&cell("u281z"), None, LocationTier::SameRegion, &[], 10);
		let order: Vec<_> = hits.iter().map(|h| (h.ailock, h.boosted)).collect();
		// BOB (level 1 × 1.5) stays below ALICE (level 2); CHARLIE's boost cannot lift it
		// out of its farther tier.
		assert_eq!(order, vec![(ALICE, false), (BOB, true), (CHARLIE, true)]);
		// Boosts bought for another cell do not count here.
		assert_eq!(
			Registry::ailocks_near(&cell("u28"), None, LocationTier::SameRegion, &[], 10)
				.iter()
				.filter(|h| h.boosted)
				.count(),
			0
		);
	});
}

#[test]
fn the_directory_summarises_profiles_for_matching() {
	use ailock_primitives::traits::AilockDirectory;
	test(|| {
		register_at(ALICE, munich(), &["translation"]);
		register_at(BOB, located(SharingLevel::City, Some("xn774"), Some(b"JP")), &["translation"]);
		let summary = Registry::summary(&ALICE).expect("registered");
		assert_eq!(summary.location.cell, Some(cell("u281z")));
		assert_eq!(summary.skills, vec![tag("translation")]);
		assert_eq!((summary.min_price, summary.available_hours), (100, 40));
		assert!(summary.live && summary.has_capacity);
		JobsInProgress::set(3);
		assert!(!Registry::summary(&ALICE).expect("registered").has_capacity);
		JobsInProgress::set(0);
		assert_eq!(
			Registry::candidates(&cell("u281z7"), None, LocationTier::SameRegion, &[], 5),
			vec![ALICE]
		);
		assert!(Registry::summary(&CHARLIE).is_none());
	});
}
