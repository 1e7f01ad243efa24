//! Types shared by everything that computes on Ailock Network data: the runtime and its pallets,
//! the orchestrator and the client. Keeping them in one `no_std` crate means every party derives
//! the same numbers (balances, geohash cells, location tiers) from the same bytes.
//!
//! - [`auction`]: the sealed-bid VCG scoring auction: quality from priority factors, exact
//!   winner determination over step bundles, threshold (Clarke pivot) payments.
//! - [`money`]: the native token `AIL` (12 decimals), exact decimal parsing and formatting.
//! - [`geo`]: geohash cells stored at the precision their owner chose, and the location tiers
//!   (same city / region / country / global) that matching and auctions reward.
//! - [`matching`]: the matching score of an Ailock for an intent, documented formula, integers only.
//! - [`chain`]: smart-chain validation (dangling dependencies, cycles, budget) and readiness.
//! - [`did`]: DID key material and the verifier for payloads signed by a DID's assertion keys.
//! - [`profile`]: normalised skill tags, language codes and weekly availability of Ailocks.
//! - [`sampling`]: a fair, non-grindable bounded read of a storage map's keys.
//! - [`traits`]: the small traits through which the market pallets ask each other for things.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod auction;
pub mod chain;
pub mod did;
pub mod geo;
pub mod matching;
pub mod money;
pub mod profile;
pub mod sampling;
pub mod traits;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// Signature of a transaction; sr25519, ed25519 and ecdsa keys are all accepted.
pub type Signature = MultiSignature;
/// An account on Ailock Network: the 32-byte public key (or its hash, for ecdsa) of its signer.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// An amount of the native token in its smallest unit (10^-12 AIL).
pub type Balance = u128;
/// A block height.
pub type BlockNumber = u32;
/// Milliseconds since the Unix epoch, as set by the timestamp inherent.
pub type Moment = u64;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Output of the chain's hash function (BLAKE2-256).
pub type Hash = sp_core::H256;

/// SS58 address prefix (42: the generic Substrate prefix, understood by every wallet).
pub const SS58_PREFIX: u16 = 42;
