//! Experience, levels, skill levels and achievements — granted only by the pallets that
//! verified the event, through [`ExperienceSink`].

use crate::{types::Achievement, Achievements, Ailocks, Config, Error, Event, Pallet, SkillXp};
use ailock_primitives::{
	profile::Tag,
	traits::{DidDependents, ExperienceSink, ExperienceSource},
};
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// The level of `xp`: 1 plus the thresholds reached.
	pub fn level_of(xp: u64) -> u32 {
		let reached = T::LevelThresholds::get().iter().take_while(|t| xp >= **t).count();
		(reached as u32).saturating_add(1)
	}

	fn unlock(owner: &T::AccountId, achievement: Achievement) {
		if !Achievements::<T>::contains_key(owner, achievement) {
			Achievements::<T>::insert(
				owner,
				achievement,
				frame_system::Pallet::<T>::block_number(),
			);
			Self::deposit_event(Event::AchievementUnlocked {
				ailock: owner.clone(),
				achievement,
				rarity: achievement.rarity(),
			});
		}
	}

	/// Grants verified experience, raising levels and unlocking achievements it reaches.
	pub(crate) fn do_grant(
		owner: &T::AccountId,
		source: ExperienceSource,
		points: u32,
		skill: Option<&[u8]>,
	) -> DispatchResult {
		let mut ailock = Ailocks::<T>::get(owner).ok_or(Error::<T>::NotRegistered)?;
		ailock.xp = ailock.xp.saturating_add(u64::from(points));
		let count = ailock.track.record(source);
		// Experience in a skill the profile does not list is counted overall only.
		let skill: Option<Tag> =
			skill.and_then(|s| ailock.profile.skills.iter().find(|t| t.as_slice() == s)).cloned();
		Self::deposit_event(Event::ExperienceGained {
			ailock: owner.clone(),
			source,
			points,
			total_xp: ailock.xp,
			skill: skill.clone(),
		});
		let level = Self::level_of(ailock.xp);
		if level > ailock.level {
			let previous = core::mem::replace(&mut ailock.level, level);
			Self::deposit_event(Event::LevelReached { ailock: owner.clone(), level });
			for reached in previous.saturating_add(1)..=level {
				if let Some(achievement) = Achievement::for_level(reached) {
					Self::unlock(owner, achievement);
				}
			}
		}
		if let Some(skill) = skill {
			let before = SkillXp::<T>::get(owner, &skill);
			let after = before.saturating_add(u64::from(points));
			SkillXp::<T>::insert(owner, &skill, after);
			let skill_level = Self::level_of(after);
			if skill_level > Self::level_of(before) {
				Self::deposit_event(Event::SkillLevelReached {
					ailock: owner.clone(),
					skill,
					level: skill_level,
				});
			}
		}
		if let Some(achievement) = Achievement::for_count(source, count) {
			Self::unlock(owner, achievement);
		}
		Ailocks::<T>::insert(owner, ailock);
		Ok(())
	}
}

impl<T: Config> ExperienceSink<T::AccountId> for Pallet<T> {
	fn grant(
		ailock: &T::AccountId,
		source: ExperienceSource,
		points: u32,
		skill: Option<&[u8]>,
	) -> DispatchResult {
		Self::do_grant(ailock, source, points, skill)
	}
}

impl<T: Config> ailock_primitives::traits::BlockList<T::AccountId> for Pallet<T> {
	/// The Ailock of `owner` blocked `who` (an owner without an Ailock blocks nobody).
	fn blocks(owner: &T::AccountId, who: &T::AccountId) -> bool {
		crate::Blocked::<T>::get(owner).contains(who)
	}
}

impl<T: Config> DidDependents<T::AccountId> for Pallet<T> {
	fn in_use(did: &T::AccountId) -> bool {
		Ailocks::<T>::contains_key(did)
	}
}
