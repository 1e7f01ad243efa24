//! The Ailock registry: building profiles from human input (coordinates cut to the sharing level
//! on this machine, never sent in full), discovery and profile views.

use crate::input::InputError;
use crate::{
	api::{
		self,
		runtime_types::pallet_ailocks::types::{
			AilockView, Location, NearbyAilock, Pricing, Profile,
		},
	},
	convert, AilockClient, Balance,
};
use ailock_primitives::{
	geo::{
		location_commitment, CountryCode, GeoCell, LocationTier, SharingLevel,
		MAX_GEOHASH_PRECISION,
	},
	profile::{normalise_tag, LanguageCode, Tag, WeeklyAvailability},
};
use subxt::utils::{AccountId32, H256};

/// A location ready to submit, and what the owner must keep to prove it later.
#[derive(Clone, Debug)]
pub struct PreparedLocation {
	/// What goes on chain.
	pub location: Location,
	/// The full-precision (12-character) cell; stays with the owner.
	pub full_cell: GeoCell,
	/// The commitment's salt; stays with the owner.
	pub salt: [u8; 32],
}

/// Cuts a point to `sharing` and commits to its full precision with a fresh random salt.
pub fn prepare_location(
	latitude_micro: i32,
	longitude_micro: i32,
	sharing: SharingLevel,
	country: Option<CountryCode>,
) -> Result<PreparedLocation, InputError> {
	let full_cell = GeoCell::encode_point(latitude_micro, longitude_micro, MAX_GEOHASH_PRECISION)
		.map_err(InputError::Geo)?;
	let mut salt = [0u8; 32];
	getrandom::getrandom(&mut salt).map_err(|_| InputError::Coordinate("no randomness".into()))?;
	let cell = sharing.precision().map(|p| full_cell.truncate(p));
	let country = if sharing == SharingLevel::None { None } else { country };
	let location = Location {
		sharing: convert(&sharing),
		cell: cell.as_ref().map(convert),
		country: country.as_ref().map(convert),
		commitment: H256(location_commitment(&full_cell, &salt)),
	};
	Ok(PreparedLocation { location, full_cell, salt })
}

/// What a person states about their Ailock, in human terms.
#[derive(Clone, Debug)]
pub struct ProfileSpec {
	/// Display name.
	pub name: String,
	/// Avatar preset.
	pub avatar: u8,
	/// ISO 639-1 codes.
	pub languages: Vec<String>,
	/// Skills, free text (normalised here).
	pub skills: Vec<String>,
	/// Expertise domains, free text.
	pub domains: Vec<String>,
	/// Smallest job, smallest unit.
	pub min_price: Balance,
	/// Hourly rate, smallest unit.
	pub hourly_rate: Balance,
	/// Concurrent jobs.
	pub capacity: u16,
	/// Working hours.
	pub availability: WeeklyAvailability,
	/// Minutes from UTC.
	pub utc_offset_minutes: i16,
}

fn tags(list: &[String]) -> Result<Vec<Tag>, InputError> {
	list.iter().map(|t| normalise_tag(t).map_err(|e| InputError::Profile(t.clone(), e))).collect()
}

/// The profile to submit.
pub fn build_profile(
	spec: &ProfileSpec,
	location: Location,
) -> Result<Profile<Balance>, InputError> {
	let languages = spec
		.languages
		.iter()
		.map(|l| LanguageCode::parse(l).map_err(|e| InputError::Profile(l.clone(), e)))
		.collect::<Result<Vec<_>, _>>()?;
	let bounded =
		|bytes: Vec<u8>| api::runtime_types::bounded_collections::bounded_vec::BoundedVec(bytes);
	Ok(Profile {
		name: bounded(spec.name.as_bytes().to_vec()),
		avatar: spec.avatar,
		languages: bounded_of(languages.iter().map(convert).collect()),
		skills: bounded_of(
			tags(&spec.skills)?.into_iter().map(|t| bounded(t.into_inner())).collect(),
		),
		domains: bounded_of(
			tags(&spec.domains)?.into_iter().map(|t| bounded(t.into_inner())).collect(),
		),
		pricing: Pricing { min_price: spec.min_price, hourly_rate: spec.hourly_rate },
		capacity: spec.capacity,
		availability: convert(&spec.availability),
		// The chain refuses an offset from an Ailock that shares no location: it would tell
		// a band of longitudes.
		utc_offset_minutes: if convert::<_, SharingLevel>(&location.sharing) == SharingLevel::None {
			0
		} else {
			spec.utc_offset_minutes
		},
		location,
	})
}

