//! Geohash cells and location tiers, in integer arithmetic only.
//!
//! A location is stored as a [`GeoCell`]: a geohash truncated to the precision its owner chose
//! ([`SharingLevel`]), never more. Two cells are compared by their longest common prefix and
//! country to a [`LocationTier`], which matching and auctions turn into a preference for local
//! providers.
//!
//! Coordinates are micro-degrees (`i32`: latitude in `[-90_000_000, 90_000_000]`, longitude in
//! `[-180_000_000, 180_000_000]`). The cell of a point at `n` bits per axis is
//! `floor((coordinate - min) * 2^n / span)`, computed exactly in `u128`, which is the standard
//! geohash bisection without its floating-point rounding.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::BoundedVec;

/// The geohash alphabet (base 32 without `a`, `i`, `l`, `o`).
pub const GEOHASH_ALPHABET: &[u8; 32] = b"0123456789bcdefghjkmnpqrstuvwxyz";
/// Longest geohash kept anywhere: 12 characters, a cell of a few centimetres.
pub const MAX_GEOHASH_PRECISION: u8 = 12;
/// Cells sharing this many leading characters (about 4.9 km × 4.9 km) are in the same city.
pub const CITY_PRECISION: u8 = 5;
/// Cells sharing this many leading characters (about 156 km × 156 km) are in the same region.
pub const REGION_PRECISION: u8 = 3;
/// Cells sharing this many leading characters (about 1250 km × 625 km) are in the same country
/// when neither side disclosed a country code.
pub const COUNTRY_PRECISION: u8 = 2;
/// Precision of an `Exact` location: about 4.8 m × 4.8 m.
pub const EXACT_PRECISION: u8 = 9;
/// Characters of a discovery cell (about 39 km × 19.5 km): the registry and the market index
/// what they hold by the first this many characters of its cell.
pub const DISCOVERY_PRECISION: u8 = 4;

/// Micro-degrees per degree.
pub const MICRO_DEGREES: i64 = 1_000_000;
const LATITUDE_MIN: i64 = -90 * MICRO_DEGREES;
const LATITUDE_SPAN: i64 = 180 * MICRO_DEGREES;
const LONGITUDE_MIN: i64 = -180 * MICRO_DEGREES;
const LONGITUDE_SPAN: i64 = 360 * MICRO_DEGREES;

/// Why a location could not be turned into a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeoError {
	/// Latitude outside `[-90°, 90°]`.
	LatitudeOutOfRange,
	/// Longitude outside `[-180°, 180°]`.
	LongitudeOutOfRange,
	/// Precision 0 or above [`MAX_GEOHASH_PRECISION`].
	InvalidPrecision,
	/// A character outside the geohash alphabet.
	InvalidCharacter,
	/// A country code that is not two ASCII capital letters.
	InvalidCountryCode,
}

impl core::fmt::Display for GeoError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			GeoError::LatitudeOutOfRange => "latitude must be within [-90°, 90°]",
			GeoError::LongitudeOutOfRange => "longitude must be within [-180°, 180°]",
			GeoError::InvalidPrecision => "a geohash has 1 to 12 characters",
			GeoError::InvalidCharacter => "not a geohash character (0-9, b-z without i, l, o)",
			GeoError::InvalidCountryCode => "a country code is two capital letters (ISO 3166-1)",
		})
	}
}

impl core::error::Error for GeoError {}

/// A geohash cell of 1 to 12 characters, validated against the geohash alphabet.
#[derive(
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct GeoCell(BoundedVec<u8, sp_core::ConstU32<{ MAX_GEOHASH_PRECISION as u32 }>>);

impl core::fmt::Debug for GeoCell {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "GeoCell({})", self.as_str())
	}
}

impl GeoCell {
	/// Validates a geohash string (lower case, 1 to 12 characters).
	pub fn parse(geohash: &str) -> Result<Self, GeoError> {
		Self::from_bytes(geohash.as_bytes())
	}

	/// Validates geohash bytes, as received in a call.
	pub fn from_bytes(bytes: &[u8]) -> Result<Self, GeoError> {
		if bytes.is_empty() || bytes.len() > usize::from(MAX_GEOHASH_PRECISION) {
			return Err(GeoError::InvalidPrecision);
		}
		if !bytes.iter().all(|b| GEOHASH_ALPHABET.contains(b)) {
			return Err(GeoError::InvalidCharacter);
		}
		BoundedVec::try_from(bytes.to_vec()).map(GeoCell).map_err(|_| GeoError::InvalidPrecision)
	}

