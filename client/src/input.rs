//! Human input, read in one place: the parsers the CLI, plan files and other clients share
//! (coordinates, places, sharing levels, tiers, countries, hours, tags, flexibility, urgency,
//! weights, keys, relationships, scopes, services, statuses, accounts), each with the rule it
//! enforces in its error.

use crate::{
	accounts,
	api::runtime_types::{
		bounded_collections::bounded_vec::BoundedVec,
		pallet_ailocks::types::AilockStatus,
		pallet_did::types::{CallScope, ServiceEndpoint},
		pallet_intents::types::Urgency,
	},
};
use ailock_primitives::{
	did::{sr25519, DidPublicKey, VerificationRelationship},
	geo::{CountryCode, GeoCell, LocationTier, SharingLevel},
	matching::{Flexibility, MatchingWeights},
	profile::{normalise_tag, Tag, WeeklyAvailability},
};
use sp_runtime::Perbill;
use subxt::utils::AccountId32;

/// Why human input (a command line, a plan file) could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InputError {
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

	/// Not a flexibility.
	#[error("flexibility: strict, preferred, flexible, global (not `{0}`)")]
	Flexibility(String),
	/// Not an urgency.
	#[error("urgency: low, normal, high, critical (not `{0}`)")]
	Urgency(String),
	/// Not four percentages summing to 100.
	#[error("weights are four percentages (location, expertise, price, reputation) summing to 100, not `{0}`")]
	Weights(String),
	/// A bad chain file.
	#[error("chain file: {0}")]
	Chain(String),

	/// Not `<type>:<hex>`.
	#[error("a key is `<sr25519|ed25519|ecdsa|x25519>:0x<hex>`, not `{0}`")]
	KeySyntax(String),
	/// Wrong length for the key type.
	#[error("a {0} key has {1} bytes")]
	KeyLength(&'static str, usize),
	/// Not a relationship name.
	#[error(
		"relationships: authentication, assertion, key-agreement, capability-invocation, \
		 capability-delegation (not `{0}`)"
	)]
	Relationship(String),
	/// Not `Pallet` or `Pallet.call`.
	#[error("a scope entry is `Pallet` or `Pallet.call`, not `{0}`")]
	Scope(String),
	/// Not `<id>,<type>,<url>`.
	#[error("a service is `<id>,<type>,<url>`, not `{0}`")]
	Service(String),
	/// Not a status one may set.
	#[error("statuses: available, busy, away (not `{0}`)")]
	Status(String),
	/// Not an account.
	#[error("{0}")]
	Account(#[from] crate::accounts::AccountError),
}

