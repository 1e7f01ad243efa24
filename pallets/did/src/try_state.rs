//! `try_state` invariants (public, so the mocks of pallets built on this one check them too):
//! documents, deposits, tombstones and delegations agree with each other.

use crate::{AgentOwner, Config, DeactivatedDids, Delegations, Dids, Pallet};
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		for (did, doc) in Dids::<T>::iter() {
			ensure!(!DeactivatedDids::<T>::contains_key(&did), "a deactivated DID is active");
			ensure!(
				doc.keys.iter().all(|m| m.id < doc.next_key_id && m.key.fits(m.relationship)),
				"a key has an unissued id or the wrong type for its relationship"
			);
			let mut ids: alloc::vec::Vec<_> = doc.keys.iter().map(|m| m.id).collect();
			ids.sort_unstable();
			ids.dedup();
			ensure!(ids.len() == doc.keys.len(), "two keys share an id");
			ensure!(Self::held_for(&did) == doc.deposit, "held funds differ from the deposit");
			let agents = Delegations::<T>::iter_prefix(&did).count();
			ensure!(agents == doc.agents as usize, "agent count differs from delegations");
		}
		for (did, agent, _) in Delegations::<T>::iter() {
			ensure!(Dids::<T>::contains_key(&did), "a delegation outlived its DID");
			ensure!(
				AgentOwner::<T>::get(&agent).as_ref() == Some(&did),
				"a delegation's agent points elsewhere"
			);
		}
		for did in DeactivatedDids::<T>::iter_keys() {
			let kept = <T::Currency as frame_support::traits::fungible::InspectHold<
				T::AccountId,
			>>::balance_on_hold(&crate::HoldReason::Tombstone.into(), &did);
			ensure!(
				kept == <T::TombstoneDeposit as frame_support::traits::Get<_>>::get(),
				"a tombstone's deposit is not held"
			);
		}
		for (agent, did) in AgentOwner::<T>::iter() {
			ensure!(Delegations::<T>::contains_key(&did, &agent), "an agent without delegation");
		}
		Ok(())
	}
}
