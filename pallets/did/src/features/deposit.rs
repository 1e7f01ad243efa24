//! The deposit a DID document holds, kept equal to its size after every change.

use crate::{BalanceOf, Config, DidDocumentOf, Error, HoldReason, Pallet};
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// The deposit a document needs: a base, its keys' and services' bytes, and its agents.
	pub(crate) fn required_deposit(doc: &DidDocumentOf<T>) -> BalanceOf<T> {
		let bytes: BalanceOf<T> =
			(doc.keys.encoded_size().saturating_add(doc.services.encoded_size())).saturated_into();
		let agents: BalanceOf<T> = doc.agents.into();
		T::DidDeposit::get()
			.saturating_add(T::ByteDeposit::get().saturating_mul(bytes))
			.saturating_add(T::AgentDeposit::get().saturating_mul(agents))
	}

	/// Holds or releases the difference between what `doc` holds and what it needs, from the
	/// DID's own account, and records the new amount in `doc`.
	pub(crate) fn settle_deposit(did: &T::AccountId, doc: &mut DidDocumentOf<T>) -> DispatchResult {
		let required = Self::required_deposit(doc);
		let reason = HoldReason::DidDeposit.into();
		if required > doc.deposit {
			let extra = required.saturating_sub(doc.deposit);
			T::Currency::hold(&reason, did, extra).map_err(|_| Error::<T>::InsufficientDeposit)?;
		} else if required < doc.deposit {
			let surplus = doc.deposit.saturating_sub(required);
			T::Currency::release(&reason, did, surplus, Precision::BestEffort)?;
		}
		doc.deposit = required;
		Ok(())
	}

	/// Releases everything the document holds.
	pub(crate) fn release_deposit(
		did: &T::AccountId,
		doc: &DidDocumentOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		if doc.deposit.is_zero() {
			return Ok(Zero::zero());
		}
		T::Currency::release(
			&HoldReason::DidDeposit.into(),
			did,
			doc.deposit,
			Precision::BestEffort,
		)
	}

	/// Funds held for `did` under the DID hold reason (for invariants and tests).
	pub(crate) fn held_for(did: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as frame_support::traits::fungible::InspectHold<T::AccountId>>::balance_on_hold(
			&HoldReason::DidDeposit.into(),
			did,
		)
	}
}
