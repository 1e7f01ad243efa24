use super::*;
use crate::{Error, Event, Matchers};
use frame_support::assert_noop;

#[test]
fn governance_adds_and_removes_matchers() {
	test(|| {
		assert_eq!(Matchers::<Test>::get().to_vec(), vec![MATCHER]);
		assert_ok!(Intents::add_matcher(RuntimeOrigin::root(), BOB));
		System::assert_last_event(Event::MatcherAdded { matcher: BOB }.into());
		assert_noop!(
			Intents::add_matcher(RuntimeOrigin::root(), BOB),
			Error::<Test>::AlreadyMatcher
		);
		assert_noop!(
			Intents::add_matcher(RuntimeOrigin::root(), CHARLIE),
			Error::<Test>::TooManyMatchers
		);
		assert_noop!(
			Intents::add_matcher(RuntimeOrigin::signed(ALICE), CHARLIE),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Intents::remove_matcher(RuntimeOrigin::root(), BOB));
		System::assert_last_event(Event::MatcherRemoved { matcher: BOB }.into());
		assert_noop!(
			Intents::remove_matcher(RuntimeOrigin::root(), BOB),
			Error::<Test>::NotMatcher
		);
		assert_noop!(
			Intents::remove_matcher(RuntimeOrigin::signed(MATCHER), MATCHER),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
