//! `try_state` invariants: indexes match storage, chains are consistent, deposits are held.

#![cfg(any(feature = "try-runtime", test))]

use crate::{
	types::{IntentStatus, StepState},
	CellLoad, Chains, Config, HoldReason, Intents, OpenIntentsByCell, OpenRemoteIntents, Pallet,
};
use alloc::collections::BTreeMap;
use frame_support::ensure;
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut held: BTreeMap<T::AccountId, crate::BalanceOf<T>> = BTreeMap::new();
		let mut indexed = 0usize;
		for (id, intent) in Intents::<T>::iter() {
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
		for (owner, expected) in held {
			ensure!(
				Self::held(HoldReason::IntentDeposit, &owner) == expected,
				"held intent deposits differ from the intents"
			);
		}
		for (ailock, stored) in crate::Offers::<T>::iter() {
			ensure!(
				Self::held(HoldReason::OfferDeposit, &ailock) == stored.deposit,
				"held offer deposit differs"
			);
		}
		Ok(())
	}
}
