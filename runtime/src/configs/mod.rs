//! Configuration of every pallet in the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstBool, ConstU128, ConstU32, ConstU64, ConstU8,
		LinearStoragePrice, VariantCountOf,
	},
	weights::{
		constants::{ExtrinsicBaseWeight, ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, Weight, WeightToFeeCoefficient, WeightToFeeCoefficients,
		WeightToFeePolynomial,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use smallvec::smallvec;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	traits::{AccountIdConversion, Bounded, Verify},
	FixedPointNumber, Perbill, Percent, Perquintill,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Ailocks, Balance, Balances, Block, BlockNumber, Did, Hash, Intents, Nonce,
	OriginCaller, PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, Signature, SignedPayload, System, TxExtension,
	UncheckedExtrinsic, DAYS, EXISTENTIAL_DEPOSIT, MICRO_AIL, MILLI_AIL, MINUTES, SLOT_DURATION,
	SS58_PREFIX, VERSION,
};

/// Share of a block's weight and length ordinary transactions may use; the rest is kept for
/// operational calls and inherents so the chain can always be repaired.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute per six-second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB blocks, of which ordinary transactions may fill `NORMAL_DISPATCH_RATIO`.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB by default.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = super::Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No staking yet: equivocations cannot be proven against a session, so none are reported.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	// Reserves are superseded by holds (`fungible::MutateHold`), which every pallet here uses.
	type MaxReserves = ConstU32<0>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// Converts weight to fee: a transaction of the base extrinsic weight costs 0.0001 AIL, and
/// the fee grows linearly with computation.
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let p = MILLI_AIL / 10;
		let q = Balance::from(ExtrinsicBaseWeight::get().ref_time());
		smallvec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(p % q, q),
			coeff_integer: p / q,
		}]
	}
}

parameter_types! {
	/// Each byte of a transaction costs one micro-AIL.
	pub const TransactionByteFee: Balance = MICRO_AIL;
	/// Fees rise when blocks are fuller than this, and fall back when they are emptier.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// No treasury yet: fees and tips are burned.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Base deposit of a DID document.
	pub const DidDeposit: Balance = 100 * MILLI_AIL;
	/// Deposit per byte of keys and services (the state they occupy).
	pub const DidByteDeposit: Balance = 100 * MICRO_AIL;
	/// The bytes an authorized agent key counts for (its delegation and reverse-lookup entries
	/// with their keys): 20 mAIL at the byte price.
	pub const DidAgentFootprint: u32 = 200;
	/// What DID documents' tickets hold under.
	pub const DidHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Did(pallet_did::HoldReason::DidDeposit);
	/// Kept for good from a deactivated DID: its tombstone (about 50 bytes) stays forever.
	pub const DidTombstoneDeposit: Balance = 10 * MILLI_AIL;
}

impl pallet_did::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		DidHoldReason,
		LinearStoragePrice<DidDeposit, DidByteDeposit, Balance>,
	>;
	type AgentFootprint = DidAgentFootprint;
	type TombstoneDeposit = DidTombstoneDeposit;
	// Agents consent with the same signatures transactions carry.
	type AgentProof = Signature;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::AgentKeys;
	type MaxKeys = ConstU32<16>;
	type MaxServices = ConstU32<8>;
	type MaxAgents = ConstU32<8>;
	type MaxScopeEntries = ConstU32<16>;
	type Dependents = (Ailocks, Intents);
	type WeightInfo = pallet_did::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Receives boost fees until a treasury pallet exists: a keyless account derived from
	/// this id, so nobody can spend from it.
	pub AilocksTreasury: AccountId = frame_support::PalletId(*b"ail/trsy").into_account_truncating();
	/// Base deposit of a registration.
	pub const ProfileDeposit: Balance = 500 * MILLI_AIL;
	/// Deposit per byte of a profile.
	pub const ProfileByteDeposit: Balance = 100 * MICRO_AIL;
	/// The bytes a trusted or blocked list entry counts for (an account id and its share of
	/// the list's storage): 10 mAIL at the byte price.
	pub const ListEntryFootprint: u32 = 100;
	/// What registrations' tickets hold under.
	pub const ProfileHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Ailocks(pallet_ailocks::HoldReason::ProfileDeposit);
	/// Ten minutes at the target block time: the orchestrator sends a heartbeat every few.
	pub const HeartbeatTimeout: BlockNumber = 10 * MINUTES;
	/// Experience for levels 2 to 10.
	pub const LevelThresholds: &'static [u64] =
		&[100, 300, 700, 1_500, 3_000, 6_000, 12_000, 25_000, 50_000];
	/// A day of boost costs 1.44 AIL.
	pub const BoostFeePerBlock: Balance = 100 * MICRO_AIL;
	/// A week.
	pub const MaxBoostDuration: BlockNumber = 7 * DAYS;
	/// Boosted Ailocks rank half a level higher per level within their tier.
	pub const BoostBonus: Percent = Percent::from_percent(50);
}

