use super::*;
use ailock_primitives::geo::LocationTier;

fn near(geohash: &str, tier: LocationTier, with: &[&str]) -> Vec<IntentId> {
	let skills: Vec<Tag> = with.iter().map(|s| tag(s)).collect();
	Intents::open_intents_near(&cell(geohash), None, tier, &skills, 10)
		.into_iter()
		.map(|hit| hit.id)
		.collect()
}

#[test]
fn finds_open_intents_nearby_by_tier_budget_and_skills() {
	test(|| {
		let small = post(ALICE, translation(500));
		let big = post(BOB, translation(2_000));
		let mut region = translation(1_000);
		region.target.cell = Some(cell("u28"));
		let regional = post(ALICE, region);
		let mut remote = translation(3_000);
		remote.target = target(None, Flexibility::Global);
		let anywhere = post(ALICE, remote);
		let mut catering = translation(900);
		catering.skills = skills(&["catering"]);
		let food = post(ALICE, catering);

		// Same city by budget, then the region; remote work only globally.
		assert_eq!(
			near("u281z7", LocationTier::SameRegion, &["translation"]),
			vec![big, small, regional]
		);
		assert_eq!(near("u281z7", LocationTier::SameCity, &[]), vec![big, food, small]);
		assert_eq!(
			near("u281z7", LocationTier::Global, &["translation"]),
			vec![big, small, regional, anywhere]
		);
		assert!(near("xn774c", LocationTier::SameRegion, &[]).is_empty());

		assert_ok!(Intents::cancel_intent(RuntimeOrigin::signed(BOB), big));
		assert_eq!(near("u281z7", LocationTier::SameCity, &["translation"]), vec![small]);
	});
}

#[test]
fn a_full_region_bucket_of_intents_hides_nobody_in_the_city() {
	test(|| {
		// The runtime's bound on open intents per discovery cell.
		const RUNTIME_CELL_BOUND: u32 = 4_096;
		MaxIntentsInCell::set(RUNTIME_CELL_BOUND);
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
			&BOB,
			Balance::MAX / 4,
		);
		// The attack: a full region-target bucket at `u28` (each a live, deposit-paying intent).
		for i in 0..RUNTIME_CELL_BOUND {
			let mut region = translation(1_000);
			region.target.cell = Some(cell("u28"));
			region.deadline = 100 + u64::from(i / MAX_EXPIRIES);
			post(BOB, region);
		}
		let mut city = translation(500);
		city.deadline = 900;
		let munich = post(ALICE, city);
		assert_eq!(near("u281z7", LocationTier::SameCity, &[]), vec![munich]);
		let regional = near("u281z7", LocationTier::SameRegion, &[]);
		assert_eq!(regional.first(), Some(&munich));
		assert_eq!(regional.len(), 10);
	});
}

#[test]
fn global_work_is_sampled_whoever_posted_the_rest() {
	test(|| {
		let mut ids = Vec::new();
		for i in 0..30u64 {
			let mut remote = translation(1_000 + u128::from(i));
			remote.target = target(None, Flexibility::Global);
			remote.deadline = 100 + i / u64::from(MAX_EXPIRIES);
			ids.push(post(ALICE, remote));
		}
		let found: Vec<IntentId> =
			Intents::open_intents_near(&cell("u281z7"), None, LocationTier::Global, &[], 30)
				.into_iter()
				.map(|hit| hit.id)
				.collect();
		// Highest budget first: every remote intent found when the sample has room.
		ids.reverse();
		assert_eq!(found, ids);
	});
}

/// Work with a country and no cell is country-wide: same-country to whoever is in that
/// country, whether matching scores it, discovery lists it or the matcher searches for it.
#[test]
fn country_wide_work_is_same_country_to_matching_and_listing_alike() {
	test(|| {
		ailock_at(BOB, "u33dc", b"DE", "translation", 100);
		ailock_at(CHARLIE, "xn774", b"JP", "translation", 100);
		let mut details = translation(2_000);
		details.target = target(None, Flexibility::Global);
		let id = post(ALICE, details);
		let germany = CountryCode::new(*b"DE").ok();
		let japan = CountryCode::new(*b"JP").ok();

		let tiers = |geohash: &str, country, max_tier| -> Vec<(IntentId, LocationTier)> {
			Intents::open_intents_near(&cell(geohash), country, max_tier, &[], 10)
				.into_iter()
				.map(|hit| (hit.id, hit.tier))
				.collect()
		};
		assert_eq!(
			tiers("u33dc", germany, LocationTier::SameCountry),
			vec![(id, LocationTier::SameCountry)]
		);
		assert!(tiers("u33dc", germany, LocationTier::SameRegion).is_empty());
		assert!(tiers("xn774", japan, LocationTier::SameCountry).is_empty());
		assert_eq!(tiers("xn774", japan, LocationTier::Global), vec![(id, LocationTier::Global)]);

		// The matcher searches from the country (no stand-in cell): the German Ailock from the
		// country tier, the Japanese one from the global sample. Work without a cell is
		// globally flexible, so distance does not change the score: equal scores rank by
		// account.
		let matched = Intents::compute_matches(&intent(id), 5);
		let german = Intents::score_of(&intent(id), &BOB).expect("scored");
		assert_eq!(matched, vec![(BOB, german), (CHARLIE, german)]);
	});
}