fn bounded_of<X>(
	items: Vec<X>,
) -> api::runtime_types::bounded_collections::bounded_vec::BoundedVec<X> {
	api::runtime_types::bounded_collections::bounded_vec::BoundedVec(items)
}

/// The spec a stored profile was made from (to change a few fields of it).
pub fn spec_of(profile: &Profile<Balance>) -> ProfileSpec {
	let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
	ProfileSpec {
		name: text(&profile.name.0),
		avatar: profile.avatar,
		languages: profile
			.languages
			.0
			.iter()
			.map(|l| text(&convert::<_, LanguageCode>(l).0))
			.collect(),
		skills: profile.skills.0.iter().map(|t| text(&t.0)).collect(),
		domains: profile.domains.0.iter().map(|t| text(&t.0)).collect(),
		min_price: profile.pricing.min_price,
		hourly_rate: profile.pricing.hourly_rate,
		capacity: profile.capacity,
		availability: convert(&profile.availability),
		utc_offset_minutes: profile.utc_offset_minutes,
	}
}

/// A registered Ailock as the chain shows it.
pub type View = AilockView<AccountId32, u32, Balance>;

impl AilockClient {
	/// Live Ailocks near `cell`, nearest tier first.
	pub async fn ailocks_near(
		&self,
		cell: &GeoCell,
		country: Option<CountryCode>,
		max_tier: LocationTier,
		skills: &[Tag],
		limit: u32,
	) -> Result<Vec<NearbyAilock<AccountId32>>, subxt::Error> {
		let at = self.at_finalized().await?;
		let call = api::runtime_apis().ailocks_api().ailocks_near(
			convert(cell),
			country.as_ref().map(convert),
			convert(&max_tier),
			skills.iter().map(|t| bounded_of(t.to_vec())).collect(),
			limit,
		);
		Ok(at.runtime_apis().call(call).await?)
	}

	/// A registered Ailock, or `None`.
	pub async fn ailock(&self, account: &AccountId32) -> Result<Option<View>, subxt::Error> {
		let at = self.at_finalized().await?;
		Ok(at.runtime_apis().call(api::runtime_apis().ailocks_api().ailock(*account)).await?)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::input::*;

	#[test]
	fn reads_coordinates_exactly() {
		assert_eq!(parse_degrees("48.137154"), Ok(48_137_154));
		assert_eq!(parse_degrees("-0.5"), Ok(-500_000));
		assert_eq!(parse_degrees("11"), Ok(11_000_000));
		assert!(parse_degrees("1.1234567").is_err());
		assert!(parse_degrees("abc").is_err());
		assert!(parse_degrees("").is_err());
	}

	#[test]
	fn reads_hours_levels_and_countries() {
		let week = parse_hours("mon-fri:9-17,sat:10-14").unwrap();
		assert_eq!(week.hours(), 44);
		assert!(parse_hours("fri-mon:9-17").is_err());
		assert!(parse_hours("mon:17-9").is_err());
		assert_eq!(parse_hours("always").unwrap().hours(), 168);
		assert_eq!(parse_sharing("City"), Ok(SharingLevel::City));
		assert_eq!(parse_tier("region"), Ok(LocationTier::SameRegion));
		assert_eq!(parse_country("de").map(|c| c.as_bytes()), Ok(*b"DE"));
		assert!(parse_country("DEU").is_err());
	}

	#[test]
	fn a_prepared_location_carries_no_more_than_the_level() {
		let munich = prepare_location(48_137_154, 11_576_124, SharingLevel::City, None).unwrap();
		let cell: GeoCell = convert(munich.location.cell.as_ref().expect("a cell"));
		assert_eq!(cell.as_str(), "u281z");
		assert_eq!(munich.full_cell.precision(), 12);
		assert_eq!(
			munich.location.commitment.0,
			location_commitment(&munich.full_cell, &munich.salt)
		);
		let hidden =
			prepare_location(48_137_154, 11_576_124, SharingLevel::None, parse_country("DE").ok())
				.unwrap();
		assert!(hidden.location.cell.is_none() && hidden.location.country.is_none());
	}
}
