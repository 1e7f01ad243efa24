//! A test runtime: System, Balances, Did, and `Market`, a pallet standing in for the market
//! pallets that accept owners and their agents and charge spending caps.

use crate as pallet_did;
use ailock_primitives::traits::DidDependents;
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
pub const AGENT: AccountId = 10;
pub const OTHER_AGENT: AccountId = 11;
/// An account without funds.
pub const PAUPER: AccountId = 99;
/// An account whose DID has a dependent (a registered Ailock stand-in).
pub const IN_USE: AccountId = 42;

pub const INITIAL_BALANCE: Balance = 1_000_000;
pub const DID_DEPOSIT: Balance = 100;
pub const BYTE_DEPOSIT: Balance = 1;
pub const AGENT_DEPOSIT: Balance = 50;
pub const MAX_KEYS: u32 = 4;
pub const MAX_SERVICES: u32 = 3;
pub const MAX_AGENTS: u32 = 2;
pub const MAX_SCOPE: u32 = 4;

#[frame_support::pallet(dev_mode)]
pub mod market {
	use ailock_primitives::traits::{Actor, SpendGuard};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		type OwnerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Actor<Self::AccountId>>;
		type SpendGuard: SpendGuard<Self::AccountId, u128>;
	}

	/// What each actor last did: (owner, agent, amount).
	#[pallet::storage]
	pub type LastCommitment<T: Config> =
		StorageValue<_, (T::AccountId, Option<T::AccountId>, u128)>;

	#[pallet::error]
	pub enum Error<T> {
		/// Asked to fail.
		Refused,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Commits `amount` of the owner's funds (charged to an agent's cap).
		#[pallet::call_index(0)]
		pub fn commit(origin: OriginFor<T>, amount: u128) -> DispatchResult {
			let actor = T::OwnerOrigin::ensure_origin(origin)?;
			T::SpendGuard::charge(&actor, amount)?;
			LastCommitment::<T>::put((actor.owner, actor.agent, amount));
			Ok(())
		}

		/// Always fails.
		#[pallet::call_index(1)]
		pub fn refuse(origin: OriginFor<T>) -> DispatchResult {
			T::OwnerOrigin::ensure_origin(origin)?;
			Err(Error::<T>::Refused.into())
		}
	}
}

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Did: pallet_did,
		Market: market,
		Utility: pallet_utility,
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

pub struct Dependents;
impl DidDependents<AccountId> for Dependents {
	fn in_use(did: &AccountId) -> bool {
		*did == IN_USE
	}
}

parameter_types! {
	pub const DidDeposit: Balance = DID_DEPOSIT;
	pub const ByteDeposit: Balance = BYTE_DEPOSIT;
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
		LinearStoragePrice<DidDeposit, ByteDeposit, Balance>,
	>;
	// An agent key counts for `AGENT_DEPOSIT / BYTE_DEPOSIT` bytes.
	type AgentFootprint = ConstU32<{ (AGENT_DEPOSIT / BYTE_DEPOSIT) as u32 }>;
	type TombstoneDeposit = ConstU128<7>;
	type AgentProof = sp_runtime::testing::TestSignature;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_did::TestAgentConsent;
	type MaxKeys = ConstU32<MAX_KEYS>;
	type MaxServices = ConstU32<MAX_SERVICES>;
	type MaxAgents = ConstU32<MAX_AGENTS>;
	type MaxScopeEntries = ConstU32<MAX_SCOPE>;
	type Dependents = Dependents;
	type WeightInfo = ();
}

impl pallet_utility::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = ();
}

impl market::Config for Test {
	type OwnerOrigin = pallet_did::EnsureOwner<Test>;
	type SpendGuard = Did;
}

/// Declares a test's world, as KILT's `ExtBuilder` does: who is funded and who has a DID.
/// `ExtBuilder::default()` funds the named accounts and creates no DID.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	dids: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: [ALICE, BOB, CHARLIE, AGENT, OTHER_AGENT, IN_USE]
				.into_iter()
				.map(|who| (who, INITIAL_BALANCE))
				.collect(),
			dids: Vec::new(),
		}
	}
}

impl ExtBuilder {
	/// Funds `who` with `amount` instead of the default.
	pub fn with_balance(mut self, who: AccountId, amount: Balance) -> Self {
		self.balances.retain(|(account, _)| *account != who);
		self.balances.push((who, amount));
		self
	}

	/// Gives `who` a DID with one sr25519 authentication key (`[who; 32]`) and no services.
	pub fn with_did(mut self, who: AccountId) -> Self {
		self.dids.push(who);
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
				let key = ailock_primitives::did::DidPublicKey::Sr25519(
					sp_core::sr25519::Public::from_raw([who as u8; 32]),
				);
				Did::create(
					RuntimeOrigin::signed(who),
					frame_support::BoundedVec::truncate_from(vec![(
						key,
						ailock_primitives::did::VerificationRelationship::Authentication,
					)]),
					Default::default(),
				)
				.unwrap();
			}
		});
		ext
	}

	/// Runs `test` in the declared world and checks the pallet's invariants after it.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Did::do_try_state().expect("invariants hold");
		});
	}
}

/// A test in the default world (funded accounts, no DIDs).
pub fn test(body: impl FnOnce()) {
	ExtBuilder::default().build_and_execute(body)
}
