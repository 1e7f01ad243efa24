use super::*;
use crate::{Achievements, Error, Event, SkillXp};
use ailock_primitives::traits::{ExperienceSink, ExperienceSource::*};
use frame_support::assert_noop;

#[test]
fn experience_levels_and_achievements_come_from_verified_events() {
	with_alice_in_munich().build_and_execute(|| {
		assert_ok!(Registry::grant(&ALICE, MilestoneCompleted, 120, Some(b"translation")));
		let a = ailock(ALICE);
		assert_eq!((a.xp, a.level, a.track.milestones_completed), (120, 2, 1));
		assert_eq!(SkillXp::<Test>::get(ALICE, tag("translation")), 120);
		System::assert_has_event(
			Event::ExperienceGained {
				ailock: ALICE,
				source: MilestoneCompleted,
				points: 120,
				total_xp: 120,
				skill: Some(tag("translation")),
			}
			.into(),
		);
		System::assert_has_event(Event::LevelReached { ailock: ALICE, level: 2 }.into());
		System::assert_has_event(
			Event::SkillLevelReached { ailock: ALICE, skill: tag("translation"), level: 2 }.into(),
		);
		System::assert_has_event(
			Event::AchievementUnlocked {
				ailock: ALICE,
				achievement: Achievement::FirstMilestone,
				rarity: Rarity::Common,
			}
			.into(),
		);

		// A jump over several thresholds reaches level 5 at once and unlocks its achievement.
		assert_ok!(Registry::grant(&ALICE, ReviewReceived, 1_000, None));
		assert_eq!(ailock(ALICE).level, 5);
		assert!(Achievements::<Test>::contains_key(ALICE, Achievement::LevelFive));
		assert!(Achievements::<Test>::contains_key(ALICE, Achievement::FirstReview));
		assert_ok!(Registry::grant(&ALICE, DisputeWon, 0, Some(b"cooking")));
		assert!(Achievements::<Test>::contains_key(ALICE, Achievement::DisputeWon));
		assert_eq!(SkillXp::<Test>::get(ALICE, tag("cooking")), 0, "unlisted skill ignored");
		assert_eq!(Achievement::DisputeWon.rarity(), Rarity::Rare);
	});
}

#[test]
fn ten_milestones_and_the_top_level() {
	with_alice_in_munich().build_and_execute(|| {
		for _ in 0..10 {
			assert_ok!(Registry::grant(&ALICE, MilestoneCompleted, 500, None));
		}
		assert!(Achievements::<Test>::contains_key(ALICE, Achievement::TenMilestones));
		assert_eq!(ailock(ALICE).level, 10);
		assert!(Achievements::<Test>::contains_key(ALICE, Achievement::LevelTen));
		assert_eq!(Registry::level_of(u64::MAX), 10);
		assert_eq!(Registry::level_of(99), 1);
	});
}

#[test]
fn only_registered_ailocks_gain_experience() {
	test(|| {
		assert_noop!(
			Registry::grant(&ALICE, MilestoneCompleted, 1, None),
			Error::<Test>::NotRegistered
		);
	});
}
