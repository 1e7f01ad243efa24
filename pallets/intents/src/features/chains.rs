//! Smart chains: proposing, cancelling steps, and progress as steps end.

use crate::{
	types::{ChainStep, IntentDetails, IntentId, IntentStatus, StepState},
	ChainOf, Chains, Config, Error, Event, Intents, Pallet, StepInputOf,
};
use ailock_primitives::{
	chain::{ready_steps, validate_chain, ChainError, StepIndex, StepShape},
	profile::Tag,
	traits::Actor,
};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, BoundedVec};
use sp_core::H256;
use sp_runtime::SaturatedConversion;

impl<T: Config> Pallet<T> {
	/// Validates a chain over an open root and opens each step as a sub-intent.
	pub(crate) fn do_propose_chain(
		actor: Actor<T::AccountId>,
		root: IntentId,
		steps: BoundedVec<StepInputOf<T>, T::MaxChainSteps>,
		provenance: Option<H256>,
	) -> DispatchResult {
		let root_intent = Self::owned_intent(&actor.owner, root)?;
		ensure!(root_intent.step_of.is_none(), Error::<T>::IsChainStep);
		ensure!(root_intent.status == IntentStatus::Open, Error::<T>::NotOpen);
		ensure!(!Chains::<T>::contains_key(root), Error::<T>::ChainExists);
		let shapes: Vec<StepShape<'_>> = steps
			.iter()
			.map(|s| StepShape {
				budget_share: s.budget_share.saturated_into(),
				depends_on: &s.depends_on,
			})
			.collect();
		validate_chain(
			root_intent.details.budget.saturated_into(),
			&shapes,
			T::MaxChainSteps::get(),
		)
		.map_err(Self::chain_error)?;

		let details = &root_intent.details;
		let category: Tag = details.category.clone();
		let mut chain_steps = Vec::with_capacity(steps.len());
		let dependencies: Vec<&[StepIndex]> =
			steps.iter().map(|s| s.depends_on.as_slice()).collect();
		let ready = ready_steps(&dependencies, &alloc::vec![false; steps.len()]);
		for (index, step) in steps.iter().enumerate() {
			let index = index as StepIndex;
			let step_details = IntentDetails {
				title: step.title.clone(),
				description: crate::types::Description::Text(BoundedVec::truncate_from(
					step.deliverable.to_vec(),
				)),
				category: category.clone(),
				skills: step.skills.clone(),
				languages: details.languages.clone(),
				target: step.target.clone(),
				budget: step.budget_share,
				deadline: details.deadline,
				urgency: details.urgency,
				weights: details.weights,
			};
			// A step is an intent like any other: the same rules (a zero share, an empty
			// deliverable or a title with control characters are refused).
			Self::validate_details(&step_details)?;
			let intent = Self::open_intent(actor.clone(), step_details, Some((root, index)))?;
			let state = if ready.contains(&index) { StepState::Ready } else { StepState::Waiting };
			chain_steps.push(ChainStep { intent, depends_on: step.depends_on.clone(), state });
		}
		// The root's steps carry the work; the root leaves discovery.
		Self::remove_from_index(root, &root_intent.details.target);
		let chain: ChainOf<T> =
			crate::types::Chain { steps: BoundedVec::truncate_from(chain_steps), provenance };
		Self::deposit_event(Event::ChainProposed {
			root,
			steps: BoundedVec::truncate_from(
				chain.steps.iter().map(|s| (s.intent, s.depends_on.clone())).collect(),
			),
			ready: BoundedVec::truncate_from(ready.clone()),
			provenance,
		});
		// Every ready step is announced the same way, whether ready from the start or later.
		for step in ready {
			if let Some(entry) = chain.steps.get(usize::from(step)) {
				Self::deposit_event(Event::StepReady { root, step, intent: entry.intent });
			}
		}
		Chains::<T>::insert(root, chain);
		Ok(())
	}

