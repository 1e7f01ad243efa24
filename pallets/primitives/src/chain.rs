//! Smart chains: a complex intent split into steps with budget shares and dependencies.
//!
//! [`validate_chain`] is the one check the runtime applies to a proposed chain and the
//! orchestrator applies to a plan before proposing it: every dependency names another existing
//! step, there are no cycles, and the shares fit the root budget. It returns the steps in an
//! order that respects every dependency. [`ready_steps`] tells which steps may start.
//! Both run in `O(steps + dependencies)`.

use crate::Balance;
use alloc::vec::Vec;

/// Identifier of an intent (a root intent, or a step of a chain): what the market pallets,
/// the orchestrator and clients all call an intent by.
pub type IntentId = u64;

/// Index of a step within its chain.
pub type StepIndex = u16;

/// What [`validate_chain`] needs of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepShape<'a> {
	/// The step's share of the root budget.
	pub budget_share: Balance,
	/// The steps that must complete first.
	pub depends_on: &'a [StepIndex],
}

/// The provenance of an AI decomposition recorded with a chain: BLAKE2-256 of the
/// SCALE-encoded (length-prefixed, so unambiguous) model name, prompt and plan.
pub fn provenance_hash(model: &str, prompt: &str, plan: &str) -> [u8; 32] {
	sp_io::hashing::blake2_256(&codec::Encode::encode(&(model, prompt, plan)))
}

/// Why a chain is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainError {
	/// A chain has at least one step.
	NoSteps,
	/// More steps than allowed.
	TooManySteps,
	/// A step depends on a step that does not exist.
	DanglingDependency {
		/// The step.
		step: StepIndex,
		/// The missing step it names.
		dependency: StepIndex,
	},
	/// A step depends on itself.
	SelfDependency {
		/// The step.
		step: StepIndex,
	},
	/// A step names the same dependency twice.
	DuplicateDependency {
		/// The step.
		step: StepIndex,
	},
	/// The dependencies form a cycle through this step.
	Cycle {
		/// A step on the cycle.
		step: StepIndex,
	},
	/// The shares add up to more than the root budget.
	OverBudget,
}

impl core::fmt::Display for ChainError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			ChainError::NoSteps => write!(f, "a chain has at least one step"),
			ChainError::TooManySteps => write!(f, "too many steps"),
			ChainError::DanglingDependency { step, dependency } => {
				write!(f, "step {step} depends on step {dependency}, which does not exist")
			},
			ChainError::SelfDependency { step } => write!(f, "step {step} depends on itself"),
			ChainError::DuplicateDependency { step } => {
				write!(f, "step {step} names a dependency twice")
			},
			ChainError::Cycle { step } => write!(f, "the dependencies cycle through step {step}"),
			ChainError::OverBudget => write!(f, "the shares exceed the root budget"),
		}
	}
}

impl core::error::Error for ChainError {}

