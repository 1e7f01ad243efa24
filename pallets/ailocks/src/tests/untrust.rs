use super::*;
use crate::{Error, Event, Trusted};
use frame_support::assert_noop;

#[test]
fn untrusts_and_releases_the_entry_deposit() {
	with_alice_in_munich().build_and_execute(|| {
		let before = held(ALICE);
		assert_ok!(Registry::trust(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Registry::untrust(RuntimeOrigin::signed(ALICE), BOB));
		assert!(Trusted::<Test>::get(ALICE).is_empty());
		assert_eq!(held(ALICE), before);
		System::assert_last_event(
			Event::TrustedRemoved { ailock: ALICE, account: BOB, deposit: before }.into(),
		);
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Registry::untrust(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotRegistered
		);
		register_in_munich(ALICE);
		assert_noop!(
			Registry::untrust(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotTrusted
		);
	});
}
