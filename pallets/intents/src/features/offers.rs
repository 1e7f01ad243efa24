//! Standing offers of Ailocks.

use crate::{
	types::{Offer, StoredOffer},
	BalanceOf, Config, Error, Event, HoldReason, OfferCharges, Offers, Pallet,
};
use ailock_primitives::traits::{Actor, AilockDirectory, SpendGuard};
use frame_support::{
	pallet_prelude::*,
	traits::{Consideration, Footprint},
};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Posts (`replace == false`) or replaces an offer.
	pub(crate) fn do_post_offer(
		actor: Actor<T::AccountId>,
		offer: Offer<BalanceOf<T>>,
		replace: bool,
	) -> DispatchResult {
		let ailock = actor.owner.clone();
		let summary = T::Directory::summary(&ailock).ok_or(Error::<T>::NotAnAilock)?;
		let existing = Offers::<T>::get(&ailock);
		let existing_deposit = existing.as_ref().map(|o| o.deposit).unwrap_or_default();
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
		// The service area never tells more than the Ailock shares of its location: at most
		// its cell's precision, a country-sized cell when it shares only a country, nothing
		// when it shares nothing.
		let finest = match (&summary.location.cell, &summary.location.country) {
			(Some(cell), _) => cell.precision(),
			(None, Some(_)) => ailock_primitives::geo::COUNTRY_PRECISION,
			(None, None) => 0,
		};
		ensure!(offer.area.precision() <= finest, Error::<T>::AreaTooPrecise);
		let footprint = Footprint::from_encodable(&offer);
		let ticket = match existing {
			Some(stored) => stored.ticket.update(&ailock, footprint),
			None => T::OfferConsideration::new(&ailock, footprint),
		}
		.map_err(|_| Error::<T>::InsufficientDeposit)?;
		// One offer per Ailock, so what is held for the reason is its deposit.
		let held = existing_deposit;
		let deposit = Self::held(HoldReason::OfferDeposit, &ailock);
		let mut charge = OfferCharges::<T>::get(&ailock);
		if deposit > held {
			T::SpendGuard::charge_into(&actor, deposit.saturating_sub(held), &mut charge)?;
		} else {
			T::SpendGuard::release_from(&ailock, held.saturating_sub(deposit), held, &mut charge);
		}
		OfferCharges::<T>::set(&ailock, charge);
		Self::deposit_event(Event::OfferPosted {
			ailock: ailock.clone(),
			offer: offer.clone(),
			deposit,
		});
		Offers::<T>::insert(
			&ailock,
			StoredOffer {
				offer,
				deposit,
				ticket,
				updated_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Ok(())
	}

	/// Withdraws the offer of a deregistered Ailock, if it has one.
	pub(crate) fn drop_offer_of(ailock: &T::AccountId) {
		if Offers::<T>::contains_key(ailock) {
			let _ = Self::do_withdraw_offer(ailock.clone());
		}
	}

	/// Removes the offer and releases its deposit.
	pub(crate) fn do_withdraw_offer(ailock: T::AccountId) -> DispatchResult {
		let stored = Offers::<T>::take(&ailock).ok_or(Error::<T>::OfferNotFound)?;
		let held = Self::held(HoldReason::OfferDeposit, &ailock);
		stored.ticket.drop(&ailock)?;
		let released = held.saturating_sub(Self::held(HoldReason::OfferDeposit, &ailock));
		if let Some(charge) = OfferCharges::<T>::take(&ailock) {
			T::SpendGuard::refund(&ailock, &charge);
		}
		Self::deposit_event(Event::OfferWithdrawn { ailock, deposit_released: released });
		Ok(())
	}
}

impl<T: Config> ailock_primitives::traits::OnAilockDeregistered<T::AccountId> for Pallet<T> {
	fn on_deregistered(ailock: &T::AccountId) {
		Self::drop_offer_of(ailock);
	}

	fn on_deregistered_weight() -> frame_support::weights::Weight {
		use crate::WeightInfo;
		T::WeightInfo::withdraw_offer()
	}
}

impl<T: Config> ailock_primitives::traits::DidDependents<T::AccountId> for Pallet<T> {
	/// A DID with intents that have not ended (their deposits are held) stays active.
	fn in_use(did: &T::AccountId) -> bool {
		crate::IntentCount::<T>::get(did) > 0
	}
}
