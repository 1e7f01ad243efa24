//! `ailock-try-runtime`: try-runtime against a live chain's state.
//!
//! Loads every key of a running node's state over RPC (`frame-remote-externalities`, the loader
//! `try-runtime-cli` uses) and runs this build's runtime upgrade on it natively: the runtime's
//! `Migrations` and every pallet's `on_runtime_upgrade`, with every pallet's `pre_upgrade`,
//! `post_upgrade` and `try_state` checks. Then it runs the upgrade a second time and requires the
//! state root not to change (migrations must be idempotent), and requires every market pallet's
//! on-chain storage version to equal the one in code (a storage change without its migration
//! fails here). Exit status 0 only when all of that holds.
//!
//! The native runtime is this build's code, so the check is "what would upgrading the chain at
//! `--uri` to the runtime in this tree do". `scripts/try-runtime.sh` starts a dev chain with
//! state in every market pallet and runs this against it.

use ailock_runtime::{Ailocks, Block, Did, Executive, Intents, Runtime, System};
use clap::Parser;
use frame_remote_externalities::{Builder, Mode, OnlineConfig};
use frame_support::traits::{GetStorageVersion, StorageVersion};
use frame_try_runtime::UpgradeCheckSelect;
use sp_runtime::{traits::Header as _, StateVersion};

#[derive(Parser)]
#[command(about = "try-runtime: this build's runtime upgrade, run on a live chain's state")]
struct Args {
	/// WebSocket RPC endpoint of the node whose state is loaded.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	uri: String,
	/// Block hash (0x…) to load the state at; the latest finalized block when not given.
	#[arg(long)]
	at: Option<ailock_runtime::Hash>,
}

/// What one upgrade run reports.
struct Run {
	weight: frame_support::weights::Weight,
	root: Vec<u8>,
}

/// Runs the upgrade with `checks` and returns its weight and the state root after it (events
/// cleared first: they are not state a migration should leave).
fn upgrade(checks: UpgradeCheckSelect) -> Result<Run, String> {
	let weight = Executive::try_runtime_upgrade(checks).map_err(|e| format!("{e:?}"))?;
	System::reset_events();
	Ok(Run { weight, root: sp_io::storage::root(StateVersion::V1) })
}

/// Each market pallet's storage version: on chain and in code.
fn storage_versions() -> Vec<(&'static str, StorageVersion, StorageVersion)> {
	fn of<P: GetStorageVersion<InCodeStorageVersion = StorageVersion>>(
		name: &'static str,
	) -> (&'static str, StorageVersion, StorageVersion) {
		(name, P::on_chain_storage_version(), P::in_code_storage_version())
	}
	vec![of::<Did>("Did"), of::<Ailocks>("Ailocks"), of::<Intents>("Intents")]
}

fn check() -> Result<(), String> {
	let before = sp_io::storage::root(StateVersion::V1);
	let first = upgrade(UpgradeCheckSelect::All)?;
	println!(
		"upgrade: ok, weight {} ps / {} bytes of proof (all pre/post-upgrade and try_state checks passed)",
		first.weight.ref_time(),
		first.weight.proof_size()
	);
	println!("state root: {} before, {} after", hex(&before), hex(&first.root));
	let second = upgrade(UpgradeCheckSelect::PreAndPost)?;
	if second.root != first.root {
		return Err(format!(
			"migrations are not idempotent: a second run moved the state root from {} to {}",
			hex(&first.root),
			hex(&second.root)
		));
	}
	println!("idempotent: a second run left the state root unchanged");
	let mut mismatched = Vec::new();
	for (pallet, on_chain, in_code) in storage_versions() {
		println!("storage version {pallet}: {on_chain:?} on chain, {in_code:?} in code");
		if on_chain != in_code {
			mismatched.push(pallet);
		}
	}
	if !mismatched.is_empty() {
		return Err(format!(
			"storage versions differ after the upgrade: {}",
			mismatched.join(", ")
		));
	}
	Ok(())
}

fn hex(bytes: &[u8]) -> String {
	let digits: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
	format!("0x{digits}")
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
	let args = Args::parse();
	let config =
		OnlineConfig { transport_uris: vec![args.uri.clone()], at: args.at, ..Default::default() };
	let mut ext = match Builder::<Block>::new().mode(Mode::Online(config)).build().await {
		Ok(ext) => ext,
		Err(error) => {
			eprintln!("could not load the state from {}: {error}", args.uri);
			return std::process::ExitCode::FAILURE;
		},
	};
	let header = ext.header.clone();
	println!(
		"state of {} at block #{} ({}), runtime in this tree: {} spec {}",
		args.uri,
		header.number(),
		hex(header.hash().as_ref()),
		ailock_runtime::VERSION.spec_name,
		ailock_runtime::VERSION.spec_version
	);
	let on_chain = ext.execute_with(|| {
		frame_system::LastRuntimeUpgrade::<Runtime>::get()
			.map(|last| format!("{} spec {}", last.spec_name, last.spec_version.0))
			.unwrap_or_else(|| "unknown".into())
	});
	println!("runtime on chain: {on_chain}");
	match ext.execute_with(check) {
		Ok(()) => std::process::ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("try-runtime failed: {error}");
			std::process::ExitCode::FAILURE
		},
	}
}
