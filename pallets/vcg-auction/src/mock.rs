//! A test runtime: System, Balances, Did (owners, agent keys and spending caps) and Auction,
//! with small in-mock stand-ins for the intents pallet, the registry, reputation, blocklists
//! and escrow, kept in the test's storage so each test declares its world and `assert_noop!`
//! covers them. The real pallets behind these traits are tested together in
//! `runtime/src/tests.rs`.

use crate as pallet_vcg_auction;
use ailock_primitives::{
	chain::IntentId,
	geo::{CountryCode, DisclosedLocation, GeoCell, LocationTier},
	profile::{LanguageCode, Tag},
	traits::{
		AilockDirectory, AilockSummary, AuctionLot, AuctionOffering, AuctionableIntents, BlockList,
		EscrowOpener, EscrowTerms, IntentLifecycle, ReputationScores,
	},
};
use codec::{Decode, Encode};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU128, ConstU32, LinearStoragePrice},
	Blake2_128Concat,
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Perbill};

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub const REQUESTER: AccountId = 1;
pub const MUNICH: AccountId = 2;
pub const BERLIN: AccountId = 3;
pub const TOKYO: AccountId = 4;
pub const AGENT: AccountId = 10;
/// Funded, with no Ailock.
pub const NOBODY: AccountId = 20;

pub const INITIAL_BALANCE: Balance = 1_000_000;
pub const AUCTION_DEPOSIT: Balance = 50;
pub const AUCTION_BYTE_DEPOSIT: Balance = 1;
pub const MIN_BOND: Balance = 20;
pub const MAX_STEPS: u32 = 12;
pub const MAX_BIDS: u32 = 4;
pub const MAX_QUALITY: u32 = 30_000;
pub const MIN_COMMIT: u64 = 2;
pub const MIN_REVEAL: u64 = 2;
pub const MAX_PERIOD: u64 = 100;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Did: pallet_did,
		Auction: pallet_vcg_auction,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const DidDeposit: Balance = 10;
	pub const DidByteDeposit: Balance = 0;
	pub const DidHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Did(pallet_did::HoldReason::DidDeposit);
}

impl pallet_did::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		DidHoldReason,
		LinearStoragePrice<DidDeposit, DidByteDeposit, Balance>,
	>;
	type AgentFootprint = ConstU32<0>;
	type TombstoneDeposit = ConstU128<1>;
	type AgentProof = sp_runtime::testing::TestSignature;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_did::TestAgentConsent;
	type MaxKeys = ConstU32<4>;
	type MaxServices = ConstU32<2>;
	type MaxAgents = ConstU32<2>;
	type MaxScopeEntries = ConstU32<4>;
	type Dependents = ();
	type WeightInfo = ();
}

/// An intent as the stand-in keeps it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
pub struct MockIntent {
	pub owner: AccountId,
	pub budget: Balance,
	pub deadline: u64,
	pub target: DisclosedLocation,
	/// `None` open, `Some(None)` auctioning, `Some(Some(provider))` awarded.
	pub status: Option<Option<AccountId>>,
	/// For a chain root: its steps (each a `MockIntent` of its own).
	pub steps: Option<alloc::vec::Vec<IntentId>>,
}

#[frame_support::storage_alias]
pub type MockIntents = StorageMap<MockMarket, Blake2_128Concat, IntentId, MockIntent>;

#[frame_support::storage_alias]
pub type MockAilocks = StorageMap<MockMarket, Blake2_128Concat, AccountId, AilockSummary<Balance>>;

#[frame_support::storage_alias]
pub type MockReputation = StorageMap<MockMarket, Blake2_128Concat, AccountId, Perbill>;

#[frame_support::storage_alias]
pub type MockBlocked =
	StorageDoubleMap<MockMarket, Blake2_128Concat, AccountId, Blake2_128Concat, AccountId, ()>;

#[frame_support::storage_alias]
pub type OpenedEscrows = StorageValue<
	MockMarket,
	alloc::vec::Vec<EscrowTerms<AccountId, Balance, crate::AwardedIntents<Test>>>,
>;

/// A provider whose escrow the stand-in refuses to open.
#[frame_support::storage_alias]
pub type RefusedProvider = StorageValue<MockMarket, AccountId>;

/// The intents pallet's part: what can be auctioned, and the status changes.
pub struct MockMarket;

impl AuctionableIntents<AccountId, Balance, u64> for MockMarket {
	fn offering(intent: IntentId) -> Option<AuctionOffering<AccountId, Balance, u64>> {
		let root = MockIntents::get(intent)?;
		let open = |id: &IntentId| {
			MockIntents::get(id).filter(|i| i.status.is_none()).map(|i| AuctionLot {
				intent: *id,
				reserve: i.budget,
				deadline: i.deadline,
			})
		};
		let lots = match &root.steps {
			Some(steps) => steps.iter().filter_map(open).collect(),
			None => open(&intent).into_iter().collect(),
		};
		Some(AuctionOffering { owner: root.owner, target: root.target, lots })
	}
}

