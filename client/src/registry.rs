//! The Ailock registry: building profiles from human input (coordinates cut to the sharing level
//! on this machine, never sent in full), discovery and profile views.

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

/// Why registry input could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RegistryInputError {
	/// Not a decimal number of degrees within range.
	#[error("`{0}` is not a coordinate in degrees (such as 48.137154)")]
	Coordinate(String),
	/// Not a sharing level.
	#[error("sharing levels: exact, city, region, country, none (not `{0}`)")]
	Sharing(String),
	/// Not a tier.
	#[error("tiers: city, region, country, global (not `{0}`)")]
	Tier(String),
	/// Not a country code.
	#[error("`{0}` is not an ISO 3166-1 alpha-2 country code such as DE")]
	Country(String),
	/// A skill, domain or language that cannot be normalised.
	#[error("`{0}`: {1}")]
	Profile(String, ailock_primitives::profile::ProfileError),
	/// Not `days:from-to`.
	#[error("working hours are like `mon-fri:9-17` or `sat:10-14`, not `{0}`")]
	Hours(String),
	/// Geohash or point problems.
	#[error("{0}")]
	Geo(ailock_primitives::geo::GeoError),
}

/// Reads degrees (`48.137154`, `-0.5`) as micro-degrees, exactly (no floating point).
pub fn parse_degrees(text: &str) -> Result<i32, RegistryInputError> {
	let error = || RegistryInputError::Coordinate(text.to_string());
	let (negative, digits) = match text.trim().strip_prefix('-') {
		Some(rest) => (true, rest),
		None => (false, text.trim()),
	};
	let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
	if whole.is_empty()
		|| fraction.len() > 6
		|| !(whole.chars().chain(fraction.chars())).all(|c| c.is_ascii_digit())
	{
		return Err(error());
	}
	let whole: i64 = whole.parse().map_err(|_| error())?;
	let fraction: i64 = format!("{fraction:0<6}").parse().map_err(|_| error())?;
	let micro =
		whole.checked_mul(1_000_000).and_then(|w| w.checked_add(fraction)).ok_or_else(error)?;
	let signed = if negative { -micro } else { micro };
	i32::try_from(signed).map_err(|_| error())
}

/// Reads a sharing level.
pub fn parse_sharing(text: &str) -> Result<SharingLevel, RegistryInputError> {
	Ok(match text.to_ascii_lowercase().as_str() {
		"exact" => SharingLevel::Exact,
		"city" => SharingLevel::City,
		"region" => SharingLevel::Region,
		"country" => SharingLevel::Country,
		"none" => SharingLevel::None,
		_ => return Err(RegistryInputError::Sharing(text.to_string())),
	})
}

/// Reads a tier (the farthest a search reaches).
pub fn parse_tier(text: &str) -> Result<LocationTier, RegistryInputError> {
	Ok(match text.to_ascii_lowercase().as_str() {
		"city" => LocationTier::SameCity,
		"region" => LocationTier::SameRegion,
		"country" => LocationTier::SameCountry,
		"global" => LocationTier::Global,
		_ => return Err(RegistryInputError::Tier(text.to_string())),
	})
}

/// Reads a country code (`DE`, `de`).
pub fn parse_country(text: &str) -> Result<CountryCode, RegistryInputError> {
	let bytes: [u8; 2] = text
		.to_ascii_uppercase()
		.as_bytes()
		.try_into()
		.map_err(|_| RegistryInputError::Country(text.to_string()))?;
	CountryCode::new(bytes).map_err(|_| RegistryInputError::Country(text.to_string()))
}

/// Reads working hours: comma-separated `days:from-to` windows, days `mon`…`sun` or a range
/// (`mon-fri`), hours 0–24 (`mon-fri:9-17,sat:10-14`); `always` for every hour.
pub fn parse_hours(text: &str) -> Result<WeeklyAvailability, RegistryInputError> {
	if text.eq_ignore_ascii_case("always") {
		return Ok(WeeklyAvailability::ALWAYS);
	}
	const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
	let error = || RegistryInputError::Hours(text.to_string());
	let day = |name: &str| DAYS.iter().position(|d| name.eq_ignore_ascii_case(d)).ok_or_else(error);
	let mut week = WeeklyAvailability([0; 21]);
	for window in text.split(',') {
		let (days, hours) = window.trim().split_once(':').ok_or_else(error)?;
		let (first, last) = match days.split_once('-') {
			Some((a, b)) => (day(a)?, day(b)?),
			None => (day(days)?, day(days)?),
		};
		let (from, to) = hours.split_once('-').ok_or_else(error)?;
		let from: u32 = from.parse().map_err(|_| error())?;
		let to: u32 = to.parse().map_err(|_| error())?;
		if first > last || from >= to || to > 24 {
			return Err(error());
		}
		for d in first..=last {
			for hour in from..to {
				week.set(d as u32 * 24 + hour);
			}
		}
	}
	Ok(week)
}

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
) -> Result<PreparedLocation, RegistryInputError> {
	let full_cell = GeoCell::encode_point(latitude_micro, longitude_micro, MAX_GEOHASH_PRECISION)
		.map_err(RegistryInputError::Geo)?;
	let mut salt = [0u8; 32];
	getrandom::getrandom(&mut salt)
		.map_err(|_| RegistryInputError::Coordinate("no randomness".into()))?;
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

fn tags(list: &[String]) -> Result<Vec<Tag>, RegistryInputError> {
	list.iter()
		.map(|t| normalise_tag(t).map_err(|e| RegistryInputError::Profile(t.clone(), e)))
		.collect()
}

/// The profile to submit.
pub fn build_profile(
	spec: &ProfileSpec,
	location: Location,
) -> Result<Profile<Balance>, RegistryInputError> {
	let languages = spec
		.languages
		.iter()
		.map(|l| LanguageCode::parse(l).map_err(|e| RegistryInputError::Profile(l.clone(), e)))
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
