//! # DID pallet
//!
//! Decentralised identifiers for every party of Ailock Network: `did:ailock:<ss58 address>`.
//!
//! - A **DID document** lists verification methods (sr25519 / ed25519 / ecdsa signing keys, X25519
//!   key-agreement keys), each bound to a W3C verification relationship, and service endpoints
//!   (such as an `A2AAgentCard`). Its controller changes it; a deposit proportional to its size is
//!   held from the DID's account and returned on deactivation. A deactivated DID can never be
//!   created again, so nobody can take over an identifier others once trusted.
//! - **Agent delegation**: the owner authorizes a hot *agent key* (the key their assistant and
//!   orchestrator sign with) with a scope of pallets and calls, a spending cap per period and an
//!   expiry. The agent submits [`Pallet::dispatch_as_agent`]; the inner call runs with the
//!   [`Origin::Delegated`] origin, which pallets accept through [`EnsureOwner`] as the owner's.
//!   The scope is enforced on nested calls too (batches). Pallets that commit the owner's funds
//!   charge the cap through [`ailock_primitives::traits::SpendGuard`], implemented here. The owner
//!   revokes at once with [`Pallet::revoke_agent`].
//! - The runtime API [`runtime_api::DidApi`] resolves a DID (or an agent key's DID) to its document.
//!
//! ## Deposits
//! Through FRAME's `Consideration` ([`Config::Consideration`]): each document stores the
//! ticket for its footprint, one item of its keys' and services' encoded bytes plus
//! [`Config::AgentFootprint`] bytes per agent key, and moves it on every change. The runtime
//! wires `HoldConsideration` under [`HoldReason::DidDeposit`] with `LinearStoragePrice`
//! (`DidDeposit + DidByteDeposit × bytes`), held from the DID's own account. A deactivated
//! DID's tombstone keeps [`Config::TombstoneDeposit`] held for good.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod features;
mod origin;
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

pub use origin::EnsureOwner;
pub use pallet::*;

pub use ailock_primitives::did::AGENT_CONSENT_CONTEXT;

/// What an agent key signs to consent to a delegation: [`AGENT_CONSENT_CONTEXT`], the DID, the
/// agent itself and the exact terms, SCALE-encoded.
pub fn agent_consent_payload<T: Config>(
	did: &T::AccountId,
	agent: &T::AccountId,
	terms: &DelegationTermsOf<T>,
) -> alloc::vec::Vec<u8> {
	codec::Encode::encode(&(AGENT_CONSENT_CONTEXT, did, agent, terms))
}

/// Agent consent in test runtimes with `u64` accounts and `TestSignature` proofs (the mocks of
/// this pallet and of the pallets built on it).
#[cfg(feature = "std")]
pub struct TestAgentConsent;

#[cfg(feature = "std")]
impl TestAgentConsent {
	/// `agent`'s consent to `terms` for `did`.
	pub fn proof<T: Config<AccountId = u64, AgentProof = sp_runtime::testing::TestSignature>>(
		did: u64,
		agent: u64,
		terms: &DelegationTermsOf<T>,
	) -> sp_runtime::testing::TestSignature {
		sp_runtime::testing::TestSignature(agent, agent_consent_payload::<T>(&did, &agent, terms))
	}

