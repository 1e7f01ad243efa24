//! Assembles the node: client, transaction pool, networking, RPC, offchain workers and block
//! authoring, which is either Aura + GRANDPA or, for single-node development, a seal engine
//! that authors and finalizes blocks on demand.

use crate::cli::Consensus;
use ailock_runtime::{apis::RuntimeApi, opaque::Block};
use futures::{channel::mpsc, FutureExt, SinkExt, StreamExt};
use sc_client_api::{Backend, BlockBackend};
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_consensus_manual_seal::{
	consensus::aura::AuraConsensusDataProvider, EngineCommand, ManualSealParams,
};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::{OffchainTransactionPoolFactory, TransactionPool};
use sp_blockchain::HeaderBackend;
use sp_consensus_aura::{
	sr25519::{AuthorityPair as AuraPair, AuthoritySignature as AuraSignature},
	SlotDuration,
};
use sp_runtime::traits::Block as BlockT;
use std::{sync::Arc, time::Duration};

pub(crate) type FullClient = sc_service::TFullClient<
	Block,
	RuntimeApi,
	sc_executor::WasmExecutor<sp_io::SubstrateHostFunctions>,
>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type GrandpaLink = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;
type BlockHash = <Block as BlockT>::Hash;

/// Blocks between GRANDPA justifications that are stored (and served to syncing peers).
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// Longest a seal-mode node waits for the transaction pool to process a sealed block before it
/// finalizes the block.
const POOL_CATCH_UP: Duration = Duration::from_secs(2);
/// How long after sealing a seal-mode node finalizes a block: long enough for a client to read
/// the block it was told its transaction is in before it hears that the block is final.
const FINALITY_DELAY: Duration = Duration::from_millis(400);

/// How often a seal-mode node checks whether an idle chain should get an empty block.
const IDLE_CHECK_INTERVAL: Duration = Duration::from_millis(500);

/// The parts of the node built before networking, shared with the maintenance subcommands.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
	(Option<(GrandpaBlockImport, GrandpaLink)>, Option<Telemetry>),
>;

/// The consensus a chain runs when `--consensus` is not given: instant seal for development
/// chains, Aura + GRANDPA for everything else.
pub fn default_consensus(config: &Configuration) -> Consensus {
	match config.chain_spec.chain_type() {
		sc_service::ChainType::Development => Consensus::InstantSeal,
		_ => Consensus::Aura,
	}
}

pub fn new_partial(config: &Configuration, consensus: Consensus) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<sp_io::SubstrateHostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let (import_queue, grandpa) = match consensus {
		Consensus::Aura => {
			let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
				client.clone(),
				GRANDPA_JUSTIFICATION_PERIOD,
				&client,
				select_chain.clone(),
				telemetry.as_ref().map(|x| x.handle()),
			)?;
			let cidp_client = client.clone();
			let import_queue = sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(
				ImportQueueParams {
					block_import: grandpa_block_import.clone(),
					justification_import: Some(Box::new(grandpa_block_import.clone())),
					client: client.clone(),
					create_inherent_data_providers: move |parent_hash, _| {
						let cidp_client = cidp_client.clone();
						async move {
							let slot_duration = sc_consensus_aura::standalone::slot_duration_at(
								&*cidp_client,
								parent_hash,
							)?;
							let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
							let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
								*timestamp,
								slot_duration,
							);
							Ok((slot, timestamp))
						}
					},
					spawner: &task_manager.spawn_essential_handle(),
					registry: config.prometheus_registry(),
					check_for_equivocation: Default::default(),
					telemetry: telemetry.as_ref().map(|x| x.handle()),
					compatibility_mode: Default::default(),
				},
			)?;
			(import_queue, Some((grandpa_block_import, grandpa_link)))
		},
		Consensus::InstantSeal | Consensus::ManualSeal(_) => {
			let import_queue = sc_consensus_manual_seal::import_queue(
				Box::new(client.clone()),
				&task_manager.spawn_essential_handle(),
				config.prometheus_registry(),
			);
			(import_queue, None)
		},
	};

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (grandpa, telemetry),
	})
}

