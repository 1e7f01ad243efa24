//! # Ailocks pallet: the registry of AI assistants
//!
//! Every person with a DID can register their Ailock: name, avatar, languages, skills, expertise
//! domains, prices, capacity, weekly availability and a location shared only at the level its
//! owner chose. Owners, or their agent keys through `Did.dispatch_as_agent` (the origin is
//! `T::OwnerOrigin`), keep it up to date and send heartbeats; an Ailock without a heartbeat for
//! `HeartbeatTimeout` blocks reads as offline and disappears from discovery by itself.
//!
//! - **Discovery** on chain: a geo index by 4-character geohash cell (and by country) kept in
//!   step with every change, read by the runtime API `runtime_api::AilocksApi::ailocks_near`, which returns
//!   live Ailocks ordered by location tier, then level (raised by paid boosts).
//! - **Evolution**: experience only from verified events, through
//!   [`ailock_primitives::traits::ExperienceSink`] (escrow, reviews, disputes): levels at the
//!   configured thresholds, per-skill levels, achievements with rarity; each is an event.
//! - **Promotion**: [`Pallet::boost`] buys a capped rank bonus in one discovery cell for a number
//!   of blocks; the fee goes to the treasury. It never touches reputation or auction payments.
//!
//! ## Privacy
//! The location argument carries the geohash already truncated to the sharing level and a salted
//! commitment to the full-precision one: the chain never sees more than the owner shared.
//!
//! ## Deposits
//! Through FRAME's `Consideration` ([`Config::Consideration`]): each registration stores the
//! ticket for its footprint, one item of the profile's encoded bytes plus
//! [`Config::ListEntryFootprint`] bytes per trusted or blocked entry, and moves it on every
//! change; released on deregistration. The runtime wires `HoldConsideration` under
//! [`HoldReason::ProfileDeposit`] with `LinearStoragePrice` (`ProfileDeposit +
//! ProfileByteDeposit × bytes`). An agent's changes count against its spending cap.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod features;
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

use frame_support::traits::fungible;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A registered Ailock of this runtime.
pub type AilockOf<T> = types::Ailock<
	frame_system::pallet_prelude::BlockNumberFor<T>,
	BalanceOf<T>,
	<T as Config>::Consideration,
