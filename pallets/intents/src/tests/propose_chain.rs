use super::*;
use crate::{Chains, Error, Event, OpenIntentsByCell};
use frame_support::assert_noop;

#[test]
fn the_berlin_conference_becomes_five_linked_steps() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		let provenance = Some(H256::repeat_byte(9));
		assert_ok!(Intents::propose_chain(
			RuntimeOrigin::signed(ALICE),
			root,
			BoundedVec::truncate_from(conference_steps()),
			provenance
		));
		let chain = Chains::<Test>::get(root).expect("chain");
		let states: Vec<StepState> = chain.steps.iter().map(|s| s.state).collect();
		use StepState::*;
		assert_eq!(states, vec![Ready, Ready, Waiting, Waiting, Waiting]);
		assert_eq!(chain.provenance, provenance);
		for (index, step) in chain.steps.iter().enumerate() {
			let sub = intent(step.intent);
			assert_eq!(sub.step_of, Some((root, index as u16)));
			assert_eq!(sub.details.deadline, 100);
			assert!(OpenIntentsByCell::<Test>::contains_key(cell("u33d"), step.intent));
		}
		assert!(
			!OpenIntentsByCell::<Test>::contains_key(cell("u33d"), root),
			"the root left discovery"
		);
		System::assert_has_event(
			Event::ChainProposed {
				root,
				steps: BoundedVec::truncate_from(
					chain.steps.iter().map(|s| (s.intent, s.depends_on.clone())).collect(),
				),
				ready: BoundedVec::truncate_from(vec![0, 1]),
				provenance,
			}
			.into(),
		);
		// The steps ready from the start are announced like the ones that become ready later.
		let announced: Vec<(u16, IntentId)> = System::events()
			.into_iter()
			.filter_map(|record| match record.event {
				RuntimeEvent::Intents(Event::StepReady { root: r, step, intent }) if r == root => {
					Some((step, intent))
				},
				_ => None,
			})
			.collect();
		assert_eq!(announced, vec![(0, chain.steps[0].intent), (1, chain.steps[1].intent)]);
	});
}

/// ALICE proposes `steps` for `root`, without provenance.
fn alice_proposes(root: IntentId, steps: Vec<StepInputOf<Test>>) -> sp_runtime::DispatchResult {
	Intents::propose_chain(
		RuntimeOrigin::signed(ALICE),
		root,
		BoundedVec::truncate_from(steps),
		None,
	)
}

#[test]
fn a_step_follows_the_rules_of_any_intent() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		let propose = |steps| alice_proposes(root, steps);
		let mut free = conference_steps();
		free[1].budget_share = 0;
		assert_noop!(propose(free), Error::<Test>::ZeroBudget);
		let mut nothing = conference_steps();
		nothing[3].deliverable = BoundedVec::new();
		assert_noop!(propose(nothing), Error::<Test>::InvalidDescription);
		let mut control = conference_steps();
		control[2].title = BoundedVec::truncate_from(b"Cater\x07ing".to_vec());
		assert_noop!(propose(control), Error::<Test>::InvalidTitle);
	});
}

/// The conference's steps changed by `change` are refused with `error` for an open root.
fn chain_refused(change: impl Fn(&mut Vec<StepInputOf<Test>>), error: Error<Test>) {
	test(|| {
		let root = post(ALICE, conference(8_000));
		let mut steps = conference_steps();
		change(&mut steps);
		assert_noop!(alice_proposes(root, steps), error);
	});
}

#[test]
fn a_cyclic_chain_is_refused() {
	chain_refused(
		|s| s[0].depends_on = BoundedVec::truncate_from(vec![4]),
		Error::<Test>::CyclicChain,
	);
}

#[test]
fn a_dependency_on_a_missing_step_is_refused() {
	chain_refused(
		|s| s[1].depends_on = BoundedVec::truncate_from(vec![7]),
		Error::<Test>::DanglingDependency,
	);
}

#[test]
fn a_step_depending_on_itself_is_refused() {
	chain_refused(
		|s| s[1].depends_on = BoundedVec::truncate_from(vec![1]),
		Error::<Test>::SelfDependency,
	);
}

#[test]
fn a_dependency_named_twice_is_refused() {
	chain_refused(
		|s| s[4].depends_on = BoundedVec::truncate_from(vec![2, 2]),
		Error::<Test>::DuplicateDependency,
	);
}

#[test]
fn shares_over_the_root_budget_are_refused() {
	chain_refused(|s| s[0].budget_share = 3_001, Error::<Test>::SharesExceedBudget);
}

#[test]
fn a_chain_without_steps_is_refused() {
	chain_refused(|s| s.clear(), Error::<Test>::NoSteps);
}

#[test]
fn a_step_without_a_title_is_refused() {
	chain_refused(|s| s[2].title = BoundedVec::new(), Error::<Test>::InvalidTitle);
}

#[test]
fn only_the_owner_proposes_a_chain() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		assert_noop!(
			Intents::propose_chain(
				RuntimeOrigin::signed(BOB),
				root,
				BoundedVec::truncate_from(conference_steps()),
				None
			),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn a_chain_needs_an_existing_root() {
	test(|| {
		assert_noop!(alice_proposes(99, conference_steps()), Error::<Test>::IntentNotFound);
	});
}

#[test]
fn a_root_takes_one_chain() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		assert_ok!(alice_proposes(root, conference_steps()));
		assert_noop!(alice_proposes(root, conference_steps()), Error::<Test>::ChainExists);
	});
}

#[test]
fn a_step_cannot_be_split_again() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		assert_ok!(alice_proposes(root, conference_steps()));
		let step_id = Chains::<Test>::get(root).expect("chain").steps[0].intent;
		assert_noop!(alice_proposes(step_id, conference_steps()), Error::<Test>::IsChainStep);
	});
}

#[test]
fn a_root_in_auction_cannot_be_split() {
	test(|| {
		let root = post(ALICE, conference(8_000));
		assert_ok!(<Intents as ailock_primitives::traits::IntentLifecycle<_>>::start_auction(root));
		assert_noop!(alice_proposes(root, conference_steps()), Error::<Test>::NotOpen);
	});
}

#[test]
fn a_chain_takes_twelve_steps() {
	test(|| {
		let root = post(ALICE, conference(12_000));
		let steps: Vec<_> = (0..MAX_STEPS as u16)
			.map(|i| step("Step", 1_000, if i == 0 { &[] } else { &[0] }))
			.collect();
		let mut steps = steps;
		// Each step after the first waits for its predecessor: a straight line of twelve.
		for (i, s) in steps.iter_mut().enumerate().skip(1) {
			s.depends_on = BoundedVec::truncate_from(vec![(i - 1) as u16]);
		}
		assert_ok!(Intents::propose_chain(
			RuntimeOrigin::signed(ALICE),
			root,
			BoundedVec::truncate_from(steps),
			None
		));
		assert_eq!(Chains::<Test>::get(root).expect("chain").steps.len(), MAX_STEPS as usize);
	});
}