/// Builds and starts a full node.
pub fn new_full<N: sc_network::NetworkBackend<Block, BlockHash>>(
	config: Configuration,
	consensus: Consensus,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (grandpa, mut telemetry),
	} = new_partial(&config, consensus)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<Block, BlockHash, N>::new(
		&config.network,
		config.prometheus_registry().cloned(),
	);
	let metrics = N::register_notification_metrics(config.prometheus_registry());
	let peer_store_handle = net_config.peer_store_handle();

	let genesis_hash = client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("the genesis block is missing".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let mut grandpa_notification_service = None;
	let mut warp_sync_config = None;
	if let Some((_, grandpa_link)) = &grandpa {
		let (grandpa_protocol_config, notification_service) =
			sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
				grandpa_protocol_name.clone(),
				metrics.clone(),
				peer_store_handle,
			);
		net_config.add_notification_protocol(grandpa_protocol_config);
		grandpa_notification_service = Some(notification_service);
		let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
			backend.clone(),
			grandpa_link.shared_authority_set().clone(),
			Vec::default(),
		));
		warp_sync_config = Some(WarpSyncConfig::WithProvider(warp_sync));
	}

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				is_validator: config.role.is_authority(),
				keystore: Some(keystore_container.keystore()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					transaction_pool.clone(),
				)),
				network_provider: Arc::new(network.clone()),
				enable_http_requests: true,
				custom_extensions: |_| vec![],
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	// Seal modes take commands from RPC (`engine_createBlock`) and from the block trigger.
	let seal_channel = match consensus {
		Consensus::Aura => None,
		_ => Some(mpsc::channel::<EngineCommand<BlockHash>>(1024)),
	};
	let rpc_seal_commands = seal_channel.as_ref().map(|(sink, _)| sink.clone());

	let rpc_extensions_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				seal_commands: rpc_seal_commands.clone(),
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let _rpc_handlers = sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: Arc::new(network.clone()),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_extensions_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	let proposer_factory = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		prometheus_registry.as_ref(),
		telemetry.as_ref().map(|x| x.handle()),
	);

	if let Some((seal_sink, seal_stream)) = seal_channel {
		let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
		let (sealed_sink, sealed_stream) = mpsc::unbounded();
		task_manager.spawn_essential_handle().spawn(
			"seal-finalizer",
			Some("block-authoring"),
			finalize_sealed(transaction_pool.clone(), seal_sink.clone(), sealed_stream),
		);
		task_manager.spawn_essential_handle().spawn(
			"seal-trigger",
			Some("block-authoring"),
			seal_trigger(
				consensus,
				client.clone(),
				transaction_pool.clone(),
				seal_sink,
				sealed_sink,
				slot_duration,
			),
		);
		let cidp_client = client.clone();
		let authorship = sc_consensus_manual_seal::run_manual_seal(ManualSealParams {
			block_import: client.clone(),
			env: proposer_factory,
			client: client.clone(),
			pool: transaction_pool,
			commands_stream: seal_stream,
			select_chain,
			consensus_data_provider: Some(Box::new(
				AuraConsensusDataProvider::new_with_slot_duration(slot_duration),
			)),
			create_inherent_data_providers: move |parent_hash, ()| {
				let client = cidp_client.clone();
				async move { seal_timestamp(&client, parent_hash, slot_duration) }
			},
		});
		task_manager.spawn_essential_handle().spawn_blocking(
			"manual-seal",
			Some("block-authoring"),
			authorship,
		);
		return Ok(task_manager);
	}

	let Some((block_import, grandpa_link)) = grandpa else {
		return Err(ServiceError::Other("Aura needs the GRANDPA block import".into()));
	};

	if role.is_authority() {
		let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
		let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
			StartAuraParams {
				slot_duration,
				client,
				select_chain,
				block_import,
				proposer_factory,
				create_inherent_data_providers: move |_, ()| async move {
					let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
					let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
						*timestamp,
						slot_duration,
					);
					Ok((slot, timestamp))
				},
				force_authoring,
				backoff_authoring_blocks: Option::<()>::None,
				keystore: keystore_container.keystore(),
				sync_oracle: sync_service.clone(),
				justification_sync_link: sync_service.clone(),
				block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
				max_block_proposal_slot_portion: None,
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				compatibility_mode: Default::default(),
			},
		)?;
		task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
	}

	if enable_grandpa {
		let Some(notification_service) = grandpa_notification_service else {
			return Err(ServiceError::Other("GRANDPA protocol was not registered".into()));
		};
		let keystore = if role.is_authority() { Some(keystore_container.keystore()) } else { None };
		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};
		let grandpa_params = sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		};
		task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
		);
	}

	Ok(task_manager)
}

/// Finalizes sealed blocks [`FINALITY_DELAY`] after sealing them (the newest of those sealed
/// meanwhile, which finalizes the others with it). A block sealed and finalized at once reaches
/// clients only as final: the pool handles the finality notification first and skips the
/// import, and even when it does not, polkadot.js drops an `InBlock` status that a `Finalized`
/// one overtakes before it has read the block's events — so dApps waiting for `isInBlock`
/// would hang. The Aura node reports both, seconds apart; this reports both too.
async fn finalize_sealed<P: TransactionPool<Block = Block>>(
	pool: Arc<P>,
	mut seal: mpsc::Sender<EngineCommand<BlockHash>>,
	mut sealed: mpsc::UnboundedReceiver<BlockHash>,
) {
	while let Some(mut hash) = sealed.next().await {
		futures_timer::Delay::new(FINALITY_DELAY).await;
		while let Ok(newer) = sealed.try_recv() {
			hash = newer;
		}
		// The pool must have seen the block as best (watchers told `InBlock`) first.
		let _ = pool.ready_at_with_timeout(hash, POOL_CATCH_UP).await;
		let (sender, finalized) = futures::channel::oneshot::channel();
		let command =
			EngineCommand::FinalizeBlock { hash, sender: Some(sender), justification: None };
		if seal.send(command).await.is_err() {
			return;
		}
		match finalized.await {
			Ok(Ok(())) => {},
			Ok(Err(error)) => log::warn!(target: "ailock", "finalizing failed: {error}"),
			Err(_) => return,
		}
	}
}

