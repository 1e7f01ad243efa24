//! The sealed-bid VCG scoring auction: who wins which steps of an intent or smart chain, and
//! what each winner is paid.
//!
//! The runtime settles auctions with [`settle`]; the orchestrator and the client call the same
//! function to predict or check an outcome, so every party gets the same winners and payments
//! from the same bids.
//!
//! # Quality and score
//!
//! A bidder's **quality** `q` is a multiplier in basis points ([`QUALITY_ONE`] = ×1): one plus
//! the requester's priority bonuses the bidder meets ([`PriorityFactors::quality`]), capped. A bid of `price` on a
//! bundle of steps has the **score** `s = ⌊price · 10 000 / q⌋` ([`score`]): what the requester
//! would pay per unit of quality. A step's **reserve** (its budget) acts as a bid of quality ×1
//! on that step alone, placed by the requester: a step the reserve "wins" stays unawarded.
//!
//! # Winner determination
//!
//! The auction picks the disjoint bundles (and reserves for the rest) of least total score
//! `C*`. With `N ≤` [`MAX_STEPS`] steps it is solved exactly over the step subsets `S`:
//!
//! ```text
//! f(∅) = 0
//! f(S) = min( reserve_j + f(S ∖ {j}),
//!             min over bids b with j ∈ B_b ⊆ S of  s_b + f(S ∖ B_b) )   where j = lowest step in S
//! ```
//!
//! `O(2^N · (B + 1))` for `B` bids. **Ties** are broken step by step from the lowest step: at
//! each subset the options covering its lowest step are tried bids first, in commit order (the
//! earlier commit, then the lower account), the reserve last, and only a strictly smaller total
//! replaces the one found. So among allocations of equal total score, the one chosen covers the
//! lowest step on which they differ by the earliest-committed bid (a real bid before the
//! reserve). Bids are sorted by `(committed_at, bidder)` first, so the outcome does not depend
//! on the order they are given in.
//!
//! # Payments (Clarke pivot)
//!
//! Each winner `i` is paid, in score units, `π_i = C*₋ᵢ − (C* − s_i)`, where `C*₋ᵢ` is the least
//! total score without `i`'s bid (one more solve per winner): the highest score at which `i`
//! still wins. In money that is `q_i · π_i`, taken exactly as the **largest price whose score is
//! at most `π_i`** (or `π_i − 1` when a tie at `π_i` would go to the alternative, which one more
//! solve tells), and capped at the reserve of `i`'s bundle. So a winner is paid the threshold
//! price at which it would stop winning, at least its bid and at most the bundle's reserve;
//! losers pay and are paid nothing. Taking the threshold in whole prices, rather than rounding
//! `q_i · π_i`, keeps the payment independent of the winner's own bid even in the last planck.
//!
//! # Truthfulness
//!
//! For a provider that can do exactly its bundle (single-minded), bidding its true cost is a
//! dominant strategy: it wins exactly when its cost is at most the threshold price and is then
//! paid that threshold, whatever it bid. A report of another bundle can only win work it cannot
//! do. A provider that could do several bundles still bids one per Ailock; the mechanism is
//! truthful for the bundle it names.
//!
//! All arithmetic is on integers; sums saturate at `u128::MAX` (far above any total issuance).

use crate::{
	geo::LocationTier,
	profile::{LanguageCode, Tag},
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Perbill, Rounding};

/// Most steps one auction sells: a bundle is a `u16` bitmask over them.
pub const MAX_STEPS: usize = 12;

/// A set of an auction's steps: bit `j` is its `j`-th step.
pub type BundleMask = u16;

/// Quality ×1, in basis points.
pub const QUALITY_ONE: u32 = 10_000;

/// The requester's bonuses, in basis points, for a bidder's location tier relative to the work:
/// a bidder gets the bonus of its own tier (nothing when global).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct TierBonuses {
	/// For a bidder in the same city.
	pub same_city: u16,
	/// For a bidder in the same region.
	pub same_region: u16,
	/// For a bidder in the same country.
	pub same_country: u16,
}

/// A bonus, in basis points, for a reputation at or above a threshold.
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
pub struct ReputationBonus {
	/// The least reputation that earns the bonus.
	pub at_least: Perbill,
	/// The bonus.
	pub bonus: u16,
}

