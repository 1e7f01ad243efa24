//! `try_state` invariants (public, so the mocks of pallets built on this one check them too): indexes match storage, chains are consistent, deposits are held.

use crate::{
	types::{IntentStatus, StepState},
	CellLoad, Chains, Config, HoldReason, Intents, OpenIntentsByCell, OpenRemoteIntents, Pallet,
};
use alloc::collections::BTreeMap;
use frame_support::ensure;
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut held: BTreeMap<T::AccountId, crate::BalanceOf<T>> = BTreeMap::new();
		let mut owned: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut indexed = 0usize;
		for (id, intent) in Intents::<T>::iter() {
			*owned.entry(intent.owner.clone()).or_default() += 1;
			let entry = held.entry(intent.owner.clone()).or_default();
			*entry = entry.saturating_add(intent.deposit);
			let has_chain = Chains::<T>::contains_key(id);
			let should_index = intent.status.is_open() && !has_chain;
			let is_indexed = match &intent.details.target.cell {
				Some(cell) => OpenIntentsByCell::<T>::contains_key(cell.discovery_cell(), id),
				None => OpenRemoteIntents::<T>::contains_key(id),
			};
			ensure!(should_index == is_indexed, "the discovery index differs from open intents");
			if is_indexed {
				indexed += 1;
			}
			ensure!(
				!matches!(
					intent.status,
					IntentStatus::Completed | IntentStatus::Cancelled | IntentStatus::Expired
				),
				"an ended intent is still stored"
			);
			if let Some((root, step)) = intent.step_of {
				let state = Chains::<T>::get(root)
					.and_then(|c| c.steps.get(usize::from(step)).map(|s| (s.intent, s.state)));
				ensure!(
					matches!(state, Some((i, StepState::Waiting | StepState::Ready | StepState::Running)) if i == id),
					"a step intent does not match its chain"
				);
			}
		}
		let by_cell = OpenIntentsByCell::<T>::iter().count();
		let remote = OpenRemoteIntents::<T>::iter().count();
		ensure!(by_cell + remote == indexed, "the discovery index holds ended intents");
		let mut load = BTreeMap::new();
		for (cell, _, ()) in OpenIntentsByCell::<T>::iter() {
			*load.entry(cell).or_insert(0u32) += 1;
		}
		let counted: BTreeMap<_, _> = CellLoad::<T>::iter().collect();
		ensure!(load == counted, "cell loads differ from the index");
		for (root, chain) in Chains::<T>::iter() {
			let root_intent = Intents::<T>::get(root).ok_or("a chain outlived its root")?;
			ensure!(
				Self::chain_budget(&chain) <= root_intent.details.budget,
				"a chain's live steps exceed its budget"
			);
			for step in chain.steps.iter() {
				let live = matches!(
					step.state,
					StepState::Waiting | StepState::Ready | StepState::Running
				);
				ensure!(
					live == Intents::<T>::contains_key(step.intent),
					"step state and intent differ"
				);
				if step.state == StepState::Ready || step.state == StepState::Running {
					ensure!(
						step.depends_on.iter().all(|d| chain
							.steps
							.get(usize::from(*d))
							.is_some_and(|s| s.state == StepState::Done)),
						"a ready step waits for an unfinished dependency"
					);
				}
			}
		}
		for (deadline, queue) in crate::ExpiryQueue::<T>::iter() {
			ensure!(!queue.is_empty(), "an empty expiry bucket is stored");
			for id in queue.iter() {
				let intent = Intents::<T>::get(id).ok_or("an ended intent holds an expiry slot")?;
				ensure!(
					intent.details.deadline == deadline,
					"an intent queued at another deadline"
				);
			}
		}
		for (id, intent) in Intents::<T>::iter() {
			let now = frame_system::Pallet::<T>::block_number();
			if intent.status.is_open() && intent.details.deadline >= now {
				ensure!(
					crate::ExpiryQueue::<T>::get(intent.details.deadline).contains(&id),
					"an open intent is missing from its expiry bucket"
				);
			}
		}
		for (owner, expected) in held {
			ensure!(
				Self::held(HoldReason::IntentDeposit, &owner) == expected,
				"held intent deposits differ from the intents"
			);
		}
		for (id, charge) in crate::IntentCharges::<T>::iter() {
			let intent = Intents::<T>::get(id).ok_or("an ended intent keeps an agent charge")?;
			ensure!(charge.amount <= intent.deposit, "an agent charge exceeds the deposit");
		}
		for (ailock, charge) in crate::OfferCharges::<T>::iter() {
			let offer =
				crate::Offers::<T>::get(&ailock).ok_or("a withdrawn offer keeps a charge")?;
			ensure!(charge.amount <= offer.deposit, "an agent charge exceeds the deposit");
		}
		let counted: BTreeMap<_, _> = crate::IntentCount::<T>::iter().collect();
		ensure!(counted == owned, "intent counts per owner differ from the intents");
		for (ailock, stored) in crate::Offers::<T>::iter() {
			use ailock_primitives::traits::AilockDirectory;
			ensure!(T::Directory::summary(&ailock).is_some(), "an offer outlived its Ailock");
			ensure!(
				Self::held(HoldReason::OfferDeposit, &ailock) == stored.deposit,
				"held offer deposit differs"
			);
		}
		Ok(())
	}
}
