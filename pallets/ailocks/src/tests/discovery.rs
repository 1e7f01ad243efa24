use super::*;
use ailock_primitives::{geo::LocationTier, traits::ExperienceSink};

pub(super) fn near(
	geohash: &str,
	code: Option<&[u8; 2]>,
	tier: LocationTier,
	skills: &[&str],
) -> Vec<AccountId> {
	let skills: Vec<Tag> = skills.iter().map(|s| tag(s)).collect();
	Registry::ailocks_near(&cell(geohash), code.map(country), tier, &skills, 10)
		.into_iter()
		.map(|hit| hit.ailock)
		.collect()
}

pub(super) fn register_at(who: AccountId, location: Location, skills: &[&str]) {
	assert_ok!(Registry::register(RuntimeOrigin::signed(who), profile("x", skills, location)));
}

#[test]
fn finds_nearby_ailocks_by_tier_and_never_far_ones() {
	test(|| {
		register_at(ALICE, munich(), &["translation"]);
		register_at(BOB, located(SharingLevel::Region, Some("u28"), Some(b"DE")), &["translation"]);
		register_at(
			CHARLIE,
			located(SharingLevel::City, Some("u33db"), Some(b"DE")),
			&["translation"],
		);
		register_at(
			DAVE,
			located(SharingLevel::City, Some("xn774"), Some(b"JP")),
			&["translation"],
		);

		// From a Munich street: same city, then same region.
		assert_eq!(near("u281z7", None, LocationTier::SameRegion, &[]), vec![ALICE, BOB]);
		assert_eq!(near("u281z7", None, LocationTier::SameCity, &[]), vec![ALICE]);
		// Same country adds Berlin; global adds Tokyo last.
		assert_eq!(
			near("u281z7", Some(b"DE"), LocationTier::SameCountry, &[]),
			vec![ALICE, BOB, CHARLIE]
		);
		assert_eq!(
			near("u281z7", Some(b"DE"), LocationTier::Global, &[]),
			vec![ALICE, BOB, CHARLIE, DAVE]
		);
		// From Tokyo, Munich is not near.
		assert_eq!(near("xn774c", Some(b"JP"), LocationTier::SameCountry, &[]), vec![DAVE]);
		let hits = Registry::ailocks_near(&cell("xn774c"), None, LocationTier::SameCity, &[], 10);
		assert_eq!(hits[0].tier, LocationTier::SameCity);
		assert_eq!(hits[0].cell, Some(cell("xn774")));
	});
}

#[test]
fn filters_by_skill_and_liveness_and_respects_the_limit() {
	test(|| {
		register_at(ALICE, munich(), &["translation", "german"]);
		register_at(BOB, munich(), &["translation"]);
		register_at(CHARLIE, munich(), &["catering"]);
		assert_eq!(near("u281z", None, LocationTier::SameCity, &["translation"]), vec![ALICE, BOB]);
		assert_eq!(
			near("u281z", None, LocationTier::SameCity, &["translation", "german"]),
			vec![ALICE]
		);
		assert_eq!(
			Registry::ailocks_near(&cell("u281z"), None, LocationTier::SameCity, &[], 2).len(),
			2
		);

		assert_ok!(Registry::set_status(RuntimeOrigin::signed(BOB), AilockStatus::Away));
		assert_eq!(near("u281z", None, LocationTier::SameCity, &["translation"]), vec![ALICE]);

		// Only CHARLIE keeps sending heartbeats.
		System::set_block_number(2 + HEARTBEAT_TIMEOUT);
		assert_ok!(Registry::heartbeat(RuntimeOrigin::signed(CHARLIE)));
		assert_eq!(near("u281z", None, LocationTier::SameCity, &[]), vec![CHARLIE]);
	});
}

#[test]
fn boosts_raise_rank_within_a_tier_only() {
	test(|| {
		register_at(ALICE, munich(), &["translation"]);
		register_at(BOB, munich(), &["translation"]);
		register_at(
			CHARLIE,
			located(SharingLevel::Region, Some("u28"), Some(b"DE")),
			&["translation"],
		);
		// Level 2 beats level 1; a boost (+50%) lifts level 1 above nothing else at level 2.
		assert_ok!(Registry::grant(
			&ALICE,
			ailock_primitives::traits::ExperienceSource::MilestoneCompleted,
			100,
			None
		));
		assert_eq!(near("u281z", None, LocationTier::SameRegion, &[]), vec![ALICE, BOB, CHARLIE]);
		assert_ok!(Registry::boost(RuntimeOrigin::signed(CHARLIE), cell("u281"), 10));
		assert_ok!(Registry::boost(RuntimeOrigin::signed(BOB), cell("u281"), 10));
		let hits = Registry::ailocks_near(&cell("u281z"), None, LocationTier::SameRegion, &[], 10);
		let order: Vec<_> = hits.iter().map(|h| (h.ailock, h.boosted)).collect();
		// BOB (level 1 × 1.5) stays below ALICE (level 2); CHARLIE's boost cannot lift it
		// out of its farther tier.
		assert_eq!(order, vec![(ALICE, false), (BOB, true), (CHARLIE, true)]);
		// Boosts bought for another cell do not count here.
		assert_eq!(
			Registry::ailocks_near(&cell("u28"), None, LocationTier::SameRegion, &[], 10)
				.iter()
				.filter(|h| h.boosted)
				.count(),
			0
		);
	});
}

