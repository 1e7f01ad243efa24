use super::*;
use crate::{Blocked, Error, Event, Trusted};
use frame_support::assert_noop;

#[test]
fn blocks_and_moves_out_of_the_trusted_list() {
	with_alice_in_munich().build_and_execute(|| {
		assert_ok!(Registry::trust(RuntimeOrigin::signed(ALICE), BOB));
		let before = held(ALICE);
		assert_ok!(Registry::block(RuntimeOrigin::signed(ALICE), BOB));
		assert!(Trusted::<Test>::get(ALICE).is_empty());
		assert_eq!(Blocked::<Test>::get(ALICE).to_vec(), vec![BOB]);
		assert_eq!(held(ALICE), before, "one entry moved lists");
		System::assert_last_event(
			Event::BlockedAdded { ailock: ALICE, account: BOB, deposit: before }.into(),
		);
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Registry::block(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotRegistered
		);
		register_in_munich(ALICE);
		assert_noop!(
			Registry::block(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::CannotListSelf
		);
		assert_ok!(Registry::block(RuntimeOrigin::signed(ALICE), BOB));
		assert_noop!(
			Registry::block(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::AlreadyBlocked
		);
		assert_ok!(Registry::block(RuntimeOrigin::signed(ALICE), CHARLIE));
		assert_noop!(Registry::block(RuntimeOrigin::signed(ALICE), DAVE), Error::<Test>::ListFull);
	});
}

#[test]
fn needs_funds_for_the_entry() {
	with_alice_in_munich().build_and_execute(|| {
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&ALICE, 1);
		assert_noop!(
			Registry::block(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::InsufficientDeposit
		);
	});
}
