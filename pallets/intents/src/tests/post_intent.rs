use super::*;
use crate::{Error, Event, ExpiryQueue, OpenIntentsByCell, OpenedThisBlock};
use frame_support::assert_noop;
use sp_runtime::Perbill;

#[test]
fn posts_indexes_queues_and_holds_the_deposit() {
	test(|| {
		let details = translation(2_000);
		let id = post(ALICE, details.clone());
		let stored = intent(id);
		assert_eq!(
			(stored.owner, stored.status, stored.step_of),
			(ALICE, IntentStatus::Open, None)
		);
		let deposit =
			INTENT_DEPOSIT + INTENT_BYTE_DEPOSIT * codec::Encode::encoded_size(&details) as u128;
		assert_eq!(stored.deposit, deposit);
		assert_eq!(held_for_intents(ALICE), deposit);
		assert!(OpenIntentsByCell::<Test>::contains_key(cell("u281"), id));
		assert_eq!(ExpiryQueue::<Test>::get(100).to_vec(), vec![id]);
		assert_eq!(OpenedThisBlock::<Test>::get().to_vec(), vec![id]);
		System::assert_last_event(
			Event::IntentPosted {
				intent: id,
				owner: ALICE,
				agent: None,
				details,
				step_of: None,
				status: IntentStatus::Open,
				deposit,
			}
			.into(),
		);
		assert_eq!(post(BOB, translation(10)), id + 1);
	});
}

#[test]
fn validates_every_field() {
	test(|| {
		let with = |f: &dyn Fn(&mut DetailsOf<Test>)| {
			let mut d = translation(2_000);
			f(&mut d);
			Intents::post_intent(RuntimeOrigin::signed(ALICE), d)
		};
		assert_noop!(
			with(&|d| d.title = BoundedVec::truncate_from(b"  ".to_vec())),
			Error::<Test>::InvalidTitle
		);
		assert_noop!(
			with(&|d| d.description = Description::Text(BoundedVec::new())),
			Error::<Test>::InvalidDescription
		);
		assert_noop!(
			with(&|d| d.description = Description::Hashed {
				hash: H256::zero(),
				uri: BoundedVec::truncate_from(b"http://x.org".to_vec())
			}),
			Error::<Test>::InvalidDescription
		);
		assert_ok!(with(&|d| d.description = Description::Hashed {
			hash: H256::repeat_byte(1),
			uri: BoundedVec::truncate_from(b"ipfs://bafyspec".to_vec())
		}));
		assert_noop!(
			with(&|d| d.category = BoundedVec::truncate_from(b"Events!".to_vec())),
			Error::<Test>::InvalidTag
		);
		assert_noop!(with(&|d| d.skills = skills(&["a", "a"])), Error::<Test>::DuplicateSkill);
		assert_noop!(
			with(&|d| d.languages = BoundedVec::truncate_from(vec![LanguageCode(*b"DE")])),
			Error::<Test>::InvalidLanguage
		);
		assert_noop!(with(&|d| d.target.cell = Some(cell("u2"))), Error::<Test>::InvalidCell);
		assert_noop!(
			with(&|d| d.target.cell = Some(cell("u281z7u281"))),
			Error::<Test>::InvalidCell
		);
		assert_noop!(with(&|d| d.target.cell = None), Error::<Test>::CellRequired);
		assert_ok!(with(&|d| {
			d.target.cell = None;
			d.target.flexibility = Flexibility::Global;
		}));
		assert_noop!(
			with(&|d| d.target.country = Some(codec::Decode::decode(&mut &b"de"[..]).unwrap())),
			Error::<Test>::InvalidCountry
		);
		assert_noop!(with(&|d| d.budget = 0), Error::<Test>::ZeroBudget);
		assert_noop!(with(&|d| d.deadline = 1), Error::<Test>::DeadlineInPast);
		assert_noop!(with(&|d| d.deadline = 2 + MAX_DEADLINE), Error::<Test>::DeadlineTooFar);
		assert_noop!(
			with(&|d| d.weights.price = Perbill::from_percent(30)),
			Error::<Test>::InvalidWeights
		);
	});
}

#[test]
fn bounded_by_cell_bucket_and_funds() {
	test(|| {
		for _ in 0..MAX_EXPIRIES - 1 {
			post(BOB, translation(5));
		}
		let mut other_cell = translation(5);
		other_cell.target.cell = Some(cell("xn774"));
		post(BOB, other_cell);
		assert_noop!(
			Intents::post_intent(RuntimeOrigin::signed(BOB), translation(5)),
			Error::<Test>::ExpiryBucketFull
		);
		let mut later = translation(5);
		later.deadline = 200;
		for _ in 0..(MAX_PER_CELL_INTENTS - (MAX_EXPIRIES - 1)) {
			assert_ok!(Intents::post_intent(RuntimeOrigin::signed(BOB), later.clone()));
		}
		later.deadline = 300;
		assert_noop!(
			Intents::post_intent(RuntimeOrigin::signed(BOB), later),
			Error::<Test>::CellFull
		);
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&CHARLIE, 1);
		assert_noop!(
			Intents::post_intent(RuntimeOrigin::signed(CHARLIE), translation(5)),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn an_agent_posts_for_its_owner_within_the_cap() {
	test(|| {
		let scope = BoundedVec::truncate_from(vec![pallet_did::types::CallScope {
			pallet: BoundedVec::truncate_from(b"Intents".to_vec()),
			call: Some(BoundedVec::truncate_from(b"post_intent".to_vec())),
		}]);
		assert_ok!(pallet_did::Pallet::<Test>::authorize_agent(
			RuntimeOrigin::signed(ALICE),
			ALICE,
			AGENT,
			scope,
			2_500,
			100,
			1_000
		));
		let as_agent = |budget| {
			pallet_did::Pallet::<Test>::dispatch_as_agent(
				RuntimeOrigin::signed(AGENT),
				Box::new(RuntimeCall::Intents(crate::Call::post_intent {
					details: translation(budget),
				})),
			)
		};
		let id = crate::NextIntentId::<Test>::get();
		assert_ok!(as_agent(2_000));
		assert_eq!(intent(id).owner, ALICE);
		assert!(held_for_intents(ALICE) > 0 && held_for_intents(AGENT) == 0);
		assert_noop!(as_agent(501), pallet_did::Error::<Test>::SpendingCapExceeded);
	});
}
