//! The seams between the market pallets. Each pallet asks for what it needs from the others
//! through one of these small traits in its `Config`, so pallets can be tested alone with the
//! neutral implementations and the runtime wires the real ones.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::AtLeast32BitUnsigned, DispatchError, DispatchResult};

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
}

/// Set-up for the benchmarks of pallets that need DIDs and agent keys (a pallet's
/// `Config::BenchmarkHelper`; the DID pallet implements it).
#[cfg(feature = "runtime-benchmarks")]
pub trait DidBenchmarking<AccountId> {
	/// Gives `who` (funded) an active DID.
	fn create_did(who: &AccountId);

	/// Gives `who` a DID and an agent key with the largest delegation, an unlimited cap and
	/// spending already recorded in the current period, and returns the key: benchmarks of
	/// calls an agent makes measure the charge against the cap (a read and a write of the
	/// delegation).
	fn create_agent(who: &AccountId) -> AccountId;
}

/// Set-up for the benchmarks of pallets that need registered Ailocks too (the Ailocks pallet
/// implements it).
#[cfg(feature = "runtime-benchmarks")]
pub trait AilockBenchmarking<AccountId>: DidBenchmarking<AccountId> {
	/// Registers a live Ailock for `who` (funded, given a DID) at `cell` with `skill`.
	fn create_ailock(who: &AccountId, cell: &crate::geo::GeoCell, skill: &crate::profile::Tag);
}

/// Set-up for the auction's benchmarks: open intents and chains of ready steps (the intents
/// pallet implements it).
#[cfg(feature = "runtime-benchmarks")]
pub trait AuctionBenchmarking<AccountId, Balance>: AilockBenchmarking<AccountId> {
	/// Posts an open intent of `owner` (funded, given a DID) with `budget` at `cell`, due far
	/// ahead, and returns its id.
	fn create_intent(
		owner: &AccountId,
		cell: &crate::geo::GeoCell,
		budget: Balance,
	) -> crate::chain::IntentId;
	/// Posts a root of `owner` with a chain of `steps` independent (ready) steps of `share`
	/// each at `cell`, and returns the root's id.
	fn create_chain(
		owner: &AccountId,
		cell: &crate::geo::GeoCell,
		steps: u32,
		share: Balance,
	) -> crate::chain::IntentId;
}

/// What one agent charged against its owner's cap for something still held (a deposit), kept
/// with the item so releasing it credits the cap back.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct SpendCharge<AccountId, Balance> {
	/// The agent key that was charged.
	pub agent: AccountId,
	/// The first block of the spending period the charge fell in.
	pub period_start: u64,
	/// How much of it is still held.
	pub amount: Balance,
}

/// Charges funds an agent commits or locks for its owner (budgets, deposits, fees, bids,
/// escrow) against the spending cap the owner set, and credits back what is released while the
/// period it was charged in is still current. Calls by the owner itself are never limited.
pub trait SpendGuard<AccountId: Clone + PartialEq, Balance: AtLeast32BitUnsigned + Copy> {
	/// Records `amount` as spent by `actor`, failing when it exceeds what remains of the cap.
	/// Returns what was charged (nothing when the owner acted itself).
	fn charge(
		actor: &Actor<AccountId>,
		amount: Balance,
	) -> Result<Option<SpendCharge<AccountId, Balance>>, DispatchError>;

	/// Credits `charge` back to its agent's cap if its period is still the current one.
	fn refund(owner: &AccountId, charge: &SpendCharge<AccountId, Balance>);

	/// Charges `amount` that `actor` locks and adds it to the item's `record` (a record of an
	/// older period or another agent gives way: it can no longer be credited back anyway).
	fn charge_into(
		actor: &Actor<AccountId>,
		amount: Balance,
		record: &mut Option<SpendCharge<AccountId, Balance>>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		if let Some(new) = Self::charge(actor, amount)? {
			match record {
				Some(old) if old.agent == new.agent && old.period_start == new.period_start => {
					old.amount = old.amount.saturating_add(new.amount);
				},
				_ => *record = Some(new),
			}
		}
		Ok(())
	}

	/// Credits back what an agent had locked of `amount` released from an item that held
	/// `held_before`: the owner's own, uncharged part is released first, so the owner's actions
	/// never give the agent room under its cap.
	fn release_from(
		owner: &AccountId,
		amount: Balance,
		held_before: Balance,
		record: &mut Option<SpendCharge<AccountId, Balance>>,
	) {
		let Some(charge) = record.as_mut() else { return };
		let uncharged = held_before.saturating_sub(charge.amount);
		let back = amount.saturating_sub(uncharged).min(charge.amount);
		if !back.is_zero() {
			Self::refund(owner, &SpendCharge { amount: back, ..charge.clone() });
		}
		charge.amount = charge.amount.saturating_sub(back);
		if charge.amount.is_zero() {
			*record = None;
		}
	}
}

