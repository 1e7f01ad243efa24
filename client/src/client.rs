//! Connection to a node, balance queries and transaction submission.

use crate::{
	api::{
		self,
		runtime_types::{ailock_runtime::RuntimeCall, pallet_did::pallet::Call as DidCall},
	},
	errors::{decode_dispatch_error, describe_enum_value, OrClient, TxError},
	AilockConfig, Balance,
};
use std::sync::Arc;
use subxt::{
	backend::LegacyBackend,
	config::{DefaultExtrinsicParamsBuilder, RpcConfigFor},
	ext::scale_value,
	rpcs::{client::RpcParams, LegacyRpcMethods, RpcClient},
	transactions::{Payload, TransactionStatus},
	utils::{AccountId32, H256},
	Metadata, OnlineClient,
};
use subxt_signer::sr25519::Keypair;

/// Blocks a transaction stays valid for after the block it was built on.
const MORTALITY_BLOCKS: u64 = 64;

/// A connection to an Ailock node.
#[derive(Clone)]
pub struct AilockClient {
	api: OnlineClient<AilockConfig>,
	rpc: RpcClient,
	legacy: LegacyRpcMethods<RpcConfigFor<AilockConfig>>,
}

/// How to submit.
#[derive(Clone, Copy, Debug)]
pub struct SubmitOptions {
	/// Apply the transaction to the best block's state first and refuse to submit one whose
	/// call would fail (nothing is spent then).
	pub dry_run: bool,
	/// Tip for the block author, in the smallest unit.
	pub tip: Balance,
}

impl Default for SubmitOptions {
	fn default() -> Self {
		SubmitOptions { dry_run: true, tip: 0 }
	}
}

/// Where a submitted transaction is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
	/// The dry run passed.
	DryRunPassed,
	/// Signed and sent to the node.
	Submitted {
		/// The transaction's hash.
		hash: H256,
	},
	/// The node's pool accepted it.
	Validated,
	/// Gossiped to peers.
	Broadcast,
	/// Included in the best chain.
	InBestBlock {
		/// The block.
		block_hash: H256,
	},
	/// The best block holding it was replaced; it waits for inclusion again.
	Retracted,
	/// Included in a finalized block.
	Finalized {
		/// The block.
		block_hash: H256,
	},
}

/// One event emitted by a transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRecord {
	/// Pallet name.
	pub pallet: String,
	/// Event name.
	pub name: String,
	/// The fields as a person reads them: text as text, amounts in AIL, keys and hashes as
	/// hex, accounts as SS58.
	pub fields: String,
	/// The same fields for scripts, under the metadata's field names.
	pub json: serde_json::Value,
}

impl std::fmt::Display for EventRecord {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}.{} {}", self.pallet, self.name, self.fields)
	}
}

/// Where a transaction was finalized and what it cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TxReceipt {
	/// The transaction's hash.
	pub tx_hash: H256,
	/// The finalized block holding it.
	pub block_hash: H256,
	/// That block's number.
	pub block_number: u64,
	/// The transaction's index in the block.
	pub extrinsic_index: usize,
	/// The fee actually paid (after refunds), in the smallest unit.
	pub fee: Balance,
	/// The tip paid.
	pub tip: Balance,
	/// Every event the transaction emitted, in order.
	pub events: Vec<EventRecord>,
}

impl AilockClient {
	/// Connects to a node's WebSocket RPC (`ws://` is allowed for any host).
	pub async fn connect(url: &str) -> Result<Self, subxt::Error> {
		let rpc = RpcClient::from_insecure_url(url).await?;
		// Every read here is at a hash the node reported over the legacy RPC (finalized head,
		// best block, a transaction's block). Through the chainHead backend such a read could
		// come back "header not found": the node answers `chainHead_v1_header` with null when
		// the follow subscription is absent or over its operation limit. The legacy backend
		// reads any block the node has.
		let backend = LegacyBackend::<AilockConfig>::builder().build(rpc.clone());
		let api = OnlineClient::<AilockConfig>::from_backend(Arc::new(backend)).await?;
		Ok(AilockClient { api, legacy: LegacyRpcMethods::new(rpc.clone()), rpc })
	}

	/// Calls any JSON-RPC method; `params` is a JSON array (or `null` for none).
	pub async fn rpc_raw(
		&self,
		method: &str,
		params: serde_json::Value,
	) -> Result<serde_json::Value, subxt::Error> {
		let mut rpc_params = RpcParams::new();
		if let serde_json::Value::Array(values) = params {
			for value in values {
				rpc_params.push(value)?;
			}
		}
		Ok(self.rpc.request(method, rpc_params).await?)
	}

