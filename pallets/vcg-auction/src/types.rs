//! The auction's stored types.

use ailock_primitives::{
	auction::{BundleMask, PriorityFactors},
	chain::IntentId,
	geo::DisclosedLocation,
	profile::{LanguageCode, Tag},
	traits::SpendCharge,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

/// An auction's id, counting from 0.
pub type AuctionId = u64;

/// A seal's salt: 32 random bytes the bidder keeps until it reveals.
pub type Salt = [u8; 32];

/// The requester's priority factors as stored: at most `MaxFactors` skills and languages.
pub type Factors<MaxFactors> = PriorityFactors<
	BoundedVec<(Tag, u16), MaxFactors>,
	BoundedVec<(LanguageCode, u16), MaxFactors>,
>;

/// One intent an auction sells and its reserve.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Lot<Balance> {
	/// The intent (a chain step's sub-intent, or a plain intent).
	pub intent: IntentId,
	/// Its reserve: the most the requester pays for it.
	pub reserve: Balance,
}

/// An auction until it settles or is cancelled.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
#[scale_info(skip_type_params(MaxSteps, MaxFactors))]
pub struct Auction<
	AccountId,
	Balance,
	BlockNumber,
	Ticket,
	MaxSteps: Get<u32>,
	MaxFactors: Get<u32>,
> {
	/// Who pays: the owner of the intent it was opened on.
	pub requester: AccountId,
	/// The intent it was opened on (a chain's root for a chain).
	pub intent: IntentId,
	/// What it sells, in step order: bit `j` of a bundle is lot `j`.
	pub lots: BoundedVec<Lot<Balance>, MaxSteps>,
	/// Where the work is: bidders' location tiers are taken from it.
	pub target: DisclosedLocation,
	/// What the requester rewards beyond price.
	pub factors: Factors<MaxFactors>,
	/// The last block of the commit period.
	pub commit_end: BlockNumber,
	/// The last block of the reveal period; it settles after.
	pub reveal_end: BlockNumber,
	/// The bond every bid holds.
	pub bond: Balance,
	/// The requester's funds held for it: the sum of the reserves.
	pub reserve_held: Balance,
	/// Bids committed.
	pub bids: u32,
	/// The requester's deposit for storing it.
	pub ticket: Ticket,
	/// What `ticket` holds.
	pub deposit: Balance,
	/// What an agent charged the requester's cap for the deposit, credited back on release.
	pub deposit_charge: Option<SpendCharge<AccountId, Balance>>,
}

/// A sealed bid, and what it revealed.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Bid<AccountId, Balance, BlockNumber> {
	/// `blake2_256(SCALE(auction, bidder, bundle, price, salt))`.
	pub commitment: H256,
	/// The bidder's quality in basis points, computed and frozen when it committed.
	pub quality: u32,
	/// When it committed: earlier commits win ties.
	pub committed_at: BlockNumber,
	/// The bond held from the bidder.
	pub bond: Balance,
	/// What an agent charged its owner's cap for the bond, credited back on release.
	pub charge: Option<SpendCharge<AccountId, Balance>>,
	/// The bundle and price, once revealed.
	pub revealed: Option<(BundleMask, Balance)>,
}

/// A winner of a settled auction: what the auction still holds for it until escrow takes over.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Winner<AccountId, Balance> {
	/// The provider.
	pub provider: AccountId,
	/// The lots it won.
	pub bundle: BundleMask,
	/// What it bid.
	pub bid: Balance,
	/// What it is paid, held from the requester.
	pub payment: Balance,
	/// Its performance bond, held from it.
	pub bond: Balance,
	/// What an agent charged the provider's cap for the bond.
	pub charge: Option<SpendCharge<AccountId, Balance>>,
}

/// A settled auction's outcome, kept while the auction holds its payments and bonds.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
#[scale_info(skip_type_params(MaxSteps))]
pub struct Settlement<AccountId, Balance, Ticket, MaxSteps: Get<u32>> {
	/// Who pays.
	pub requester: AccountId,
	/// What was sold.
	pub lots: BoundedVec<Lot<Balance>, MaxSteps>,
	/// The winners in step order.
	pub winners: BoundedVec<Winner<AccountId, Balance>, MaxSteps>,
	/// The lots no bid won (their intents went back to open).
	pub unawarded: BundleMask,
	/// The requester's deposit for storing it.
	pub ticket: Ticket,
	/// What `ticket` holds.
	pub deposit: Balance,
	/// What an agent charged the requester's cap for the deposit.
	pub deposit_charge: Option<SpendCharge<AccountId, Balance>>,
}

/// Where an auction is, as the runtime API reports it.
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
pub enum Phase {
	/// Taking sealed bids.
	Commit,
	/// Taking reveals.
	Reveal,
	/// Waiting for `settle`.
	Ended,
}

/// An open auction as wallets and dApps read it (`AuctionApi::auction`).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct AuctionView<AccountId, Balance, BlockNumber> {
	/// Who pays.
	pub requester: AccountId,
	/// The intent it was opened on.
	pub intent: IntentId,
	/// What it sells: bit `j` of a bundle is lot `j`.
	pub lots: alloc::vec::Vec<Lot<Balance>>,
	/// Where the work is.
	pub target: DisclosedLocation,
	/// What the requester rewards beyond price.
	pub factors: ailock_primitives::auction::FactorLists,
	/// The last block of the commit period.
	pub commit_end: BlockNumber,
	/// The last block of the reveal period.
	pub reveal_end: BlockNumber,
	/// The bond every bid holds.
	pub bond: Balance,
	/// Bids committed.
	pub bids: u32,
	/// Bids revealed.
	pub revealed: u32,
	/// Where it is now.
	pub phase: Phase,
}

/// A settled auction's outcome as wallets and dApps read it (`AuctionApi::results`).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct AuctionResults<AccountId, Balance> {
	/// Who pays.
	pub requester: AccountId,
	/// What was sold.
	pub lots: alloc::vec::Vec<Lot<Balance>>,
	/// The winners in step order, with what the auction holds for each.
	pub winners: alloc::vec::Vec<Winner<AccountId, Balance>>,
	/// The lots no bid won.
	pub unawarded: BundleMask,
}
