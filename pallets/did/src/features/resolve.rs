//! Reading DIDs: the runtime API's resolution and the lookup other pallets use.

use crate::{
	types::{DidResolution, ResolvedDelegation, ResolvedDocument},
	AgentOwner, BalanceOf, Config, DeactivatedDids, Delegations, Dids, Pallet,
};
use ailock_primitives::traits::DidLookup;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// The document of `did`, with its agents, or why there is none.
	pub fn resolve(
		did: &T::AccountId,
	) -> DidResolution<T::AccountId, BlockNumberFor<T>, BalanceOf<T>> {
		if let Some(at) = DeactivatedDids::<T>::get(did) {
			return DidResolution::Deactivated { at };
		}
		let Some(doc) = Dids::<T>::get(did) else {
			return DidResolution::NotFound;
		};
		// At most `MaxAgents` entries.
		let agents = Delegations::<T>::iter_prefix(did)
			.map(|(agent, d)| ResolvedDelegation {
				agent,
				scope: d.scope.into_inner(),
				spend_cap: d.spend_cap,
				period: d.period,
				period_start: d.period_start,
				spent_in_period: d.spent_in_period,
				expires_at: d.expires_at,
				authorized_at: d.authorized_at,
			})
			.collect();
		DidResolution::Active(ResolvedDocument {
			controller: doc.controller,
			keys: doc.keys.into_inner(),
			services: doc.services.into_inner(),
			agents,
			deposit: doc.deposit,
			created_at: doc.created_at,
			updated_at: doc.updated_at,
		})
	}

	/// The DID `account` speaks for: its own active DID, or the DID it is an agent key of.
	pub fn did_of(account: &T::AccountId) -> Option<T::AccountId> {
		if Dids::<T>::contains_key(account) {
			Some(account.clone())
		} else {
			AgentOwner::<T>::get(account)
		}
	}
}

impl<T: Config> DidLookup<T::AccountId> for Pallet<T> {
	fn has_active_did(who: &T::AccountId) -> bool {
		Dids::<T>::contains_key(who)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> ailock_primitives::traits::DidBenchmarking<T::AccountId> for Pallet<T> {
	fn create_did(who: &T::AccountId) {
		if !Dids::<T>::contains_key(who) {
			let created = Self::do_create(who.clone(), Default::default(), Default::default());
			assert!(created.is_ok(), "benchmark DID created: {created:?}");
		}
	}

	fn create_agent(who: &T::AccountId) -> T::AccountId {
		use crate::types::{CallName, CallScope, Delegation};
		use frame_support::traits::Get;
		use sp_runtime::traits::{Bounded, One};
		Self::create_did(who);
		let agent: T::AccountId = frame_benchmarking::account("benchmark-agent", 0, 0);
		let longest = || {
			CallName::truncate_from(alloc::vec![b'x'; crate::types::MAX_CALL_NAME_LENGTH as usize])
		};
		let scope = (0..T::MaxScopeEntries::get())
			.map(|_| CallScope { pallet: longest(), call: Some(longest()) })
			.collect::<alloc::vec::Vec<_>>();
		let now = frame_system::Pallet::<T>::block_number();
		crate::AgentOwner::<T>::insert(&agent, who);
		crate::Delegations::<T>::insert(
			who,
			&agent,
			Delegation {
				scope: frame_support::BoundedVec::truncate_from(scope),
				spend_cap: Bounded::max_value(),
				period: frame_system::pallet_prelude::BlockNumberFor::<T>::max_value(),
				period_start: now,
				spent_in_period: One::one(),
				expires_at: frame_system::pallet_prelude::BlockNumberFor::<T>::max_value(),
				authorized_at: now,
			},
		);
		agent
	}
}
