//! What the runtime API reads: an auction, a bidder's quote, a settled auction's outcome.

use crate::{types::AuctionId, Auctions, BalanceOf, Bids, Config, Pallet};

impl<T: Config> Pallet<T> {
	/// `auction` as `AuctionApi::auction` reports it.
	pub fn auction_view(
		id: AuctionId,
	) -> Option<
		crate::types::AuctionView<
			T::AccountId,
			BalanceOf<T>,
			frame_system::pallet_prelude::BlockNumberFor<T>,
		>,
	> {
		use crate::types::Phase;
		let auction = Auctions::<T>::get(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let phase = if now <= auction.commit_end {
			Phase::Commit
		} else if now <= auction.reveal_end {
			Phase::Reveal
		} else {
			Phase::Ended
		};
		let revealed = Bids::<T>::iter_prefix_values(id).filter(|b| b.revealed.is_some()).count();
		Some(crate::types::AuctionView {
			requester: auction.requester,
			intent: auction.intent,
			lots: auction.lots.into_inner(),
			target: auction.target,
			factors: auction.factors.into_lists(),
			commit_end: auction.commit_end,
			reveal_end: auction.reveal_end,
			bond: auction.bond,
			bids: auction.bids,
			revealed: revealed as u32,
			phase,
		})
	}

	/// The quality `bidder` would commit with in `auction` now (`AuctionApi::quote`).
	pub fn quote(id: AuctionId, bidder: &T::AccountId) -> Option<u32> {
		Self::quality_of(&Auctions::<T>::get(id)?, bidder)
	}

	/// A settled auction's outcome (`AuctionApi::results`).
	pub fn results(
		id: AuctionId,
	) -> Option<crate::types::AuctionResults<T::AccountId, BalanceOf<T>>> {
		let settlement = crate::Settlements::<T>::get(id)?;
		Some(crate::types::AuctionResults {
			requester: settlement.requester,
			lots: settlement.lots.into_inner(),
			winners: settlement.winners.into_inner(),
			unawarded: settlement.unawarded,
		})
	}
}
