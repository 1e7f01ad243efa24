//! The status machine, driven by the auction and escrow pallets through [`IntentLifecycle`].

use crate::{
	types::{IntentId, IntentStatus, StepState},
	Chains, Config, Error, Event, Intents, Pallet,
};
use ailock_primitives::traits::{AuctionLot, AuctionOffering, AuctionableIntents, IntentLifecycle};
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Moves `id` to `next` if the machine allows it (a chain step must be ready to be
	/// auctioned or awarded).
	pub(crate) fn transition(
		id: u64,
		next: IntentStatus,
		provider: Option<T::AccountId>,
	) -> DispatchResult {
		let mut intent = Intents::<T>::get(id).ok_or(Error::<T>::IntentNotFound)?;
		ensure!(intent.status.can_become(next), Error::<T>::InvalidTransition);
		ensure!(!Chains::<T>::contains_key(id), Error::<T>::InvalidTransition);
		if let Some((root, step)) = intent.step_of {
			if matches!(next, IntentStatus::Auctioning | IntentStatus::Awarded) {
				let state = Chains::<T>::get(root)
					.and_then(|c| c.steps.get(usize::from(step)).map(|s| s.state));
				ensure!(state == Some(StepState::Ready), Error::<T>::InvalidTransition);
			}
			if next == IntentStatus::Awarded {
				Self::set_step_state(root, step, StepState::Running);
			}
		}
		if next == IntentStatus::Completed {
			Self::end_intent(id, IntentStatus::Completed);
			if let Some((root, step)) = intent.step_of {
				Self::step_ended(root, step, StepState::Done);
			}
			return Ok(());
		}
		if !next.is_open() {
			// Awarded work leaves discovery.
			Self::remove_from_index(id, &intent.details.target);
		}
		if provider.is_some() {
			intent.provider = provider;
		}
		intent.status = next;
		Self::deposit_event(Event::IntentStatusChanged {
			intent: id,
			status: next,
			provider: intent.provider.clone(),
			deposit_released: Default::default(),
		});
		Intents::<T>::insert(id, intent);
		Ok(())
	}
}

impl<T: Config> IntentLifecycle<T::AccountId> for Pallet<T> {
	fn start_auction(intent: IntentId) -> DispatchResult {
		Self::transition(intent, IntentStatus::Auctioning, None)
	}

	fn award(intent: IntentId, provider: &T::AccountId) -> DispatchResult {
		Self::transition(intent, IntentStatus::Awarded, Some(provider.clone()))
	}

	fn start_work(intent: IntentId) -> DispatchResult {
		Self::transition(intent, IntentStatus::InProgress, None)
	}

	fn complete(intent: IntentId) -> DispatchResult {
		Self::transition(intent, IntentStatus::Completed, None)
	}

	fn reopen(intent: IntentId) -> DispatchResult {
		let stored = Intents::<T>::get(intent).ok_or(Error::<T>::IntentNotFound)?;
		ensure!(stored.status == IntentStatus::Auctioning, Error::<T>::InvalidTransition);
		if frame_system::Pallet::<T>::block_number() > stored.details.deadline {
			// Expiry skipped it while it was in the auction.
			Self::end_intent(intent, IntentStatus::Expired);
			if let Some((root, step)) = stored.step_of {
				Self::step_ended(root, step, StepState::Cancelled);
			}
			return Ok(());
		}
		Self::transition(intent, IntentStatus::Open, None)
	}
}

impl<T: Config> AuctionableIntents<T::AccountId, crate::BalanceOf<T>, BlockNumberFor<T>>
	for Pallet<T>
{
	fn offering(
		id: IntentId,
	) -> Option<AuctionOffering<T::AccountId, crate::BalanceOf<T>, BlockNumberFor<T>>> {
		let intent = Intents::<T>::get(id)?;
		let lot = |lot_id: IntentId| {
			Intents::<T>::get(lot_id).filter(|i| i.status == IntentStatus::Open).map(|i| {
				AuctionLot {
					intent: lot_id,
					reserve: i.details.budget,
					deadline: i.details.deadline,
				}
			})
		};
		let lots = match Chains::<T>::get(id) {
			Some(chain) => chain
				.steps
				.iter()
				.filter(|s| s.state == StepState::Ready)
				.filter_map(|s| lot(s.intent))
				.collect(),
			// A step is auctioned with its chain's other ready steps.
			None if intent.step_of.is_some() => Vec::new(),
			None => lot(id).into_iter().collect(),
		};
		Some(AuctionOffering {
			owner: intent.owner,
			target: intent.details.target.location(),
			lots,
		})
	}
}
