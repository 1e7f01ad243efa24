//! Posting, validating and ending intents.

use crate::{
	types::{Description, Intent, IntentId, IntentStatus, StepState, MIN_TARGET_PRECISION},
	BalanceOf, Chains, Config, DetailsOf, Error, Event, ExpiryQueue, HoldReason, IntentOf, Intents,
	NextIntentId, Pallet,
};
use ailock_primitives::{
	chain::StepIndex,
	geo::EXACT_PRECISION,
	matching::Flexibility,
	profile::{has_duplicates, is_normalised_tag},
	traits::{Actor, SpendGuard},
};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::InspectHold, Consideration, Footprint},
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Checks everything an owner states about an intent.
	pub(crate) fn validate_details(details: &DetailsOf<T>) -> DispatchResult {
		let title = core::str::from_utf8(&details.title).map_err(|_| Error::<T>::InvalidTitle)?;
		ensure!(
			!title.trim().is_empty() && !title.chars().any(char::is_control),
			Error::<T>::InvalidTitle
		);
		match &details.description {
			Description::Text(text) => ensure!(
				!text.is_empty() && core::str::from_utf8(text).is_ok(),
				Error::<T>::InvalidDescription
			),
			Description::Hashed { uri, .. } => ensure!(
				(uri.starts_with(b"https://") || uri.starts_with(b"ipfs://"))
					&& uri.len() > 8
					&& uri.iter().all(u8::is_ascii_graphic),
				Error::<T>::InvalidDescription
			),
		}
		ensure!(is_normalised_tag(&details.category), Error::<T>::InvalidTag);
		Self::validate_skills(&details.skills)?;
		let languages = &details.languages;
		ensure!(
			languages.iter().all(|l| l.is_valid()) && !has_duplicates(languages),
			Error::<T>::InvalidLanguage
		);
		Self::validate_target(&details.target)?;
		ensure!(!details.budget.is_zero(), Error::<T>::ZeroBudget);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(details.deadline > now, Error::<T>::DeadlineInPast);
		ensure!(
			details.deadline <= now.saturating_add(T::MaxDeadline::get()),
			Error::<T>::DeadlineTooFar
		);
		ensure!(details.weights.is_valid(), Error::<T>::InvalidWeights);
		Ok(())
	}

	pub(crate) fn validate_skills(skills: &[ailock_primitives::profile::Tag]) -> DispatchResult {
		ensure!(skills.iter().all(|t| is_normalised_tag(t)), Error::<T>::InvalidTag);
		ensure!(!has_duplicates(skills), Error::<T>::DuplicateSkill);
		Ok(())
	}

	pub(crate) fn validate_target(target: &crate::types::Target) -> DispatchResult {
		match &target.cell {
			Some(cell) => ensure!(
				cell.is_valid()
					&& (MIN_TARGET_PRECISION..=EXACT_PRECISION).contains(&cell.precision()),
				Error::<T>::InvalidCell
			),
			None => ensure!(target.flexibility == Flexibility::Global, Error::<T>::CellRequired),
		}
		if let Some(country) = &target.country {
			ensure!(country.is_valid(), Error::<T>::InvalidCountry);
		}
		Ok(())
	}

	/// Validates details, charges an agent's budget and opens the intent.
	pub(crate) fn do_post_intent(
		actor: Actor<T::AccountId>,
		details: DetailsOf<T>,
	) -> Result<IntentId, DispatchError> {
		Self::validate_details(&details)?;
		T::SpendGuard::charge(&actor, details.budget)?;
		Self::open_intent(actor, details, None)
	}

	/// Stores a validated intent: deposit, id, discovery index, expiry queue, matcher queue.
	pub(crate) fn open_intent(
		actor: Actor<T::AccountId>,
		details: DetailsOf<T>,
		step_of: Option<(IntentId, StepIndex)>,
	) -> Result<IntentId, DispatchError> {
		let id = NextIntentId::<T>::get();
		let held = Self::held(HoldReason::IntentDeposit, &actor.owner);
		let ticket = T::IntentConsideration::new(&actor.owner, Footprint::from_encodable(&details))
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		let deposit = Self::held(HoldReason::IntentDeposit, &actor.owner).saturating_sub(held);
		// What an agent makes its owner lock counts against its cap like what it spends.
		let mut charge = None;
		T::SpendGuard::charge_into(&actor, deposit, &mut charge)?;
		if let Some(charge) = charge {
			crate::IntentCharges::<T>::insert(id, charge);
		}
		Self::add_to_index(id, &details.target)?;
		ExpiryQueue::<T>::try_mutate(details.deadline, |queue| queue.try_push(id))
			.map_err(|_| Error::<T>::ExpiryBucketFull)?;
		NextIntentId::<T>::put(id.saturating_add(1));
		crate::IntentCount::<T>::mutate(&actor.owner, |count| *count = count.saturating_add(1));
		Self::deposit_event(Event::IntentPosted {
			intent: id,
			owner: actor.owner.clone(),
			agent: actor.agent,
			details: details.clone(),
			step_of,
			status: IntentStatus::Open,
			deposit,
		});
		Intents::<T>::insert(
			id,
			Intent {
				owner: actor.owner,
				details,
				status: IntentStatus::Open,
				step_of,
				provider: None,
				deposit,
				ticket,
				created_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Ok(id)
	}

	/// The intent, if `owner` owns it.
	pub(crate) fn owned_intent(
		owner: &T::AccountId,
		id: IntentId,
	) -> Result<IntentOf<T>, DispatchError> {
		let intent = Intents::<T>::get(id).ok_or(Error::<T>::IntentNotFound)?;
		ensure!(&intent.owner == owner, Error::<T>::NotOwner);
		Ok(intent)
	}

	/// Returns how many chain steps were cancelled with the root.
	pub(crate) fn do_cancel_intent(
		owner: T::AccountId,
		id: IntentId,
	) -> Result<u32, DispatchError> {
		let intent = Self::owned_intent(&owner, id)?;
		ensure!(intent.step_of.is_none(), Error::<T>::IsChainStep);
		ensure!(!Self::in_auction(id), Error::<T>::InAuction);
		ensure!(intent.status.is_open(), Error::<T>::NotOpen);
		let mut cancelled = 0u32;
		if let Some(chain) = Chains::<T>::get(id) {
			ensure!(
				chain.steps.iter().all(|s| matches!(
					s.state,
					StepState::Waiting | StepState::Ready | StepState::Cancelled
				)),
				Error::<T>::NotOpen
			);
			ensure!(!chain.steps.iter().any(|s| Self::in_auction(s.intent)), Error::<T>::InAuction);
			for step in chain.steps.iter().filter(|s| s.state != StepState::Cancelled) {
				Self::end_intent(step.intent, IntentStatus::Cancelled);
				cancelled = cancelled.saturating_add(1);
			}
			Chains::<T>::remove(id);
		}
		Self::end_intent(id, IntentStatus::Cancelled);
		Ok(cancelled)
	}

	/// Whether `id` is in an auction: it then ends only with the auction.
	pub(crate) fn in_auction(id: IntentId) -> bool {
		Intents::<T>::get(id).is_some_and(|i| i.status == IntentStatus::Auctioning)
	}

	/// Ends an intent for good with `status`: out of discovery and storage, deposit released.
	pub(crate) fn end_intent(id: IntentId, status: IntentStatus) {
		let Some(intent) = Intents::<T>::take(id) else { return };
		Self::remove_from_index(id, &intent.details.target);
		crate::IntentCount::<T>::mutate_exists(&intent.owner, |count| {
			*count = count.map(|c| c.saturating_sub(1)).filter(|c| *c > 0);
		});
		// An ended intent gives its expiry slot back, so a bucket only ever fills with live,
		// deposit-paying intents (post-and-cancel cannot block a deadline for the price of fees).
		ExpiryQueue::<T>::mutate_exists(intent.details.deadline, |queue| {
			if let Some(ids) = queue {
				ids.retain(|queued| *queued != id);
				if ids.is_empty() {
					*queue = None;
				}
			}
		});
		let held = Self::held(HoldReason::IntentDeposit, &intent.owner);
		// A hold released best-effort does not fail; were it to, the funds would stay held
		// and `try_state` would report it.
		let _ = intent.ticket.drop(&intent.owner);
		let released = held.saturating_sub(Self::held(HoldReason::IntentDeposit, &intent.owner));
		if let Some(charge) = crate::IntentCharges::<T>::take(id) {
			T::SpendGuard::refund(&intent.owner, &charge);
		}
		crate::Matches::<T>::remove(id);
		Self::deposit_event(Event::IntentStatusChanged {
			intent: id,
			status,
			provider: intent.provider,
			deposit_released: released,
		});
	}

	/// Funds held from `who` for `reason`: the sum of its items' deposits.
	pub(crate) fn held(reason: HoldReason, who: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as InspectHold<T::AccountId>>::balance_on_hold(&reason.into(), who)
	}
}