	/// The cell of a point at `precision` characters.
	pub fn encode_point(
		latitude_micro: i32,
		longitude_micro: i32,
		precision: u8,
	) -> Result<Self, GeoError> {
		if precision == 0 || precision > MAX_GEOHASH_PRECISION {
			return Err(GeoError::InvalidPrecision);
		}
		let lat = i64::from(latitude_micro);
		let lon = i64::from(longitude_micro);
		if !(LATITUDE_MIN..=LATITUDE_MIN + LATITUDE_SPAN).contains(&lat) {
			return Err(GeoError::LatitudeOutOfRange);
		}
		if !(LONGITUDE_MIN..=LONGITUDE_MIN + LONGITUDE_SPAN).contains(&lon) {
			return Err(GeoError::LongitudeOutOfRange);
		}
		let total_bits = u32::from(precision) * 5;
		// Geohash interleaves starting with longitude, so longitude gets the odd bit.
		let lon_bits = total_bits.div_ceil(2);
		let lat_bits = total_bits / 2;
		let lon_index = axis_index(lon - LONGITUDE_MIN, LONGITUDE_SPAN, lon_bits);
		let lat_index = axis_index(lat - LATITUDE_MIN, LATITUDE_SPAN, lat_bits);

		let mut chars = alloc::vec::Vec::with_capacity(usize::from(precision));
		let (mut lon_left, mut lat_left) = (lon_bits, lat_bits);
		let mut value = 0usize;
		for bit in 0..total_bits {
			let is_lon = bit % 2 == 0;
			let b = if is_lon {
				lon_left -= 1;
				(lon_index >> lon_left) & 1
			} else {
				lat_left -= 1;
				(lat_index >> lat_left) & 1
			};
			value = (value << 1) | b as usize;
			if bit % 5 == 4 {
				chars.push(GEOHASH_ALPHABET[value]);
				value = 0;
			}
		}
		Self::from_bytes(&chars)
	}

	/// The cell's bounding box in micro-degrees.
	pub fn bounds(&self) -> CellBounds {
		let total_bits = self.precision() as u32 * 5;
		let lon_bits = total_bits.div_ceil(2);
		let lat_bits = total_bits / 2;
		let (mut lon_index, mut lat_index) = (0u64, 0u64);
		let mut bit = 0u32;
		for c in self.0.iter() {
			// Validated on construction: every byte is in the alphabet.
			let value = GEOHASH_ALPHABET.iter().position(|a| a == c).unwrap_or(0) as u64;
			for shift in (0..5).rev() {
				let b = (value >> shift) & 1;
				if bit.is_multiple_of(2) {
					lon_index = (lon_index << 1) | b;
				} else {
					lat_index = (lat_index << 1) | b;
				}
				bit += 1;
			}
		}
		let (lat_min, lat_max) = axis_bounds(lat_index, lat_bits, LATITUDE_MIN, LATITUDE_SPAN);
		let (lon_min, lon_max) = axis_bounds(lon_index, lon_bits, LONGITUDE_MIN, LONGITUDE_SPAN);
		CellBounds { lat_min, lat_max, lon_min, lon_max }
	}

	/// Whether the cell holds 1 to 12 geohash characters. Cells decoded from calls skip
	/// [`GeoCell::from_bytes`], so the runtime checks this before storing one.
	pub fn is_valid(&self) -> bool {
		!self.0.is_empty() && self.0.iter().all(|b| GEOHASH_ALPHABET.contains(b))
	}

	/// Number of characters.
	pub fn precision(&self) -> u8 {
		self.0.len() as u8
	}

	/// The geohash text.
	pub fn as_str(&self) -> &str {
		// Every byte is an ASCII letter or digit of the alphabet.
		core::str::from_utf8(&self.0).unwrap_or_default()
	}

	/// The raw geohash bytes.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}

	/// The enclosing cell at a coarser precision; the cell itself when already that coarse.
	pub fn truncate(&self, precision: u8) -> Self {
		let keep = usize::from(precision.max(1)).min(self.0.len());
		let mut inner = self.0.clone();
		inner.truncate(keep);
		GeoCell(inner)
	}

