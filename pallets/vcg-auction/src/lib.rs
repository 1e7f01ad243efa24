//! # VCG auction pallet: sealed-bid scoring auctions over intents and smart-chain bundles
//!
//! A requester opens an auction on one of its open intents, or on the ready steps of one of its
//! smart chains (at most `MaxSteps`, so a bundle of steps is a `u16` bitmask). Providers' Ailocks
//! commit sealed bids, reveal them, and the auction awards the steps by
//! [`ailock_primitives::auction::settle`]: the allocation of least total score
//! `Σ price / quality` over disjoint bundles (each step's reserve competing as a dummy bid), and
//! each winner paid its threshold price (Clarke pivot), never below its bid nor above its
//! bundle's reserve. Bidding one's true cost is the best strategy.
//!
//! - **Open** ([`Pallet::open_auction`]): the requester states a commit and a reveal period and
//!   its priority factors (bonuses for the bidder's location tier, skills, languages and
//!   reputation). The sum of the lots' reserves is held from the requester until settlement,
//!   so settlement can always pay; the intents move to `Auctioning`.
//! - **Commit** ([`Pallet::commit_bid`]): a live registered Ailock, not the requester and not on
//!   its blocklist, seals `blake2_256(SCALE(auction, bidder, bundle, price, salt))`. Its quality
//!   is computed from the registry and reputation now and frozen. A bond, equal for every bid
//!   of the auction (a share of the total reserve, at least `MinBond`), is held.
//! - **Reveal** ([`Pallet::reveal_bid`]): within the reveal period only; the bundle must be
//!   steps of the auction, the price at most the bundle's reserve.
//! - **Settle** ([`Pallet::settle`]): anyone, once the reveal period is over; free when it
//!   settles. Winners' steps are awarded (`IntentLifecycle::award`), their payments stay held
//!   from the requester and their bonds stay held as performance bonds until escrow takes over
//!   ([`Config::EscrowOpener`]); losers' bonds are released; a bidder that never revealed loses
//!   its bond to the requester; steps no bid won go back to `Open`.
//!
//! ## Why a withheld reveal costs the bond
//! A bidder that commits and then keeps its bid back can raise the winners' payments (its bid
//! no longer sets their threshold), for itself through a second Ailock or for a partner. Every
//! unrevealed bid therefore forfeits its bond to the requester, the party that would have paid
//! the difference. The bond is the same for every bid of an auction, so it tells nothing of a
//! bid's price or bundle; the requester sets how much is at stake through its reserves.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub(crate) mod features;
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
/// An auction of this runtime.
pub type AuctionOf<T> = types::Auction<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::AuctionConsideration,
	<T as Config>::MaxSteps,
	<T as Config>::MaxFactors,
>;
/// A bid of this runtime.
pub type BidOf<T> = types::Bid<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;
/// A settled auction of this runtime.
pub type SettlementOf<T> = types::Settlement<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	<T as Config>::AuctionConsideration,
	<T as Config>::MaxSteps,
