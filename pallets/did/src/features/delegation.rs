//! Agent keys: authorizing and revoking them, dispatching as the owner, and the spending cap.

use crate::{
	types::{CallName, Delegation},
	AgentOwner, BalanceOf, Config, Delegations, Dids, Error, Event, Pallet, RawOrigin, ScopeOf,
	WeightInfo,
};
use ailock_primitives::traits::{Actor, SpendCharge, SpendGuard};
use frame_support::{
	dispatch::{DispatchErrorWithPostInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{GetCallMetadata, OriginTrait, PalletInfoAccess},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Dispatchable, Saturating, Zero},
	SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// Binds `agent` to `did` on `terms`, if the controller asks and the agent consented.
	pub(crate) fn do_authorize_agent(
		who: T::AccountId,
		did: T::AccountId,
		agent: T::AccountId,
		terms: crate::DelegationTermsOf<T>,
		proof: T::AgentProof,
	) -> DispatchResult {
		use sp_runtime::traits::Verify;
		let payload = crate::agent_consent_payload::<T>(&did, &agent, &terms);
		ensure!(proof.verify(&payload[..], &agent), Error::<T>::InvalidAgentConsent);
		let crate::types::DelegationTerms { scope, spend_cap, period, expires_at } = terms;
		Self::bind_agent(who, did, agent, scope, spend_cap, period, expires_at)
	}

	/// Binds `agent` to `did` (the consent already checked).
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn bind_agent(
		who: T::AccountId,
		did: T::AccountId,
		agent: T::AccountId,
		scope: ScopeOf<T>,
		spend_cap: BalanceOf<T>,
		period: BlockNumberFor<T>,
		expires_at: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut doc = Self::controlled_document(&who, &did)?;
		ensure!(agent != did, Error::<T>::AgentIsOwner);
		if let Some(current_owner) = AgentOwner::<T>::get(&agent) {
			ensure!(current_owner == did, Error::<T>::AgentBoundToAnotherDid);
		}
		Self::validate_scope(&scope)?;
		ensure!(!period.is_zero(), Error::<T>::ZeroPeriod);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires_at > now, Error::<T>::ExpiryInPast);

		let existing = Delegations::<T>::get(&did, &agent);
		if existing.is_none() {
			ensure!(doc.agents < T::MaxAgents::get(), Error::<T>::TooManyAgents);
			doc.agents = doc.agents.saturating_add(1);
			Self::settle_deposit(&did, &mut doc)?;
		}
		// A replaced delegation keeps its current period and what was spent in it: new terms
		// never hand the agent a fresh budget mid-period, and a deposit charged under the old
		// terms is credited back to the same record it was charged to.
		let (period_start, spent_in_period) =
			existing.map(|d| (d.period_start, d.spent_in_period)).unwrap_or((now, Zero::zero()));
		doc.updated_at = now;
		let deposit = doc.deposit;
		Dids::<T>::insert(&did, doc);
		AgentOwner::<T>::insert(&agent, &did);
		Delegations::<T>::insert(
			&did,
			&agent,
			Delegation {
				scope: scope.clone(),
				spend_cap,
				period,
				period_start,
				spent_in_period,
				expires_at,
				authorized_at: now,
			},
		);
		Self::deposit_event(Event::AgentAuthorized {
			did,
			agent,
			scope,
			spend_cap,
			period,
			expires_at,
			deposit,
		});
		Ok(())
	}

	/// Removes an agent key's delegation and its share of the deposit.
	pub(crate) fn do_revoke_agent(
		who: T::AccountId,
		did: T::AccountId,
		agent: T::AccountId,
	) -> DispatchResult {
		let mut doc = Self::controlled_document(&who, &did)?;
		Delegations::<T>::take(&did, &agent).ok_or(Error::<T>::DelegationNotFound)?;
		AgentOwner::<T>::remove(&agent);
		doc.agents = doc.agents.saturating_sub(1);
		Self::settle_deposit(&did, &mut doc)?;
		doc.updated_at = frame_system::Pallet::<T>::block_number();
		let deposit = doc.deposit;
		Dids::<T>::insert(&did, doc);
		Self::deposit_event(Event::AgentRevoked { did, agent, deposit });
		Ok(())
	}

	/// Dispatches `call` with the delegated origin after the expiry and scope checks.
	pub(crate) fn do_dispatch_as_agent(
		agent: T::AccountId,
		call: <T as frame_system::Config>::RuntimeCall,
	) -> DispatchResultWithPostInfo {
		let owner = AgentOwner::<T>::get(&agent).ok_or(Error::<T>::NotAnAgent)?;
		let delegation = Delegations::<T>::get(&owner, &agent).ok_or(Error::<T>::NotAnAgent)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < delegation.expires_at, Error::<T>::DelegationExpired);
		let metadata = call.get_call_metadata();
		ensure!(
			delegation.allows(metadata.pallet_name, metadata.function_name),
			Error::<T>::CallNotInScope
		);

		let overhead = T::WeightInfo::dispatch_as_agent(delegation.scope.len() as u32);
		let scope = delegation.scope;
		let mut origin: <T as frame_system::Config>::RuntimeOrigin =
			RawOrigin::Delegated { owner: owner.clone(), agent: agent.clone() }.into();
		// Calls the dispatched call nests (a batch) must be in scope too.
		origin.add_filter(move |nested: &<T as frame_system::Config>::RuntimeCall| {
			let m = nested.get_call_metadata();
			scope.iter().any(|entry| entry.allows(m.pallet_name, m.function_name))
		});
		let add_overhead = |weight: Option<Weight>| weight.map(|w| w.saturating_add(overhead));
		match call.dispatch(origin) {
			Ok(post) => {
				Self::deposit_event(Event::AgentDispatched {
					did: owner,
					agent,
					pallet: name_of(metadata.pallet_name),
					call: name_of(metadata.function_name),
				});
				Ok(PostDispatchInfo {
					actual_weight: add_overhead(post.actual_weight),
					pays_fee: post.pays_fee,
				})
			},
			Err(DispatchErrorWithPostInfo { post_info, error }) => Err(DispatchErrorWithPostInfo {
				post_info: PostDispatchInfo {
					actual_weight: add_overhead(post_info.actual_weight),
					pays_fee: post_info.pays_fee,
				},
				error,
			}),
		}
	}

	/// Every entry must name a pallet (and call) of this runtime other than this pallet.
	fn validate_scope(scope: &ScopeOf<T>) -> DispatchResult {
		ensure!(!scope.is_empty(), Error::<T>::EmptyScope);
		let own_name = <Pallet<T> as PalletInfoAccess>::name();
		for entry in scope.iter() {
			let pallet =
				core::str::from_utf8(&entry.pallet).map_err(|_| Error::<T>::UnknownScopeCall)?;
			ensure!(pallet != own_name, Error::<T>::ScopeNotDelegable);
			let pallets =
				<<T as frame_system::Config>::RuntimeCall as GetCallMetadata>::get_module_names();
			ensure!(pallets.contains(&pallet), Error::<T>::UnknownScopeCall);
			if let Some(call) = &entry.call {
				let call = core::str::from_utf8(call).map_err(|_| Error::<T>::UnknownScopeCall)?;
				let calls =
					<<T as frame_system::Config>::RuntimeCall as GetCallMetadata>::get_call_names(
						pallet,
					);
				ensure!(calls.contains(&call), Error::<T>::UnknownScopeCall);
			}
		}
		Ok(())
	}

	/// Charges `amount` against the delegation of `agent` from `owner`, starting a new period
	/// when the current one has passed.
	pub(crate) fn charge_spending(
		owner: &T::AccountId,
		agent: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let (spent_in_period, spend_cap, period_start) =
			Delegations::<T>::try_mutate(owner, agent, |entry| -> Result<_, DispatchError> {
				let delegation = entry.as_mut().ok_or(Error::<T>::NotAnAgent)?;
				ensure!(now < delegation.expires_at, Error::<T>::DelegationExpired);
				let elapsed = now.saturating_sub(delegation.period_start);
				if elapsed >= delegation.period && !delegation.period.is_zero() {
					// Align to the period grid so a late first spend does not shift every period.
					let into_period = elapsed % delegation.period;
					delegation.period_start = now.saturating_sub(into_period);
					delegation.spent_in_period = Zero::zero();
				}
				let spent = delegation
					.spent_in_period
					.checked_add(&amount)
					.filter(|spent| *spent <= delegation.spend_cap)
					.ok_or(Error::<T>::SpendingCapExceeded)?;
				delegation.spent_in_period = spent;
				Ok((spent, delegation.spend_cap, delegation.period_start))
			})?;
		Self::deposit_event(Event::AgentSpent {
			did: owner.clone(),
			agent: agent.clone(),
			amount,
			spent_in_period,
			spend_cap,
		});
		Ok(period_start)
	}

	/// Credits `amount` released from something `agent` locked back to its cap, if the period
	/// it was charged in (starting at `period_start`) is still the current one.
	pub(crate) fn refund_spending(
		owner: &T::AccountId,
		agent: &T::AccountId,
		period_start: u64,
		amount: BalanceOf<T>,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		let refunded = Delegations::<T>::mutate(owner, agent, |entry| {
			let delegation = entry.as_mut()?;
			let current = now.saturating_sub(delegation.period_start) < delegation.period;
			let same = delegation.period_start.saturated_into::<u64>() == period_start;
			if !(current && same) {
				return None;
			}
			let back = amount.min(delegation.spent_in_period);
			delegation.spent_in_period = delegation.spent_in_period.saturating_sub(back);
			Some((back, delegation.spent_in_period))
		});
		if let Some((amount, spent_in_period)) = refunded.filter(|(back, _)| !back.is_zero()) {
			Self::deposit_event(Event::AgentRefunded {
				did: owner.clone(),
				agent: agent.clone(),
				amount,
				spent_in_period,
			});
		}
	}
}

/// A runtime name as stored bytes (names longer than the bound are cut; none are).
fn name_of(name: &str) -> CallName {
	CallName::truncate_from(name.as_bytes().to_vec())
}

impl<T: Config> SpendGuard<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn charge(
		actor: &Actor<T::AccountId>,
		amount: BalanceOf<T>,
	) -> Result<Option<SpendCharge<T::AccountId, BalanceOf<T>>>, DispatchError> {
		let Some(agent) = &actor.agent else { return Ok(None) };
		let period_start = Self::charge_spending(&actor.owner, agent, amount)?;
		Ok(Some(SpendCharge {
			agent: agent.clone(),
			period_start: period_start.saturated_into(),
			amount,
		}))
	}

	fn refund(owner: &T::AccountId, charge: &SpendCharge<T::AccountId, BalanceOf<T>>) {
		Self::refund_spending(owner, &charge.agent, charge.period_start, charge.amount);
	}
}
