//! Tests, a file per call.

mod cancel_auction;
mod commit_bid;
mod open_auction;
mod reveal_bid;
mod settle;

use crate::{
	mock::*,
	types::{AuctionId, Lot, Salt},
	FactorsOf,
};
use ailock_primitives::{
	auction::{BundleMask, ReputationBonus, TierBonuses},
	chain::IntentId,
};
use frame_support::{assert_ok, BoundedVec};
use sp_core::H256;

pub const SALT: Salt = [7; 32];
/// Opened at block 1: commits up to block 6, reveals from 7 to 11, settles from 12.
pub const COMMIT_PERIOD: u64 = 5;
pub const REVEAL_PERIOD: u64 = 5;
pub const REVEALS_FROM: u64 = 7;
pub const SETTLES_FROM: u64 = 12;

/// "+50 % same city", nothing else.
pub fn same_city_bonus() -> FactorsOf<Test> {
	FactorsOf::<Test> {
		location: TierBonuses { same_city: 5_000, same_region: 0, same_country: 0 },
		skills: BoundedVec::new(),
		languages: BoundedVec::new(),
		reputation: None,
	}
}

/// Every kind of bonus: tiers, a skill, a language and reputation of at least 90 %.
pub fn every_bonus() -> FactorsOf<Test> {
	FactorsOf::<Test> {
		location: TierBonuses { same_city: 5_000, same_region: 3_000, same_country: 1_000 },
		skills: BoundedVec::truncate_from(vec![(tag("translation"), 4_000)]),
		languages: BoundedVec::truncate_from(vec![(
			ailock_primitives::profile::LanguageCode(*b"de"),
			500,
		)]),
		reputation: Some(ReputationBonus {
			at_least: sp_runtime::Perbill::from_percent(90),
			bonus: 2_000,
		}),
	}
}

/// The world with the three providers and REQUESTER's Munich translation intent 0 (budget
/// 2 000).
pub fn munich_translation() -> ExtBuilder {
	ExtBuilder::default()
		.with_providers()
		.with_intent(0, intent(REQUESTER, 2_000, Some(cell("u281z"))))
}

/// The world with the three providers and REQUESTER's Berlin chain: root 0 with steps 1, 2
/// and 3, 1 000 each.
pub fn berlin_chain() -> ExtBuilder {
	let mut root = intent(REQUESTER, 3_000, Some(cell("u33db")));
	root.steps = Some(vec![1, 2, 3]);
	(1..=3).fold(ExtBuilder::default().with_providers().with_intent(0, root), |world, id| {
		world.with_intent(id, intent(REQUESTER, 1_000, Some(cell("u33db"))))
	})
}

/// Opens an auction on `intent` with `factors` and the standard periods.
pub fn open_with(intent: IntentId, factors: FactorsOf<Test>) -> AuctionId {
	let id = crate::NextAuctionId::<Test>::get();
	assert_ok!(Auction::open_auction(
		RuntimeOrigin::signed(REQUESTER),
		intent,
		COMMIT_PERIOD,
		REVEAL_PERIOD,
		factors
	));
	id
}

pub fn seal(auction: AuctionId, bidder: AccountId, bundle: BundleMask, price: Balance) -> H256 {
	Auction::commitment(auction, &bidder, bundle, price, &SALT)
}

pub fn commit(auction: AuctionId, bidder: AccountId, bundle: BundleMask, price: Balance) {
	assert_ok!(Auction::commit_bid(
		RuntimeOrigin::signed(bidder),
		auction,
		seal(auction, bidder, bundle, price)
	));
}

pub fn reveal(auction: AuctionId, bidder: AccountId, bundle: BundleMask, price: Balance) {
	assert_ok!(Auction::reveal_bid(RuntimeOrigin::signed(bidder), auction, bundle, price, SALT));
}

pub fn held(reason: crate::HoldReason, who: AccountId) -> Balance {
	Auction::held(reason, &who)
}

pub fn status(intent: IntentId) -> Option<Option<AccountId>> {
	MockIntents::get(intent).expect("stored").status
}
