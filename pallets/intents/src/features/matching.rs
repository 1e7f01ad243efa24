//! Matchers and their submissions, verified against the shared score, and the offchain worker
//! that computes them.

use crate::{types::IntentId, Config, Error, Event, IntentOf, Intents, Matchers, Matches, Pallet};
use ailock_primitives::{
	geo::{DisclosedLocation, LocationTier},
	matching::{score, Flexibility, MatchInput},
	traits::{AilockDirectory, ReputationScores},
};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, BoundedVec};
use sp_runtime::{traits::IdentifyAccount, Perbill, Saturating};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_matcher(matcher: T::AccountId) -> DispatchResult {
		Matchers::<T>::try_mutate(|matchers| -> DispatchResult {
			ensure!(!matchers.contains(&matcher), Error::<T>::AlreadyMatcher);
			matchers.try_push(matcher.clone()).map_err(|_| Error::<T>::TooManyMatchers)?;
			Ok(())
		})?;
		Self::deposit_event(Event::MatcherAdded { matcher });
		Ok(())
	}

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
		let target = DisclosedLocation {
			cell: details.target.cell.clone(),
			country: details.target.country,
		};
		let tier = if target.cell.is_none() && target.country.is_none() {
			LocationTier::Global
		} else {
			LocationTier::between(&target, &summary.location)
		};
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
		// Global work has no cell: search from anywhere, every Ailock is in the global tier.
		let Some(probe) = details
			.target
			.cell
			.clone()
			.or_else(|| ailock_primitives::geo::GeoCell::parse("s").ok())
		else {
			return Vec::new();
		};
		// Read more candidates than needed: the best score is not always the nearest.
		let pool = limit.saturating_mul(4).max(limit);
		let mut scored: Vec<(T::AccountId, Perbill)> = T::Directory::candidates(
			&probe,
			details.target.country,
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

impl<T: Config> Pallet<T> {
	/// The `mtch` public keys in this node's keystore, as the runtime's signers.
	fn local_matcher_keys() -> Vec<T::Public> {
		use frame_system::offchain::AppCrypto;
		use sp_runtime::RuntimeAppPublic;
		type Crypto<T> = <T as Config>::MatcherId;
		type AppPublic<T> = <Crypto<T> as AppCrypto<
			<T as frame_system::offchain::SigningTypes>::Public,
			<T as frame_system::offchain::SigningTypes>::Signature,
		>>::RuntimeAppPublic;
		type Generic<T> = <Crypto<T> as AppCrypto<
			<T as frame_system::offchain::SigningTypes>::Public,
			<T as frame_system::offchain::SigningTypes>::Signature,
		>>::GenericPublic;
		AppPublic::<T>::all()
			.into_iter()
			.map(|key| {
				let generic: Generic<T> = key.into();
				generic.into()
			})
			.collect()
	}

	/// Offchain: matches every intent opened since this node last looked and submits each
	/// result as a signed `submit_matches` from the first matcher key in the keystore.
	///
	/// New intents are taken in id order from a node-local cursor, as many per block as the
	/// retry list has room for, so an intent opened in a busy block is matched in a later one,
	/// never skipped. An intent stays on the retry list while its stored invitations would
	/// still change by this node's list (a submission the pool refused, one dropped before
	/// inclusion, or another matcher's worse list): it is sent again [`MATCH_RETRY_BLOCKS`]
	/// blocks later, at most [`MATCH_ATTEMPTS`] times, and forgotten once the chain holds what
	/// this node found or the intent closes.
	pub(crate) fn match_opened_intents(now: frame_system::pallet_prelude::BlockNumberFor<T>) {
		use frame_system::offchain::{SendSignedTransaction, Signer};
		use sp_runtime::offchain::{
			storage::StorageValueRef,
			storage_lock::{StorageLock, Time},
		};
		// Sign only with a local key whose account is an authorised matcher: a node holding
		// some other `mtch` key would only pay fees for refused submissions.
		let matchers = Matchers::<T>::get();
		let keys: Vec<T::Public> = Self::local_matcher_keys()
			.into_iter()
			.filter(|public| matchers.contains(&public.clone().into_account()))
			.collect();
		if keys.is_empty() {
			return;
		}
		// Workers of consecutive blocks can overlap; one at a time edits the retry list.
		let mut lock = StorageLock::<Time>::with_deadline(
			MATCHER_LOCK_KEY,
			sp_core::offchain::Duration::from_millis(MATCHER_LOCK_MILLIS),
		);
		let _guard = lock.lock();
		let list = StorageValueRef::persistent(MATCHER_RETRY_KEY);
		let mut pending: Vec<PendingMatch<_>> = list.get().ok().flatten().unwrap_or_default();
		let cursor_ref = StorageValueRef::persistent(MATCHER_CURSOR_KEY);
		let mut cursor: IntentId = cursor_ref.get().ok().flatten().unwrap_or_default();
		let next_id = crate::NextIntentId::<T>::get();
		let mut read = 0u32;
		while cursor < next_id && pending.len() < MAX_PENDING_MATCHES && read < MAX_CURSOR_READS {
			read = read.saturating_add(1);
			if Intents::<T>::get(cursor).is_some_and(|intent| intent.status.is_open()) {
				pending.push(PendingMatch { intent: cursor, due: now, attempts: 0 });
			}
			cursor = cursor.saturating_add(1);
		}
		cursor_ref.set(&cursor);
		pending.retain(|entry| {
			entry.attempts < MATCH_ATTEMPTS
				&& Intents::<T>::get(entry.intent).is_some_and(|intent| intent.status.is_open())
		});
		let signer = Signer::<T, T::MatcherId>::any_account().with_filter(keys);
		let mut settled = Vec::new();
		for entry in pending.iter_mut().filter(|entry| entry.due <= now) {
			let id = entry.intent;
			entry.attempts = entry.attempts.saturating_add(1);
			entry.due = now.saturating_add(MATCH_RETRY_BLOCKS.into());
			let Some(intent) = Intents::<T>::get(id) else { continue };
			// Nobody to invite yet; Ailocks that register later get another look.
			let found: Vec<T::AccountId> = Self::compute_matches(&intent, T::MaxMatches::get())
				.into_iter()
				.map(|(ailock, _)| ailock)
				.collect();
			if found.is_empty() {
				continue;
			}
			let stored = Matches::<T>::get(id).map(|m| m.into_inner()).unwrap_or_default();
			if Self::merged_matches(id, &intent, &found).is_ok_and(|merged| merged == stored) {
				settled.push(id);
				continue;
			}
			let candidates: BoundedVec<_, T::MaxMatches> = BoundedVec::truncate_from(found);
			let sent = signer.send_signed_transaction(|_| crate::Call::submit_matches {
				intent: id,
				candidates: candidates.clone(),
			});
			match sent {
				Some((_, Ok(()))) => log::info!(
					target: crate::LOG_TARGET,
					"block {now:?}: matched intent {id} (attempt {})", entry.attempts
				),
				Some((account, Err(()))) => log::warn!(
					target: crate::LOG_TARGET,
					"intent {id}: the pool refused the matches of {:?}", account.id
				),
				None => log::warn!(target: crate::LOG_TARGET, "intent {id}: no key signed"),
			}
		}
		pending.retain(|entry| !settled.contains(&entry.intent));
		list.set(&pending);
	}
}

/// Blocks after a submission before an intent still without matches is submitted again.
pub const MATCH_RETRY_BLOCKS: u32 = 10;
/// Submissions per intent before this node gives up on it.
pub const MATCH_ATTEMPTS: u8 = 3;
/// Intents this node's retry list holds at most; newer ones wait behind the cursor.
pub const MAX_PENDING_MATCHES: usize = 64;
/// Intent ids the cursor reads per block at most (ended ids are skipped, but still read).
pub const MAX_CURSOR_READS: u32 = 256;
/// Offchain (node-local) storage of the next intent id this node's matcher has not looked at.
pub const MATCHER_CURSOR_KEY: &[u8] = b"ailock::intents::matcher::cursor";
/// Offchain (node-local) storage of the retry list.
pub const MATCHER_RETRY_KEY: &[u8] = b"ailock::intents::matcher::pending";
const MATCHER_LOCK_KEY: &[u8] = b"ailock::intents::matcher::lock";
/// Longer than a worker takes; a crashed worker's lock expires after it.
const MATCHER_LOCK_MILLIS: u64 = 20_000;

/// An intent this node's matcher still owes matches, in its offchain storage.
#[derive(codec::Encode, codec::Decode, Clone, PartialEq, Eq, Debug)]
pub struct PendingMatch<BlockNumber> {
	/// The intent.
	pub intent: IntentId,
	/// The block from which the next submission is due.
	pub due: BlockNumber,
	/// Submissions so far.
	pub attempts: u8,
}
