//! Expiry: intents whose deadline passed unawarded, a bounded bucket per block.

use crate::{
	types::{IntentStatus, StepState},
	Chains, Config, ExpiryQueue, Intents, Pallet,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Expires what was due after block `now - 1`'s deadline; returns how many entries it read
	/// (at most `MaxExpiriesPerBlock`).
	pub(crate) fn expire_due(now: BlockNumberFor<T>) -> u32 {
		// Deadlines are inclusive: an intent with deadline `d` expires at the start of `d + 1`.
		let due = now.saturating_sub(1u32.into());
		let queue = ExpiryQueue::<T>::take(due);
		let read = queue.len() as u32;
		for id in queue {
			let Some(intent) = Intents::<T>::get(id) else { continue };
			// An intent in an auction ends with the auction: it expires when the auction reopens
			// it after its deadline (`IntentLifecycle::reopen`).
			if intent.status != IntentStatus::Open {
				continue;
			}
			// A root with a chain ends with its steps, not by its own deadline.
			if Chains::<T>::contains_key(id) {
				continue;
			}
			Self::end_intent(id, IntentStatus::Expired);
			if let Some((root, step)) = intent.step_of {
				Self::step_ended(root, step, StepState::Cancelled);
			}
		}
		read
	}
}
