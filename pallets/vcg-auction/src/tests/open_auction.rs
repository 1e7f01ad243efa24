use super::*;
use crate::{AuctionOfIntent, Auctions, Error, Event, HoldReason};
use frame_support::assert_noop;

#[test]
fn opens_on_an_open_intent_holding_its_reserve_and_a_deposit() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		let auction = Auctions::<Test>::get(id).expect("stored");
		assert_eq!(auction.lots.to_vec(), vec![Lot { intent: 0, reserve: 2_000 }]);
		assert_eq!((auction.commit_end, auction.reveal_end), (6, 11));
		// 5 % of the reserve, above the floor.
		assert_eq!(auction.bond, 100);
		assert_eq!(held(HoldReason::Payment, REQUESTER), 2_000);
		assert!(auction.deposit > AUCTION_DEPOSIT);
		assert_eq!(held(HoldReason::AuctionDeposit, REQUESTER), auction.deposit);
		assert_eq!(status(0), Some(None));
		assert_eq!(AuctionOfIntent::<Test>::get(0), Some(id));
		System::assert_last_event(
			Event::AuctionOpened {
				auction: id,
				requester: REQUESTER,
				intent: 0,
				lots: auction.lots.clone(),
				factors: same_city_bonus(),
				commit_end: 6,
				reveal_end: 11,
				bond: 100,
				reserve_held: 2_000,
				deposit: auction.deposit,
			}
			.into(),
		);
	});
}

#[test]
fn a_small_reserve_still_holds_the_minimum_bond() {
	ExtBuilder::default()
		.with_intent(0, intent(REQUESTER, 100, Some(cell("u281z"))))
		.build_and_execute(|| {
			let id = open_with(0, same_city_bonus());
			assert_eq!(Auctions::<Test>::get(id).expect("stored").bond, MIN_BOND);
		});
}

#[test]
fn opens_on_a_chains_open_steps_only() {
	berlin_chain().build_and_execute(|| {
		// Step 2 was awarded in an earlier auction.
		MockIntents::mutate(2, |i| i.as_mut().expect("stored").status = Some(Some(MUNICH)));
		let id = open_with(0, same_city_bonus());
		let auction = Auctions::<Test>::get(id).expect("stored");
		assert_eq!(
			auction.lots.to_vec(),
			vec![Lot { intent: 1, reserve: 1_000 }, Lot { intent: 3, reserve: 1_000 }]
		);
		assert_eq!(held(HoldReason::Payment, REQUESTER), 2_000);
		assert_eq!((status(1), status(3)), (Some(None), Some(None)));
	});
}

#[test]
fn only_a_stored_intent_is_auctioned() {
	munich_translation().build_and_execute(|| {
		assert_noop!(
			Auction::open_auction(RuntimeOrigin::signed(REQUESTER), 9, 5, 5, same_city_bonus()),
			Error::<Test>::IntentNotFound
		);
	});
}

#[test]
fn only_the_owner_auctions_its_intent() {
	munich_translation().build_and_execute(|| {
		assert_noop!(
			Auction::open_auction(RuntimeOrigin::signed(MUNICH), 0, 5, 5, same_city_bonus()),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn an_intent_in_an_auction_is_not_auctioned_again() {
	munich_translation().build_and_execute(|| {
		open_with(0, same_city_bonus());
		assert_noop!(
			Auction::open_auction(RuntimeOrigin::signed(REQUESTER), 0, 5, 5, same_city_bonus()),
			Error::<Test>::NothingToAuction
		);
	});
}

#[test]
fn an_auction_sells_at_most_max_steps_lots() {
	let steps: Vec<IntentId> = (1..=u64::from(MAX_STEPS) + 1).collect();
	let mut root = intent(REQUESTER, 13_000, Some(cell("u33db")));
	root.steps = Some(steps.clone());
	steps
		.iter()
		.fold(ExtBuilder::default().with_intent(0, root), |world, id| {
			world.with_intent(*id, intent(REQUESTER, 1_000, Some(cell("u33db"))))
		})
		.build_and_execute(|| {
			assert_noop!(
				Auction::open_auction(RuntimeOrigin::signed(REQUESTER), 0, 5, 5, same_city_bonus()),
				Error::<Test>::TooManyLots
			);
		});
}

#[test]
fn the_commit_period_is_bounded() {
	munich_translation().build_and_execute(|| {
		for period in [MIN_COMMIT - 1, MAX_PERIOD + 1] {
			assert_noop!(
				Auction::open_auction(
					RuntimeOrigin::signed(REQUESTER),
					0,
					period,
					5,
					same_city_bonus()
				),
				Error::<Test>::InvalidCommitPeriod
			);
		}
	});
}

#[test]
fn the_reveal_period_spans_two_rounds_of_authors() {
	munich_translation().build_and_execute(|| {
		Authorities::set(3);
		assert_noop!(
			Auction::open_auction(RuntimeOrigin::signed(REQUESTER), 0, 5, 5, same_city_bonus()),
			Error::<Test>::InvalidRevealPeriod
		);
		assert_ok!(Auction::open_auction(
			RuntimeOrigin::signed(REQUESTER),
			0,
			5,
			6,
			same_city_bonus()
		));
	});
}

#[test]
fn the_reveal_period_is_bounded() {
	munich_translation().build_and_execute(|| {
		for period in [MIN_REVEAL - 1, MAX_PERIOD + 1] {
			assert_noop!(
				Auction::open_auction(
					RuntimeOrigin::signed(REQUESTER),
					0,
					5,
					period,
					same_city_bonus()
				),
				Error::<Test>::InvalidRevealPeriod
			);
		}
	});
}

#[test]
fn the_auction_ends_before_every_lots_deadline() {
	ExtBuilder::default()
		.with_intent(0, MockIntent { deadline: 11, ..intent(REQUESTER, 2_000, None) })
		.build_and_execute(|| {
			assert_noop!(
				Auction::open_auction(RuntimeOrigin::signed(REQUESTER), 0, 5, 5, same_city_bonus()),
				Error::<Test>::DeadlineTooSoon
			);
		});
}

#[test]
fn no_bonus_exceeds_what_the_quality_cap_allows() {
	munich_translation().build_and_execute(|| {
		let mut factors = same_city_bonus();
		factors.location.same_city = (MAX_QUALITY - 10_000 + 1) as u16;
		assert_noop!(
			Auction::open_auction(RuntimeOrigin::signed(REQUESTER), 0, 5, 5, factors),
			Error::<Test>::BonusTooLarge
		);
	});
}

#[test]
fn the_requester_holds_the_reserves() {
	munich_translation().build_and_execute(|| {
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&REQUESTER, 1_000);
		assert_noop!(
			Auction::open_auction(RuntimeOrigin::signed(REQUESTER), 0, 5, 5, same_city_bonus()),
			Error::<Test>::InsufficientFunds
		);
	});
}
