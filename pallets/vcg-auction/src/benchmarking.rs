//! Benchmarks (frame-benchmarking v2), each at its worst case: the most lots, the fullest
//! priority factors, bonds locked through agent keys (the charge against the cap reads and
//! writes the delegation), and settlement with every bid revealed, a winner on every lot (two
//! more solves each) and the remaining bids on random bundles.

use super::*;
use crate::types::*;
use ailock_primitives::{
	auction::{BundleMask, ReputationBonus, TierBonuses},
	chain::IntentId,
	geo::GeoCell,
	profile::{LanguageCode, Tag, MAX_TAG_LENGTH},
	traits::{Actor, AilockBenchmarking, AuctionBenchmarking, DidBenchmarking},
};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{traits::Bounded, Perbill};

const SALT: Salt = [9; 32];

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	// Small enough that many funded accounts never overflow the total issuance.
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1024u32.into());
	who
}

fn tag(index: u32) -> Tag {
	let mut bytes = vec![b'x'; MAX_TAG_LENGTH as usize];
	bytes[0] = b'a' + (index % 26) as u8;
	bytes[1] = b'a' + ((index / 26) % 26) as u8;
	BoundedVec::truncate_from(bytes)
}

fn munich() -> GeoCell {
	GeoCell::parse("u281z").unwrap_or_else(|_| GeoCell::parse("u").expect("valid"))
}

/// The fullest factors: every tier, `MaxFactors` skills and languages, reputation; the bidder
/// meets none of the listed skills but the last, so every entry is compared.
fn factors<T: Config>() -> FactorsOf<T> {
	let count = T::MaxFactors::get();
	FactorsOf::<T> {
		location: TierBonuses { same_city: 1, same_region: 1, same_country: 1 },
		skills: BoundedVec::truncate_from((0..count).map(|i| (tag(i + 1), 1)).collect::<Vec<_>>()),
		languages: BoundedVec::truncate_from(
			(0..count)
				.map(|i| (LanguageCode([b'a' + (i % 26) as u8, b'z']), 1))
				.collect::<Vec<_>>(),
		),
		reputation: Some(ReputationBonus { at_least: Perbill::zero(), bonus: 1 }),
	}
}

fn agent<T: Config>(owner: &T::AccountId) -> Actor<T::AccountId> {
	Actor { owner: owner.clone(), agent: Some(T::BenchmarkHelper::create_agent(owner)) }
}

/// A chain of `lots` ready steps of a funded requester, 1 000 000 each.
fn chain<T: Config>(lots: u32) -> (T::AccountId, IntentId) {
	let requester = funded::<T>("requester", 0);
	T::BenchmarkHelper::create_did(&requester);
	let root = T::BenchmarkHelper::create_chain(&requester, &munich(), lots, 1_000_000u32.into());
	(requester, root)
}

fn open<T: Config>(requester: &T::AccountId, root: IntentId) -> AuctionId {
	let id = NextAuctionId::<T>::get();
	let opened = Pallet::<T>::do_open_auction(
		Actor::owner(requester.clone()),
		root,
		T::MinCommitPeriod::get(),
		T::MinRevealPeriod::get().max(T::AuthorityCount::get().saturating_mul(2).into()),
		factors::<T>(),
	);
	assert!(opened.is_ok(), "auction opened: {opened:?}");
	id
}

/// A live Ailock bidder `index` through its agent key.
fn bidder<T: Config>(index: u32) -> Actor<T::AccountId> {
	let who = funded::<T>("bidder", index);
	T::BenchmarkHelper::create_ailock(&who, &munich(), &tag(T::MaxFactors::get()));
	agent::<T>(&who)
}

fn commit<T: Config>(
	auction: AuctionId,
	actor: &Actor<T::AccountId>,
	bundle: BundleMask,
	price: BalanceOf<T>,
) {
	let seal = Pallet::<T>::commitment(auction, &actor.owner, bundle, price, &SALT);
	let committed = Pallet::<T>::do_commit_bid(actor.clone(), auction, seal);
	assert!(committed.is_ok(), "bid committed: {committed:?}");
}

fn to_reveal_period<T: Config>(auction: AuctionId) {
	let commit_end = Auctions::<T>::get(auction).expect("open").commit_end;
	frame_system::Pallet::<T>::set_block_number(commit_end + 1u32.into());
}

fn after_reveal_period<T: Config>(auction: AuctionId) {
	let reveal_end = Auctions::<T>::get(auction).expect("open").reveal_end;
	frame_system::Pallet::<T>::set_block_number(reveal_end + 1u32.into());
}

