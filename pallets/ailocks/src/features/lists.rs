//! Trusted and blocked lists.

use crate::{Ailocks, Blocked, Config, Error, Event, Pallet, Trusted};
use ailock_primitives::traits::Actor;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Adds `account` to the trusted list and moves the deposit.
	pub(crate) fn do_trust(actor: Actor<T::AccountId>, account: T::AccountId) -> DispatchResult {
		let owner = actor.owner.clone();
		let mut ailock = Ailocks::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		ensure!(owner != account, Error::<T>::CannotListSelf);
		ensure!(!Blocked::<T>::get(&owner).contains(&account), Error::<T>::AccountBlocked);
		let mut trusted = Trusted::<T>::get(&owner);
		ensure!(!trusted.contains(&account), Error::<T>::AlreadyTrusted);
		trusted.try_push(account.clone()).map_err(|_| Error::<T>::ListFull)?;
		ailock.trusted = trusted.len() as u32;
		Self::settle_deposit(&actor, &mut ailock)?;
		let deposit = ailock.deposit;
		Trusted::<T>::insert(&owner, trusted);
		Ailocks::<T>::insert(&owner, ailock);
		Self::deposit_event(Event::TrustedAdded { ailock: owner, account, deposit });
		Ok(())
	}

	/// Removes `account` from the trusted list and moves the deposit.
	pub(crate) fn do_untrust(actor: Actor<T::AccountId>, account: T::AccountId) -> DispatchResult {
		let owner = actor.owner.clone();
		let mut ailock = Ailocks::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		let mut trusted = Trusted::<T>::get(&owner);
		let position = trusted.iter().position(|a| a == &account).ok_or(Error::<T>::NotTrusted)?;
		trusted.remove(position);
		ailock.trusted = trusted.len() as u32;
		Self::settle_deposit(&actor, &mut ailock)?;
		let deposit = ailock.deposit;
		Trusted::<T>::insert(&owner, trusted);
		Ailocks::<T>::insert(&owner, ailock);
		Self::deposit_event(Event::TrustedRemoved { ailock: owner, account, deposit });
		Ok(())
	}

	/// Blocks `account`, dropping it from the trusted list, and moves the deposit.
	pub(crate) fn do_block(actor: Actor<T::AccountId>, account: T::AccountId) -> DispatchResult {
		let owner = actor.owner.clone();
		let mut ailock = Ailocks::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		ensure!(owner != account, Error::<T>::CannotListSelf);
		let mut blocked = Blocked::<T>::get(&owner);
		ensure!(!blocked.contains(&account), Error::<T>::AlreadyBlocked);
		blocked.try_push(account.clone()).map_err(|_| Error::<T>::ListFull)?;
		let mut trusted = Trusted::<T>::get(&owner);
		trusted.retain(|a| a != &account);
		ailock.trusted = trusted.len() as u32;
		ailock.blocked = blocked.len() as u32;
		Self::settle_deposit(&actor, &mut ailock)?;
		let deposit = ailock.deposit;
		Trusted::<T>::insert(&owner, trusted);
		Blocked::<T>::insert(&owner, blocked);
		Ailocks::<T>::insert(&owner, ailock);
		Self::deposit_event(Event::BlockedAdded { ailock: owner, account, deposit });
		Ok(())
	}

	/// Unblocks `account` and moves the deposit.
	pub(crate) fn do_unblock(actor: Actor<T::AccountId>, account: T::AccountId) -> DispatchResult {
		let owner = actor.owner.clone();
		let mut ailock = Ailocks::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		let mut blocked = Blocked::<T>::get(&owner);
		let position = blocked.iter().position(|a| a == &account).ok_or(Error::<T>::NotBlocked)?;
		blocked.remove(position);
		ailock.blocked = blocked.len() as u32;
		Self::settle_deposit(&actor, &mut ailock)?;
		let deposit = ailock.deposit;
		Blocked::<T>::insert(&owner, blocked);
		Ailocks::<T>::insert(&owner, ailock);
		Self::deposit_event(Event::BlockedRemoved { ailock: owner, account, deposit });
		Ok(())
	}
}
