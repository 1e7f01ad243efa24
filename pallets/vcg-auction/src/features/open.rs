//! Opening and cancelling auctions.

use crate::{
	types::{Auction, AuctionId, Lot},
	AuctionOfIntent, Auctions, BalanceOf, Bids, Config, Error, Event, FactorsOf, HoldReason,
	NextAuctionId, Pallet,
};
use ailock_primitives::{
	auction::QUALITY_ONE,
	chain::IntentId,
	traits::{Actor, AuctionableIntents, IntentLifecycle, SpendGuard},
};
use frame_support::{
	dispatch::DispatchResultWithPostInfo,
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::Precision,
		Consideration, Footprint,
	},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Opens an auction on `intent` (or its chain's ready steps) for `actor`'s owner.
	pub(crate) fn do_open_auction(
		actor: Actor<T::AccountId>,
		intent: IntentId,
		commit_period: BlockNumberFor<T>,
		reveal_period: BlockNumberFor<T>,
		factors: FactorsOf<T>,
	) -> DispatchResultWithPostInfo {
		let offering = T::Intents::offering(intent).ok_or(Error::<T>::IntentNotFound)?;
		ensure!(offering.owner == actor.owner, Error::<T>::NotOwner);
		ensure!(!offering.lots.is_empty(), Error::<T>::NothingToAuction);
		let lots: BoundedVec<Lot<BalanceOf<T>>, T::MaxSteps> = offering
			.lots
			.iter()
			.map(|lot| Lot { intent: lot.intent, reserve: lot.reserve })
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::TooManyLots)?;
		Self::check_periods(commit_period, reveal_period)?;
		Self::check_factors(&factors)?;
		let now = frame_system::Pallet::<T>::block_number();
		let commit_end = now.saturating_add(commit_period);
		let reveal_end = commit_end.saturating_add(reveal_period);
		// Settling happens after the reveal period: every lot must still be open then.
		ensure!(
			offering.lots.iter().all(|lot| lot.deadline > reveal_end),
			Error::<T>::DeadlineTooSoon
		);

		let reserve_held =
			lots.iter().fold(BalanceOf::<T>::zero(), |sum, lot| sum.saturating_add(lot.reserve));
		let bond = T::BondShare::get().mul_ceil(reserve_held).max(T::MinBond::get());
		let id = NextAuctionId::<T>::get();
		T::Currency::hold(&HoldReason::Payment.into(), &actor.owner, reserve_held)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		for lot in &lots {
			T::Intents::start_auction(lot.intent)?;
			AuctionOfIntent::<T>::insert(lot.intent, id);
		}
		// The footprint is the auction's own fields; the ticket is stored beside them.
		let footprint = Footprint::from_encodable((
			&actor.owner,
			intent,
			&lots,
			&offering.target,
			&factors,
			commit_end,
			reveal_end,
			bond,
			reserve_held,
		));
		let before = Self::held(HoldReason::AuctionDeposit, &actor.owner);
		let ticket = T::AuctionConsideration::new(&actor.owner, footprint)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		let deposit = Self::held(HoldReason::AuctionDeposit, &actor.owner).saturating_sub(before);
		// What an agent makes its owner lock counts against its cap like what it spends.
		let mut deposit_charge = None;
		T::SpendGuard::charge_into(&actor, deposit, &mut deposit_charge)?;
		let auction: crate::AuctionOf<T> = Auction {
			requester: actor.owner.clone(),
			intent,
			lots,
			target: offering.target,
			factors,
			commit_end,
			reveal_end,
			bond,
			reserve_held,
			bids: 0,
			ticket,
			deposit,
			deposit_charge,
		};
		NextAuctionId::<T>::put(id.saturating_add(1));
		Self::deposit_event(Event::AuctionOpened {
			auction: id,
			requester: actor.owner,
			intent,
			lots: auction.lots.clone(),
			factors: auction.factors.clone(),
			commit_end,
			reveal_end,
			bond,
			reserve_held,
			deposit: auction.deposit,
		});
		let lot_count = auction.lots.len() as u32;
		Auctions::<T>::insert(id, auction);
		Ok(Some(<T::WeightInfo as crate::WeightInfo>::open_auction(lot_count)).into())
	}

	/// The periods' bounds: the reveal period spans at least two rounds of block authors.
	fn check_periods(
		commit_period: BlockNumberFor<T>,
		reveal_period: BlockNumberFor<T>,
	) -> DispatchResult {
		let max = T::MaxPeriod::get();
		ensure!(
			commit_period >= T::MinCommitPeriod::get() && commit_period <= max,
			Error::<T>::InvalidCommitPeriod
		);
		let two_rounds: BlockNumberFor<T> = T::AuthorityCount::get().saturating_mul(2).into();
		ensure!(
			reveal_period >= T::MinRevealPeriod::get().max(two_rounds) && reveal_period <= max,
			Error::<T>::InvalidRevealPeriod
		);
		Ok(())
	}

	/// No single bonus can exceed what the quality cap allows (larger ones mean nothing).
	fn check_factors(factors: &FactorsOf<T>) -> DispatchResult {
		let room = T::MaxQuality::get().saturating_sub(QUALITY_ONE);
		let tiers = [
			factors.location.same_city,
			factors.location.same_region,
			factors.location.same_country,
		];
		let all = tiers
			.into_iter()
			.chain(factors.skills.iter().map(|(_, bonus)| *bonus))
			.chain(factors.languages.iter().map(|(_, bonus)| *bonus))
			.chain(factors.reputation.iter().map(|r| r.bonus));
		for bonus in all {
			ensure!(u32::from(bonus) <= room, Error::<T>::BonusTooLarge);
		}
		Ok(())
	}

	/// Cancels `auction` for its requester `who`, before any bid.
	pub(crate) fn do_cancel_auction(who: T::AccountId, id: AuctionId) -> DispatchResult {
		let auction = Auctions::<T>::get(id).ok_or(Error::<T>::AuctionNotFound)?;
		ensure!(auction.requester == who, Error::<T>::NotRequester);
		ensure!(auction.bids == 0, Error::<T>::HasBids);
		debug_assert!(Bids::<T>::iter_prefix(id).next().is_none());
		Self::release_reserve(&who, auction.reserve_held);
		for lot in &auction.lots {
			AuctionOfIntent::<T>::remove(lot.intent);
			T::Intents::reopen(lot.intent)?;
		}
		Self::release_deposit(&who, auction.ticket, auction.deposit_charge.as_ref());
		Auctions::<T>::remove(id);
		Self::deposit_event(Event::AuctionCancelled {
			auction: id,
			reserve_released: auction.reserve_held,
		});
		Ok(())
	}

	/// Releases the auction's storage deposit and credits an agent's cap back.
	pub(crate) fn release_deposit(
		who: &T::AccountId,
		ticket: T::AuctionConsideration,
		charge: Option<&ailock_primitives::traits::SpendCharge<T::AccountId, BalanceOf<T>>>,
	) {
		// Dropping a `HoldConsideration` releases best-effort and does not fail; were it to,
		// the funds would stay held and `try_state` would report it.
		let _ = ticket.drop(who);
		if let Some(charge) = charge {
			T::SpendGuard::refund(who, charge);
		}
	}

	/// Releases `amount` of `who`'s `Payment` hold.
	pub(crate) fn release_reserve(who: &T::AccountId, amount: BalanceOf<T>) {
		let _ =
			T::Currency::release(&HoldReason::Payment.into(), who, amount, Precision::BestEffort);
	}

	/// What `who` holds for `reason`.
	pub(crate) fn held(reason: HoldReason, who: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as InspectHold<T::AccountId>>::balance_on_hold(&reason.into(), who)
	}
}
