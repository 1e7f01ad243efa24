//! The discovery index and the search over it.
//!
//! Ailocks are indexed by their shared cell cut to [`INDEX_PRECISION`] characters (region-level
//! cells, 3 characters, are indexed as they are), by country, and in one global index. A search
//! reads nearest first and each discovery cell whole — the searched cell (which holds every
//! same-city Ailock), then the rest of its region (the region's own bucket and its 32 cells) —
//! so entries in one cell can never starve another, and it stops as soon as a nearer tier
//! already fills the result. The country and global tiers are sampled fairly
//! ([`ailock_primitives::sampling`]): at most [`sampling::MAX_SAMPLE`] entries from a start point the parent
//! block hash chooses, so grinding account ids buys no place in them. An Ailock that went offline
//! can be reaped from every index by anyone ([`Pallet::reap`]) and re-enters with its next
//! heartbeat, so stale entries stop costing searches.

use crate::{
	types::{AilockStatus, NearbyAilock, INDEX_PRECISION},
	AilockOf, Ailocks, Boosts, CellPopulation, Config, CountryIndex, Error, Event, GeoIndex,
	GlobalIndex, Pallet,
};
use ailock_primitives::{
	geo::{CountryCode, DisclosedLocation, GeoCell, LocationTier},
	profile::Tag,
	sampling,
};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{
	pallet_prelude::*, storage::StoragePrefixedMap, Blake2_128Concat, StorageHasher,
};

impl<T: Config> Pallet<T> {
	/// The index bucket of a shared cell.
	pub(crate) fn bucket_of(cell: &GeoCell) -> GeoCell {
		cell.discovery_cell()
	}

	/// Enters an Ailock in the geo, country and global indexes.
	pub(crate) fn add_to_index(
		owner: &T::AccountId,
		location: &crate::types::Location,
	) -> DispatchResult {
		if let Some(cell) = &location.cell {
			let bucket = Self::bucket_of(cell);
			CellPopulation::<T>::try_mutate(&bucket, |population| -> DispatchResult {
				ensure!(*population < T::MaxAilocksPerCell::get(), Error::<T>::CellFull);
				*population = population.saturating_add(1);
				Ok(())
			})?;
			GeoIndex::<T>::insert(&bucket, owner, ());
		}
		if let Some(country) = &location.country {
			CountryIndex::<T>::insert(country, owner, ());
		}
		GlobalIndex::<T>::insert(owner, ());
		Ok(())
	}

	/// Takes an Ailock out of every index.
	pub(crate) fn remove_from_index(owner: &T::AccountId, location: &crate::types::Location) {
		if let Some(cell) = &location.cell {
			let bucket = Self::bucket_of(cell);
			GeoIndex::<T>::remove(&bucket, owner);
			CellPopulation::<T>::mutate_exists(&bucket, |population| {
				*population = population.map(|p| p.saturating_sub(1)).filter(|p| *p > 0);
			});
		}
		if let Some(country) = &location.country {
			CountryIndex::<T>::remove(country, owner);
		}
		GlobalIndex::<T>::remove(owner);
	}

	/// Takes an offline Ailock out of discovery; its next heartbeat brings it back.
	pub(crate) fn do_reap(reaper: T::AccountId, ailock: T::AccountId) -> DispatchResult {
		let mut stored = Ailocks::<T>::get(&ailock).ok_or(Error::<T>::NotRegistered)?;
		ensure!(stored.indexed, Error::<T>::NotIndexed);
		ensure!(Self::effective_status(&stored) == AilockStatus::Offline, Error::<T>::NotOffline);
		Self::remove_from_index(&ailock, &stored.profile.location);
		stored.indexed = false;
		Ailocks::<T>::insert(&ailock, stored);
		Self::deposit_event(Event::Reaped { ailock, reaper });
		Ok(())
	}

	/// A fair sample of the Ailocks indexed in `country`.
	fn sample_country(country: &CountryCode) -> Vec<T::AccountId> {
		let mut prefix = CountryIndex::<T>::final_prefix().to_vec();
		prefix.extend_from_slice(&Blake2_128Concat::hash(&country.encode()));
		let parent = frame_system::Pallet::<T>::parent_hash();
		sampling::sample_blake2_128_concat(&prefix, parent.as_ref(), &country.encode())
	}

	/// A fair sample of every indexed Ailock.
	fn sample_global() -> Vec<T::AccountId> {
		let parent = frame_system::Pallet::<T>::parent_hash();
		sampling::sample_blake2_128_concat(
			&GlobalIndex::<T>::final_prefix(),
			parent.as_ref(),
			b"global",
		)
	}

