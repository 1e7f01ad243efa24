use crate::{
	chain_spec,
	cli::{Cli, Consensus, Subcommand},
	service,
};
use ailock_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::{Configuration, PartialComponents};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Ailock Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/ailock-network/ailock/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" | "local_testnet" => Box::new(chain_spec::local_chain_spec()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			},
		})
	}
}

impl Cli {
	fn consensus_for(&self, config: &Configuration) -> Consensus {
		self.consensus.unwrap_or_else(|| service::default_consensus(config))
	}
}

/// Ailock's defaults where they differ from Substrate's: offchain indexing is on (pallets
/// index data for their offchain workers) unless `--enable-offchain-indexing` says otherwise.
fn apply_defaults(cli: &mut Cli, args: &[String]) {
	if !args.iter().any(|arg| arg.starts_with("--enable-offchain-indexing")) {
		cli.run.offchain_worker_params.indexing_enabled = true;
	}
}

/// The transaction pool for a node authoring with `consensus`, when it is not the one the
/// command line configured. The seal modes default to the single-state pool: the fork-aware
/// pool keeps a transaction that arrives while a block is being imported (the matcher's
/// offchain worker submits exactly then) for the next block's view without a new import
/// notification, and instant seal makes no next block (polkadot-sdk#10104). An explicit
/// `--pool-type` wins.
fn seal_mode_pool(
	cli: &Cli,
	args: &[String],
	consensus: Consensus,
	is_dev: bool,
) -> Option<sc_transaction_pool::TransactionPoolOptions> {
	if consensus == Consensus::Aura || args.iter().any(|arg| arg.starts_with("--pool-type")) {
		return None;
	}
	let mut params = cli.run.pool_config.clone();
	params.pool_type = sc_cli::TransactionPoolType::SingleState;
	Some(params.transaction_pool(is_dev))
}

/// Parses the command line and runs the node or the subcommand.
pub fn run() -> sc_cli::Result<()> {
	let mut cli = Cli::from_args();
	let args = std::env::args().collect::<Vec<_>>();
	apply_defaults(&mut cli, &args);

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let spec = cli.load_spec(&cmd.chain)?;
			cmd.run(spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, cli.consensus_for(&config))?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, cli.consensus_for(&config))?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, cli.consensus_for(&config))?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, cli.consensus_for(&config))?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let consensus = cli.consensus_for(&config);
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config, consensus)?;
				let aux_revert = Box::new(move |client, _, blocks| {
					if consensus == Consensus::Aura {
						sc_consensus_grandpa::revert(client, blocks)?;
					}
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => {
			use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => cmd
					.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(
						config.chain_spec,
					)),
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } =
						service::new_partial(&config, cli.consensus_for(&config))?;
					cmd.run(client)
				},
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } =
						service::new_partial(&config, cli.consensus_for(&config))?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_trie_cache)
				},
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				},
				BenchmarkCmd::Overhead(_) | BenchmarkCmd::Extrinsic(_) => {
					Err("`benchmark overhead` and `benchmark extrinsic` are not wired up yet: the \
					 runtime's weights use the frame defaults for base extrinsic overhead"
						.into())
				},
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|mut config| async move {
				let consensus = cli.consensus_for(&config);
				log::info!(target: "ailock", "consensus: {consensus:?}");
				let is_dev = config.chain_spec.chain_type() == sc_service::ChainType::Development;
				if let Some(pool) = seal_mode_pool(&cli, &args, consensus, is_dev) {
					log::info!(target: "ailock", "transaction pool: single-state (seal mode)");
					config.transaction_pool = pool;
				}
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config, consensus)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config, consensus)
							.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use clap::Parser;

	fn parsed(args: &[&str]) -> Cli {
		let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
		let mut cli = Cli::try_parse_from(&args).expect("valid arguments");
		apply_defaults(&mut cli, &args);
		cli
	}

	#[test]
	fn offchain_indexing_is_on_unless_disabled() {
		assert!(parsed(&["ailock-node", "--dev"]).run.offchain_worker_params.indexing_enabled);
		let disabled = parsed(&["ailock-node", "--dev", "--enable-offchain-indexing", "false"]);
		assert!(!disabled.run.offchain_worker_params.indexing_enabled);
	}

	#[test]
	fn seal_modes_use_the_single_state_pool_unless_told_otherwise() {
		let args = |extra: &[&str]| -> Vec<String> {
			["ailock-node", "--dev"].iter().chain(extra).map(|a| a.to_string()).collect()
		};
		let cli = parsed(&["ailock-node", "--dev"]);
		// Only the fork-aware pool follows every block; the single-state one follows best blocks.
		let instant = seal_mode_pool(&cli, &args(&[]), Consensus::InstantSeal, true);
		assert!(!instant.expect("seal mode picks the pool").use_all_block_notifications());
		let manual = Consensus::ManualSeal(std::time::Duration::from_millis(100));
		assert!(seal_mode_pool(&cli, &args(&[]), manual, true).is_some());
		assert!(seal_mode_pool(&cli, &args(&[]), Consensus::Aura, true).is_none());
		let explicit = args(&["--pool-type", "fork-aware"]);
		let cli = parsed(&explicit.iter().map(String::as_str).collect::<Vec<_>>());
		assert!(seal_mode_pool(&cli, &explicit, Consensus::InstantSeal, true).is_none());
	}

	#[test]
	fn consensus_is_not_forced_unless_given() {
		assert_eq!(parsed(&["ailock-node", "--dev"]).consensus, None);
		let manual = parsed(&["ailock-node", "--dev", "--consensus", "manual-seal-500"]);
		assert_eq!(
			manual.consensus,
			Some(Consensus::ManualSeal(std::time::Duration::from_millis(500)))
		);
	}
}
