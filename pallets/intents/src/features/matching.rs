//! Matchers and their submissions, verified against the shared score, and the offchain worker
//! that computes them.

use crate::{types::IntentId, Config, Error, Event, IntentOf, Intents, Matchers, Matches, Pallet};
use ailock_primitives::{
	geo::{DisclosedLocation, LocationTier},
	matching::{score, MatchInput},
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

	/// The score of `ailock` for `intent` from the current chain state; `None` when the Ailock
	/// is not registered or not live.
	pub fn score_of(intent: &IntentOf<T>, ailock: &T::AccountId) -> Option<Perbill> {
		let summary = T::Directory::summary(ailock)?;
		if !summary.live {
			return None;
		}
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
		Some(score(&input, &details.weights))
	}

	pub(crate) fn do_submit_matches(
		matcher: T::AccountId,
		id: IntentId,
		matches: BoundedVec<(T::AccountId, Perbill), T::MaxMatches>,
	) -> DispatchResult {
		ensure!(Matchers::<T>::get().contains(&matcher), Error::<T>::NotMatcher);
		let intent = Intents::<T>::get(id).ok_or(Error::<T>::IntentNotFound)?;
		ensure!(intent.status.is_open(), Error::<T>::NotOpen);
		ensure!(!Matches::<T>::contains_key(id), Error::<T>::AlreadyMatched);
		ensure!(
			matches.windows(2).all(|pair| pair.first().map(|p| p.1) >= pair.get(1).map(|p| p.1)),
			Error::<T>::MatchesNotSorted
		);
		let tolerance = T::ScoreTolerance::get();
		for (index, (ailock, submitted)) in matches.iter().enumerate() {
			ensure!(
				!matches.iter().take(index).any(|(other, _)| other == ailock),
				Error::<T>::DuplicateMatch
			);
			let actual = Self::score_of(&intent, ailock).ok_or(Error::<T>::UnknownAilock)?;
			let difference =
				if actual > *submitted { actual - *submitted } else { *submitted - actual };
			ensure!(difference <= tolerance, Error::<T>::ForgedScore);
		}
		Self::deposit_event(Event::MatchesSubmitted {
			intent: id,
			matcher,
			invited: matches.to_vec(),
		});
		Matches::<T>::insert(id, matches);
		Ok(())
	}

	/// The best `limit` live Ailocks for `intent` with their scores, best first: what the
	/// offchain matcher submits. Candidates come from the registry's discovery index around the
	/// intent's target (everyone for global work).
	pub fn compute_matches(intent: &IntentOf<T>, limit: u32) -> Vec<(T::AccountId, Perbill)> {
		let details = &intent.details;
		let reach = match details.target.flexibility {
			ailock_primitives::matching::Flexibility::Strict => LocationTier::SameCity,
			ailock_primitives::matching::Flexibility::Preferred
			| ailock_primitives::matching::Flexibility::Flexible
			| ailock_primitives::matching::Flexibility::Global => LocationTier::Global,
		};
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
		let mut scored: Vec<(T::AccountId, Perbill)> =
			T::Directory::candidates(&probe, details.target.country, reach, &[], pool)
				.into_iter()
				.filter_map(|ailock| {
					if ailock == intent.owner {
						return None;
					}
					Self::score_of(intent, &ailock).map(|s| (ailock, s))
				})
				.filter(|(_, s)| !s.is_zero())
				.collect();
		scored.sort_by_key(|(_, score)| core::cmp::Reverse(*score));
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

	/// Offchain: matches every intent opened in the block just imported and submits each
	/// result as a signed `submit_matches` from the first matcher key in the keystore. An
	/// intent stays on this node's retry list until its matches are on chain (or it closes):
	/// a submission the pool refused, or one dropped before inclusion, is sent again
	/// [`MATCH_RETRY_BLOCKS`] blocks later, at most [`MATCH_ATTEMPTS`] times.
	pub(crate) fn match_opened_intents(now: frame_system::pallet_prelude::BlockNumberFor<T>) {
		use frame_system::offchain::{SendSignedTransaction, Signer};
		use sp_runtime::offchain::storage_lock::{StorageLock, Time};
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
		let list = sp_runtime::offchain::storage::StorageValueRef::persistent(MATCHER_RETRY_KEY);
		let mut pending: Vec<PendingMatch<_>> = list.get().ok().flatten().unwrap_or_default();
		for id in crate::OpenedThisBlock::<T>::get() {
			if !pending.iter().any(|entry| entry.intent == id) {
				pending.push(PendingMatch { intent: id, due: now, attempts: 0 });
			}
		}
		pending.retain(|entry| {
			entry.attempts < MATCH_ATTEMPTS
				&& !Matches::<T>::contains_key(entry.intent)
				&& Intents::<T>::get(entry.intent).is_some_and(|intent| intent.status.is_open())
		});
		let signer = Signer::<T, T::MatcherId>::any_account().with_filter(keys);
		for entry in pending.iter_mut().filter(|entry| entry.due <= now) {
			let id = entry.intent;
			entry.attempts = entry.attempts.saturating_add(1);
			entry.due = now.saturating_add(MATCH_RETRY_BLOCKS.into());
			let Some(intent) = Intents::<T>::get(id) else { continue };
			// Nobody to invite yet; Ailocks that register later get another look.
			let found = Self::compute_matches(&intent, T::MaxMatches::get());
			if found.is_empty() {
				continue;
			}
			let matches: BoundedVec<_, T::MaxMatches> = BoundedVec::truncate_from(found);
			let sent = signer.send_signed_transaction(|_| crate::Call::submit_matches {
				intent: id,
				matches: matches.clone(),
			});
			match sent {
				Some((_, Ok(()))) => log::info!(
					target: "ailock::matcher",
					"block {now:?}: matched intent {id} (attempt {})", entry.attempts
				),
				Some((account, Err(()))) => log::warn!(
					target: "ailock::matcher",
					"intent {id}: the pool refused the matches of {:?}", account.id
				),
				None => log::warn!(target: "ailock::matcher", "intent {id}: no key signed"),
			}
		}
		// The oldest entries give way when the list is full: new intents matter most.
		let excess = pending.len().saturating_sub(MAX_PENDING_MATCHES);
		pending.drain(..excess);
		list.set(&pending);
	}
}

/// Blocks after a submission before an intent still without matches is submitted again.
pub const MATCH_RETRY_BLOCKS: u32 = 10;
/// Submissions per intent before this node gives up on it.
pub const MATCH_ATTEMPTS: u8 = 3;
/// Intents this node's retry list holds at most.
pub const MAX_PENDING_MATCHES: usize = 64;
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
