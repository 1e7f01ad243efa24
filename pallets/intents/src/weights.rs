//! Bootstrap weights for `pallet_intents`, replaced by the output of `scripts/benchmark.sh`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_intents`.
pub trait WeightInfo {
	fn post_intent() -> Weight;
	fn cancel_intent(c: u32, ) -> Weight;
	fn post_offer() -> Weight;
	fn withdraw_offer() -> Weight;
	fn propose_chain(s: u32, ) -> Weight;
	fn cancel_step() -> Weight;
	fn add_matcher() -> Weight;
	fn remove_matcher() -> Weight;
	fn submit_matches(k: u32, ) -> Weight;
	fn on_initialize_expire(e: u32, ) -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn post_intent() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 6))
	}
	fn cancel_intent(_c: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(3, 5))
	}
	fn post_offer() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn withdraw_offer() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn propose_chain(_s: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 6))
	}
	fn cancel_step() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn add_matcher() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn remove_matcher() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn submit_matches(_k: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 1))
	}
	fn on_initialize_expire(_e: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
}

impl WeightInfo for () {
	fn post_intent() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(4, 6))
	}
	fn cancel_intent(_c: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(3, 5))
	}
	fn post_offer() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(2, 2))
	}
	fn withdraw_offer() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(2, 2))
	}
	fn propose_chain(_s: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(4, 6))
	}
	fn cancel_step() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(4, 4))
	}
	fn add_matcher() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(1, 1))
	}
	fn remove_matcher() -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(1, 1))
	}
	fn submit_matches(_k: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 1))
	}
	fn on_initialize_expire(_e: u32, ) -> Weight {
		Weight::from_parts(200_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(2, 2))
	}
}