>;
/// Priority factors of this runtime.
pub type FactorsOf<T> = types::Factors<<T as Config>::MaxFactors>;
/// The intents one winner was awarded.
pub type AwardedIntents<T> =
	frame_support::BoundedVec<ailock_primitives::chain::IntentId, <T as Config>::MaxSteps>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use ailock_primitives::{
		auction::BundleMask,
		chain::IntentId,
		traits::{
			AilockDirectory, AuctionableIntents, BlockList, EscrowOpener, IntentLifecycle,
			ReputationScores, SpendGuard,
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
	use sp_core::H256;
	use sp_runtime::Perbill;
	use types::{AuctionId, Lot, Salt};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency reserves, payments and bonds are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may act for an owner: the owner, or its agent key (`Did`'s `EnsureOwner`).
		type OwnerOrigin: EnsureOrigin<
			Self::RuntimeOrigin,
			Success = ailock_primitives::traits::Actor<Self::AccountId>,
		>;

		/// Charges the bonds an agent locks against its owner's cap.
		type SpendGuard: SpendGuard<Self::AccountId, BalanceOf<Self>>;

		/// The intents pallet: what an auction sells, and the status changes it makes.
		type Intents: AuctionableIntents<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>
			+ IntentLifecycle<Self::AccountId>;

		/// The Ailock registry: who may bid, and what their quality is computed from.
		type Directory: AilockDirectory<Self::AccountId, BalanceOf<Self>>;

		/// The requester's blocklist: blocked Ailocks cannot bid.
		type BlockList: BlockList<Self::AccountId>;

		/// Reputation for the reputation bonus; neutral (`()`) until the reputation pallet.
		type Reputation: ReputationScores<Self::AccountId>;

		/// Takes over each winner's payment and bond; `()` until the escrow pallet.
		type EscrowOpener: EscrowOpener<Self::AccountId, BalanceOf<Self>, AwardedIntents<Self>>;

		/// How many block authors there are: the reveal period spans at least two of their
		/// rounds, so no single author can keep reveals out.
		type AuthorityCount: Get<u32>;

		/// Holds the requester's deposit for an auction's storage: one ticket per auction, for
		/// one item of the auction's encoded bytes.
		type AuctionConsideration: Consideration<Self::AccountId, Footprint>;

		/// Most lots one auction sells (at most 12: a bundle is a `u16` bitmask).
		#[pallet::constant]
		type MaxSteps: Get<u32>;

		/// Most sealed bids one auction takes.
		#[pallet::constant]
		type MaxBidsPerAuction: Get<u32>;

		/// Most skills, and most languages, the priority factors list.
		#[pallet::constant]
		type MaxFactors: Get<u32>;

		/// The highest quality, in basis points (10 000 = ×1).
		#[pallet::constant]
		type MaxQuality: Get<u32>;

		/// Every bid's bond as a share of the auction's total reserve.
		#[pallet::constant]
		type BondShare: Get<Perbill>;

		/// The smallest bond.
		#[pallet::constant]
		type MinBond: Get<BalanceOf<Self>>;

		/// The shortest commit period, in blocks.
		#[pallet::constant]
		type MinCommitPeriod: Get<BlockNumberFor<Self>>;

		/// The shortest reveal period, in blocks (two rounds of authors count too).
		#[pallet::constant]
		type MinRevealPeriod: Get<BlockNumberFor<Self>>;

		/// The longest commit or reveal period, in blocks.
		#[pallet::constant]
		type MaxPeriod: Get<BlockNumberFor<Self>>;

		/// Gives the benchmarks DIDs, agent keys, live Ailocks and open intents and chains.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: ailock_primitives::traits::AuctionBenchmarking<
			Self::AccountId,
			BalanceOf<Self>,
		>;

		/// Weights of the calls, from `benchmarking.rs`.
		type WeightInfo: WeightInfo;
	}

	/// Reasons the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The requester's reserves during an auction, then the winners' payments.
		#[codec(index = 0)]
		Payment,
		/// A bidder's bond, then a winner's performance bond.
		#[codec(index = 1)]
		Bond,
		/// The requester's deposit for an auction's storage.
		#[codec(index = 2)]
		AuctionDeposit,
	}

	/// The next auction id.
	#[pallet::storage]
	pub type NextAuctionId<T: Config> = StorageValue<_, AuctionId, ValueQuery>;

	/// Auctions by id, until they settle or are cancelled.
	#[pallet::storage]
	pub type Auctions<T: Config> = StorageMap<_, Blake2_128Concat, AuctionId, AuctionOf<T>>;

	/// Sealed bids by auction and bidder, until the auction settles.
	#[pallet::storage]
	pub type Bids<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, AuctionId, Blake2_128Concat, T::AccountId, BidOf<T>>;

	/// The auction each auctioned intent is in, until it settles.
	#[pallet::storage]
	pub type AuctionOfIntent<T: Config> = StorageMap<_, Blake2_128Concat, IntentId, AuctionId>;

	/// Settled auctions whose payments and bonds the pallet still holds.
	#[pallet::storage]
	pub type Settlements<T: Config> = StorageMap<_, Blake2_128Concat, AuctionId, SettlementOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An auction opened on `intent`, selling `lots` (bit `j` of a bundle is lot `j`).
		AuctionOpened {
			auction: AuctionId,
			requester: T::AccountId,
			intent: IntentId,
			lots: BoundedVec<Lot<BalanceOf<T>>, T::MaxSteps>,
			factors: FactorsOf<T>,
			commit_end: BlockNumberFor<T>,
			reveal_end: BlockNumberFor<T>,
			bond: BalanceOf<T>,
			reserve_held: BalanceOf<T>,
			deposit: BalanceOf<T>,
		},
		/// A sealed bid was committed, with the bidder's frozen quality (basis points).
		BidCommitted {
			auction: AuctionId,
			bidder: T::AccountId,
			commitment: H256,
			quality: u32,
			bond: BalanceOf<T>,
		},
		/// A bid was revealed.
		BidRevealed {
			auction: AuctionId,
			bidder: T::AccountId,
			bundle: BundleMask,
			price: BalanceOf<T>,
		},
		/// The auction settled: each winner with the lots it won, its bid and its payment; the
		/// intents of `unawarded` lots went back to open.
		Awarded {
			auction: AuctionId,
			winners: BoundedVec<
				ailock_primitives::auction::Award<T::AccountId, BalanceOf<T>>,
				T::MaxSteps,
			>,
			unawarded: BoundedVec<IntentId, T::MaxSteps>,
		},
		/// No bid was revealed: every lot's intent went back to open.
		AuctionFailed { auction: AuctionId, reopened: BoundedVec<IntentId, T::MaxSteps> },
		/// The requester cancelled the auction before any bid; its intents went back to open.
		AuctionCancelled { auction: AuctionId, reserve_released: BalanceOf<T> },
		/// A losing bid's bond was released.
		BondReleased { auction: AuctionId, bidder: T::AccountId, amount: BalanceOf<T> },
		/// A bid that was never revealed forfeited its bond to the requester.
		BondForfeited {
			auction: AuctionId,
			bidder: T::AccountId,
			requester: T::AccountId,
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The intent does not exist.
		IntentNotFound,
		/// Only the intent's owner opens an auction on it.
		NotOwner,
		/// The intent has nothing to auction: it is not open, or a chain with no ready step.
		NothingToAuction,
		/// An auction sells at most `MaxSteps` lots.
		TooManyLots,
		/// The commit period is shorter than `MinCommitPeriod` or longer than `MaxPeriod`.
		InvalidCommitPeriod,
		/// The reveal period is shorter than `MinRevealPeriod` or two rounds of block authors,
		/// or longer than `MaxPeriod`.
		InvalidRevealPeriod,
		/// The auction would end after a lot's deadline.
		DeadlineTooSoon,
		/// A priority bonus is above what `MaxQuality` allows.
		BonusTooLarge,
		/// The requester cannot hold the lots' reserves and the auction's deposit.
		InsufficientFunds,
		/// The auction does not exist (or has settled).
		AuctionNotFound,
		/// Bids are committed only during the commit period.
		CommitClosed,
		/// The requester does not bid on its own work.
		SelfBid,
		/// Only a live registered Ailock bids.
		NotALiveAilock,
		/// The requester blocked this Ailock.
		BlockedByRequester,
		/// One bid per Ailock per auction.
		AlreadyBid,
		/// The auction took `MaxBidsPerAuction` bids.
		TooManyBids,
		/// The bidder cannot hold the bond.
		InsufficientBond,
		/// Bids are revealed only during the reveal period.
		NotRevealPeriod,
		/// No bid of this bidder in this auction.
		BidNotFound,
		/// The bid was revealed already.
		AlreadyRevealed,
		/// The revealed bid does not match the commitment.
		CommitmentMismatch,
		/// A bundle names at least one of the auction's lots and no other.
		BundleOutsideLots,
		/// A price is at most the sum of its bundle's reserves.
		PriceAboveReserve,
		/// The auction settles only after its reveal period.
		NotEnded,
		/// Only the requester cancels an auction.
		NotRequester,
		/// An auction with bids is not cancelled.
		HasBids,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Opens an auction on `intent`: the intent itself when it is an open plain intent, or the
		/// ready, open steps of the chain it roots (each step a lot, its budget share the
		/// reserve). Bids are committed for `commit_period` blocks after this one, then revealed
		/// for `reveal_period` blocks; `factors` are the bonuses a bidder's quality sums.
		///
		/// ## Origin
		/// Signed by the intent's owner, or `Did.Delegated` through its agent key
		/// (`Did.dispatch_as_agent`). The reserves are not charged to an agent's cap again: the
		/// budget was charged when the intent was posted, and no payment exceeds it.
		///
		/// ## Deposit
		/// The sum of the lots' reserves is held (`Payment`) until settlement, which keeps the
		/// winners' payments and releases the rest; the auction's storage deposit
		/// (`AuctionDeposit`, through `Consideration`) until its payments are handed on.
		///
		/// ## Events
		/// `AuctionOpened { auction, requester, intent, lots, factors, commit_end, reveal_end,
		/// bond, reserve_held, deposit }`; `Intents.IntentStatusChanged` to `Auctioning` per lot.
		///
		/// ## Errors
		/// - `IntentNotFound`, `NotOwner`, `NothingToAuction`, `TooManyLots`.
		/// - `InvalidCommitPeriod`, `InvalidRevealPeriod`, `DeadlineTooSoon`, `BonusTooLarge`.
		/// - `InsufficientFunds`.
		///
		/// ## Complexity
		/// - `O(L)` over the lots (at most `MaxSteps`).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::open_auction(T::MaxSteps::get()))]
		pub fn open_auction(
			origin: OriginFor<T>,
			intent: IntentId,
			commit_period: BlockNumberFor<T>,
			reveal_period: BlockNumberFor<T>,
			factors: FactorsOf<T>,
		) -> DispatchResultWithPostInfo {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_open_auction(actor, intent, commit_period, reveal_period, factors)
		}

		/// Commits a sealed bid: `commitment` is `blake2_256(SCALE((auction, bidder, bundle,
		/// price, salt)))` with `bidder` the Ailock's account, `bundle` a `u16` bitmask of lots,
		/// `price` a balance and `salt` 32 random bytes. The bidder's quality is computed now
		/// from its profile and reputation and frozen.
		///
		/// ## Origin
		/// Signed by the Ailock's owner, or `Did.Delegated` through its agent key.
		///
		/// ## Deposit
		/// The auction's bond (`Bond`), charged to an agent's cap; released if the bid loses,
		/// kept as a performance bond if it wins, forfeited to the requester if never revealed.
		///
		/// ## Events
		/// `BidCommitted { auction, bidder, commitment, quality, bond }`.
		///
		/// ## Errors
		/// - `AuctionNotFound`, `CommitClosed`, `SelfBid`, `NotALiveAilock`,
		///   `BlockedByRequester`, `AlreadyBid`, `TooManyBids`.
		/// - `InsufficientBond`, `Did.SpendingCapExceeded`.
		///
		/// ## Complexity
		/// - `O(F)` over the priority factors.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::commit_bid())]
		pub fn commit_bid(
			origin: OriginFor<T>,
			auction: AuctionId,
			commitment: H256,
		) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_commit_bid(actor, auction, commitment)
		}

		/// Reveals a committed bid: the bundle, price and salt it was sealed with.
		///
		/// ## Origin
		/// Signed by the Ailock's owner, or `Did.Delegated` through its agent key.
		///
		/// ## Deposit
		/// None.
		///
		/// ## Events
		/// `BidRevealed { auction, bidder, bundle, price }`.
		///
		/// ## Errors
		/// - `AuctionNotFound`, `NotRevealPeriod` (no late reveals), `BidNotFound`,
		///   `AlreadyRevealed`, `CommitmentMismatch`.
		/// - `BundleOutsideLots`, `PriceAboveReserve`.
		///
		/// ## Complexity
		/// - `O(L)` over the lots.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reveal_bid())]
		pub fn reveal_bid(
			origin: OriginFor<T>,
			auction: AuctionId,
			bundle: BundleMask,
			price: BalanceOf<T>,
			salt: Salt,
		) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_reveal_bid(actor.owner, auction, bundle, price, salt)
		}

		/// Settles an auction whose reveal period is over: winners by least total score,
		/// threshold payments, as `ailock_primitives::auction::settle` computes them. Winners'
		/// lots are awarded and an escrow opened per winner; the rest of the reserves, losers'
		/// bonds and unawarded lots are released; unrevealed bids' bonds go to the requester.
		///
		/// ## Origin
		/// Signed by anyone; free when it settles.
		///
		/// ## Deposit
		/// The requester's payments and the winners' bonds stay held until escrow takes over.
		///
		/// ## Events
		/// `Awarded { auction, winners, unawarded }` or `AuctionFailed { auction, reopened }`;
		/// `BondReleased` / `BondForfeited` per losing or unrevealed bid;
		/// `Intents.IntentStatusChanged` per lot.
		///
		/// ## Errors
		/// - `AuctionNotFound`, `NotEnded`.
		///
		/// ## Complexity
		/// - `O(B + 2^L · (B + 1) · (2W + 1))`: the bids read, and winner determination solved
		///   once plus twice per winner `W` over the `2^L` subsets of the lots.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::settle(T::MaxSteps::get(), T::MaxBidsPerAuction::get()))]
		pub fn settle(origin: OriginFor<T>, auction: AuctionId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_settle(auction)
		}

		/// Cancels an auction nobody has bid in yet: the reserves and the deposit are released
		/// and the intents go back to open.
		///
		/// ## Origin
		/// Signed by the requester, or `Did.Delegated` through its agent key.
		///
		/// ## Deposit
		/// Released.
		///
		/// ## Events
		/// `AuctionCancelled { auction, reserve_released }`; `Intents.IntentStatusChanged` per
		/// lot.
		///
		/// ## Errors
		/// - `AuctionNotFound`, `NotRequester`, `HasBids`.
		///
		/// ## Complexity
		/// - `O(L)` over the lots.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_auction(T::MaxSteps::get()))]
		pub fn cancel_auction(origin: OriginFor<T>, auction: AuctionId) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			Self::do_cancel_auction(actor.owner, auction)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::MaxSteps::get() as usize <= ailock_primitives::auction::MAX_STEPS,
				"a bundle is a u16 bitmask over at most 12 lots"
			);
			assert!(
				T::MaxBidsPerAuction::get() as usize <= ailock_primitives::auction::MAX_BIDS,
				"settlement takes at most MAX_BIDS bids"
			);
			assert!(
				T::MaxQuality::get() >= ailock_primitives::auction::QUALITY_ONE,
				"quality is at least ×1"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
