//! The discovery index of open intents and the search over it (same cell scheme as the
//! registry: 4-character cells, region cells as they are). A search reads nearest first and
//! each cell whole (bounded by `MaxIntentsPerCell`): the searched cell, then the rest of its
//! region, so intents in one cell can never starve another; it stops once a nearer tier fills the
//! result. Global work is sampled fairly ([`ailock_primitives::sampling`]), at most
//! [`ailock_primitives::sampling::MAX_SAMPLE`] entries from a start the parent block hash chooses.

use crate::{
	types::{NearbyIntent, Target},
	BalanceOf, CellLoad, Config, Error, Intents, OpenIntentsByCell, OpenRemoteIntents, Pallet,
};
use ailock_primitives::{
	geo::{CountryCode, DisclosedLocation, GeoCell, LocationTier},
	profile::Tag,
};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::StoragePrefixedMap};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	pub(crate) fn add_to_index(id: crate::types::IntentId, target: &Target) -> DispatchResult {
		match &target.cell {
			Some(cell) => {
				let bucket = cell.discovery_cell();
				CellLoad::<T>::try_mutate(&bucket, |load| -> DispatchResult {
					ensure!(*load < T::MaxIntentsPerCell::get(), Error::<T>::CellFull);
					*load = load.saturating_add(1);
					Ok(())
				})?;
				OpenIntentsByCell::<T>::insert(&bucket, id, ());
			},
			None => OpenRemoteIntents::<T>::insert(id, ()),
		}
		Ok(())
	}

	pub(crate) fn remove_from_index(id: crate::types::IntentId, target: &Target) {
		match &target.cell {
			Some(cell) => {
				let bucket = cell.discovery_cell();
				if OpenIntentsByCell::<T>::take(&bucket, id).is_some() {
					CellLoad::<T>::mutate_exists(&bucket, |load| {
						*load = load.map(|l| l.saturating_sub(1)).filter(|l| *l > 0);
					});
				}
			},
			None => OpenRemoteIntents::<T>::remove(id),
		}
	}

	/// Open intents near `cell` (and `country`) no farther than `max_tier`, needing only skills
	/// in `skills` when that is not empty (an intent with no required skill fits anyone),
	/// nearest first, then by budget, at most `limit`.
	pub fn open_intents_near(
		cell: &GeoCell,
		country: Option<CountryCode>,
		max_tier: LocationTier,
		skills: &[Tag],
		limit: u32,
	) -> Vec<NearbyIntent<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let here =
			DisclosedLocation { cell: Some(cell.clone()).filter(GeoCell::is_valid), country };
		let mut ids = Vec::new();
		if let Some(cell) = &here.cell {
			// Every same-city intent is in the searched cell's own bucket.
			let own = (cell.precision() >= ailock_primitives::geo::DISCOVERY_PRECISION)
				.then(|| cell.discovery_cell());
			if let Some(own) = &own {
				ids.extend(OpenIntentsByCell::<T>::iter_key_prefix(own));
			}
			if max_tier >= LocationTier::SameRegion {
				for bucket in cell.discovery_cells_around().filter(|b| Some(b) != own.as_ref()) {
					ids.extend(OpenIntentsByCell::<T>::iter_key_prefix(&bucket));
				}
			}
		}
		// Work without a cell (country-wide, or anywhere) is in the remote index; country-wide
		// work is same-country to a searcher in its country.
		if max_tier >= LocationTier::SameCountry {
			let parent = frame_system::Pallet::<T>::parent_hash();
			ids.extend(ailock_primitives::sampling::sample_blake2_128_concat::<
				crate::types::IntentId,
			>(
				&OpenRemoteIntents::<T>::final_prefix(),
				parent.as_ref(),
				b"remote-intents",
			));
		}
		let mut found: Vec<_> = ids
			.into_iter()
			.filter_map(|id| {
				let intent = Intents::<T>::get(id)?;
				let details = &intent.details;
				let tier = details.target.tier_to(&here);
				let fits = skills.is_empty() || details.skills.iter().all(|s| skills.contains(s));
				(intent.status.is_open() && tier <= max_tier && fits).then(|| NearbyIntent {
					id,
					owner: intent.owner.clone(),
					title: details.title.to_vec(),
					cell: details.target.cell.clone(),
					tier,
					skills: details.skills.to_vec(),
					budget: details.budget,
					deadline: details.deadline,
					status: intent.status,
					step_of: intent.step_of,
				})
			})
			.collect();
		found.sort_by(|a, b| {
			a.tier.cmp(&b.tier).then(b.budget.cmp(&a.budget)).then(a.id.cmp(&b.id))
		});
		found.truncate(limit as usize);
		found
	}
}
