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
	test(|| {
		ailock_at(BOB, "u281z", b"DE", "translation", 100);
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
