//! Stored and returned types of the registry.

use ailock_primitives::{
	geo::{CountryCode, GeoCell, LocationTier, SharingLevel},
	profile::{LanguageCode, Tag, WeeklyAvailability},
	traits::ExperienceSource,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{ConstU32, Footprint},
	BoundedVec,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// Longest Ailock name, in UTF-8 bytes.
pub const MAX_NAME_LENGTH: u32 = 64;
/// Most languages in a profile.
pub const MAX_LANGUAGES: u32 = 8;
/// Most skill tags in a profile.
pub const MAX_SKILLS: u32 = 16;
/// Most expertise domains in a profile.
pub const MAX_DOMAINS: u32 = 8;
/// Avatar presets the apps ship; `avatar` indexes them.
pub const AVATAR_PRESETS: u8 = 32;
/// Geohash characters of a discovery cell (about 39 km × 19.5 km).
pub const INDEX_PRECISION: u8 = ailock_primitives::geo::DISCOVERY_PRECISION;
/// Earliest and latest UTC offsets in minutes (UTC-12:00 to UTC+14:00).
pub const UTC_OFFSET_RANGE: core::ops::RangeInclusive<i16> = -720..=840;

/// An Ailock's display name.
pub type Name = BoundedVec<u8, ConstU32<MAX_NAME_LENGTH>>;

/// What an Ailock charges.
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
pub struct Pricing<Balance> {
	/// Smallest job it takes.
	pub min_price: Balance,
	/// Price of an hour of work.
	pub hourly_rate: Balance,
}

/// Where an Ailock is, as much as its owner shares. The client truncates the coordinates to the
/// sharing level before submitting: call arguments are public forever, so full coordinates
/// never leave the owner's device; only their salted commitment does.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Location {
	/// How much is shared.
	pub sharing: SharingLevel,
	/// The geohash at exactly the level's precision; `None` for `Country` and `None`.
	pub cell: Option<GeoCell>,
	/// ISO 3166-1 country; never with `SharingLevel::None`.
	pub country: Option<CountryCode>,
	/// BLAKE2-256 of the SCALE-encoded full-precision (12-character) geohash and a 32-byte salt,
	/// for proving the location later without revealing it now.
	pub commitment: H256,
}

/// Everything the owner states about their Ailock.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Profile<Balance> {
	/// Display name (UTF-8, no control characters).
	pub name: Name,
	/// Avatar preset, below [`AVATAR_PRESETS`].
	pub avatar: u8,
	/// Languages it works in.
	pub languages: BoundedVec<LanguageCode, ConstU32<MAX_LANGUAGES>>,
	/// Normalised skill tags.
	pub skills: BoundedVec<Tag, ConstU32<MAX_SKILLS>>,
	/// Normalised expertise domains.
	pub domains: BoundedVec<Tag, ConstU32<MAX_DOMAINS>>,
	/// Prices.
	pub pricing: Pricing<Balance>,
	/// Most jobs it takes at once (at least 1).
	pub capacity: u16,
	/// Working hours of the week in the owner's time zone.
	pub availability: WeeklyAvailability,
	/// The owner's time zone as minutes from UTC.
	pub utc_offset_minutes: i16,
	/// Where it is.
	pub location: Location,
}

/// What the owner says the Ailock is doing.
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
pub enum AilockStatus {
	/// Taking work.
	Available,
	/// Working, but discoverable.
	Busy,
	/// Not taking work; hidden from discovery.
	Away,
	/// No heartbeat within the timeout; never stored, only reported.
	Offline,
}

/// How often verified events happened to an Ailock.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct Track {
	/// Milestones completed and paid.
	pub milestones_completed: u32,
	/// Reviews received.
	pub reviews_received: u32,
	/// Disputes won.
	pub disputes_won: u32,
}

impl Track {
	/// Counts one event of `source`; returns the new count.
	pub fn record(&mut self, source: ExperienceSource) -> u32 {
		let counter = match source {
			ExperienceSource::MilestoneCompleted => &mut self.milestones_completed,
			ExperienceSource::ReviewReceived => &mut self.reviews_received,
			ExperienceSource::DisputeWon => &mut self.disputes_won,
		};
		*counter = counter.saturating_add(1);
		*counter
	}
}

/// A registered Ailock.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Ailock<BlockNumber, Balance, Ticket> {
	/// What the owner states.
	pub profile: Profile<Balance>,
	/// What the owner says it is doing.
	pub status: AilockStatus,
	/// Block of the last heartbeat (or registration).
	pub last_heartbeat: BlockNumber,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Block of the last profile change.
	pub updated_at: BlockNumber,
	/// Experience points, only ever granted by verified events.
	pub xp: u64,
	/// Level from `xp` and the configured thresholds, starting at 1.
	pub level: u32,
	/// Verified events so far.
	pub track: Track,
	/// Entries in its trusted list.
	pub trusted: u32,
	/// Entries in its blocked list.
	pub blocked: u32,
	/// Deposit held from the owner: what `ticket` holds (the ticket keeps its amount to
	/// itself; wallets and indexers read this).
	pub deposit: Balance,
	/// The `Consideration` ticket holding the deposit for the registration's footprint.
	pub ticket: Ticket,
	/// Whether it is in the discovery indexes (false once reaped as offline, until its next
	/// heartbeat).
	pub indexed: bool,
}

