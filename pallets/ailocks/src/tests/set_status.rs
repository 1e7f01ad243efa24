use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;

#[test]
fn sets_the_status() {
	with_alice_in_munich().build_and_execute(|| {
		assert_ok!(Registry::set_status(RuntimeOrigin::signed(ALICE), AilockStatus::Away));
		assert_eq!(ailock(ALICE).status, AilockStatus::Away);
		System::assert_last_event(
			Event::StatusChanged { ailock: ALICE, status: AilockStatus::Away }.into(),
		);
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Registry::set_status(RuntimeOrigin::signed(ALICE), AilockStatus::Busy),
			Error::<Test>::NotRegistered
		);
		register_in_munich(ALICE);
		assert_noop!(
			Registry::set_status(RuntimeOrigin::signed(ALICE), AilockStatus::Offline),
			Error::<Test>::CannotSetOffline
		);
	});
}
