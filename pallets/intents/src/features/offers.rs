//! Standing offers of Ailocks.

use crate::{
	types::{Offer, StoredOffer},
	BalanceOf, Config, Error, Event, HoldReason, Offers, Pallet,
};
use ailock_primitives::traits::AilockDirectory;
use frame_support::pallet_prelude::*;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Posts (`replace == false`) or replaces an offer.
	pub(crate) fn do_post_offer(
		ailock: T::AccountId,
		offer: Offer<BalanceOf<T>>,
		replace: bool,
	) -> DispatchResult {
		ensure!(T::Directory::summary(&ailock).is_some(), Error::<T>::NotAnAilock);
		let existing = Offers::<T>::get(&ailock);
		match (&existing, replace) {
			(Some(_), false) => return Err(Error::<T>::OfferExists.into()),
			(None, true) => return Err(Error::<T>::OfferNotFound.into()),
			_ => {},
		}
		ensure!(
			!offer.skills.is_empty() && offer.area.is_valid() && offer.capacity > 0,
			Error::<T>::InvalidOffer
		);
		Self::validate_skills(&offer.skills)?;
		let deposit = Self::deposit_for(T::OfferDeposit::get(), &offer);
		let held = existing.as_ref().map(|o| o.deposit).unwrap_or_default();
		if deposit > held {
			Self::hold(HoldReason::OfferDeposit, &ailock, deposit.saturating_sub(held))?;
		} else {
			Self::release(HoldReason::OfferDeposit, &ailock, held.saturating_sub(deposit));
		}
		Self::deposit_event(Event::OfferPosted {
			ailock: ailock.clone(),
			offer: offer.clone(),
			deposit,
		});
		Offers::<T>::insert(
			&ailock,
			StoredOffer { offer, deposit, updated_at: frame_system::Pallet::<T>::block_number() },
		);
		Ok(())
	}

	pub(crate) fn do_withdraw_offer(ailock: T::AccountId) -> DispatchResult {
		let stored = Offers::<T>::take(&ailock).ok_or(Error::<T>::OfferNotFound)?;
		let released = Self::release(HoldReason::OfferDeposit, &ailock, stored.deposit);
		Self::deposit_event(Event::OfferWithdrawn { ailock, deposit_released: released });
		Ok(())
	}
}
