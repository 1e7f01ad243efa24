//! Creating, handing over and deactivating DIDs.

use crate::{
	types::{DidDocument, ServiceEndpoint},
	AgentOwner, Config, DeactivatedDids, Delegations, DidDocumentOf, Dids, Error, Event,
	HoldReason, Pallet,
};
use ailock_primitives::{
	did::{DidPublicKey, VerificationMethod, VerificationRelationship},
	traits::DidDependents,
};
use frame_support::traits::fungible::MutateHold;
use frame_support::{pallet_prelude::*, BoundedVec};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create(
		who: T::AccountId,
		keys: BoundedVec<(DidPublicKey, VerificationRelationship), T::MaxKeys>,
		services: BoundedVec<ServiceEndpoint, T::MaxServices>,
	) -> DispatchResult {
		ensure!(!DeactivatedDids::<T>::contains_key(&who), Error::<T>::DidWasDeactivated);
		ensure!(!Dids::<T>::contains_key(&who), Error::<T>::DidAlreadyExists);
		let now = frame_system::Pallet::<T>::block_number();
		let mut doc: DidDocumentOf<T> = DidDocument {
			controller: who.clone(),
			keys: BoundedVec::new(),
			services: BoundedVec::new(),
			next_key_id: 0,
			agents: 0,
			deposit: Zero::zero(),
			created_at: now,
			updated_at: now,
		};
		for (key, relationship) in keys {
			Self::push_key(&mut doc, key, relationship)?;
		}
		for service in services {
			Self::push_service(&mut doc, service)?;
		}
		Self::settle_deposit(&who, &mut doc)?;
		Self::deposit_event(Event::DidCreated {
			did: who.clone(),
			controller: who.clone(),
			keys: doc.keys.clone(),
			services: doc.services.clone(),
			deposit: doc.deposit,
		});
		Dids::<T>::insert(&who, doc);
		Ok(())
	}

	pub(crate) fn do_change_controller(
		who: T::AccountId,
		did: T::AccountId,
		new_controller: T::AccountId,
	) -> DispatchResult {
		let mut doc = Self::controlled_document(&who, &did)?;
		ensure!(doc.controller != new_controller, Error::<T>::SameController);
		let old = core::mem::replace(&mut doc.controller, new_controller.clone());
		doc.updated_at = frame_system::Pallet::<T>::block_number();
		Dids::<T>::insert(&did, doc);
		Self::deposit_event(Event::ControllerChanged { did, old, new: new_controller });
		Ok(())
	}

	/// Returns how many agent keys were revoked.
	pub(crate) fn do_deactivate(
		who: T::AccountId,
		did: T::AccountId,
	) -> Result<u32, DispatchError> {
		let doc = Self::controlled_document(&who, &did)?;
		ensure!(!T::Dependents::in_use(&did), Error::<T>::DidInUse);
		// At most `MaxAgents` entries: `authorize_agent` refuses more.
		let mut revoked: BoundedVec<T::AccountId, T::MaxAgents> = BoundedVec::new();
		for (agent, _) in Delegations::<T>::drain_prefix(&did) {
			AgentOwner::<T>::remove(&agent);
			// Never more than `MaxAgents`, so nothing is cut.
			let _ = revoked.try_push(agent);
		}
		let count = revoked.len() as u32;
		let released = Self::release_deposit(&did, &doc)?;
		let tombstone = T::TombstoneDeposit::get();
		T::Currency::hold(&HoldReason::Tombstone.into(), &did, tombstone)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		Dids::<T>::remove(&did);
		DeactivatedDids::<T>::insert(&did, frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::DidDeactivated {
			did,
			deposit_released: released,
			tombstone_deposit: tombstone,
			agents_revoked: revoked,
		});
		Ok(count)
	}

	/// The active document of `did`, if `who` controls it.
	pub(crate) fn controlled_document(
		who: &T::AccountId,
		did: &T::AccountId,
	) -> Result<DidDocumentOf<T>, DispatchError> {
		let doc = Dids::<T>::get(did).ok_or(Error::<T>::DidNotFound)?;
		ensure!(&doc.controller == who, Error::<T>::NotController);
		Ok(doc)
	}

	/// Appends a key with the next id, checking its type and duplicates.
	pub(crate) fn push_key(
		doc: &mut DidDocumentOf<T>,
		key: DidPublicKey,
		relationship: VerificationRelationship,
	) -> Result<VerificationMethod, DispatchError> {
		ensure!(key.fits(relationship), Error::<T>::KeyTypeNotAllowed);
		ensure!(
			!doc.keys.iter().any(|m| m.key == key && m.relationship == relationship),
			Error::<T>::DuplicateKey
		);
		let method = VerificationMethod { id: doc.next_key_id, key, relationship };
		doc.keys.try_push(method.clone()).map_err(|_| Error::<T>::TooManyKeys)?;
		doc.next_key_id = doc.next_key_id.saturating_add(1);
		Ok(method)
	}
}