impl<BlockNumber, Balance, Ticket> Ailock<BlockNumber, Balance, Ticket> {
	/// The record as shown outside the runtime: the ticket is opaque, `deposit` says what it
	/// holds.
	pub fn without_ticket(self) -> Ailock<BlockNumber, Balance, ()> {
		Ailock {
			profile: self.profile,
			status: self.status,
			last_heartbeat: self.last_heartbeat,
			registered_at: self.registered_at,
			updated_at: self.updated_at,
			xp: self.xp,
			level: self.level,
			track: self.track,
			trusted: self.trusted,
			blocked: self.blocked,
			deposit: self.deposit,
			ticket: (),
			indexed: self.indexed,
		}
	}
}

/// What a registration occupies, priced by the runtime's `Consideration`: one item of its
/// profile's encoded bytes plus `entry_bytes` per trusted or blocked list entry.
pub fn registration_footprint(
	profile: &impl Encode,
	list_entries: u32,
	entry_bytes: u32,
) -> Footprint {
	let bytes = profile
		.encoded_size()
		.saturating_add((list_entries as usize).saturating_mul(entry_bytes as usize));
	Footprint::from_parts(1, bytes)
}

/// How rare an achievement is.
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
pub enum Rarity {
	/// Most Ailocks get it.
	Common,
	/// Takes sustained work.
	Rare,
	/// Few get it.
	Epic,
	/// Very few get it.
	Legendary,
}

/// Milestones of an Ailock's history.
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
pub enum Achievement {
	/// First milestone completed and paid.
	FirstMilestone,
	/// Ten milestones.
	TenMilestones,
	/// A hundred milestones.
	HundredMilestones,
	/// First review received.
	FirstReview,
	/// Fifty reviews received.
	FiftyReviews,
	/// First dispute won.
	DisputeWon,
	/// Reached level 5.
	LevelFive,
	/// Reached level 10.
	LevelTen,
}

impl Achievement {
	/// Every achievement, for bounded clean-up.
	pub const ALL: [Achievement; 8] = [
		Achievement::FirstMilestone,
		Achievement::TenMilestones,
		Achievement::HundredMilestones,
		Achievement::FirstReview,
		Achievement::FiftyReviews,
		Achievement::DisputeWon,
		Achievement::LevelFive,
		Achievement::LevelTen,
	];

	/// How rare it is.
	pub fn rarity(self) -> Rarity {
		match self {
			Achievement::FirstMilestone | Achievement::FirstReview => Rarity::Common,
			Achievement::TenMilestones | Achievement::DisputeWon | Achievement::LevelFive => {
				Rarity::Rare
			},
			Achievement::FiftyReviews | Achievement::LevelTen => Rarity::Epic,
			Achievement::HundredMilestones => Rarity::Legendary,
		}
	}

	/// The achievements earned when the count of `source` events reaches `count`.
	pub fn for_count(source: ExperienceSource, count: u32) -> Option<Achievement> {
		match (source, count) {
			(ExperienceSource::MilestoneCompleted, 1) => Some(Achievement::FirstMilestone),
			(ExperienceSource::MilestoneCompleted, 10) => Some(Achievement::TenMilestones),
			(ExperienceSource::MilestoneCompleted, 100) => Some(Achievement::HundredMilestones),
			(ExperienceSource::ReviewReceived, 1) => Some(Achievement::FirstReview),
			(ExperienceSource::ReviewReceived, 50) => Some(Achievement::FiftyReviews),
			(ExperienceSource::DisputeWon, 1) => Some(Achievement::DisputeWon),
			_ => None,
		}
	}

	/// The achievement for reaching `level`, if any.
	pub fn for_level(level: u32) -> Option<Achievement> {
		match level {
			5 => Some(Achievement::LevelFive),
			10 => Some(Achievement::LevelTen),
			_ => None,
		}
	}
}

/// A paid promotion in one discovery cell.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Boost<AccountId, BlockNumber> {
	/// The promoted Ailock.
	pub ailock: AccountId,
	/// The first block it no longer applies.
	pub expires_at: BlockNumber,
}

/// One Ailock found by discovery.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct NearbyAilock<AccountId> {
	/// The Ailock (its owner's account and DID).
	pub ailock: AccountId,
	/// Display name.
	pub name: Vec<u8>,
	/// How close it is to the searched location.
	pub tier: LocationTier,
	/// Its shared cell.
	pub cell: Option<GeoCell>,
	/// Its shared country.
	pub country: Option<CountryCode>,
	/// Its skills.
	pub skills: Vec<Tag>,
	/// Its languages.
	pub languages: Vec<LanguageCode>,
	/// Its level.
	pub level: u32,
	/// Available or Busy.
	pub status: AilockStatus,
	/// Whether a boost in the searched cell raised its rank.
	pub boosted: bool,
}

/// A registered Ailock as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct AilockView<AccountId, BlockNumber, Balance> {
	/// The stored record, without its ticket (opaque; `deposit` says what it holds).
	pub ailock: Ailock<BlockNumber, Balance, ()>,
	/// The status discovery uses: `Offline` once the heartbeat is too old.
	pub effective_status: AilockStatus,
	/// Achievements and the block each was unlocked at.
	pub achievements: Vec<(Achievement, BlockNumber)>,
	/// Experience and level per skill.
	pub skill_levels: Vec<(Tag, u64, u32)>,
	/// Accounts it trusts.
	pub trusted: Vec<AccountId>,
	/// Accounts it blocked.
	pub blocked: Vec<AccountId>,
}