	fn chain_error(error: ChainError) -> DispatchError {
		match error {
			ChainError::NoSteps | ChainError::TooManySteps => Error::<T>::NoSteps,
			ChainError::DanglingDependency { .. } => Error::<T>::DanglingDependency,
			ChainError::SelfDependency { .. } => Error::<T>::SelfDependency,
			ChainError::DuplicateDependency { .. } => Error::<T>::DuplicateDependency,
			ChainError::Cycle { .. } => Error::<T>::CyclicChain,
			ChainError::OverBudget => Error::<T>::SharesExceedBudget,
		}
		.into()
	}

	/// Cancels a step nothing live depends on, ending the chain if it was the last.
	pub(crate) fn do_cancel_step(
		owner: T::AccountId,
		root: IntentId,
		step: StepIndex,
	) -> DispatchResult {
		Self::owned_intent(&owner, root)?;
		let chain = Chains::<T>::get(root).ok_or(Error::<T>::ChainNotFound)?;
		let target = chain.steps.get(usize::from(step)).ok_or(Error::<T>::StepNotFound)?;
		ensure!(!Self::in_auction(target.intent), Error::<T>::InAuction);
		ensure!(
			matches!(target.state, StepState::Waiting | StepState::Ready)
				&& Intents::<T>::get(target.intent).is_some_and(|i| i.status.is_open()),
			Error::<T>::StepNotCancellable
		);
		ensure!(
			!chain
				.steps
				.iter()
				.any(|s| s.state != StepState::Cancelled && s.depends_on.contains(&step)),
			Error::<T>::StepHasDependents
		);
		Self::end_intent(target.intent, IntentStatus::Cancelled);
		Self::step_ended(root, step, StepState::Cancelled);
		Ok(())
	}

	pub(crate) fn set_step_state(root: IntentId, step: StepIndex, state: StepState) {
		Chains::<T>::mutate(root, |chain| {
			if let Some(entry) = chain.as_mut().and_then(|c| c.steps.get_mut(usize::from(step))) {
				entry.state = state;
			}
		});
	}

	/// A step ended (`Done` or `Cancelled`): mark dependents ready, and end the chain and its
	/// root when every step has ended — completed if any step was done, cancelled otherwise.
	pub(crate) fn step_ended(root: IntentId, step: StepIndex, state: StepState) {
		let Some(mut chain) = Chains::<T>::get(root) else { return };
		if let Some(entry) = chain.steps.get_mut(usize::from(step)) {
			entry.state = state;
		}
		let done: Vec<bool> = chain.steps.iter().map(|s| s.state == StepState::Done).collect();
		let dependencies: Vec<&[StepIndex]> =
			chain.steps.iter().map(|s| s.depends_on.as_slice()).collect();
		let newly_ready: Vec<StepIndex> = ready_steps(&dependencies, &done)
			.into_iter()
			.filter(|i| {
				chain.steps.get(usize::from(*i)).is_some_and(|s| s.state == StepState::Waiting)
			})
			.collect();
		for index in &newly_ready {
			if let Some(entry) = chain.steps.get_mut(usize::from(*index)) {
				entry.state = StepState::Ready;
				Self::deposit_event(Event::StepReady { root, step: *index, intent: entry.intent });
			}
		}
		let all_ended =
			chain.steps.iter().all(|s| matches!(s.state, StepState::Done | StepState::Cancelled));
		if all_ended {
			let any_done = chain.steps.iter().any(|s| s.state == StepState::Done);
			Chains::<T>::remove(root);
			if any_done {
				Self::deposit_event(Event::ChainCompleted { root });
				Self::end_intent(root, IntentStatus::Completed);
			} else {
				Self::end_intent(root, IntentStatus::Cancelled);
			}
		} else {
			Chains::<T>::insert(root, chain);
		}
	}

	/// The sum of a chain's shares (for invariants).
	pub(crate) fn chain_budget(chain: &ChainOf<T>) -> crate::BalanceOf<T> {
		chain
			.steps
			.iter()
			.filter_map(|s| Intents::<T>::get(s.intent).map(|i| i.details.budget))
			.fold(Default::default(), |a: crate::BalanceOf<T>, b| {
				sp_runtime::traits::Saturating::saturating_add(a, b)
			})
	}
}
