//! Registering, updating, status, heartbeats and deregistering.

use crate::{
	types::{registration_footprint, Achievement, Ailock, AilockStatus, Track},
	Achievements, AilockOf, Ailocks, BalanceOf, Blocked, Config, DepositCharges, Error, Event,
	HoldReason, Pallet, ProfileOf, SkillXp, Trusted,
};
use ailock_primitives::traits::{ActiveJobs, Actor, DidLookup, OnAilockDeregistered, SpendGuard};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::InspectHold, Consideration},
};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Validates and stores a registration, holds its deposit and indexes it.
	pub(crate) fn do_register(actor: Actor<T::AccountId>, profile: ProfileOf<T>) -> DispatchResult {
		let owner = actor.owner.clone();
		ensure!(T::Dids::has_active_did(&owner), Error::<T>::NoActiveDid);
		ensure!(!Ailocks::<T>::contains_key(&owner), Error::<T>::AlreadyRegistered);
		Self::validate_profile(&profile)?;
		let now = frame_system::Pallet::<T>::block_number();
		let held = Self::held_for(&owner);
		let footprint = registration_footprint(&profile, 0, T::ListEntryFootprint::get());
		let ticket = T::Consideration::new(&owner, footprint)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		let deposit = Self::held_for(&owner).saturating_sub(held);
		let mut charge = DepositCharges::<T>::get(&owner);
		T::SpendGuard::charge_into(&actor, deposit, &mut charge)?;
		DepositCharges::<T>::set(&owner, charge);
		let ailock: AilockOf<T> = Ailock {
			profile,
			status: AilockStatus::Available,
			last_heartbeat: now,
			registered_at: now,
			updated_at: now,
			xp: 0,
			level: 1,
			track: Track::default(),
			trusted: 0,
			blocked: 0,
			deposit,
			ticket,
			indexed: true,
		};
		Self::add_to_index(&owner, &ailock.profile.location)?;
		let profile = &ailock.profile;
		Self::deposit_event(Event::Registered {
			ailock: owner.clone(),
			name: profile.name.clone(),
			sharing: profile.location.sharing,
			cell: profile.location.cell.clone(),
			country: profile.location.country,
			skills: profile.skills.clone(),
			languages: profile.languages.clone(),
			min_price: profile.pricing.min_price,
			available_hours: profile.availability.hours(),
			capacity: profile.capacity,
			deposit: ailock.deposit,
		});
		Ailocks::<T>::insert(&owner, ailock);
		Ok(())
	}

	/// Returns how many skills it dropped and whether the location changed (what the weight
	/// depends on).
	pub(crate) fn do_update(
		actor: Actor<T::AccountId>,
		profile: ProfileOf<T>,
	) -> Result<(u32, bool), DispatchError> {
		let owner = actor.owner.clone();
		let mut ailock = Ailocks::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		Self::validate_profile(&profile)?;
		let moved = ailock.profile.location != profile.location;
		if moved {
			if ailock.indexed {
				Self::remove_from_index(&owner, &ailock.profile.location);
				Self::add_to_index(&owner, &profile.location)?;
			}
			// A boost is bought for the old service area.
			Self::end_boosts(&owner, &ailock.profile.location);
		}
		let mut dropped = 0u32;
		for skill in ailock.profile.skills.iter().filter(|s| !profile.skills.contains(s)) {
			SkillXp::<T>::remove(&owner, skill);
			dropped = dropped.saturating_add(1);
		}
		ailock.profile = profile;
		ailock.updated_at = frame_system::Pallet::<T>::block_number();
		Self::settle_deposit(&actor, &mut ailock)?;
		let profile = &ailock.profile;
		Self::deposit_event(Event::Updated {
			ailock: owner.clone(),
			name: profile.name.clone(),
			sharing: profile.location.sharing,
			cell: profile.location.cell.clone(),
			country: profile.location.country,
			skills: profile.skills.clone(),
			languages: profile.languages.clone(),
			min_price: profile.pricing.min_price,
			available_hours: profile.availability.hours(),
			capacity: profile.capacity,
			deposit: ailock.deposit,
		});
		Ailocks::<T>::insert(&owner, ailock);
		Ok((dropped, moved))
	}

	/// Sets the stated status (never `Offline`).
	pub(crate) fn do_set_status(owner: T::AccountId, status: AilockStatus) -> DispatchResult {
		ensure!(status != AilockStatus::Offline, Error::<T>::CannotSetOffline);
		Ailocks::<T>::try_mutate(&owner, |entry| -> DispatchResult {
			let ailock = entry.as_mut().ok_or(Error::<T>::NotRegistered)?;
			ailock.status = status;
			Ok(())
		})?;
		Self::deposit_event(Event::StatusChanged { ailock: owner, status });
		Ok(())
	}

	/// Records a heartbeat; returns whether the Ailock re-entered discovery. The heartbeat
	/// counts even when a reaped Ailock's cell is full (it stays out of the index until there
	/// is room), so filling a cell can never keep an Ailock offline.
	pub(crate) fn do_heartbeat(owner: T::AccountId) -> Result<bool, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let reindexed = Ailocks::<T>::try_mutate(&owner, |entry| -> Result<bool, DispatchError> {
			let ailock = entry.as_mut().ok_or(Error::<T>::NotRegistered)?;
			ailock.last_heartbeat = now;
			if ailock.indexed {
				return Ok(false);
			}
			// `add_to_index` fails before writing anything when the cell is full.
			ailock.indexed = Self::add_to_index(&owner, &ailock.profile.location).is_ok();
			Ok(ailock.indexed)
		})?;
		let live_until = now.saturating_add(T::HeartbeatTimeout::get());
		Self::deposit_event(Event::HeartbeatReceived { ailock: owner, live_until });
		Ok(reindexed)
	}

	/// Returns the profile's skill count and whether its service area was region-wide (more
	/// than one boost cell): what the weight depends on.
	pub(crate) fn do_deregister(owner: T::AccountId) -> Result<(u32, bool), DispatchError> {
		let ailock = Ailocks::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		ensure!(T::ActiveJobs::active_jobs(&owner) == 0, Error::<T>::HasActiveJobs);
		if ailock.indexed {
			Self::remove_from_index(&owner, &ailock.profile.location);
		}
		Trusted::<T>::remove(&owner);
		Blocked::<T>::remove(&owner);
		// Only skills of the profile ever hold experience.
		for skill in ailock.profile.skills.iter() {
			SkillXp::<T>::remove(&owner, skill);
		}
		for achievement in Achievement::ALL {
			Achievements::<T>::remove(&owner, achievement);
		}
		let skills = ailock.profile.skills.len() as u32;
		let region_wide = Self::end_boosts(&owner, &ailock.profile.location) > 1;
		let held = Self::held_for(&owner);
		ailock.ticket.drop(&owner)?;
		let released = held.saturating_sub(Self::held_for(&owner));
		if let Some(charge) = DepositCharges::<T>::take(&owner) {
			T::SpendGuard::refund(&owner, &charge);
		}
		Ailocks::<T>::remove(&owner);
		// Offers (and their deposits) kept by other pallets go first, so the last event is
		// the deregistration.
		T::OnDeregistered::on_deregistered(&owner);
		Self::deposit_event(Event::Deregistered { ailock: owner, deposit_released: released });
		Ok((skills, region_wide))
	}

	/// Moves the registration's ticket to its current footprint and records what it holds.
	/// What an agent makes its owner lock is charged to its cap, and what is released is
	/// credited back.
	pub(crate) fn settle_deposit(
		actor: &Actor<T::AccountId>,
		ailock: &mut AilockOf<T>,
	) -> DispatchResult {
		let owner = &actor.owner;
		let before = ailock.deposit;
		let entries = ailock.trusted.saturating_add(ailock.blocked);
		let footprint =
			registration_footprint(&ailock.profile, entries, T::ListEntryFootprint::get());
		ailock.ticket = ailock
			.ticket
			.clone()
			.update(owner, footprint)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		// One registration per owner, so what is held for the reason is its deposit.
		let after = Self::held_for(owner);
		let mut record = DepositCharges::<T>::get(owner);
		if after > before {
			T::SpendGuard::charge_into(actor, after.saturating_sub(before), &mut record)?;
		} else if after < before {
			T::SpendGuard::release_from(owner, before.saturating_sub(after), before, &mut record);
		}
		DepositCharges::<T>::set(owner, record);
		ailock.deposit = after;
		Ok(())
	}

	/// Funds held from `owner` for its registration.
	pub(crate) fn held_for(owner: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as InspectHold<T::AccountId>>::balance_on_hold(
			&HoldReason::ProfileDeposit.into(),
			owner,
		)
	}

	/// The status discovery uses: `Offline` once the last heartbeat is older than the timeout.
	pub fn effective_status(ailock: &AilockOf<T>) -> AilockStatus {
		let now = frame_system::Pallet::<T>::block_number();
		if now.saturating_sub(ailock.last_heartbeat) > T::HeartbeatTimeout::get() {
			AilockStatus::Offline
		} else {
			ailock.status
		}
	}
}
