//! The seams between the market pallets. Each pallet asks for what it needs from the others
//! through one of these small traits in its `Config`, so pallets can be tested alone with the
//! neutral implementations and the runtime wires the real ones.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::DispatchResult;

/// Who is acting in a call: the owner whose account and funds are used, and the agent key that
/// signed for them when the call came through a delegation.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Actor<AccountId> {
	/// The account the call acts for.
	pub owner: AccountId,
	/// The agent key that dispatched it, if not the owner itself.
	pub agent: Option<AccountId>,
}

impl<AccountId> Actor<AccountId> {
	/// The owner acting directly.
	pub fn owner(owner: AccountId) -> Self {
		Actor { owner, agent: None }
	}
}

/// Whether an account has an active DID.
pub trait DidLookup<AccountId> {
	/// `true` when `who` has a DID that is not deactivated.
	fn has_active_did(who: &AccountId) -> bool;

	/// Gives `who` an active DID, for benchmarks of pallets that need one (`who` is funded).
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(who: &AccountId);
}

/// Charges funds an agent commits for its owner (budgets, bids, escrow) against the spending cap
/// the owner set. Calls by the owner itself are never limited.
pub trait SpendGuard<AccountId, Balance> {
	/// Records `amount` as spent by `actor`, failing when it exceeds what remains of the cap.
	fn charge(actor: &Actor<AccountId>, amount: Balance) -> DispatchResult;
}

impl<AccountId, Balance> SpendGuard<AccountId, Balance> for () {
	fn charge(_: &Actor<AccountId>, _: Balance) -> DispatchResult {
		Ok(())
	}
}

/// How many jobs (awarded, unfinished work) an Ailock currently has.
pub trait ActiveJobs<AccountId> {
	/// The number of jobs `ailock` is working on.
	fn active_jobs(ailock: &AccountId) -> u32;
}

impl<AccountId> ActiveJobs<AccountId> for () {
	fn active_jobs(_: &AccountId) -> u32 {
		0
	}
}

/// The verified events that earn an Ailock experience.
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
pub enum ExperienceSource {
	/// A milestone was released from escrow to the Ailock.
	MilestoneCompleted,
	/// The Ailock received a review on a settled job.
	ReviewReceived,
	/// A juror panel decided a dispute in the Ailock's favour.
	DisputeWon,
}

/// Grants experience to an Ailock. Called by the pallets that verified the event, never by owners.
pub trait ExperienceSink<AccountId> {
	/// Adds `points` of experience from `source`, optionally in one skill (a normalised tag).
	fn grant(
		ailock: &AccountId,
		source: ExperienceSource,
		points: u32,
		skill: Option<&[u8]>,
	) -> DispatchResult;
}

/// What still depends on a DID; the DID cannot be deactivated while something does.
pub trait DidDependents<AccountId> {
	/// `true` while something (such as a registered Ailock) depends on `did`.
	fn in_use(did: &AccountId) -> bool;
}

impl<AccountId> DidDependents<AccountId> for () {
	fn in_use(_: &AccountId) -> bool {
		false
	}
}

/// What matching needs to know about one Ailock.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AilockSummary<Balance> {
	/// Its shared location.
	pub location: crate::geo::DisclosedLocation,
	/// Its skills.
	pub skills: alloc::vec::Vec<crate::profile::Tag>,
	/// Its languages.
	pub languages: alloc::vec::Vec<crate::profile::LanguageCode>,
	/// Its minimum price.
	pub min_price: Balance,
	/// Available hours per week.
	pub available_hours: u32,
	/// Whether it can take another job.
	pub has_capacity: bool,
	/// Whether it is live (fresh heartbeat, not away).
	pub live: bool,
}

/// The registry as other pallets see it.
pub trait AilockDirectory<AccountId, Balance> {
	/// What matching needs of `ailock`, if registered.
	fn summary(ailock: &AccountId) -> Option<AilockSummary<Balance>>;

	/// Live Ailocks near `cell` (nearest first), as discovery finds them.
	fn candidates(
		cell: &crate::geo::GeoCell,
		country: Option<crate::geo::CountryCode>,
		max_tier: crate::geo::LocationTier,
		skills: &[crate::profile::Tag],
		limit: u32,
	) -> alloc::vec::Vec<AccountId>;

	/// Registers a live Ailock for `who` (funded) at `cell` with `skill`, for benchmarks of
	/// pallets that need one.
	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(
		who: &AccountId,
		cell: &crate::geo::GeoCell,
		skill: &crate::profile::Tag,
	);
}

/// Reputation as matching uses it.
pub trait ReputationScores<AccountId> {
	/// Overall reputation of `who`.
	fn reputation(who: &AccountId) -> sp_runtime::Perbill;
	/// How well `requester` and `provider` worked together before.
	fn collaboration(requester: &AccountId, provider: &AccountId) -> sp_runtime::Perbill;
}

/// Neutral until the reputation pallet exists: everyone at 50 %.
impl<AccountId> ReputationScores<AccountId> for () {
	fn reputation(_: &AccountId) -> sp_runtime::Perbill {
		sp_runtime::Perbill::from_percent(50)
	}
	fn collaboration(_: &AccountId, _: &AccountId) -> sp_runtime::Perbill {
		sp_runtime::Perbill::from_percent(50)
	}
}

/// Moves intents through their life: the auction and escrow pallets call this.
pub trait IntentLifecycle<AccountId> {
	/// Bidding opened on an open intent (or a ready chain step).
	fn start_auction(intent: u64) -> DispatchResult;
	/// A provider won.
	fn award(intent: u64, provider: &AccountId) -> DispatchResult;
	/// The provider started.
	fn start_work(intent: u64) -> DispatchResult;
	/// Delivered and paid; a chain step's dependents may become ready.
	fn complete(intent: u64) -> DispatchResult;
}
