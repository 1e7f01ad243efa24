use super::*;
use crate::{Error, Event, HoldReason, Offers};
use ailock_primitives::geo::LocationTier;
use frame_support::assert_noop;

fn offer(price: Balance) -> Offer<Balance> {
	Offer {
		skills: skills(&["translation"]),
		price,
		area: cell("u281"),
		reach: LocationTier::SameRegion,
		capacity: 2,
	}
}

#[test]
fn an_ailock_posts_updates_and_withdraws_its_offer() {
	with_bob_in_munich().build_and_execute(|| {
		assert_ok!(Intents::post_offer(RuntimeOrigin::signed(BOB), offer(300)));
		let deposit =
			OFFER_DEPOSIT + INTENT_BYTE_DEPOSIT * codec::Encode::encoded_size(&offer(300)) as u128;
		assert_eq!(Intents::held(HoldReason::OfferDeposit, &BOB), deposit);
		System::assert_last_event(
			Event::OfferPosted { ailock: BOB, offer: offer(300), deposit }.into(),
		);
		let mut wider = offer(250);
		wider.skills = skills(&["translation", "proofreading"]);
		assert_ok!(Intents::update_offer(RuntimeOrigin::signed(BOB), wider.clone()));
		assert_eq!(Offers::<Test>::get(BOB).expect("offer").offer, wider);
		assert_ok!(Intents::withdraw_offer(RuntimeOrigin::signed(BOB)));
		assert_eq!(Intents::held(HoldReason::OfferDeposit, &BOB), 0);
		assert!(Offers::<Test>::get(BOB).is_none());
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), offer(1)),
			Error::<Test>::NotAnAilock
		);
		ailock_at(BOB, "u281z", b"DE", "translation", 100);
		assert_noop!(
			Intents::update_offer(RuntimeOrigin::signed(BOB), offer(1)),
			Error::<Test>::OfferNotFound
		);
		assert_noop!(
			Intents::withdraw_offer(RuntimeOrigin::signed(BOB)),
			Error::<Test>::OfferNotFound
		);
		let mut empty = offer(1);
		empty.skills = skills(&[]);
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), empty),
			Error::<Test>::InvalidOffer
		);
		let mut twice = offer(1);
		twice.skills = skills(&["a", "a"]);
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), twice),
			Error::<Test>::DuplicateSkill
		);
		assert_ok!(Intents::post_offer(RuntimeOrigin::signed(BOB), offer(1)));
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), offer(1)),
			Error::<Test>::OfferExists
		);
		ailock_at(CHARLIE, "u281z", b"DE", "translation", 100);
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&CHARLIE, 1);
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(CHARLIE), offer(1)),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn deregistering_withdraws_the_offer_and_releases_its_deposit() {
	with_bob_in_munich().build_and_execute(|| {
		assert_ok!(Intents::post_offer(RuntimeOrigin::signed(BOB), offer(300)));
		let deposit = Intents::held(HoldReason::OfferDeposit, &BOB);
		let free = Balances::free_balance(BOB);
		let profile_deposit = pallet_ailocks::Ailocks::<Test>::get(BOB).expect("stored").deposit;
		assert_ok!(Ailocks::deregister(RuntimeOrigin::signed(BOB)));
		assert!(Offers::<Test>::get(BOB).is_none());
		assert_eq!(Intents::held(HoldReason::OfferDeposit, &BOB), 0);
		assert_eq!(Balances::free_balance(BOB), free + deposit + profile_deposit);
		System::assert_has_event(
			Event::OfferWithdrawn { ailock: BOB, deposit_released: deposit }.into(),
		);
	});
}

#[test]
fn an_offer_area_is_never_more_precise_than_the_ailock_shares() {
	test(|| {
		// BOB shares its city (5 characters): a street-level area would tell more.
		ailock_at(BOB, "u281z", b"DE", "translation", 100);
		let mut street = offer(300);
		street.area = cell("u281z7u");
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), street),
			Error::<Test>::AreaTooPrecise
		);
		let mut city = offer(300);
		city.area = cell("u281z");
		assert_ok!(Intents::post_offer(RuntimeOrigin::signed(BOB), city));
	});
}

#[test]
fn an_ailock_sharing_only_its_country_offers_at_most_a_country_sized_area() {
	use ailock_primitives::geo::{CountryCode, SharingLevel};
	test(|| {
		let mut profile = pallet_ailocks::types::Profile {
			name: BoundedVec::truncate_from(b"Private".to_vec()),
			avatar: 1,
			languages: BoundedVec::new(),
			skills: BoundedVec::truncate_from(vec![tag("translation")]),
			domains: BoundedVec::new(),
			pricing: pallet_ailocks::types::Pricing { min_price: 100, hourly_rate: 10 },
			capacity: 2,
			availability: ailock_primitives::profile::WeeklyAvailability::ALWAYS,
			utc_offset_minutes: 60,
			location: pallet_ailocks::types::Location {
				sharing: SharingLevel::Country,
				cell: None,
				country: Some(CountryCode::new(*b"DE").expect("a country")),
				commitment: H256::zero(),
			},
		};
		assert_ok!(Ailocks::register(RuntimeOrigin::signed(BOB), profile.clone()));
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), offer(300)),
			Error::<Test>::AreaTooPrecise
		);
		let mut wide = offer(300);
		wide.area = cell("u2");
		assert_ok!(Intents::post_offer(RuntimeOrigin::signed(BOB), wide.clone()));
		// Sharing nothing: no area is vague enough.
		assert_ok!(Intents::withdraw_offer(RuntimeOrigin::signed(BOB)));
		profile.location.sharing = SharingLevel::None;
		profile.location.country = None;
		profile.utc_offset_minutes = 0;
		assert_ok!(Ailocks::update(RuntimeOrigin::signed(BOB), profile));
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), wide),
			Error::<Test>::AreaTooPrecise
		);
	});
}
