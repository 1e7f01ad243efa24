use super::*;
use crate::{Auctions, Bids, Error, Event, HoldReason};
use frame_support::assert_noop;

#[test]
fn commits_with_a_frozen_quality_and_holds_the_bond() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		let seal = seal(id, MUNICH, 0b1, 900);
		assert_ok!(Auction::commit_bid(RuntimeOrigin::signed(MUNICH), id, seal));
		let bid = Bids::<Test>::get(id, MUNICH).expect("stored");
		assert_eq!((bid.quality, bid.bond, bid.committed_at, bid.revealed), (15_000, 100, 1, None));
		assert_eq!(held(HoldReason::Bond, MUNICH), 100);
		assert_eq!(Auctions::<Test>::get(id).expect("stored").bids, 1);
		System::assert_last_event(
			Event::BidCommitted {
				auction: id,
				bidder: MUNICH,
				commitment: seal,
				quality: 15_000,
				bond: 100,
			}
			.into(),
		);
		// Moving away after committing changes nothing: the quality was frozen.
		MockAilocks::mutate(MUNICH, |s| {
			s.as_mut().expect("listed").location.cell = Some(cell("xn774"))
		});
		assert_eq!(Bids::<Test>::get(id, MUNICH).expect("stored").quality, 15_000);
		assert_eq!(Auction::quote(id, &MUNICH), Some(10_000));
	});
}

#[test]
fn quality_sums_every_bonus_the_bidder_meets() {
	munich_translation().build_and_execute(|| {
		MockReputation::insert(MUNICH, sp_runtime::Perbill::from_percent(95));
		let id = open_with(0, every_bonus());
		// Same city 50 % + translation 40 % + German 5 % + reputation 20 %, capped at ×3.
		assert_eq!(Auction::quote(id, &MUNICH), Some(21_500));
		// Berlin: same country 10 % + translation + German, reputation 50 %.
		assert_eq!(Auction::quote(id, &BERLIN), Some(15_500));
		// Tokyo: translation and German only.
		assert_eq!(Auction::quote(id, &TOKYO), Some(14_500));
		assert_eq!(Auction::quote(id, &NOBODY), None);
	});
}

#[test]
fn only_a_stored_auction_takes_bids() {
	munich_translation().build_and_execute(|| {
		assert_noop!(
			Auction::commit_bid(RuntimeOrigin::signed(MUNICH), 3, H256::zero()),
			Error::<Test>::AuctionNotFound
		);
	});
}

#[test]
fn bids_are_committed_only_in_the_commit_period() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		run_to(REVEALS_FROM);
		assert_noop!(
			Auction::commit_bid(RuntimeOrigin::signed(MUNICH), id, H256::zero()),
			Error::<Test>::CommitClosed
		);
	});
}

#[test]
fn the_requester_does_not_bid() {
	munich_translation()
		.with_ailock(REQUESTER, summary(Some(cell("u281z")), None, &[tag("translation")]))
		.build_and_execute(|| {
			let id = open_with(0, same_city_bonus());
			assert_noop!(
				Auction::commit_bid(RuntimeOrigin::signed(REQUESTER), id, H256::zero()),
				Error::<Test>::SelfBid
			);
		});
}

#[test]
fn only_a_registered_ailock_bids() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		assert_noop!(
			Auction::commit_bid(RuntimeOrigin::signed(NOBODY), id, H256::zero()),
			Error::<Test>::NotALiveAilock
		);
	});
}

#[test]
fn an_ailock_that_is_not_live_does_not_bid() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		MockAilocks::mutate(MUNICH, |s| s.as_mut().expect("listed").live = false);
		assert_noop!(
			Auction::commit_bid(RuntimeOrigin::signed(MUNICH), id, H256::zero()),
			Error::<Test>::NotALiveAilock
		);
	});
}

#[test]
fn an_ailock_the_requester_blocked_does_not_bid() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		MockBlocked::insert(REQUESTER, MUNICH, ());
		assert_noop!(
			Auction::commit_bid(RuntimeOrigin::signed(MUNICH), id, H256::zero()),
			Error::<Test>::BlockedByRequester
		);
	});
}

#[test]
fn an_ailock_bids_once() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		commit(id, MUNICH, 0b1, 900);
		assert_noop!(
			Auction::commit_bid(RuntimeOrigin::signed(MUNICH), id, H256::zero()),
			Error::<Test>::AlreadyBid
		);
	});
}

#[test]
fn an_auction_takes_at_most_max_bids() {
	let bidders: Vec<AccountId> = (30..30 + u64::from(MAX_BIDS) + 1).collect();
	let world = bidders.iter().fold(munich_translation(), |world, who| {
		world.with_ailock(*who, summary(Some(cell("u281z")), None, &[tag("translation")]))
	});
	world.build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		let (last, first) = bidders.split_last().expect("bidders");
		for who in first {
			<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
				who,
				INITIAL_BALANCE,
			);
			commit(id, *who, 0b1, 900);
		}
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
			last,
			INITIAL_BALANCE,
		);
		assert_noop!(
			Auction::commit_bid(RuntimeOrigin::signed(*last), id, H256::zero()),
			Error::<Test>::TooManyBids
		);
	});
}

#[test]
fn a_bidder_holds_the_bond() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&MUNICH, 50);
		assert_noop!(
			Auction::commit_bid(RuntimeOrigin::signed(MUNICH), id, H256::zero()),
			Error::<Test>::InsufficientBond
		);
	});
}
