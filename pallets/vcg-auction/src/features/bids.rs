//! Sealed bids: commit, reveal, and the quality frozen at commit.

use crate::{
	types::{AuctionId, Bid, Salt},
	AuctionOf, Auctions, BalanceOf, Bids, Config, Error, Event, HoldReason, Pallet,
};
use ailock_primitives::{
	auction::{check_bid, AuctionError, BidderProfile, BundleMask},
	geo::LocationTier,
	traits::{Actor, AilockDirectory, BlockList, ReputationScores, SpendGuard},
};
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use sp_core::H256;
use sp_runtime::traits::SaturatedConversion;

impl<T: Config> Pallet<T> {
	/// Commits `actor`'s sealed bid in `auction`, holding the bond.
	pub(crate) fn do_commit_bid(
		actor: Actor<T::AccountId>,
		id: AuctionId,
		commitment: H256,
	) -> DispatchResult {
		let mut auction = Auctions::<T>::get(id).ok_or(Error::<T>::AuctionNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= auction.commit_end, Error::<T>::CommitClosed);
		let bidder = actor.owner.clone();
		ensure!(bidder != auction.requester, Error::<T>::SelfBid);
		ensure!(!T::BlockList::blocks(&auction.requester, &bidder), Error::<T>::BlockedByRequester);
		ensure!(!Bids::<T>::contains_key(id, &bidder), Error::<T>::AlreadyBid);
		ensure!(auction.bids < T::MaxBidsPerAuction::get(), Error::<T>::TooManyBids);
		let quality = Self::quality_of(&auction, &bidder).ok_or(Error::<T>::NotALiveAilock)?;

		T::Currency::hold(&HoldReason::Bond.into(), &bidder, auction.bond)
			.map_err(|_| Error::<T>::InsufficientBond)?;
		let mut charge = None;
		T::SpendGuard::charge_into(&actor, auction.bond, &mut charge)?;
		auction.bids = auction.bids.saturating_add(1);
		Bids::<T>::insert(
			id,
			&bidder,
			Bid {
				commitment,
				quality,
				committed_at: now,
				bond: auction.bond,
				charge,
				revealed: None,
			},
		);
		Self::deposit_event(Event::BidCommitted {
			auction: id,
			bidder,
			commitment,
			quality,
			bond: auction.bond,
		});
		Auctions::<T>::insert(id, auction);
		Ok(())
	}

	/// `bidder`'s quality in `auction` now, in basis points: `None` unless it is a live
	/// registered Ailock.
	pub fn quality_of(auction: &AuctionOf<T>, bidder: &T::AccountId) -> Option<u32> {
		let summary = T::Directory::summary(bidder).filter(|s| s.live)?;
		let profile = BidderProfile {
			tier: LocationTier::between(&auction.target, &summary.location),
			skills: &summary.skills,
			languages: &summary.languages,
			reputation: T::Reputation::reputation(bidder),
		};
		Some(auction.factors.quality(&profile, T::MaxQuality::get()))
	}

	/// The commitment a bid is sealed with: `blake2_256(SCALE((auction, bidder, bundle, price,
	/// salt)))`. Clients compute the same bytes.
	pub fn commitment(
		auction: AuctionId,
		bidder: &T::AccountId,
		bundle: BundleMask,
		price: BalanceOf<T>,
		salt: &Salt,
	) -> H256 {
		H256(sp_io::hashing::blake2_256(&(auction, bidder, bundle, price, salt).encode()))
	}

	/// Reveals `bidder`'s bid in `auction`.
	pub(crate) fn do_reveal_bid(
		bidder: T::AccountId,
		id: AuctionId,
		bundle: BundleMask,
		price: BalanceOf<T>,
		salt: Salt,
	) -> DispatchResult {
		let auction = Auctions::<T>::get(id).ok_or(Error::<T>::AuctionNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now > auction.commit_end && now <= auction.reveal_end, Error::<T>::NotRevealPeriod);
		let mut bid = Bids::<T>::get(id, &bidder).ok_or(Error::<T>::BidNotFound)?;
		ensure!(bid.revealed.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(
			Self::commitment(id, &bidder, bundle, price, &salt) == bid.commitment,
			Error::<T>::CommitmentMismatch
		);
		let reserves = Self::reserves(&auction);
		check_bid(&reserves, bundle, price.saturated_into()).map_err(|e| match e {
			AuctionError::PriceAboveReserve => Error::<T>::PriceAboveReserve,
			_ => Error::<T>::BundleOutsideLots,
		})?;
		bid.revealed = Some((bundle, price));
		Bids::<T>::insert(id, &bidder, bid);
		Self::deposit_event(Event::BidRevealed { auction: id, bidder, bundle, price });
		Ok(())
	}

	/// The lots' reserves as the mechanism takes them.
	pub(crate) fn reserves(auction: &AuctionOf<T>) -> alloc::vec::Vec<u128> {
		auction.lots.iter().map(|lot| lot.reserve.saturated_into::<u128>()).collect()
	}
}
