//! Matchers and their submissions, verified against the shared score (the worker that computes
//! them off chain is in [`crate::offchain`]).

use crate::{types::IntentId, Config, Error, Event, IntentOf, Intents, Matchers, Matches, Pallet};
use ailock_primitives::{
	geo::LocationTier,
	matching::{score, Flexibility, MatchInput},
	traits::{AilockDirectory, ReputationScores},
};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, BoundedVec};
use sp_runtime::Perbill;

impl<T: Config> Pallet<T> {
	/// Adds an account to the matchers.
	pub(crate) fn do_add_matcher(matcher: T::AccountId) -> DispatchResult {
		Matchers::<T>::try_mutate(|matchers| -> DispatchResult {
			ensure!(!matchers.contains(&matcher), Error::<T>::AlreadyMatcher);
			matchers.try_push(matcher.clone()).map_err(|_| Error::<T>::TooManyMatchers)?;
			Ok(())
		})?;
		Self::deposit_event(Event::MatcherAdded { matcher });
		Ok(())
	}

	/// Removes an account from the matchers.
	pub(crate) fn do_remove_matcher(matcher: T::AccountId) -> DispatchResult {
		Matchers::<T>::try_mutate(|matchers| -> DispatchResult {
			let position =
				matchers.iter().position(|m| m == &matcher).ok_or(Error::<T>::NotMatcher)?;
			matchers.remove(position);
			Ok(())
		})?;
		Self::deposit_event(Event::MatcherRemoved { matcher });
		Ok(())
	}

	/// How far from its target an intent accepts a provider: `Strict` work stays in the city.
	pub fn reach(intent: &IntentOf<T>) -> LocationTier {
		match intent.details.target.flexibility {
			Flexibility::Strict => LocationTier::SameCity,
			Flexibility::Preferred | Flexibility::Flexible | Flexibility::Global => {
				LocationTier::Global
			},
		}
	}

	/// The score of `ailock` for `intent` from the current chain state, or why it may not be
	/// invited: the owner's own Ailock, an unregistered or offline one, one beyond the
	/// intent's reach, or one that scores zero.
	pub fn assess(intent: &IntentOf<T>, ailock: &T::AccountId) -> Result<Perbill, Error<T>> {
		ensure!(ailock != &intent.owner, Error::<T>::SelfMatch);
		let summary = T::Directory::summary(ailock).ok_or(Error::<T>::UnknownAilock)?;
		ensure!(summary.live, Error::<T>::UnknownAilock);
		let details = &intent.details;
		let tier = details.target.tier_to(&summary.location);
		ensure!(tier <= Self::reach(intent), Error::<T>::OutOfReach);
		let skills_matched =
			details.skills.iter().filter(|s| summary.skills.contains(s)).count() as u32;
		let language_match = details.languages.is_empty()
			|| details.languages.iter().any(|l| summary.languages.contains(l));
		let input = MatchInput {
			tier,
			flexibility: details.target.flexibility,
			skills_matched,
			skills_required: details.skills.len() as u32,
			language_match,
			reputation: T::Reputation::reputation(ailock),
			collaboration: T::Reputation::collaboration(&intent.owner, ailock),
			budget: sp_runtime::SaturatedConversion::saturated_into(details.budget),
			min_price: sp_runtime::SaturatedConversion::saturated_into::<u128>(summary.min_price),
			available_hours: summary.available_hours,
			has_capacity: summary.has_capacity,
		};
		let value = score(&input, &details.weights);
		ensure!(!value.is_zero(), Error::<T>::ZeroScore);
		Ok(value)
	}

	/// The score of `ailock` for `intent` now, `None` when it may not be invited.
	pub fn score_of(intent: &IntentOf<T>, ailock: &T::AccountId) -> Option<Perbill> {
		Self::assess(intent, ailock).ok()
	}

	/// Best first; equal scores by account, so the order depends on nothing a submitter chose.
	fn rank(list: &mut [(T::AccountId, Perbill)]) {
		list.sort_by(|(a, score_a), (b, score_b)| score_b.cmp(score_a).then(a.cmp(b)));
	}

