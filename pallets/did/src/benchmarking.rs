//! Benchmarks (frame-benchmarking v2), each at its worst case: full documents, longest service
//! fields, the matching scope entry last.

use super::*;
use crate::types::{CallScope, Delegation, ServiceEndpoint};
use ailock_primitives::did::{DidPublicKey, VerificationRelationship};
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get, GetCallMetadata},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, Zero};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	who
}

fn key(index: u32) -> DidPublicKey {
	let mut bytes = [0u8; 32];
	bytes[..4].copy_from_slice(&index.to_le_bytes());
	DidPublicKey::Sr25519(ailock_primitives::did::sr25519::Public::from_raw(bytes))
}

fn longest(prefix: &[u8], index: u32, len: u32, fill: u8) -> Vec<u8> {
	let mut bytes = prefix.to_vec();
	bytes.extend_from_slice(&index.to_le_bytes().map(|b| b'a' + b % 26));
	bytes.resize(len as usize, fill);
	bytes
}

fn service(index: u32) -> ServiceEndpoint {
	ServiceEndpoint {
		id: BoundedVec::truncate_from(longest(b"", index, types::MAX_SERVICE_ID_LENGTH, b'x')),
		service_type: BoundedVec::truncate_from(vec![
			b'T';
			types::MAX_SERVICE_TYPE_LENGTH as usize
		]),
		url: BoundedVec::truncate_from(longest(
			b"https://",
			index,
			types::MAX_SERVICE_URL_LENGTH,
			b'u',
		)),
	}
}

/// Creates `who`'s DID with `keys` keys and `services` services.
fn did_with<T: Config>(who: &T::AccountId, keys: u32, services: u32) {
	let keys =
		(0..keys).map(|i| (key(i), VerificationRelationship::Authentication)).collect::<Vec<_>>();
	let services = (0..services).map(service).collect::<Vec<_>>();
	let result = Pallet::<T>::do_create(
		who.clone(),
		BoundedVec::truncate_from(keys),
		BoundedVec::truncate_from(services),
	);
	assert!(result.is_ok(), "benchmark DID created");
}

