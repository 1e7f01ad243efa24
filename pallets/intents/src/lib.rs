//! # Intents pallet: the market's demand and supply
//!
//! - **Intents**: a person (or their agent) posts what they need — title, description (inline or
//!   by hash and URI), category, skills, languages, a target cell at the precision they chose
//!   with a [`Flexibility`](ailock_primitives::matching::Flexibility), budget, deadline, urgency
//!   and matching weights. A deposit is held; the budget is charged against an agent's spending
//!   cap. Every status change ([`types::IntentStatus`]) is an event carrying the new status.
//! - **Offers**: an Ailock's standing offer (skills, price, service area, capacity).
//! - **Smart chains**: [`Pallet::propose_chain`] splits an open root intent into up to
//!   `MaxChainSteps` steps with budget shares and dependencies; each step becomes a sub-intent.
//!   Cycles, dangling dependencies and over-budget shares are refused with distinct errors
//!   ([`ailock_primitives::chain::validate_chain`]). Steps become ready when their dependencies
//!   complete; the chain (and its root) completes when every step does.
//! - **Discovery**: open intents are indexed by 4-character cell;
//!   `runtime_api::IntentsApi::open_intents_near` finds them.
//! - **Expiry**: intents whose deadline passes unawarded expire in `on_initialize`, from a
//!   per-block bucket bounded by `MaxExpiriesPerBlock`; deposits are returned.
//! - **Matching**: authorised matchers submit, for a newly opened intent, the Ailocks they found
//!   with their [`ailock_primitives::matching::score`]; the runtime recomputes every score and
//!   refuses forged ones (see [`Pallet::submit_matches`]).
//!
//! ## Deposits
//! Through FRAME's `Consideration`: every intent and step stores the ticket
//! ([`Config::IntentConsideration`]) for one item of its details' encoded bytes, every offer
//! the ticket ([`Config::OfferConsideration`]) for one item of its encoding. Released on
//! cancellation, expiry, completion or withdrawal. The runtime wires `HoldConsideration` under
//! [`HoldReason::IntentDeposit`] / [`HoldReason::OfferDeposit`] with `LinearStoragePrice`
//! (`IntentDeposit` or `OfferDeposit` + `IntentByteDeposit × bytes`). An agent's deposits
//! count against its spending cap and are credited back when released within the period.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub(crate) mod features;
pub mod offchain;
pub mod runtime_api;
mod try_state;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use weights::WeightInfo;

/// Target of the pallet's log lines (the offchain matcher's).
pub const LOG_TARGET: &str = "runtime::intents";

/// Lets the runtime list the matcher key among the keys a node generates (`author_rotateKeys`,
/// and `//Alice`'s on `--dev`).
impl<T: Config> sp_runtime::BoundToRuntimeAppPublic for Pallet<T> {
	type Public = crypto::Public;
}

/// The matcher's key: nodes holding one in their keystore compute and sign matches.
pub mod crypto {
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519},
		KeyTypeId, MultiSignature, MultiSigner,
	};

	/// Key type of matcher keys (`author_insertKey` with `mtch`).
	pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"mtch");

	app_crypto!(sr25519, KEY_TYPE);

	/// Binds matcher keys to the runtime's signature types for signed transactions.
	pub struct MatcherId;

	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for MatcherId {
		type RuntimeAppPublic = Public;
		type GenericPublic = sp_core::sr25519::Public;
		type GenericSignature = sp_core::sr25519::Signature;
	}
}

use frame_support::traits::fungible;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// An intent of this runtime.
pub type IntentOf<T> = types::Intent<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::IntentConsideration,
>;
/// A stored offer of this runtime.
pub type StoredOfferOf<T> = types::StoredOffer<
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::OfferConsideration,
>;
/// Intent details of this runtime.
pub type DetailsOf<T> =
	types::IntentDetails<BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>>;
