//! What the auction pallet reads and changes: offerings, reopening, and intents in an auction
//! kept from cancellation and expiry.

use super::*;
use crate::{Error, Event};
use ailock_primitives::traits::{AuctionLot, AuctionableIntents, IntentLifecycle};
use frame_support::assert_noop;

fn lots(intent: IntentId) -> Vec<AuctionLot<Balance, u64>> {
	<Intents as AuctionableIntents<_, _, _>>::offering(intent).expect("stored").lots
}

#[test]
fn an_open_intent_offers_itself_with_its_budget_and_deadline() {
	with_alice_translating().build_and_execute(|| {
		let offering = <Intents as AuctionableIntents<_, _, _>>::offering(0).expect("stored");
		assert_eq!(offering.owner, ALICE);
		assert_eq!(offering.target, intent(0).details.target.location());
		assert_eq!(offering.lots, vec![AuctionLot { intent: 0, reserve: 2_000, deadline: 100 }]);
		assert!(<Intents as AuctionableIntents<_, _, _>>::offering(9).is_none());
	});
}

#[test]
fn a_chain_offers_its_ready_open_steps() {
	test(|| {
		let (root, ids) = conference_chain();
		let ready: Vec<IntentId> = lots(root).into_iter().map(|lot| lot.intent).collect();
		assert_eq!(ready, vec![ids[0], ids[1]]);
		assert_eq!(lots(root)[0].reserve, 3_000);
		assert_ok!(<Intents as IntentLifecycle<_>>::start_auction(ids[0]));
		let ready: Vec<IntentId> = lots(root).into_iter().map(|lot| lot.intent).collect();
		assert_eq!(ready, vec![ids[1]], "a step in an auction is not offered again");
		// A step alone offers nothing: it is auctioned through its chain.
		assert!(lots(ids[1]).is_empty());
	});
}

#[test]
fn awarded_work_offers_nothing() {
	with_alice_translating().build_and_execute(|| {
		assert_ok!(<Intents as IntentLifecycle<_>>::award(0, &BOB));
		assert!(lots(0).is_empty());
	});
}

#[test]
fn reopening_returns_an_intent_in_an_auction_to_open() {
	with_alice_translating().build_and_execute(|| {
		assert_ok!(<Intents as IntentLifecycle<_>>::start_auction(0));
		assert_ok!(<Intents as IntentLifecycle<_>>::reopen(0));
		assert_eq!(intent(0).status, IntentStatus::Open);
		System::assert_last_event(
			Event::IntentStatusChanged {
				intent: 0,
				status: IntentStatus::Open,
				provider: None,
				deposit_released: 0,
			}
			.into(),
		);
	});
}

#[test]
fn only_an_intent_in_an_auction_is_reopened() {
	with_alice_translating().build_and_execute(|| {
		assert_noop!(<Intents as IntentLifecycle<_>>::reopen(0), Error::<Test>::InvalidTransition);
		assert_noop!(<Intents as IntentLifecycle<_>>::reopen(9), Error::<Test>::IntentNotFound);
	});
}

#[test]
fn expiry_leaves_an_intent_in_an_auction_alone_and_reopening_expires_it() {
	with_alice_translating().build_and_execute(|| {
		assert_ok!(<Intents as IntentLifecycle<_>>::start_auction(0));
		// The deadline is block 100: expiry runs at 101 and skips it.
		run_to(101);
		assert_eq!(intent(0).status, IntentStatus::Auctioning);
		assert_ok!(<Intents as IntentLifecycle<_>>::reopen(0));
		assert!(IntentsStorage::<Test>::get(0).is_none());
		assert_eq!(held_for_intents(ALICE), 0);
		System::assert_has_event(
			Event::IntentStatusChanged {
				intent: 0,
				status: IntentStatus::Expired,
				provider: None,
				deposit_released: intent_deposit(&translation(2_000)),
			}
			.into(),
		);
	});
}

#[test]
fn an_intent_in_an_auction_is_not_cancelled() {
	with_alice_translating().build_and_execute(|| {
		assert_ok!(<Intents as IntentLifecycle<_>>::start_auction(0));
		assert_noop!(
			Intents::cancel_intent(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::InAuction
		);
	});
}

#[test]
fn a_chain_with_a_step_in_an_auction_is_not_cancelled() {
	test(|| {
		let (root, ids) = conference_chain();
		assert_ok!(<Intents as IntentLifecycle<_>>::start_auction(ids[0]));
		assert_noop!(
			Intents::cancel_intent(RuntimeOrigin::signed(ALICE), root),
			Error::<Test>::InAuction
		);
	});
}

#[test]
fn a_step_in_an_auction_is_not_cancelled() {
	test(|| {
		let (root, ids) = conference_chain();
		// Speakers (step 1) is in an auction: that rule comes before its dependents.
		assert_ok!(<Intents as IntentLifecycle<_>>::start_auction(ids[1]));
		assert_noop!(
			Intents::cancel_step(RuntimeOrigin::signed(ALICE), root, 1),
			Error::<Test>::InAuction
		);
	});
}
