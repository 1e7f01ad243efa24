//! Checks of everything a profile states, so stored profiles are always well-formed.

use crate::{types::*, Config, Error, Pallet, ProfileOf};
use ailock_primitives::{
	geo::SharingLevel,
	profile::{has_duplicates, is_normalised_tag},
};
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn validate_profile(profile: &ProfileOf<T>) -> DispatchResult {
		let name = core::str::from_utf8(&profile.name).map_err(|_| Error::<T>::InvalidName)?;
		ensure!(
			!name.trim().is_empty() && !name.chars().any(char::is_control),
			Error::<T>::InvalidName
		);
		ensure!(profile.avatar < AVATAR_PRESETS, Error::<T>::InvalidAvatar);
		ensure!(profile.languages.iter().all(|l| l.is_valid()), Error::<T>::InvalidLanguage);
		ensure!(!has_duplicates(&profile.languages), Error::<T>::DuplicateLanguage);
		ensure!(!profile.skills.is_empty(), Error::<T>::NoSkills);
		ensure!(
			profile.skills.iter().chain(profile.domains.iter()).all(|t| is_normalised_tag(t)),
			Error::<T>::InvalidTag
		);
		ensure!(
			!has_duplicates(&profile.skills) && !has_duplicates(&profile.domains),
			Error::<T>::DuplicateTag
		);
		ensure!(profile.capacity > 0, Error::<T>::ZeroCapacity);
		ensure!(
			UTC_OFFSET_RANGE.contains(&profile.utc_offset_minutes),
			Error::<T>::InvalidUtcOffset
		);
		// The offset narrows a location down to a band of longitudes.
		ensure!(
			profile.location.sharing != ailock_primitives::geo::SharingLevel::None
				|| profile.utc_offset_minutes == 0,
			Error::<T>::UtcOffsetNotShared
		);
		Self::validate_location(&profile.location)
	}

	fn validate_location(location: &Location) -> DispatchResult {
		if let Some(cell) = &location.cell {
			ensure!(cell.is_valid(), Error::<T>::InvalidCell);
		}
		if let Some(country) = &location.country {
			ensure!(country.is_valid(), Error::<T>::InvalidCountry);
		}
		match (location.sharing.precision(), &location.cell) {
			(Some(precision), Some(cell)) => {
				ensure!(cell.precision() == precision, Error::<T>::CellPrecisionMismatch)
			},
			(Some(_), None) => return Err(Error::<T>::CellRequired.into()),
			(None, Some(_)) => return Err(Error::<T>::CellNotShared.into()),
			(None, None) => {},
		}
		match location.sharing {
			SharingLevel::Country => {
				ensure!(location.country.is_some(), Error::<T>::CountryRequired)
			},
			SharingLevel::None => ensure!(location.country.is_none(), Error::<T>::CountryNotShared),
			_ => {},
		}
		Ok(())
	}
}