	/// The 32 cells one character finer inside this one (none at the finest precision).
	pub fn children(&self) -> impl Iterator<Item = GeoCell> + '_ {
		GEOHASH_ALPHABET.iter().filter_map(move |c| {
			let mut inner = self.0.clone();
			inner.try_push(*c).ok().map(|()| GeoCell(inner))
		})
	}

	/// The discovery cell an index files this cell under (region-level cells stay as they are).
	pub fn discovery_cell(&self) -> GeoCell {
		self.truncate(DISCOVERY_PRECISION)
	}

	/// The discovery cells a search from this cell reads: its region's 3-character cell and the
	/// region's 32 discovery cells, which hold everything in the same city or region. None when
	/// this cell is coarser than a region.
	pub fn discovery_cells_around(&self) -> impl Iterator<Item = GeoCell> {
		let region =
			(self.precision() >= REGION_PRECISION).then(|| self.truncate(REGION_PRECISION));
		let children: alloc::vec::Vec<GeoCell> =
			region.as_ref().map(|r| r.children().collect()).unwrap_or_default();
		region.into_iter().chain(children)
	}

	/// Length of the longest prefix shared with `other`.
	pub fn common_prefix(&self, other: &GeoCell) -> u8 {
		self.0.iter().zip(other.0.iter()).take_while(|(a, b)| a == b).count() as u8
	}

	/// Whether `other` lies inside this cell (is this cell or a finer cell within it).
	pub fn contains(&self, other: &GeoCell) -> bool {
		other.0.starts_with(&self.0)
	}
}

/// `floor(offset * 2^bits / span)`, clamped so the maximum coordinate falls in the last cell.
fn axis_index(offset: i64, span: i64, bits: u32) -> u64 {
	// offset and span are non-negative and below 2^29, bits at most 30: fits u128 easily.
	let scaled = ((offset as u128) << bits) / span as u128;
	let last = (1u128 << bits) - 1;
	scaled.min(last) as u64
}

/// Inclusive-exclusive bounds `[min, max)` of cell `index` on one axis, in micro-degrees
/// (rounded down; the last cell's max is the axis maximum).
fn axis_bounds(index: u64, bits: u32, min: i64, span: i64) -> (i32, i32) {
	let low = (u128::from(index) * span as u128) >> bits;
	let high = (u128::from(index + 1) * span as u128).div_ceil(1u128 << bits);
	((min + low as i64) as i32, (min + high as i64) as i32)
}

/// A cell's bounding box in micro-degrees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellBounds {
	/// Southern edge.
	pub lat_min: i32,
	/// Northern edge.
	pub lat_max: i32,
	/// Western edge.
	pub lon_min: i32,
	/// Eastern edge.
	pub lon_max: i32,
}

impl CellBounds {
	/// Whether the point lies in the box (edges included).
	pub fn contains(&self, latitude_micro: i32, longitude_micro: i32) -> bool {
		(self.lat_min..=self.lat_max).contains(&latitude_micro)
			&& (self.lon_min..=self.lon_max).contains(&longitude_micro)
	}
}

/// An ISO 3166-1 alpha-2 country code, such as `DE`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
	/// Validates two ASCII capital letters.
	pub fn new(code: [u8; 2]) -> Result<Self, GeoError> {
		if code.iter().all(u8::is_ascii_uppercase) {
			Ok(CountryCode(code))
		} else {
			Err(GeoError::InvalidCountryCode)
		}
	}

	/// Whether the code is two ASCII capital letters (decoding does not check).
	pub fn is_valid(&self) -> bool {
		self.0.iter().all(u8::is_ascii_uppercase)
	}

	/// The two letters.
	pub fn as_bytes(&self) -> [u8; 2] {
		self.0
	}
}

/// How much of a location its owner shares on chain.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum SharingLevel {
	/// The geohash at [`EXACT_PRECISION`].
	Exact,
	/// The geohash at [`CITY_PRECISION`].
	City,
	/// The geohash at [`REGION_PRECISION`].
	Region,
	/// Only the country code.
	Country,
	/// Nothing.
	None,
}

impl SharingLevel {
	/// Geohash characters stored at this level; `None` when no cell is stored.
	pub fn precision(self) -> Option<u8> {
		match self {
			SharingLevel::Exact => Some(EXACT_PRECISION),
			SharingLevel::City => Some(CITY_PRECISION),
			SharingLevel::Region => Some(REGION_PRECISION),
			SharingLevel::Country | SharingLevel::None => None,
		}
	}
}

/// The commitment an owner publishes to its full-precision location: BLAKE2-256 of the
/// SCALE-encoded 12-character cell and a 32-byte salt the owner keeps. Revealing both later
/// proves the location without having disclosed it before.
pub fn location_commitment(full_precision: &GeoCell, salt: &[u8; 32]) -> [u8; 32] {
	sp_io::hashing::blake2_256(&codec::Encode::encode(&(full_precision, salt)))
}

