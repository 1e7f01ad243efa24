use super::*;
use crate::{AuctionOfIntent, Auctions, Bids, Error, Event, HoldReason, Settlements};
use ailock_primitives::{
	auction::{self as mechanism, Award, RevealedBid, QUALITY_ONE},
	traits::EscrowTerms,
};
use frame_support::{assert_noop, dispatch::Pays};

fn settle() -> frame_support::dispatch::PostDispatchInfo {
	run_to(SETTLES_FROM);
	Auction::settle(RuntimeOrigin::signed(NOBODY), 0).expect("settles")
}

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

#[test]
fn the_munich_provider_wins_dearer_than_a_global_one_and_is_paid_its_threshold() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		// ×1.5 in Munich: 900 scores 600; Tokyo's 700 and Berlin's 800 score as they are.
		for (who, price) in [(MUNICH, 900), (BERLIN, 800), (TOKYO, 700)] {
			commit(id, who, 0b1, price);
		}
		run_to(REVEALS_FROM);
		for (who, price) in [(MUNICH, 900), (BERLIN, 800), (TOKYO, 700)] {
			reveal(id, who, 0b1, price);
		}
		let requester_free = free(REQUESTER);
		let post = settle();
		assert_eq!(post.pays_fee, Pays::No);

		// An independent computation of the same mechanism.
		let bids: Vec<RevealedBid<AccountId>> =
			[(MUNICH, 900, 15_000), (BERLIN, 800, QUALITY_ONE), (TOKYO, 700, QUALITY_ONE)]
				.into_iter()
				.map(|(bidder, price, quality)| RevealedBid {
					bidder,
					committed_at: 1,
					bundle: 0b1,
					price,
					quality,
				})
				.collect();
		let expected = mechanism::settle(&[2_000], &bids).expect("valid");
		// Munich would still win at score 700 (a tie with Tokyo it takes, the lower account in
		// the same block): the largest price scoring 700 at ×1.5.
		assert_eq!(
			expected.awards,
			vec![Award { bidder: MUNICH, bundle: 0b1, bid: 900, payment: 1_051 }]
		);

		System::assert_has_event(
			Event::Awarded {
				auction: id,
				winners: BoundedVec::truncate_from(expected.awards.clone()),
				unawarded: BoundedVec::new(),
			}
			.into(),
		);
		assert_eq!(status(0), Some(Some(MUNICH)));
		// The payment stays held from the requester, the rest of the reserve comes back.
		assert_eq!(held(HoldReason::Payment, REQUESTER), 1_051);
		assert_eq!(free(REQUESTER), requester_free + 2_000 - 1_051);
		// The winner's bond stays as a performance bond; the losers' come back.
		assert_eq!(held(HoldReason::Bond, MUNICH), 100);
		assert_eq!((held(HoldReason::Bond, BERLIN), held(HoldReason::Bond, TOKYO)), (0, 0));
		System::assert_has_event(
			Event::BondReleased { auction: id, bidder: TOKYO, amount: 100 }.into(),
		);
		assert_eq!(
			OpenedEscrows::get(),
			Some(vec![EscrowTerms {
				auction: id,
				requester: REQUESTER,
				provider: MUNICH,
				intents: BoundedVec::truncate_from(vec![0]),
				payment: 1_051,
				bond: 100,
				charge: None,
			}])
		);
		assert!(Auctions::<Test>::get(id).is_none());
		assert_eq!(Bids::<Test>::iter_prefix(id).count(), 0);
		assert!(AuctionOfIntent::<Test>::get(0).is_none());
		let settlement = Settlements::<Test>::get(id).expect("kept while payments are held");
		assert_eq!(settlement.winners.len(), 1);
	});
}

#[test]
fn a_withheld_reveal_forfeits_the_bond_to_the_requester() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		commit(id, MUNICH, 0b1, 900);
		// Tokyo would have held Munich's payment down to 1 051; it keeps its bid back.
		commit(id, TOKYO, 0b1, 700);
		run_to(REVEALS_FROM);
		reveal(id, MUNICH, 0b1, 900);
		let (requester_free, tokyo_free) = (free(REQUESTER), free(TOKYO));
		settle();
		// Unopposed, Munich is paid the whole reserve: 949 more than with Tokyo's reveal,
		// against Tokyo's bond of 100 that the requester receives.
		assert_eq!(held(HoldReason::Payment, REQUESTER), 2_000);
		assert_eq!(free(REQUESTER), requester_free + 100);
		assert_eq!((held(HoldReason::Bond, TOKYO), free(TOKYO)), (0, tokyo_free));
		System::assert_has_event(
			Event::BondForfeited { auction: id, bidder: TOKYO, requester: REQUESTER, amount: 100 }
				.into(),
		);
	});
}