impl pallet_ailocks::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type OwnerOrigin = pallet_did::EnsureOwner<Runtime>;
	type Dids = Did;
	type SpendGuard = Did;
	// No job-holding pallet yet: the escrow issue wires its active-job count here.
	type ActiveJobs = ();
	type OnDeregistered = Intents;
	type Treasury = AilocksTreasury;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		ProfileHoldReason,
		LinearStoragePrice<ProfileDeposit, ProfileByteDeposit, Balance>,
	>;
	type ListEntryFootprint = ListEntryFootprint;
	type HeartbeatTimeout = HeartbeatTimeout;
	type MaxAilocksPerCell = ConstU32<4_096>;
	type MaxListEntries = ConstU32<64>;
	type LevelThresholds = LevelThresholds;
	type BoostFeePerBlock = BoostFeePerBlock;
	type MaxBoostDuration = MaxBoostDuration;
	type MaxBoostsPerCell = ConstU32<8>;
	type BoostBonus = BoostBonus;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Did;
	type WeightInfo = pallet_ailocks::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Base deposit of an intent or a chain step.
	/// What intents' and steps' tickets hold under.
	pub const IntentHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Intents(pallet_intents::HoldReason::IntentDeposit);
	/// What offers' tickets hold under.
	pub const OfferHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Intents(pallet_intents::HoldReason::OfferDeposit);
	pub const IntentDeposit: Balance = 100 * MILLI_AIL;
	/// Base deposit of a standing offer.
	pub const OfferDeposit: Balance = 100 * MILLI_AIL;
	/// Deposit per byte of intent details or offers.
	pub const IntentByteDeposit: Balance = 100 * MICRO_AIL;
	/// A year at the target block time.
	pub const MaxIntentDeadline: BlockNumber = 365 * DAYS;
}

impl pallet_intents::Config for Runtime {
	type MatcherId = pallet_intents::crypto::MatcherId;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type OwnerOrigin = pallet_did::EnsureOwner<Runtime>;
	type MatcherAdminOrigin = frame_system::EnsureRoot<AccountId>;
	type SpendGuard = Did;
	type Directory = Ailocks;
	// Neutral (50 %) until the reputation pallet exists.
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
	type MaxChainSteps = ConstU32<16>;
	type MaxIntentsPerCell = ConstU32<4_096>;
	type MaxExpiriesPerBlock = ConstU32<256>;
	type MaxDeadline = MaxIntentDeadline;
	type MaxMatches = ConstU32<16>;
	type MaxMatchers = ConstU32<16>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Ailocks;
	type WeightInfo = pallet_intents::weights::SubstrateWeight<Runtime>;
}

impl frame_system::offchain::SigningTypes for Runtime {
	type Public = <Signature as Verify>::Signer;
	type Signature = Signature;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> frame_system::offchain::CreateTransaction<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extension = TxExtension;

	fn create_transaction(call: RuntimeCall, extension: TxExtension) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_transaction(call, extension)
	}
}

/// Offchain workers (the matcher) sign transactions like wallets do: the same extensions, a
/// mortal era from the current block, no tip, metadata-hash check disabled.
impl<LocalCall> frame_system::offchain::CreateSignedTransaction<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_signed_transaction<
		C: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>,
	>(
		call: RuntimeCall,
		public: Self::Public,
		account: AccountId,
		nonce: Nonce,
	) -> Option<UncheckedExtrinsic> {
		use codec::Encode;
		use sp_runtime::{generic::Era, traits::StaticLookup, SaturatedConversion};
		let period = BlockHashCount::get().checked_next_power_of_two().map(|p| p / 2).unwrap_or(2);
		let current = System::block_number().saturated_into::<u64>().saturating_sub(1);
		let extension = crate::tx_extension(Era::mortal(u64::from(period), current), nonce);
		let payload = SignedPayload::new(call, extension).ok()?;
		let signature = payload.using_encoded(|bytes| C::sign(bytes, public))?;
		let (call, extension, _) = payload.deconstruct();
		let address = <Runtime as frame_system::Config>::Lookup::unlookup(account);
		Some(UncheckedExtrinsic::new_signed(call, address, signature, extension))
	}
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
