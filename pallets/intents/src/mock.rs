//! A test runtime: System, Balances, Did and Intents, wired as in the real runtime, with a small
//! in-mock registry of Ailocks in place of the Ailocks pallet.

use crate as pallet_intents;
use ailock_primitives::{
	geo::{CountryCode, DisclosedLocation, GeoCell, LocationTier},
	profile::Tag,
	traits::{AilockDirectory, AilockSummary, OnAilockDeregistered},
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU128, ConstU32, LinearStoragePrice},
};
use sp_runtime::BuildStorage;

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const AGENT: AccountId = 10;
/// Has funds but no DID.
pub const NO_DID: AccountId = 20;

pub const INITIAL_BALANCE: Balance = 1_000_000;
pub const MATCHER: AccountId = 50;
pub const INTENT_DEPOSIT: Balance = 200;
pub const OFFER_DEPOSIT: Balance = 100;
pub const INTENT_BYTE_DEPOSIT: Balance = 1;
pub const MAX_STEPS: u32 = 12;
pub const MAX_PER_CELL_INTENTS: u32 = 20;
pub const MAX_EXPIRIES: u32 = 16;
pub const MAX_DEADLINE: u64 = 1_000;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Did: pallet_did,
		Intents: pallet_intents,
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
	pub const DidDeposit: Balance = 100;
	pub const DidByteDeposit: Balance = 1;
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
	type AgentFootprint = ConstU32<50>;
	type TombstoneDeposit = ConstU128<7>;
	type AgentProof = sp_runtime::testing::TestSignature;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_did::TestAgentConsent;
	type MaxKeys = ConstU32<4>;
	type MaxServices = ConstU32<2>;
	type MaxAgents = ConstU32<2>;
	type MaxScopeEntries = ConstU32<4>;
	type Dependents = Intents;
	type WeightInfo = ();
}

/// The registry as Intents sees it, kept in the test's own storage so each test declares its
/// Ailocks and `assert_noop!` covers them: summaries a test sets directly, and discovery as
/// `AilockDirectory` promises it (live Ailocks within reach, nearest first). The real registry
/// behind this trait is tested with Intents in `runtime/src/tests.rs`.
pub struct MockDirectory;

#[frame_support::storage_alias]
pub type MockRegistry =
	StorageMap<MockDirectory, frame_support::Blake2_128Concat, AccountId, AilockSummary<Balance>>;

impl MockDirectory {
	/// Lists `who` with `summary`, replacing what it had (a re-registration or an update).
	pub fn register(who: AccountId, summary: AilockSummary<Balance>) {
		MockRegistry::insert(who, summary);
	}

	/// Marks `who` live or not (a heartbeat lapsing, or the owner stepping away).
	pub fn set_live(who: AccountId, live: bool) {
		MockRegistry::mutate(who, |entry| {
			if let Some(summary) = entry {
				summary.live = live;
			}
		});
	}

	/// Removes `who` and tells Intents, as the registry's `deregister` does.
	pub fn deregister(who: AccountId) {
		MockRegistry::remove(who);
		<Intents as OnAilockDeregistered<AccountId>>::on_deregistered(&who);
	}
}

impl AilockDirectory<AccountId, Balance> for MockDirectory {
	fn summary(ailock: &AccountId) -> Option<AilockSummary<Balance>> {
		MockRegistry::get(ailock)
	}

