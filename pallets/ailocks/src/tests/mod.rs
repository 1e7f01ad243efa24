//! Tests, a file per call, plus discovery and evolution.

mod agent;
mod block;
mod boost;
mod deregister;
mod discovery;
mod evolution;
mod heartbeat;
mod reap;
mod register;
mod set_status;
mod trust;
mod unblock;
mod untrust;
mod update;

use crate::{
	mock::{Ailocks as Registry, *},
	types::*,
	AilockOf, ProfileOf,
};
use ailock_primitives::{
	geo::{CountryCode, GeoCell, SharingLevel},
	profile::{normalise_tag, LanguageCode, Tag, WeeklyAvailability},
};
use frame_support::{assert_ok, BoundedVec};
use sp_core::H256;

pub fn cell(geohash: &str) -> GeoCell {
	GeoCell::parse(geohash).expect("a geohash")
}

pub fn country(code: &[u8; 2]) -> CountryCode {
	CountryCode::new(*code).expect("a country")
}

pub fn tag(text: &str) -> Tag {
	normalise_tag(text).expect("a tag")
}

pub fn tags(list: &[&str]) -> BoundedVec<Tag, frame_support::traits::ConstU32<MAX_SKILLS>> {
	BoundedVec::truncate_from(list.iter().map(|t| tag(t)).collect())
}

/// Shared at city level in Munich.
pub fn munich() -> Location {
	located(SharingLevel::City, Some("u281z"), Some(b"DE"))
}

pub fn located(sharing: SharingLevel, geohash: Option<&str>, code: Option<&[u8; 2]>) -> Location {
	Location {
		sharing,
		cell: geohash.map(cell),
		country: code.map(country),
		commitment: H256::repeat_byte(7),
	}
}

pub fn profile(name: &str, skills: &[&str], location: Location) -> ProfileOf<Test> {
	Profile {
		name: BoundedVec::truncate_from(name.as_bytes().to_vec()),
		avatar: 3,
		languages: BoundedVec::truncate_from(vec![LanguageCode(*b"de"), LanguageCode(*b"en")]),
		skills: tags(skills),
		domains: BoundedVec::truncate_from(vec![tag("automotive")]),
		pricing: Pricing { min_price: 100, hourly_rate: 40 },
		capacity: 3,
		availability: WeeklyAvailability::daily(0b0001_1111, 9, 17),
		// Sharing no location hides the offset too.
		utc_offset_minutes: if location.sharing == SharingLevel::None { 0 } else { 60 },
		location,
	}
}

/// A translator in Munich, shared at city level.
pub fn munich_translator() -> ProfileOf<Test> {
	profile("Munich translator", &["translation"], munich())
}

/// Registers `who` in Munich with the `translation` skill.
pub fn register_in_munich(who: AccountId) {
	assert_ok!(Registry::register(RuntimeOrigin::signed(who), munich_translator()));
}

/// The shared world with ALICE's Munich translator registered.
pub fn with_alice_in_munich() -> ExtBuilder {
	ExtBuilder::default().with_market_dids().with_ailock(ALICE, munich_translator())
}

pub fn ailock(who: AccountId) -> AilockOf<Test> {
	crate::Ailocks::<Test>::get(who).expect("registered")
}

pub fn held(who: AccountId) -> Balance {
	Registry::held_for(&who)
}
