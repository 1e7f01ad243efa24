//! `ailock`: the Ailock Network command-line client.

use ailock_client::{
	accounts, format_amount, parse_amount, AilockClient, Keypair, Progress, SubmitOptions, TxError,
	TOKEN_SYMBOL,
};
use anyhow::{anyhow, Context};
use clap::{Parser, Subcommand};
use std::{io::Write, process::ExitCode};

#[derive(Parser, Debug)]
#[command(name = "ailock", version, about = "Command-line client for Ailock Network")]
struct Cli {
	/// WebSocket RPC endpoint of an Ailock node.
	#[arg(long, global = true, env = "AILOCK_URL", default_value = "ws://127.0.0.1:9944")]
	url: String,

	/// Signer: a secret URI (`//Alice`, a mnemonic, `0x` seed) or a dev account name (`alice`).
	#[arg(long, global = true, env = "AILOCK_SURI", hide_env_values = true)]
	suri: Option<String>,

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

fn signer(cli: &Cli) -> anyhow::Result<Keypair> {
	let suri = cli.suri.as_deref().ok_or_else(|| {
		anyhow!("this command signs a transaction: pass --suri or set AILOCK_SURI")
	})?;
	Ok(accounts::keypair(suri)?)
}

fn amount(text: &str) -> anyhow::Result<u128> {
	parse_amount(text).map_err(|e| anyhow!("invalid amount `{text}`: {e}"))
}

async fn connect(url: &str) -> anyhow::Result<AilockClient> {
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
			match client.transfer(&signer, to, value, options, report_progress).await {
				Ok(receipt) => {
					println!("status:    finalized");
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
					Ok(())
				},
				Err(TxError::Failed { error, receipt }) => {
					println!("status:    failed");
					println!("block:     #{} {:?}", receipt.block_number, receipt.block_hash);
					println!("fee:       {} {TOKEN_SYMBOL}", format_amount(receipt.fee));
					for event in &receipt.events {
						println!("  {event}");
					}
					Err(anyhow!("{error}"))
				},
				Err(error) => Err(error.into()),
			}
		},
	}
}

fn report_progress(progress: Progress) {
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