	/// Live Ailocks near `cell` (and `country`) no farther than `max_tier`, having every skill
	/// in `skills`, nearest tier first, then by level (boosted in the searched cell), at most
	/// `limit`.
	pub fn ailocks_near(
		cell: &GeoCell,
		country: Option<CountryCode>,
		max_tier: LocationTier,
		skills: &[Tag],
		limit: u32,
	) -> Vec<NearbyAilock<T::AccountId>> {
		Self::ailocks_around(Some(cell), country, max_tier, skills, limit)
	}

	/// [`Self::ailocks_near`] from a place that may have no cell (a country, or nowhere).
	pub(crate) fn ailocks_around(
		cell: Option<&GeoCell>,
		country: Option<CountryCode>,
		max_tier: LocationTier,
		skills: &[Tag],
		limit: u32,
	) -> Vec<NearbyAilock<T::AccountId>> {
		let searched = DisclosedLocation { cell: cell.cloned().filter(GeoCell::is_valid), country };
		let mut seen = BTreeSet::new();
		let mut found: Vec<(u64, NearbyAilock<T::AccountId>)> = Vec::new();
		let mut consider = |owner: T::AccountId, found: &mut Vec<_>| {
			if seen.insert(owner.clone()) {
				if let Some(ailock) = Ailocks::<T>::get(&owner) {
					if let Some(hit) = Self::matches(&owner, &ailock, &searched, max_tier, skills) {
						found.push(hit);
					}
				}
			}
		};
		// Whether the hits at `tier` or nearer already fill the result: nothing read later
		// can rank above them.
		let full = |found: &Vec<(u64, NearbyAilock<T::AccountId>)>, tier: LocationTier| {
			found.iter().filter(|(_, hit)| hit.tier <= tier).count() >= limit as usize
		};

		if let Some(cell) = &searched.cell {
			// Every same-city Ailock is in the searched cell's own bucket.
			let own = (cell.precision() >= INDEX_PRECISION).then(|| Self::bucket_of(cell));
			if let Some(own) = &own {
				for owner in GeoIndex::<T>::iter_key_prefix(own) {
					consider(owner, &mut found);
				}
			}
			if max_tier >= LocationTier::SameRegion && !full(&found, LocationTier::SameCity) {
				for bucket in cell.discovery_cells_around().filter(|b| Some(b) != own.as_ref()) {
					for owner in GeoIndex::<T>::iter_key_prefix(&bucket) {
						consider(owner, &mut found);
					}
				}
			}
		}
		if max_tier >= LocationTier::SameCountry && !full(&found, LocationTier::SameRegion) {
			if let Some(country) = &country {
				for owner in Self::sample_country(country) {
					consider(owner, &mut found);
				}
			}
		}
		if max_tier >= LocationTier::Global && !full(&found, LocationTier::SameCountry) {
			for owner in Self::sample_global() {
				consider(owner, &mut found);
			}
		}

		let boosted = searched.cell.as_ref().map(Self::live_boosts).unwrap_or_default();
		for hit in found.iter_mut() {
			hit.1.boosted = boosted.contains(&hit.1.ailock);
			hit.0 = Self::rank(hit.1.level, hit.1.boosted);
		}
		found.sort_by(|(rank_a, a), (rank_b, b)| {
			a.tier.cmp(&b.tier).then(rank_b.cmp(rank_a)).then(a.ailock.cmp(&b.ailock))
		});
		found.into_iter().take(limit as usize).map(|(_, hit)| hit).collect()
	}

	/// `Some` when the Ailock is live, within the tier and has the skills.
	fn matches(
		owner: &T::AccountId,
		ailock: &AilockOf<T>,
		searched: &DisclosedLocation,
		max_tier: LocationTier,
		skills: &[Tag],
	) -> Option<(u64, NearbyAilock<T::AccountId>)> {
		let status = Self::effective_status(ailock);
		if !matches!(status, AilockStatus::Available | AilockStatus::Busy) {
			return None;
		}
		let profile = &ailock.profile;
		if !skills.iter().all(|s| profile.skills.contains(s)) {
			return None;
		}
		let theirs = DisclosedLocation {
			cell: profile.location.cell.clone(),
			country: profile.location.country,
		};
		let tier = LocationTier::between(searched, &theirs);
		if tier > max_tier {
			return None;
		}
		Some((
			0,
			NearbyAilock {
				ailock: owner.clone(),
				name: profile.name.to_vec(),
				tier,
				cell: profile.location.cell.clone(),
				country: profile.location.country,
				skills: profile.skills.to_vec(),
				languages: profile.languages.to_vec(),
				level: ailock.level,
				status,
				boosted: false,
			},
		))
	}

	/// Rank within a tier: level, raised by the boost bonus.
	fn rank(level: u32, boosted: bool) -> u64 {
		let base = u64::from(level).saturating_mul(1_000);
		if boosted {
			base.saturating_add(T::BoostBonus::get().mul_floor(base))
		} else {
			base
		}
	}