#[test]
fn the_directory_summarises_profiles_for_matching() {
	use ailock_primitives::traits::AilockDirectory;
	test(|| {
		register_at(ALICE, munich(), &["translation"]);
		register_at(BOB, located(SharingLevel::City, Some("xn774"), Some(b"JP")), &["translation"]);
		let summary = Registry::summary(&ALICE).expect("registered");
		assert_eq!(summary.location.cell, Some(cell("u281z")));
		assert_eq!(summary.skills, vec![tag("translation")]);
		assert_eq!((summary.min_price, summary.available_hours), (100, 40));
		assert!(summary.live && summary.has_capacity);
		JobsInProgress::set(3);
		assert!(!Registry::summary(&ALICE).expect("registered").has_capacity);
		JobsInProgress::set(0);
		assert_eq!(
			Registry::candidates(Some(&cell("u281z7")), None, LocationTier::SameRegion, &[], 5),
			vec![ALICE]
		);
		assert!(Registry::summary(&CHARLIE).is_none());
	});
}

/// The runtime's bound on Ailocks per discovery cell.
const RUNTIME_CELL_BOUND: u32 = 4_096;

/// Registers `count` Ailocks with fresh DIDs from account `first` on, at `location`.
pub(super) fn crowd(first: AccountId, count: u32, location: Location) -> Vec<AccountId> {
	(0..u64::from(count))
		.map(|i| {
			let who = first + i;
			<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
				&who,
				INITIAL_BALANCE,
			);
			assert_ok!(pallet_did::Pallet::<Test>::create(
				RuntimeOrigin::signed(who),
				Default::default(),
				Default::default()
			));
			register_at(who, location.clone(), &["translation"]);
			who
		})
		.collect()
}

#[test]
fn a_full_region_bucket_of_offline_ailocks_hides_nobody_in_the_city() {
	test(|| {
		CellBound::set(RUNTIME_CELL_BOUND);
		// The attack: a full region-level bucket at `u28`, never sending a heartbeat.
		let region = located(SharingLevel::Region, Some("u28"), Some(b"DE"));
		let stale = crowd(1_000, RUNTIME_CELL_BOUND, region);
		System::set_block_number(HEARTBEAT_TIMEOUT + 2);
		register_at(ALICE, munich(), &["translation"]);
		assert_eq!(near("u281z7", Some(b"DE"), LocationTier::SameRegion, &[]), vec![ALICE]);
		assert_eq!(near("u281z7", Some(b"DE"), LocationTier::Global, &[]), vec![ALICE]);
		// Live ones in the region bucket (room made by reaping stale ones) rank after the city.
		for who in &stale[..3] {
			assert_ok!(Registry::reap(RuntimeOrigin::signed(BOB), *who));
		}
		let live = crowd(100_000, 3, located(SharingLevel::Region, Some("u28"), Some(b"DE")));
		let found = near("u281z7", None, LocationTier::SameRegion, &[]);
		assert_eq!(found.first(), Some(&ALICE));
		assert_eq!(found.len(), 4);
		assert!(live.iter().all(|who| found.contains(who)));
	});
}

#[test]
fn every_cell_of_a_crowded_region_is_read() {
	test(|| {
		CellBound::set(RUNTIME_CELL_BOUND);
		// More Ailocks in the region than one old scan budget, in cells early in the alphabet.
		crowd(1_000, RUNTIME_CELL_BOUND, located(SharingLevel::City, Some("u280z"), Some(b"DE")));
		crowd(10_000, 100, located(SharingLevel::City, Some("u282z"), Some(b"DE")));
		System::set_block_number(HEARTBEAT_TIMEOUT + 2);
		// A live Ailock in the region's last cell is still found from elsewhere in the region.
		register_at(
			ALICE,
			located(SharingLevel::City, Some("u28zz"), Some(b"DE")),
			&["translation"],
		);
		assert_eq!(near("u281z7", None, LocationTier::SameRegion, &[]), vec![ALICE]);
	});
}

#[test]
fn the_global_tier_is_sampled_from_a_start_the_parent_hash_chooses() {
	test(|| {
		// Nobody shares a location: only the global index finds them.
		let hidden = located(SharingLevel::None, None, None);
		let crowd = crowd(1_000, 40, hidden);
		let sample = |parent: u8| {
			System::set_parent_hash(sp_core::H256::repeat_byte(parent));
			Registry::ailocks_near(&cell("u281z7"), None, LocationTier::Global, &[], 40)
				.into_iter()
				.map(|hit| hit.ailock)
				.collect::<Vec<_>>()
		};
		// Everyone is found when the sample has room, whatever the start.
		let mut all = sample(1);
		all.sort();
		assert_eq!(all, crowd);
		// The start moves with the parent hash: with room for 5, two blocks see different ones.
		let first = |parent: u8| {
			System::set_parent_hash(sp_core::H256::repeat_byte(parent));
			use frame_support::storage::StoragePrefixedMap;
			let prefix = crate::GlobalIndex::<Test>::final_prefix();
			let seed = ailock_primitives::sampling::seed(&[parent; 32], b"global");
			ailock_primitives::sampling::sample_keys(&prefix, seed, 1)
		};
		assert_ne!(first(1), first(2));
	});
}