	/// The intent's invitations once `candidates` are merged in: every candidate scored by
	/// the runtime (a submitter states no score and no order), the stored invitations
	/// re-scored (those gone offline or out of reach give way), the best `MaxMatches` of both
	/// kept, best first.
	pub fn merged_matches(
		id: IntentId,
		intent: &IntentOf<T>,
		candidates: &[T::AccountId],
	) -> Result<Vec<(T::AccountId, Perbill)>, Error<T>> {
		ensure!(!candidates.is_empty(), Error::<T>::NoMatches);
		let mut merged: Vec<(T::AccountId, Perbill)> = Vec::new();
		let mut first_refusal = None;
		for (index, ailock) in candidates.iter().enumerate() {
			ensure!(
				!candidates.iter().take(index).any(|other| other == ailock),
				Error::<T>::DuplicateMatch
			);
			// A candidate that went offline (or away, or out of reach) between the matcher's
			// read and inclusion is skipped, not fatal: otherwise one Ailock's owner could
			// sink an honest list by toggling its status.
			match Self::assess(intent, ailock) {
				Ok(score) => merged.push((ailock.clone(), score)),
				Err(error) => {
					first_refusal.get_or_insert(error);
				},
			}
		}
		if merged.is_empty() {
			if let Some(error) = first_refusal {
				return Err(error);
			}
		}
		for (ailock, _) in Matches::<T>::get(id).unwrap_or_default() {
			if merged.iter().any(|(other, _)| other == &ailock) {
				continue;
			}
			if let Ok(now) = Self::assess(intent, &ailock) {
				merged.push((ailock, now));
			}
		}
		Self::rank(&mut merged);
		merged.truncate(T::MaxMatches::get() as usize);
		Ok(merged)
	}

	/// Merges a matcher's `candidates` into the intent's invitations
	/// ([`Self::merged_matches`]): the stored list is the best of everything any matcher
	/// submitted, so a partial or bad list can never lock out a better one. Fails when
	/// nothing changed, so a repeated submission is not free.
	pub(crate) fn do_submit_matches(
		matcher: T::AccountId,
		id: IntentId,
		candidates: BoundedVec<T::AccountId, T::MaxMatches>,
	) -> DispatchResult {
		ensure!(Matchers::<T>::get().contains(&matcher), Error::<T>::NotMatcher);
		let intent = Intents::<T>::get(id).ok_or(Error::<T>::IntentNotFound)?;
		ensure!(intent.status.is_open(), Error::<T>::NotOpen);
		let merged = Self::merged_matches(id, &intent, &candidates)?;
		let stored = Matches::<T>::get(id).map(|m| m.into_inner()).unwrap_or_default();
		ensure!(merged != stored, Error::<T>::MatchesNotImproved);
		let matches: BoundedVec<_, T::MaxMatches> = BoundedVec::truncate_from(merged);
		Self::deposit_event(Event::MatchesSubmitted {
			intent: id,
			matcher,
			matches: matches.clone(),
		});
		Matches::<T>::insert(id, matches);
		Ok(())
	}

	/// The best `limit` live Ailocks for `intent` with their scores, best first: what the
	/// offchain matcher submits. Candidates come from the registry's discovery index around the
	/// intent's target (everyone for global work).
	pub fn compute_matches(intent: &IntentOf<T>, limit: u32) -> Vec<(T::AccountId, Perbill)> {
		let details = &intent.details;
		// Work without a cell is searched from its country, or from nowhere (every Ailock is
		// then in the global tier).
		let probe = details.target.location();
		// Read more candidates than needed: the best score is not always the nearest.
		let pool = limit.saturating_mul(4).max(limit);
		let mut scored: Vec<(T::AccountId, Perbill)> = T::Directory::candidates(
			probe.cell.as_ref(),
			probe.country,
			Self::reach(intent),
			&[],
			pool,
		)
		.into_iter()
		.filter_map(|ailock| Self::score_of(intent, &ailock).map(|s| (ailock, s)))
		.collect();
		Self::rank(&mut scored);
		scored.truncate(limit as usize);
		scored
	}
}