#[test]
fn a_bundle_cheaper_in_score_beats_two_single_step_bids() {
	berlin_chain().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		// Berlin does steps 1 and 2 (lots 0 and 1) for 1 500, in the city (×1.5: score 1 000);
		// Munich and Tokyo bid 600 each for one of them (score 1 200 together).
		commit(id, BERLIN, 0b011, 1_500);
		commit(id, MUNICH, 0b001, 600);
		commit(id, TOKYO, 0b010, 600);
		run_to(REVEALS_FROM);
		reveal(id, BERLIN, 0b011, 1_500);
		reveal(id, MUNICH, 0b001, 600);
		reveal(id, TOKYO, 0b010, 600);
		settle();
		assert_eq!((status(1), status(2)), (Some(Some(BERLIN)), Some(Some(BERLIN))));
		// Nobody bid for step 3: it goes back to open.
		assert_eq!(status(3), None);
		// The singles cost 1 200 in score; a tie there would go to Munich (the lower account,
		// committed in the same block), so Berlin's threshold is 1 199: 1 799 at ×1.5.
		assert_eq!(held(HoldReason::Payment, REQUESTER), 1_799);
		System::assert_has_event(
			Event::Awarded {
				auction: id,
				winners: BoundedVec::truncate_from(vec![Award {
					bidder: BERLIN,
					bundle: 0b011,
					bid: 1_500,
					payment: 1_799,
				}]),
				unawarded: BoundedVec::truncate_from(vec![3]),
			}
			.into(),
		);
	});
}

#[test]
fn two_single_step_bids_beat_a_bundle_dearer_in_score() {
	berlin_chain().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		// Berlin's 1 950 scores 1 300, above the singles' 1 200.
		commit(id, BERLIN, 0b011, 1_950);
		commit(id, MUNICH, 0b001, 600);
		commit(id, TOKYO, 0b010, 600);
		run_to(REVEALS_FROM);
		reveal(id, BERLIN, 0b011, 1_950);
		reveal(id, MUNICH, 0b001, 600);
		reveal(id, TOKYO, 0b010, 600);
		settle();
		assert_eq!((status(1), status(2)), (Some(Some(MUNICH)), Some(Some(TOKYO))));
		assert_eq!(held(HoldReason::Bond, BERLIN), 0);
		// Each single is paid what replaces it: Berlin's 1 300 less the other single's 600.
		assert_eq!(held(HoldReason::Payment, REQUESTER), 700 + 700);
	});
}

#[test]
fn an_auction_without_reveals_fails_and_reopens_its_lots() {
	berlin_chain().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		commit(id, MUNICH, 0b001, 600);
		let requester_free = free(REQUESTER);
		let deposit = Auctions::<Test>::get(id).expect("open").deposit;
		settle();
		System::assert_has_event(
			Event::AuctionFailed {
				auction: id,
				reopened: BoundedVec::truncate_from(vec![1, 2, 3]),
			}
			.into(),
		);
		assert_eq!((status(1), status(2), status(3)), (None, None, None));
		assert_eq!(held(HoldReason::Payment, REQUESTER), 0);
		assert_eq!(held(HoldReason::AuctionDeposit, REQUESTER), 0);
		assert!(Settlements::<Test>::get(id).is_none());
		// The reserves and the deposit come back, and Munich's bond (5 % of 3 000) with them.
		assert_eq!(free(REQUESTER), requester_free + 3_000 + deposit + 150);
	});
}

#[test]
fn a_winner_whose_escrow_cannot_open_is_dropped_and_the_rest_settles() {
	berlin_chain().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		commit(id, MUNICH, 0b001, 600);
		commit(id, TOKYO, 0b010, 600);
		run_to(REVEALS_FROM);
		reveal(id, MUNICH, 0b001, 600);
		reveal(id, TOKYO, 0b010, 600);
		RefusedProvider::put(TOKYO);
		settle();
		// Munich's lot is awarded; Tokyo's goes back to open with step 3's, nothing of it
		// half-awarded, its bond released and nothing held for it.
		assert_eq!((status(1), status(2), status(3)), (Some(Some(MUNICH)), None, None));
		assert_eq!(held(HoldReason::Bond, TOKYO), 0);
		assert_eq!(held(HoldReason::Payment, REQUESTER), 1_000);
		assert_eq!(OpenedEscrows::get().map(|e| e.len()), Some(1));
		System::assert_has_event(
			Event::Awarded {
				auction: id,
				winners: BoundedVec::truncate_from(vec![Award {
					bidder: MUNICH,
					bundle: 0b001,
					bid: 600,
					payment: 1_000,
				}]),
				unawarded: BoundedVec::truncate_from(vec![2, 3]),
			}
			.into(),
		);
	});
}

#[test]
fn settlement_waits_for_the_end_of_the_reveal_period() {
	munich_translation().build_and_execute(|| {
		let id = open_with(0, same_city_bonus());
		run_to(SETTLES_FROM - 1);
		assert_noop!(Auction::settle(RuntimeOrigin::signed(NOBODY), id), Error::<Test>::NotEnded);
	});
}

#[test]
fn only_a_stored_auction_settles() {
	munich_translation().build_and_execute(|| {
		assert_noop!(
			Auction::settle(RuntimeOrigin::signed(NOBODY), 4),
			Error::<Test>::AuctionNotFound
		);
	});
}
