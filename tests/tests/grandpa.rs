//! The two-validator `local_testnet` (Alice and Bob) authors with Aura and finalizes with
//! GRANDPA, as production chains do (6 s slots).

use ailock_e2e::{connect, eventually, Node, NodeConfig};
use std::time::Duration;

fn peer_id(node: &Node) -> anyhow::Result<String> {
	let marker = "Local node identity is: ";
	let deadline = std::time::Instant::now() + Duration::from_secs(30);
	loop {
		let log = node.log_tail(400);
		if let Some(line) = log.lines().find(|l| l.contains(marker)) {
			let id = line.split(marker).nth(1).unwrap_or_default().trim();
			return Ok(id.split_whitespace().next().unwrap_or_default().to_string());
		}
		anyhow::ensure!(std::time::Instant::now() < deadline, "no peer id in the log");
		std::thread::sleep(Duration::from_millis(200));
	}
}

#[tokio::test]
async fn alice_and_bob_finalize_with_grandpa() -> anyhow::Result<()> {
	let alice = Node::start(NodeConfig::local_validator("alice"))?;
	let mut bob_config = NodeConfig::local_validator("bob");
	bob_config.bootnodes.push(alice.multiaddr(&peer_id(&alice)?));
	let bob = Node::start(bob_config)?;
	assert!(alice.log_contains("consensus: Aura"), "local_testnet defaults to Aura");

	let alice_client = connect(&alice).await?;
	let bob_client = connect(&bob).await?;
	for client in [&alice_client, &bob_client] {
		let client = client.clone();
		eventually("GRANDPA to finalize block #3", Duration::from_secs(120), move || {
			let client = client.clone();
			async move {
				let (_, finalized) = client.finalized_block().await?;
				Ok((finalized >= 3).then_some(()))
			}
		})
		.await?;
	}
	let health = alice_client.rpc().system_health().await?;
	assert_eq!(health.peers, 1, "Alice sees Bob");
	// Both validators author: blocks alternate between their Aura slots.
	assert!(alice.log_contains("Prepared block for proposing"), "Alice authored");
	assert!(bob.log_contains("Prepared block for proposing"), "Bob authored");
	Ok(())
}
