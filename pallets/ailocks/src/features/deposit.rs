//! The deposit a registration holds, kept equal to its size after every change.

use crate::{AilockOf, BalanceOf, Config, DepositCharges, Error, HoldReason, Pallet};
use ailock_primitives::traits::{Actor, SpendGuard};
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

	/// Holds or releases the difference from the owner and records the new deposit. What an
	/// agent makes its owner lock is charged to its cap, and what is released is credited back.
	pub(crate) fn settle_deposit(
		actor: &Actor<T::AccountId>,
		ailock: &mut AilockOf<T>,
	) -> DispatchResult {
		let owner = &actor.owner;
		let required = Self::required_deposit(ailock);
		let reason = HoldReason::ProfileDeposit.into();
		let mut record = DepositCharges::<T>::get(owner);
		if required > ailock.deposit {
			let more = required.saturating_sub(ailock.deposit);
			T::SpendGuard::charge_into(actor, more, &mut record)?;
			T::Currency::hold(&reason, owner, more).map_err(|_| Error::<T>::InsufficientDeposit)?;
		} else if required < ailock.deposit {
			let less = ailock.deposit.saturating_sub(required);
			T::Currency::release(&reason, owner, less, Precision::BestEffort)?;
			T::SpendGuard::release_from(owner, less, ailock.deposit, &mut record);
		}
		DepositCharges::<T>::set(owner, record);
		ailock.deposit = required;
		Ok(())
	}

	/// Releases the whole deposit (crediting an agent's charge back).
	pub(crate) fn release_deposit(
		owner: &T::AccountId,
		ailock: &AilockOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let released = T::Currency::release(
			&HoldReason::ProfileDeposit.into(),
			owner,
			ailock.deposit,
			Precision::BestEffort,
		)?;
		if let Some(charge) = DepositCharges::<T>::take(owner) {
			T::SpendGuard::refund(owner, &charge);
		}
		Ok(released)
	}

	/// Funds held from `owner` for its registration.
	pub(crate) fn held_for(owner: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as frame_support::traits::fungible::InspectHold<T::AccountId>>::balance_on_hold(
			&HoldReason::ProfileDeposit.into(),
			owner,
		)
	}
}
