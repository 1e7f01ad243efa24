//! Benchmarks (frame-benchmarking v2), each at its worst case: the largest details, the
//! longest chain with every step at its most dependencies and in a cell of its own, the
//! fullest match list, a deadline's expiry bucket filled to the last slot, the last live step
//! ending its root, and everything that holds or releases funds done through an agent key (the
//! charge against its cap reads and writes the delegation).

use super::*;
use crate::types::*;
use ailock_primitives::{
	chain::StepIndex,
	geo::{CountryCode, GeoCell, LocationTier},
	matching::{Flexibility, MatchingWeights},
	profile::{LanguageCode, Tag, MAX_TAG_LENGTH},
	traits::{Actor, AilockBenchmarking, DidBenchmarking},
};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::{traits::Bounded, Perbill};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	// Small enough that many funded accounts never overflow the total issuance.
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1024u32.into());
	who
}

fn tag(index: u32) -> Tag {
	let mut bytes = vec![b'x'; MAX_TAG_LENGTH as usize];
	bytes[0] = b'a' + (index % 26) as u8;
	BoundedVec::truncate_from(bytes)
}

fn cell(geohash: &str) -> GeoCell {
	GeoCell::parse(geohash).unwrap_or_else(|_| GeoCell::parse("u").expect("valid"))
}

fn skills(count: u32) -> Skills {
	BoundedVec::truncate_from((0..count).map(tag).collect::<Vec<_>>())
}

/// The largest intent details, targeting `geohash`.
fn details<T: Config>(geohash: &str, budget: BalanceOf<T>) -> DetailsOf<T> {
	IntentDetails {
		title: BoundedVec::truncate_from(vec![b't'; MAX_TITLE_LENGTH as usize]),
		description: Description::Text(BoundedVec::truncate_from(vec![
			b'd';
			MAX_DESCRIPTION_LENGTH
				as usize
		])),
		category: tag(0),
		skills: skills(MAX_INTENT_SKILLS),
		languages: BoundedVec::truncate_from(
			(0..MAX_INTENT_LANGUAGES)
				.map(|i| LanguageCode([b'a' + i as u8, b'b']))
				.collect::<Vec<_>>(),
		),
		target: Target {
			cell: Some(cell(geohash)),
			country: CountryCode::new(*b"DE").ok(),
			flexibility: Flexibility::Preferred,
		},
		budget,
		deadline: frame_system::Pallet::<T>::block_number() + 10u32.into(),
		urgency: Urgency::High,
		weights: MatchingWeights::BALANCED,
	}
}

/// `owner` acting through its agent key.
fn agent<T: Config>(owner: &T::AccountId) -> Actor<T::AccountId> {
	Actor { owner: owner.clone(), agent: Some(T::BenchmarkHelper::create_agent(owner)) }
}

fn post<T: Config>(actor: &Actor<T::AccountId>, details: DetailsOf<T>) -> IntentId {
	let posted = Pallet::<T>::do_post_intent(actor.clone(), details);
	posted.expect("benchmark intent posted")
}

/// The deadline of intents posted now (the benchmark moves to block 1 before the measured
/// part if it was 0: keep what setup computed).
fn deadline<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number() + 10u32.into()
}

/// Fills the expiry bucket of the benchmark deadline so that `free` slots are left: every push
/// and removal then decodes and encodes a full bucket. (The ids are of no intent; expiry skips
/// them.)
fn fill_expiry_bucket<T: Config>(free: u32) {
	let max = T::MaxExpiriesPerBlock::get();
	let ids: Vec<IntentId> = (0..max.saturating_sub(free)).map(|i| u64::MAX - i as u64).collect();
	ExpiryQueue::<T>::insert(deadline::<T>(), BoundedVec::truncate_from(ids));
}

/// Proposes a chain of `count` steps for `root` through `actor`.
fn chain_of<T: Config>(actor: &Actor<T::AccountId>, root: IntentId, count: u32) {
	let chain = BoundedVec::truncate_from(steps::<T>(count, 1u32.into()));
	let proposed = Pallet::<T>::do_propose_chain(actor.clone(), root, chain, None);
	assert!(proposed.is_ok(), "chain proposed: {proposed:?}");
}

