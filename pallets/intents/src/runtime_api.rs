//! The runtime API providers' wallets and dApps find open intents with.

use crate::types::{IntentId, NearbyIntent};
use ailock_primitives::{
	geo::{CountryCode, GeoCell, LocationTier},
	profile::Tag,
};
use alloc::vec::Vec;
use codec::Codec;
use sp_runtime::Perbill;

sp_api::decl_runtime_apis! {
	/// Discovery of open intents and their matches.
	pub trait IntentsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Open intents near `cell` (and `country`) no farther than `max_tier` that an Ailock
		/// with `skills` can do (empty: any), nearest first, then by budget, at most `limit`.
		fn open_intents_near(
			cell: GeoCell,
			country: Option<CountryCode>,
			max_tier: LocationTier,
			skills: Vec<Tag>,
			limit: u32,
		) -> Vec<NearbyIntent<AccountId, Balance, BlockNumber>>;

		/// The Ailocks invited to an intent, with their scores, best first.
		fn matches(intent: IntentId) -> Vec<(AccountId, Perbill)>;

		/// What the matcher would submit for `intent` now (the best `limit` live Ailocks).
		fn compute_matches(intent: IntentId, limit: u32) -> Vec<(AccountId, Perbill)>;
	}
}