/// What the requester rewards beyond price ("Munich-based +50 %, German automotive experience
/// +40 %, rating above 90 % +20 %"): bonuses in basis points, summed over those a bidder meets.
/// `Skills` and `Languages` are lists of `(what, bonus)`, bounded where they are stored.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct PriorityFactors<Skills, Languages> {
	/// Bonuses by location tier.
	pub location: TierBonuses,
	/// A bonus for each listed skill the bidder's profile has.
	pub skills: Skills,
	/// A bonus for each listed language the bidder's profile has.
	pub languages: Languages,
	/// A bonus for reputation at or above a threshold.
	pub reputation: Option<ReputationBonus>,
}

/// Priority factors with plain lists, as runtime APIs and clients carry them.
pub type FactorLists = PriorityFactors<Vec<(Tag, u16)>, Vec<(LanguageCode, u16)>>;

/// What quality is computed from: the bidder as the registry and the reputation source see it
/// when it commits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct BidderProfile<'a> {
	/// Its tier relative to the work's target.
	pub tier: LocationTier,
	/// Its profile's skills.
	pub skills: &'a [Tag],
	/// Its profile's languages.
	pub languages: &'a [LanguageCode],
	/// Its reputation.
	pub reputation: Perbill,
}

impl<Skills, Languages> PriorityFactors<Skills, Languages> {
	/// The same factors with plain lists (as stored lists become for runtime APIs).
	pub fn into_lists(self) -> FactorLists
	where
		Skills: Into<Vec<(Tag, u16)>>,
		Languages: Into<Vec<(LanguageCode, u16)>>,
	{
		PriorityFactors {
			location: self.location,
			skills: self.skills.into(),
			languages: self.languages.into(),
			reputation: self.reputation,
		}
	}
}

impl<Skills, Languages> PriorityFactors<Skills, Languages>
where
	Skills: AsRef<[(Tag, u16)]>,
	Languages: AsRef<[(LanguageCode, u16)]>,
{
	/// The sum of the bonuses `bidder` meets, in basis points (each listed skill or language
	/// counts once, however often it is listed).
	pub fn bonus_for(&self, bidder: &BidderProfile<'_>) -> u32 {
		let tier = match bidder.tier {
			LocationTier::SameCity => self.location.same_city,
			LocationTier::SameRegion => self.location.same_region,
			LocationTier::SameCountry => self.location.same_country,
			LocationTier::Global => 0,
		};
		let skills = self.skills.as_ref().iter().enumerate().filter(|(i, (skill, _))| {
			bidder.skills.contains(skill)
				&& !self.skills.as_ref()[..*i].iter().any(|(earlier, _)| earlier == skill)
		});
		let languages = self.languages.as_ref().iter().enumerate().filter(|(i, (language, _))| {
			bidder.languages.contains(language)
				&& !self.languages.as_ref()[..*i].iter().any(|(earlier, _)| earlier == language)
		});
		let reputation = self
			.reputation
			.filter(|r| bidder.reputation >= r.at_least)
			.map_or(0, |r| u32::from(r.bonus));
		skills
			.map(|(_, (_, bonus))| u32::from(*bonus))
			.chain(languages.map(|(_, (_, bonus))| u32::from(*bonus)))
			.fold(u32::from(tier).saturating_add(reputation), u32::saturating_add)
	}

	/// The bidder's quality `q = 1 + Σ bonuses met`, in basis points, capped at `max_quality`
	/// (itself never below ×1).
	pub fn quality(&self, bidder: &BidderProfile<'_>, max_quality: u32) -> u32 {
		QUALITY_ONE.saturating_add(self.bonus_for(bidder)).min(max_quality.max(QUALITY_ONE))
	}
}

/// A bid's score: `⌊price · 10 000 / q⌋`, what the requester pays per unit of quality. A quality
/// below ×1 counts as ×1.
pub fn score(price: u128, quality: u32) -> u128 {
	let quality = quality.max(QUALITY_ONE);
	// Cannot overflow: the quotient is at most `price`.
	multiply_by_rational_with_rounding(price, QUALITY_ONE.into(), quality.into(), Rounding::Down)
		.unwrap_or(price)
}

/// One revealed bid, as [`settle`] takes it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RevealedBid<AccountId> {
	/// Who bid.
	pub bidder: AccountId,
	/// When it committed (a block number): earlier commits win ties.
	pub committed_at: u32,
	/// The steps it bid for.
	pub bundle: BundleMask,
	/// Its price for the whole bundle.
	pub price: u128,
	/// Its quality in basis points, frozen when it committed.
	pub quality: u32,
}