/// How close two parties are, from the nearest to the farthest.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum LocationTier {
	/// Cells share at least [`CITY_PRECISION`] characters.
	SameCity,
	/// Cells share at least [`REGION_PRECISION`] characters.
	SameRegion,
	/// Same country code, or cells sharing [`COUNTRY_PRECISION`] characters when a code is missing.
	SameCountry,
	/// Anything else, including unknown locations.
	Global,
}

/// What one party disclosed of its location.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct DisclosedLocation {
	/// The cell at the precision its owner chose, if any.
	pub cell: Option<GeoCell>,
	/// The country, if disclosed.
	pub country: Option<CountryCode>,
}

impl LocationTier {
	/// The tier between two disclosed locations. Only what both sides disclosed counts, so a
	/// party sharing less can never be placed closer than it chose to reveal.
	pub fn between(a: &DisclosedLocation, b: &DisclosedLocation) -> LocationTier {
		let shared = match (&a.cell, &b.cell) {
			(Some(x), Some(y)) => x.common_prefix(y),
			_ => 0,
		};
		if shared >= CITY_PRECISION {
			return LocationTier::SameCity;
		}
		if shared >= REGION_PRECISION {
			return LocationTier::SameRegion;
		}
		match (a.country, b.country) {
			(Some(x), Some(y)) if x == y => LocationTier::SameCountry,
			(Some(_), Some(_)) => LocationTier::Global,
			_ if shared >= COUNTRY_PRECISION => LocationTier::SameCountry,
			_ => LocationTier::Global,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn micro(degrees: f64) -> i32 {
		(degrees * 1e6).round() as i32
	}

	#[test]
	fn matches_reference_geohashes() {
		// Wikipedia's example and well-known city centres.
		let cell = GeoCell::encode_point(micro(57.64911), micro(10.40744), 11).unwrap();
		assert_eq!(cell.as_str(), "u4pruydqqvj");
		let munich = GeoCell::encode_point(micro(48.137154), micro(11.576124), 6).unwrap();
		assert_eq!(munich.as_str(), "u281z7");
		let tokyo = GeoCell::encode_point(micro(35.689487), micro(139.691706), 5).unwrap();
		assert_eq!(tokyo.as_str(), "xn774");
		let origin = GeoCell::encode_point(0, 0, 1).unwrap();
		assert_eq!(origin.as_str(), "s");
		let corner = GeoCell::encode_point(90_000_000, 180_000_000, 3).unwrap();
		assert_eq!(corner.as_str(), "zzz");
		let other_corner = GeoCell::encode_point(-90_000_000, -180_000_000, 3).unwrap();
		assert_eq!(other_corner.as_str(), "000");
	}

	#[test]
	fn rejects_invalid_input() {
		assert_eq!(GeoCell::encode_point(90_000_001, 0, 5), Err(GeoError::LatitudeOutOfRange));
		assert_eq!(GeoCell::encode_point(0, -180_000_001, 5), Err(GeoError::LongitudeOutOfRange));
		assert_eq!(GeoCell::encode_point(0, 0, 0), Err(GeoError::InvalidPrecision));
		assert_eq!(GeoCell::encode_point(0, 0, 13), Err(GeoError::InvalidPrecision));
		assert_eq!(GeoCell::parse("u28a"), Err(GeoError::InvalidCharacter));
		assert_eq!(GeoCell::parse("U281"), Err(GeoError::InvalidCharacter));
		assert_eq!(GeoCell::parse(""), Err(GeoError::InvalidPrecision));
		assert_eq!(GeoCell::parse("0123456789bcd"), Err(GeoError::InvalidPrecision));
		assert_eq!(CountryCode::new(*b"de"), Err(GeoError::InvalidCountryCode));
	}

	#[test]
	fn tiers_reflect_only_what_both_disclosed() {
		let at = |hash: &str, country: Option<&[u8; 2]>| DisclosedLocation {
			cell: Some(GeoCell::parse(hash).unwrap()),
			country: country.map(|c| CountryCode::new(*c).unwrap()),
		};
		let munich = at("u281z7", Some(b"DE"));
		assert_eq!(
			LocationTier::between(&munich, &at("u281zk", Some(b"DE"))),
			LocationTier::SameCity
		);
		assert_eq!(
			LocationTier::between(&munich, &at("u28", Some(b"DE"))),
			LocationTier::SameRegion
		);
		assert_eq!(
			LocationTier::between(&munich, &at("u33", Some(b"DE"))),
			LocationTier::SameCountry
		);
		assert_eq!(LocationTier::between(&munich, &at("xn774", Some(b"JP"))), LocationTier::Global);
		assert_eq!(LocationTier::between(&munich, &at("u2", None)), LocationTier::SameCountry);
		let hidden = DisclosedLocation::default();
		assert_eq!(LocationTier::between(&munich, &hidden), LocationTier::Global);
		assert!(LocationTier::SameCity < LocationTier::Global);
	}

	#[test]
	fn commitments_bind_cell_and_salt() {
		let here = GeoCell::encode_point(48_137_154, 11_576_124, 12).unwrap();
		let there = GeoCell::encode_point(48_137_155, 11_576_124, 12).unwrap();
		let salt = [7u8; 32];
		assert_eq!(location_commitment(&here, &salt), location_commitment(&here, &salt));
		assert_ne!(location_commitment(&here, &salt), location_commitment(&there, &salt));
		assert_ne!(location_commitment(&here, &salt), location_commitment(&here, &[8u8; 32]));
	}

	#[test]
	fn children_tile_their_parent() {
		let parent = GeoCell::parse("u28").unwrap();
		let children: Vec<GeoCell> = parent.children().collect();
		assert_eq!(children.len(), 32);
		assert!(children.iter().all(|c| parent.contains(c) && c.precision() == 4));
		assert_eq!(children[0].as_str(), "u280");
		assert_eq!(GeoCell::parse("u281z7u281z7").unwrap().children().count(), 0);
		let decoded: GeoCell = codec::Decode::decode(&mut &[8u8, b'u', b'A'][..]).unwrap();
		assert!(!decoded.is_valid());
		assert!(parent.is_valid());
		let around: Vec<GeoCell> =
			GeoCell::parse("u281z7").unwrap().discovery_cells_around().collect();
		assert_eq!(around.len(), 33);
		assert_eq!(around[0].as_str(), "u28");
		assert!(around.contains(&GeoCell::parse("u281z7").unwrap().discovery_cell()));
		assert_eq!(GeoCell::parse("u2").unwrap().discovery_cells_around().count(), 0);
	}

	#[test]
	fn sharing_levels_never_exceed_their_precision() {
		assert_eq!(SharingLevel::Exact.precision(), Some(EXACT_PRECISION));
		assert_eq!(SharingLevel::City.precision(), Some(CITY_PRECISION));
		assert_eq!(SharingLevel::Region.precision(), Some(REGION_PRECISION));
		assert_eq!(SharingLevel::Country.precision(), None);
		assert_eq!(SharingLevel::None.precision(), None);
	}

	proptest! {
		#[test]
		fn a_point_lies_in_its_cell(
			lat in -90_000_000i32..=90_000_000,
			lon in -180_000_000i32..=180_000_000,
			precision in 1u8..=MAX_GEOHASH_PRECISION,
		) {
			let cell = GeoCell::encode_point(lat, lon, precision).unwrap();
			prop_assert_eq!(cell.precision(), precision);
			prop_assert!(cell.bounds().contains(lat, lon), "{:?} {:?}", cell, cell.bounds());
			prop_assert_eq!(GeoCell::parse(cell.as_str()), Ok(cell));
		}

		#[test]
		fn coarser_cells_are_prefixes(
			lat in -90_000_000i32..=90_000_000,
			lon in -180_000_000i32..=180_000_000,
			fine in 1u8..=MAX_GEOHASH_PRECISION,
			coarse in 1u8..=MAX_GEOHASH_PRECISION,
		) {
			let (fine, coarse) = (fine.max(coarse), fine.min(coarse));
			let fine_cell = GeoCell::encode_point(lat, lon, fine).unwrap();
			let coarse_cell = GeoCell::encode_point(lat, lon, coarse).unwrap();
			prop_assert_eq!(fine_cell.truncate(coarse), coarse_cell.clone());
			prop_assert!(coarse_cell.contains(&fine_cell));
			prop_assert!(fine_cell.common_prefix(&coarse_cell) == coarse);
		}

		#[test]
		fn tier_is_symmetric(a in "[0-9b-hjkmnp-z]{1,6}", b in "[0-9b-hjkmnp-z]{1,6}") {
			let x = DisclosedLocation { cell: Some(GeoCell::parse(&a).unwrap()), country: None };
			let y = DisclosedLocation { cell: Some(GeoCell::parse(&b).unwrap()), country: None };
			prop_assert_eq!(LocationTier::between(&x, &y), LocationTier::between(&y, &x));
		}
	}
}
