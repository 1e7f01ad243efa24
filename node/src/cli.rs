use sc_cli::RunCmd;
use std::{str::FromStr, time::Duration};

/// How the node authors and finalizes blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consensus {
	/// Aura slots of the runtime's slot duration (6 s) with GRANDPA finality: every chain that
	/// is not a local development chain.
	Aura,
	/// A block as soon as a transaction arrives, and an empty block after a slot without any;
	/// each finalized at once. The `--dev` default.
	InstantSeal,
	/// A block every given interval, finalized at once.
	ManualSeal(Duration),
}

impl FromStr for Consensus {
	type Err = String;

	fn from_str(text: &str) -> Result<Self, Self::Err> {
		match text {
			"aura" => Ok(Consensus::Aura),
			"instant-seal" => Ok(Consensus::InstantSeal),
			_ => {
				let millis = text
					.strip_prefix("manual-seal-")
					.and_then(|ms| ms.parse::<u64>().ok())
					.filter(|ms| *ms > 0)
					.ok_or_else(|| {
						format!(
							"unknown consensus `{text}`: expected `aura`, `instant-seal` or \
							 `manual-seal-<milliseconds>`"
						)
					})?;
				Ok(Consensus::ManualSeal(Duration::from_millis(millis)))
			},
		}
	}
}

#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Block authoring: `aura` (Aura + GRANDPA, default except for development chains),
	/// `instant-seal` (a block per transaction, default for development chains) or
	/// `manual-seal-<ms>` (a block every <ms> milliseconds). The seal modes finalize each
	/// block at once, use the single-state transaction pool unless `--pool-type` says
	/// otherwise, and are for single-node development only.
	#[arg(long, value_name = "MODE")]
	pub consensus: Option<Consensus>,

	#[clap(flatten)]
	pub run: RunCmd,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys (Aura: sr25519, GRANDPA: ed25519).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Export a chain specification (`--chain dev|local|<path>`, `--raw` for raw storage).
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmark pallets, storage, blocks and the machine (needs `--features runtime-benchmarks`
	/// for pallets and storage).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Db meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn parses_consensus_modes() {
		assert_eq!("aura".parse(), Ok(Consensus::Aura));
		assert_eq!("instant-seal".parse(), Ok(Consensus::InstantSeal));
		assert_eq!(
			"manual-seal-250".parse(),
			Ok(Consensus::ManualSeal(Duration::from_millis(250)))
		);
		assert!("manual-seal-0".parse::<Consensus>().is_err());
		assert!("manual-seal-".parse::<Consensus>().is_err());
		assert!("babe".parse::<Consensus>().is_err());
	}
}