	fn candidates(
		cell: Option<&GeoCell>,
		country: Option<CountryCode>,
		max_tier: LocationTier,
		skills: &[Tag],
		limit: u32,
	) -> Vec<AccountId> {
		let searched = DisclosedLocation { cell: cell.cloned(), country };
		let mut found: Vec<(LocationTier, AccountId)> = MockRegistry::iter()
			.filter(|(_, summary)| {
				summary.live
					&& (skills.is_empty() || skills.iter().any(|s| summary.skills.contains(s)))
			})
			.map(|(who, summary)| (LocationTier::between(&searched, &summary.location), who))
			.filter(|(tier, _)| *tier <= max_tier)
			.collect();
		found.sort();
		found.into_iter().take(limit as usize).map(|(_, who)| who).collect()
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl ailock_primitives::traits::DidBenchmarking<AccountId> for MockDirectory {
	fn create_did(who: &AccountId) {
		<Did as ailock_primitives::traits::DidBenchmarking<AccountId>>::create_did(who)
	}

	fn create_agent(who: &AccountId) -> AccountId {
		<Did as ailock_primitives::traits::DidBenchmarking<AccountId>>::create_agent(who)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl ailock_primitives::traits::AilockBenchmarking<AccountId> for MockDirectory {
	fn create_ailock(who: &AccountId, cell: &GeoCell, skill: &Tag) {
		<Self as ailock_primitives::traits::DidBenchmarking<AccountId>>::create_did(who);
		Self::register(
			*who,
			AilockSummary {
				location: DisclosedLocation { cell: Some(cell.clone()), country: None },
				skills: vec![skill.clone()],
				languages: Vec::new(),
				min_price: 1,
				available_hours: 168,
				has_capacity: true,
				live: true,
			},
		);
	}
}

parameter_types! {
	pub const IntentHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Intents(pallet_intents::HoldReason::IntentDeposit);
	pub const OfferHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Intents(pallet_intents::HoldReason::OfferDeposit);
	pub const IntentDeposit: Balance = INTENT_DEPOSIT;
	pub const OfferDeposit: Balance = OFFER_DEPOSIT;
	pub const IntentByteDeposit: Balance = INTENT_BYTE_DEPOSIT;
	pub const MaxDeadline: u64 = MAX_DEADLINE;
	/// Tests of the discovery attacks raise it to the runtime's bound.
	pub static MaxIntentsInCell: u32 = MAX_PER_CELL_INTENTS;
}

impl frame_system::offchain::SigningTypes for Test {
	type Public = sp_runtime::testing::UintAuthorityId;
	type Signature = sp_runtime::testing::TestSignature;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = sp_runtime::testing::TestXt<RuntimeCall, ()>;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> frame_system::offchain::CreateSignedTransaction<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	fn create_signed_transaction<
		C: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>,
	>(
		call: RuntimeCall,
		_public: Self::Public,
		account: AccountId,
		nonce: u32,
	) -> Option<Self::Extrinsic> {
		Some(sp_runtime::testing::TestXt::new_signed(call, account, (), ()))
			.filter(|_| nonce < u32::MAX)
	}
}

/// Test matcher keys are `UintAuthorityId`s set with `UintAuthorityId::set_all_keys`.
pub struct TestMatcherId;
impl
	frame_system::offchain::AppCrypto<
		sp_runtime::testing::UintAuthorityId,
		sp_runtime::testing::TestSignature,
	> for TestMatcherId
{
	type RuntimeAppPublic = sp_runtime::testing::UintAuthorityId;
	type GenericPublic = sp_runtime::testing::UintAuthorityId;
	type GenericSignature = sp_runtime::testing::TestSignature;
}

impl pallet_intents::Config for Test {
	type MatcherId = TestMatcherId;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type OwnerOrigin = pallet_did::EnsureOwner<Test>;
	type MatcherAdminOrigin = frame_system::EnsureRoot<AccountId>;
	type SpendGuard = Did;
	type Directory = MockDirectory;
	type Reputation = ();
	type IntentConsideration = HoldConsideration<
		AccountId,
		Balances,
		IntentHoldReason,
		LinearStoragePrice<IntentDeposit, IntentByteDeposit, Balance>,
	>;
	type OfferConsideration = HoldConsideration<
		AccountId,
		Balances,
		OfferHoldReason,
		LinearStoragePrice<OfferDeposit, IntentByteDeposit, Balance>,
	>;
	type MaxChainSteps = ConstU32<MAX_STEPS>;
	type MaxIntentsPerCell = MaxIntentsInCell;
	type MaxExpiriesPerBlock = ConstU32<MAX_EXPIRIES>;
	type MaxDeadline = MaxDeadline;
	type MaxMatches = ConstU32<5>;
	type MaxMatchers = ConstU32<2>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockDirectory;
	type WeightInfo = ();
}

/// Declares a test's world, as KILT's `ExtBuilder` does: who is funded, who has a DID, who
/// matches, which Ailocks and intents exist. `ExtBuilder::default()` funds the named accounts
/// and authorises MATCHER, nothing more.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	dids: Vec<AccountId>,
	ailocks: Vec<(AccountId, AilockSummary<Balance>)>,
	intents: Vec<(AccountId, crate::DetailsOf<Test>)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: [ALICE, BOB, CHARLIE, DAVE, AGENT, NO_DID, MATCHER]
				.into_iter()
				.map(|who| (who, INITIAL_BALANCE))
				.collect(),
			dids: Vec::new(),
			ailocks: Vec::new(),
			intents: Vec::new(),
		}
	}
}

impl ExtBuilder {
	/// Gives `who` an empty DID.
	pub fn with_did(mut self, who: AccountId) -> Self {
		if !self.dids.contains(&who) {
			self.dids.push(who);
		}
		self
	}

