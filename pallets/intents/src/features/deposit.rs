//! Deposits for intents, steps and offers.

use crate::{BalanceOf, Config, Error, HoldReason, Pallet};
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// The deposit for an item of `base` plus its encoding's bytes.
	pub(crate) fn deposit_for(base: BalanceOf<T>, item: &impl Encode) -> BalanceOf<T> {
		let bytes: BalanceOf<T> = item.encoded_size().saturated_into();
		base.saturating_add(T::ByteDeposit::get().saturating_mul(bytes))
	}

	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit.into())
	}

	pub(crate) fn release(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		T::Currency::release(&reason.into(), who, amount, Precision::BestEffort).unwrap_or_default()
	}

	/// Funds held from `who` for `reason` (for invariants and tests).
	pub(crate) fn held(reason: HoldReason, who: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as frame_support::traits::fungible::InspectHold<T::AccountId>>::balance_on_hold(
			&reason.into(),
			who,
		)
	}
}