	/// The underlying subxt client, for everything this type does not wrap.
	pub fn api(&self) -> &OnlineClient<AilockConfig> {
		&self.api
	}

	/// Legacy RPC methods (`system_*`, `chain_*`, `state_*`, …).
	pub fn rpc(&self) -> &LegacyRpcMethods<RpcConfigFor<AilockConfig>> {
		&self.legacy
	}

	/// The metadata at the latest finalized block.
	pub async fn metadata(&self) -> Result<subxt::ArcMetadata, subxt::Error> {
		Ok(self.api.at_current_block().await?.metadata())
	}

	/// Hash and number of the best block.
	pub async fn best_block(&self) -> Result<(H256, u64), subxt::Error> {
		let hash = self
			.legacy
			.chain_get_block_hash(None)
			.await?
			.ok_or_else(|| subxt::Error::Other("the node reported no best block".into()))?;
		let at = self.api.at_block(hash).await?;
		Ok((hash, at.block_number()))
	}

	/// The state at the node's latest finalized block, as the node reports it now (subxt's own
	/// idea of the current block can lag behind a transaction this client just saw finalized).
	pub async fn at_finalized(
		&self,
	) -> Result<
		subxt::client::ClientAtBlock<
			AilockConfig,
			subxt::client::OnlineClientAtBlockImpl<AilockConfig>,
		>,
		subxt::Error,
	> {
		let hash = self.legacy.chain_get_finalized_head().await?;
		Ok(self.api.at_block(hash).await?)
	}

	/// Hash and number of the latest finalized block.
	pub async fn finalized_block(&self) -> Result<(H256, u64), subxt::Error> {
		let hash = self.legacy.chain_get_finalized_head().await?;
		let at = self.api.at_block(hash).await?;
		Ok((hash, at.block_number()))
	}

	/// Free balance of `who` at `block` (the latest finalized block if `None`).
	pub async fn free_balance(
		&self,
		who: &AccountId32,
		block: Option<H256>,
	) -> Result<Balance, subxt::Error> {
		Ok(self.account(who, block).await?.data.free)
	}

	/// `System.Account` of `who` at `block` (the latest finalized block if `None`).
	pub async fn account(
		&self,
		who: &AccountId32,
		block: Option<H256>,
	) -> Result<
		api::runtime_types::frame_system::AccountInfo<
			u32,
			api::runtime_types::pallet_balances::types::AccountData<Balance>,
		>,
		subxt::Error,
	> {
		let at = match block {
			Some(hash) => self.api.at_block(hash).await?,
			None => self.at_finalized().await?,
		};
		let info =
			at.storage().fetch(api::storage().system().account(), (*who,)).await?.decode()?;
		Ok(info)
	}

	/// Transfers `amount` to `to`, keeping the sender alive.
	pub async fn transfer(
		&self,
		signer: &Keypair,
		to: AccountId32,
		amount: Balance,
		options: SubmitOptions,
		on_progress: impl FnMut(Progress),
	) -> Result<TxReceipt, TxError> {
		let call = api::tx().balances().transfer_keep_alive(to.into(), amount);
		self.submit(&call, signer, options, on_progress).await
	}

