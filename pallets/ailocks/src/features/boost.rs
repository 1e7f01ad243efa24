//! Paid promotion in one discovery cell.

use crate::{
	types::{Boost, INDEX_PRECISION},
	Ailocks, BalanceOf, Boosts, Config, Error, Event, Pallet,
};
use ailock_primitives::{
	geo::GeoCell,
	traits::{Actor, SpendGuard},
};
use alloc::{vec, vec::Vec};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::Mutate, tokens::Preservation},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// The discovery cells an Ailock may boost in: its own (a region-level Ailock: any of its
	/// region's 32), none without a shared cell. Boosting elsewhere would let anyone take the
	/// few boost slots of a city it does not serve.
	pub(crate) fn boost_cells(location: &crate::types::Location) -> Vec<GeoCell> {
		match &location.cell {
			Some(cell) if cell.precision() >= INDEX_PRECISION => vec![cell.discovery_cell()],
			Some(cell) => cell.children().collect(),
			None => Vec::new(),
		}
	}

	/// Ends every boost of `owner` in the service area of `location`; returns how many cells it
	/// looked at (what the call's weight depends on).
	pub(crate) fn end_boosts(owner: &T::AccountId, location: &crate::types::Location) -> u32 {
		let cells = Self::boost_cells(location);
		let looked_at = cells.len() as u32;
		for cell in cells {
			Boosts::<T>::mutate_exists(&cell, |entry| {
				if let Some(boosts) = entry {
					boosts.retain(|b| &b.ailock != owner);
					if boosts.is_empty() {
						*entry = None;
					}
				}
			});
		}
		looked_at
	}

	/// Charges the boost fee and records (or extends) the boost; returns the boosts read.
	pub(crate) fn do_boost(
		actor: Actor<T::AccountId>,
		cell: GeoCell,
		duration: BlockNumberFor<T>,
	) -> Result<u32, DispatchError> {
		let owner = actor.owner.clone();
		let ailock = Ailocks::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		ensure!(
			cell.is_valid() && cell.precision() == INDEX_PRECISION,
			Error::<T>::BoostCellPrecision
		);
		ensure!(
			Self::boost_cells(&ailock.profile.location).contains(&cell),
			Error::<T>::BoostOutsideServiceArea
		);
		ensure!(
			!duration.is_zero() && duration <= T::MaxBoostDuration::get(),
			Error::<T>::InvalidBoostDuration
		);
		let now = frame_system::Pallet::<T>::block_number();
		// A boost never reaches further than `MaxBoostDuration` ahead; extending one pays only
		// for the blocks actually added.
		let latest = now.saturating_add(T::MaxBoostDuration::get());

		let mut read = 0u32;
		let (expires_at, added) =
			Boosts::<T>::try_mutate(&cell, |boosts| -> Result<_, DispatchError> {
				read = boosts.len() as u32;
				boosts.retain(|b| b.expires_at > now);
				if let Some(existing) = boosts.iter_mut().find(|b| b.ailock == owner) {
					let previous = existing.expires_at;
					existing.expires_at = previous.saturating_add(duration).min(latest);
					ensure!(existing.expires_at > previous, Error::<T>::InvalidBoostDuration);
					Ok((existing.expires_at, existing.expires_at.saturating_sub(previous)))
				} else {
					let expires_at = now.saturating_add(duration);
					boosts
						.try_push(Boost { ailock: owner.clone(), expires_at })
						.map_err(|_| Error::<T>::BoostSlotsFull)?;
					Ok((expires_at, duration))
				}
			})?;
		let blocks: BalanceOf<T> = added.saturated_into::<u32>().into();
		let fee = T::BoostFeePerBlock::get().saturating_mul(blocks);
		T::SpendGuard::charge(&actor, fee)?;
		T::Currency::transfer(&owner, &T::Treasury::get(), fee, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientFundsForBoost)?;
		Self::deposit_event(Event::Boosted { ailock: owner, cell, expires_at, fee });
		Ok(read)
	}
}
