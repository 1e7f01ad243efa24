//! `ailock`: the Ailock Network command-line client.

use ailock_client::{
	accounts, format_amount, parse_amount, AilockClient, Keypair, Progress, SubmitOptions, TxError,
	TOKEN_SYMBOL,
};
use anyhow::{anyhow, Context};
use clap::{Parser, Subcommand};
use std::{io::Write, process::ExitCode};

mod cmd;

#[derive(Parser, Debug)]
#[command(name = "ailock", version, about = "Command-line client for Ailock Network")]
pub(crate) struct Cli {
	/// WebSocket RPC endpoint of an Ailock node.
	#[arg(long, global = true, env = "AILOCK_URL", default_value = "ws://127.0.0.1:9944")]
	pub(crate) url: String,

	/// Signer: a secret URI (`//Alice`, a mnemonic, `0x` seed) or a dev account name (`alice`).
	#[arg(long, global = true, env = "AILOCK_SURI", hide_env_values = true)]
	pub(crate) suri: Option<String>,

	/// The signer is an agent key: send `registry …`, `intent …`, `offer …` and `chain …` calls
	/// through `Did.dispatch_as_agent`, acting for the DID that authorized it.
	#[arg(long, global = true)]
	pub(crate) as_agent: bool,

	/// Print a transaction's outcome as JSON (events under the metadata's field names).
	#[arg(long, global = true)]
	pub(crate) json: bool,

	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Show an account's balances and nonce at the latest finalized block.
	Balance {
		/// SS58 address, dev account name or secret URI.
		account: String,
	},
	/// Transfer AIL to an account (keeping the sender alive), waiting for finality.
	Transfer {
		/// Recipient: SS58 address, dev account name or secret URI.
		to: String,
		/// Amount in AIL, e.g. `1.5` (up to 12 decimals).
		amount: String,
		/// Tip for the block author, in AIL.
		#[arg(long, default_value = "0")]
		tip: String,
		/// Submit even if the dry run says the transfer would fail (fees are then spent).
		#[arg(long)]
		no_dry_run: bool,
	},
	/// DIDs (`did:ailock:<address>`): create, resolve, keys, services, controller, agent keys.
	Did {
		#[command(subcommand)]
		command: cmd::did::DidCommand,
	},
	/// Your Ailock in the registry, and discovery of others.
	Registry {
		#[command(subcommand)]
		command: cmd::registry::RegistryCommand,
	},
	/// Intents: post, show, cancel, find near a place.
	Intent {
		#[command(subcommand)]
		command: cmd::market::IntentCommand,
	},
	/// Your Ailock's standing offer.
	Offer {
		#[command(subcommand)]
		command: cmd::market::OfferCommand,
	},
	/// Smart chains: split an intent into steps, follow their progress.
	Chain {
		#[command(subcommand)]
		command: cmd::market::ChainCommand,
	},
	/// The Ailocks the matcher invited to an intent, with their scores.
	Matches { intent: u64 },
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	match run(cli).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("error: {error:#}");
			ExitCode::FAILURE
		},
	}
}

pub(crate) fn signer(cli: &Cli) -> anyhow::Result<Keypair> {
	let suri = cli.suri.as_deref().ok_or_else(|| {
		anyhow!("this command signs a transaction: pass --suri or set AILOCK_SURI")
	})?;
	Ok(accounts::keypair(suri)?)
}

pub(crate) fn amount(text: &str) -> anyhow::Result<u128> {
	parse_amount(text).map_err(|e| anyhow!("invalid amount `{text}`: {e}"))
}

pub(crate) async fn connect(url: &str) -> anyhow::Result<AilockClient> {
	AilockClient::connect(url).await.with_context(|| format!("cannot connect to {url}"))
}

async fn run(cli: Cli) -> anyhow::Result<()> {
	match &cli.command {
		Command::Balance { account } => {
			let who = accounts::parse_account(account)?;
			let client = connect(&cli.url).await?;
			let info = client.account(&who, None).await?;
			let (_, finalized) = client.finalized_block().await?;
			println!("account:  {who}");
			println!("free:     {} {TOKEN_SYMBOL}", format_amount(info.data.free));
			println!("reserved: {} {TOKEN_SYMBOL}", format_amount(info.data.reserved));
			println!("frozen:   {} {TOKEN_SYMBOL}", format_amount(info.data.frozen));
			println!("nonce:    {}", info.nonce);
			println!("at block: #{finalized} (finalized)");
			Ok(())
		},
		Command::Transfer { to, amount: value, tip, no_dry_run } => {
			let signer = signer(&cli)?;
			let to = accounts::parse_account(to)?;
			let value = amount(value)?;
			let tip = amount(tip)?;
			let client = connect(&cli.url).await?;
			eprintln!(
				"transferring {} {TOKEN_SYMBOL} from {} to {to}",
				format_amount(value),
				accounts::account_of(&signer)
			);
			let options = SubmitOptions { dry_run: !no_dry_run, tip };
			report(&cli, client.transfer(&signer, to, value, options, report_progress).await)
		},
		Command::Did { command } => cmd::did::run(&cli, command).await,
		Command::Registry { command } => cmd::registry::run(&cli, command).await,
		Command::Intent { command } => cmd::market::run_intent(&cli, command).await,
		Command::Offer { command } => cmd::market::run_offer(&cli, command).await,
		Command::Chain { command } => cmd::market::run_chain(&cli, command).await,
		Command::Matches { intent } => cmd::market::run_matches(&cli, *intent).await,
	}
}

