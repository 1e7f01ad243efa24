//! Adding, removing and rotating verification methods.

use crate::{Config, Dids, Error, Event, Pallet};
use ailock_primitives::did::{DidPublicKey, KeyId, VerificationRelationship};
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Appends a key with the next id and moves the deposit.
	pub(crate) fn do_add_key(
		who: T::AccountId,
		did: T::AccountId,
		key: DidPublicKey,
		relationship: VerificationRelationship,
	) -> DispatchResult {
		let mut doc = Self::controlled_document(&who, &did)?;
		let method = Self::push_key(&mut doc.keys, &mut doc.next_key_id, key, relationship)?;
		Self::settle_deposit(&did, &mut doc)?;
		doc.updated_at = frame_system::Pallet::<T>::block_number();
		let deposit = doc.deposit;
		Dids::<T>::insert(&did, doc);
		Self::deposit_event(Event::KeyAdded {
			did,
			key_id: method.id,
			key: method.key,
			relationship: method.relationship,
			deposit,
		});
		Ok(())
	}

	/// Removes a key and moves the deposit.
	pub(crate) fn do_remove_key(
		who: T::AccountId,
		did: T::AccountId,
		key_id: KeyId,
	) -> DispatchResult {
		let mut doc = Self::controlled_document(&who, &did)?;
		let position =
			doc.keys.iter().position(|m| m.id == key_id).ok_or(Error::<T>::KeyNotFound)?;
		doc.keys.remove(position);
		Self::settle_deposit(&did, &mut doc)?;
		doc.updated_at = frame_system::Pallet::<T>::block_number();
		let deposit = doc.deposit;
		Dids::<T>::insert(&did, doc);
		Self::deposit_event(Event::KeyRemoved { did, key_id, deposit });
		Ok(())
	}

	/// Replaces a key by a new one (new id, same relationship) and moves the deposit.
	pub(crate) fn do_rotate_key(
		who: T::AccountId,
		did: T::AccountId,
		key_id: KeyId,
		new_key: DidPublicKey,
	) -> DispatchResult {
		let mut doc = Self::controlled_document(&who, &did)?;
		let position =
			doc.keys.iter().position(|m| m.id == key_id).ok_or(Error::<T>::KeyNotFound)?;
		let relationship =
			doc.keys.get(position).map(|m| m.relationship).ok_or(Error::<T>::KeyNotFound)?;
		doc.keys.remove(position);
		let method = Self::push_key(&mut doc.keys, &mut doc.next_key_id, new_key, relationship)?;
		Self::settle_deposit(&did, &mut doc)?;
		doc.updated_at = frame_system::Pallet::<T>::block_number();
		let deposit = doc.deposit;
		Dids::<T>::insert(&did, doc);
		Self::deposit_event(Event::KeyRotated {
			did,
			old_key_id: key_id,
			new_key_id: method.id,
			key: method.key,
			relationship,
			deposit,
		});
		Ok(())
	}
}