/// A pseudo-random non-empty bundle of `lots` lots for bid `index` (xorshift, so runs repeat).
fn bundle_for(index: u32, lots: u32) -> BundleMask {
	let mut x = index.wrapping_mul(2_654_435_761).wrapping_add(0x9e37_79b9) | 1;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	let full = ailock_primitives::auction::all_steps(lots as usize);
	((x as BundleMask) & full).max(1)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A chain of `l` ready steps, through an agent key.
	#[benchmark]
	fn open_auction(l: Linear<1, { T::MaxSteps::get() }>) {
		let (requester, root) = chain::<T>(l);
		let actor = agent::<T>(&requester);
		let commit = T::MinCommitPeriod::get();
		let reveal =
			T::MinRevealPeriod::get().max(T::AuthorityCount::get().saturating_mul(2).into());

		#[block]
		{
			assert!(
				Pallet::<T>::do_open_auction(actor, root, commit, reveal, factors::<T>()).is_ok()
			);
		}

		assert_eq!(Auctions::<T>::get(0).expect("opened").lots.len() as u32, l);
	}

	/// Through an agent key, with the fullest factors, into an auction one bid short of full.
	#[benchmark]
	fn commit_bid() {
		let (requester, root) = chain::<T>(T::MaxSteps::get());
		let auction = open::<T>(&requester, root);
		for i in 1..T::MaxBidsPerAuction::get() {
			commit::<T>(auction, &bidder::<T>(i), 1, 1u32.into());
		}
		let last = bidder::<T>(0);
		let seal = Pallet::<T>::commitment(auction, &last.owner, 1, 1u32.into(), &SALT);

		#[block]
		{
			assert!(Pallet::<T>::do_commit_bid(last.clone(), auction, seal).is_ok());
		}

		assert!(Bids::<T>::contains_key(auction, &last.owner));
	}

	/// A bundle of every lot of the largest auction.
	#[benchmark]
	fn reveal_bid() {
		let (requester, root) = chain::<T>(T::MaxSteps::get());
		let auction = open::<T>(&requester, root);
		let actor = bidder::<T>(0);
		let bundle = ailock_primitives::auction::all_steps(T::MaxSteps::get() as usize);
		let price: BalanceOf<T> = 1_000u32.into();
		commit::<T>(auction, &actor, bundle, price);
		to_reveal_period::<T>(auction);

		#[extrinsic_call]
		_(RawOrigin::Signed(actor.owner.clone()), auction, bundle, price, SALT);

		assert!(Bids::<T>::get(auction, &actor.owner).expect("stored").revealed.is_some());
	}

	/// `l` lots and `b` revealed bids: a cheap single on every lot (each wins, so each is
	/// solved for twice more) and the rest on pseudo-random bundles, each through an agent.
	#[benchmark]
	fn settle(l: Linear<1, { T::MaxSteps::get() }>, b: Linear<1, { T::MaxBidsPerAuction::get() }>) {
		let (requester, root) = chain::<T>(l);
		let auction = open::<T>(&requester, root);
		let bids: Vec<(Actor<T::AccountId>, BundleMask, BalanceOf<T>)> = (0..b)
			.map(|i| {
				let (bundle, price) = if i < l {
					(1 << i, 1_000u32 + i)
				} else {
					let bundle = bundle_for(i, l);
					(bundle, 1_000_000u32.saturating_mul(bundle.count_ones()) - i)
				};
				(bidder::<T>(i), bundle, price.into())
			})
			.collect();
		for (actor, bundle, price) in &bids {
			commit::<T>(auction, actor, *bundle, *price);
		}
		to_reveal_period::<T>(auction);
		for (actor, bundle, price) in &bids {
			let revealed =
				Pallet::<T>::do_reveal_bid(actor.owner.clone(), auction, *bundle, *price, SALT);
			assert!(revealed.is_ok(), "bid revealed: {revealed:?}");
		}
		after_reveal_period::<T>(auction);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), auction);

		let winners = Settlements::<T>::get(auction).expect("settled").winners.len() as u32;
		assert_eq!(winners, l.min(b));
	}

	/// The largest auction, through an agent key.
	#[benchmark]
	fn cancel_auction(l: Linear<1, { T::MaxSteps::get() }>) {
		let (requester, root) = chain::<T>(l);
		let auction = open::<T>(&requester, root);

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), auction);

		assert!(!Auctions::<T>::contains_key(auction));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
