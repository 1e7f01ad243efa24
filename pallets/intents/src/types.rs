//! Stored and returned types of the market.

use ailock_primitives::{
	chain::StepIndex,
	geo::{CountryCode, DisclosedLocation, GeoCell, LocationTier},
	matching::{Flexibility, MatchingWeights},
	profile::{LanguageCode, Tag},
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

pub use ailock_primitives::chain::IntentId;

/// Longest title, in UTF-8 bytes.
pub const MAX_TITLE_LENGTH: u32 = 128;
/// Longest inline description; longer texts go by hash and URI.
pub const MAX_DESCRIPTION_LENGTH: u32 = 1024;
/// Longest URI of an off-chain description.
pub const MAX_URI_LENGTH: u32 = 256;
/// Most required skills of an intent or step.
pub const MAX_INTENT_SKILLS: u32 = 8;
/// Most languages an intent asks for.
pub const MAX_INTENT_LANGUAGES: u32 = 4;
/// Longest deliverable description of a step.
pub const MAX_DELIVERABLE_LENGTH: u32 = 256;
/// Most dependencies of one chain step.
pub const MAX_DEPENDENCIES: u32 = 8;

/// A step's dependencies (indices of earlier-completing steps).
pub type Dependencies = BoundedVec<StepIndex, ConstU32<MAX_DEPENDENCIES>>;

/// An intent's title.
pub type Title = BoundedVec<u8, ConstU32<MAX_TITLE_LENGTH>>;
/// Required skills.
pub type Skills = BoundedVec<Tag, ConstU32<MAX_INTENT_SKILLS>>;

/// What is asked for, in full or by reference.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub enum Description {
	/// The text itself (UTF-8).
	Text(BoundedVec<u8, ConstU32<MAX_DESCRIPTION_LENGTH>>),
	/// A longer text stored elsewhere: its BLAKE2-256 hash and where to fetch it.
	Hashed {
		/// BLAKE2-256 of the text.
		hash: H256,
		/// `https://` or `ipfs://` URI.
		uri: BoundedVec<u8, ConstU32<MAX_URI_LENGTH>>,
	},
}

/// Where the work is to be done.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Target {
	/// The target cell at the precision the owner chose (3 to 9 characters); `None` only for
	/// `Flexibility::Global` work.
	pub cell: Option<GeoCell>,
	/// The target country.
	pub country: Option<CountryCode>,
	/// How far from the target a provider may be.
	pub flexibility: Flexibility,
}

impl Target {
	/// Where the work is, as far as its owner disclosed it: the one rule matching, discovery and
	/// clients use (a country without a cell is country-wide work; neither is work anywhere).
	pub fn location(&self) -> DisclosedLocation {
		DisclosedLocation { cell: self.cell.clone(), country: self.country }
	}

	/// How far the work is from someone at `other` (a provider, or whoever searches): global
	/// when the work discloses no place.
	pub fn tier_to(&self, other: &DisclosedLocation) -> LocationTier {
		LocationTier::between(&self.location(), other)
	}
}

/// How soon the requester needs it.
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
pub enum Urgency {
	/// Whenever convenient before the deadline.
	Low,
	/// The usual.
	Normal,
	/// Soon.
	High,
	/// Now.
	Critical,
}

/// What the owner states about an intent.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct IntentDetails<Balance, BlockNumber> {
	/// Short title (UTF-8).
	pub title: Title,
	/// What is wanted.
	pub description: Description,
	/// A normalised category tag, such as `translation` or `events`.
	pub category: Tag,
	/// Required skills.
	pub skills: Skills,
	/// Languages the work needs.
	pub languages: BoundedVec<LanguageCode, ConstU32<MAX_INTENT_LANGUAGES>>,
	/// Where.
	pub target: Target,
	/// Budget in the native token.
	pub budget: Balance,
	/// The last block at which the intent may still be awarded; it expires after.
	pub deadline: BlockNumber,
	/// How soon.
	pub urgency: Urgency,
	/// How matching weighs location, expertise, price and reputation (sum 100 %).
	pub weights: MatchingWeights,
}

/// Where an intent is in its life. Transitions:
///
/// ```text
/// Open ──► Auctioning ──► Awarded ──► InProgress ──► Completed
///   │          │
///   ├──────────┴──► Cancelled   (by the owner, before an award)
///   └──────────┴──► Expired     (deadline passed before an award)
/// ```
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
pub enum IntentStatus {
	/// Posted; providers may be matched and invited.
	Open,
	/// Sealed bids are being collected.
	Auctioning,
	/// A provider won.
	Awarded,
	/// The provider is working.
	InProgress,
	/// Delivered and paid.
	Completed,
	/// Withdrawn by its owner.
	Cancelled,
	/// Its deadline passed unawarded.
	Expired,
}