/// `count` steps, each depending on up to `MAX_DEPENDENCIES` earlier steps, each in a
/// discovery cell of its own.
fn steps<T: Config>(count: u32, share: BalanceOf<T>) -> Vec<StepInputOf<T>> {
	(0..count)
		.map(|i| {
			let first = i.saturating_sub(MAX_DEPENDENCIES);
			let column = ailock_primitives::geo::GEOHASH_ALPHABET[(i % 32) as usize] as char;
			StepInput {
				title: BoundedVec::truncate_from(vec![b's'; MAX_TITLE_LENGTH as usize]),
				skills: skills(MAX_INTENT_SKILLS),
				target: Target {
					cell: Some(cell(&alloc::format!("u33{column}bfc0x"))),
					country: CountryCode::new(*b"DE").ok(),
					flexibility: Flexibility::Preferred,
				},
				budget_share: share,
				deliverable: BoundedVec::truncate_from(vec![b'v'; MAX_DELIVERABLE_LENGTH as usize]),
				depends_on: BoundedVec::truncate_from(
					(first..i).map(|d| d as StepIndex).collect::<Vec<_>>(),
				),
			}
		})
		.collect()
}

fn offer<T: Config>() -> Offer<BalanceOf<T>> {
	Offer {
		skills: skills(MAX_INTENT_SKILLS),
		price: 1u32.into(),
		area: cell("u281"),
		reach: LocationTier::SameRegion,
		capacity: u16::MAX,
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Through an agent (the budget and the deposit are charged to its cap), into the last
	/// slot of its deadline's expiry bucket.
	#[benchmark]
	fn post_intent() {
		let owner = funded::<T>("owner", 0);
		let actor = agent::<T>(&owner);
		fill_expiry_bucket::<T>(1);
		let due = deadline::<T>();
		let details = details::<T>("u281z7u28", 1_000_000u32.into());

		#[block]
		{
			assert!(Pallet::<T>::do_post_intent(actor, details).is_ok());
		}

		assert_eq!(NextIntentId::<T>::get(), 1);
		assert!(IntentCharges::<T>::contains_key(0));
		assert_eq!(ExpiryQueue::<T>::get(due).len() as u32, T::MaxExpiriesPerBlock::get());
	}

	/// A root with a chain of `c` steps (0: a plain intent), each in a cell of its own, posted
	/// through an agent (every deposit is credited back), in a full expiry bucket.
	#[benchmark]
	fn cancel_intent(c: Linear<0, { T::MaxChainSteps::get() }>) {
		let owner = funded::<T>("owner", 0);
		let actor = agent::<T>(&owner);
		fill_expiry_bucket::<T>(c + 1);
		let root = post::<T>(&actor, details::<T>("u33dbfc0x", 1_000_000u32.into()));
		if c > 0 {
			chain_of::<T>(&actor, root, c);
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), root);

		assert!(!Intents::<T>::contains_key(root));
		assert_eq!(Intents::<T>::iter().count(), 0);
	}

	/// Through an agent.
	#[benchmark]
	fn post_offer() {
		let ailock = funded::<T>("ailock", 0);
		T::BenchmarkHelper::create_ailock(&ailock, &cell("u281z"), &tag(0));
		let actor = agent::<T>(&ailock);

		#[block]
		{
			assert!(Pallet::<T>::do_post_offer(actor, offer::<T>(), false).is_ok());
		}

		assert!(Offers::<T>::contains_key(&ailock));
		assert!(OfferCharges::<T>::contains_key(&ailock));
	}

	/// An offer an agent posted: its deposit is credited back.
	#[benchmark]
	fn withdraw_offer() {
		let ailock = funded::<T>("ailock", 0);
		T::BenchmarkHelper::create_ailock(&ailock, &cell("u281z"), &tag(0));
		assert!(Pallet::<T>::do_post_offer(agent::<T>(&ailock), offer::<T>(), false).is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(ailock.clone()));

		assert!(!Offers::<T>::contains_key(&ailock));
	}

	/// Through an agent, `s` steps each in a cell of its own, filling the expiry bucket.
	#[benchmark]
	fn propose_chain(s: Linear<1, { T::MaxChainSteps::get() }>) {
		let owner = funded::<T>("owner", 0);
		let actor = agent::<T>(&owner);
		fill_expiry_bucket::<T>(s + 1);
		let due = deadline::<T>();
		let root = post::<T>(&actor, details::<T>("u33dbfc0x", 1_000_000u32.into()));
		let chain = BoundedVec::truncate_from(steps::<T>(s, 1u32.into()));

		#[block]
		{
			assert!(Pallet::<T>::do_propose_chain(actor, root, chain, Some(H256::repeat_byte(1)))
				.is_ok());
		}

		assert_eq!(Chains::<T>::get(root).map(|c| c.steps.len() as u32), Some(s));
		assert_eq!(ExpiryQueue::<T>::get(due).len() as u32, T::MaxExpiriesPerBlock::get());
	}

	/// The last live step of the longest chain (every other step already cancelled): the
	/// chain ends and takes its root with it; both deposits are credited back to the agent.
	#[benchmark]
	fn cancel_step() {
		let owner = funded::<T>("owner", 0);
		let actor = agent::<T>(&owner);
		let count = T::MaxChainSteps::get();
		fill_expiry_bucket::<T>(count + 1);
		let root = post::<T>(&actor, details::<T>("u33dbfc0x", 1_000_000u32.into()));
		chain_of::<T>(&actor, root, count);
		for step in (1..count).rev() {
			assert!(Pallet::<T>::do_cancel_step(owner.clone(), root, step as StepIndex).is_ok());
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), root, 0);

		assert!(!Chains::<T>::contains_key(root));
		assert!(!Intents::<T>::contains_key(root));
	}

	#[benchmark]
	fn add_matcher() {
		let existing: Vec<T::AccountId> =
			(1..T::MaxMatchers::get()).map(|i| account("matcher", i, 0)).collect();
		Matchers::<T>::put(BoundedVec::truncate_from(existing));
		let matcher: T::AccountId = account("matcher", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Root, matcher.clone());

		assert!(Matchers::<T>::get().contains(&matcher));
	}

	#[benchmark]
	fn remove_matcher() {
		let all: Vec<T::AccountId> =
			(0..T::MaxMatchers::get()).map(|i| account("matcher", i, 0)).collect();
		let last = all.last().cloned().expect("at least one matcher");
		Matchers::<T>::put(BoundedVec::truncate_from(all));

		#[extrinsic_call]
		_(RawOrigin::Root, last.clone());

		assert!(!Matchers::<T>::get().contains(&last));
	}

	/// `k` candidates merged into a full stored list: all `k + MaxMatches` scored by the
	/// runtime, then ranked.
	#[benchmark]
	fn submit_matches(k: Linear<1, { T::MaxMatches::get() }>) {
		let owner = funded::<T>("owner", 0);
		let mut intent_details = details::<T>("u281z7u28", 1_000_000u32.into());
		intent_details.skills = BoundedVec::truncate_from(vec![tag(0)]);
		let id = post::<T>(&Actor::owner(owner.clone()), intent_details);
		let stored_count = T::MaxMatches::get();
		// Spread over the discovery cells of the intent's region, so no cell fills up.
		let mut ailocks = Vec::new();
		for i in 0..k.saturating_add(stored_count) {
			let ailock = funded::<T>("ailock", i);
			let column = ailock_primitives::geo::GEOHASH_ALPHABET[(i % 32) as usize] as char;
			let home = cell(&alloc::format!("u28{column}z"));
			T::BenchmarkHelper::create_ailock(&ailock, &home, &tag(0));
			ailocks.push(ailock);
		}
		let candidates: Vec<T::AccountId> = ailocks.drain(..k as usize).collect();
		// Stored at a score below what the runtime computes, so the merge changes the list.
		let stored: Vec<_> = ailocks.into_iter().map(|a| (a, Perbill::zero())).collect();
		Matches::<T>::insert(id, BoundedVec::truncate_from(stored));
		let matcher: T::AccountId = account("matcher", 0, 0);
		Matchers::<T>::put(BoundedVec::truncate_from(vec![matcher.clone()]));

		#[extrinsic_call]
		_(RawOrigin::Signed(matcher), id, BoundedVec::truncate_from(candidates));

		let matches = Matches::<T>::get(id).expect("merged");
		assert_eq!(matches.len() as u32, stored_count);
		assert!(matches.iter().all(|(_, score)| !score.is_zero()));
	}

	/// `e` intents expiring at once, posted through an agent: roots with the longest chains
	/// (a root with a chain is passed over; each step expiring rewrites its chain, and the last
	/// one ends the root too), every deposit credited back.
	#[benchmark]
	fn on_initialize_expire(e: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let owner = funded::<T>("owner", 0);
		let actor = agent::<T>(&owner);
		let mut queued = 0u32;
		while queued < e {
			let root = post::<T>(&actor, details::<T>("u281z7u28", 1_000_000u32.into()));
			queued += 1;
			let count = T::MaxChainSteps::get().min(e - queued);
			if count > 0 {
				chain_of::<T>(&actor, root, count);
				queued += count;
			}
		}
		let due = deadline::<T>();
		let next: BlockNumberFor<T> = due + 1u32.into();
		let read;

		#[block]
		{
			read = Pallet::<T>::expire_due(next);
		}

		assert_eq!(read, e);
		assert!(ExpiryQueue::<T>::get(due).is_empty());
		assert_eq!(Intents::<T>::iter().count(), 0);
		assert_eq!(Chains::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

/// The auction's benchmarks post their intents and chains through the intents pallet; DIDs,
/// agent keys and Ailocks come from this pallet's own helper.
impl<T: Config> DidBenchmarking<T::AccountId> for Pallet<T> {
	fn create_did(who: &T::AccountId) {
		T::BenchmarkHelper::create_did(who)
	}

	fn create_agent(who: &T::AccountId) -> T::AccountId {
		T::BenchmarkHelper::create_agent(who)
	}
}

impl<T: Config> AilockBenchmarking<T::AccountId> for Pallet<T> {
	fn create_ailock(who: &T::AccountId, cell: &GeoCell, skill: &Tag) {
		T::BenchmarkHelper::create_ailock(who, cell, skill)
	}
}

impl<T: Config> ailock_primitives::traits::AuctionBenchmarking<T::AccountId, BalanceOf<T>>
	for Pallet<T>
{
	fn create_intent(owner: &T::AccountId, at: &GeoCell, budget: BalanceOf<T>) -> IntentId {
		let mut posted = details::<T>("u281z7u28", budget);
		posted.target.cell = Some(at.clone());
		posted.deadline = frame_system::Pallet::<T>::block_number() + T::MaxDeadline::get();
		post::<T>(&Actor::owner(owner.clone()), posted)
	}

	fn create_chain(
		owner: &T::AccountId,
		at: &GeoCell,
		count: u32,
		share: BalanceOf<T>,
	) -> IntentId {
		let budget = sp_runtime::traits::Saturating::saturating_mul(share, count.into());
		let root = Self::create_intent(owner, at, budget);
		let independent: Vec<StepInputOf<T>> = steps::<T>(count, share)
			.into_iter()
			.map(|mut step| {
				step.depends_on = BoundedVec::new();
				step
			})
			.collect();
		let proposed = Pallet::<T>::do_propose_chain(
			Actor::owner(owner.clone()),
			root,
			BoundedVec::truncate_from(independent),
			None,
		);
		assert!(proposed.is_ok(), "chain proposed: {proposed:?}");
		root
	}
}
