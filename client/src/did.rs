//! DIDs: resolving through the runtime API and rendering W3C DID documents (keys, scopes and
//! relationships are read by [`crate::input`]).

pub use crate::api::runtime_types::pallet_did::types::{
	CallScope, DidResolution, ResolvedDelegation, ServiceEndpoint,
};
use crate::input::text;
use crate::{api, convert, AilockClient, Balance};
pub use ailock_primitives::did::{sr25519, DidPublicKey, VerificationRelationship};
use serde_json::{json, Value};
use subxt::utils::AccountId32;

/// A resolution as the chain returns it.
pub type Resolution = DidResolution<AccountId32, u32, Balance>;

/// The agent key's consent to be bound to `did` on these terms (`Did.authorize_agent`'s
/// `proof`): its signature over `SCALE(AGENT_CONSENT_CONTEXT, did, agent, scope, spend_cap,
/// period, expires_at)`, exactly what the pallet verifies.
pub fn agent_consent(
	agent: &crate::Keypair,
	did: &AccountId32,
	scope: &[CallScope],
	spend_cap: Balance,
	period: u32,
	expires_at: u32,
) -> api::runtime_types::sp_runtime::MultiSignature {
	use codec::Encode;
	let agent_account = crate::accounts::account_of(agent);
	let payload = (
		ailock_primitives::did::AGENT_CONSENT_CONTEXT,
		did,
		agent_account,
		scope,
		spend_cap,
		period,
		expires_at,
	)
		.encode();
	api::runtime_types::sp_runtime::MultiSignature::Sr25519(agent.sign(&payload).0)
}

/// The sr25519 public key of a signer, as a DID key.
pub fn sr25519_public(signer: &crate::Keypair) -> sr25519::Public {
	sr25519::Public::from_raw(signer.public_key().0)
}

/// `did:ailock:<ss58 address>`.
pub fn did_uri(account: &AccountId32) -> String {
	format!("did:ailock:{account}")
}

/// The multicodec-prefixed, base58btc multibase form of a public key (`z6Mk…` for ed25519).
pub fn multibase(key: &DidPublicKey) -> String {
	let prefix: [u8; 2] = match key {
		DidPublicKey::Ed25519(_) => [0xed, 0x01],
		DidPublicKey::Sr25519(_) => [0xef, 0x01],
		DidPublicKey::Ecdsa(_) => [0xe7, 0x01],
		DidPublicKey::X25519(_) => [0xec, 0x01],
	};
	let mut bytes = prefix.to_vec();
	bytes.extend_from_slice(key.as_bytes());
	format!("z{}", bs58::encode(bytes).into_string())
}

fn verification_type(key: &DidPublicKey) -> &'static str {
	match key {
		DidPublicKey::Ed25519(_) => "Ed25519VerificationKey2020",
		DidPublicKey::Sr25519(_) => "Sr25519VerificationKey2020",
		DidPublicKey::Ecdsa(_) => "EcdsaSecp256k1VerificationKey2019",
		DidPublicKey::X25519(_) => "X25519KeyAgreementKey2020",
	}
}

fn scope_text(scope: &CallScope) -> String {
	match &scope.call {
		Some(call) => format!("{}.{}", text(&scope.pallet.0), text(&call.0)),
		None => text(&scope.pallet.0),
	}
}

fn service_json(did: &str, service: &ServiceEndpoint) -> Value {
	json!({
		"id": format!("{did}#{}", text(&service.id.0)),
		"type": text(&service.service_type.0),
		"serviceEndpoint": text(&service.url.0),
	})
}

fn agent_json(agent: &ResolvedDelegation<AccountId32, u32, Balance>) -> Value {
	json!({
		"agent": agent.agent.to_string(),
		"scope": agent.scope.iter().map(scope_text).collect::<Vec<_>>(),
		"spendCap": crate::format_amount(agent.spend_cap),
		"periodBlocks": agent.period,
		"periodStart": agent.period_start,
		"spentInPeriod": crate::format_amount(agent.spent_in_period),
		"expiresAt": agent.expires_at,
		"authorizedAt": agent.authorized_at,
	})
}

