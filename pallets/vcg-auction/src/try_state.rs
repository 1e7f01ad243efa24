//! `try_state` invariants (public, so the mocks of pallets built on this one check them too):
//! every amount held has its record, bid counts match the bids stored, and every auctioned
//! intent points at the auction that sells it.

use crate::{AuctionOfIntent, Auctions, BalanceOf, Bids, Config, HoldReason, Pallet, Settlements};
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::Get};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut payments: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let add = |map: &mut BTreeMap<T::AccountId, BalanceOf<T>>, who: &T::AccountId, amount| {
			let entry = map.entry(who.clone()).or_default();
			*entry = entry.saturating_add(amount);
		};

		let mut auctioned = 0usize;
		for (id, auction) in Auctions::<T>::iter() {
			ensure!(
				auction.commit_end <= auction.reveal_end,
				"a reveal period ends before its commits"
			);
			ensure!(!auction.lots.is_empty(), "an auction sells nothing");
			let reserves = auction
				.lots
				.iter()
				.fold(BalanceOf::<T>::zero(), |sum, lot| sum.saturating_add(lot.reserve));
			ensure!(reserves == auction.reserve_held, "an auction holds other than its reserves");
			for lot in &auction.lots {
				ensure!(
					AuctionOfIntent::<T>::get(lot.intent) == Some(id),
					"a lot's intent does not point at its auction"
				);
			}
			auctioned += auction.lots.len();
			add(&mut payments, &auction.requester, auction.reserve_held);
			add(&mut deposits, &auction.requester, auction.deposit);
			let mut count = 0u32;
			for (bidder, bid) in Bids::<T>::iter_prefix(id) {
				count += 1;
				ensure!(bid.bond == auction.bond, "a bid holds another bond than its auction's");
				add(&mut bonds, &bidder, bid.bond);
			}
			ensure!(count == auction.bids, "an auction's bid count differs from its bids");
			ensure!(count <= T::MaxBidsPerAuction::get(), "an auction holds too many bids");
		}
		ensure!(
			AuctionOfIntent::<T>::iter().count() == auctioned,
			"an intent points at an auction that does not sell it"
		);
		ensure!(
			Bids::<T>::iter_keys().all(|(id, _)| Auctions::<T>::contains_key(id)),
			"a bid outlived its auction"
		);
		for (_, settlement) in Settlements::<T>::iter() {
			ensure!(!settlement.winners.is_empty(), "a settlement without winners is kept");
			add(&mut deposits, &settlement.requester, settlement.deposit);
			let mut covered = settlement.unawarded;
			for winner in &settlement.winners {
				ensure!(covered & winner.bundle == 0, "two winners share a lot");
				covered |= winner.bundle;
				ensure!(winner.bid <= winner.payment, "a winner is paid below its bid");
				add(&mut payments, &settlement.requester, winner.payment);
				add(&mut bonds, &winner.provider, winner.bond);
			}
			ensure!(
				covered == ailock_primitives::auction::all_steps(settlement.lots.len()),
				"a settlement leaves a lot neither awarded nor unawarded"
			);
		}

		for (reason, expected) in [
			(HoldReason::Payment, payments),
			(HoldReason::Bond, bonds),
			(HoldReason::AuctionDeposit, deposits),
		] {
			for (who, amount) in expected {
				ensure!(Self::held(reason, &who) == amount, "a hold differs from its records");
			}
		}
		Ok(())
	}
}
