use super::*;
use crate::{AuctionOfIntent, Auctions, Error, Event, HoldReason};
use frame_support::assert_noop;

#[test]
fn cancels_before_any_bid_releasing_everything() {
	munich_translation().build_and_execute(|| {
		let free = Balances::free_balance(REQUESTER);
		let id = open_with(0, same_city_bonus());
		assert_ok!(Auction::cancel_auction(RuntimeOrigin::signed(REQUESTER), id));
		assert!(Auctions::<Test>::get(id).is_none());
		assert!(AuctionOfIntent::<Test>::get(0).is_none());
		assert_eq!(status(0), None);
		assert_eq!(held(HoldReason::Payment, REQUESTER), 0);
		assert_eq!(held(HoldReason::AuctionDeposit, REQUESTER), 0);
		assert_eq!(Balances::free_balance(REQUESTER), free);
		System::assert_last_event(
			Event::AuctionCancelled { auction: id, reserve_released: 2_000 }.into(),
		);
	});
}

#[test]
fn only_a_stored_auction_is_cancelled() {
	munich_translation().build_and_execute(|| {
		assert_noop!(
			Auction::cancel_auction(RuntimeOrigin::signed(REQUESTER), 2),
			Error::<Test>::AuctionNotFound
		);
	});
}

#[test]
fn only_the_requester_cancels() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		assert_noop!(
			Auction::cancel_auction(RuntimeOrigin::signed(MUNICH), id),
			Error::<Test>::NotRequester
		);
	});
}

#[test]
fn an_auction_with_bids_is_not_cancelled() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		commit(id, MUNICH, 0b1, 900);
		assert_noop!(
			Auction::cancel_auction(RuntimeOrigin::signed(REQUESTER), id),
			Error::<Test>::HasBids
		);
	});
}