/// Checks a chain of `steps` under a root `budget` with at most `max_steps` steps, and returns
/// the step indices in a dependency-respecting order (Kahn's algorithm; ties by index).
pub fn validate_chain(
	budget: Balance,
	steps: &[StepShape<'_>],
	max_steps: u32,
) -> Result<Vec<StepIndex>, ChainError> {
	if steps.is_empty() {
		return Err(ChainError::NoSteps);
	}
	if steps.len() > max_steps as usize || steps.len() > usize::from(StepIndex::MAX) {
		return Err(ChainError::TooManySteps);
	}
	let count = steps.len();
	let mut total: Balance = 0;
	let mut waiting_on = alloc::vec![0usize; count];
	let mut dependents: Vec<Vec<StepIndex>> = alloc::vec![Vec::new(); count];
	for (index, step) in steps.iter().enumerate() {
		let me = index as StepIndex;
		total = total.checked_add(step.budget_share).ok_or(ChainError::OverBudget)?;
		for (position, dependency) in step.depends_on.iter().enumerate() {
			if *dependency == me {
				return Err(ChainError::SelfDependency { step: me });
			}
			if usize::from(*dependency) >= count {
				return Err(ChainError::DanglingDependency { step: me, dependency: *dependency });
			}
			if step.depends_on.get(..position).is_some_and(|earlier| earlier.contains(dependency)) {
				return Err(ChainError::DuplicateDependency { step: me });
			}
			if let Some(waiting) = waiting_on.get_mut(index) {
				*waiting = waiting.saturating_add(1);
			}
			if let Some(list) = dependents.get_mut(usize::from(*dependency)) {
				list.push(me);
			}
		}
	}
	if total > budget {
		return Err(ChainError::OverBudget);
	}

	let mut order = Vec::with_capacity(count);
	let mut ready: Vec<StepIndex> = waiting_on
		.iter()
		.enumerate()
		.filter(|(_, waiting)| **waiting == 0)
		.map(|(i, _)| i as StepIndex)
		.collect();
	// Popping the smallest index keeps the order stable (lists are short; steps are bounded).
	while let Some(position) = ready.iter().enumerate().min_by_key(|(_, s)| **s).map(|(p, _)| p) {
		let step = ready.swap_remove(position);
		order.push(step);
		for dependent in dependents.get(usize::from(step)).map(Vec::as_slice).unwrap_or_default() {
			if let Some(waiting) = waiting_on.get_mut(usize::from(*dependent)) {
				*waiting = waiting.saturating_sub(1);
				if *waiting == 0 {
					ready.push(*dependent);
				}
			}
		}
	}
	if order.len() < count {
		let stuck = waiting_on.iter().position(|waiting| *waiting > 0).unwrap_or_default();
		return Err(ChainError::Cycle { step: stuck as StepIndex });
	}
	Ok(order)
}

/// The steps not yet `done` whose dependencies are all `done` (for a validated chain).
pub fn ready_steps(dependencies: &[&[StepIndex]], done: &[bool]) -> Vec<StepIndex> {
	dependencies
		.iter()
		.enumerate()
		.filter(|(index, deps)| {
			!done.get(*index).copied().unwrap_or(false)
				&& deps.iter().all(|d| done.get(usize::from(*d)).copied().unwrap_or(false))
		})
		.map(|(index, _)| index as StepIndex)
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn shapes<'a>(steps: &'a [(Balance, Vec<StepIndex>)]) -> Vec<StepShape<'a>> {
		steps
			.iter()
			.map(|(share, deps)| StepShape { budget_share: *share, depends_on: deps })
			.collect()
	}

	/// The Berlin conference: venue and speakers first, then catering and marketing, then the
	/// event itself.
	fn conference() -> Vec<(Balance, Vec<StepIndex>)> {
		vec![
			(3_000, vec![]),     // 0 venue
			(2_000, vec![]),     // 1 speakers
			(1_500, vec![0]),    // 2 catering
			(1_000, vec![0, 1]), // 3 marketing
			(500, vec![2, 3]),   // 4 run the day
		]
	}

	#[test]
	fn orders_a_valid_chain_and_tracks_readiness() {
		let steps = conference();
		assert_eq!(validate_chain(8_000, &shapes(&steps), 12), Ok(vec![0, 1, 2, 3, 4]));
		let deps: Vec<&[StepIndex]> = steps.iter().map(|(_, d)| d.as_slice()).collect();
		assert_eq!(ready_steps(&deps, &[false; 5]), vec![0, 1]);
		assert_eq!(ready_steps(&deps, &[true, false, false, false, false]), vec![1, 2]);
		assert_eq!(ready_steps(&deps, &[true, true, true, true, false]), vec![4]);
		assert!(ready_steps(&deps, &[true; 5]).is_empty());
	}

	#[test]
	fn refuses_bad_chains_with_distinct_errors() {
		let mut steps = conference();
		steps[0].1 = vec![4];
		assert!(matches!(
			validate_chain(8_000, &shapes(&steps), 12),
			Err(ChainError::Cycle { .. })
		));
		let mut steps = conference();
		steps[2].1 = vec![9];
		assert_eq!(
			validate_chain(8_000, &shapes(&steps), 12),
			Err(ChainError::DanglingDependency { step: 2, dependency: 9 })
		);
		let mut steps = conference();
		steps[3].1 = vec![3];
		assert_eq!(
			validate_chain(8_000, &shapes(&steps), 12),
			Err(ChainError::SelfDependency { step: 3 })
		);
		let mut steps = conference();
		steps[4].1 = vec![2, 2];
		assert_eq!(
			validate_chain(8_000, &shapes(&steps), 12),
			Err(ChainError::DuplicateDependency { step: 4 })
		);
		assert_eq!(validate_chain(7_999, &shapes(&conference()), 12), Err(ChainError::OverBudget));
		assert_eq!(validate_chain(8_000, &shapes(&conference()), 4), Err(ChainError::TooManySteps));
		assert_eq!(validate_chain(8_000, &[], 12), Err(ChainError::NoSteps));
		let huge = [(Balance::MAX, vec![]), (1, vec![])];
		assert_eq!(validate_chain(Balance::MAX, &shapes(&huge), 12), Err(ChainError::OverBudget));
	}

	prop_compose! {
		/// A random DAG: each step depends on some earlier steps.
		fn dag()(size in 1usize..=16)(
			edges in proptest::collection::vec(proptest::collection::btree_set(0usize..16, 0..4), size),
			shares in proptest::collection::vec(0u128..1_000, size),
		) -> Vec<(Balance, Vec<StepIndex>)> {
			edges
				.into_iter()
				.enumerate()
				.map(|(i, deps)| {
					let deps = deps.into_iter().filter(|d| *d < i).map(|d| d as StepIndex).collect();
					(shares[i], deps)
				})
				.collect()
		}
	}

	proptest! {
		#[test]
		fn every_dag_is_accepted_in_dependency_order(steps in dag()) {
			let budget: Balance = steps.iter().map(|(s, _)| s).sum();
			let order = validate_chain(budget, &shapes(&steps), 16).unwrap();
			prop_assert_eq!(order.len(), steps.len());
			let position = |s: StepIndex| order.iter().position(|o| *o == s).unwrap();
			for (index, (_, deps)) in steps.iter().enumerate() {
				for dep in deps {
					prop_assert!(position(*dep) < position(index as StepIndex));
				}
			}
		}

		#[test]
		fn a_back_edge_makes_a_cycle(steps in dag(), pick in any::<prop::sample::Index>()) {
			// Find a step with a dependency and make that dependency depend on it.
			let with_deps: Vec<usize> =
				steps.iter().enumerate().filter(|(_, (_, d))| !d.is_empty()).map(|(i, _)| i).collect();
			prop_assume!(!with_deps.is_empty());
			let step = with_deps[pick.index(with_deps.len())];
			let dependency = usize::from(steps[step].1[0]);
			let mut cyclic = steps.clone();
			cyclic[dependency].1.push(step as StepIndex);
			let budget: Balance = steps.iter().map(|(s, _)| s).sum();
			let cycle = matches!(
				validate_chain(budget, &shapes(&cyclic), 16),
				Err(ChainError::Cycle { .. })
			);
			prop_assert!(cycle, "a back edge to step {} goes unnoticed", step);
		}

		#[test]
		fn shares_must_fit_the_budget(steps in dag()) {
			let total: Balance = steps.iter().map(|(s, _)| s).sum();
			prop_assume!(total > 0);
			prop_assert_eq!(
				validate_chain(total - 1, &shapes(&steps), 16),
				Err(ChainError::OverBudget)
			);
		}
	}
}
