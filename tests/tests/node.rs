//! The node's standard interfaces: RPC methods, chain spec properties, Prometheus, CLI commands.

use ailock_client::{
	accounts::{account_of, keypair},
	AilockClient,
};
use ailock_e2e::{connect, node_binary, Node, NodeConfig};
use std::{io::Read, net::TcpStream, process::Command};

#[tokio::test]
async fn dev_node_serves_rpc_properties_and_metrics() -> anyhow::Result<()> {
	let node = Node::start(NodeConfig::dev())?;
	let client = connect(&node).await?;

	let methods: serde_json::Value = client.rpc_raw("rpc_methods", serde_json::json!([])).await?;
	let methods = methods["methods"].as_array().cloned().unwrap_or_default();
	for expected in [
		"system_accountNextIndex",
		"payment_queryInfo",
		"payment_queryFeeDetails",
		"chainHead_v1_follow",
		"transactionWatch_v1_submitAndWatch",
		"state_getMetadata",
		"author_submitAndWatchExtrinsic",
		"engine_createBlock",
	] {
		assert!(methods.iter().any(|m| m == expected), "{expected} missing");
	}

	let properties: serde_json::Value =
		client.rpc_raw("system_properties", serde_json::json!([])).await?;
	assert_eq!(properties["tokenSymbol"], "AIL");
	assert_eq!(properties["tokenDecimals"], 12);
	assert_eq!(properties["ss58Format"], 42);

	let version: serde_json::Value =
		client.rpc_raw("state_getRuntimeVersion", serde_json::json!([])).await?;
	assert_eq!(version["specName"], "ailock");

	let mut metrics = String::new();
	let mut stream = TcpStream::connect(("127.0.0.1", node.prometheus_port))?;
	std::io::Write::write_all(&mut stream, b"GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
	stream.read_to_string(&mut metrics)?;
	assert!(metrics.contains("substrate_block_height"), "Prometheus serves node metrics");
	assert!(node.log_contains("consensus: InstantSeal"), "--dev defaults to instant seal");
	Ok(())
}

#[test]
fn export_chain_spec_carries_token_properties_and_presets() -> anyhow::Result<()> {
	let binary = node_binary()?;
	for chain in ["dev", "local"] {
		let output =
			Command::new(&binary).args(["export-chain-spec", "--chain", chain]).output()?;
		assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
		let spec: serde_json::Value = serde_json::from_slice(&output.stdout)?;
		assert_eq!(spec["properties"]["tokenSymbol"], "AIL");
		assert_eq!(spec["properties"]["tokenDecimals"], 12);
		assert_eq!(spec["properties"]["ss58Format"], 42);
		assert!(spec["genesis"]["runtimeGenesis"]["code"].is_string(), "the runtime is embedded");
	}
	let raw =
		Command::new(&binary).args(["export-chain-spec", "--chain", "local", "--raw"]).output()?;
	let spec: serde_json::Value = serde_json::from_slice(&raw.stdout)?;
	assert!(spec["genesis"]["raw"]["top"].is_object(), "raw genesis storage");
	Ok(())
}

#[test]
fn key_and_purge_commands_work() -> anyhow::Result<()> {
	let binary = node_binary()?;
	let generated = Command::new(&binary)
		.args(["key", "generate", "--scheme", "sr25519", "--output-type", "json"])
		.output()?;
	assert!(generated.status.success());
	let key: serde_json::Value = serde_json::from_slice(&generated.stdout)?;
	assert!(key["ss58Address"].as_str().is_some_and(|a| a.starts_with('5')));

	let base = tempfile::tempdir()?;
	let insert = Command::new(&binary)
		.args(["key", "insert", "--chain", "local", "--key-type", "aura", "--scheme", "sr25519"])
		.args(["--suri", "//Dave", "--base-path"])
		.arg(base.path())
		.output()?;
	assert!(insert.status.success(), "{}", String::from_utf8_lossy(&insert.stderr));
	let keystore = base.path().join("chains/ailock_local_testnet/keystore");
	assert_eq!(std::fs::read_dir(&keystore)?.count(), 1, "the key is in the keystore");

	let purge = Command::new(&binary)
		.args(["purge-chain", "--chain", "local", "-y", "--base-path"])
		.arg(base.path())
		.output()?;
	assert!(purge.status.success(), "{}", String::from_utf8_lossy(&purge.stderr));
	Ok(())
}

#[test]
fn unknown_consensus_is_rejected() -> anyhow::Result<()> {
	let output = Command::new(node_binary()?).args(["--dev", "--consensus", "babe"]).output()?;
	assert!(!output.status.success());
	assert!(String::from_utf8_lossy(&output.stderr).contains("unknown consensus"));
	Ok(())
}

/// A CLI run is a fresh connection that at once reads at the head the node reports; while blocks
/// keep coming, every such read must find its block. (Through subxt's chainHead backend a read
/// could come back "cannot find the block header" whenever the node answered the subscription's
/// header call with nothing — e.g. over its operation limit — which failed one CI run.)
#[tokio::test]
async fn fresh_connections_read_at_the_reported_head() -> anyhow::Result<()> {
	let node = Node::start(NodeConfig::dev().consensus("manual-seal-50"))?;
	let first = connect(&node).await?;
	let (_, start) = first.best_block().await?;
	let alice = account_of(&keypair("//Alice")?);
	// Read until the head has moved on by ten blocks (however slowly a loaded machine seals
	// them), so the reads race block production, at least 40 of them.
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
	let mut round = 0u32;
	loop {
		let client = AilockClient::connect(&node.ws_url()).await?;
		let (best_hash, _) = client.best_block().await?;
		let (finalized_hash, _) = client.finalized_block().await?;
		assert!(client.free_balance(&alice, Some(best_hash)).await? > 0, "round {round}");
		assert!(client.free_balance(&alice, Some(finalized_hash)).await? > 0, "round {round}");
		client.metadata().await?;
		round += 1;
		let (_, now) = first.best_block().await?;
		if round >= 40 && now > start + 10 {
			break;
		}
		assert!(
			std::time::Instant::now() < deadline,
			"blocks kept coming during the reads: {start} → {now} after {round} rounds"
		);
	}
	Ok(())
}
