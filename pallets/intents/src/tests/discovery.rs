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
