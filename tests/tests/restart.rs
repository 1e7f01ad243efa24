//! A dev node killed with SIGKILL and restarted on the same base path keeps its state and
//! keeps producing blocks.

use ailock_client::{
	accounts::{account_of, keypair},
	SubmitOptions, AIL,
};
use ailock_e2e::{connect, eventually, fresh_keypair, Node, NodeConfig};
use std::time::Duration;

#[tokio::test]
async fn state_survives_sigkill_and_blocks_continue() -> anyhow::Result<()> {
	let base = tempfile::Builder::new().prefix("ailock-restart-").tempdir()?;
	let config = NodeConfig::dev().consensus("manual-seal-300");
	let alice = keypair("//Alice")?;
	let recipient = account_of(&fresh_keypair("restart"));

	let node = Node::start_at(config.clone(), base.path())?;
	let client = connect(&node).await?;
	let receipt =
		client.transfer(&alice, recipient, 3 * AIL, SubmitOptions::default(), |_| {}).await?;
	let alice_balance = client.free_balance(&account_of(&alice), Some(receipt.block_hash)).await?;
	let (_, finalized_before) = client.finalized_block().await?;
	drop(client);
	node.kill_hard()?;

	let node = Node::start_at(config, base.path())?;
	let client = connect(&node).await?;
	let (_, finalized_after_restart) = client.finalized_block().await?;
	assert!(finalized_after_restart >= finalized_before, "finality is not lost");
	assert_eq!(client.free_balance(&recipient, None).await?, 3 * AIL);
	assert_eq!(
		client.free_balance(&account_of(&alice), Some(receipt.block_hash)).await?,
		alice_balance
	);

	let target = finalized_after_restart + 3;
	eventually("new blocks after the restart", Duration::from_secs(30), || {
		let client = client.clone();
		async move {
			let (_, best) = client.best_block().await?;
			Ok((best >= target).then_some(()))
		}
	})
	.await?;
	let again = client.transfer(&alice, recipient, AIL, SubmitOptions::default(), |_| {}).await?;
	assert!(again.block_number > receipt.block_number);
	assert_eq!(client.free_balance(&recipient, Some(again.block_hash)).await?, 4 * AIL);
	Ok(())
}