	/// Applies `call`, signed by `signer`, to the best block's state without submitting it.
	/// `Ok` when it would succeed; [`TxError::WouldFail`] or [`TxError::Invalid`] otherwise.
	pub async fn dry_run<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
	) -> Result<(), TxError> {
		let (best_hash, _) = self.best_block().await.or_client()?;
		let at = self.api.at_block(best_hash).await.or_client()?;
		let account = signer.public_key().to_account_id();
		let nonce = at.tx().account_nonce(&account).await.or_client()?;
		// `apply_extrinsic` runs on the block's post-state, where the block's own hash is not
		// recorded yet: a transaction mortal from it would be rejected, so dry-run immortal.
		let params =
			DefaultExtrinsicParamsBuilder::<AilockConfig>::new().nonce(nonce).immortal().build();
		let signed = at.tx().create_signed(call, signer, params).await.or_client()?;
		let output = at
			.runtime_apis()
			.call_raw("BlockBuilder_apply_extrinsic", Some(signed.encoded()))
			.await
			.or_client()?;
		interpret_apply_result(&output, at.metadata_ref())
	}

	/// Signs and submits any call of the runtime, as [`submit`](Self::submit) does; with
	/// `as_agent` the signer is an agent key and the call goes through
	/// `Did.dispatch_as_agent`, acting for the DID that authorized it.
	pub async fn submit_call(
		&self,
		call: RuntimeCall,
		as_agent: bool,
		signer: &Keypair,
		options: SubmitOptions,
		on_progress: impl FnMut(Progress),
	) -> Result<TxReceipt, TxError> {
		let call = if as_agent {
			RuntimeCall::Did(DidCall::dispatch_as_agent { call: Box::new(call) })
		} else {
			call
		};
		let metadata = self.metadata().await.or_client()?;
		let payload = call_payload(&call, &metadata)?;
		self.submit(&payload, signer, options, on_progress).await
	}

	/// Signs, (optionally) dry-runs, submits and follows `call` until it is finalized.
	/// [`TxError::Failed`] carries the receipt when the call failed in its block.
	pub async fn submit<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
		options: SubmitOptions,
		mut on_progress: impl FnMut(Progress),
	) -> Result<TxReceipt, TxError> {
		if options.dry_run {
			self.dry_run(call, signer).await?;
			on_progress(Progress::DryRunPassed);
		}
		let account = signer.public_key().to_account_id();
		// The pool's next nonce counts transactions not yet in a block.
		let nonce = self.legacy.system_account_next_index(&account).await.or_client()?;
		let at = self.api.at_current_block().await.or_client()?;
		let params = DefaultExtrinsicParamsBuilder::<AilockConfig>::new()
			.nonce(nonce)
			.tip(options.tip)
			.mortal(MORTALITY_BLOCKS)
			.build();
		let signed = at.tx().create_signed(call, signer, params).await.or_client()?;
		let tx_hash = signed.hash();
		let mut progress = signed.submit_and_watch().await.map_err(|error| {
			let text = error.to_string();
			if text.contains("Invalid Transaction") || text.contains("1010") {
				TxError::Invalid(text)
			} else {
				TxError::from(subxt::Error::from(error))
			}
		})?;
		on_progress(Progress::Submitted { hash: tx_hash });

		while let Some(status) = progress.next().await {
			match status.or_client()? {
				TransactionStatus::Validated => on_progress(Progress::Validated),
				TransactionStatus::Broadcasted => on_progress(Progress::Broadcast),
				TransactionStatus::NoLongerInBestBlock => on_progress(Progress::Retracted),
				TransactionStatus::InBestBlock(block) => {
					on_progress(Progress::InBestBlock { block_hash: block.block_hash() })
				},
				TransactionStatus::InFinalizedBlock(block) => {
					let block_hash = block.block_hash();
					on_progress(Progress::Finalized { block_hash });
					let at = block.at().await.or_client()?;
					let events = block.fetch_events().await.or_client()?;
					let metadata = at.metadata_ref();
					let mut receipt = TxReceipt {
						tx_hash,
						block_hash,
						block_number: at.block_number(),
						extrinsic_index: events.extrinsic_index(),
						fee: 0,
						tip: 0,
						events: Vec::new(),
					};
					let mut failure = None;
					for event in events.iter() {
						let event = event.or_client()?;
						if let Some(Ok(paid)) = event
							.decode_fields_as::<api::transaction_payment::events::TransactionFeePaid>(
						) {
							receipt.fee = paid.actual_fee;
							receipt.tip = paid.tip;
						}
						if event.pallet_name() == "System"
							&& event.event_name() == "ExtrinsicFailed"
						{
							failure = Some(
								decode_dispatch_error(&mut event.field_bytes(), metadata)
									.map_err(TxError::Other)?,
							);
						}
						let fields = describe_fields(&event, metadata);
						receipt.events.push(EventRecord {
							pallet: event.pallet_name().to_string(),
							name: event.event_name().to_string(),
							fields: fields.text,
							json: fields.json,
						});
					}
					return match failure {
						Some(error) => Err(TxError::Failed { error, receipt: Box::new(receipt) }),
						None => Ok(receipt),
					};
				},
				TransactionStatus::Invalid { message } => return Err(TxError::Invalid(message)),
				TransactionStatus::Dropped { message } | TransactionStatus::Error { message } => {
					return Err(TxError::Dropped(message))
				},
			}
		}
		Err(TxError::Dropped("the node stopped reporting the transaction's status".into()))
	}
}

