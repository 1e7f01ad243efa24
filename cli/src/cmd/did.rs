//! `ailock did …`

use crate::{amount, connect, send, signer, Cli};
use ailock_client::{
	accounts,
	api::{self, runtime_types::pallet_did::types::ServiceEndpoint},
	convert,
	did::{w3c_document, DidResolution},
	input::{
		bounded_text, parse_did_account, parse_key, parse_relationship, parse_scope, parse_service,
	},
	subxt::utils::AccountId32,
	DidPublicKey,
};
use anyhow::{anyhow, Context};
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum DidCommand {
	/// Create the signer's DID. Without `--key`, the signer's own sr25519 key serves
	/// authentication and assertions.
	Create {
		/// `<type>:0x<hex>=<relationship>`, e.g. `x25519:0x…=key-agreement`; repeatable.
		#[arg(long = "key")]
		keys: Vec<String>,
		/// `<id>,<type>,<url>`, e.g. `card,A2AAgentCard,https://example.org/card.json`;
		/// repeatable.
		#[arg(long = "service")]
		services: Vec<String>,
	},
	/// Print a DID's W3C document (JSON) at the latest finalized block.
	Resolve {
		/// The DID (`did:ailock:<address>`), its address, or an agent key's address.
		did: String,
	},
	/// Add a key: `<type>:0x<hex>` and a relationship.
	AddKey {
		key: String,
		relationship: String,
		/// The DID, if not the signer's own (the signer must control it).
		#[arg(long)]
		did: Option<String>,
	},
	/// Remove the key with this id.
	RemoveKey {
		key_id: u32,
		#[arg(long)]
		did: Option<String>,
	},
	/// Replace the key with this id by a new one (same relationship, new id).
	RotateKey {
		key_id: u32,
		new_key: String,
		#[arg(long)]
		did: Option<String>,
	},
	/// Add a service endpoint.
	AddService {
		id: String,
		service_type: String,
		url: String,
		#[arg(long)]
		did: Option<String>,
	},
	/// Remove a service endpoint.
	RemoveService {
		id: String,
		#[arg(long)]
		did: Option<String>,
	},
	/// Hand control of the DID to another account.
	SetController {
		new_controller: String,
		#[arg(long)]
		did: Option<String>,
	},
	/// Deactivate the DID for good.
	Deactivate {
		#[arg(long)]
		did: Option<String>,
	},
	/// Let an agent key act as the DID's owner within a scope, a spending cap and an expiry.
	AuthorizeAgent {
		/// The agent key's secret URI (or dev name): it signs its consent to the delegation.
		agent: String,
		/// `Pallet` or `Pallet.call`, e.g. `Ailocks.update`; repeatable.
		#[arg(long = "scope", required = true)]
		scopes: Vec<String>,
		/// Most AIL it may commit per period.
		#[arg(long, default_value = "0")]
		cap: String,
		/// Period length in blocks.
		#[arg(long, default_value_t = 14_400)]
		period: u32,
		/// Blocks from now until the delegation ends.
		#[arg(long, default_value_t = 100_800)]
		expires_in: u32,
		#[arg(long)]
		did: Option<String>,
	},
	/// Revoke an agent key at once.
	RevokeAgent {
		agent: String,
		#[arg(long)]
		did: Option<String>,
	},
}

fn target(cli: &Cli, did: &Option<String>) -> anyhow::Result<AccountId32> {
	match did {
		Some(did) => Ok(parse_did_account(did)?),
		None => Ok(accounts::account_of(&signer(cli)?)),
	}
}

