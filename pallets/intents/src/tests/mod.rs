//! Tests, a file per call, plus the lifecycle, expiry and discovery.

mod auction;
mod cancel_intent;
mod cancel_step;
mod discovery;
mod expiry;
mod lifecycle;
mod matchers;
mod offers;
mod post_intent;
mod propose_chain;
mod submit_matches;

use crate::{mock::*, types::*, DetailsOf, Intents as IntentsStorage, StepInputOf};
use ailock_primitives::{
	geo::{CountryCode, DisclosedLocation, GeoCell},
	matching::{Flexibility, MatchingWeights},
	profile::{normalise_tag, LanguageCode, Tag, WeeklyAvailability},
	traits::AilockSummary,
};
use frame_support::{assert_ok, BoundedVec};
use sp_core::H256;

pub fn cell(geohash: &str) -> GeoCell {
	GeoCell::parse(geohash).expect("a geohash")
}

pub fn tag(text: &str) -> Tag {
	normalise_tag(text).expect("a tag")
}

pub fn skills(list: &[&str]) -> Skills {
	BoundedVec::truncate_from(list.iter().map(|s| tag(s)).collect())
}

pub fn target(geohash: Option<&str>, flexibility: Flexibility) -> Target {
	Target {
		cell: geohash.map(cell),
		country: Some(CountryCode::new(*b"DE").expect("a country")),
		flexibility,
	}
}

/// "Translate technical documentation for the German automotive market", Munich, one week.
pub fn translation(budget: Balance) -> DetailsOf<Test> {
	IntentDetails {
		title: BoundedVec::truncate_from(b"Translate automotive documentation".to_vec()),
		description: Description::Text(BoundedVec::truncate_from(
			b"200 pages EN->DE, technical".to_vec(),
		)),
		category: tag("translation"),
		skills: skills(&["translation"]),
		languages: BoundedVec::truncate_from(vec![LanguageCode(*b"de")]),
		target: target(Some("u281z"), Flexibility::Preferred),
		budget,
		deadline: 100,
		urgency: Urgency::Normal,
		weights: MatchingWeights::BALANCED,
	}
}

pub fn post(who: AccountId, details: DetailsOf<Test>) -> IntentId {
	let id = crate::NextIntentId::<Test>::get();
	assert_ok!(Intents::post_intent(RuntimeOrigin::signed(who), details));
	id
}

pub fn intent(id: IntentId) -> crate::IntentOf<Test> {
	IntentsStorage::<Test>::get(id).expect("stored")
}

pub fn held_for_intents(who: AccountId) -> Balance {
	Intents::held(crate::HoldReason::IntentDeposit, &who)
}

pub fn step(title: &str, share: Balance, depends_on: &[u16]) -> StepInputOf<Test> {
	StepInput {
		title: BoundedVec::truncate_from(title.as_bytes().to_vec()),
		skills: skills(&["event-planning"]),
		target: target(Some("u33db"), Flexibility::Preferred),
		budget_share: share,
		deliverable: BoundedVec::truncate_from(b"done".to_vec()),
		depends_on: BoundedVec::truncate_from(depends_on.to_vec()),
	}
}

/// The Berlin conference: venue, speakers, catering (after venue), marketing (after venue and
/// speakers), the day itself (after catering and marketing).
pub fn conference_steps() -> Vec<StepInputOf<Test>> {
	vec![
		step("Venue", 3_000, &[]),
		step("Speakers", 2_000, &[]),
		step("Catering", 1_500, &[0]),
		step("Marketing", 1_000, &[0, 1]),
		step("Run the day", 500, &[2, 3]),
	]
}

/// ALICE's conference (a new root) with its five steps proposed: the root and the steps'
/// intents in step order (venue and speakers ready).
pub fn conference_chain() -> (IntentId, Vec<IntentId>) {
	let root = post(ALICE, conference(8_000));
	assert_ok!(Intents::propose_chain(
		RuntimeOrigin::signed(ALICE),
		root,
		BoundedVec::truncate_from(conference_steps()),
		None
	));
	let steps = crate::Chains::<Test>::get(root).expect("chain");
	(root, steps.steps.iter().map(|s| s.intent).collect())
}

pub fn conference(budget: Balance) -> DetailsOf<Test> {
	let mut details = translation(budget);
	details.title = BoundedVec::truncate_from(b"Organise a tech conference in Berlin".to_vec());
	details.category = tag("events");
	details.skills = skills(&["event-planning"]);
	details.target = target(Some("u33db"), Flexibility::Preferred);
	details
}

/// Lists an Ailock of `who` at `geohash` (city level) in `country` with `skill`.
pub fn ailock_at(
	who: AccountId,
	geohash: &str,
	country: &[u8; 2],
	skill: &str,
	min_price: Balance,
) {
	MockDirectory::register(who, summary_at(geohash, country, skill, min_price));
}

/// The shared world with ALICE's translation intent (budget 2 000) posted: intent 0.
pub fn with_alice_translating() -> ExtBuilder {
	ExtBuilder::default().with_market_dids().with_intent(ALICE, translation(2_000))
}

/// The shared world with BOB's Munich translator registered.
pub fn with_bob_in_munich() -> ExtBuilder {
	ExtBuilder::default()
		.with_market_dids()
		.with_ailock(BOB, summary_at("u281z", b"DE", "translation", 100))
}

/// A live Ailock with room for work at `geohash` (city level) in `country` with `skill`,
/// speaking German and English, available all week.
pub fn summary_at(
	geohash: &str,
	country: &[u8; 2],
	skill: &str,
	min_price: Balance,
) -> AilockSummary<Balance> {
	AilockSummary {
		location: DisclosedLocation {
			cell: Some(cell(geohash)),
			country: Some(CountryCode::new(*country).expect("a country")),
		},
		skills: vec![tag(skill)],
		languages: vec![LanguageCode(*b"de"), LanguageCode(*b"en")],
		min_price,
		available_hours: WeeklyAvailability::ALWAYS.hours(),
		has_capacity: true,
		live: true,
	}
}