	/// `authorize_agent` with the agent's consent to exactly these terms.
	#[allow(clippy::too_many_arguments)]
	pub fn authorize<
		T: Config<AccountId = u64, AgentProof = sp_runtime::testing::TestSignature>,
	>(
		origin: frame_system::pallet_prelude::OriginFor<T>,
		did: u64,
		agent: u64,
		scope: ScopeOf<T>,
		spend_cap: BalanceOf<T>,
		period: frame_system::pallet_prelude::BlockNumberFor<T>,
		expires_at: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> frame_support::dispatch::DispatchResult {
		let terms = types::DelegationTerms { scope: scope.clone(), spend_cap, period, expires_at };
		let proof = Self::proof::<T>(did, agent, &terms);
		Pallet::<T>::authorize_agent(
			origin, did, agent, scope, spend_cap, period, expires_at, proof,
		)
	}

	/// The DID `did` (its own controller) authorizes `agent` for `entries` (`Pallet` or
	/// `Pallet.call`), with the agent's consent.
	pub fn authorize_for<
		T: Config<AccountId = u64, AgentProof = sp_runtime::testing::TestSignature>,
	>(
		did: u64,
		agent: u64,
		entries: &[&str],
		spend_cap: BalanceOf<T>,
		period: frame_system::pallet_prelude::BlockNumberFor<T>,
		expires_at: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> frame_support::dispatch::DispatchResult {
		let name = |text: &str| frame_support::BoundedVec::truncate_from(text.as_bytes().to_vec());
		let scope = entries
			.iter()
			.map(|entry| {
				let mut parts = entry.splitn(2, '.');
				types::CallScope {
					pallet: name(parts.next().unwrap_or_default()),
					call: parts.next().map(name),
				}
			})
			.collect::<alloc::vec::Vec<_>>();
		let origin = frame_system::RawOrigin::Signed(did).into();
		Self::authorize::<T>(
			origin,
			did,
			agent,
			frame_support::BoundedVec::truncate_from(scope),
			spend_cap,
			period,
			expires_at,
		)
	}
}

#[cfg(all(feature = "std", feature = "runtime-benchmarks"))]
impl BenchmarkHelper<u64, sp_runtime::testing::TestSignature> for TestAgentConsent {
	fn agent() -> u64 {
		77
	}
	fn sign(agent: &u64, payload: &[u8]) -> sp_runtime::testing::TestSignature {
		sp_runtime::testing::TestSignature(*agent, payload.to_vec())
	}
}

/// Agent keys with their consent, for benchmarks (the runtime needs real keys and signatures).
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Proof> {
	/// A fresh agent key's account.
	fn agent() -> AccountId;
	/// `agent`'s signature over `payload`.
	fn sign(agent: &AccountId, payload: &[u8]) -> Proof;
}
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A DID document of this runtime.
pub type DidDocumentOf<T> = types::DidDocument<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	BalanceOf<T>,
	<T as Config>::Consideration,
	<T as Config>::MaxKeys,
	<T as Config>::MaxServices,
>;
/// A delegation of this runtime.
pub type DelegationOf<T> = types::Delegation<
	frame_system::pallet_prelude::BlockNumberFor<T>,
	BalanceOf<T>,
	<T as Config>::MaxScopeEntries,
>;
/// A delegation scope of this runtime.
pub type ScopeOf<T> = frame_support::BoundedVec<types::CallScope, <T as Config>::MaxScopeEntries>;
/// The terms of a delegation in this runtime.
pub type DelegationTermsOf<T> = types::DelegationTerms<
	ScopeOf<T>,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use ailock_primitives::{
		did::{DidPublicKey, KeyId, VerificationRelationship},
		traits::DidDependents,
	};
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::PostDispatchInfo,
		pallet_prelude::*,
		traits::{fungible::MutateHold, Consideration, Footprint, GetCallMetadata},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Dispatchable;
	use types::{CallName, ServiceEndpoint, ServiceId};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<
		RuntimeOrigin: From<Origin<Self>>,
		RuntimeCall: GetCallMetadata + Dispatchable<PostInfo = PostDispatchInfo>,
	>
	{
		/// The currency deposits are held in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Holds a document's deposit from the DID's own account: one ticket per document, for
		/// a footprint of one item of its keys' and services' encoded bytes plus
		/// `AgentFootprint` bytes per agent key. The runtime uses `HoldConsideration` under
		/// [`HoldReason::DidDeposit`] (the pallet reads that hold to report amounts) priced by
		/// `LinearStoragePrice`.
		type Consideration: Consideration<Self::AccountId, Footprint>;

		/// The bytes one authorized agent key counts for in its DID's footprint (its
		/// delegation and reverse-lookup entries).
		#[pallet::constant]
		type AgentFootprint: Get<u32>;

		/// Held for good from a deactivated DID's account: the tombstone that keeps the
		/// identifier from being created again stays in storage forever, so it is not free.
		/// A plain hold rather than a ticket: it never changes and is never released, so a
		/// ticket would be one more thing stored forever.
		#[pallet::constant]
		type TombstoneDeposit: Get<BalanceOf<Self>>;

		/// Most verification methods in one document.
		#[pallet::constant]
		type MaxKeys: Get<u32>;

		/// Most service endpoints in one document.
		#[pallet::constant]
		type MaxServices: Get<u32>;

		/// Most agent keys one DID may authorize at a time.
		#[pallet::constant]
		type MaxAgents: Get<u32>;

		/// Most entries in one delegation scope.
		#[pallet::constant]
		type MaxScopeEntries: Get<u32>;

		/// What still depends on a DID (a registered Ailock): deactivation waits for it.
		type Dependents: DidDependents<Self::AccountId>;

		/// The signature an agent key gives over [`agent_consent_payload`] to consent to a
		/// delegation (the runtime's transaction signature type).
		type AgentProof: Parameter
			+ sp_runtime::traits::Verify<
				Signer: sp_runtime::traits::IdentifyAccount<AccountId = Self::AccountId>,
			>;

		/// Creates agent keys and their consent for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::AgentProof>;

		/// Weights of the calls, from `benchmarking.rs`.
		type WeightInfo: WeightInfo;
	}

	/// Reasons the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Deposit for a DID document and its delegations.
		#[codec(index = 0)]
		DidDeposit,
		/// Deposit kept for good for the tombstone of a deactivated DID.
		#[codec(index = 1)]
		Tombstone,
	}

