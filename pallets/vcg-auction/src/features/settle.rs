//! Settlement: winner determination, payments, bonds, and the lots' next status.

use crate::{
	types::{AuctionId, Settlement, Winner},
	AuctionOfIntent, Auctions, AwardedIntents, BalanceOf, Bids, Config, Error, Event, HoldReason,
	Pallet, Settlements,
};
use ailock_primitives::{
	auction::{self as mechanism, Award, RevealedBid},
	chain::IntentId,
	traits::{EscrowOpener, EscrowTerms, IntentLifecycle, SpendGuard},
};
use alloc::vec::Vec;
use frame_support::{
	dispatch::{DispatchResultWithPostInfo, Pays},
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
	BoundedVec,
};
use sp_runtime::traits::{SaturatedConversion, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Releases a losing bid's bond and credits an agent's cap back.
	fn release_bond(
		id: AuctionId,
		bidder: &T::AccountId,
		bond: BalanceOf<T>,
		charge: Option<&ailock_primitives::traits::SpendCharge<T::AccountId, BalanceOf<T>>>,
	) {
		// Best effort never fails; it releases what is held (all of it, by `try_state`).
		let released =
			T::Currency::release(&HoldReason::Bond.into(), bidder, bond, Precision::BestEffort)
				.unwrap_or_default();
		if let Some(charge) = charge {
			T::SpendGuard::refund(bidder, charge);
		}
		Self::deposit_event(Event::BondReleased {
			auction: id,
			bidder: bidder.clone(),
			amount: released,
		});
	}

	/// Settles `auction` once its reveal period is over.
	pub(crate) fn do_settle(id: AuctionId) -> DispatchResultWithPostInfo {
		let auction = Auctions::<T>::get(id).ok_or(Error::<T>::AuctionNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now > auction.reveal_end, Error::<T>::NotEnded);
		let requester = auction.requester.clone();
		let lot_count = auction.lots.len() as u32;
		let bond_reason = HoldReason::Bond.into();

		let bids: Vec<_> = Bids::<T>::drain_prefix(id).collect();
		let bid_count = bids.len() as u32;
		let revealed: Vec<RevealedBid<T::AccountId>> = bids
			.iter()
			.filter_map(|(bidder, bid)| {
				bid.revealed.map(|(bundle, price)| RevealedBid {
					bidder: bidder.clone(),
					committed_at: bid.committed_at.saturated_into(),
					bundle,
					price: price.saturated_into(),
					quality: bid.quality,
				})
			})
			.collect();
		// Reveal admitted only bids the mechanism takes; should that ever fail, nobody wins.
		let outcome = mechanism::settle(&Self::reserves(&auction), &revealed).ok();
		let awards = outcome.as_ref().map(|o| o.awards.clone()).unwrap_or_default();
		let unawarded_mask =
			outcome.as_ref().map_or(mechanism::all_steps(auction.lots.len()), |o| o.unawarded);

		let mut winners: Vec<Winner<T::AccountId, BalanceOf<T>>> = Vec::new();
		for (bidder, bid) in bids {
			let won = awards.iter().find(|a| a.bidder == bidder);
			match (bid.revealed, won) {
				(None, _) => {
					// The withheld bid's bond goes to the requester (see the crate docs).
					let moved = T::Currency::transfer_on_hold(
						&bond_reason,
						&bidder,
						&requester,
						bid.bond,
						Precision::BestEffort,
						Restriction::Free,
						Fortitude::Force,
					)
					.unwrap_or_default();
					Self::deposit_event(Event::BondForfeited {
						auction: id,
						bidder,
						requester: requester.clone(),
						amount: moved,
					});
				},
				(Some(_), None) => Self::release_bond(id, &bidder, bid.bond, bid.charge.as_ref()),
				(Some(_), Some(award)) => winners.push(Winner {
					provider: bidder,
					bundle: award.bundle,
					bid: award.bid.saturated_into(),
					payment: award.payment.saturated_into(),
					bond: bid.bond,
					charge: bid.charge,
				}),
			}
		}
		// In step order, as the mechanism lists them.
		winners.sort_by_key(|w| w.bundle.trailing_zeros());

		let lot_intents = |mask: mechanism::BundleMask| -> Vec<IntentId> {
			mechanism::in_bundle(&auction.lots, mask).map(|lot| lot.intent).collect()
		};
		let mut paid = BalanceOf::<T>::zero();
		let mut unawarded_mask = unawarded_mask;
		let mut kept: Vec<Winner<T::AccountId, BalanceOf<T>>> = Vec::new();
		for winner in winners {
			let intents = lot_intents(winner.bundle);
			let terms = EscrowTerms {
				auction: id,
				requester: requester.clone(),
				provider: winner.provider.clone(),
				intents: AwardedIntents::<T>::truncate_from(intents.clone()),
				payment: winner.payment,
				bond: winner.bond,
				charge: winner.charge.clone(),
			};
			// All of a winner's lots or none: the intents pallet keeps intents in an auction
			// from ending, so this holds; were it to fail, the lots go back to open and the
			// winner's bond is released rather than the whole settlement failing.
			let handed_over = with_storage_layer(|| -> DispatchResult {
				for intent in &intents {
					T::Intents::award(*intent, &winner.provider)?;
				}
				T::EscrowOpener::open_escrow(&terms)
			});
			if handed_over.is_ok() {
				paid = paid.saturating_add(winner.payment);
				kept.push(winner);
			} else {
				unawarded_mask |= winner.bundle;
				Self::release_bond(id, &winner.provider, winner.bond, winner.charge.as_ref());
			}
		}
		let unawarded = lot_intents(unawarded_mask);
		for intent in &unawarded {
			// Cannot fail for an intent this auction put in `Auctioning`; if it did, the intent
			// would stay there, which is the intents pallet's `try_state` to report.
			let _ = T::Intents::reopen(*intent);
		}
		for lot in &auction.lots {
			AuctionOfIntent::<T>::remove(lot.intent);
		}
		// The reserves not paid out go back; the payments stay held.
		Self::release_reserve(&requester, auction.reserve_held.saturating_sub(paid));
		Auctions::<T>::remove(id);

		let unawarded = BoundedVec::truncate_from(unawarded);
		if revealed.is_empty() {
			Self::deposit_event(Event::AuctionFailed { auction: id, reopened: unawarded });
		} else {
			let awarded = kept
				.iter()
				.map(|w| Award {
					bidder: w.provider.clone(),
					bundle: w.bundle,
					bid: w.bid,
					payment: w.payment,
				})
				.collect::<Vec<_>>();
			Self::deposit_event(Event::Awarded {
				auction: id,
				winners: BoundedVec::truncate_from(awarded),
				unawarded,
			});
		}
		if kept.is_empty() {
			Self::release_deposit(&requester, auction.ticket, auction.deposit_charge.as_ref());
		} else {
			Settlements::<T>::insert(
				id,
				Settlement {
					requester,
					lots: auction.lots,
					winners: BoundedVec::truncate_from(kept),
					unawarded: unawarded_mask,
					ticket: auction.ticket,
					deposit: auction.deposit,
					deposit_charge: auction.deposit_charge,
				},
			);
		}
		let weight = <T::WeightInfo as crate::WeightInfo>::settle(lot_count, bid_count);
		Ok((Some(weight), Pays::No).into())
	}
}
