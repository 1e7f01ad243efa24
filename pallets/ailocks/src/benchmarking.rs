//! Benchmarks (frame-benchmarking v2), each at its worst case: the largest profile, full lists,
//! every skill with experience, every achievement, a cell full of expired boosts, a region-wide
//! service area boosted in every cell, and every call that holds or releases funds made through
//! an agent key (the charge against its cap reads and writes the delegation).

use super::*;
use crate::types::*;
use ailock_primitives::{
	geo::{CountryCode, GeoCell, SharingLevel},
	profile::{LanguageCode, Tag, WeeklyAvailability},
	traits::{Actor, DidBenchmarking, ExperienceSource},
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
	T::BenchmarkHelper::create_did(&who);
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

/// `who` and the agent key it acts through.
fn with_agent<T: Config>(who: &T::AccountId) -> Actor<T::AccountId> {
	Actor { owner: who.clone(), agent: Some(T::BenchmarkHelper::create_agent(who)) }
}

/// A small profile: `skills` two-letter skills and nothing else optional, at `geohash`
/// (a 3-character cell: a region-wide service area).
fn small_profile<T: Config>(skills: u32, geohash: &str) -> ProfileOf<T> {
	let mut profile = largest_profile::<T>(b'x', geohash);
	profile.name = BoundedVec::truncate_from(b"n".to_vec());
	profile.languages = BoundedVec::new();
	profile.domains = BoundedVec::new();
	profile.skills = BoundedVec::truncate_from(
		(0..skills.max(1))
			.map(|i| {
				BoundedVec::truncate_from(alloc::vec![b'a' + (i % 26) as u8, b'a' + (i / 26) as u8])
			})
			.collect::<Vec<_>>(),
	);
	profile.location.sharing = match geohash.len() {
		3 => SharingLevel::Region,
		5 => SharingLevel::City,
		_ => SharingLevel::Exact,
	};
	profile
}

/// Registers `who` through its agent with `profile`.
fn registered_with<T: Config>(who: &T::AccountId, profile: ProfileOf<T>) -> Actor<T::AccountId> {
	let actor = with_agent::<T>(who);
	let result = Pallet::<T>::do_register(actor.clone(), profile);
	assert!(result.is_ok(), "registered: {result:?}");
	actor
}

fn registered<T: Config>(index: u32) -> (T::AccountId, Actor<T::AccountId>) {
	let who = owner::<T>(index);
	let actor = registered_with::<T>(&who, largest_profile::<T>(b'x', "u281z7u28"));
	(who, actor)
}

/// Fills both lists (through `actor`, so the deposits are charged to its agent): trusted with
/// `trusted` entries, blocked with `blocked`.
fn fill_lists<T: Config>(actor: &Actor<T::AccountId>, trusted: u32, blocked: u32) {
	for i in 0..trusted {
		assert!(Pallet::<T>::do_trust(actor.clone(), account("trusted", i, 0)).is_ok());
	}
	for i in 0..blocked {
		assert!(Pallet::<T>::do_block(actor.clone(), account("blocked", i, 0)).is_ok());
	}
}

/// Experience in every skill of `who`'s profile.
fn grant_every_skill<T: Config>(who: &T::AccountId) {
	for skill in ailock_skills::<T>(who) {
		let granted =
			Pallet::<T>::do_grant(who, ExperienceSource::MilestoneCompleted, 1, Some(&skill));
		assert!(granted.is_ok());
	}
}

/// A live boost of `who` in every cell of its service area.
fn boost_everywhere<T: Config>(who: &T::AccountId) {
	let location = Ailocks::<T>::get(who).map(|a| a.profile.location).expect("registered");
	let expires_at = frame_system::Pallet::<T>::block_number() + T::MaxBoostDuration::get();
	for cell in Pallet::<T>::boost_cells(&location) {
		let mut boosts: Vec<_> = (1..T::MaxBoostsPerCell::get())
			.map(|i| Boost { ailock: account("other", i, 0), expires_at })
			.collect();
		boosts.push(Boost { ailock: who.clone(), expires_at });
		Boosts::<T>::insert(&cell, BoundedVec::truncate_from(boosts));
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Through an agent: the deposit is charged to its cap.
	#[benchmark]
	fn register() {
		let who = owner::<T>(0);
		let actor = with_agent::<T>(&who);
		let profile = largest_profile::<T>(b'x', "u281z7u28");

		#[block]
		{
			assert!(Pallet::<T>::do_register(actor, profile).is_ok());
		}

		assert!(Ailocks::<T>::contains_key(&who));
		assert!(DepositCharges::<T>::contains_key(&who));
	}

	/// Through an agent, from a small profile to the largest (the deposit grows and is charged),
	/// dropping `s` skills with experience; with `m` = 1 it also moves from a region-wide
	/// service area, boosted in every cell, to another cell and country.
	#[benchmark]
	fn update(s: Linear<0, MAX_SKILLS>, m: Linear<0, 1>) {
		let who = owner::<T>(0);
		let actor = registered_with::<T>(&who, small_profile::<T>(s, "u28"));
		grant_every_skill::<T>(&who);
		boost_everywhere::<T>(&who);
		let mut profile = largest_profile::<T>(b'y', if m == 1 { "xn774c06k" } else { "u28" });
		if m == 0 {
			profile.location = Ailocks::<T>::get(&who).map(|a| a.profile.location).expect("ok");
		} else {
			profile.location.country = CountryCode::new(*b"JP").ok();
		}
		// `s` = 0 keeps the one skill the small profile needs.
		if s == 0 {
			let kept = ailock_skills::<T>(&who);
			profile.skills = BoundedVec::truncate_from(
				kept.into_iter().map(BoundedVec::truncate_from).collect::<Vec<_>>(),
			);
		}
		let before = Ailocks::<T>::get(&who).map(|a| a.deposit).expect("registered");
		let result;

		#[block]
		{
			result = Pallet::<T>::do_update(actor, profile);
		}

		assert_eq!(result, Ok((s, m == 1)));
		assert_eq!(SkillXp::<T>::iter_prefix(&who).count() as u32, u32::from(s == 0));
		assert!(Ailocks::<T>::get(&who).map(|a| a.deposit).expect("registered") > before);
	}

	#[benchmark]
	fn set_status() {
		let (who, _) = registered::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), AilockStatus::Busy);

		assert_eq!(Ailocks::<T>::get(&who).map(|a| a.status), Some(AilockStatus::Busy));
	}

	/// An Ailock still in the indexes.
	#[benchmark]
	fn heartbeat() {
		let (who, _) = registered::<T>(0);
		frame_system::Pallet::<T>::set_block_number(10u32.into());

		#[extrinsic_call]
		heartbeat(RawOrigin::Signed(who.clone()));

		assert_eq!(Ailocks::<T>::get(&who).map(|a| a.last_heartbeat), Some(10u32.into()));
	}

	/// A reaped Ailock: the heartbeat enters it in the geo, country and global indexes again.
	#[benchmark]
	fn heartbeat_reindexed() {
		let (who, _) = registered::<T>(0);
		let offline = T::HeartbeatTimeout::get() + 2u32.into();
		frame_system::Pallet::<T>::set_block_number(offline);
		assert!(Pallet::<T>::do_reap(who.clone(), who.clone()).is_ok());

		#[extrinsic_call]
		heartbeat(RawOrigin::Signed(who.clone()));

		assert_eq!(Ailocks::<T>::get(&who).map(|a| a.indexed), Some(true));
	}

	/// An offline Ailock with a cell and a country: three index entries and the cell count.
	#[benchmark]
	fn reap() {
		let (who, _) = registered::<T>(0);
		let reaper: T::AccountId = account("reaper", 0, 0);
		let offline = T::HeartbeatTimeout::get() + 2u32.into();
		frame_system::Pallet::<T>::set_block_number(offline);

		#[extrinsic_call]
		_(RawOrigin::Signed(reaper), who.clone());

		assert_eq!(Ailocks::<T>::get(&who).map(|a| a.indexed), Some(false));
	}

	/// Through an agent, with both lists full but one entry (both are scanned).
	#[benchmark]
	fn trust() {
		let (who, actor) = registered::<T>(0);
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&actor, max - 1, max);
		let account: T::AccountId = account("new", 0, 0);

		#[block]
		{
			assert!(Pallet::<T>::do_trust(actor, account.clone()).is_ok());
		}

		assert!(Trusted::<T>::get(&who).contains(&account));
	}

	/// The last entry of a full list; the released deposit is credited back to the agent.
	#[benchmark]
	fn untrust() {
		let (who, actor) = registered::<T>(0);
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&actor, max, 0);
		let last: T::AccountId = account("trusted", max - 1, 0);

		#[block]
		{
			assert!(Pallet::<T>::do_untrust(actor, last.clone()).is_ok());
		}

		assert!(!Trusted::<T>::get(&who).contains(&last));
	}

	/// Through an agent, an account on neither list while the trusted list is full and the
	/// blocked list one short: both lists are scanned and rewritten, and the deposit grows.
	#[benchmark]
	fn block() {
		let (who, actor) = registered::<T>(0);
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&actor, max, max - 1);
		let account: T::AccountId = account("new", 0, 0);
		let before = Ailocks::<T>::get(&who).map(|a| a.deposit).expect("registered");

		#[block]
		{
			assert!(Pallet::<T>::do_block(actor, account.clone()).is_ok());
		}

		assert!(Blocked::<T>::get(&who).contains(&account));
		assert!(Ailocks::<T>::get(&who).map(|a| a.deposit).expect("registered") > before);
	}

	#[benchmark]
	fn unblock() {
		let (who, actor) = registered::<T>(0);
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&actor, 0, max);
		let last: T::AccountId = account("blocked", max - 1, 0);

		#[block]
		{
			assert!(Pallet::<T>::do_unblock(actor, last.clone()).is_ok());
		}

		assert!(!Blocked::<T>::get(&who).contains(&last));
	}

	/// `s` skills with experience, full lists, every achievement, a boost in every cell of the
	/// service area (`r` = 1: region-wide, its 32 cells; 0: one cell), the deposit charged to an
	/// agent (credited back). What other pallets drop is weighed by them.
	#[benchmark]
	fn deregister(s: Linear<1, MAX_SKILLS>, r: Linear<0, 1>) {
		let who = owner::<T>(0);
		let actor =
			registered_with::<T>(&who, small_profile::<T>(s, if r == 1 { "u28" } else { "u281z" }));
		let max = T::MaxListEntries::get();
		fill_lists::<T>(&actor, max, max);
		grant_every_skill::<T>(&who);
		for achievement in Achievement::ALL {
			Achievements::<T>::insert(&who, achievement, BlockNumberFor::<T>::one());
		}
		boost_everywhere::<T>(&who);
		let result;

		#[block]
		{
			result = Pallet::<T>::do_deregister(who.clone());
		}

		assert_eq!(result, Ok((s, r == 1)));
		assert!(!Ailocks::<T>::contains_key(&who));
	}

	/// Through an agent, a cell holding `b` expired boosts: every one is pruned, then the new
	/// one is added.
	#[benchmark]
	fn boost(b: Linear<0, { T::MaxBoostsPerCell::get() }>) {
		let (_, actor) = registered::<T>(0);
		let boosted = cell("u281");
		let expired: Vec<_> = (0..b)
			.map(|i| Boost { ailock: account("old", i, 0), expires_at: BlockNumberFor::<T>::one() })
			.collect();
		Boosts::<T>::insert(&boosted, BoundedVec::truncate_from(expired));
		frame_system::Pallet::<T>::set_block_number(10u32.into());
		let duration = T::MaxBoostDuration::get();
		let result;

		#[block]
		{
			result = Pallet::<T>::do_boost(actor, boosted.clone(), duration);
		}

		assert_eq!(result, Ok(b));
		assert_eq!(Boosts::<T>::get(&boosted).len(), 1);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().with_market_dids().build(),
		crate::mock::Test
	);
}

fn ailock_skills<T: Config>(who: &T::AccountId) -> Vec<Vec<u8>> {
	Ailocks::<T>::get(who)
		.map(|a| a.profile.skills.iter().map(|s| s.to_vec()).collect())
		.unwrap_or_default()
}
