//! The runtime API wallets, dApps and the orchestrator read auctions with.

use crate::types::{AuctionId, AuctionResults, AuctionView};
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Auctions, bidders' qualities and outcomes.
	pub trait AuctionApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// An auction that has not settled.
		fn auction(auction: AuctionId) -> Option<AuctionView<AccountId, Balance, BlockNumber>>;

		/// The quality (basis points, 10 000 = ×1) `bidder` would commit with now; `None` when
		/// it could not bid (not a live Ailock, or no such auction).
		fn quote(auction: AuctionId, bidder: AccountId) -> Option<u32>;

		/// A settled auction's winners and what the auction holds for them.
		fn results(auction: AuctionId) -> Option<AuctionResults<AccountId, Balance>>;
	}
}
