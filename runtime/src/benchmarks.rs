//! Pallets benchmarked by `ailock-node benchmark pallet` (see `scripts/benchmark.sh`).
//! `pallet_balances` stays in the list: every pallet's weights are reported as ratios to its
//! `transfer_keep_alive` from the same run.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_did, Did]
	[pallet_ailocks, Ailocks]
	[pallet_intents, Intents]
);

/// Agent keys for `pallet_did`'s benchmarks: sr25519 keys made in the benchmark's keystore,
/// signing like a wallet would.
pub struct AgentKeys;

impl pallet_did::BenchmarkHelper<crate::AccountId, crate::Signature> for AgentKeys {
	fn agent() -> crate::AccountId {
		use sp_runtime::traits::IdentifyAccount;
		let public = sp_io::crypto::sr25519_generate(AGENT_KEY_TYPE, None);
		sp_runtime::MultiSigner::from(public).into_account()
	}

	fn sign(agent: &crate::AccountId, payload: &[u8]) -> crate::Signature {
		let public = sp_core::sr25519::Public::from_raw(*agent.as_ref());
		// The key was made in this keystore by `agent()`; a missing key is a broken benchmark.
		sp_io::crypto::sr25519_sign(AGENT_KEY_TYPE, &public, payload)
			.map(Into::into)
			.unwrap_or_else(|| panic!("the benchmark's agent key is in the keystore"))
	}
}

const AGENT_KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"agnt");