/// Most bids one settlement considers (a bid's index in a solve is a `u8`).
pub const MAX_BIDS: usize = u8::MAX as usize;
const _: () = assert!(MAX_BIDS <= u8::MAX as usize + 1);

/// A winning bid and what it is paid.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Award<AccountId, Balance> {
	/// The winner.
	pub bidder: AccountId,
	/// The steps it won.
	pub bundle: BundleMask,
	/// What it bid.
	pub bid: Balance,
	/// What it is paid: at least its bid, at most the bundle's reserve.
	pub payment: Balance,
}

/// The outcome of an auction.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Outcome<AccountId> {
	/// The winners in step order (the lowest step of each bundle), with their payments.
	pub awards: Vec<Award<AccountId, u128>>,
	/// The steps no bid won (their reserve did).
	pub unawarded: BundleMask,
	/// The least total score `C*`.
	pub cost: u128,
}

/// Why a set of bids cannot be settled: the pallet refuses such bids when they are revealed,
/// so settlement never meets them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AuctionError {
	/// No steps, or more than [`MAX_STEPS`].
	StepCount,
	/// A bundle is empty or names a step the auction does not sell.
	BundleOutsideSteps,
	/// A price exceeds the sum of its bundle's reserves.
	PriceAboveReserve,
	/// One bidder has two bids.
	DuplicateBidder,
	/// More than [`MAX_BIDS`] bids.
	TooManyBids,
}

/// The set of all `steps` steps.
pub fn all_steps(steps: usize) -> BundleMask {
	if steps >= 16 {
		BundleMask::MAX
	} else {
		((1u32 << steps) - 1) as BundleMask
	}
}

/// The items of `steps` (an auction's lots, or their reserves) that `bundle` names, in order.
pub fn in_bundle<I: IntoIterator>(steps: I, bundle: BundleMask) -> impl Iterator<Item = I::Item> {
	steps
		.into_iter()
		.take(MAX_STEPS)
		.enumerate()
		.filter(move |(j, _)| bundle & (1 << j) != 0)
		.map(|(_, step)| step)
}

/// The sum of the reserves of the steps in `bundle`.
pub fn bundle_reserve(reserves: &[u128], bundle: BundleMask) -> u128 {
	in_bundle(reserves, bundle).fold(0u128, |sum, reserve| sum.saturating_add(*reserve))
}

/// Whether a bid on `bundle` at `price` can enter an auction of `reserves`: the checks reveal
/// applies, in the order of [`AuctionError`].
pub fn check_bid(reserves: &[u128], bundle: BundleMask, price: u128) -> Result<(), AuctionError> {
	if reserves.is_empty() || reserves.len() > MAX_STEPS {
		return Err(AuctionError::StepCount);
	}
	if bundle == 0 || bundle & !all_steps(reserves.len()) != 0 {
		return Err(AuctionError::BundleOutsideSteps);
	}
	if price > bundle_reserve(reserves, bundle) {
		return Err(AuctionError::PriceAboveReserve);
	}
	Ok(())
}

/// One solve of winner determination over `bids` (sorted, scored), leaving out bid `skip`.
/// Returns the least total score and, per step subset, the option chosen for its lowest step
/// (`None` the reserve, `Some(k)` bid `k`).
fn solve(
	reserves: &[u128],
	bids: &[(BundleMask, u128)],
	by_step: &[Vec<usize>],
	skip: Option<usize>,
) -> (u128, Vec<Option<u8>>) {
	let full = all_steps(reserves.len()) as usize;
	let mut cost = alloc::vec![0u128; full + 1];
	let mut choice = alloc::vec![None; full + 1];
	for set in 1..=full {
		let lowest = set.trailing_zeros() as usize;
		let mut best: Option<(u128, Option<u8>)> = None;
		for &k in &by_step[lowest] {
			let (bundle, score) = bids[k];
			let bundle = bundle as usize;
			if Some(k) == skip || bundle & !set != 0 {
				continue;
			}
			let total = score.saturating_add(cost[set & !bundle]);
			if best.is_none_or(|(least, _)| total < least) {
				best = Some((total, Some(k as u8)));
			}
		}
		let reserve = reserves.get(lowest).copied().unwrap_or(u128::MAX);
		let total = reserve.saturating_add(cost[set & !(1 << lowest)]);
		if best.is_none_or(|(least, _)| total < least) {
			best = Some((total, None));
		}
		let (least, option) = best.unwrap_or((u128::MAX, None));
		cost[set] = least;
		choice[set] = option;
	}
	(cost[full], choice)
}