impl IntentStatus {
	/// Whether the intent still takes matches and bids.
	pub fn is_open(self) -> bool {
		matches!(self, IntentStatus::Open | IntentStatus::Auctioning)
	}

	/// Whether the machine allows `self → next`.
	pub fn can_become(self, next: IntentStatus) -> bool {
		use IntentStatus::*;
		matches!(
			(self, next),
			(Open, Auctioning)
				| (Auctioning, Open)
				| (Open | Auctioning, Awarded)
				| (Awarded, InProgress)
				| (InProgress, Completed)
				| (Open | Auctioning, Cancelled)
				| (Open | Auctioning, Expired)
		)
	}
}

/// A posted intent.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Intent<AccountId, Balance, BlockNumber, Ticket> {
	/// Who posted it (the owner, even when an agent signed).
	pub owner: AccountId,
	/// What the owner states.
	pub details: IntentDetails<Balance, BlockNumber>,
	/// Where it is in its life.
	pub status: IntentStatus,
	/// For a chain step: its root intent and index.
	pub step_of: Option<(IntentId, StepIndex)>,
	/// The provider, once awarded.
	pub provider: Option<AccountId>,
	/// Deposit held from the owner: what `ticket` holds (the ticket keeps its amount to
	/// itself; wallets and indexers read this).
	pub deposit: Balance,
	/// The `Consideration` ticket holding the deposit for the details' footprint.
	pub ticket: Ticket,
	/// Block posted.
	pub created_at: BlockNumber,
}

/// A step as proposed.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct StepInput<Balance> {
	/// Short title.
	pub title: Title,
	/// Required skills.
	pub skills: Skills,
	/// Where this step's work is done.
	pub target: Target,
	/// Its share of the root budget.
	pub budget_share: Balance,
	/// What is delivered.
	pub deliverable: BoundedVec<u8, ConstU32<MAX_DELIVERABLE_LENGTH>>,
	/// Indices of the steps that must complete first.
	pub depends_on: Dependencies,
}

/// How far a step is.
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
pub enum StepState {
	/// Waiting for its dependencies.
	Waiting,
	/// Every dependency is done; it may be awarded and worked on.
	Ready,
	/// Awarded or in progress.
	Running,
	/// Completed.
	Done,
	/// Cancelled before an award.
	Cancelled,
}

/// One step of a chain.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct ChainStep {
	/// The step's sub-intent.
	pub intent: IntentId,
	/// Indices of the steps it waits for.
	pub depends_on: Dependencies,
	/// How far it is.
	pub state: StepState,
}

/// A smart chain: a root intent split into steps.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
#[scale_info(skip_type_params(MaxSteps))]
pub struct Chain<MaxSteps: frame_support::traits::Get<u32>> {
	/// The steps, in proposal order.
	pub steps: BoundedVec<ChainStep, MaxSteps>,
	/// BLAKE2-256 of the model, prompt and plan, when an AI produced the decomposition.
	pub provenance: Option<H256>,
}

/// A provider's standing offer.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Offer<Balance> {
	/// What it offers.
	pub skills: Skills,
	/// Its price for a typical job.
	pub price: Balance,
	/// The centre of its service area.
	pub area: GeoCell,
	/// How far around the centre it serves.
	pub reach: ailock_primitives::geo::LocationTier,
	/// Jobs it takes at once.
	pub capacity: u16,
}

/// A stored offer with its deposit.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct StoredOffer<Balance, BlockNumber, Ticket> {
	/// The offer.
	pub offer: Offer<Balance>,
	/// Deposit held: what `ticket` holds.
	pub deposit: Balance,
	/// The `Consideration` ticket holding the deposit for the offer's footprint.
	pub ticket: Ticket,
	/// Block of the last change.
	pub updated_at: BlockNumber,
}

/// An open intent found near a place.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct NearbyIntent<AccountId, Balance, BlockNumber> {
	/// Its id.
	pub id: IntentId,
	/// Who posted it.
	pub owner: AccountId,
	/// Its title.
	pub title: Vec<u8>,
	/// Its target cell.
	pub cell: Option<GeoCell>,
	/// How close it is to the searched place.
	pub tier: ailock_primitives::geo::LocationTier,
	/// Its required skills.
	pub skills: Vec<Tag>,
	/// Its budget.
	pub budget: Balance,
	/// Its deadline.
	pub deadline: BlockNumber,
	/// Open or Auctioning.
	pub status: IntentStatus,
	/// For a step: root and index.
	pub step_of: Option<(IntentId, StepIndex)>,
}

/// Coarsest target cell an intent may name (a region).
pub const MIN_TARGET_PRECISION: u8 = 3;
/// Geohash characters of a discovery cell.
pub const INDEX_PRECISION: u8 = ailock_primitives::geo::DISCOVERY_PRECISION;