	/// Ailocks with a live boost in the discovery cell of `cell`.
	pub(crate) fn live_boosts(cell: &GeoCell) -> Vec<T::AccountId> {
		if cell.precision() < INDEX_PRECISION {
			return Vec::new();
		}
		let now = frame_system::Pallet::<T>::block_number();
		Boosts::<T>::get(Self::bucket_of(cell))
			.into_iter()
			.filter(|b| b.expires_at > now)
			.map(|b| b.ailock)
			.collect()
	}
}

impl<T: Config> Pallet<T> {
	/// A registered Ailock as the runtime API shows it.
	pub fn view(
		owner: &T::AccountId,
	) -> Option<
		crate::types::AilockView<
			T::AccountId,
			frame_system::pallet_prelude::BlockNumberFor<T>,
			crate::BalanceOf<T>,
		>,
	> {
		let ailock = Ailocks::<T>::get(owner)?;
		let skill_levels = ailock
			.profile
			.skills
			.iter()
			.map(|skill| {
				let xp = crate::SkillXp::<T>::get(owner, skill);
				(skill.clone(), xp, Self::level_of(xp))
			})
			.collect();
		let achievements = crate::types::Achievement::ALL
			.into_iter()
			.filter_map(|a| crate::Achievements::<T>::get(owner, a).map(|at| (a, at)))
			.collect();
		Some(crate::types::AilockView {
			effective_status: Self::effective_status(&ailock),
			ailock: ailock.without_ticket(),
			achievements,
			skill_levels,
			trusted: crate::Trusted::<T>::get(owner).into_inner(),
			blocked: crate::Blocked::<T>::get(owner).into_inner(),
		})
	}
}

impl<T: Config> ailock_primitives::traits::AilockDirectory<T::AccountId, crate::BalanceOf<T>>
	for Pallet<T>
{
	fn summary(
		ailock: &T::AccountId,
	) -> Option<ailock_primitives::traits::AilockSummary<crate::BalanceOf<T>>> {
		use ailock_primitives::traits::ActiveJobs;
		let stored = Ailocks::<T>::get(ailock)?;
		let live =
			matches!(Self::effective_status(&stored), AilockStatus::Available | AilockStatus::Busy);
		let profile = stored.profile;
		Some(ailock_primitives::traits::AilockSummary {
			location: DisclosedLocation {
				cell: profile.location.cell,
				country: profile.location.country,
			},
			skills: profile.skills.into_inner(),
			languages: profile.languages.into_inner(),
			min_price: profile.pricing.min_price,
			available_hours: profile.availability.hours(),
			has_capacity: T::ActiveJobs::active_jobs(ailock) < u32::from(profile.capacity),
			live,
		})
	}

	fn candidates(
		cell: Option<&GeoCell>,
		country: Option<CountryCode>,
		max_tier: LocationTier,
		skills: &[Tag],
		limit: u32,
	) -> Vec<T::AccountId> {
		Self::ailocks_around(cell, country, max_tier, skills, limit)
			.into_iter()
			.map(|hit| hit.ailock)
			.collect()
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> ailock_primitives::traits::DidBenchmarking<T::AccountId> for Pallet<T> {
	fn create_did(who: &T::AccountId) {
		<T::BenchmarkHelper as ailock_primitives::traits::DidBenchmarking<_>>::create_did(who)
	}

	fn create_agent(who: &T::AccountId) -> T::AccountId {
		<T::BenchmarkHelper as ailock_primitives::traits::DidBenchmarking<_>>::create_agent(who)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> ailock_primitives::traits::AilockBenchmarking<T::AccountId> for Pallet<T> {
	fn create_ailock(who: &T::AccountId, cell: &GeoCell, skill: &Tag) {
		use ailock_primitives::{
			geo::SharingLevel, profile::WeeklyAvailability, traits::DidBenchmarking,
		};
		use frame_support::BoundedVec;
		T::BenchmarkHelper::create_did(who);
		let sharing = match cell.precision() {
			3 => SharingLevel::Region,
			5 => SharingLevel::City,
			_ => SharingLevel::Exact,
		};
		let profile = crate::types::Profile {
			name: BoundedVec::truncate_from(b"Benchmark Ailock".to_vec()),
			avatar: 0,
			languages: BoundedVec::new(),
			skills: BoundedVec::truncate_from(alloc::vec![skill.clone()]),
			domains: BoundedVec::new(),
			pricing: crate::types::Pricing { min_price: 1u32.into(), hourly_rate: 1u32.into() },
			capacity: u16::MAX,
			availability: WeeklyAvailability::ALWAYS,
			utc_offset_minutes: 0,
			location: crate::types::Location {
				sharing,
				cell: Some(cell.clone()),
				country: None,
				commitment: Default::default(),
			},
		};
		let registered =
			Self::do_register(ailock_primitives::traits::Actor::owner(who.clone()), profile);
		assert!(registered.is_ok(), "benchmark Ailock registered: {registered:?}");
	}
}