impl<AccountId: Clone + PartialEq, Balance: AtLeast32BitUnsigned + Copy>
	SpendGuard<AccountId, Balance> for ()
{
	fn charge(
		_: &Actor<AccountId>,
		_: Balance,
	) -> Result<Option<SpendCharge<AccountId, Balance>>, DispatchError> {
		Ok(None)
	}

	fn refund(_: &AccountId, _: &SpendCharge<AccountId, Balance>) {}
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

/// Several pallets may depend on a DID: it is in use while any of them says so.
impl<AccountId, A: DidDependents<AccountId>, B: DidDependents<AccountId>> DidDependents<AccountId>
	for (A, B)
{
	fn in_use(did: &AccountId) -> bool {
		A::in_use(did) || B::in_use(did)
	}
}

/// Told when an Ailock is deregistered, so what other pallets keep for it (offers and their
/// deposits) goes with it.
pub trait OnAilockDeregistered<AccountId> {
	/// `ailock` was deregistered.
	fn on_deregistered(ailock: &AccountId);

	/// The most `on_deregistered` costs, counted in the deregistration's weight.
	fn on_deregistered_weight() -> sp_runtime::Weight;
}

impl<AccountId> OnAilockDeregistered<AccountId> for () {
	fn on_deregistered(_: &AccountId) {}

	fn on_deregistered_weight() -> sp_runtime::Weight {
		sp_runtime::Weight::zero()
	}
}

/// What matching needs to know about one Ailock.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
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

	/// Live Ailocks near `cell` and `country` (nearest first), as discovery finds them; with
	/// neither, a fair sample of everyone.
	fn candidates(
		cell: Option<&crate::geo::GeoCell>,
		country: Option<crate::geo::CountryCode>,
		max_tier: crate::geo::LocationTier,
		skills: &[crate::profile::Tag],
		limit: u32,
	) -> alloc::vec::Vec<AccountId>;
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
	fn start_auction(intent: crate::chain::IntentId) -> DispatchResult;
	/// A provider won.
	fn award(intent: crate::chain::IntentId, provider: &AccountId) -> DispatchResult;
	/// The provider started.
	fn start_work(intent: crate::chain::IntentId) -> DispatchResult;
	/// Delivered and paid; a chain step's dependents may become ready.
	fn complete(intent: crate::chain::IntentId) -> DispatchResult;
	/// The auction ended without awarding it: open again, or expired if its deadline passed
	/// meanwhile (expiry leaves intents in an auction alone).
	fn reopen(intent: crate::chain::IntentId) -> DispatchResult;
}

/// One intent an auction sells: a plain intent, or a ready step of a smart chain.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AuctionLot<Balance, BlockNumber> {
	/// The intent (the step's sub-intent for a chain).
	pub intent: crate::chain::IntentId,
	/// Its reserve: the intent's budget, or the step's budget share.
	pub reserve: Balance,
	/// Its deadline: the auction must settle before it.
	pub deadline: BlockNumber,
}

/// What an auction on an intent sells, as the intents pallet sees it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AuctionOffering<AccountId, Balance, BlockNumber> {
	/// The intent's owner: the requester.
	pub owner: AccountId,
	/// Where the work is (for a chain, where its root is): bidders' location tiers are taken
	/// from it.
	pub target: crate::geo::DisclosedLocation,
	/// The lots, in step order: the intent itself, or a chain's ready, unawarded steps.
	pub lots: alloc::vec::Vec<AuctionLot<Balance, BlockNumber>>,
}

/// The intents pallet as the auction reads it.
pub trait AuctionableIntents<AccountId, Balance, BlockNumber> {
	/// What an auction on `intent` would sell now: an open intent that is not a chain step and
	/// has no chain sells itself; a chain root sells its ready steps that are open. `None` when
	/// the intent is unknown; no lots when nothing can be auctioned.
	fn offering(
		intent: crate::chain::IntentId,
	) -> Option<AuctionOffering<AccountId, Balance, BlockNumber>>;
}

/// Whether an account's Ailock keeps another account off its work (its blocklist).
pub trait BlockList<AccountId> {
	/// `true` when `owner` blocked `who`.
	fn blocks(owner: &AccountId, who: &AccountId) -> bool;
}

impl<AccountId> BlockList<AccountId> for () {
	fn blocks(_: &AccountId, _: &AccountId) -> bool {
		false
	}
}

/// What a settled auction hands to escrow for one winner.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct EscrowTerms<AccountId, Balance, Intents> {
	/// The auction.
	pub auction: u64,
	/// Who pays.
	pub requester: AccountId,
	/// Who does the work.
	pub provider: AccountId,
	/// The intents awarded to it.
	pub intents: Intents,
	/// The payment the auction holds from the requester for it.
	pub payment: Balance,
	/// The provider's performance bond the auction holds.
	pub bond: Balance,
	/// What an agent charged the provider's cap for the bond, credited back when it is released.
	pub charge: Option<SpendCharge<AccountId, Balance>>,
}

/// Opens an escrow for a winner: the escrow pallet implements it; `()` leaves the payment and
/// the bond held by the auction.
pub trait EscrowOpener<AccountId, Balance, Intents> {
	/// Takes over `terms`.
	fn open_escrow(terms: &EscrowTerms<AccountId, Balance, Intents>) -> DispatchResult;
}

impl<AccountId, Balance, Intents> EscrowOpener<AccountId, Balance, Intents> for () {
	fn open_escrow(_: &EscrowTerms<AccountId, Balance, Intents>) -> DispatchResult {
		Ok(())
	}
}
