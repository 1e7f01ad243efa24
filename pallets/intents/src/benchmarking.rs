//! Benchmarks (frame-benchmarking v2), each at its worst case: the largest details, the
//! longest chain with every step at its most dependencies, the fullest match list.

use super::*;
use crate::types::*;
use ailock_primitives::{
	chain::StepIndex,
	geo::{CountryCode, GeoCell, LocationTier},
	matching::{Flexibility, MatchingWeights},
	profile::{LanguageCode, Tag, MAX_TAG_LENGTH},
	traits::AilockDirectory,
};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get, Hooks},
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

fn post<T: Config>(owner: &T::AccountId, details: DetailsOf<T>) -> IntentId {
	let posted = Pallet::<T>::do_post_intent(
		ailock_primitives::traits::Actor::owner(owner.clone()),
		details,
	);
	posted.expect("benchmark intent posted")
}

/// `count` steps, each depending on up to `MAX_DEPENDENCIES` earlier steps.
fn steps<T: Config>(count: u32, share: BalanceOf<T>) -> Vec<StepInputOf<T>> {
	(0..count)
		.map(|i| {
			let first = i.saturating_sub(MAX_DEPENDENCIES);
			StepInput {
				title: BoundedVec::truncate_from(vec![b's'; MAX_TITLE_LENGTH as usize]),
				skills: skills(MAX_INTENT_SKILLS),
				target: Target {
					cell: Some(cell("u33dbfc0x")),
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

	#[benchmark]
	fn post_intent() {
		let owner = funded::<T>("owner", 0);
		let details = details::<T>("u281z7u28", 1_000_000u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), details);

		assert_eq!(NextIntentId::<T>::get(), 1);
	}

	/// A root with a chain of `c` steps (0: a plain intent).
	#[benchmark]
	fn cancel_intent(c: Linear<0, { T::MaxChainSteps::get() }>) {
		let owner = funded::<T>("owner", 0);
		let root = post::<T>(&owner, details::<T>("u33dbfc0x", 1_000_000u32.into()));
		if c > 0 {
			let chain = BoundedVec::truncate_from(steps::<T>(c, 1u32.into()));
			assert!(Pallet::<T>::do_propose_chain(
				ailock_primitives::traits::Actor::owner(owner.clone()),
				root,
				chain,
				None
			)
			.is_ok());
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), root);

		assert!(!Intents::<T>::contains_key(root));
	}

	#[benchmark]
	fn post_offer() {
		let ailock = funded::<T>("ailock", 0);
		T::Directory::create_for_benchmark(&ailock, &cell("u281z"), &tag(0));

		#[extrinsic_call]
		_(RawOrigin::Signed(ailock.clone()), offer::<T>());

		assert!(Offers::<T>::contains_key(&ailock));
	}

	#[benchmark]
	fn withdraw_offer() {
		let ailock = funded::<T>("ailock", 0);
		T::Directory::create_for_benchmark(&ailock, &cell("u281z"), &tag(0));
		assert!(Pallet::<T>::do_post_offer(
			ailock_primitives::traits::Actor::owner(ailock.clone()),
			offer::<T>(),
			false
		)
		.is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(ailock.clone()));

		assert!(!Offers::<T>::contains_key(&ailock));
	}

	#[benchmark]
	fn propose_chain(s: Linear<1, { T::MaxChainSteps::get() }>) {
		let owner = funded::<T>("owner", 0);
		let root = post::<T>(&owner, details::<T>("u33dbfc0x", 1_000_000u32.into()));
		let chain = BoundedVec::truncate_from(steps::<T>(s, 1u32.into()));

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), root, chain, Some(H256::repeat_byte(1)));

		assert_eq!(Chains::<T>::get(root).map(|c| c.steps.len() as u32), Some(s));
	}

	/// The last step of the longest chain: every other step is scanned for dependents.
	#[benchmark]
	fn cancel_step() {
		let owner = funded::<T>("owner", 0);
		let root = post::<T>(&owner, details::<T>("u33dbfc0x", 1_000_000u32.into()));
		let count = T::MaxChainSteps::get();
		let chain = BoundedVec::truncate_from(steps::<T>(count, 1u32.into()));
		assert!(Pallet::<T>::do_propose_chain(
			ailock_primitives::traits::Actor::owner(owner.clone()),
			root,
			chain,
			None
		)
		.is_ok());
		let last = (count - 1) as StepIndex;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), root, last);

		let state = Chains::<T>::get(root).and_then(|c| c.steps.last().map(|s| s.state));
		assert_eq!(state, Some(StepState::Cancelled));
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
		let id = post::<T>(&owner, intent_details);
		let stored_count = T::MaxMatches::get();
		// Spread over the discovery cells of the intent's region, so no cell fills up.
		let mut ailocks = Vec::new();
		for i in 0..k.saturating_add(stored_count) {
			let ailock = funded::<T>("ailock", i);
			let column = ailock_primitives::geo::GEOHASH_ALPHABET[(i % 32) as usize] as char;
			let home = cell(&alloc::format!("u28{column}z"));
			T::Directory::create_for_benchmark(&ailock, &home, &tag(0));
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

	/// `e` intents expiring at once.
	#[benchmark]
	fn on_initialize_expire(e: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let owner = funded::<T>("owner", 0);
		for _ in 0..e {
			post::<T>(&owner, details::<T>("u281z7u28", 1u32.into()));
		}
		let deadline = frame_system::Pallet::<T>::block_number() + 10u32.into();
		let next: BlockNumberFor<T> = deadline + 1u32.into();

		#[block]
		{
			Pallet::<T>::on_initialize(next);
		}

		assert!(ExpiryQueue::<T>::get(deadline).is_empty());
		assert_eq!(Intents::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