/// The W3C DID document (DID Core 1.0) of a resolution, with the chain's extra facts (deposit,
/// agents, blocks) under `ailock`. `None` when there is no such DID.
pub fn w3c_document(did_account: &AccountId32, resolution: &Resolution) -> Option<Value> {
	let did = did_uri(did_account);
	let doc = match resolution {
		DidResolution::NotFound => return None,
		DidResolution::Deactivated { at } => {
			return Some(json!({
				"@context": ["https://www.w3.org/ns/did/v1"],
				"id": did,
				"deactivated": true,
				"ailock": { "deactivatedAt": at },
			}))
		},
		DidResolution::Active(doc) => doc,
	};
	let mut methods = Vec::new();
	let mut relationships: std::collections::BTreeMap<&str, Vec<Value>> = Default::default();
	for method in &doc.keys {
		let key: DidPublicKey = convert(&method.key);
		let relationship: VerificationRelationship = convert(&method.relationship);
		let id = format!("{did}#key-{}", method.id);
		methods.push(json!({
			"id": id,
			"type": verification_type(&key),
			"controller": did_uri(&doc.controller),
			"publicKeyMultibase": multibase(&key),
		}));
		relationships.entry(relationship.as_w3c_property()).or_default().push(json!(id));
	}
	let mut document = json!({
		"@context": [
			"https://www.w3.org/ns/did/v1",
			"https://w3id.org/security/multikey/v1"
		],
		"id": did,
		"controller": did_uri(&doc.controller),
		"verificationMethod": methods,
		"service": doc.services.iter().map(|s| service_json(&did, s)).collect::<Vec<_>>(),
		"ailock": {
			"account": did_account.to_string(),
			"deposit": crate::format_amount(doc.deposit),
			"createdAt": doc.created_at,
			"updatedAt": doc.updated_at,
			"agents": doc.agents.iter().map(agent_json).collect::<Vec<_>>(),
		},
	});
	if let Some(object) = document.as_object_mut() {
		for (property, ids) in relationships {
			object.insert(property.to_string(), Value::Array(ids));
		}
	}
	Some(document)
}

impl AilockClient {
	/// Resolves a DID at the latest finalized block.
	pub async fn resolve_did(&self, did: &AccountId32) -> Result<Resolution, subxt::Error> {
		let at = self.at_finalized().await?;
		Ok(at.runtime_apis().call(api::runtime_apis().did_api().resolve(*did)).await?)
	}

	/// The DID `account` speaks for: its own, or the one it is an agent key of.
	pub async fn did_of(&self, account: &AccountId32) -> Result<Option<AccountId32>, subxt::Error> {
		let at = self.at_finalized().await?;
		Ok(at.runtime_apis().call(api::runtime_apis().did_api().did_of(*account)).await?)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::input::*;

	#[test]
	fn reads_keys_relationships_and_scopes() {
		let key = parse_key(&format!("ed25519:0x{}", "11".repeat(32))).unwrap();
		assert!(matches!(key, DidPublicKey::Ed25519(_)));
		assert!(multibase(&key).starts_with("z6Mk"), "{}", multibase(&key));
		assert_eq!(parse_key("ed25519:0x11"), Err(InputError::KeyLength("ed25519", 32)));
		assert!(parse_key(&format!("ecdsa:{}", "02".repeat(33))).is_ok());
		assert!(parse_key("rsa:0x00").is_err());
		assert_eq!(parse_relationship("key-agreement"), Ok(VerificationRelationship::KeyAgreement));
		assert_eq!(
			parse_relationship("assertionMethod"),
			Ok(VerificationRelationship::AssertionMethod)
		);
		assert!(parse_relationship("signing").is_err());
		let scope = parse_scope("Ailocks.update").unwrap();
		assert_eq!(scope_text(&scope), "Ailocks.update");
		assert_eq!(scope_text(&parse_scope("Ailocks").unwrap()), "Ailocks");
		assert!(parse_scope("Ailocks.").is_err());
		assert!(parse_scope("Ail ocks").is_err());
	}
}
