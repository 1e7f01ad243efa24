//! Tests, a file per call (and one for the runtime-facing reads).

mod add_key;
mod add_service;
mod authorize_agent;
mod change_controller;
mod create;
mod deactivate;
mod dispatch_as_agent;
mod remove_key;
mod remove_service;
mod resolve;
mod revoke_agent;
mod rotate_key;
mod spend_guard;

use crate::{
	mock::*,
	types::{CallScope, ServiceEndpoint},
	DidDocumentOf, Dids, ScopeOf,
};
use ailock_primitives::did::{DidPublicKey, VerificationRelationship};
use frame_support::{assert_ok, traits::fungible::Mutate, BoundedVec};
use sp_core::{ed25519, sr25519};

pub use VerificationRelationship::{
	AssertionMethod, Authentication, CapabilityDelegation, CapabilityInvocation, KeyAgreement,
};

/// Encoded size of one verification method with a 32-byte key: id, key tag, key, relationship.
pub const METHOD_BYTES: u128 = 4 + 1 + 32 + 1;

pub fn sr(seed: u8) -> DidPublicKey {
	DidPublicKey::Sr25519(sr25519::Public::from_raw([seed; 32]))
}

pub fn ed(seed: u8) -> DidPublicKey {
	DidPublicKey::Ed25519(ed25519::Public::from_raw([seed; 32]))
}

pub fn x25519(seed: u8) -> DidPublicKey {
	DidPublicKey::X25519([seed; 32])
}

pub fn service(id: &str, service_type: &str, url: &str) -> ServiceEndpoint {
	ServiceEndpoint {
		id: BoundedVec::truncate_from(id.as_bytes().to_vec()),
		service_type: BoundedVec::truncate_from(service_type.as_bytes().to_vec()),
		url: BoundedVec::truncate_from(url.as_bytes().to_vec()),
	}
}

pub fn keys(
	list: &[(DidPublicKey, VerificationRelationship)],
) -> BoundedVec<(DidPublicKey, VerificationRelationship), ConstMaxKeys> {
	BoundedVec::truncate_from(list.to_vec())
}

pub fn services(list: &[ServiceEndpoint]) -> BoundedVec<ServiceEndpoint, ConstMaxServices> {
	BoundedVec::truncate_from(list.to_vec())
}

pub type ConstMaxKeys = frame_support::traits::ConstU32<MAX_KEYS>;
pub type ConstMaxServices = frame_support::traits::ConstU32<MAX_SERVICES>;

/// A scope from `Pallet` and `Pallet.call` names.
pub fn scope(entries: &[&str]) -> ScopeOf<Test> {
	BoundedVec::truncate_from(
		entries
			.iter()
			.map(|entry| {
				let mut parts = entry.splitn(2, '.');
				let pallet = parts.next().unwrap_or_default();
				CallScope {
					pallet: BoundedVec::truncate_from(pallet.as_bytes().to_vec()),
					call: parts.next().map(|c| BoundedVec::truncate_from(c.as_bytes().to_vec())),
				}
			})
			.collect::<Vec<_>>(),
	)
}

/// Creates `who`'s DID with one sr25519 authentication key.
pub fn create_did(who: AccountId) {
	assert_ok!(Did::create(
		RuntimeOrigin::signed(who),
		keys(&[(sr(who as u8), Authentication)]),
		services(&[])
	));
}

/// Creates ALICE's DID and authorizes AGENT for the given scope, cap 100 per 10 blocks, until
/// block 100.
pub fn alice_with_agent(entries: &[&str]) {
	create_did(ALICE);
	assert_ok!(crate::TestAgentConsent::authorize::<Test>(
		RuntimeOrigin::signed(ALICE),
		ALICE,
		AGENT,
		scope(entries),
		100,
		10,
		100
	));
}

pub fn document(did: AccountId) -> DidDocumentOf<Test> {
	Dids::<Test>::get(did).expect("the DID exists")
}

pub fn held(who: AccountId) -> Balance {
	Did::held_for(&who)
}

/// Leaves `who` with only `free` spendable funds.
pub fn set_free(who: AccountId, free: Balance) {
	<Balances as Mutate<AccountId>>::set_balance(&who, free);
}
