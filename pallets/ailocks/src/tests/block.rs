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
fn only_a_registered_ailock_blocks() {
	test(|| {
		assert_noop!(
			Registry::block(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn an_ailock_does_not_block_itself() {
	with_alice_in_munich().build_and_execute(|| {
		assert_noop!(
			Registry::block(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::CannotListSelf
		);
	});
}

#[test]
fn an_account_is_blocked_once() {
	with_alice_in_munich().build_and_execute(|| {
		assert_ok!(Registry::block(RuntimeOrigin::signed(ALICE), BOB));
		assert_noop!(
			Registry::block(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::AlreadyBlocked
		);
	});
}

#[test]
fn the_blocklist_is_bounded() {
	with_alice_in_munich().build_and_execute(|| {
		// MAX_LIST is 2 in the mock.
		assert_ok!(Registry::block(RuntimeOrigin::signed(ALICE), BOB));
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
