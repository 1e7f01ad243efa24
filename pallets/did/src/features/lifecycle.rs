//! Creating, handing over and deactivating DIDs.

use crate::{
	types::{document_footprint, DidDocument, ServiceEndpoint},
	AgentOwner, BalanceOf, Config, DeactivatedDids, Delegations, DidDocumentOf, Dids, Error, Event,
	HoldReason, Pallet,
};
use ailock_primitives::{
	did::{DidPublicKey, KeyId, VerificationMethod, VerificationRelationship},
	traits::DidDependents,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		Consideration,
	},
	BoundedVec,
};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Validates the keys and services, holds the deposit and stores the document.
	pub(crate) fn do_create(
		who: T::AccountId,
		keys: BoundedVec<(DidPublicKey, VerificationRelationship), T::MaxKeys>,
		services: BoundedVec<ServiceEndpoint, T::MaxServices>,
	) -> DispatchResult {
		ensure!(!DeactivatedDids::<T>::contains_key(&who), Error::<T>::DidWasDeactivated);
		ensure!(!Dids::<T>::contains_key(&who), Error::<T>::DidAlreadyExists);
		let now = frame_system::Pallet::<T>::block_number();
		let mut methods = BoundedVec::new();
		let mut next_key_id = 0;
		for (key, relationship) in keys {
			Self::push_key(&mut methods, &mut next_key_id, key, relationship)?;
		}
		let mut endpoints = BoundedVec::new();
		for service in services {
			Self::push_service(&mut endpoints, service)?;
		}
		let footprint = document_footprint(&methods, &endpoints, 0, T::AgentFootprint::get());
		let ticket =
			T::Consideration::new(&who, footprint).map_err(|_| Error::<T>::InsufficientDeposit)?;
		let doc: DidDocumentOf<T> = DidDocument {
			controller: who.clone(),
			keys: methods,
			services: endpoints,
			next_key_id,
			agents: 0,
			deposit: Self::held_for(&who),
			ticket,
			created_at: now,
			updated_at: now,
		};
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

	/// Hands the document to a new controller.
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
		let held = Self::held_for(&did);
		doc.ticket.drop(&did)?;
		let released = held.saturating_sub(Self::held_for(&did));
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
		keys: &mut BoundedVec<VerificationMethod, T::MaxKeys>,
		next_key_id: &mut KeyId,
		key: DidPublicKey,
		relationship: VerificationRelationship,
	) -> Result<VerificationMethod, DispatchError> {
		ensure!(key.fits(relationship), Error::<T>::KeyTypeNotAllowed);
		ensure!(
			!keys.iter().any(|m| m.key == key && m.relationship == relationship),
			Error::<T>::DuplicateKey
		);
		let method = VerificationMethod { id: *next_key_id, key, relationship };
		keys.try_push(method.clone()).map_err(|_| Error::<T>::TooManyKeys)?;
		*next_key_id = next_key_id.saturating_add(1);
		Ok(method)
	}

	/// Moves the document's ticket to its current footprint and records what it holds.
	pub(crate) fn settle_deposit(did: &T::AccountId, doc: &mut DidDocumentOf<T>) -> DispatchResult {
		let footprint = doc.footprint(T::AgentFootprint::get());
		doc.ticket = doc
			.ticket
			.clone()
			.update(did, footprint)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		doc.deposit = Self::held_for(did);
		Ok(())
	}

	/// Funds held for `did`'s document: one document per account, so this is its deposit.
	pub(crate) fn held_for(did: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as InspectHold<T::AccountId>>::balance_on_hold(
			&HoldReason::DidDeposit.into(),
			did,
		)
	}
}