/// The bids `choice` (from [`solve`]) allocates, in step order, and the steps left to reserves.
fn allocation(
	steps: usize,
	bids: &[(BundleMask, u128)],
	choice: &[Option<u8>],
) -> (Vec<usize>, BundleMask) {
	let mut winners = Vec::new();
	let mut unawarded: BundleMask = 0;
	let mut set = all_steps(steps) as usize;
	while set != 0 {
		let lowest = set.trailing_zeros();
		match choice.get(set).copied().flatten() {
			Some(k) => {
				winners.push(usize::from(k));
				set &=
					!(bids.get(usize::from(k)).map_or(1 << lowest, |(bundle, _)| *bundle as usize));
			},
			None => {
				unawarded |= 1 << lowest;
				set &= !(1 << lowest);
			},
		}
	}
	(winners, unawarded)
}

/// The largest price whose score at `quality` is at most `threshold`: `⌈(t + 1) · q / 10 000⌉ − 1`.
fn threshold_price(threshold: u128, quality: u32) -> u128 {
	multiply_by_rational_with_rounding(
		threshold.saturating_add(1),
		quality.max(QUALITY_ONE).into(),
		QUALITY_ONE.into(),
		Rounding::Up,
	)
	.map_or(u128::MAX, |p| p.saturating_sub(1))
}

