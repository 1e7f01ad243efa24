use super::*;
use crate::{Error, Event, Trusted};
use frame_support::assert_noop;

#[test]
fn trusts_and_pays_per_entry() {
	with_alice_in_munich().build_and_execute(|| {
		let before = held(ALICE);
		assert_ok!(Registry::trust(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(Trusted::<Test>::get(ALICE).to_vec(), vec![BOB]);
		assert_eq!(held(ALICE), before + LIST_ENTRY_DEPOSIT);
		System::assert_last_event(
			Event::TrustedAdded { ailock: ALICE, account: BOB, deposit: held(ALICE) }.into(),
		);
	});
}

#[test]
fn only_a_registered_ailock_trusts() {
	test(|| {
		assert_noop!(
			Registry::trust(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn an_ailock_does_not_trust_itself() {
	with_alice_in_munich().build_and_execute(|| {
		assert_noop!(
			Registry::trust(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::CannotListSelf
		);
	});
}

#[test]
fn an_account_is_trusted_once() {
	with_alice_in_munich().build_and_execute(|| {
		assert_ok!(Registry::trust(RuntimeOrigin::signed(ALICE), BOB));
		assert_noop!(
			Registry::trust(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::AlreadyTrusted
		);
	});
}

#[test]
fn a_blocked_account_is_not_trusted() {
	with_alice_in_munich().build_and_execute(|| {
		assert_ok!(Registry::block(RuntimeOrigin::signed(ALICE), CHARLIE));
		assert_noop!(
			Registry::trust(RuntimeOrigin::signed(ALICE), CHARLIE),
			Error::<Test>::AccountBlocked
		);
	});
}

#[test]
fn the_trusted_list_is_bounded() {
	with_alice_in_munich().build_and_execute(|| {
		// MAX_LIST is 2 in the mock.
		assert_ok!(Registry::trust(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Registry::trust(RuntimeOrigin::signed(ALICE), DAVE));
		assert_noop!(Registry::trust(RuntimeOrigin::signed(ALICE), 77), Error::<Test>::ListFull);
	});
}

#[test]
fn needs_funds_for_the_entry() {
	with_alice_in_munich().build_and_execute(|| {
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&ALICE, 1);
		assert_noop!(
			Registry::trust(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::InsufficientDeposit
		);
	});
}