/// A step as proposed in this runtime.
pub type StepInputOf<T> = types::StepInput<BalanceOf<T>>;
/// A chain of this runtime.
pub type ChainOf<T> = types::Chain<<T as Config>::MaxChainSteps>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use ailock_primitives::{
		chain::StepIndex,
		geo::GeoCell,
		traits::{Actor, AilockDirectory, ReputationScores, SpendCharge, SpendGuard},
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Mutate, MutateHold},
			Consideration, Footprint,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::Perbill;
	use types::{IntentId, IntentStatus, Offer};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config + frame_system::offchain::CreateSignedTransaction<Call<Self>>
	{
		/// The key the offchain matcher signs `submit_matches` with.
		type MatcherId: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>;

		/// The currency deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may act for an owner: the owner, or its agent key (`Did`'s `EnsureOwner`).
		type OwnerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Actor<Self::AccountId>>;

		/// Who may authorise matchers (governance; root on testnets).
		type MatcherAdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Charges budgets an agent commits against its owner's cap.
		type SpendGuard: SpendGuard<Self::AccountId, BalanceOf<Self>>;

		/// The Ailock registry.
		type Directory: AilockDirectory<Self::AccountId, BalanceOf<Self>>;

		/// Reputation for matching; neutral (`()`) until the reputation pallet exists.
		type Reputation: ReputationScores<Self::AccountId>;

		/// Holds an intent's or a step's deposit from its owner: one ticket per intent, for a
		/// footprint of one item of its details' encoded bytes. The runtime uses
		/// `HoldConsideration` under [`HoldReason::IntentDeposit`] (the pallet reads that hold
		/// to report amounts and to charge an agent's cap) priced by `LinearStoragePrice`.
		type IntentConsideration: Consideration<Self::AccountId, Footprint>;

		/// Holds an offer's deposit from its Ailock: one ticket per offer, for a footprint of
		/// one item of the offer's encoded bytes, under [`HoldReason::OfferDeposit`].
		type OfferConsideration: Consideration<Self::AccountId, Footprint>;

		/// Most steps in a chain (at least 12).
		#[pallet::constant]
		type MaxChainSteps: Get<u32>;

		/// Most open intents indexed in one discovery cell.
		#[pallet::constant]
		type MaxIntentsPerCell: Get<u32>;

		/// Most intents (roots and steps) expiring at one block.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;

		/// Furthest deadline, in blocks from posting.
		#[pallet::constant]
		type MaxDeadline: Get<BlockNumberFor<Self>>;

		/// Most Ailocks one match submission lists.
		#[pallet::constant]
		type MaxMatches: Get<u32>;

		/// Most authorised matchers.
		#[pallet::constant]
		type MaxMatchers: Get<u32>;

		/// Gives the benchmarks DIDs, agent keys and registered Ailocks (the Ailocks pallet),
		/// so calls that lock funds are measured with the charge against an agent's cap.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: ailock_primitives::traits::AilockBenchmarking<Self::AccountId>;

		/// Weights of the calls, from `benchmarking.rs`.
		type WeightInfo: WeightInfo;
	}

	/// Reasons the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Deposit for an intent or a chain step.
		#[codec(index = 0)]
		IntentDeposit,
		/// Deposit for a standing offer.
		#[codec(index = 1)]
		OfferDeposit,
	}

	/// The next intent id.
	#[pallet::storage]
	pub type NextIntentId<T: Config> = StorageValue<_, IntentId, ValueQuery>;

	/// Intents by id, until they end (completed, cancelled or expired intents are removed).
	#[pallet::storage]
	pub type Intents<T: Config> = StorageMap<_, Blake2_128Concat, IntentId, IntentOf<T>>;

	/// Stored intents (roots and steps, until they end) per owner: a DID with any cannot be
	/// deactivated.
	#[pallet::storage]
	pub type IntentCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// What an agent charged its owner's cap for an intent's deposit (still held), so
	/// releasing it credits the cap back.
	#[pallet::storage]
	pub type IntentCharges<T: Config> =
		StorageMap<_, Blake2_128Concat, IntentId, SpendCharge<T::AccountId, BalanceOf<T>>>;

	/// What an agent charged its owner's cap for an offer's deposit (still held).
	#[pallet::storage]
	pub type OfferCharges<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SpendCharge<T::AccountId, BalanceOf<T>>>;

	/// Chains by root intent.
	#[pallet::storage]
	pub type Chains<T: Config> = StorageMap<_, Blake2_128Concat, IntentId, ChainOf<T>>;

	/// Open intents by discovery cell (the target cut to 4 characters, or 3 for region cells).
	#[pallet::storage]
	pub type OpenIntentsByCell<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, GeoCell, Blake2_128Concat, IntentId, ()>;

	/// Open intents per discovery cell.
	#[pallet::storage]
	pub type CellLoad<T: Config> = StorageMap<_, Blake2_128Concat, GeoCell, u32, ValueQuery>;

	/// Open intents without a target cell (global work).
	#[pallet::storage]
	pub type OpenRemoteIntents<T: Config> = StorageMap<_, Blake2_128Concat, IntentId, ()>;

	/// Intents expiring after each block.
	#[pallet::storage]
	pub type ExpiryQueue<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		BlockNumberFor<T>,
		BoundedVec<IntentId, T::MaxExpiriesPerBlock>,
		ValueQuery,
	>;

	/// Standing offers by Ailock.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, StoredOfferOf<T>>;

	/// Accounts allowed to submit matches.
	#[pallet::storage]
	pub type Matchers<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxMatchers>, ValueQuery>;

	/// Ailocks invited to each open intent, with their scores, best first.
	#[pallet::storage]
	pub type Matches<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		IntentId,
		BoundedVec<(T::AccountId, Perbill), T::MaxMatches>,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Matchers authorised from genesis (dev and test chains).
		pub matchers: alloc::vec::Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Matchers::<T>::put(BoundedVec::truncate_from(self.matchers.clone()));
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An intent was posted (a root intent, or a chain step).
		IntentPosted {
			intent: IntentId,
			owner: T::AccountId,
			agent: Option<T::AccountId>,
			details: DetailsOf<T>,
			step_of: Option<(IntentId, StepIndex)>,
			status: IntentStatus,
			deposit: BalanceOf<T>,
		},
		/// An intent moved to a new status.
		IntentStatusChanged {
			intent: IntentId,
			status: IntentStatus,
			provider: Option<T::AccountId>,
			deposit_released: BalanceOf<T>,
		},
		/// A chain was proposed for a root intent; its steps were posted as sub-intents.
		/// `steps` lists each step's sub-intent with the steps it depends on; every step in
		/// `ready` is also announced by its own `StepReady`.
		ChainProposed {
			root: IntentId,
			steps: BoundedVec<(IntentId, types::Dependencies), T::MaxChainSteps>,
			ready: BoundedVec<StepIndex, T::MaxChainSteps>,
			provenance: Option<H256>,
		},
		/// A chain step became ready: proposed without dependencies, or all of them completed.
		StepReady { root: IntentId, step: StepIndex, intent: IntentId },
		/// Every step of a chain completed.
		ChainCompleted { root: IntentId },
		/// A standing offer was posted or replaced.
		OfferPosted { ailock: T::AccountId, offer: Offer<BalanceOf<T>>, deposit: BalanceOf<T> },
		/// A standing offer was withdrawn.
		OfferWithdrawn { ailock: T::AccountId, deposit_released: BalanceOf<T> },
		/// A matcher was authorised.
		MatcherAdded { matcher: T::AccountId },
		/// A matcher lost its authorisation.
		MatcherRemoved { matcher: T::AccountId },
		/// A matcher's candidates changed an intent's invitations; `matches` is the whole new
		/// list with the scores the runtime computed, best first.
		MatchesSubmitted {
			intent: IntentId,
			matcher: T::AccountId,
			matches: BoundedVec<(T::AccountId, Perbill), T::MaxMatches>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A title is 1 to 128 bytes of UTF-8 without control characters.
		InvalidTitle,
		/// A description is non-empty UTF-8, or a hash with an `https://` or `ipfs://` URI.
		InvalidDescription,
		/// A category or skill is not a normalised tag.
		InvalidTag,
		/// A skill is listed twice.
		DuplicateSkill,
		/// A language is not a lower-case ISO 639-1 code, or is listed twice.
		InvalidLanguage,
		/// The target cell is not a geohash of 3 to 9 characters.
		InvalidCell,
		/// The country code is not two capital letters.
		InvalidCountry,
		/// Only global work may go without a target cell.
		CellRequired,
		/// The budget is zero.
		ZeroBudget,
		/// The deadline has passed.
		DeadlineInPast,
		/// The deadline is further than `MaxDeadline` ahead.
		DeadlineTooFar,
		/// Too many intents already expire at that block; pick another deadline.
		ExpiryBucketFull,
		/// The matching weights do not sum to 100 %.
		InvalidWeights,
		/// The target cell already holds the most open intents allowed.
		CellFull,
		/// No such intent (or it has ended).
		IntentNotFound,
		/// Only the intent's owner (or its agent) may do this.
		NotOwner,
		/// The intent is not open.
		NotOpen,
		/// Steps are cancelled through their chain.
		IsChainStep,
		/// The intent already has a chain.
		ChainExists,
		/// No chain for this root intent.
		ChainNotFound,
		/// A chain has at least one step.
		NoSteps,
		/// A step depends on a step that does not exist.
		DanglingDependency,
		/// A step depends on itself.
		SelfDependency,
		/// A step names a dependency twice.
		DuplicateDependency,
		/// The dependencies form a cycle.
		CyclicChain,
		/// The steps' shares exceed the root budget.
		SharesExceedBudget,
		/// A chain step's index is out of range.
		StepNotFound,
		/// The step was already awarded, done or cancelled.
		StepNotCancellable,
		/// A step that is not cancelled depends on this one.
		StepHasDependents,
		/// The status machine does not allow this transition.
		InvalidTransition,
		/// Offers come from registered Ailocks.
		NotAnAilock,
		/// This Ailock already has an offer; update it instead.
		OfferExists,
		/// This Ailock has no offer.
		OfferNotFound,
		/// An offer needs at least one skill, a valid area and capacity.
		InvalidOffer,
		/// An offer's area is never more precise than what its Ailock shares of its location
		/// (its cell's precision; 2 characters when it shares only a country; no offer when it
		/// shares nothing).
		AreaTooPrecise,
		/// The account is already a matcher.
		AlreadyMatcher,
		/// The account is not a matcher.
		NotMatcher,
		/// The matcher list is full.
		TooManyMatchers,
		/// A submission lists at least one Ailock.
		NoMatches,
		/// A listed Ailock is not registered or not live.
		UnknownAilock,
		/// A listed Ailock appears twice.
		DuplicateMatch,
		/// The intent's owner is never invited to its own intent.
		SelfMatch,
		/// A listed Ailock is farther from the target than the intent's flexibility allows
		/// (`Strict` work stays in the same city).
		OutOfReach,
		/// A listed Ailock scores zero for the intent.
		ZeroScore,
		/// The submission would not change the intent's invitations.
		MatchesNotImproved,
		/// The owner cannot cover the deposit.
		InsufficientDeposit,
		/// An intent in an auction ends only with the auction (cancel the auction first).
		InAuction,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let expired = Self::expire_due(now);
			T::WeightInfo::on_initialize_expire(expired)
		}

		/// The matcher: for each intent opened since this node last looked, submit the best
		/// live Ailocks, signed by this node's matcher key (if it has one).
		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::match_opened_intents(now);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(T::MaxChainSteps::get() >= 12, "chains take at least 12 steps");
			assert!(
				T::MaxExpiriesPerBlock::get() > T::MaxChainSteps::get(),
				"a chain and its root fit one expiry bucket"
			);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Posts an intent: what the owner needs (title, description inline or by hash and URI,
		/// category, skills, languages), where (a target cell at the precision the owner chose, or a
		/// country, or nowhere for global work, with a `Flexibility`), the budget, deadline, urgency
		/// and matching weights. It opens at once, is listed near its target and expires unawarded at
		/// its deadline. An agent's post charges the budget and the deposit against its spending cap.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Held from the owner through `Consideration`: the price of one item of the details'
		/// encoded bytes (on Ailock Network 100 mAIL + 100 µAIL per byte). Released when the intent
		/// ends; an agent's charge for it is credited back within its period.
		///
		/// ## Events
		/// `IntentPosted { intent, owner, agent, details, step_of: None, status: Open, deposit }`.
		///
		/// ## Errors
		/// - Detail rules: `InvalidTitle`, `InvalidDescription`, `InvalidTag`, `DuplicateSkill`,
		///   `InvalidLanguage`, `InvalidCell`, `InvalidCountry`, `CellRequired`, `ZeroBudget`,
		///   `InvalidWeights`, `DeadlineInPast`, `DeadlineTooFar`.
		/// - `CellFull` (`MaxIntentsPerCell` open intents in the target's cell), `ExpiryBucketFull`
		///   (`MaxExpiriesPerBlock` live intents end at that block).
		/// - `InsufficientDeposit`; `Did.SpendingCapExceeded` for an agent over its cap.
		///
		/// ## Complexity
		/// - `O(S + L)` over the bounded skills and languages; `O(1)` index and queue updates.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::post_intent())]
		pub fn post_intent(origin: OriginFor<T>, details: DetailsOf<T>) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_post_intent(actor, details).map(|_| ())
		}

		/// Cancels an open root intent and every step of its chain (none may be awarded).
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Released for the intent and each of its steps.
		///
		/// ## Events
		/// `IntentStatusChanged { intent, status: Cancelled, provider: None, deposit_released }` for
		/// each step, then for the root.
		///
		/// ## Errors
		/// - `IntentNotFound`, `NotOwner`, `IsChainStep` (steps go through `cancel_step`), `NotOpen`
		///   (the intent or one of its steps is past open).
		///
		/// ## Complexity
		/// - `O(C)`, `C` the chain's steps (bounded by `MaxChainSteps`); charged for
		///   `MaxChainSteps`, refunded to the steps cancelled.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_intent(T::MaxChainSteps::get()))]
		pub fn cancel_intent(origin: OriginFor<T>, intent: IntentId) -> DispatchResultWithPostInfo {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			let steps = Self::do_cancel_intent(actor.owner, intent)?;
			Ok(Some(T::WeightInfo::cancel_intent(steps)).into())
		}

		/// Posts the Ailock's standing offer: skills, price, the service area (a cell and a reach
		/// around it) and the jobs it takes at once.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Held from the Ailock's owner through `Consideration`: the price of one item of the offer's
		/// encoded bytes (100 mAIL + 100 µAIL per byte on Ailock Network).
		///
		/// ## Events
		/// `OfferPosted { ailock, offer, deposit }`.
		///
		/// ## Errors
		/// - `OfferExists` (use `update_offer`).
		/// - `NotAnAilock`, `InvalidOffer`, `InvalidTag`, `DuplicateSkill`, `AreaTooPrecise` (the
		///   area never tells more than the Ailock shares of its location).
		/// - `InsufficientDeposit`, `Did.SpendingCapExceeded`.
		///
		/// ## Complexity
		/// - `O(S)` over the bounded skills.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::post_offer())]
		pub fn post_offer(origin: OriginFor<T>, offer: Offer<BalanceOf<T>>) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_post_offer(actor, offer, false)
		}

		/// Replaces the Ailock's standing offer.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Moved to the new offer's size: more is held (and charged to an agent's cap) or the
		/// difference released.
		///
		/// ## Events
		/// `OfferPosted { ailock, offer, deposit }` with the new offer and total.
		///
		/// ## Errors
		/// - `OfferNotFound` (use `post_offer`).
		/// - `NotAnAilock`, `InvalidOffer`, `InvalidTag`, `DuplicateSkill`, `AreaTooPrecise` (the
		///   area never tells more than the Ailock shares of its location).
		/// - `InsufficientDeposit`, `Did.SpendingCapExceeded`.
		///
		/// ## Complexity
		/// - `O(S)`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::post_offer())]
		pub fn update_offer(origin: OriginFor<T>, offer: Offer<BalanceOf<T>>) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_post_offer(actor, offer, true)
		}

		/// Withdraws the Ailock's standing offer. Deregistering the Ailock withdraws it too.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Released.
		///
		/// ## Events
		/// `OfferWithdrawn { ailock, deposit_released }`.
		///
		/// ## Errors
		/// - `OfferNotFound`.
		///
		/// ## Complexity
		/// - `O(1)`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_offer())]
		pub fn withdraw_offer(origin: OriginFor<T>) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_withdraw_offer(actor.owner)
		}

		/// Splits the open root intent `root` into `steps`, each posted as a sub-intent with the
		/// root's deadline and its own target, skills, budget share, deliverable and service area.
		/// Each step names the earlier steps it depends on; steps without dependencies are ready at
		/// once. `provenance` records the hash of the model, prompt and plan when an AI produced the
		/// decomposition.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// One intent deposit per step (the price of its details' bytes), held from the owner and
		/// charged to an agent's cap.
		///
		/// ## Events
		/// `IntentPosted { .., step_of: Some((root, index)) }` per step, then
		/// `ChainProposed { root, steps, ready, provenance }` and `StepReady` per ready step.
		///
		/// ## Errors
		/// - `IntentNotFound`, `NotOwner`, `IsChainStep`, `NotOpen`, `ChainExists`.
		/// - Chain rules: `NoSteps`, `DanglingDependency`, `SelfDependency`, `DuplicateDependency`,
		///   `CyclicChain`, `SharesExceedBudget`; each step's details as in `post_intent`.
		/// - `CellFull`, `ExpiryBucketFull`, `InsufficientDeposit`, `Did.SpendingCapExceeded`.
		///
		/// ## Complexity
		/// - `O(C + D)`: steps and dependencies (bounded by `MaxChainSteps` and
		///   `types::MAX_DEPENDENCIES` per step); charged for the steps given.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::propose_chain(steps.len() as u32))]
		pub fn propose_chain(
			origin: OriginFor<T>,
			root: IntentId,
			steps: BoundedVec<StepInputOf<T>, T::MaxChainSteps>,
			provenance: Option<H256>,
		) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_propose_chain(actor, root, steps, provenance)
		}

		/// Cancels a chain step not yet awarded, when no live step depends on it. Steps that
		/// waited only for it become ready; when it was the last step still live, the chain
		/// and its root end: completed if any step was done, cancelled otherwise.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// The step's deposit is released.
		///
		/// ## Events
		/// `IntentStatusChanged { intent, status: Cancelled, provider: None, deposit_released }`
		/// for the step; `StepReady` for steps it unblocked; the root's `IntentStatusChanged`
		/// (and `ChainCompleted` when completed) when the chain ended.
		///
		/// ## Errors
		/// - `IntentNotFound`, `NotOwner` (the root), `ChainNotFound`, `StepNotFound`, `StepNotCancellable`, `StepHasDependents`.
		///
		/// ## Complexity
		/// - `O(C · D)` to look for dependents (both bounded).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::cancel_step())]
		pub fn cancel_step(
			origin: OriginFor<T>,
			root: IntentId,
			step: StepIndex,
		) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_cancel_step(actor.owner, root, step)
		}

		/// Authorises an account to submit matches (an orchestrator's matcher key).
		///
		/// ## Origin
		/// `MatcherAdminOrigin` (root on testnets).
		///
		/// ## Deposit
		/// None.
		///
		/// ## Events
		/// `MatcherAdded { matcher }`.
		///
		/// ## Errors
		/// - `AlreadyMatcher`, `TooManyMatchers` (`MaxMatchers`).
		///
		/// ## Complexity
		/// - `O(M)`, `M` the matchers (bounded by `MaxMatchers`).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::add_matcher())]
		pub fn add_matcher(origin: OriginFor<T>, matcher: T::AccountId) -> DispatchResult {
			T::MatcherAdminOrigin::ensure_origin(origin)?;
			Self::do_add_matcher(matcher)
		}

		/// Removes a matcher's authorisation. Invitations it submitted stay (they were verified).
		///
		/// ## Origin
		/// `MatcherAdminOrigin` (root on testnets).
		///
		/// ## Deposit
		/// None.
		///
		/// ## Events
		/// `MatcherRemoved { matcher }`.
		///
		/// ## Errors
		/// - `NotMatcher`.
		///
		/// ## Complexity
		/// - `O(M)`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_matcher())]
		pub fn remove_matcher(origin: OriginFor<T>, matcher: T::AccountId) -> DispatchResult {
			T::MatcherAdminOrigin::ensure_origin(origin)?;
			Self::do_remove_matcher(matcher)
		}

		/// Offers candidates for an open intent's invitations. The runtime scores every candidate
		/// from the chain state at inclusion (the submitter states neither scores nor order),
		/// re-scores the invitations already stored, and keeps the best `MaxMatches` of both, best
		/// first, ties by account. So the stored list is always the best of everything any matcher
		/// submitted: a partial, empty or badly ordered list cannot suppress or reorder an honest one.
		///
		/// ## Origin
		/// Signed by an authorised matcher (see `add_matcher`).
		///
		/// ## Deposit
		/// None. No fee when the invitations changed; a submission that fails, including one that
		/// would change nothing (`MatchesNotImproved`), pays as usual.
		///
		/// ## Events
		/// `MatchesSubmitted { intent, matcher, matches }` with the whole new list and its scores.
		///
		/// ## Errors
		/// - `NotMatcher`, `IntentNotFound`, `NotOpen`, `NoMatches`, `DuplicateMatch`,
		///   `MatchesNotImproved`.
		/// - A candidate that may not be invited is skipped (it may have gone offline since the
		///   matcher read); only when none is valid does the first one's reason fail the call:
		///   `SelfMatch` (the owner's own Ailock), `UnknownAilock` (unregistered or offline),
		///   `OutOfReach` (beyond a `Strict` intent's city), `ZeroScore`.
		///
		/// ## Complexity
		/// - `O(K · (K + S + L))`: `K` candidates plus the `MaxMatches` stored, each scored over the
		///   bounded skills and languages.
		#[pallet::call_index(9)]
		// Linear in the Ailocks scored: the candidates and the stored invitations re-scored.
		#[pallet::weight(T::WeightInfo::submit_matches(
			(candidates.len() as u32).saturating_add(T::MaxMatches::get())
		))]
		pub fn submit_matches(
			origin: OriginFor<T>,
			intent: IntentId,
			candidates: BoundedVec<T::AccountId, T::MaxMatches>,
		) -> DispatchResultWithPostInfo {
			let matcher = ensure_signed(origin)?;
			Self::do_submit_matches(matcher, intent, candidates)?;
			Ok(Pays::No.into())
		}
	}
}