	/// The origin of a call an agent key dispatched for the DID's owner.
	#[derive(
		PartialEq, Eq, Clone, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
	)]
	pub enum RawOrigin<AccountId> {
		/// `agent` acts for `owner` under a delegation `owner` authorized.
		Delegated {
			/// The DID (account) the call acts for.
			owner: AccountId,
			/// The agent key that signed it.
			agent: AccountId,
		},
	}

	/// The pallet's origin.
	#[pallet::origin]
	pub type Origin<T> = RawOrigin<<T as frame_system::Config>::AccountId>;

	/// Active DID documents by their account.
	#[pallet::storage]
	pub type Dids<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, DidDocumentOf<T>>;

	/// Deactivated DIDs and the block they were deactivated at; they can never be re-created.
	#[pallet::storage]
	pub type DeactivatedDids<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>>;

	/// Delegations by DID and agent key.
	#[pallet::storage]
	pub type Delegations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		DelegationOf<T>,
	>;

	/// The DID each agent key acts for; an agent key serves one DID at a time.
	#[pallet::storage]
	pub type AgentOwner<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A DID was created.
		DidCreated {
			did: T::AccountId,
			controller: T::AccountId,
			keys: BoundedVec<ailock_primitives::did::VerificationMethod, T::MaxKeys>,
			services: BoundedVec<ServiceEndpoint, T::MaxServices>,
			deposit: BalanceOf<T>,
		},
		/// A key was added to a DID document.
		KeyAdded {
			did: T::AccountId,
			key_id: KeyId,
			key: DidPublicKey,
			relationship: VerificationRelationship,
			deposit: BalanceOf<T>,
		},
		/// A key was removed from a DID document.
		KeyRemoved { did: T::AccountId, key_id: KeyId, deposit: BalanceOf<T> },
		/// A key was replaced by a new one with the same relationship and a new id.
		KeyRotated {
			did: T::AccountId,
			old_key_id: KeyId,
			new_key_id: KeyId,
			key: DidPublicKey,
			relationship: VerificationRelationship,
			deposit: BalanceOf<T>,
		},
		/// A service endpoint was added.
		ServiceAdded { did: T::AccountId, service: ServiceEndpoint, deposit: BalanceOf<T> },
		/// A service endpoint was removed.
		ServiceRemoved { did: T::AccountId, service_id: ServiceId, deposit: BalanceOf<T> },
		/// The controller of a DID changed.
		ControllerChanged { did: T::AccountId, old: T::AccountId, new: T::AccountId },
		/// A DID was deactivated for good; its deposit was released, `tombstone_deposit` is held
		/// for good, and these agent keys were revoked.
		DidDeactivated {
			did: T::AccountId,
			deposit_released: BalanceOf<T>,
			tombstone_deposit: BalanceOf<T>,
			agents_revoked: BoundedVec<T::AccountId, T::MaxAgents>,
		},
		/// An agent key was authorized (or its delegation replaced).
		AgentAuthorized {
			did: T::AccountId,
			agent: T::AccountId,
			scope: ScopeOf<T>,
			spend_cap: BalanceOf<T>,
			period: BlockNumberFor<T>,
			expires_at: BlockNumberFor<T>,
			deposit: BalanceOf<T>,
		},
		/// An agent key's delegation was revoked.
		AgentRevoked { did: T::AccountId, agent: T::AccountId, deposit: BalanceOf<T> },
		/// An agent key dispatched a call as its owner, and it succeeded.
		AgentDispatched { did: T::AccountId, agent: T::AccountId, pallet: CallName, call: CallName },
		/// An agent committed the owner's funds, counted against its cap.
		AgentSpent {
			did: T::AccountId,
			agent: T::AccountId,
			amount: BalanceOf<T>,
			spent_in_period: BalanceOf<T>,
			spend_cap: BalanceOf<T>,
		},
		/// Funds an agent had locked for its owner (a deposit) were released within the period
		/// they were charged in, and credited back to its cap.
		AgentRefunded {
			did: T::AccountId,
			agent: T::AccountId,
			amount: BalanceOf<T>,
			spent_in_period: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// This account already has a DID.
		DidAlreadyExists,
		/// This DID was deactivated and can never be created again.
		DidWasDeactivated,
		/// No active DID for this account.
		DidNotFound,
		/// Only the DID's controller may do this.
		NotController,
		/// The document already has the most keys allowed.
		TooManyKeys,
		/// The document has no key with this id.
		KeyNotFound,
		/// This key is already in the document with this relationship.
		DuplicateKey,
		/// Key agreement needs an X25519 key; every other relationship needs a signing key.
		KeyTypeNotAllowed,
		/// The document already has the most service endpoints allowed.
		TooManyServices,
		/// The document has no service with this id.
		ServiceNotFound,
		/// The document already has a service with this id.
		DuplicateServiceId,
		/// A service id is 1 to 64 letters, digits, `-`, `_` or `.`.
		InvalidServiceId,
		/// A service type is 1 to 64 ASCII letters and digits.
		InvalidServiceType,
		/// A service URL is `https://`, `wss://` or `ipfs://` followed by printable ASCII.
		InvalidServiceUrl,
		/// The new controller is the current one.
		SameController,
		/// Something still depends on this DID (such as a registered Ailock).
		DidInUse,
		/// The DID's account cannot cover the deposit.
		InsufficientDeposit,
		/// The DID already has the most agent keys allowed.
		TooManyAgents,
		/// A DID's own account cannot be its agent.
		AgentIsOwner,
		/// This agent key already acts for another DID.
		AgentBoundToAnotherDid,
		/// The agent key did not sign its consent to these exact terms for this DID
		/// (`agent_consent_payload`).
		InvalidAgentConsent,
		/// A scope needs at least one entry.
		EmptyScope,
		/// The scope names a pallet or call this runtime does not have.
		UnknownScopeCall,
		/// Agents may not be given calls of this pallet (identity management, governance).
		ScopeNotDelegable,
		/// A spending period is at least one block.
		ZeroPeriod,
		/// The expiry must lie in the future.
		ExpiryInPast,
		/// This agent key has no delegation from this DID.
		DelegationNotFound,
		/// The signer is not an authorized agent key.
		NotAnAgent,
		/// The delegation has expired.
		DelegationExpired,
		/// The delegation's scope does not include this call.
		CallNotInScope,
		/// The amount exceeds what remains of the agent's spending cap in this period.
		SpendingCapExceeded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(T::MaxKeys::get() > 0, "a DID needs room for a key");
			assert!(T::MaxScopeEntries::get() > 0, "a delegation needs room for a scope");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates the DID `did:ailock:<signer>` with initial keys and services; the signer becomes
		/// its controller.
		///
		/// `keys` pairs each public key with the one relationship it serves (key agreement takes an
		/// X25519 key, every other relationship a signing key); keys get ids 0, 1, … in this order.
		/// An empty document is allowed: the account itself authenticates.
		///
		/// ## Origin
		/// Signed: the signer's account becomes the DID and its controller.
		///
		/// ## Deposit
		/// Held from the signer through `Consideration`: the runtime's price of a footprint of one
		/// item of the keys' and services' encoded bytes (on Ailock Network 100 mAIL + 100 µAIL per
		/// byte). Released on `deactivate`.
		///
		/// ## Events
		/// `DidCreated { did, controller, keys, services, deposit }`: the keys with their ids.
		///
		/// ## Errors
		/// - `DidAlreadyExists`, `DidWasDeactivated`: the account has (or had) a DID.
		/// - `KeyTypeNotAllowed`, `DuplicateKey`, `InvalidServiceId`, `InvalidServiceType`,
		///   `InvalidServiceUrl`, `DuplicateServiceId`: a key or service is malformed or repeated.
		/// - `InsufficientDeposit`: the signer cannot cover the deposit.
		///
		/// ## Complexity
		/// - `O(K² + S²)`, `K` keys and `S` services (duplicate checks), bounded by `MaxKeys` and
		///   `MaxServices`; the weight is charged for the given counts.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create(keys.len() as u32, services.len() as u32))]
		pub fn create(
			origin: OriginFor<T>,
			keys: BoundedVec<(DidPublicKey, VerificationRelationship), T::MaxKeys>,
			services: BoundedVec<ServiceEndpoint, T::MaxServices>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create(who, keys, services)
		}

		/// Adds a verification method with a relationship; it gets the document's next key id (ids
		/// are never reused).
		///
		/// ## Origin
		/// Signed by the DID's controller.
		///
		/// ## Deposit
		/// Grows by the byte price of the key's encoding, held from the DID's account.
		///
		/// ## Events
		/// `KeyAdded { did, key_id, key, relationship, deposit }`, `deposit` the document's new total.
		///
		/// ## Errors
		/// - `DidNotFound`, `NotController`.
		/// - `KeyTypeNotAllowed`, `DuplicateKey`, `TooManyKeys`.
		/// - `InsufficientDeposit`: the DID's account cannot cover the larger deposit.
		///
		/// ## Complexity
		/// - `O(K)`, `K` the number of keys (bounded by `MaxKeys`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_key())]
		pub fn add_key(
			origin: OriginFor<T>,
			did: T::AccountId,
			key: DidPublicKey,
			relationship: VerificationRelationship,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_key(who, did, key, relationship)
		}

		/// Removes a verification method.
		///
		/// ## Origin
		/// Signed by the DID's controller.
		///
		/// ## Deposit
		/// Shrinks by the byte price of the key's encoding, released to the DID's account.
		///
		/// ## Events
		/// `KeyRemoved { did, key_id, deposit }`, `deposit` the document's new total.
		///
		/// ## Errors
		/// - `DidNotFound`, `NotController`, `KeyNotFound`.
		///
		/// ## Complexity
		/// - `O(K)`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_key())]
		pub fn remove_key(
			origin: OriginFor<T>,
			did: T::AccountId,
			key_id: KeyId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_key(who, did, key_id)
		}

		/// Replaces a key by a new one with the same relationship. The new key gets a new id, so a
		/// signature always names the key that made it.
		///
		/// ## Origin
		/// Signed by the DID's controller.
		///
		/// ## Deposit
		/// Adjusted to the new key's encoded size (ecdsa keys are larger than sr25519 ones).
		///
		/// ## Events
		/// `KeyRotated { did, old_key_id, new_key_id, key, relationship, deposit }`.
		///
		/// ## Errors
		/// - `DidNotFound`, `NotController`, `KeyNotFound`.
		/// - `KeyTypeNotAllowed`, `DuplicateKey`: the new key does not fit the relationship, or is
		///   already there with it.
		/// - `InsufficientDeposit`.
		///
		/// ## Complexity
		/// - `O(K)`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::rotate_key())]
		pub fn rotate_key(
			origin: OriginFor<T>,
			did: T::AccountId,
			key_id: KeyId,
			new_key: DidPublicKey,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_rotate_key(who, did, key_id, new_key)
		}

		/// Adds a service endpoint, such as an `A2AAgentCard` URL.
		///
		/// ## Origin
		/// Signed by the DID's controller.
		///
		/// ## Deposit
		/// Grows by the byte price of the service's encoding.
		///
		/// ## Events
		/// `ServiceAdded { did, service, deposit }`.
		///
		/// ## Errors
		/// - `DidNotFound`, `NotController`.
		/// - `InvalidServiceId`, `InvalidServiceType`, `InvalidServiceUrl`, `DuplicateServiceId`,
		///   `TooManyServices`.
		/// - `InsufficientDeposit`.
		///
		/// ## Complexity
		/// - `O(S)`, `S` the number of services (bounded by `MaxServices`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_service())]
		pub fn add_service(
			origin: OriginFor<T>,
			did: T::AccountId,
			service: ServiceEndpoint,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_service(who, did, service)
		}

		/// Removes a service endpoint by its id.
		///
		/// ## Origin
		/// Signed by the DID's controller.
		///
		/// ## Deposit
		/// Shrinks by the byte price of the service's encoding.
		///
		/// ## Events
		/// `ServiceRemoved { did, service_id, deposit }`.
		///
		/// ## Errors
		/// - `DidNotFound`, `NotController`, `ServiceNotFound`.
		///
		/// ## Complexity
		/// - `O(S)`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_service())]
		pub fn remove_service(
			origin: OriginFor<T>,
			did: T::AccountId,
			service_id: ServiceId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_service(who, did, service_id)
		}

		/// Hands control of the document to another account (for example a recovery key). The
		/// deposit stays held from the DID's own account.
		///
		/// ## Origin
		/// Signed by the DID's controller.
		///
		/// ## Deposit
		/// None.
		///
		/// ## Events
		/// `ControllerChanged { did, old, new }`.
		///
		/// ## Errors
		/// - `DidNotFound`, `NotController`, `SameController`.
		///
		/// ## Complexity
		/// - `O(1)`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::change_controller())]
		pub fn change_controller(
			origin: OriginFor<T>,
			did: T::AccountId,
			new_controller: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_change_controller(who, did, new_controller)
		}

		/// Deactivates the DID for good: revokes every agent key, releases the deposit, and keeps a
		/// tombstone so the identifier can never be created again (nobody takes over an identifier
		/// others once trusted).
		///
		/// ## Origin
		/// Signed by the DID's controller.
		///
		/// ## Deposit
		/// Released in full; `TombstoneDeposit` is then held for good (the tombstone stays in storage
		/// forever).
		///
		/// ## Events
		/// `DidDeactivated { did, deposit_released, tombstone_deposit, agents_revoked }`.
		///
		/// ## Errors
		/// - `DidNotFound`, `NotController`.
		/// - `DidInUse`: something still depends on the DID (a registered Ailock, open intents).
		/// - `InsufficientDeposit`: the account cannot cover the tombstone.
		///
		/// ## Complexity
		/// - `O(A)`, `A` the number of agent keys (bounded by `MaxAgents`); charged for `MaxAgents`,
		///   refunded to the number revoked.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::deactivate(T::MaxAgents::get()))]
		pub fn deactivate(origin: OriginFor<T>, did: T::AccountId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let agents = Self::do_deactivate(who, did)?;
			Ok(Some(T::WeightInfo::deactivate(agents)).into())
		}

		/// Authorizes `agent` to dispatch the calls in `scope` as the DID's owner, committing at most
		/// `spend_cap` of the owner's funds per `period` blocks, until block `expires_at`.
		/// Authorizing an agent again replaces its delegation's terms; its current period and what it
		/// spent in it carry over.
		///
		/// Scopes name pallets and calls as the runtime does (`Ailocks`, `Ailocks.update`). `Did`'s
		/// own calls cannot be delegated; pallets that want a signed origin (`Balances`, `Sudo`)
		/// refuse the delegated origin anyway; a batch (`Utility.batch_all`) in scope runs only calls
		/// that are in scope too.
		///
		/// `proof` is the agent key's signature over [`agent_consent_payload`] of these exact terms:
		/// nobody binds a key to a DID (and to its owner's calls) without the key's consent, as KILT
		/// requires for key additions.
		///
		/// ## Origin
		/// Signed by the DID's controller.
		///
		/// ## Deposit
		/// A new agent key adds `AgentFootprint` bytes to the document's footprint (20 mAIL on
		/// Ailock Network), held from the DID's account; replacing terms costs nothing more.
		///
		/// ## Events
		/// `AgentAuthorized { did, agent, scope, spend_cap, period, expires_at, deposit }`.
		///
		/// ## Errors
		/// - `DidNotFound`, `NotController`.
		/// - `AgentIsOwner`, `AgentBoundToAnotherDid`, `InvalidAgentConsent`.
		/// - `EmptyScope`, `UnknownScopeCall`, `ScopeNotDelegable`, `ZeroPeriod`, `ExpiryInPast`.
		/// - `TooManyAgents`, `InsufficientDeposit`.
		///
		/// ## Complexity
		/// - `O(E)`, `E` the scope entries (bounded by `MaxScopeEntries`).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::authorize_agent(scope.len() as u32))]
		#[allow(clippy::too_many_arguments)]
		pub fn authorize_agent(
			origin: OriginFor<T>,
			did: T::AccountId,
			agent: T::AccountId,
			scope: ScopeOf<T>,
			spend_cap: BalanceOf<T>,
			period: BlockNumberFor<T>,
			expires_at: BlockNumberFor<T>,
			proof: T::AgentProof,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let terms = types::DelegationTerms { scope, spend_cap, period, expires_at };
			Self::do_authorize_agent(who, did, agent, terms, proof)
		}

		/// Revokes an agent key at once: its next `dispatch_as_agent` fails.
		///
		/// ## Origin
		/// Signed by the DID's controller.
		///
		/// ## Deposit
		/// The agent key's share (`AgentFootprint` bytes) is released.
		///
		/// ## Events
		/// `AgentRevoked { did, agent, deposit }`.
		///
		/// ## Errors
		/// - `DidNotFound`, `NotController`, `DelegationNotFound`.
		///
		/// ## Complexity
		/// - `O(1)`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::revoke_agent())]
		pub fn revoke_agent(
			origin: OriginFor<T>,
			did: T::AccountId,
			agent: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_agent(who, did, agent)
		}

		/// Dispatches `call` as the owner whose agent key signed this. The call runs with the
		/// [`Origin::Delegated`] origin and must be in the delegation's scope, as must every call it
		/// nests. The inner call's error, if any, is this call's error.
		///
		/// Funds the inner call commits or locks for the owner (budgets, deposits, fees) are charged
		/// to the delegation's spending cap through `SpendGuard`; deposits released within the period
		/// are credited back.
		///
		/// ## Origin
		/// Signed by an authorized agent key (not by the owner).
		///
		/// ## Deposit
		/// None itself; the inner call's deposit is the owner's and counts against the cap.
		///
		/// ## Events
		/// `AgentDispatched { did, agent, pallet, call }` when the inner call succeeds, after its own
		/// events; `AgentSpent` / `AgentRefunded` as it commits or gets back funds.
		///
		/// ## Errors
		/// - `NotAnAgent`, `DelegationExpired`, `CallNotInScope`.
		/// - `SpendingCapExceeded`: the inner call would commit more than remains of the cap.
		/// - Any error of the inner call.
		///
		/// ## Complexity
		/// - `O(E)` for the scope check (bounded by `MaxScopeEntries`) plus the inner call's own;
		///   the weight is the inner call's plus the scope check, refunded with the inner call's.
		#[pallet::call_index(10)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(
				T::WeightInfo::dispatch_as_agent(T::MaxScopeEntries::get())
					.saturating_add(info.call_weight),
				info.class,
			)
		})]
		pub fn dispatch_as_agent(
			origin: OriginFor<T>,
			call: Box<<T as frame_system::Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			let agent = ensure_signed(origin)?;
			Self::do_dispatch_as_agent(agent, *call)
		}
	}
}