fn name(text: &str) -> types::CallName {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

/// A scope of `entries` entries, each naming one call of `System` (every runtime has it).
fn system_scope<T: Config>(entries: u32) -> ScopeOf<T> {
	let calls =
		<<T as frame_system::Config>::RuntimeCall as GetCallMetadata>::get_call_names("System");
	let call = calls.first().copied().unwrap_or("remark");
	BoundedVec::truncate_from(
		(0..entries)
			.map(|_| CallScope { pallet: name("System"), call: Some(name(call)) })
			.collect::<Vec<_>>(),
	)
}

#[benchmarks(where <T as frame_system::Config>::RuntimeCall: From<frame_system::Call<T>>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create(k: Linear<0, { T::MaxKeys::get() }>, s: Linear<0, { T::MaxServices::get() }>) {
		let who = funded::<T>("did", 0);
		let keys =
			(0..k).map(|i| (key(i), VerificationRelationship::Authentication)).collect::<Vec<_>>();
		let services = (0..s).map(service).collect::<Vec<_>>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			BoundedVec::truncate_from(keys),
			BoundedVec::truncate_from(services),
		);

		assert!(Dids::<T>::contains_key(&who));
	}

	#[benchmark]
	fn add_key() {
		let who = funded::<T>("did", 0);
		did_with::<T>(&who, T::MaxKeys::get() - 1, T::MaxServices::get());

		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			who.clone(),
			key(u32::MAX),
			VerificationRelationship::AssertionMethod,
		);

		assert_eq!(Dids::<T>::get(&who).map(|d| d.keys.len() as u32), Some(T::MaxKeys::get()));
	}

	#[benchmark]
	fn remove_key() {
		let who = funded::<T>("did", 0);
		did_with::<T>(&who, T::MaxKeys::get(), T::MaxServices::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), who.clone(), T::MaxKeys::get() - 1);

		assert_eq!(Dids::<T>::get(&who).map(|d| d.keys.len() as u32), Some(T::MaxKeys::get() - 1));
	}

	/// The last key of a full document replaced by a longer one (sr25519 by a compressed
	/// ecdsa key): the deposit grows and more is held.
	#[benchmark]
	fn rotate_key() {
		let who = funded::<T>("did", 0);
		did_with::<T>(&who, T::MaxKeys::get(), T::MaxServices::get());
		let longer = DidPublicKey::Ecdsa(ailock_primitives::did::ecdsa::Public::from_raw([2; 33]));
		let before = Dids::<T>::get(&who).map(|d| d.deposit).expect("created");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), who.clone(), T::MaxKeys::get() - 1, longer);

		let after = Dids::<T>::get(&who).expect("created");
		assert_eq!(after.next_key_id, T::MaxKeys::get() + 1);
		assert!(after.deposit > before);
	}

	#[benchmark]
	fn add_service() {
		let who = funded::<T>("did", 0);
		did_with::<T>(&who, T::MaxKeys::get(), T::MaxServices::get() - 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), who.clone(), service(u32::MAX));

		assert_eq!(
			Dids::<T>::get(&who).map(|d| d.services.len() as u32),
			Some(T::MaxServices::get())
		);
	}

	#[benchmark]
	fn remove_service() {
		let who = funded::<T>("did", 0);
		did_with::<T>(&who, T::MaxKeys::get(), T::MaxServices::get());
		let last = service(T::MaxServices::get() - 1).id;

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), who.clone(), last);

		assert_eq!(
			Dids::<T>::get(&who).map(|d| d.services.len() as u32),
			Some(T::MaxServices::get() - 1)
		);
	}

	#[benchmark]
	fn change_controller() {
		let who = funded::<T>("did", 0);
		did_with::<T>(&who, T::MaxKeys::get(), T::MaxServices::get());
		let new_controller: T::AccountId = account("controller", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), who.clone(), new_controller.clone());

		assert_eq!(Dids::<T>::get(&who).map(|d| d.controller), Some(new_controller));
	}

	#[benchmark]
	fn deactivate(a: Linear<0, { T::MaxAgents::get() }>) {
		let who = funded::<T>("did", 0);
		did_with::<T>(&who, T::MaxKeys::get(), T::MaxServices::get());
		for i in 0..a {
			let agent: T::AccountId = account("agent", i, 0);
			let result = Pallet::<T>::bind_agent(
				who.clone(),
				who.clone(),
				agent,
				system_scope::<T>(1),
				Zero::zero(),
				1u32.into(),
				BlockNumberFor::<T>::max_value(),
			);
			assert!(result.is_ok(), "agent authorized");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), who.clone());

		assert!(DeactivatedDids::<T>::contains_key(&who));
	}

	#[benchmark]
	fn authorize_agent(e: Linear<1, { T::MaxScopeEntries::get() }>) {
		let who = funded::<T>("did", 0);
		did_with::<T>(&who, T::MaxKeys::get(), T::MaxServices::get());
		let agent = <T::BenchmarkHelper as crate::BenchmarkHelper<_, _>>::agent();
		let terms = crate::types::DelegationTerms {
			scope: system_scope::<T>(e),
			spend_cap: BalanceOf::<T>::max_value(),
			period: 1u32.into(),
			expires_at: BlockNumberFor::<T>::max_value(),
		};
		let payload = crate::agent_consent_payload::<T>(&who, &agent, &terms);
		let proof = <T::BenchmarkHelper as crate::BenchmarkHelper<_, _>>::sign(&agent, &payload);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			who.clone(),
			agent.clone(),
			terms.scope,
			terms.spend_cap,
			terms.period,
			terms.expires_at,
			proof,
		);

		assert!(Delegations::<T>::contains_key(&who, &agent));
	}

	#[benchmark]
	fn revoke_agent() {
		let who = funded::<T>("did", 0);
		did_with::<T>(&who, T::MaxKeys::get(), T::MaxServices::get());
		let agent: T::AccountId = account("agent", 0, 0);
		let result = Pallet::<T>::bind_agent(
			who.clone(),
			who.clone(),
			agent.clone(),
			system_scope::<T>(T::MaxScopeEntries::get()),
			Zero::zero(),
			1u32.into(),
			BlockNumberFor::<T>::max_value(),
		);
		assert!(result.is_ok(), "agent authorized");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), who.clone(), agent.clone());

		assert!(!Delegations::<T>::contains_key(&who, &agent));
	}

	/// The overhead around the inner call: lookups, expiry and scope checks (the matching
	/// entry last of `e`), the filtered origin, the dispatch and the event. The inner call is
	/// an empty `System.remark`, which accepts any origin and costs next to nothing.
	#[benchmark]
	fn dispatch_as_agent(e: Linear<1, { T::MaxScopeEntries::get() }>) {
		let owner: T::AccountId = account("did", 0, 0);
		let agent: T::AccountId = account("agent", 0, 0);
		let mut entries: Vec<CallScope> = (1..e)
			.map(|i| CallScope {
				pallet: name("Unmatched"),
				call: Some(name(if i % 2 == 0 { "a" } else { "b" })),
			})
			.collect();
		entries.push(CallScope { pallet: name("System"), call: Some(name("remark")) });
		AgentOwner::<T>::insert(&agent, &owner);
		Delegations::<T>::insert(
			&owner,
			&agent,
			Delegation {
				scope: BoundedVec::truncate_from(entries),
				spend_cap: Zero::zero(),
				period: 1u32.into(),
				period_start: Zero::zero(),
				spent_in_period: Zero::zero(),
				expires_at: BlockNumberFor::<T>::max_value(),
				authorized_at: Zero::zero(),
			},
		);
		let call: <T as frame_system::Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: vec![] }.into();
		let result;

		#[block]
		{
			result = Pallet::<T>::dispatch_as_agent(
				RawOrigin::Signed(agent.clone()).into(),
				Box::new(call),
			);
		}

		assert!(result.is_ok(), "dispatched: {result:?}");
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
