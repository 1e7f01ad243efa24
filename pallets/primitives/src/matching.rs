//! The matching score: how well an Ailock fits an intent, as a [`Perbill`].
//!
//! The runtime (to check matches the offchain worker submits), the orchestrator and the client all
//! compute it here, in integer arithmetic, so every party gets the same number from the same
//! inputs.
//!
//! # Formula
//!
//! Every criterion is scored in parts per billion (`0..=1_000_000_000`):
//!
//! - **location** `L`: from the [`LocationTier`] between the intent's cell and the Ailock's and
//!   the intent's [`Flexibility`]:
//!
//!   | tier \ flexibility | strict | preferred | flexible | global |
//!   |---|---:|---:|---:|---:|
//!   | same city    | 100 % | 100 % | 100 % | 100 % |
//!   | same region  |   0 % |  75 % |  90 % | 100 % |
//!   | same country |   0 % |  40 % |  75 % | 100 % |
//!   | global       |   0 % |  10 % |  50 % | 100 % |
//!
//! - **expertise** `E = ¾·S + ¼·G`: `S` the share of the intent's required skills the Ailock has
//!   (100 % when none are required), `G` 100 % when the Ailock speaks one of the intent's
//!   languages (or none are asked), else 0 %.
//! - **price** `P`: 0 % when the Ailock's minimum price exceeds the budget; otherwise
//!   `50 % + 50 % · (budget − min_price) / budget`.
//! - **reputation** `R = ¾·reputation + ¼·collaboration history` (both from the reputation
//!   pallet; 50 % when unknown).
//!
//! The intent's [`MatchingWeights`] (summing to exactly 100 %) combine them:
//! `W = w_L·L + w_E·E + w_P·P + w_R·R`. Availability then scales the result:
//! `score = W · (50 % + 50 % · available hours / 168)`, and the score is 0 when the Ailock has
//! no free capacity. Every product rounds down.

use crate::{geo::LocationTier, profile::HOURS_PER_WEEK, Balance};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

const BILLION: u64 = 1_000_000_000;

/// How far from its target location an intent may be served.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum Flexibility {
	/// Only in the same city.
	Strict,
	/// Local preferred, others possible.
	Preferred,
	/// Location matters little.
	Flexible,
	/// Location does not matter (remote work).
	Global,
}

/// How much each criterion counts for an intent; the four always sum to 100 %.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct MatchingWeights {
	/// Weight of the location score.
	pub location: Perbill,
	/// Weight of the expertise score.
	pub expertise: Perbill,
	/// Weight of the price score.
	pub price: Perbill,
	/// Weight of the reputation score.
	pub reputation: Perbill,
}

impl MatchingWeights {
	/// Equal weights, 25 % each.
	pub const BALANCED: MatchingWeights = MatchingWeights {
		location: Perbill::from_percent(25),
		expertise: Perbill::from_percent(25),
		price: Perbill::from_percent(25),
		reputation: Perbill::from_percent(25),
	};

	/// Whether the weights sum to exactly 100 % (what an intent must carry).
	pub fn is_valid(&self) -> bool {
		[self.location, self.expertise, self.price, self.reputation]
			.iter()
			.map(|w| u64::from(w.deconstruct()))
			.sum::<u64>()
			== BILLION
	}
}

/// Everything the score depends on, for one intent and one Ailock.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MatchInput {
	/// Tier between the intent's target and the Ailock.
	pub tier: LocationTier,
	/// The intent's flexibility.
	pub flexibility: Flexibility,
	/// Required skills the Ailock has.
	pub skills_matched: u32,
	/// Required skills (0: any Ailock qualifies).
	pub skills_required: u32,
	/// Whether the Ailock speaks a language the intent asks for (or none are asked).
	pub language_match: bool,
	/// The Ailock's reputation.
	pub reputation: Perbill,
	/// History of collaboration between requester and Ailock.
	pub collaboration: Perbill,
	/// The intent's budget.
	pub budget: Balance,
	/// The Ailock's minimum price.
	pub min_price: Balance,
	/// Available hours per week (0 to 168).
	pub available_hours: u32,
	/// Whether the Ailock can take another job.
	pub has_capacity: bool,
}