/// Reads degrees (`48.137154`, `-0.5`) as micro-degrees, exactly (no floating point).
pub fn parse_degrees(text: &str) -> Result<i32, InputError> {
	let error = || InputError::Coordinate(text.to_string());
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
pub fn parse_sharing(text: &str) -> Result<SharingLevel, InputError> {
	Ok(match text.to_ascii_lowercase().as_str() {
		"exact" => SharingLevel::Exact,
		"city" => SharingLevel::City,
		"region" => SharingLevel::Region,
		"country" => SharingLevel::Country,
		"none" => SharingLevel::None,
		_ => return Err(InputError::Sharing(text.to_string())),
	})
}

/// Reads a tier (the farthest a search reaches).
pub fn parse_tier(text: &str) -> Result<LocationTier, InputError> {
	Ok(match text.to_ascii_lowercase().as_str() {
		"city" => LocationTier::SameCity,
		"region" => LocationTier::SameRegion,
		"country" => LocationTier::SameCountry,
		"global" => LocationTier::Global,
		_ => return Err(InputError::Tier(text.to_string())),
	})
}

/// Reads a country code (`DE`, `de`).
pub fn parse_country(text: &str) -> Result<CountryCode, InputError> {
	let bytes: [u8; 2] = text
		.to_ascii_uppercase()
		.as_bytes()
		.try_into()
		.map_err(|_| InputError::Country(text.to_string()))?;
	CountryCode::new(bytes).map_err(|_| InputError::Country(text.to_string()))
}

/// Reads working hours: comma-separated `days:from-to` windows, days `mon`…`sun` or a range
/// (`mon-fri`), hours 0–24 (`mon-fri:9-17,sat:10-14`); `always` for every hour.
pub fn parse_hours(text: &str) -> Result<WeeklyAvailability, InputError> {
	if text.eq_ignore_ascii_case("always") {
		return Ok(WeeklyAvailability::ALWAYS);
	}
	const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
	let error = || InputError::Hours(text.to_string());
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

/// Reads a flexibility.
pub fn parse_flexibility(text: &str) -> Result<Flexibility, InputError> {
	Ok(match text.to_ascii_lowercase().as_str() {
		"strict" => Flexibility::Strict,
		"preferred" => Flexibility::Preferred,
		"flexible" => Flexibility::Flexible,
		"global" => Flexibility::Global,
		_ => return Err(InputError::Flexibility(text.to_string())),
	})
}

/// Reads an urgency.
pub fn parse_urgency(text: &str) -> Result<Urgency, InputError> {
	Ok(match text.to_ascii_lowercase().as_str() {
		"low" => Urgency::Low,
		"normal" => Urgency::Normal,
		"high" => Urgency::High,
		"critical" => Urgency::Critical,
		_ => return Err(InputError::Urgency(text.to_string())),
	})
}

/// Reads `location,expertise,price,reputation` percentages summing to 100.
pub fn parse_weights(text: &str) -> Result<MatchingWeights, InputError> {
	let error = || InputError::Weights(text.to_string());
	let parts: Vec<u32> = text
		.split(',')
		.map(|p| p.trim().parse::<u32>())
		.collect::<Result<_, _>>()
		.map_err(|_| error())?;
	let [location, expertise, price, reputation] = parts.as_slice() else { return Err(error()) };
	let weights = MatchingWeights {
		location: Perbill::from_percent(*location),
		expertise: Perbill::from_percent(*expertise),
		price: Perbill::from_percent(*price),
		reputation: Perbill::from_percent(*reputation),
	};
	if weights.is_valid() {
		Ok(weights)
	} else {
		Err(error())
	}
}

/// Normalises free-text skills to tags.
pub fn tags(list: &[String]) -> Result<Vec<Tag>, InputError> {
	list.iter().map(|t| normalise_tag(t).map_err(|e| InputError::Profile(t.clone(), e))).collect()
}

pub fn bounded<X>(items: Vec<X>) -> BoundedVec<X> {
	BoundedVec(items)
}

pub fn tag_list(list: &[String]) -> Result<BoundedVec<BoundedVec<u8>>, InputError> {
	Ok(bounded(tags(list)?.into_iter().map(|t| bounded(t.into_inner())).collect()))
}

/// Reads `sr25519:0x…`, `ed25519:0x…`, `ecdsa:0x…` (33-byte compressed) or `x25519:0x…`.
pub fn parse_key(spec: &str) -> Result<DidPublicKey, InputError> {
	let (kind, hex_text) =
		spec.split_once(':').ok_or_else(|| InputError::KeySyntax(spec.to_string()))?;
	let bytes = hex::decode(hex_text.trim_start_matches("0x"))
		.map_err(|_| InputError::KeySyntax(spec.to_string()))?;
	let array32 = |name| -> Result<[u8; 32], InputError> {
		bytes.as_slice().try_into().map_err(|_| InputError::KeyLength(name, 32))
	};
	use ailock_primitives::did::{ecdsa, ed25519};
	Ok(match kind.to_ascii_lowercase().as_str() {
		"sr25519" => DidPublicKey::Sr25519(sr25519::Public::from_raw(array32("sr25519")?)),
		"ed25519" => DidPublicKey::Ed25519(ed25519::Public::from_raw(array32("ed25519")?)),
		"x25519" => DidPublicKey::X25519(array32("x25519")?),
		"ecdsa" => {
			let raw: [u8; 33] =
				bytes.as_slice().try_into().map_err(|_| InputError::KeyLength("ecdsa", 33))?;
			DidPublicKey::Ecdsa(ecdsa::Public::from_raw(raw))
		},
		_ => return Err(InputError::KeySyntax(spec.to_string())),
	})
}

/// Reads a relationship: its W3C name or a dashed short form.
pub fn parse_relationship(text: &str) -> Result<VerificationRelationship, InputError> {
	use VerificationRelationship::*;
	let normal: String =
		text.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase();
	Ok(match normal.as_str() {
		"authentication" | "auth" => Authentication,
		"assertion" | "assertionmethod" => AssertionMethod,
		"keyagreement" => KeyAgreement,
		"capabilityinvocation" => CapabilityInvocation,
		"capabilitydelegation" => CapabilityDelegation,
		_ => return Err(InputError::Relationship(text.to_string())),
	})
}

/// Reads a delegation scope entry: `Ailocks` (every call) or `Ailocks.update`.
pub fn parse_scope(text: &str) -> Result<CallScope, InputError> {
	let valid = |part: &str| {
		!part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
	};
	let (pallet, call) = match text.split_once('.') {
		Some((pallet, call)) => (pallet, Some(call)),
		None => (text, None),
	};
	if !valid(pallet) || call.is_some_and(|c| !valid(c)) {
		return Err(InputError::Scope(text.to_string()));
	}
	Ok(CallScope {
		pallet: BoundedVec(pallet.as_bytes().to_vec()),
		call: call.map(|c| BoundedVec(c.as_bytes().to_vec())),
	})
}

pub fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// Bytes of a bounded text field.
pub fn bounded_text(text: &str) -> BoundedVec<u8> {
	BoundedVec(text.as_bytes().to_vec())
}

/// A place given as a geohash, or as `lat,lon` in degrees (cut to a 5-character city cell).
pub fn parse_place(place: &str) -> Result<GeoCell, InputError> {
	match place.split_once(',') {
		Some((lat, lon)) => GeoCell::encode_point(parse_degrees(lat)?, parse_degrees(lon)?, 5)
			.map_err(InputError::Geo),
		None => GeoCell::parse(place).map_err(InputError::Geo),
	}
}

/// Reads a service endpoint `<id>,<type>,<url>` (the chain checks each part's rules).
pub fn parse_service(spec: &str) -> Result<ServiceEndpoint, InputError> {
	let mut parts = spec.splitn(3, ',');
	match (parts.next(), parts.next(), parts.next()) {
		(Some(id), Some(service_type), Some(url)) => Ok(ServiceEndpoint {
			id: bounded_text(id),
			service_type: bounded_text(service_type),
			url: bounded_text(url),
		}),
		_ => Err(InputError::Service(spec.to_string())),
	}
}

/// Reads a status an owner may set: available, busy or away.
pub fn parse_status(text: &str) -> Result<AilockStatus, InputError> {
	Ok(match text.to_ascii_lowercase().as_str() {
		"available" => AilockStatus::Available,
		"busy" => AilockStatus::Busy,
		"away" => AilockStatus::Away,
		_ => return Err(InputError::Status(text.to_string())),
	})
}

/// An account from an SS58 address, a `did:ailock:` URI, a dev name or a secret URI.
pub fn parse_did_account(text: &str) -> Result<AccountId32, InputError> {
	Ok(accounts::parse_account(text.strip_prefix("did:ailock:").unwrap_or(text))?)
}
