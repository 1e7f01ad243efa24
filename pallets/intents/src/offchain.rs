//! The offchain matcher: the worker every node with an authorised `mtch` key runs after each
//! block, its keys, its node-local cursor and retry list, and their bounds. It only proposes:
//! [`Pallet::submit_matches`] re-scores and ranks whatever it sends (see `features::matching`).

use crate::{types::IntentId, Config, Intents, Matchers, Matches, Pallet};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, BoundedVec};
use sp_runtime::{traits::IdentifyAccount, Saturating};

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
