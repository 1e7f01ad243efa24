//! The deposit a registration holds, kept equal to its size after every change.

use crate::{AilockOf, BalanceOf, Config, Error, HoldReason, Pallet};
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// Base, profile bytes and list entries.
	pub(crate) fn required_deposit(ailock: &AilockOf<T>) -> BalanceOf<T> {
		let bytes: BalanceOf<T> = ailock.profile.encoded_size().saturated_into();
		let entries: BalanceOf<T> = ailock.trusted.saturating_add(ailock.blocked).into();
		T::ProfileDeposit::get()
			.saturating_add(T::ByteDeposit::get().saturating_mul(bytes))
			.saturating_add(T::ListEntryDeposit::get().saturating_mul(entries))
	}

	/// Holds or releases the difference from `owner` and records the new deposit.
	pub(crate) fn settle_deposit(owner: &T::AccountId, ailock: &mut AilockOf<T>) -> DispatchResult {
		let required = Self::required_deposit(ailock);
		let reason = HoldReason::ProfileDeposit.into();
		if required > ailock.deposit {
			T::Currency::hold(&reason, owner, required.saturating_sub(ailock.deposit))
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
		} else if required < ailock.deposit {
			T::Currency::release(
				&reason,
				owner,
				ailock.deposit.saturating_sub(required),
				Precision::BestEffort,
			)?;
		}
		ailock.deposit = required;
		Ok(())
	}

	/// Releases the whole deposit.
	pub(crate) fn release_deposit(
		owner: &T::AccountId,
		ailock: &AilockOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		T::Currency::release(
			&HoldReason::ProfileDeposit.into(),
			owner,
			ailock.deposit,
			Precision::BestEffort,
		)
	}

	/// Funds held from `owner` for its registration.
	#[cfg(any(test, feature = "try-runtime"))]
	pub(crate) fn held_for(owner: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as frame_support::traits::fungible::InspectHold<T::AccountId>>::balance_on_hold(
			&HoldReason::ProfileDeposit.into(),
			owner,
		)
	}
}
