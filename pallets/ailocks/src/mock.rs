//! A test runtime: System, Balances, Did and Ailocks, wired as in the real runtime.

use crate as pallet_ailocks;
use ailock_primitives::traits::ActiveJobs;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU128, ConstU32, LinearStoragePrice},
};
use sp_runtime::{BuildStorage, Percent};

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
pub const TREASURY: AccountId = 99;

pub const INITIAL_BALANCE: Balance = 1_000_000;
pub const PROFILE_DEPOSIT: Balance = 1_000;
pub const BYTE_DEPOSIT: Balance = 2;
pub const LIST_ENTRY_DEPOSIT: Balance = 30;
pub const HEARTBEAT_TIMEOUT: u64 = 20;
pub const MAX_PER_CELL: u32 = 3;
pub const MAX_LIST: u32 = 2;
pub const BOOST_FEE: Balance = 5;
pub const MAX_BOOST: u64 = 100;
pub const MAX_BOOSTS: u32 = 2;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Did: pallet_did,
		Ailocks: pallet_ailocks,
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
	type Dependents = Ailocks;
	type WeightInfo = ();
}

parameter_types! {
	pub static JobsInProgress: u32 = 0;
	/// Tests of the discovery attacks raise it to the runtime's bound.
	pub static CellBound: u32 = MAX_PER_CELL;
	pub const Treasury: AccountId = TREASURY;
	pub const ProfileDeposit: Balance = PROFILE_DEPOSIT;
	pub const ByteDeposit: Balance = BYTE_DEPOSIT;
	pub const ProfileHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Ailocks(pallet_ailocks::HoldReason::ProfileDeposit);
	pub const HeartbeatTimeout: u64 = HEARTBEAT_TIMEOUT;
	pub const LevelThresholds: &'static [u64] = &[100, 300, 600, 1000, 1500, 2100, 2800, 3600, 4500];
	pub const BoostFeePerBlock: Balance = BOOST_FEE;
	pub const MaxBoostDuration: u64 = MAX_BOOST;
	pub const BoostBonus: Percent = Percent::from_percent(50);
}

/// Every Ailock has `JobsInProgress` jobs.
pub struct Jobs;
impl ActiveJobs<AccountId> for Jobs {
	fn active_jobs(_: &AccountId) -> u32 {
		JobsInProgress::get()
	}
}

impl pallet_ailocks::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type OwnerOrigin = pallet_did::EnsureOwner<Test>;
	type Dids = Did;
	type SpendGuard = Did;
	type ActiveJobs = Jobs;
	type OnDeregistered = ();
	type Treasury = Treasury;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		ProfileHoldReason,
		LinearStoragePrice<ProfileDeposit, ByteDeposit, Balance>,
	>;
	// A list entry counts for `LIST_ENTRY_DEPOSIT / BYTE_DEPOSIT` bytes.
	type ListEntryFootprint = ConstU32<{ (LIST_ENTRY_DEPOSIT / BYTE_DEPOSIT) as u32 }>;
	type HeartbeatTimeout = HeartbeatTimeout;
	type MaxAilocksPerCell = CellBound;
	type MaxListEntries = ConstU32<MAX_LIST>;
	type LevelThresholds = LevelThresholds;
	type BoostFeePerBlock = BoostFeePerBlock;
	type MaxBoostDuration = MaxBoostDuration;
	type MaxBoostsPerCell = ConstU32<MAX_BOOSTS>;
	type BoostBonus = BoostBonus;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Did;
	type WeightInfo = ();
}

/// Declares a test's world, as KILT's `ExtBuilder` does: who is funded, who has a DID, which
/// Ailocks are registered. `ExtBuilder::default()` funds the named accounts and nothing more.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	dids: Vec<AccountId>,
	ailocks: Vec<(AccountId, crate::ProfileOf<Test>)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: [ALICE, BOB, CHARLIE, DAVE, AGENT, NO_DID, TREASURY]
				.into_iter()
				.map(|who| (who, INITIAL_BALANCE))
				.collect(),
			dids: Vec::new(),
			ailocks: Vec::new(),
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

	/// Registers an Ailock for `who` (given a DID) with `profile`.
	pub fn with_ailock(mut self, who: AccountId, profile: crate::ProfileOf<Test>) -> Self {
		self = self.with_did(who);
		self.ailocks.push((who, profile));
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
			for who in self.dids {
				pallet_did::Pallet::<Test>::create(
					RuntimeOrigin::signed(who),
					Default::default(),
					Default::default(),
				)
				.unwrap();
			}
			for (who, profile) in self.ailocks {
				Ailocks::register(RuntimeOrigin::signed(who), profile).unwrap();
			}
		});
		ext
	}

	/// Runs `test` in the declared world and checks both pallets' invariants after it.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			pallet_did::Pallet::<Test>::do_try_state().expect("DID invariants hold");
			Ailocks::do_try_state().expect("registry invariants hold");
		});
	}
}

/// Runs a test in the shared world and checks both pallets' invariants after it.
pub fn test(body: impl FnOnce()) {
	ExtBuilder::default().with_market_dids().build_and_execute(body)
}
