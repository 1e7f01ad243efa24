//! Stored and returned types of the DID pallet.

use ailock_primitives::did::{KeyId, VerificationMethod};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{Footprint, Get},
	BoundedVec,
};
use scale_info::TypeInfo;

/// Longest service id (the fragment after `#` in the DID URL).
pub const MAX_SERVICE_ID_LENGTH: u32 = 64;
/// Longest service type, such as `A2AAgentCard` or `AilockMessaging`.
pub const MAX_SERVICE_TYPE_LENGTH: u32 = 64;
/// Longest service endpoint URL.
pub const MAX_SERVICE_URL_LENGTH: u32 = 256;
/// Longest pallet or call name in a delegation scope.
pub const MAX_CALL_NAME_LENGTH: u32 = 64;

/// Bytes of a service id.
pub type ServiceId = BoundedVec<u8, frame_support::traits::ConstU32<MAX_SERVICE_ID_LENGTH>>;
/// Bytes of a service type.
pub type ServiceType = BoundedVec<u8, frame_support::traits::ConstU32<MAX_SERVICE_TYPE_LENGTH>>;
/// Bytes of a service URL.
pub type ServiceUrl = BoundedVec<u8, frame_support::traits::ConstU32<MAX_SERVICE_URL_LENGTH>>;
/// Bytes of a pallet or call name.
pub type CallName = BoundedVec<u8, frame_support::traits::ConstU32<MAX_CALL_NAME_LENGTH>>;

/// A service endpoint of a DID document (W3C DID Core §5.4).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct ServiceEndpoint {
	/// Unique within the document: letters, digits, `-`, `_` and `.`.
	pub id: ServiceId,
	/// What the endpoint speaks, such as `A2AAgentCard` or `AilockMessaging`.
	pub service_type: ServiceType,
	/// Where: an `https://`, `wss://` or `ipfs://` URL of printable ASCII.
	pub url: ServiceUrl,
}

/// A DID document as stored.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
#[scale_info(skip_type_params(MaxKeys, MaxServices))]
#[codec(mel_bound(
	AccountId: MaxEncodedLen,
	BlockNumber: MaxEncodedLen,
	Balance: MaxEncodedLen,
	Ticket: MaxEncodedLen
))]
pub struct DidDocument<
	AccountId,
	BlockNumber,
	Balance,
	Ticket,
	MaxKeys: Get<u32>,
	MaxServices: Get<u32>,
> {
	/// The account allowed to change the document; the DID's own account until changed.
	pub controller: AccountId,
	/// Verification methods, each bound to one relationship.
	pub keys: BoundedVec<VerificationMethod, MaxKeys>,
	/// Service endpoints.
	pub services: BoundedVec<ServiceEndpoint, MaxServices>,
	/// The id the next added key gets; ids are never reused.
	pub next_key_id: KeyId,
	/// Number of agent keys currently authorized.
	pub agents: u32,
	/// Deposit held from the DID's own account for this document and its delegations: what
	/// `ticket` holds (the ticket keeps its amount to itself, wallets and indexers read this).
	pub deposit: Balance,
	/// The `Consideration` ticket holding the deposit for the document's footprint.
	pub ticket: Ticket,
	/// Block of creation.
	pub created_at: BlockNumber,
	/// Block of the last change.
	pub updated_at: BlockNumber,
}

/// What a document occupies, priced by the runtime's `Consideration`: one item of its keys'
/// and services' encoded bytes plus `agent_bytes` per agent key.
pub fn document_footprint(
	keys: &impl Encode,
	services: &impl Encode,
	agents: u32,
	agent_bytes: u32,
) -> Footprint {
	let bytes = keys
		.encoded_size()
		.saturating_add(services.encoded_size())
		.saturating_add((agents as usize).saturating_mul(agent_bytes as usize));
	Footprint::from_parts(1, bytes)
}

impl<AccountId, BlockNumber, Balance, Ticket, MaxKeys: Get<u32>, MaxServices: Get<u32>>
	DidDocument<AccountId, BlockNumber, Balance, Ticket, MaxKeys, MaxServices>
{
	/// What the document occupies (see [`document_footprint`]).
	pub fn footprint(&self, agent_bytes: u32) -> Footprint {
		document_footprint(&self.keys, &self.services, self.agents, agent_bytes)
	}
}