/// Reads `ApplyExtrinsicResult` = `Result<Result<(), DispatchError>, TransactionValidityError>`.
fn interpret_apply_result(output: &[u8], metadata: &Metadata) -> Result<(), TxError> {
	match output {
		[0, 0, ..] => Ok(()),
		[0, 1, rest @ ..] => {
			let mut bytes = rest;
			Err(TxError::WouldFail(
				decode_dispatch_error(&mut bytes, metadata).map_err(TxError::Other)?,
			))
		},
		[1, rest @ ..] => {
			let error_ty = metadata
				.runtime_api_trait_by_name("BlockBuilder")
				.and_then(|api| api.method_by_name("apply_extrinsic"))
				.map(|method| method.output_ty())
				.and_then(|result_ty| result_variant_type(metadata, result_ty, "Err"))
				.ok_or_else(|| {
					TxError::Other("no TransactionValidityError in the metadata".into())
				})?;
			let mut bytes = rest;
			let value = scale_value::scale::decode_as_type(&mut bytes, error_ty, metadata.types())
				.map_err(|e| TxError::Other(format!("cannot decode the validity error: {e}")))?;
			Err(TxError::Invalid(describe_enum_value(metadata, error_ty, &value)))
		},
		_ => Err(TxError::Other(format!(
			"unexpected apply_extrinsic output 0x{}",
			hex::encode(output)
		))),
	}
}

/// The type of the single field of variant `name` of enum `ty` (such as `Result::Err`).
fn result_variant_type(metadata: &Metadata, ty: u32, name: &str) -> Option<u32> {
	match &metadata.types().resolve(ty)?.type_def {
		scale_info::TypeDef::Variant(def) => {
			def.variants.iter().find(|v| v.name == name)?.fields.first().map(|f| f.ty.id)
		},
		_ => None,
	}
}

/// A call's arguments already SCALE-encoded: a `RuntimeCall` encodes as pallet index, call
/// index and arguments, so the arguments go out as they are.
pub struct EncodedArgs(Vec<u8>);

impl subxt::ext::scale_encode::EncodeAsFields for EncodedArgs {
	fn encode_as_fields_to<R: subxt::ext::scale_encode::TypeResolver>(
		&self,
		_fields: &mut dyn subxt::ext::scale_encode::FieldIter<'_, R::TypeId>,
		_types: &R,
		out: &mut Vec<u8>,
	) -> Result<(), subxt::ext::scale_encode::Error> {
		out.extend_from_slice(&self.0);
		Ok(())
	}
}

/// `call` as a transaction payload, its pallet and call named from the metadata.
pub fn call_payload(
	call: &RuntimeCall,
	metadata: &Metadata,
) -> Result<subxt::tx::DynamicPayload<EncodedArgs>, TxError> {
	let encoded = codec::Encode::encode(call);
	let (Some(&pallet_index), Some(&call_index)) = (encoded.first(), encoded.get(1)) else {
		return Err(TxError::Other("an encoded call has a pallet and a call index".into()));
	};
	let pallet = metadata
		.pallet_by_call_index(pallet_index)
		.ok_or_else(|| TxError::Other(format!("no pallet with call index {pallet_index}")))?;
	let variant = pallet.call_variant_by_index(call_index).ok_or_else(|| {
		TxError::Other(format!("{} has no call with index {call_index}", pallet.name()))
	})?;
	let args = EncodedArgs(encoded.get(2..).unwrap_or_default().to_vec());
	Ok(subxt::tx::dynamic(pallet.name(), variant.name.clone(), args))
}

/// An event's fields in both readings (see [`crate::render`]); hex when they cannot be decoded.
fn describe_fields(
	event: &subxt::events::Event<'_, AilockConfig>,
	metadata: &Metadata,
) -> crate::render::Rendered {
	let raw = || {
		let text = format!("0x{}", hex::encode(event.field_bytes()));
		crate::render::Rendered { json: serde_json::Value::String(text.clone()), text }
	};
	let Some(pallet) = metadata.pallet_by_name(event.pallet_name()) else { return raw() };
	let Some(variant) = pallet.event_variant_by_index(event.event_index()) else { return raw() };
	let mut bytes = event.field_bytes();
	let mut fields = Vec::new();
	for field in &variant.fields {
		match scale_value::scale::decode_as_type(&mut bytes, field.ty.id, metadata.types()) {
			Ok(value) => fields.push((field.name.clone(), field.type_name.clone(), value)),
			Err(_) => return raw(),
		}
	}
	crate::render::render_fields(&fields, metadata)
}
