//! [`EnsureOwner`]: how other pallets accept a call from an owner or from its agent.

use crate::{Config, Origin, RawOrigin};
use ailock_primitives::traits::Actor;
use core::marker::PhantomData;
use frame_support::traits::EnsureOrigin;

/// Accepts a signed origin (the signer acts for itself) or [`RawOrigin::Delegated`] (an agent acts
/// for its owner), and yields the [`Actor`]: whose account the call is for, and which agent key
/// signed it. Pallets pass the actor to [`ailock_primitives::traits::SpendGuard`] before they
/// commit the owner's funds.
pub struct EnsureOwner<T>(PhantomData<T>);

impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for EnsureOwner<T>
where
	T::RuntimeOrigin: Into<Result<Origin<T>, T::RuntimeOrigin>>,
{
	type Success = Actor<T::AccountId>;

	fn try_origin(origin: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
		let origin =
			match <T::RuntimeOrigin as Into<Result<Origin<T>, T::RuntimeOrigin>>>::into(origin) {
				Ok(RawOrigin::Delegated { owner, agent }) => {
					return Ok(Actor { owner, agent: Some(agent) })
				},
				Err(origin) => origin,
			};
		let system = <T::RuntimeOrigin as Into<
			Result<frame_system::RawOrigin<T::AccountId>, T::RuntimeOrigin>,
		>>::into(origin.clone());
		match system {
			Ok(frame_system::RawOrigin::Signed(who)) => Ok(Actor::owner(who)),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let owner: T::AccountId = frame_benchmarking::account("owner", 0, 0);
		Ok(frame_system::RawOrigin::Signed(owner).into())
	}
}
