use super::*;
use crate::{Bids, Error, Event};
use frame_support::assert_noop;

/// Intent 0 auctioned, MUNICH's 900 committed.
fn committed() -> AuctionId {
	let id = open_with(0, same_city_bonus());
	commit(id, MUNICH, 0b1, 900);
	id
}

#[test]
fn reveals_in_the_reveal_period() {
	munich_translation().build_and_execute(|| {
		let id = committed();
		run_to(REVEALS_FROM);
		reveal(id, MUNICH, 0b1, 900);
		assert_eq!(Bids::<Test>::get(id, MUNICH).expect("stored").revealed, Some((0b1, 900)));
		System::assert_last_event(
			Event::BidRevealed { auction: id, bidder: MUNICH, bundle: 0b1, price: 900 }.into(),
		);
	});
}

#[test]
fn nothing_is_revealed_during_the_commit_period() {
	munich_translation().build_and_execute(|| {
		let id = committed();
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(MUNICH), id, 0b1, 900, SALT),
			Error::<Test>::NotRevealPeriod
		);
	});
}

#[test]
fn nothing_is_revealed_late() {
	munich_translation().build_and_execute(|| {
		let id = committed();
		run_to(SETTLES_FROM);
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(MUNICH), id, 0b1, 900, SALT),
			Error::<Test>::NotRevealPeriod
		);
	});
}

#[test]
fn only_a_stored_auction_takes_reveals() {
	munich_translation().build_and_execute(|| {
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(MUNICH), 5, 0b1, 900, SALT),
			Error::<Test>::AuctionNotFound
		);
	});
}

#[test]
fn only_a_committed_bid_is_revealed() {
	munich_translation().build_and_execute(|| {
		let id = committed();
		run_to(REVEALS_FROM);
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(BERLIN), id, 0b1, 900, SALT),
			Error::<Test>::BidNotFound
		);
	});
}

#[test]
fn a_bid_is_revealed_once() {
	munich_translation().build_and_execute(|| {
		let id = committed();
		run_to(REVEALS_FROM);
		reveal(id, MUNICH, 0b1, 900);
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(MUNICH), id, 0b1, 900, SALT),
			Error::<Test>::AlreadyRevealed
		);
	});
}

#[test]
fn a_reveal_matches_its_commitment() {
	munich_translation().build_and_execute(|| {
		let id = committed();
		run_to(REVEALS_FROM);
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(MUNICH), id, 0b1, 800, SALT),
			Error::<Test>::CommitmentMismatch
		);
	});
}

#[test]
fn a_copied_commitment_reveals_nothing() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		commit(id, MUNICH, 0b1, 900);
		// BERLIN copies MUNICH's seal: the bidder is inside it.
		let copied = Bids::<Test>::get(id, MUNICH).expect("stored").commitment;
		assert_ok!(Auction::commit_bid(RuntimeOrigin::signed(BERLIN), id, copied));
		run_to(REVEALS_FROM);
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(BERLIN), id, 0b1, 900, SALT),
			Error::<Test>::CommitmentMismatch
		);
	});
}

#[test]
fn a_bundle_names_the_auctions_lots_only() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		commit(id, MUNICH, 0b10, 900);
		commit(id, BERLIN, 0, 900);
		run_to(REVEALS_FROM);
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(MUNICH), id, 0b10, 900, SALT),
			Error::<Test>::BundleOutsideLots
		);
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(BERLIN), id, 0, 900, SALT),
			Error::<Test>::BundleOutsideLots
		);
	});
}

#[test]
fn a_price_is_at_most_the_bundles_reserve() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		commit(id, MUNICH, 0b1, 2_001);
		run_to(REVEALS_FROM);
		assert_noop!(
			Auction::reveal_bid(RuntimeOrigin::signed(MUNICH), id, 0b1, 2_001, SALT),
			Error::<Test>::PriceAboveReserve
		);
	});
}
