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