/// Prints where a transaction ended and what it cost, as text or (`--json`) as JSON; a
/// failure becomes the error.
pub(crate) fn report(
	cli: &Cli,
	outcome: Result<ailock_client::TxReceipt, TxError>,
) -> anyhow::Result<()> {
	let (receipt, error) = match outcome {
		Ok(receipt) => (receipt, None),
		Err(TxError::Failed { error, receipt }) => (*receipt, Some(error)),
		Err(error) => return Err(error.into()),
	};
	if cli.json {
		let events: Vec<_> = receipt
			.events
			.iter()
			.map(|e| serde_json::json!({ "pallet": e.pallet, "event": e.name, "fields": e.json }))
			.collect();
		let outcome = serde_json::json!({
			"status": if error.is_some() { "failed" } else { "finalized" },
			"block": receipt.block_number,
			"block_hash": format!("{:?}", receipt.block_hash),
			"extrinsic": format!("{}-{}", receipt.block_number, receipt.extrinsic_index),
			"tx_hash": format!("{:?}", receipt.tx_hash),
			"fee": format_amount(receipt.fee),
			"tip": format_amount(receipt.tip),
			"events": events,
			"error": error.as_ref().map(|e| e.to_string()),
		});
		println!("{}", serde_json::to_string_pretty(&outcome)?);
	} else {
		let status = if error.is_some() { "failed" } else { "finalized" };
		println!("status:    {status}");
		println!("block:     #{} {:?}", receipt.block_number, receipt.block_hash);
		println!("extrinsic: {}-{}", receipt.block_number, receipt.extrinsic_index);
		println!("tx hash:   {:?}", receipt.tx_hash);
		println!("fee:       {} {TOKEN_SYMBOL}", format_amount(receipt.fee));
		if receipt.tip > 0 {
			println!("tip:       {} {TOKEN_SYMBOL}", format_amount(receipt.tip));
		}
		println!("events:");
		for event in &receipt.events {
			println!("  {event}");
		}
	}
	match error {
		Some(error) => Err(anyhow!("{error}")),
		None => Ok(()),
	}
}

/// Signs any runtime call with the CLI's signer (through `Did.dispatch_as_agent` with
/// `--as-agent`), dry-runs, submits and reports it.
pub(crate) async fn send_call(
	cli: &Cli,
	call: ailock_client::api::runtime_types::ailock_runtime::RuntimeCall,
) -> anyhow::Result<()> {
	let signer = signer(cli)?;
	let client = connect(&cli.url).await?;
	eprintln!("signing as {}", accounts::account_of(&signer));
	let options = SubmitOptions::default();
	report(cli, client.submit_call(call, cli.as_agent, &signer, options, report_progress).await)
}

/// Signs `call` with the CLI's signer, dry-runs, submits and reports it.
pub(crate) async fn send<Call: ailock_client::subxt::tx::Payload>(
	cli: &Cli,
	call: &Call,
) -> anyhow::Result<()> {
	let signer = signer(cli)?;
	let client = connect(&cli.url).await?;
	eprintln!("signing as {}", accounts::account_of(&signer));
	report(cli, client.submit(call, &signer, SubmitOptions::default(), report_progress).await)
}

pub(crate) fn report_progress(progress: Progress) {
	let line = match progress {
		Progress::DryRunPassed => "dry run passed".to_string(),
		Progress::Submitted { hash } => format!("submitted {hash:?}"),
		Progress::Validated => "accepted by the transaction pool".to_string(),
		Progress::Broadcast => "broadcast to peers".to_string(),
		Progress::InBestBlock { block_hash } => format!("in best block {block_hash:?}"),
		Progress::Retracted => "block retracted; waiting for inclusion again".to_string(),
		Progress::Finalized { block_hash } => format!("finalized in block {block_hash:?}"),
	};
	eprintln!("  … {line}");
	let _ = std::io::stderr().flush();
}
