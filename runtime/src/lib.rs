//! The Ailock Network runtime.
//!
//! Accounts and the native token `AIL` (balances, fees), Aura block authoring with GRANDPA
//! finality, batched calls (`Utility`), testnet governance through `Sudo`, and the market
//! pallets: `Did` (30), `Ailocks` (31) and `Intents` (32). The auction, escrow, reputation and
//! disputes pallets take indices 33–36 as they land.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` expand to large items.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;

extern crate alloc;

use alloc::vec::Vec;

use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256, MultiAddress};
use sp_version::RuntimeVersion;

pub use ailock_primitives::{
	money::{AIL, MICRO_AIL, MILLI_AIL, TOKEN_DECIMALS, TOKEN_SYMBOL},
	AccountId, Balance, BlockNumber, Hash, Moment, Nonce, Signature, SS58_PREFIX,
};
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types the node needs without knowing the runtime's extrinsic format, so it keeps syncing
/// across runtime upgrades that change it.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The keys a node holds: Aura for authoring, GRANDPA for finality, and the market's
	/// matcher key (used only when governance authorised its account).
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
		pub matcher: Intents,
	}
}

#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("ailock"),
	impl_name: alloc::borrow::Cow::Borrowed("ailock-node"),
	authoring_version: 1,
	// Bump on every runtime change; wallets and nodes key metadata caches on it.
	spec_version: 110,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	// Bump when call indices or transaction extensions change: signed payloads change with them.
	transaction_version: 2,
	system_version: 1,
};

/// Block production timing.
pub mod block_times {
	use super::BlockNumber;

	/// Target block time of production chains. `pallet_aura` derives its slot from
	/// `pallet_timestamp`'s minimum period (half of this).
	pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
	/// Aura slot length. Cannot change once a chain has started: block production would stop.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

	/// Blocks per minute at the target block time.
	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;
}
pub use block_times::*;

/// Smallest balance an account may hold; below it the account is reaped. 0.001 AIL.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_AIL;

/// How a transaction names an account.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Identifies a block by hash or number.
pub type BlockId = generic::BlockId<Block>;

/// What every transaction carries besides its call. The order is part of the signed payload.
///
/// `CheckMetadataHash` lets wallets (including hardware wallets) prove the metadata they used to
/// show a transaction is the chain's: with the `metadata-hash` feature the runtime commits to the
/// real hash; without it only the `Disabled` mode is accepted.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extensions a wallet signs: `era`, `nonce`, no tip, the metadata-hash check disabled.
pub fn tx_extension(era: sp_runtime::generic::Era, nonce: Nonce) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(era),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Runtime migrations beyond those the pallets run themselves.
type Migrations = ();

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// Indices are part of every encoded call and storage key: never reorder or reuse them.
	// 0-9: system and consensus.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	// 10-19: money and fees.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;

	// 20-29: utilities and governance.
	#[runtime::pallet_index(20)]
	pub type Utility = pallet_utility;
	/// Testnet governance only: the sudo key can dispatch any call as root. A production
	/// network replaces it with on-chain governance before launch.
	#[runtime::pallet_index(21)]
	pub type Sudo = pallet_sudo;
	// 30-49: the Ailock market (Did, Ailocks, Intents, Auction, Escrow, Reputation).
	/// DIDs (`did:ailock:<address>`) and scoped, spend-capped agent delegation.
	#[runtime::pallet_index(30)]
	pub type Did = pallet_did;
	/// The registry of Ailocks: profiles, private locations, discovery, evolution, boosts.
	#[runtime::pallet_index(31)]
	pub type Ailocks = pallet_ailocks;
	/// Intents, offers, smart chains, their discovery and expiry, and the offchain matcher.
	#[runtime::pallet_index(32)]
	pub type Intents = pallet_intents;
}

#[cfg(test)]
mod tests;
