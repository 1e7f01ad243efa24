use super::*;
use crate::{Blocked, Error, Event};
use frame_support::assert_noop;

#[test]
fn unblocks_and_releases_the_entry_deposit() {
	with_alice_in_munich().build_and_execute(|| {
		let before = held(ALICE);
		assert_ok!(Registry::block(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Registry::unblock(RuntimeOrigin::signed(ALICE), BOB));
		assert!(Blocked::<Test>::get(ALICE).is_empty());
		assert_eq!(held(ALICE), before);
		System::assert_last_event(
			Event::BlockedRemoved { ailock: ALICE, account: BOB, deposit: before }.into(),
		);
		assert_ok!(Registry::trust(RuntimeOrigin::signed(ALICE), BOB));
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Registry::unblock(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotRegistered
		);
		register_in_munich(ALICE);
		assert_noop!(
			Registry::unblock(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotBlocked
		);
	});
}