impl IntentLifecycle<AccountId> for MockMarket {
	fn start_auction(intent: IntentId) -> DispatchResult {
		MockIntents::try_mutate(intent, |entry| match entry {
			Some(i) if i.status.is_none() => {
				i.status = Some(None);
				Ok(())
			},
			_ => Err(DispatchError::Other("not open")),
		})
	}

	fn award(intent: IntentId, provider: &AccountId) -> DispatchResult {
		MockIntents::try_mutate(intent, |entry| match entry {
			Some(i) if i.status == Some(None) => {
				i.status = Some(Some(*provider));
				Ok(())
			},
			_ => Err(DispatchError::Other("not auctioning")),
		})
	}

	fn reopen(intent: IntentId) -> DispatchResult {
		MockIntents::try_mutate(intent, |entry| match entry {
			Some(i) if i.status == Some(None) => {
				i.status = None;
				Ok(())
			},
			_ => Err(DispatchError::Other("not auctioning")),
		})
	}

	fn start_work(_: IntentId) -> DispatchResult {
		Err(DispatchError::Other("the auction never starts work"))
	}

	fn complete(_: IntentId) -> DispatchResult {
		Err(DispatchError::Other("the auction never completes work"))
	}
}

impl AilockDirectory<AccountId, Balance> for MockMarket {
	fn summary(ailock: &AccountId) -> Option<AilockSummary<Balance>> {
		MockAilocks::get(ailock)
	}

	fn candidates(
		_: Option<&GeoCell>,
		_: Option<CountryCode>,
		_: LocationTier,
		_: &[Tag],
		_: u32,
	) -> alloc::vec::Vec<AccountId> {
		alloc::vec::Vec::new()
	}
}

impl ReputationScores<AccountId> for MockMarket {
	fn reputation(who: &AccountId) -> Perbill {
		MockReputation::get(who).unwrap_or(Perbill::from_percent(50))
	}

	fn collaboration(_: &AccountId, _: &AccountId) -> Perbill {
		Perbill::from_percent(50)
	}
}

impl BlockList<AccountId> for MockMarket {
	fn blocks(owner: &AccountId, who: &AccountId) -> bool {
		MockBlocked::contains_key(owner, who)
	}
}

