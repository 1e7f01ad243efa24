//! Transfers through a dev node: exact balances, decoded errors, the CLI.

use ailock_client::{
	accounts::{account_of, keypair},
	parse_amount, SubmitOptions, TxError, AIL,
};
use ailock_e2e::{cli_binary, connect, fresh_keypair, fresh_uri, Node, NodeConfig};
use std::process::Command;

#[tokio::test]
async fn transfer_is_finalized_with_exact_balances() -> anyhow::Result<()> {
	let node = Node::start(NodeConfig::dev())?;
	let client = connect(&node).await?;
	let alice = keypair("//Alice")?;
	let recipient = account_of(&fresh_keypair("recipient"));
	let amount = parse_amount("1.5")?;

	let alice_before = client.free_balance(&account_of(&alice), None).await?;
	assert_eq!(client.free_balance(&recipient, None).await?, 0);

	let mut seen = Vec::new();
	let receipt = client
		.transfer(&alice, recipient, amount, SubmitOptions::default(), |p| seen.push(p))
		.await?;

	assert!(receipt.fee > 0, "a fee is charged");
	assert!(receipt.fee < AIL / 100, "the fee of a transfer is below 0.01 AIL: {}", receipt.fee);
	let alice_after = client.free_balance(&account_of(&alice), Some(receipt.block_hash)).await?;
	let recipient_after = client.free_balance(&recipient, Some(receipt.block_hash)).await?;
	assert_eq!(recipient_after, amount);
	assert_eq!(alice_after, alice_before - amount - receipt.fee);

	let (_, finalized) = client.finalized_block().await?;
	assert!(finalized >= receipt.block_number, "the block is finalized");
	assert!(matches!(seen.first(), Some(ailock_client::Progress::DryRunPassed)), "{seen:?}");
	assert!(seen.iter().any(|p| matches!(p, ailock_client::Progress::Finalized { .. })));
	let names: Vec<String> =
		receipt.events.iter().map(|e| format!("{}.{}", e.pallet, e.name)).collect();
	for expected in
		["Balances.Transfer", "TransactionPayment.TransactionFeePaid", "System.ExtrinsicSuccess"]
	{
		assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
	}
	let transfer_event = receipt.events.iter().find(|e| e.name == "Transfer").expect("Transfer");
	assert!(transfer_event.fields.contains(&recipient.to_string()), "{transfer_event}");
	Ok(())
}

#[tokio::test]
async fn transfer_above_balance_is_refused_decoded_and_changes_nothing() -> anyhow::Result<()> {
	let node = Node::start(NodeConfig::dev())?;
	let client = connect(&node).await?;
	let alice = keypair("//Alice")?;
	let poor = fresh_keypair("poor");
	client.transfer(&alice, account_of(&poor), AIL, SubmitOptions::default(), |_| {}).await?;

	let poor_before = client.account(&account_of(&poor), None).await?;
	let alice_before = client.free_balance(&account_of(&alice), None).await?;

	// With the dry run (the default), nothing is submitted and nothing changes.
	let refused = client
		.transfer(&poor, account_of(&alice), 1_000 * AIL, SubmitOptions::default(), |_| {})
		.await;
	let Err(TxError::WouldFail(error)) = refused else {
		panic!("expected a dry-run failure, got {refused:?}");
	};
	assert_eq!(error.code(), "Token.FundsUnavailable");
	assert_eq!(error.to_string(), "Token.FundsUnavailable: Funds are unavailable.");
	let poor_after = client.account(&account_of(&poor), None).await?;
	assert_eq!(poor_after.data.free, poor_before.data.free);
	assert_eq!(poor_after.nonce, poor_before.nonce, "nothing was submitted");
	assert_eq!(client.free_balance(&account_of(&alice), None).await?, alice_before);

	// Submitted anyway, it fails in its block: the error is decoded the same way, the
	// recipient gets nothing and the sender pays exactly the fee.
	let options = SubmitOptions { dry_run: false, ..SubmitOptions::default() };
	let failed = client.transfer(&poor, account_of(&alice), 1_000 * AIL, options, |_| {}).await;
	let Err(TxError::Failed { error, receipt }) = failed else {
		panic!("expected an in-block failure, got {failed:?}");
	};
	assert_eq!(error.code(), "Token.FundsUnavailable");
	assert!(receipt.events.iter().any(|e| e.name == "ExtrinsicFailed"));
	let poor_final = client.free_balance(&account_of(&poor), Some(receipt.block_hash)).await?;
	assert_eq!(poor_final, poor_before.data.free - receipt.fee);
	assert_eq!(
		client.free_balance(&account_of(&alice), Some(receipt.block_hash)).await?,
		alice_before
	);
	Ok(())
}

#[tokio::test]
async fn transfer_that_cannot_pay_fees_is_invalid() -> anyhow::Result<()> {
	let node = Node::start(NodeConfig::dev())?;
	let client = connect(&node).await?;
	let empty = fresh_keypair("empty");
	let refused = client
		.transfer(&empty, account_of(&keypair("//Bob")?), AIL, SubmitOptions::default(), |_| {})
		.await;
	let Err(TxError::Invalid(reason)) = refused else {
		panic!("expected an invalid transaction, got {refused:?}");
	};
	assert!(reason.starts_with("Invalid.Payment"), "{reason}");
	Ok(())
}

#[tokio::test]
async fn cli_transfers_shows_balances_and_decodes_errors() -> anyhow::Result<()> {
	let node = Node::start(NodeConfig::dev())?;
	let cli = cli_binary()?;
	let url = node.ws_url();
	let recipient_uri = fresh_uri("cli");
	let recipient = keypair(&recipient_uri)?;
	let recipient_address = account_of(&recipient).to_string();

	let ok = Command::new(&cli)
		.args(["--url", &url, "--suri", "//Alice", "transfer", &recipient_address, "2.25"])
		.output()?;
	let stdout = String::from_utf8_lossy(&ok.stdout);
	let stderr = String::from_utf8_lossy(&ok.stderr);
	assert!(ok.status.success(), "stdout:\n{stdout}\nstderr:\n{stderr}");
	assert!(stdout.contains("status:    finalized"), "{stdout}");
	assert!(stdout.contains("fee:"), "{stdout}");
	assert!(stdout.contains("Balances.Transfer"), "{stdout}");
	assert!(stderr.contains("finalized in block"), "progress is shown: {stderr}");

	let balance =
		Command::new(&cli).args(["--url", &url, "balance", &recipient_address]).output()?;
	let stdout = String::from_utf8_lossy(&balance.stdout);
	assert!(balance.status.success());
	assert!(stdout.contains("free:     2.25 AIL"), "{stdout}");

	let too_much = Command::new(&cli)
		.args(["--url", &url, "transfer", "alice", "1000"])
		.env("AILOCK_SURI", &recipient_uri)
		.output()?;
	let stderr = String::from_utf8_lossy(&too_much.stderr);
	assert_eq!(too_much.status.code(), Some(1), "{stderr}");
	assert!(stderr.contains("Token.FundsUnavailable: Funds are unavailable."), "{stderr}");

	let no_signer = Command::new(&cli).args(["--url", &url, "transfer", "bob", "1"]).output()?;
	assert!(!no_signer.status.success());
	assert!(String::from_utf8_lossy(&no_signer.stderr).contains("--suri"));

	let bad_amount = Command::new(&cli)
		.args(["--url", &url, "--suri", "alice", "transfer", "bob", "1.0000000000001"])
		.output()?;
	assert!(!bad_amount.status.success());
	assert!(String::from_utf8_lossy(&bad_amount.stderr).contains("12 decimal places"));
	Ok(())
}