fn parts(p: Perbill) -> u64 {
	u64::from(p.deconstruct())
}

fn perbill(parts: u64) -> Perbill {
	Perbill::from_parts(parts.min(BILLION) as u32)
}

/// `a · b` in parts per billion, rounded down.
fn mul(a: u64, b: u64) -> u64 {
	a.saturating_mul(b) / BILLION
}

/// The location score `L`.
pub fn location_score(tier: LocationTier, flexibility: Flexibility) -> Perbill {
	use Flexibility as F;
	use LocationTier as T;
	let percent = match (flexibility, tier) {
		(_, T::SameCity) | (F::Global, _) => 100,
		(F::Strict, _) => 0,
		(F::Preferred, T::SameRegion) => 75,
		(F::Preferred, T::SameCountry) => 40,
		(F::Preferred, T::Global) => 10,
		(F::Flexible, T::SameRegion) => 90,
		(F::Flexible, T::SameCountry) => 75,
		(F::Flexible, T::Global) => 50,
	};
	Perbill::from_percent(percent)
}

/// The expertise score `E`.
pub fn expertise_score(matched: u32, required: u32, language_match: bool) -> Perbill {
	let skills = if required == 0 {
		BILLION
	} else {
		u64::from(matched.min(required)) * BILLION / u64::from(required)
	};
	let language = if language_match { BILLION } else { 0 };
	perbill((skills * 3 + language) / 4)
}

/// The price score `P`.
pub fn price_score(budget: Balance, min_price: Balance) -> Perbill {
	if budget == 0 || min_price > budget {
		return Perbill::zero();
	}
	let slack = Perbill::from_rational(budget - min_price, budget);
	perbill(BILLION / 2 + parts(slack) / 2)
}

/// The reputation score `R`.
pub fn reputation_score(reputation: Perbill, collaboration: Perbill) -> Perbill {
	perbill((parts(reputation) * 3 + parts(collaboration)) / 4)
}

/// The availability factor.
pub fn availability_factor(available_hours: u32, has_capacity: bool) -> Perbill {
	if !has_capacity {
		return Perbill::zero();
	}
	let hours = u64::from(available_hours.min(HOURS_PER_WEEK));
	perbill(BILLION / 2 + hours * BILLION / u64::from(HOURS_PER_WEEK) / 2)
}