pub async fn run(cli: &Cli, command: &DidCommand) -> anyhow::Result<()> {
	match command {
		DidCommand::Create { keys, services } => {
			let mut list = Vec::new();
			for spec in keys {
				let (key, relationship) = spec
					.rsplit_once('=')
					.ok_or_else(|| anyhow!("a key is `<type>:0x<hex>=<relationship>`"))?;
				list.push(convert(&(parse_key(key)?, parse_relationship(relationship)?)));
			}
			if keys.is_empty() {
				let own = DidPublicKey::Sr25519(ailock_client::did::sr25519_public(&signer(cli)?));
				for relationship in ["authentication", "assertion"] {
					list.push(convert(&(own.clone(), parse_relationship(relationship)?)));
				}
			}
			let services = services.iter().map(|s| parse_service(s)).collect::<Result<_, _>>()?;
			let call = api::tx().did().create(
				api::runtime_types::bounded_collections::bounded_vec::BoundedVec(list),
				api::runtime_types::bounded_collections::bounded_vec::BoundedVec(services),
			);
			send(cli, &call).await
		},
		DidCommand::Resolve { did } => {
			let account = parse_did_account(did)?;
			let client = connect(&cli.url).await?;
			let owner = client.did_of(&account).await?.unwrap_or(account);
			let resolution = client.resolve_did(&owner).await?;
			let document =
				w3c_document(&owner, &resolution).ok_or_else(|| anyhow!("no DID for {owner}"))?;
			println!("{}", serde_json::to_string_pretty(&document)?);
			if matches!(resolution, DidResolution::Deactivated { .. }) {
				eprintln!("this DID is deactivated");
			}
			Ok(())
		},
		DidCommand::AddKey { key, relationship, did } => {
			let call = api::tx().did().add_key(
				target(cli, did)?,
				convert(&parse_key(key)?),
				convert(&parse_relationship(relationship)?),
			);
			send(cli, &call).await
		},
		DidCommand::RemoveKey { key_id, did } => {
			send(cli, &api::tx().did().remove_key(target(cli, did)?, *key_id)).await
		},
		DidCommand::RotateKey { key_id, new_key, did } => {
			let call = api::tx().did().rotate_key(
				target(cli, did)?,
				*key_id,
				convert(&parse_key(new_key)?),
			);
			send(cli, &call).await
		},
		DidCommand::AddService { id, service_type, url, did } => {
			let call = api::tx().did().add_service(
				target(cli, did)?,
				ServiceEndpoint {
					id: bounded_text(id),
					service_type: bounded_text(service_type),
					url: bounded_text(url),
				},
			);
			send(cli, &call).await
		},
		DidCommand::RemoveService { id, did } => {
			send(cli, &api::tx().did().remove_service(target(cli, did)?, bounded_text(id))).await
		},
		DidCommand::SetController { new_controller, did } => {
			let call = api::tx()
				.did()
				.change_controller(target(cli, did)?, parse_did_account(new_controller)?);
			send(cli, &call).await
		},
		DidCommand::Deactivate { did } => {
			send(cli, &api::tx().did().deactivate(target(cli, did)?)).await
		},
		DidCommand::AuthorizeAgent { agent, scopes, cap, period, expires_in, did } => {
			let scope = scopes.iter().map(|s| parse_scope(s)).collect::<Result<Vec<_>, _>>()?;
			let client = connect(&cli.url).await?;
			let (_, best) = client.best_block().await?;
			let expires_at = u32::try_from(best)
				.ok()
				.and_then(|b| b.checked_add(*expires_in))
				.context("expiry beyond the last block number")?;
			let agent_key = accounts::keypair(agent)
				.context("the agent key signs its consent: give its secret URI")?;
			let did = target(cli, did)?;
			let cap = amount(cap)?;
			let proof = ailock_client::did::agent_consent(
				&agent_key, &did, &scope, cap, *period, expires_at,
			);
			let call = api::tx().did().authorize_agent(
				did,
				accounts::account_of(&agent_key),
				api::runtime_types::bounded_collections::bounded_vec::BoundedVec(scope),
				cap,
				*period,
				expires_at,
				proof,
			);
			send(cli, &call).await
		},
		DidCommand::RevokeAgent { agent, did } => {
			send(cli, &api::tx().did().revoke_agent(target(cli, did)?, parse_did_account(agent)?))
				.await
		},
	}
}
