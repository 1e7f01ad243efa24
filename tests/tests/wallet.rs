//! `scripts/dev.sh` serves a node that a standard Substrate JS client (polkadot.js, which
//! browser wallets are built on) can use: it reads the metadata, finds CheckMetadataHash among
//! the transaction extensions, sees a transfer signed by //Alice finalized with exact balances,
//! and gets decoded errors for an over-balance transfer with nothing changed. The checks are in
//! `tests/wallet/wallet.mjs`; `scripts/setup.sh` installs its npm packages.

use ailock_e2e::{workspace_root, Node, Ports};
use std::{process::Command, time::Duration};

#[test]
fn dev_script_serves_a_node_wallets_can_use() -> anyhow::Result<()> {
	let root = workspace_root();
	let wallet = root.join("tests/wallet");
	anyhow::ensure!(
		wallet.join("node_modules/@polkadot/api").is_dir(),
		"npm packages missing: run scripts/setup.sh (it runs `npm ci` in tests/wallet)"
	);
	let base = tempfile::Builder::new().prefix("ailock-dev-script-").tempdir()?;
	let ports = Ports::free();
	let mut script = Command::new("bash");
	// A user's environment, not the test runner's: cargo and nextest variables would change
	// build-script fingerprints and make dev.sh's build redo work the suite's build did.
	script.env_clear().envs(
		[
			"PATH",
			"HOME",
			"USER",
			"LANG",
			"CARGO_HOME",
			"RUSTUP_HOME",
			"CARGO_TARGET_DIR",
			"WASM_BUILD_TOOLCHAIN",
		]
		.into_iter()
		.filter_map(|key| std::env::var_os(key).map(|value| (key, value))),
	);
	script
		.arg(root.join("scripts/dev.sh"))
		.env("AILOCK_DEV_BASE_PATH", base.path().join("chain"))
		.env("AILOCK_DEV_RPC_PORT", ports.rpc.to_string())
		.env("AILOCK_DEV_P2P_PORT", ports.p2p.to_string())
		.env("AILOCK_DEV_PROMETHEUS_PORT", ports.prometheus.to_string())
		.current_dir(&root);
	// dev.sh runs the set-up and an (up-to-date) build before it starts the node.
	let node = Node::launch(
		script,
		base.path(),
		ports,
		base.path().join("dev.log"),
		Duration::from_secs(900),
	)?;
	assert!(node.log_contains("Ailock Network dev node"), "dev.sh printed how to connect");

	let output =
		Command::new("node").arg("wallet.mjs").arg(node.ws_url()).current_dir(&wallet).output()?;
	let stdout = String::from_utf8_lossy(&output.stdout);
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(output.status.success(), "wallet checks failed\nstdout:\n{stdout}\nstderr:\n{stderr}");
	assert!(stdout.contains("wallet compatibility: all checks passed"), "{stdout}");
	println!("{stdout}");
	Ok(())
}
