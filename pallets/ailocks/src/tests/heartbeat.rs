use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;

#[test]
fn keeps_an_ailock_live_and_silence_turns_it_offline() {
	with_alice_in_munich().build_and_execute(|| {
		System::set_block_number(1 + HEARTBEAT_TIMEOUT);
		assert_eq!(Registry::effective_status(&ailock(ALICE)), AilockStatus::Available);
		System::set_block_number(2 + HEARTBEAT_TIMEOUT);
		assert_eq!(Registry::effective_status(&ailock(ALICE)), AilockStatus::Offline);
		assert_ok!(Registry::heartbeat(RuntimeOrigin::signed(ALICE)));
		assert_eq!(ailock(ALICE).last_heartbeat, 2 + HEARTBEAT_TIMEOUT);
		assert_eq!(Registry::effective_status(&ailock(ALICE)), AilockStatus::Available);
		System::assert_last_event(
			Event::HeartbeatReceived { ailock: ALICE, live_until: 2 + 2 * HEARTBEAT_TIMEOUT }
				.into(),
		);
	});
}

#[test]
fn re_entering_the_indexes_is_charged_only_when_it_happens() {
	use crate::WeightInfo;
	with_alice_in_munich().build_and_execute(|| {
		let post = Registry::heartbeat(RuntimeOrigin::signed(ALICE)).expect("received");
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::heartbeat()));
		System::set_block_number(2 + HEARTBEAT_TIMEOUT);
		assert_ok!(Registry::reap(RuntimeOrigin::signed(BOB), ALICE));
		let post = Registry::heartbeat(RuntimeOrigin::signed(ALICE)).expect("received");
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::heartbeat_reindexed()));
		assert!(ailock(ALICE).indexed);
	});
}

#[test]
fn errors() {
	test(|| {
		assert_noop!(
			Registry::heartbeat(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NotRegistered
		);
	});
}