/// The matching score of `input` under `weights` (see the module documentation).
pub fn score(input: &MatchInput, weights: &MatchingWeights) -> Perbill {
	let criteria = [
		(weights.location, location_score(input.tier, input.flexibility)),
		(
			weights.expertise,
			expertise_score(input.skills_matched, input.skills_required, input.language_match),
		),
		(weights.price, price_score(input.budget, input.min_price)),
		(weights.reputation, reputation_score(input.reputation, input.collaboration)),
	];
	let weighted: u64 = criteria.iter().map(|(w, s)| mul(parts(*w), parts(*s))).sum();
	let factor = availability_factor(input.available_hours, input.has_capacity);
	perbill(mul(weighted.min(BILLION), parts(factor)))
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn munich_translator() -> MatchInput {
		MatchInput {
			tier: LocationTier::SameCity,
			flexibility: Flexibility::Preferred,
			skills_matched: 2,
			skills_required: 2,
			language_match: true,
			reputation: Perbill::from_percent(50),
			collaboration: Perbill::from_percent(50),
			budget: 2_000,
			min_price: 500,
			available_hours: 40,
			has_capacity: true,
		}
	}

	#[test]
	fn a_local_expert_beats_a_distant_one() {
		let weights = MatchingWeights {
			location: Perbill::from_percent(40),
			expertise: Perbill::from_percent(30),
			price: Perbill::from_percent(15),
			reputation: Perbill::from_percent(15),
		};
		assert!(weights.is_valid());
		let munich = munich_translator();
		let tokyo = MatchInput { tier: LocationTier::Global, ..munich };
		assert!(score(&munich, &weights) > score(&tokyo, &weights));
		// W = 0.4·1 + 0.3·1 + 0.15·0.875 + 0.15·0.5 = 0.90625; factor = 0.5 + 0.5·40/168.
		let w: u64 = 906_250_000;
		let factor: u64 = 500_000_000 + 40 * BILLION / 168 / 2;
		assert_eq!(score(&munich, &weights), Perbill::from_parts((w * factor / BILLION) as u32));
	}

	#[test]
	fn the_parts_follow_the_documented_tables() {
		assert_eq!(location_score(LocationTier::SameRegion, Flexibility::Strict), Perbill::zero());
		assert_eq!(
			location_score(LocationTier::Global, Flexibility::Global),
			Perbill::from_percent(100)
		);
		assert_eq!(
			location_score(LocationTier::SameCountry, Flexibility::Flexible),
			Perbill::from_percent(75)
		);
		assert_eq!(expertise_score(1, 2, false), Perbill::from_rational(3u32, 8u32));
		assert_eq!(expertise_score(0, 0, true), Perbill::one());
		assert_eq!(price_score(1_000, 1_001), Perbill::zero());
		assert_eq!(price_score(1_000, 1_000), Perbill::from_percent(50));
		assert_eq!(price_score(1_000, 0), Perbill::one());
		assert_eq!(price_score(0, 0), Perbill::zero());
		assert_eq!(availability_factor(168, false), Perbill::zero());
		assert_eq!(availability_factor(168, true), Perbill::one());
		assert_eq!(availability_factor(0, true), Perbill::from_percent(50));
		assert!(!MatchingWeights { price: Perbill::from_percent(26), ..MatchingWeights::BALANCED }
			.is_valid());
	}

	fn tier() -> impl Strategy<Value = LocationTier> {
		prop_oneof![
			Just(LocationTier::SameCity),
			Just(LocationTier::SameRegion),
			Just(LocationTier::SameCountry),
			Just(LocationTier::Global),
		]
	}

	fn flexibility() -> impl Strategy<Value = Flexibility> {
		prop_oneof![
			Just(Flexibility::Strict),
			Just(Flexibility::Preferred),
			Just(Flexibility::Flexible),
			Just(Flexibility::Global),
		]
	}

	prop_compose! {
		fn input()(
			tier in tier(),
			flexibility in flexibility(),
			required in 0u32..16,
			matched_share in 0u32..=16,
			language_match in any::<bool>(),
			reputation in 0u32..=BILLION as u32,
			collaboration in 0u32..=BILLION as u32,
			budget in 0u128..1_000_000_000_000_000,
			price_share in 0u128..=2_000,
			available_hours in 0u32..=168,
			has_capacity in any::<bool>(),
		) -> MatchInput {
			MatchInput {
				tier,
				flexibility,
				skills_matched: matched_share.min(required),
				skills_required: required,
				language_match,
				reputation: Perbill::from_parts(reputation),
				collaboration: Perbill::from_parts(collaboration),
				budget,
				min_price: budget / 1_000 * price_share,
				available_hours,
				has_capacity,
			}
		}
	}

	prop_compose! {
		fn weights()(a in 0u32..=1_000, b in 0u32..=1_000, c in 0u32..=1_000) -> MatchingWeights {
			let mut cuts = [a, b, c];
			cuts.sort_unstable();
			let part = |from: u32, to: u32| Perbill::from_parts((to - from) * 1_000_000);
			MatchingWeights {
				location: part(0, cuts[0]),
				expertise: part(cuts[0], cuts[1]),
				price: part(cuts[1], cuts[2]),
				reputation: part(cuts[2], 1_000),
			}
		}
	}

	proptest! {
		#[test]
		fn agrees_with_the_documented_formula_and_stays_within_one(
			input in input(),
			weights in weights(),
		) {
			prop_assert!(weights.is_valid());
			// The module documentation's formula, computed independently in floating point.
			let f = |p: Perbill| f64::from(p.deconstruct()) / 1e9;
			let location = match (input.flexibility, input.tier) {
				(_, LocationTier::SameCity) | (Flexibility::Global, _) => 1.0,
				(Flexibility::Strict, _) => 0.0,
				(Flexibility::Preferred, LocationTier::SameRegion) => 0.75,
				(Flexibility::Preferred, LocationTier::SameCountry) => 0.40,
				(Flexibility::Preferred, LocationTier::Global) => 0.10,
				(Flexibility::Flexible, LocationTier::SameRegion) => 0.90,
				(Flexibility::Flexible, LocationTier::SameCountry) => 0.75,
				(Flexibility::Flexible, LocationTier::Global) => 0.50,
			};
			let skills = if input.skills_required == 0 {
				1.0
			} else {
				f64::from(input.skills_matched) / f64::from(input.skills_required)
			};
			let expertise = 0.75 * skills + if input.language_match { 0.25 } else { 0.0 };
			let price = if input.budget == 0 || input.min_price > input.budget {
				0.0
			} else {
				0.5 + 0.5 * (input.budget - input.min_price) as f64 / input.budget as f64
			};
			let reputation = 0.75 * f(input.reputation) + 0.25 * f(input.collaboration);
			let weighted = f(weights.location) * location
				+ f(weights.expertise) * expertise
				+ f(weights.price) * price
				+ f(weights.reputation) * reputation;
			let availability = if input.has_capacity {
				0.5 + 0.5 * f64::from(input.available_hours) / 168.0
			} else {
				0.0
			};
			let expected = weighted * availability * 1e9;
			let actual = f64::from(score(&input, &weights).deconstruct());
			// Each of the few integer products rounds down by less than one part.
			prop_assert!(
				(actual - expected).abs() <= 8.0,
				"score {} vs formula {}", actual, expected
			);
			prop_assert!(actual <= 1e9);
		}

		#[test]
		fn monotone_in_each_criterion(input in input(), weights in weights()) {
			let base = score(&input, &weights);
			let nearer = match input.tier {
				LocationTier::Global => LocationTier::SameCountry,
				LocationTier::SameCountry => LocationTier::SameRegion,
				_ => LocationTier::SameCity,
			};
			let better = [
				MatchInput { tier: nearer, ..input },
				MatchInput { skills_matched: input.skills_required, ..input },
				MatchInput { language_match: true, ..input },
				MatchInput { reputation: Perbill::one(), ..input },
				MatchInput { collaboration: Perbill::one(), ..input },
				MatchInput { min_price: input.min_price / 2, ..input },
				MatchInput { available_hours: 168, ..input },
				MatchInput { has_capacity: true, ..input },
			];
			for improved in better {
				prop_assert!(score(&improved, &weights) >= base, "{:?} < {:?}", improved, input);
			}
		}

		#[test]
		fn weights_are_respected(input in input()) {
			// With all weight on one criterion, the others cannot move the score.
			let only_location = MatchingWeights {
				location: Perbill::one(),
				expertise: Perbill::zero(),
				price: Perbill::zero(),
				reputation: Perbill::zero(),
			};
			let changed = MatchInput {
				skills_matched: 0,
				language_match: !input.language_match,
				reputation: Perbill::zero(),
				min_price: input.budget.saturating_add(1),
				..input
			};
			prop_assert_eq!(score(&input, &only_location), score(&changed, &only_location));
			let factor = availability_factor(input.available_hours, input.has_capacity);
			let location = location_score(input.tier, input.flexibility);
			prop_assert_eq!(
				score(&input, &only_location),
				Perbill::from_parts((mul(parts(location), parts(factor))) as u32)
			);
		}
	}
}
