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
fn only_a_registered_ailock_offers() {
	test(|| {
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), offer(1)),
			Error::<Test>::NotAnAilock
		);
	});
}

#[test]
fn an_offer_names_at_least_one_skill() {
	with_bob_in_munich().build_and_execute(|| {
		let mut empty = offer(1);
		empty.skills = skills(&[]);
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), empty),
			Error::<Test>::InvalidOffer
		);
	});
}

#[test]
fn an_offer_names_each_skill_once() {
	with_bob_in_munich().build_and_execute(|| {
		let mut twice = offer(1);
		twice.skills = skills(&["a", "a"]);
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), twice),
			Error::<Test>::DuplicateSkill
		);
	});
}

#[test]
fn an_ailock_has_one_offer() {
	with_bob_in_munich().build_and_execute(|| {
		assert_ok!(Intents::post_offer(RuntimeOrigin::signed(BOB), offer(1)));
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), offer(1)),
			Error::<Test>::OfferExists
		);
	});
}

#[test]
fn an_offer_needs_its_deposit() {
	with_bob_in_munich().build_and_execute(|| {
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&BOB, 1);
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), offer(1)),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn only_a_posted_offer_is_updated() {
	with_bob_in_munich().build_and_execute(|| {
		assert_noop!(
			Intents::update_offer(RuntimeOrigin::signed(BOB), offer(1)),
			Error::<Test>::OfferNotFound
		);
	});
}

#[test]
fn only_a_posted_offer_is_withdrawn() {
	with_bob_in_munich().build_and_execute(|| {
		assert_noop!(
			Intents::withdraw_offer(RuntimeOrigin::signed(BOB)),
			Error::<Test>::OfferNotFound
		);
	});
}

#[test]
fn deregistering_withdraws_the_offer_and_releases_its_deposit() {
	with_bob_in_munich().build_and_execute(|| {
		assert_ok!(Intents::post_offer(RuntimeOrigin::signed(BOB), offer(300)));
		let deposit = Intents::held(HoldReason::OfferDeposit, &BOB);
		let free = Balances::free_balance(BOB);
		MockDirectory::deregister(BOB);
		assert!(Offers::<Test>::get(BOB).is_none());
		assert_eq!(Intents::held(HoldReason::OfferDeposit, &BOB), 0);
		assert_eq!(Balances::free_balance(BOB), free + deposit);
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
	test(|| {
		let mut summary = summary_at("u281z", b"DE", "translation", 100);
		summary.location.cell = None;
		MockDirectory::register(BOB, summary);
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), offer(300)),
			Error::<Test>::AreaTooPrecise
		);
		let mut wide = offer(300);
		wide.area = cell("u2");
		assert_ok!(Intents::post_offer(RuntimeOrigin::signed(BOB), wide));
	});
}

#[test]
fn an_ailock_sharing_no_location_offers_no_area() {
	test(|| {
		let mut summary = summary_at("u281z", b"DE", "translation", 100);
		summary.location = Default::default();
		MockDirectory::register(BOB, summary);
		let mut wide = offer(300);
		wide.area = cell("u2");
		assert_noop!(
			Intents::post_offer(RuntimeOrigin::signed(BOB), wide),
			Error::<Test>::AreaTooPrecise
		);
	});
}
