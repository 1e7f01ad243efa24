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

	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(who: &T::AccountId) {
		if !Dids::<T>::contains_key(who) {
			let created = Self::do_create(who.clone(), Default::default(), Default::default());
			assert!(created.is_ok(), "benchmark DID created: {created:?}");
		}
	}
}
