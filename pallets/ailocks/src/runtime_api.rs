//! The runtime API wallets and dApps discover Ailocks with, without trusting an off-chain index.

use crate::types::{AilockView, NearbyAilock};
use ailock_primitives::{
	geo::{CountryCode, GeoCell, LocationTier},
	profile::Tag,
};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Discovery and profiles of registered Ailocks.
	pub trait AilocksApi<AccountId, BlockNumber, Balance>
	where
		AccountId: Codec,
		BlockNumber: Codec,
		Balance: Codec,
	{
		/// Live Ailocks near `cell` (and `country`) no farther than `max_tier` that have every
		/// skill in `skills`: nearest tier first, then by level (raised by boosts in `cell`'s
		/// discovery cell), at most `limit`.
		fn ailocks_near(
			cell: GeoCell,
			country: Option<CountryCode>,
			max_tier: LocationTier,
			skills: Vec<Tag>,
			limit: u32,
		) -> Vec<NearbyAilock<AccountId>>;

		/// A registered Ailock with its effective status, achievements, skill levels and lists.
		fn ailock(account: AccountId) -> Option<AilockView<AccountId, BlockNumber, Balance>>;
	}
}