/// Timestamp of the next sealed block: wall-clock time, unless the parent's Aura slot is
/// already at or past it. Aura needs a strictly increasing slot, so blocks sealed faster than
/// one per slot move chain time ahead of the wall clock; idle periods let the clock catch up.
fn seal_timestamp(
	client: &FullClient,
	parent_hash: BlockHash,
	slot_duration: SlotDuration,
) -> Result<sp_timestamp::InherentDataProvider, Box<dyn std::error::Error + Send + Sync>> {
	let now = sp_timestamp::Timestamp::current().as_millis();
	let earliest = next_slot_start(client, parent_hash, slot_duration)?.unwrap_or(now);
	Ok(sp_timestamp::InherentDataProvider::new(now.max(earliest).into()))
}

/// Start of the slot after the block's own, or `None` for the genesis block (no slot).
fn next_slot_start(
	client: &FullClient,
	hash: BlockHash,
	slot_duration: SlotDuration,
) -> Result<Option<u64>, Box<dyn std::error::Error + Send + Sync>> {
	let header = client.header(hash)?.ok_or("the parent block's header is missing")?;
	let Ok(slot) = sc_consensus_aura::find_pre_digest::<Block, AuraSignature>(&header) else {
		return Ok(None);
	};
	Ok(Some(u64::from(slot).saturating_add(1).saturating_mul(slot_duration.as_millis())))
}

/// Sends seal commands: on every imported transaction (instant seal) plus an empty block when
/// a slot passes without one, or on a fixed interval (manual seal). Blocks are sealed without
/// finality; [`finalize_sealed`] finalizes them shortly after (a single development node has
/// nobody to wait for).
async fn seal_trigger<P: TransactionPool<Block = Block>>(
	consensus: Consensus,
	client: Arc<FullClient>,
	pool: Arc<P>,
	mut seal: mpsc::Sender<EngineCommand<BlockHash>>,
	sealed: mpsc::UnboundedSender<BlockHash>,
	slot_duration: SlotDuration,
) {
	enum Trigger {
		Transaction,
		Tick,
	}
	let tick_every = match consensus {
		Consensus::ManualSeal(interval) => interval,
		_ => IDLE_CHECK_INTERVAL,
	};
	// The first tick comes at once: a fresh chain gets its block #1 (the first state that
	// records the genesis hash transactions sign) without waiting.
	let ticks = futures::stream::unfold(true, move |first| async move {
		if !first {
			futures_timer::Delay::new(tick_every).await;
		}
		Some((Trigger::Tick, false))
	});
	let transactions: futures::stream::BoxStream<'static, Trigger> = match consensus {
		Consensus::InstantSeal => {
			pool.import_notification_stream().map(|_| Trigger::Transaction).boxed()
		},
		_ => futures::stream::pending().boxed(),
	};
	let mut triggers = futures::stream::select(transactions, ticks.boxed());

	while let Some(trigger) = triggers.next().await {
		let create_empty = match (consensus, trigger) {
			(Consensus::InstantSeal, Trigger::Transaction) => false,
			(Consensus::InstantSeal, Trigger::Tick) => {
				let best = client.info().best_hash;
				match next_slot_start(&client, best, slot_duration) {
					Ok(Some(next)) if next > sp_timestamp::Timestamp::current().as_millis() => {
						continue
					},
					Ok(_) => true,
					Err(error) => {
						log::warn!(target: "ailock", "cannot read the best block's slot: {error}");
						continue;
					},
				}
			},
			_ => true,
		};
		let (sender, outcome) = futures::channel::oneshot::channel();
		// Sealed first and finalized in a second step: a block imported as final at once
		// reaches the transaction pool only as finalized, and a transaction's watchers (wallets
		// waiting for `isInBlock`) would never see it in a block.
		let command = EngineCommand::SealNewBlock {
			create_empty,
			finalize: false,
			parent_hash: None,
			sender: Some(sender),
		};
		if seal.send(command).await.is_err() {
			return;
		}
		match outcome.await {
			Ok(Ok(created)) => {
				log::debug!(target: "ailock", "sealed block {:?}", created.hash);
				if sealed.unbounded_send(created.hash).is_err() {
					return;
				}
			},
			// Transactions already sealed by an earlier trigger leave nothing to seal.
			Ok(Err(sc_consensus_manual_seal::Error::EmptyTransactionPool)) => {},
			Ok(Err(error)) => log::warn!(target: "ailock", "sealing failed: {error}"),
			Err(_) => return,
		}
	}
}
