//! `try_state` invariants (public, so the mocks of pallets built on this one check them too): the discovery index matches the registry exactly, deposits match
//! sizes, levels match experience.

use crate::{
	Achievements, Ailocks, Blocked, CellPopulation, Config, CountryIndex, GeoIndex, GlobalIndex,
	Pallet, SkillXp, Trusted,
};
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut with_cell = 0usize;
		let mut with_country = 0usize;
		let mut with_global = 0usize;
		for (owner, ailock) in Ailocks::<T>::iter() {
			let location = &ailock.profile.location;
			ensure!(Self::validate_profile(&ailock.profile).is_ok(), "a stored profile is invalid");
			ensure!(Self::held_for(&owner) == ailock.deposit, "held funds differ from the deposit");
			if let Some(charge) = crate::DepositCharges::<T>::get(&owner) {
				ensure!(charge.amount <= ailock.deposit, "an agent charge exceeds the deposit");
			}
			ensure!(ailock.level == Self::level_of(ailock.xp), "level differs from experience");
			ensure!(Trusted::<T>::get(&owner).len() as u32 == ailock.trusted, "trusted count");
			ensure!(Blocked::<T>::get(&owner).len() as u32 == ailock.blocked, "blocked count");
			ensure!(
				GlobalIndex::<T>::contains_key(&owner) == ailock.indexed,
				"the global index differs from the indexed flag"
			);
			if ailock.indexed {
				with_global += 1;
			}
			if let (true, Some(cell)) = (ailock.indexed, &location.cell) {
				with_cell += 1;
				ensure!(
					GeoIndex::<T>::contains_key(Self::bucket_of(cell), &owner),
					"a located Ailock is missing from the geo index"
				);
			}
			if let (true, Some(country)) = (ailock.indexed, &location.country) {
				with_country += 1;
				ensure!(
					CountryIndex::<T>::contains_key(country, &owner),
					"an Ailock is missing from the country index"
				);
			}
			for (skill, _) in SkillXp::<T>::iter_prefix(&owner) {
				ensure!(ailock.profile.skills.contains(&skill), "experience in an unlisted skill");
			}
		}

		let mut population = BTreeMap::new();
		let mut indexed = 0usize;
		for (bucket, owner, ()) in GeoIndex::<T>::iter() {
			indexed += 1;
			let cell = Ailocks::<T>::get(&owner).and_then(|a| a.profile.location.cell);
			ensure!(
				cell.map(|c| Self::bucket_of(&c)) == Some(bucket.clone()),
				"a geo index entry points to an Ailock elsewhere"
			);
			*population.entry(bucket).or_insert(0u32) += 1;
		}
		ensure!(indexed == with_cell, "the geo index holds Ailocks the registry does not");
		let counted: BTreeMap<_, _> = CellPopulation::<T>::iter().collect();
		ensure!(counted == population, "cell populations differ from the geo index");
		ensure!(
			population.values().all(|p| *p <= T::MaxAilocksPerCell::get()),
			"a cell holds more Ailocks than allowed"
		);
		ensure!(
			GlobalIndex::<T>::iter_keys().count() == with_global,
			"the global index holds Ailocks the registry does not"
		);
		let by_country = CountryIndex::<T>::iter().count();
		ensure!(by_country == with_country, "the country index differs from the registry");
		for (owner, country, ()) in CountryIndex::<T>::iter().map(|(c, o, u)| (o, c, u)) {
			ensure!(
				Ailocks::<T>::get(&owner).and_then(|a| a.profile.location.country) == Some(country),
				"a country index entry points to an Ailock elsewhere"
			);
		}
		for (cell, boosts) in crate::Boosts::<T>::iter() {
			for boost in boosts.iter() {
				let ailock =
					Ailocks::<T>::get(&boost.ailock).ok_or("a boost outlived its Ailock")?;
				ensure!(
					Self::boost_cells(&ailock.profile.location).contains(&cell),
					"a boost lies outside its Ailock's service area"
				);
			}
		}
		for owner in Trusted::<T>::iter_keys()
			.chain(Blocked::<T>::iter_keys())
			.chain(SkillXp::<T>::iter_keys().map(|(o, _)| o))
			.chain(Achievements::<T>::iter_keys().map(|(o, _)| o))
			.chain(crate::DepositCharges::<T>::iter_keys())
		{
			ensure!(Ailocks::<T>::contains_key(&owner), "state left behind by a deregistration");
		}
		Ok(())
	}
}
