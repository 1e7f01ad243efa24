//! The runtime API dApps, wallets and the orchestrator resolve DIDs with.

use crate::types::DidResolution;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Resolves `did:ailock` identifiers.
	pub trait DidApi<AccountId, BlockNumber, Balance>
	where
		AccountId: Codec,
		BlockNumber: Codec,
		Balance: Codec,
	{
		/// The document of the DID whose account is `did`, or why there is none.
		fn resolve(did: AccountId) -> DidResolution<AccountId, BlockNumber, Balance>;
		/// The DID `account` speaks for: its own DID, or the DID whose agent key it is.
		fn did_of(account: AccountId) -> Option<AccountId>;
	}
}
