//! Benchmarks (frame-benchmarking v2), each at its worst case: the largest profile, full lists,
//! every skill with experience, every achievement, a cell full of expired boosts.

use super::*;
use crate::types::*;
use ailock_primitives::{
	geo::{CountryCode, GeoCell, SharingLevel},
	profile::{LanguageCode, Tag, WeeklyAvailability},
	traits::{Actor, DidLookup, ExperienceSource},
};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{Bounded, One};

fn owner<T: Config>(index: u32) -> T::AccountId {
	let who: T::AccountId = account("ailock", index, 0);
	// Small enough that many funded accounts never overflow the total issuance.
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1024u32.into());
	T::Dids::create_for_benchmark(&who);
	who
}

fn tag(prefix: u8, index: u32) -> Tag {
	let mut bytes = alloc::vec![prefix; ailock_primitives::profile::MAX_TAG_LENGTH as usize];
	bytes[0] = b'a' + (index % 26) as u8;
	bytes[1] = b'a' + (index / 26 % 26) as u8;
	BoundedVec::truncate_from(bytes)
}

fn cell(geohash: &str) -> GeoCell {
	GeoCell::parse(geohash).unwrap_or_else(|_| GeoCell::parse("u").expect("valid"))
}

/// The largest profile: every list full, every tag and the name at full length, an exact cell.
fn largest_profile<T: Config>(skill_prefix: u8, geohash: &str) -> ProfileOf<T> {
	Profile {
		name: BoundedVec::truncate_from(alloc::vec![b'n'; MAX_NAME_LENGTH as usize]),
		avatar: 0,
		languages: BoundedVec::truncate_from(
			(0..MAX_LANGUAGES).map(|i| LanguageCode([b'a' + i as u8, b'z'])).collect::<Vec<_>>(),
		),
		skills: BoundedVec::truncate_from(
			(0..MAX_SKILLS).map(|i| tag(skill_prefix, i)).collect::<Vec<_>>(),
		),
		domains: BoundedVec::truncate_from(
			(0..MAX_DOMAINS).map(|i| tag(b'd', i)).collect::<Vec<_>>(),
		),
		pricing: Pricing { min_price: Bounded::max_value(), hourly_rate: Bounded::max_value() },
		capacity: u16::MAX,
		availability: WeeklyAvailability::ALWAYS,
		utc_offset_minutes: 0,
		location: Location {
			sharing: SharingLevel::Exact,
			cell: Some(cell(geohash)),
			country: CountryCode::new(*b"DE").ok(),
			commitment: H256::repeat_byte(1),
		},
	}
}

fn registered<T: Config>(index: u32) -> T::AccountId {
	let who = owner::<T>(index);
	let result = Pallet::<T>::do_register(
		Actor::owner(who.clone()),
		largest_profile::<T>(b'x', "u281z7u28"),
	);
	assert!(result.is_ok(), "registered");
	who
}

/// Fills both lists: trusted with `trusted` entries, blocked with `blocked`.
fn fill_lists<T: Config>(who: &T::AccountId, trusted: u32, blocked: u32) {
	for i in 0..trusted {
		assert!(Pallet::<T>::do_trust(Actor::owner(who.clone()), account("trusted", i, 0)).is_ok());
	}
	for i in 0..blocked {
		assert!(Pallet::<T>::do_block(Actor::owner(who.clone()), account("blocked", i, 0)).is_ok());
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		let who = owner::<T>(0);
		let profile = largest_profile::<T>(b'x', "u281z7u28");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), profile);

		assert!(Ailocks::<T>::contains_key(&who));
	}

	/// Moves to another cell and country and drops every skill with experience.
	#[benchmark]
	fn update() {
		let who = registered::<T>(0);
		for skill in ailock_skills::<T>(&who) {
			assert!(Pallet::<T>::do_grant(
				&who,
				ExperienceSource::MilestoneCompleted,
				1,
				Some(&skill)
			)
			.is_ok());
		}
		let mut profile = largest_profile::<T>(b'y', "xn774c06k");
		profile.location.country = CountryCode::new(*b"JP").ok();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), profile);

		assert_eq!(SkillXp::<T>::iter_prefix(&who).count(), 0);
	}

	#[benchmark]
	fn set_status() {
		let who = registered::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), AilockStatus::Busy);

		assert_eq!(Ailocks::<T>::get(&who).map(|a| a.status), Some(AilockStatus::Busy));
	}

	#[benchmark]
	fn heartbeat() {
		let who = registered::<T>(0);
		frame_system::Pallet::<T>::set_block_number(10u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert_eq!(Ailocks::<T>::get(&who).map(|a| a.last_heartbeat), Some(10u32.into()));
	}

	#[benchmark]
	fn trust() {
		let who = registered::<T>(0);
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&who, max - 1, max);
		let account: T::AccountId = account("new", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), account.clone());

		assert!(Trusted::<T>::get(&who).contains(&account));
	}

	#[benchmark]
	fn untrust() {
		let who = registered::<T>(0);
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&who, max, 0);
		let last: T::AccountId = account("trusted", max - 1, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), last.clone());

		assert!(!Trusted::<T>::get(&who).contains(&last));
	}

	/// Blocks the last trusted account, moving it between full lists.
	#[benchmark]
	fn block() {
		let who = registered::<T>(0);
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&who, max, max - 1);
		let last: T::AccountId = account("trusted", max - 1, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), last.clone());

		assert!(Blocked::<T>::get(&who).contains(&last));
	}

	#[benchmark]
	fn unblock() {
		let who = registered::<T>(0);
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&who, 0, max);
		let last: T::AccountId = account("blocked", max - 1, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), last.clone());

		assert!(!Blocked::<T>::get(&who).contains(&last));
	}

	#[benchmark]
	fn deregister() {
		let who = registered::<T>(0);
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&who, max, max);
		for skill in ailock_skills::<T>(&who) {
			assert!(Pallet::<T>::do_grant(
				&who,
				ExperienceSource::MilestoneCompleted,
				1,
				Some(&skill)
			)
			.is_ok());
		}
		for achievement in Achievement::ALL {
			Achievements::<T>::insert(&who, achievement, BlockNumberFor::<T>::one());
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Ailocks::<T>::contains_key(&who));
	}

	/// A cell full of expired boosts: every one is pruned, then a new one is added.
	#[benchmark]
	fn boost() {
		let who = registered::<T>(0);
		let boosted = cell("u281");
		let expired: Vec<_> = (0..T::MaxBoostsPerCell::get())
			.map(|i| Boost { ailock: account("old", i, 0), expires_at: BlockNumberFor::<T>::one() })
			.collect();
		Boosts::<T>::insert(&boosted, BoundedVec::truncate_from(expired));
		frame_system::Pallet::<T>::set_block_number(10u32.into());
		let duration = T::MaxBoostDuration::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), boosted.clone(), duration);

		assert_eq!(Boosts::<T>::get(&boosted).len(), 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

fn ailock_skills<T: Config>(who: &T::AccountId) -> Vec<Vec<u8>> {
	Ailocks::<T>::get(who)
		.map(|a| a.profile.skills.iter().map(|s| s.to_vec()).collect())
		.unwrap_or_default()
}