/// One entry of a delegation scope: a whole pallet, or one call of it, by their runtime names
/// (`Ailocks`, `Ailocks.update`).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct CallScope {
	/// The pallet's name in the runtime.
	pub pallet: CallName,
	/// The call's name; every call of the pallet when `None`.
	pub call: Option<CallName>,
}

impl CallScope {
	/// Whether a call of `pallet` named `call` is covered.
	pub fn allows(&self, pallet: &str, call: &str) -> bool {
		self.pallet.as_slice() == pallet.as_bytes()
			&& self.call.as_ref().is_none_or(|c| c.as_slice() == call.as_bytes())
	}
}

/// What an owner allowed an agent key to do in their name.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
#[scale_info(skip_type_params(MaxScope))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen, Balance: MaxEncodedLen))]
pub struct Delegation<BlockNumber, Balance, MaxScope: Get<u32>> {
	/// The calls the agent may dispatch as the owner.
	pub scope: BoundedVec<CallScope, MaxScope>,
	/// Most funds the agent may commit for the owner per period.
	pub spend_cap: Balance,
	/// Length of a spending period in blocks.
	pub period: BlockNumber,
	/// First block of the current period.
	pub period_start: BlockNumber,
	/// Committed in the current period.
	pub spent_in_period: Balance,
	/// The first block at which the delegation no longer works.
	pub expires_at: BlockNumber,
	/// Block of authorization.
	pub authorized_at: BlockNumber,
}

impl<BlockNumber, Balance, MaxScope: Get<u32>> Delegation<BlockNumber, Balance, MaxScope> {
	/// Whether the scope covers a call of `pallet` named `call`.
	pub fn allows(&self, pallet: &str, call: &str) -> bool {
		self.scope.iter().any(|entry| entry.allows(pallet, call))
	}
}

/// A DID document as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ResolvedDocument<AccountId, BlockNumber, Balance> {
	/// The account allowed to change the document.
	pub controller: AccountId,
	/// Verification methods.
	pub keys: Vec<VerificationMethod>,
	/// Service endpoints.
	pub services: Vec<ServiceEndpoint>,
	/// Authorized agent keys and what each may do.
	pub agents: Vec<ResolvedDelegation<AccountId, BlockNumber, Balance>>,
	/// Deposit held.
	pub deposit: Balance,
	/// Block of creation.
	pub created_at: BlockNumber,
	/// Block of the last change.
	pub updated_at: BlockNumber,
}

/// An agent key's delegation as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ResolvedDelegation<AccountId, BlockNumber, Balance> {
	/// The agent key.
	pub agent: AccountId,
	/// The calls it may dispatch as the owner.
	pub scope: Vec<CallScope>,
	/// Most funds it may commit per period.
	pub spend_cap: Balance,
	/// Length of a spending period in blocks.
	pub period: BlockNumber,
	/// First block of the current period.
	pub period_start: BlockNumber,
	/// Committed in the current period.
	pub spent_in_period: Balance,
	/// The first block at which the delegation no longer works.
	pub expires_at: BlockNumber,
	/// Block of authorization.
	pub authorized_at: BlockNumber,
}

/// The result of resolving a DID.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum DidResolution<AccountId, BlockNumber, Balance> {
	/// No DID was ever created for this account.
	NotFound,
	/// The DID was deactivated at this block and can never be used again.
	Deactivated {
		/// Block of deactivation.
		at: BlockNumber,
	},
	/// The DID is active.
	Active(ResolvedDocument<AccountId, BlockNumber, Balance>),
}

/// What an owner lets an agent key do, and what the key consents to.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub struct DelegationTerms<Scope, Balance, BlockNumber> {
	/// The calls the agent may dispatch as the owner.
	pub scope: Scope,
	/// Most funds the agent may commit or lock for the owner per period.
	pub spend_cap: Balance,
	/// Length of a spending period in blocks.
	pub period: BlockNumber,
	/// The first block at which the delegation no longer works.
	pub expires_at: BlockNumber,
}