/// Settles an auction of `reserves.len()` steps: the winners, their payments and the steps left
/// unawarded, as the module documentation defines them. `bids` may come in any order.
pub fn settle<AccountId: Ord + Clone>(
	reserves: &[u128],
	bids: &[RevealedBid<AccountId>],
) -> Result<Outcome<AccountId>, AuctionError> {
	if reserves.is_empty() || reserves.len() > MAX_STEPS {
		return Err(AuctionError::StepCount);
	}
	if bids.len() > MAX_BIDS {
		return Err(AuctionError::TooManyBids);
	}
	let mut sorted: Vec<&RevealedBid<AccountId>> = bids.iter().collect();
	sorted.sort_by(|a, b| (a.committed_at, &a.bidder).cmp(&(b.committed_at, &b.bidder)));
	let mut bidders: Vec<&AccountId> = sorted.iter().map(|bid| &bid.bidder).collect();
	bidders.sort();
	if bidders.windows(2).any(|pair| pair[0] == pair[1]) {
		return Err(AuctionError::DuplicateBidder);
	}
	for bid in &sorted {
		check_bid(reserves, bid.bundle, bid.price)?;
	}

	let mut scored: Vec<(BundleMask, u128)> =
		sorted.iter().map(|bid| (bid.bundle, score(bid.price, bid.quality))).collect();
	// The bids covering each step, in tie-break order.
	let by_step: Vec<Vec<usize>> = (0..reserves.len())
		.map(|j| (0..scored.len()).filter(|&k| scored[k].0 & (1 << j) != 0).collect())
		.collect();

	let (cost, choice) = solve(reserves, &scored, &by_step, None);
	let (winners, unawarded) = allocation(reserves.len(), &scored, &choice);

	let mut awards = Vec::with_capacity(winners.len());
	for k in winners {
		let bid = sorted[k];
		let own = scored[k].1;
		let (without, _) = solve(reserves, &scored, &by_step, Some(k));
		// C* is least with bid k among the options, so nothing without it is cheaper.
		let pivot = without.saturating_sub(cost).saturating_add(own);
		let threshold = if pivot == own {
			// It won at exactly the pivot: ties there already go its way.
			pivot
		} else {
			scored[k].1 = pivot;
			let (_, at_pivot) = solve(reserves, &scored, &by_step, None);
			scored[k].1 = own;
			let (still, _) = allocation(reserves.len(), &scored, &at_pivot);
			if still.contains(&k) {
				pivot
			} else {
				pivot.saturating_sub(1)
			}
		};
		let payment =
			threshold_price(threshold, bid.quality).min(bundle_reserve(reserves, bid.bundle));
		awards.push(Award {
			bidder: bid.bidder.clone(),
			bundle: bid.bundle,
			bid: bid.price,
			payment,
		});
	}
	Ok(Outcome { awards, unawarded, cost })
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::profile::normalise_tag;
	use alloc::vec;
	use proptest::prelude::*;

	fn bid(
		bidder: u32,
		committed_at: u32,
		bundle: BundleMask,
		price: u128,
		quality: u32,
	) -> RevealedBid<u32> {
		RevealedBid { bidder, committed_at, bundle, price, quality }
	}

	fn award(bidder: u32, bundle: BundleMask, bid: u128, payment: u128) -> Award<u32, u128> {
		Award { bidder, bundle, bid, payment }
	}

	const MUNICH: u32 = 1;
	const GLOBAL: u32 = 2;
	const OTHER: u32 = 3;

	#[test]
	fn a_same_city_bonus_lets_a_dearer_local_provider_win_at_the_threshold_price() {
		// "+50 % same city": the Munich provider's 900 scores 600, the global one's 700 scores 700.
		let bids = [
			bid(GLOBAL, 2, 0b1, 700, QUALITY_ONE),
			bid(MUNICH, 1, 0b1, 900, 15_000),
			bid(OTHER, 3, 0b1, 800, QUALITY_ONE),
		];
		let outcome = settle(&[2_000], &bids).expect("valid");
		// Munich, committed first, would still win at score 700 (a tie): the largest price
		// scoring 700 at ×1.5 is 1 051, as scores round down.
		assert_eq!(outcome.awards, vec![award(MUNICH, 0b1, 900, 1_051)]);
		assert_eq!(outcome.unawarded, 0);
		assert_eq!(outcome.cost, 600);
	}

	#[test]
	fn a_payment_never_exceeds_the_bundle_reserve() {
		let bids = [bid(MUNICH, 1, 0b1, 900, 15_000), bid(GLOBAL, 2, 0b1, 990, QUALITY_ONE)];
		let outcome = settle(&[1_000], &bids).expect("valid");
		// The threshold (the largest price scoring 990 at ×1.5, 1 486) is above the reserve.
		assert_eq!(outcome.awards, vec![award(MUNICH, 0b1, 900, 1_000)]);
	}

	#[test]
	fn a_lone_bidder_is_paid_the_reserve() {
		let outcome = settle(&[1_000], &[bid(MUNICH, 1, 0b1, 400, QUALITY_ONE)]).expect("valid");
		assert_eq!(outcome.awards, vec![award(MUNICH, 0b1, 400, 1_000)]);
	}

	#[test]
	fn a_bundle_cheaper_in_score_beats_the_single_step_bids() {
		// Three Berlin steps, reserves 1 000 each; singles for steps 0 and 1 at 500 each.
		let reserves = [1_000, 1_000, 1_000];
		let bids = [
			bid(1, 2, 0b001, 500, QUALITY_ONE),
			bid(2, 2, 0b010, 500, QUALITY_ONE),
			bid(3, 1, 0b011, 900, QUALITY_ONE),
		];
		let outcome = settle(&reserves, &bids).expect("valid");
		// Without the bundle the singles cost 1 000; the bundle, committed first, would win that
		// tie, so it is paid 1 000.
		assert_eq!(outcome.awards, vec![award(3, 0b011, 900, 1_000)]);
		assert_eq!(outcome.unawarded, 0b100);
		assert_eq!(outcome.cost, 900 + 1_000);
	}

	#[test]
	fn a_bundle_dearer_in_score_loses_to_the_single_step_bids() {
		let reserves = [1_000, 1_000, 1_000];
		let bids = [
			bid(1, 1, 0b001, 500, QUALITY_ONE),
			bid(2, 1, 0b010, 500, QUALITY_ONE),
			bid(3, 2, 0b011, 1_100, QUALITY_ONE),
		];
		let outcome = settle(&reserves, &bids).expect("valid");
		// Each single is paid what replaces it: the bundle's 1 100 less the other single's 500.
		assert_eq!(outcome.awards, vec![award(1, 0b001, 500, 600), award(2, 0b010, 500, 600)]);
		assert_eq!(outcome.unawarded, 0b100);
	}

	#[test]
	fn steps_nobody_bid_for_stay_unawarded() {
		let outcome =
			settle(&[100, 200, 300], &[bid(1, 1, 0b010, 150, QUALITY_ONE)]).expect("valid");
		assert_eq!(outcome.awards, vec![award(1, 0b010, 150, 200)]);
		assert_eq!(outcome.unawarded, 0b101);
		assert_eq!(outcome.cost, 100 + 150 + 300);
	}

	#[test]
	fn no_bids_leave_every_step_to_its_reserve() {
		let outcome = settle::<u32>(&[100, 200], &[]).expect("valid");
		assert!(outcome.awards.is_empty());
		assert_eq!(outcome.unawarded, 0b11);
		assert_eq!(outcome.cost, 300);
	}

	#[test]
	fn an_equal_score_goes_to_the_earlier_commit() {
		let bids = [bid(1, 5, 0b1, 500, QUALITY_ONE), bid(2, 4, 0b1, 500, QUALITY_ONE)];
		let outcome = settle(&[1_000], &bids).expect("valid");
		// Bidder 2 committed first and takes the tie; without it bidder 1's 500 would win, so
		// bidder 2 is paid 500.
		assert_eq!(outcome.awards, vec![award(2, 0b1, 500, 500)]);
	}

	#[test]
	fn an_equal_score_in_the_same_block_goes_to_the_lower_account() {
		let bids = [bid(7, 4, 0b1, 500, QUALITY_ONE), bid(3, 4, 0b1, 500, QUALITY_ONE)];
		let outcome = settle(&[1_000], &bids).expect("valid");
		assert_eq!(outcome.awards, vec![award(3, 0b1, 500, 500)]);
	}

	#[test]
	fn a_later_bidder_is_paid_one_below_the_tie_it_would_lose() {
		// Bidder 2 committed later: at 600 it would tie bidder 1 and lose, so its threshold is 599.
		let bids = [bid(1, 1, 0b1, 600, QUALITY_ONE), bid(2, 2, 0b1, 500, QUALITY_ONE)];
		let outcome = settle(&[1_000], &bids).expect("valid");
		assert_eq!(outcome.awards, vec![award(2, 0b1, 500, 599)]);
	}

	#[test]
	fn a_bid_at_the_reserve_wins_against_the_reserve() {
		let outcome = settle(&[1_000], &[bid(1, 1, 0b1, 1_000, QUALITY_ONE)]).expect("valid");
		assert_eq!(outcome.awards, vec![award(1, 0b1, 1_000, 1_000)]);
		assert_eq!(outcome.unawarded, 0);
	}

	#[test]
	fn a_withheld_reveal_raises_the_winners_payment_by_what_the_bond_must_outweigh() {
		// A colluder commits 600 and, seeing its partner's 500 win, withholds the reveal: the
		// partner is then paid the reserve instead of 600. The 400 gained is what the forfeited
		// bond has to outweigh (see the pallet's bond rule).
		let partner = bid(1, 1, 0b1, 500, QUALITY_ONE);
		let colluder = bid(2, 1, 0b1, 600, QUALITY_ONE);
		let revealed = settle(&[1_000], &[partner.clone(), colluder]).expect("valid");
		let withheld = settle(&[1_000], &[partner]).expect("valid");
		assert_eq!(revealed.awards, vec![award(1, 0b1, 500, 600)]);
		assert_eq!(withheld.awards, vec![award(1, 0b1, 500, 1_000)]);
	}

	#[test]
	fn bids_that_reveal_refuses_cannot_be_settled() {
		assert_eq!(settle::<u32>(&[], &[]), Err(AuctionError::StepCount));
		assert_eq!(settle::<u32>(&[1; MAX_STEPS + 1], &[]), Err(AuctionError::StepCount));
		let twice = [bid(1, 1, 0b1, 5, QUALITY_ONE), bid(1, 2, 0b10, 5, QUALITY_ONE)];
		assert_eq!(settle(&[10, 10], &twice), Err(AuctionError::DuplicateBidder));
		assert_eq!(
			settle(&[10, 10], &[bid(1, 1, 0b100, 5, QUALITY_ONE)]),
			Err(AuctionError::BundleOutsideSteps)
		);
		assert_eq!(
			settle(&[10, 10], &[bid(1, 1, 0b11, 21, QUALITY_ONE)]),
			Err(AuctionError::PriceAboveReserve)
		);
		let many: Vec<_> = (0..=MAX_BIDS as u32).map(|b| bid(b, 1, 0b1, 5, QUALITY_ONE)).collect();
		assert_eq!(settle(&[10], &many), Err(AuctionError::TooManyBids));
	}

	#[test]
	fn check_bid_states_each_rule() {
		assert_eq!(check_bid(&[10, 20], 0, 1), Err(AuctionError::BundleOutsideSteps));
		assert_eq!(check_bid(&[10, 20], 0b100, 1), Err(AuctionError::BundleOutsideSteps));
		assert_eq!(check_bid(&[10, 20], 0b11, 31), Err(AuctionError::PriceAboveReserve));
		assert_eq!(check_bid(&[10, 20], 0b11, 30), Ok(()));
		assert_eq!(check_bid(&[], 0b1, 1), Err(AuctionError::StepCount));
	}

	#[test]
	fn scores_round_down_and_quality_below_one_counts_as_one() {
		assert_eq!(score(900, 15_000), 600);
		assert_eq!(score(1_000, 30_000), 333);
		assert_eq!(score(1_000, 5_000), 1_000);
		assert_eq!(score(u128::MAX, QUALITY_ONE), u128::MAX);
		assert_eq!(threshold_price(333, 30_000), 1_001);
		assert_eq!(threshold_price(u128::MAX, 30_000), u128::MAX);
	}

	fn factors() -> FactorLists {
		PriorityFactors {
			location: TierBonuses { same_city: 5_000, same_region: 3_000, same_country: 1_000 },
			skills: vec![
				(normalise_tag("automotive").expect("a tag"), 4_000),
				(normalise_tag("automotive").expect("a tag"), 4_000),
				(normalise_tag("legal").expect("a tag"), 1_500),
			],
			languages: vec![(LanguageCode(*b"de"), 500)],
			reputation: Some(ReputationBonus { at_least: Perbill::from_percent(90), bonus: 2_000 }),
		}
	}

	#[test]
	fn quality_sums_the_bonuses_met_each_once_and_is_capped() {
		let automotive = [normalise_tag("automotive").expect("a tag")];
		let german = [LanguageCode(*b"de")];
		let munich = BidderProfile {
			tier: LocationTier::SameCity,
			skills: &automotive,
			languages: &german,
			reputation: Perbill::from_percent(90),
		};
		// 1 + 50 % + 40 % (listed twice, counted once) + 5 % + 20 %.
		assert_eq!(factors().quality(&munich, 50_000), 21_500);
		assert_eq!(factors().quality(&munich, 20_000), 20_000);
		let remote = BidderProfile {
			tier: LocationTier::Global,
			skills: &[],
			languages: &[],
			reputation: Perbill::from_percent(89),
		};
		assert_eq!(factors().quality(&remote, 50_000), QUALITY_ONE);
		let regional = BidderProfile { tier: LocationTier::SameRegion, ..remote };
		assert_eq!(factors().quality(&regional, 50_000), 13_000);
		let national = BidderProfile { tier: LocationTier::SameCountry, ..remote };
		assert_eq!(factors().quality(&national, 50_000), 11_000);
		// A cap below ×1 still leaves ×1.
		assert_eq!(factors().quality(&munich, 1), QUALITY_ONE);
	}

	/// A random instance: up to six steps, up to eight bidders with distinct accounts.
	fn instance() -> impl Strategy<Value = (Vec<u128>, Vec<RevealedBid<u32>>)> {
		(1usize..=6).prop_flat_map(|steps| {
			let reserves = prop::collection::vec(1u128..=1_000, steps);
			let bids = prop::collection::vec(
				(1..=all_steps(steps), 0u32..4, any::<u16>(), QUALITY_ONE..=30_000),
				0..=8,
			);
			(reserves, bids).prop_map(|(reserves, raw)| {
				let bids = raw
					.into_iter()
					.enumerate()
					.map(|(i, (bundle, committed_at, price_seed, quality))| {
						let cap = bundle_reserve(&reserves, bundle);
						let price = u128::from(price_seed) % (cap + 1);
						bid(100 - i as u32, committed_at, bundle, price, quality)
					})
					.collect();
				(reserves, bids)
			})
		})
	}

	/// The least total score over every set of pairwise disjoint bids, by enumeration.
	fn brute_force(reserves: &[u128], bids: &[RevealedBid<u32>]) -> u128 {
		let mut best = u128::MAX;
		for chosen in 0u32..(1 << bids.len()) {
			let mut covered: BundleMask = 0;
			let mut total = 0u128;
			let mut disjoint = true;
			for (_, b) in bids.iter().enumerate().filter(|(k, _)| chosen & (1 << k) != 0) {
				disjoint &= covered & b.bundle == 0;
				covered |= b.bundle;
				total += score(b.price, b.quality);
			}
			if disjoint {
				total += bundle_reserve(reserves, all_steps(reserves.len()) & !covered);
				best = best.min(total);
			}
		}
		best
	}

	/// What bidder `who` gains, at true cost `cost`, when the auction settles `bids`.
	fn utility(reserves: &[u128], bids: &[RevealedBid<u32>], who: u32, cost: u128) -> i128 {
		let outcome = settle(reserves, bids).expect("valid");
		outcome
			.awards
			.iter()
			.find(|a| a.bidder == who)
			.map_or(0, |a| a.payment as i128 - cost as i128)
	}

	proptest! {
		#[test]
		fn the_allocation_is_optimal_and_consistent((reserves, bids) in instance()) {
			let outcome = settle(&reserves, &bids).expect("valid");
			prop_assert_eq!(outcome.cost, brute_force(&reserves, &bids));
			// The awards and the unawarded steps partition the steps, at the stated cost.
			let mut covered = outcome.unawarded;
			let mut total = bundle_reserve(&reserves, outcome.unawarded);
			for a in &outcome.awards {
				prop_assert_eq!(covered & a.bundle, 0);
				covered |= a.bundle;
				let won = bids.iter().find(|b| b.bidder == a.bidder).expect("a bidder");
				prop_assert_eq!((won.bundle, won.price), (a.bundle, a.bid));
				total += score(won.price, won.quality);
			}
			prop_assert_eq!(covered, all_steps(reserves.len()));
			prop_assert_eq!(total, outcome.cost);
		}

		#[test]
		fn payments_lie_between_the_bid_and_the_bundle_reserve((reserves, bids) in instance()) {
			for a in settle(&reserves, &bids).expect("valid").awards {
				prop_assert!(a.bid <= a.payment, "{a:?}");
				prop_assert!(a.payment <= bundle_reserve(&reserves, a.bundle), "{a:?}");
			}
		}

		#[test]
		fn the_outcome_does_not_depend_on_the_order_of_the_bids(
			(reserves, bids) in instance(),
			keys in prop::collection::vec(any::<u32>(), 8),
		) {
			let mut shuffled: Vec<(u32, RevealedBid<u32>)> =
				keys.into_iter().zip(bids.iter().cloned()).collect();
			shuffled.sort_by_key(|(key, _)| *key);
			let shuffled: Vec<_> = shuffled.into_iter().map(|(_, b)| b).collect();
			let given = settle(&reserves, &bids).expect("valid");
			prop_assert_eq!(settle(&reserves, &shuffled).expect("valid"), given);
		}

		#[test]
		fn no_bidder_gains_by_bidding_another_price(
			(reserves, bids) in instance(),
			deviation_seed in any::<u16>(),
		) {
			// Each bid is its bidder's true cost for exactly its bundle.
			for (i, truth) in bids.iter().enumerate() {
				let honest = utility(&reserves, &bids, truth.bidder, truth.price);
				prop_assert!(honest >= 0);
				let cap = bundle_reserve(&reserves, truth.bundle);
				let mut lying = bids.clone();
				lying[i].price = u128::from(deviation_seed) % (cap + 1);
				let lied = utility(&reserves, &lying, truth.bidder, truth.price);
				prop_assert!(honest >= lied, "{truth:?}: honest {honest}, bidding {} {lied}", lying[i].price);
			}
		}

		#[test]
		fn a_winners_payment_does_not_depend_on_its_own_price(
			(reserves, bids) in instance(),
			price_seed in any::<u16>(),
		) {
			let outcome = settle(&reserves, &bids).expect("valid");
			for award in &outcome.awards {
				let i = bids.iter().position(|b| b.bidder == award.bidder).expect("a bidder");
				let mut other = bids.clone();
				other[i].price = u128::from(price_seed) % (award.payment + 1);
				// Any price up to the payment still wins, and is paid the same.
				let again = settle(&reserves, &other).expect("valid");
				let paid = again.awards.iter().find(|a| a.bidder == award.bidder).map(|a| a.payment);
				prop_assert_eq!(paid, Some(award.payment));
			}
		}
	}
}