impl EscrowOpener<AccountId, Balance, crate::AwardedIntents<Test>> for MockMarket {
	fn open_escrow(
		terms: &EscrowTerms<AccountId, Balance, crate::AwardedIntents<Test>>,
	) -> DispatchResult {
		if RefusedProvider::get() == Some(terms.provider) {
			return Err(DispatchError::Other("escrow refused"));
		}
		OpenedEscrows::append(terms.clone());
		Ok(())
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl ailock_primitives::traits::DidBenchmarking<AccountId> for MockMarket {
	fn create_did(who: &AccountId) {
		<Did as ailock_primitives::traits::DidBenchmarking<AccountId>>::create_did(who)
	}

	fn create_agent(who: &AccountId) -> AccountId {
		<Did as ailock_primitives::traits::DidBenchmarking<AccountId>>::create_agent(who)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl ailock_primitives::traits::AilockBenchmarking<AccountId> for MockMarket {
	fn create_ailock(who: &AccountId, cell: &GeoCell, skill: &Tag) {
		MockAilocks::insert(who, summary(Some(cell.clone()), None, core::slice::from_ref(skill)));
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl ailock_primitives::traits::AuctionBenchmarking<AccountId, Balance> for MockMarket {
	fn create_intent(owner: &AccountId, cell: &GeoCell, budget: Balance) -> IntentId {
		let id = MockIntents::iter_keys().max().map_or(0, |last| last + 1);
		MockIntents::insert(id, intent(*owner, budget, Some(cell.clone())));
		id
	}

	fn create_chain(owner: &AccountId, cell: &GeoCell, steps: u32, share: Balance) -> IntentId {
		let first = MockIntents::iter_keys().max().map_or(0, |last| last + 1);
		let ids: alloc::vec::Vec<IntentId> = (1..=u64::from(steps)).map(|i| first + i).collect();
		for id in &ids {
			MockIntents::insert(id, intent(*owner, share, Some(cell.clone())));
		}
		let mut root = intent(*owner, share * Balance::from(steps), Some(cell.clone()));
		root.steps = Some(ids);
		MockIntents::insert(first, root);
		first
	}
}

parameter_types! {
	pub static Authorities: u32 = 1;
	pub const AuctionHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Auction(pallet_vcg_auction::HoldReason::AuctionDeposit);
	pub const AuctionDeposit: Balance = AUCTION_DEPOSIT;
	pub const AuctionByteDeposit: Balance = AUCTION_BYTE_DEPOSIT;
	pub const BondShare: Perbill = Perbill::from_percent(5);
}

impl pallet_vcg_auction::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type OwnerOrigin = pallet_did::EnsureOwner<Test>;
	type SpendGuard = Did;
	type Intents = MockMarket;
	type Directory = MockMarket;
	type BlockList = MockMarket;
	type Reputation = MockMarket;
	type EscrowOpener = MockMarket;
	type AuthorityCount = Authorities;
	type AuctionConsideration = HoldConsideration<
		AccountId,
		Balances,
		AuctionHoldReason,
		LinearStoragePrice<AuctionDeposit, AuctionByteDeposit, Balance>,
	>;
	type MaxSteps = ConstU32<MAX_STEPS>;
	type MaxBidsPerAuction = ConstU32<MAX_BIDS>;
	type MaxFactors = ConstU32<4>;
	type MaxQuality = ConstU32<MAX_QUALITY>;
	type BondShare = BondShare;
	type MinBond = ConstU128<MIN_BOND>;
	type MinCommitPeriod = frame_support::traits::ConstU64<MIN_COMMIT>;
	type MinRevealPeriod = frame_support::traits::ConstU64<MIN_REVEAL>;
	type MaxPeriod = frame_support::traits::ConstU64<MAX_PERIOD>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockMarket;
	type WeightInfo = ();
}

pub fn cell(geohash: &str) -> GeoCell {
	GeoCell::parse(geohash).expect("a geohash")
}

pub fn tag(text: &str) -> Tag {
	ailock_primitives::profile::normalise_tag(text).expect("a tag")
}

fn germany() -> Option<CountryCode> {
	CountryCode::new(*b"DE").ok()
}

/// A live Ailock with room for work at `cell` (in Germany when it has one) with `skills`,
/// speaking German.
pub fn summary(
	cell: Option<GeoCell>,
	country: Option<CountryCode>,
	skills: &[Tag],
) -> AilockSummary<Balance> {
	AilockSummary {
		location: DisclosedLocation { country: country.or(cell.as_ref().and(germany())), cell },
		skills: skills.to_vec(),
		languages: alloc::vec![LanguageCode(*b"de")],
		min_price: 1,
		available_hours: 168,
		has_capacity: true,
		live: true,
	}
}

/// An open intent of `owner` with `budget`, due at block 1 000, targeting `cell` in Germany.
pub fn intent(owner: AccountId, budget: Balance, cell: Option<GeoCell>) -> MockIntent {
	MockIntent {
		owner,
		budget,
		deadline: 1_000,
		target: DisclosedLocation { cell, country: germany() },
		status: None,
		steps: None,
	}
}

/// Declares a test's world, as KILT's `ExtBuilder` does. `ExtBuilder::default()` funds the
/// named accounts, nothing more.
pub struct ExtBuilder {
	balances: alloc::vec::Vec<(AccountId, Balance)>,
	ailocks: alloc::vec::Vec<(AccountId, AilockSummary<Balance>)>,
	intents: alloc::vec::Vec<(IntentId, MockIntent)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: [REQUESTER, MUNICH, BERLIN, TOKYO, AGENT, NOBODY]
				.into_iter()
				.map(|who| (who, INITIAL_BALANCE))
				.collect(),
			ailocks: alloc::vec::Vec::new(),
			intents: alloc::vec::Vec::new(),
		}
	}
}

impl ExtBuilder {
	/// Lists a live Ailock of `who`.
	pub fn with_ailock(mut self, who: AccountId, summary: AilockSummary<Balance>) -> Self {
		self.ailocks.push((who, summary));
		self
	}

	/// The three providers: translators in Munich (`u281z`) and Berlin (`u33db`), and one in
	/// Tokyo (`xn774`, Japan).
	pub fn with_providers(self) -> Self {
		let translation = [tag("translation")];
		self.with_ailock(MUNICH, summary(Some(cell("u281z")), None, &translation))
			.with_ailock(BERLIN, summary(Some(cell("u33db")), None, &translation))
			.with_ailock(
				TOKYO,
				summary(Some(cell("xn774")), CountryCode::new(*b"JP").ok(), &translation),
			)
	}

	/// Stores `intent` as intent `id`.
	pub fn with_intent(mut self, id: IntentId, intent: MockIntent) -> Self {
		self.intents.push((id, intent));
		self
	}

	/// The declared world at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			for (who, summary) in self.ailocks {
				MockAilocks::insert(who, summary);
			}
			for (id, intent) in self.intents {
				MockIntents::insert(id, intent);
			}
		});
		ext
	}

	/// Runs `test` in the declared world and checks the pallet's invariants after.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Auction::do_try_state().expect("auction invariants hold");
		});
	}
}

/// The benchmarks' world: funded accounts, nothing else.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Moves to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}