>;
/// A profile of this runtime.
pub type ProfileOf<T> = types::Profile<BalanceOf<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use ailock_primitives::{
		geo::{CountryCode, GeoCell, SharingLevel},
		profile::{LanguageCode, Tag},
		traits::{
			ActiveJobs, Actor, DidLookup, ExperienceSource, OnAilockDeregistered, SpendCharge,
			SpendGuard,
		},
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Mutate, MutateHold},
			Consideration, Footprint,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Percent;
	use types::{Achievement, AilockStatus, Boost, Rarity};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency deposits are held in and boosts paid with.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may act for an Ailock: its owner, or the owner's agent key (`Did`'s
		/// `EnsureOwner`).
		type OwnerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Actor<Self::AccountId>>;

		/// Whether an account has an active DID (registration needs one).
		type Dids: DidLookup<Self::AccountId>;

		/// Charges funds an agent commits (boost fees) against its owner's cap.
		type SpendGuard: SpendGuard<Self::AccountId, BalanceOf<Self>>;

		/// How many jobs an Ailock is working on (deregistration waits for none).
		type ActiveJobs: ActiveJobs<Self::AccountId>;

		/// Told of deregistrations, so other pallets drop what they keep for the Ailock.
		type OnDeregistered: OnAilockDeregistered<Self::AccountId>;

		/// Receives boost fees.
		#[pallet::constant]
		type Treasury: Get<Self::AccountId>;

		/// Holds a registration's deposit from its owner: one ticket per registration, for a
		/// footprint of one item of the profile's encoded bytes plus `ListEntryFootprint`
		/// bytes per trusted or blocked entry. The runtime uses `HoldConsideration` under
		/// [`HoldReason::ProfileDeposit`] (the pallet reads that hold to report amounts and to
		/// charge an agent's cap) priced by `LinearStoragePrice`.
		type Consideration: Consideration<Self::AccountId, Footprint>;

		/// The bytes one trusted or blocked list entry counts for in the footprint.
		#[pallet::constant]
		type ListEntryFootprint: Get<u32>;

		/// Blocks without a heartbeat after which an Ailock reads as offline.
		#[pallet::constant]
		type HeartbeatTimeout: Get<BlockNumberFor<Self>>;

		/// Most Ailocks indexed in one discovery cell.
		#[pallet::constant]
		type MaxAilocksPerCell: Get<u32>;

		/// Most entries in a trusted or a blocked list.
		#[pallet::constant]
		type MaxListEntries: Get<u32>;

		/// Experience needed for levels 2, 3, …; ascending.
		type LevelThresholds: Get<&'static [u64]>;

		/// Boost fee per block.
		#[pallet::constant]
		type BoostFeePerBlock: Get<BalanceOf<Self>>;

		/// Longest boost, in blocks.
		#[pallet::constant]
		type MaxBoostDuration: Get<BlockNumberFor<Self>>;

		/// Most boosts live in one cell at a time.
		#[pallet::constant]
		type MaxBoostsPerCell: Get<u32>;

		/// Rank bonus of a boosted Ailock in its cell (50% ranks it like half a level more per
		/// level); capped at 100% by the type.
		#[pallet::constant]
		type BoostBonus: Get<Percent>;

		/// Gives the benchmarks DIDs and agent keys (the DID pallet), so calls that lock funds
		/// are measured with the charge against an agent's cap.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: ailock_primitives::traits::DidBenchmarking<Self::AccountId>;

		/// Weights of the calls, from `benchmarking.rs`.
		type WeightInfo: WeightInfo;
	}

	/// Reasons the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Deposit for a registration and its lists.
		#[codec(index = 0)]
		ProfileDeposit,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Most skill tags in a profile.
		pub fn max_skills() -> u32 {
			types::MAX_SKILLS
		}
		/// Most languages in a profile.
		pub fn max_languages() -> u32 {
			types::MAX_LANGUAGES
		}
		/// Geohash characters of a discovery cell.
		pub fn index_precision() -> u8 {
			types::INDEX_PRECISION
		}
	}

	/// Registered Ailocks by their owner's account (which is also their DID).
	#[pallet::storage]
	pub type Ailocks<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, AilockOf<T>>;

	/// Discovery index: Ailocks by the first (up to) 4 characters of their shared cell.
	#[pallet::storage]
	pub type GeoIndex<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, GeoCell, Blake2_128Concat, T::AccountId, ()>;

	/// What an agent charged its owner's cap for the registration's deposit (still held), so
	/// releasing it credits the cap back.
	#[pallet::storage]
	pub type DepositCharges<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SpendCharge<T::AccountId, BalanceOf<T>>>;

	/// Discovery index: every Ailock not reaped as offline, whatever it shares of its location
	/// (global work samples it fairly).
	#[pallet::storage]
	pub type GlobalIndex<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	/// Number of Ailocks in each discovery cell.
	#[pallet::storage]
	pub type CellPopulation<T: Config> = StorageMap<_, Blake2_128Concat, GeoCell, u32, ValueQuery>;

	/// Discovery index: Ailocks by shared country.
	#[pallet::storage]
	pub type CountryIndex<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CountryCode, Blake2_128Concat, T::AccountId, ()>;

	/// Accounts an Ailock trusts.
	#[pallet::storage]
	pub type Trusted<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxListEntries>,
		ValueQuery,
	>;

	/// Accounts an Ailock blocked.
	#[pallet::storage]
	pub type Blocked<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxListEntries>,
		ValueQuery,
	>;

	/// Experience per Ailock and skill (only skills in its profile).
	#[pallet::storage]
	pub type SkillXp<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, Tag, u64, ValueQuery>;

	/// Unlocked achievements and the block of unlocking.
	#[pallet::storage]
	pub type Achievements<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		Achievement,
		BlockNumberFor<T>,
	>;

	/// Paid boosts per discovery cell; expired ones are pruned when the cell is next boosted.
	#[pallet::storage]
	pub type Boosts<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		GeoCell,
		BoundedVec<Boost<T::AccountId, BlockNumberFor<T>>, T::MaxBoostsPerCell>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An Ailock was registered; with every profile input of the matching score.
		Registered {
			ailock: T::AccountId,
			name: types::Name,
			sharing: SharingLevel,
			cell: Option<GeoCell>,
			country: Option<CountryCode>,
			skills: BoundedVec<Tag, ConstU32<{ types::MAX_SKILLS }>>,
			languages: BoundedVec<LanguageCode, ConstU32<{ types::MAX_LANGUAGES }>>,
			min_price: BalanceOf<T>,
			available_hours: u32,
			capacity: u16,
			deposit: BalanceOf<T>,
		},
		/// An Ailock's profile was replaced; with every profile input of the matching score.
		Updated {
			ailock: T::AccountId,
			name: types::Name,
			sharing: SharingLevel,
			cell: Option<GeoCell>,
			country: Option<CountryCode>,
			skills: BoundedVec<Tag, ConstU32<{ types::MAX_SKILLS }>>,
			languages: BoundedVec<LanguageCode, ConstU32<{ types::MAX_LANGUAGES }>>,
			min_price: BalanceOf<T>,
			available_hours: u32,
			capacity: u16,
			deposit: BalanceOf<T>,
		},
		/// An Ailock's owner changed its status.
		StatusChanged { ailock: T::AccountId, status: AilockStatus },
		/// An Ailock sent a heartbeat; it reads as live until `live_until`.
		HeartbeatReceived { ailock: T::AccountId, live_until: BlockNumberFor<T> },
		/// An account was added to an Ailock's trusted list.
		TrustedAdded { ailock: T::AccountId, account: T::AccountId, deposit: BalanceOf<T> },
		/// An account was removed from an Ailock's trusted list.
		TrustedRemoved { ailock: T::AccountId, account: T::AccountId, deposit: BalanceOf<T> },
		/// An account was added to an Ailock's blocked list (and left its trusted list).
		BlockedAdded { ailock: T::AccountId, account: T::AccountId, deposit: BalanceOf<T> },
		/// An account was removed from an Ailock's blocked list.
		BlockedRemoved { ailock: T::AccountId, account: T::AccountId, deposit: BalanceOf<T> },
		/// An offline Ailock left discovery; its next heartbeat brings it back.
		Reaped { ailock: T::AccountId, reaper: T::AccountId },
		/// An Ailock was deregistered and its deposit released.
		Deregistered { ailock: T::AccountId, deposit_released: BalanceOf<T> },
		/// An Ailock bought (or extended) a boost in a discovery cell.
		Boosted {
			ailock: T::AccountId,
			cell: GeoCell,
			expires_at: BlockNumberFor<T>,
			fee: BalanceOf<T>,
		},
		/// A verified event granted experience.
		ExperienceGained {
			ailock: T::AccountId,
			source: ExperienceSource,
			points: u32,
			total_xp: u64,
			skill: Option<Tag>,
		},
		/// An Ailock reached a new level.
		LevelReached { ailock: T::AccountId, level: u32 },
		/// An Ailock reached a new level in one skill.
		SkillLevelReached { ailock: T::AccountId, skill: Tag, level: u32 },
		/// An Ailock unlocked an achievement.
		AchievementUnlocked { ailock: T::AccountId, achievement: Achievement, rarity: Rarity },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Registration needs an active DID.
		NoActiveDid,
		/// This account already has a registered Ailock.
		AlreadyRegistered,
		/// This account has no registered Ailock.
		NotRegistered,
		/// A name is 1 to 64 bytes of UTF-8 without control characters.
		InvalidName,
		/// The avatar is not one of the presets.
		InvalidAvatar,
		/// A language is not a lower-case ISO 639-1 code.
		InvalidLanguage,
		/// A profile lists a language twice.
		DuplicateLanguage,
		/// A skill or domain is not a normalised tag (`a-z`, `0-9`, single inner `-`).
		InvalidTag,
		/// A profile lists a skill or domain twice.
		DuplicateTag,
		/// A profile needs at least one skill.
		NoSkills,
		/// Capacity is at least one job.
		ZeroCapacity,
		/// The UTC offset is outside UTC-12:00 to UTC+14:00.
		InvalidUtcOffset,
		/// An Ailock that shares no location shares no UTC offset either (it must be 0).
		UtcOffsetNotShared,
		/// The cell is not a geohash.
		InvalidCell,
		/// The cell's precision differs from what the sharing level allows.
		CellPrecisionMismatch,
		/// Exact, city and region sharing need a cell.
		CellRequired,
		/// Country or no sharing must not carry a cell.
		CellNotShared,
		/// Country sharing needs a country code.
		CountryRequired,
		/// No sharing must not carry a country code.
		CountryNotShared,
		/// The country code is not two capital letters.
		InvalidCountry,
		/// The discovery cell already holds the most Ailocks allowed.
		CellFull,
		/// `Offline` is read from heartbeats, never set.
		CannotSetOffline,
		/// An Ailock cannot list itself.
		CannotListSelf,
		/// The account is already trusted.
		AlreadyTrusted,
		/// The account is not in the trusted list.
		NotTrusted,
		/// The account is blocked; unblock it before trusting it.
		AccountBlocked,
		/// The account is already blocked.
		AlreadyBlocked,
		/// The account is not in the blocked list.
		NotBlocked,
		/// The list already has the most entries allowed.
		ListFull,
		/// The Ailock still has active jobs.
		HasActiveJobs,
		/// The owner cannot cover the deposit.
		InsufficientDeposit,
		/// Boosts apply to discovery cells of exactly 4 characters.
		BoostCellPrecision,
		/// A boost lasts 1 to `MaxBoostDuration` blocks.
		InvalidBoostDuration,
		/// The cell already has the most live boosts allowed.
		BoostSlotsFull,
		/// The owner cannot pay the boost fee.
		InsufficientFundsForBoost,
		/// A boost is only for a discovery cell in the Ailock's own service area (its shared
		/// cell's, or one of its region's when it shares a region).
		BoostOutsideServiceArea,
		/// Only an Ailock still in the discovery index can be reaped.
		NotIndexed,
		/// Only an offline Ailock (no heartbeat for `HeartbeatTimeout` blocks) can be reaped.
		NotOffline,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			let thresholds = T::LevelThresholds::get();
			assert!(thresholds.windows(2).all(|w| w[0] < w[1]), "level thresholds ascend");
			assert!(T::MaxAilocksPerCell::get() > 0, "cells hold Ailocks");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers the owner's Ailock with `profile`: its name, skills, languages, pricing,
		/// availability and the location at the precision the owner chose to share (exact, city,
		/// region, country or nothing; only that is stored and indexed). It enters discovery at once.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Held from the owner through `Consideration`: the price of one item of the profile's
		/// encoded bytes (on Ailock Network 500 mAIL + 100 µAIL per byte); an agent's registration
		/// counts it against the spending cap. Released on `deregister`.
		///
		/// ## Events
		/// `Registered { ailock, name, sharing, cell, country, skills, languages, min_price,
		/// available_hours, capacity, deposit }`: what an indexer needs to list the Ailock.
		///
		/// ## Errors
		/// - `NoActiveDid`, `AlreadyRegistered`.
		/// - Profile rules: `InvalidName`, `InvalidAvatar`, `InvalidLanguage`, `DuplicateLanguage`,
		///   `InvalidTag`, `DuplicateTag`, `NoSkills`, `ZeroCapacity`, `InvalidUtcOffset`,
		///   `UtcOffsetNotShared`; location rules: `InvalidCell`, `CellPrecisionMismatch`,
		///   `CellRequired`, `CellNotShared`, `CountryRequired`, `CountryNotShared`, `InvalidCountry`.
		/// - `CellFull`: the discovery cell holds `MaxAilocksPerCell` Ailocks.
		/// - `InsufficientDeposit`; `Did.SpendingCapExceeded` for an agent over its cap.
		///
		/// ## Complexity
		/// - `O(S² + L² + D²)` duplicate checks over the bounded skill, language and domain lists;
		///   `O(1)` index updates.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(origin: OriginFor<T>, profile: ProfileOf<T>) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_register(actor, profile)
		}

		/// Replaces the profile, re-indexing the Ailock when its location changed. Experience in
		/// skills the new profile drops is forgotten; boosts bought for the old service area end.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Moved to the new profile's size: more is held (and charged to an agent's cap) or the
		/// difference released (and credited back).
		///
		/// ## Events
		/// `Updated { .. }` with the same fields as `Registered`.
		///
		/// ## Errors
		/// - `NotRegistered`.
		/// - Profile rules: `InvalidName`, `InvalidAvatar`, `InvalidLanguage`, `DuplicateLanguage`,
		///   `InvalidTag`, `DuplicateTag`, `NoSkills`, `ZeroCapacity`, `InvalidUtcOffset`,
		///   `UtcOffsetNotShared`; location rules: `InvalidCell`, `CellPrecisionMismatch`,
		///   `CellRequired`, `CellNotShared`, `CountryRequired`, `CountryNotShared`, `InvalidCountry`.
		/// - `CellFull` (the new cell is full), `InsufficientDeposit`, `Did.SpendingCapExceeded`.
		///
		/// ## Complexity
		/// - As `register`, plus `O(S)` to drop the experience of removed skills and, when the
		///   location changes, `O(C)` to end boosts in the old service area's cells (32 for a
		///   region-level Ailock); what was not needed is refunded.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update(types::MAX_SKILLS, 1))]
		pub fn update(origin: OriginFor<T>, profile: ProfileOf<T>) -> DispatchResultWithPostInfo {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			let (dropped, moved) = Self::do_update(actor, profile)?;
			Ok(Some(T::WeightInfo::update(dropped, u32::from(moved))).into())
		}

		/// Sets the status: `Available`, `Busy` or `Away` (hidden from discovery). `Offline` is read
		/// from heartbeats, never set.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// None.
		///
		/// ## Events
		/// `StatusChanged { ailock, status }`.
		///
		/// ## Errors
		/// - `NotRegistered`, `CannotSetOffline`.
		///
		/// ## Complexity
		/// - `O(1)`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_status())]
		pub fn set_status(origin: OriginFor<T>, status: AilockStatus) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_set_status(actor.owner, status)
		}

		/// Records that the Ailock is alive; without one for `HeartbeatTimeout` blocks it reads as
		/// offline. Usually sent by the orchestrator with the agent key. An Ailock that was reaped
		/// from discovery while offline re-enters the indexes.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key.
		///
		/// ## Deposit
		/// None.
		///
		/// ## Events
		/// `HeartbeatReceived { ailock, live_until }`.
		///
		/// ## Errors
		/// - `NotRegistered`. (A reaped Ailock whose cell filled up meanwhile still records its
		///   heartbeat; it re-enters the index with a heartbeat once there is room.)
		///
		/// ## Complexity
		/// - `O(1)`; re-entering the indexes is charged up front and refunded when not needed.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::heartbeat_reindexed())]
		pub fn heartbeat(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			let reindexed = Self::do_heartbeat(actor.owner)?;
			let weight = if reindexed {
				T::WeightInfo::heartbeat_reindexed()
			} else {
				T::WeightInfo::heartbeat()
			};
			Ok(Some(weight).into())
		}

		/// Adds an account to the trusted list.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Grows by `ListEntryFootprint` bytes' price (10 mAIL on Ailock Network), charged to an
		/// agent's cap.
		///
		/// ## Events
		/// `TrustedAdded { ailock, account, deposit }`, `deposit` the registration's new total.
		///
		/// ## Errors
		/// - `NotRegistered`, `CannotListSelf`, `AccountBlocked`, `AlreadyTrusted`, `ListFull`.
		/// - `InsufficientDeposit`, `Did.SpendingCapExceeded`.
		///
		/// ## Complexity
		/// - `O(N)`, `N` the list length (bounded by `MaxListEntries`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::trust())]
		pub fn trust(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_trust(actor, account)
		}

		/// Removes an account from the trusted list.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Shrinks by one entry's price, released (and credited back to an agent's cap).
		///
		/// ## Events
		/// `TrustedRemoved { ailock, account, deposit }`, `deposit` the registration's new total.
		///
		/// ## Errors
		/// - `NotRegistered`, `NotTrusted`.
		///
		/// ## Complexity
		/// - `O(N)`, `N` the list length (bounded by `MaxListEntries`).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::untrust())]
		pub fn untrust(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_untrust(actor, account)
		}

		/// Blocks an account, removing it from the trusted list if it is there.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Grows by one entry's price (net zero when the account moves from the trusted list).
		///
		/// ## Events
		/// `BlockedAdded { ailock, account, deposit }`, `deposit` the registration's new total.
		///
		/// ## Errors
		/// - `NotRegistered`, `CannotListSelf`, `AlreadyBlocked`, `ListFull`.
		/// - `InsufficientDeposit`, `Did.SpendingCapExceeded`.
		///
		/// ## Complexity
		/// - `O(N)`, `N` the list length (bounded by `MaxListEntries`).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::block())]
		pub fn block(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_block(actor, account)
		}

		/// Unblocks an account.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Shrinks by one entry's price, released.
		///
		/// ## Events
		/// `BlockedRemoved { ailock, account, deposit }`, `deposit` the registration's new total.
		///
		/// ## Errors
		/// - `NotRegistered`, `NotBlocked`.
		///
		/// ## Complexity
		/// - `O(N)`, `N` the list length (bounded by `MaxListEntries`).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::unblock())]
		pub fn unblock(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_unblock(actor, account)
		}

		/// Deregisters the Ailock: removes it from discovery, forgets its lists, experience and
		/// achievements, ends its boosts, withdraws what other pallets keep for it (its standing
		/// offer) and releases the deposit. Refused while it has active jobs.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// Released in full (an agent's charge for it is credited back within its period).
		///
		/// ## Events
		/// The other pallets' events first (`Intents.OfferWithdrawn`), then
		/// `Deregistered { ailock, deposit_released }`.
		///
		/// ## Errors
		/// - `NotRegistered`, `HasActiveJobs`.
		///
		/// ## Complexity
		/// - `O(S + A + C)`: skills (bounded by the profile), achievements (8 kinds) and the
		///   service area's boost cells, plus what other pallets drop
		///   (`OnDeregistered::on_deregistered_weight`); what was not needed is refunded.
		#[pallet::call_index(8)]
		#[pallet::weight(
			T::WeightInfo::deregister(types::MAX_SKILLS, 1)
				.saturating_add(T::OnDeregistered::on_deregistered_weight())
		)]
		pub fn deregister(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			let (skills, region_wide) = Self::do_deregister(actor.owner)?;
			Ok(Some(
				T::WeightInfo::deregister(skills, u32::from(region_wide))
					.saturating_add(T::OnDeregistered::on_deregistered_weight()),
			)
			.into())
		}

		/// Buys (or extends) a boost in discovery cell `cell` (4 geohash characters) for `duration`
		/// blocks: `BoostFeePerBlock × duration` goes to the treasury, and the Ailock ranks
		/// `BoostBonus` higher among Ailocks of the same tier found from that cell until the boost
		/// expires. A boost never lifts an Ailock over a nearer tier.
		///
		/// ## Origin
		/// Signed by the owner, or `Did.Delegated` through its agent key (`Did.dispatch_as_agent`).
		///
		/// ## Deposit
		/// None; the fee is paid (not held) and counted against an agent's spending cap.
		///
		/// ## Events
		/// `Boosted { ailock, cell, expires_at, fee }`.
		///
		/// ## Errors
		/// - `NotRegistered`, `BoostCellPrecision`, `InvalidBoostDuration`,
		///   `BoostOutsideServiceArea`, `BoostSlotsFull`.
		/// - `InsufficientFundsForBoost`, `Did.SpendingCapExceeded`.
		///
		/// ## Complexity
		/// - `O(B)`, `B` the boosts in the cell (bounded by `MaxBoostsPerCell`), pruned of expired
		///   ones; the weight of the boosts not there is refunded.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::boost(T::MaxBoostsPerCell::get()))]
		pub fn boost(
			origin: OriginFor<T>,
			cell: GeoCell,
			duration: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			let read = Self::do_boost(actor, cell, duration)?;
			Ok(Some(T::WeightInfo::boost(read)).into())
		}

		/// Takes an offline Ailock (no heartbeat for `HeartbeatTimeout` blocks) out of the geo,
		/// country and global indexes, so stale entries stop costing searches and stop taking room in
		/// a cell. The Ailock stays registered, its deposit untouched; its next heartbeat brings it
		/// back. Anyone may call it, for free when it reaps.
		///
		/// ## Origin
		/// Signed, by anyone.
		///
		/// ## Deposit
		/// None. No fee when it reaps.
		///
		/// ## Events
		/// `Reaped { ailock, reaper }`.
		///
		/// ## Errors
		/// - `NotRegistered`, `NotIndexed` (already reaped), `NotOffline`.
		///
		/// ## Complexity
		/// - `O(1)`: three index entries and the cell count.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::reap())]
		pub fn reap(origin: OriginFor<T>, ailock: T::AccountId) -> DispatchResultWithPostInfo {
			let reaper = ensure_signed(origin)?;
			Self::do_reap(reaper, ailock)?;
			Ok(Pays::No.into())
		}
	}
}
