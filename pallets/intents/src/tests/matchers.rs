use super::*;
use crate::{Error, Event, Matchers};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn governance_adds_and_removes_matchers() {
	test(|| {
		assert_eq!(Matchers::<Test>::get().to_vec(), vec![MATCHER]);
		assert_ok!(Intents::add_matcher(RuntimeOrigin::root(), BOB));
		System::assert_last_event(Event::MatcherAdded { matcher: BOB }.into());
		assert_eq!(Matchers::<Test>::get().to_vec(), vec![MATCHER, BOB]);
		assert_ok!(Intents::remove_matcher(RuntimeOrigin::root(), BOB));
		System::assert_last_event(Event::MatcherRemoved { matcher: BOB }.into());
		assert_eq!(Matchers::<Test>::get().to_vec(), vec![MATCHER]);
	});
}

#[test]
fn a_matcher_is_added_once() {
	test(|| {
		assert_noop!(
			Intents::add_matcher(RuntimeOrigin::root(), MATCHER),
			Error::<Test>::AlreadyMatcher
		);
	});
}

#[test]
fn the_matcher_set_is_bounded() {
	test(|| {
		// MaxMatchers is 2 in the mock.
		assert_ok!(Intents::add_matcher(RuntimeOrigin::root(), BOB));
		assert_noop!(
			Intents::add_matcher(RuntimeOrigin::root(), CHARLIE),
			Error::<Test>::TooManyMatchers
		);
	});
}

#[test]
fn only_governance_adds_a_matcher() {
	test(|| {
		assert_noop!(
			Intents::add_matcher(RuntimeOrigin::signed(ALICE), CHARLIE),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn only_a_matcher_is_removed() {
	test(|| {
		assert_noop!(
			Intents::remove_matcher(RuntimeOrigin::root(), BOB),
			Error::<Test>::NotMatcher
		);
	});
}

#[test]
fn only_governance_removes_a_matcher() {
	test(|| {
		assert_noop!(
			Intents::remove_matcher(RuntimeOrigin::signed(MATCHER), MATCHER),
			DispatchError::BadOrigin
		);
	});
}