	/// Gives ALICE, BOB, CHARLIE and DAVE a DID each: the world most tests share.
	pub fn with_market_dids(self) -> Self {
		[ALICE, BOB, CHARLIE, DAVE].into_iter().fold(self, Self::with_did)
	}

	/// Lists an Ailock of `who` (given a DID) with `summary` in the mock registry.
	pub fn with_ailock(mut self, who: AccountId, summary: AilockSummary<Balance>) -> Self {
		self = self.with_did(who);
		self.ailocks.push((who, summary));
		self
	}

	/// Posts an intent of `who` (given a DID) with `details`; ids count from 0 in this order.
	pub fn with_intent(mut self, who: AccountId, details: crate::DetailsOf<Test>) -> Self {
		self = self.with_did(who);
		self.intents.push((who, details));
		self
	}

	/// The declared world at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_intents::GenesisConfig::<Test> { matchers: vec![MATCHER] }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			for who in self.dids {
				pallet_did::Pallet::<Test>::create(
					RuntimeOrigin::signed(who),
					Default::default(),
					Default::default(),
				)
				.unwrap();
			}
			for (who, summary) in self.ailocks {
				MockDirectory::register(who, summary);
			}
			for (who, details) in self.intents {
				Intents::post_intent(RuntimeOrigin::signed(who), details).unwrap();
			}
		});
		ext
	}

	/// Runs `test` in the declared world and checks every involved pallet's invariants after.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			check_invariants();
		});
	}
}

/// The world most tests share: ALICE, BOB, CHARLIE and DAVE with DIDs.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().with_market_dids().build()
}

/// The invariants of every pallet the market involves.
pub fn check_invariants() {
	pallet_did::Pallet::<Test>::do_try_state().expect("DID invariants hold");
	Intents::do_try_state().expect("market invariants hold");
}

/// Runs a test in the shared world and checks every involved pallet's invariants after it.
pub fn test(body: impl FnOnce()) {
	ExtBuilder::default().with_market_dids().build_and_execute(body)
}

/// Moves to block `n`, running `on_initialize` of the blocks in between.
pub fn run_to(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		<Intents as Hooks<u64>>::on_initialize(next);
	}
}

/// The deposit the mock's price asks for an intent with `details`: the base plus the byte
/// price of their encoding.
pub fn intent_deposit(details: &crate::DetailsOf<Test>) -> Balance {
	INTENT_DEPOSIT + INTENT_BYTE_DEPOSIT * codec::Encode::encoded_size(details) as Balance
}
