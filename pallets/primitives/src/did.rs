//! DID key material shared by the DID pallet, the orchestrator and the client, and the verifier
//! for payloads a DID signs off chain with one of its assertion keys.
//!
//! A DID on Ailock Network is `did:ailock:<ss58 address>`: the account *is* the identifier. Its
//! document lists verification methods, each a public key bound to one verification relationship
//! (W3C DID Core §5.3). Signing keys (sr25519, ed25519, ecdsa) serve authentication, assertion and
//! capability relationships; X25519 keys serve key agreement only, for messages encrypted between
//! assistants.
//!
//! Off-chain assertions are signed over [`assertion_payload`], which binds the signature to the
//! DID and a domain tag so a signature made for one DID or for a transaction can never be replayed
//! as another DID's assertion.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
pub use sp_core::{ecdsa, ed25519, sr25519};

/// Identifier of a verification method inside one DID document (`did:ailock:<addr>#key-<id>`).
pub type KeyId = u32;

/// Domain tag of off-chain assertions; changing it invalidates every earlier signature.
pub const ASSERTION_DOMAIN: &[u8] = b"ailock/did-assertion/v1";

/// A public key in a DID document.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub enum DidPublicKey {
	/// Schnorrkel/Ristretto signing key (the default key of Substrate wallets).
	Sr25519(sr25519::Public),
	/// Edwards signing key.
	Ed25519(ed25519::Public),
	/// secp256k1 signing key, compressed.
	Ecdsa(ecdsa::Public),
	/// Curve25519 Diffie-Hellman key, for key agreement only.
	X25519([u8; 32]),
}

impl DidPublicKey {
	/// Whether this key can sign (everything but X25519).
	pub fn is_signing_key(&self) -> bool {
		!matches!(self, DidPublicKey::X25519(_))
	}

	/// Whether the key may serve `relationship`: key agreement needs X25519, every other
	/// relationship needs a signing key.
	pub fn fits(&self, relationship: VerificationRelationship) -> bool {
		match relationship {
			VerificationRelationship::KeyAgreement => !self.is_signing_key(),
			_ => self.is_signing_key(),
		}
	}

	/// The raw public key bytes.
	pub fn as_bytes(&self) -> &[u8] {
		match self {
			DidPublicKey::Sr25519(key) => key.as_ref(),
			DidPublicKey::Ed25519(key) => key.as_ref(),
			DidPublicKey::Ecdsa(key) => key.as_ref(),
			DidPublicKey::X25519(key) => key,
		}
	}
}

/// What a verification method may be used for (W3C DID Core verification relationships).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum VerificationRelationship {
	/// Proving control of the DID (logging in, answering challenges).
	Authentication,
	/// Signing statements: the assistant's messages and attestations.
	AssertionMethod,
	/// Establishing encrypted channels (X25519 only).
	KeyAgreement,
	/// Invoking capabilities granted to the DID.
	CapabilityInvocation,
	/// Delegating capabilities to others.
	CapabilityDelegation,
}

impl VerificationRelationship {
	/// The property name in a W3C DID document.
	pub fn as_w3c_property(self) -> &'static str {
		match self {
			VerificationRelationship::Authentication => "authentication",
			VerificationRelationship::AssertionMethod => "assertionMethod",
			VerificationRelationship::KeyAgreement => "keyAgreement",
			VerificationRelationship::CapabilityInvocation => "capabilityInvocation",
			VerificationRelationship::CapabilityDelegation => "capabilityDelegation",
		}
	}
}

/// A key bound to one relationship in a DID document.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct VerificationMethod {
	/// Unique within the document; never reused after removal or rotation.
	pub id: KeyId,
	/// The public key.
	pub key: DidPublicKey,
	/// What the key may be used for.
	pub relationship: VerificationRelationship,
}

/// A signature by one of a DID's signing keys.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub enum DidSignature {
	/// By an sr25519 key.
	Sr25519(sr25519::Signature),
	/// By an ed25519 key.
	Ed25519(ed25519::Signature),
	/// By an ecdsa key (over the BLAKE2-256 hash of the message).
	Ecdsa(ecdsa::Signature),
}

/// Why an off-chain assertion does not verify.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssertionError {
	/// The document has no verification method with this id.
	UnknownKey,
	/// The key exists but is not an assertion key.
	NotAnAssertionKey,
	/// The signature's scheme differs from the key's.
	SchemeMismatch,
	/// The signature does not match the payload.
	BadSignature,
}

impl core::fmt::Display for AssertionError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			AssertionError::UnknownKey => "the DID document has no key with this id",
			AssertionError::NotAnAssertionKey => "the key is not an assertionMethod key",
			AssertionError::SchemeMismatch => "the signature scheme differs from the key's",
			AssertionError::BadSignature => "the signature does not match the payload",
		})
	}
}

impl core::error::Error for AssertionError {}

/// The bytes an assertion key signs for `payload` on behalf of `did` (the DID's account bytes).
pub fn assertion_payload(did: &[u8], payload: &[u8]) -> Vec<u8> {
	(ASSERTION_DOMAIN, did, payload).encode()
}

/// Checks that `signature` over `payload` was made by the assertion key `key_id` of the DID whose
/// account bytes are `did` and whose verification methods are `methods`.
pub fn verify_assertion(
	did: &[u8],
	methods: &[VerificationMethod],
	key_id: KeyId,
	payload: &[u8],
	signature: &DidSignature,
) -> Result<(), AssertionError> {
	let method = methods.iter().find(|m| m.id == key_id).ok_or(AssertionError::UnknownKey)?;
	if method.relationship != VerificationRelationship::AssertionMethod {
		return Err(AssertionError::NotAnAssertionKey);
	}
	let message = assertion_payload(did, payload);
	let valid = match (&method.key, signature) {
		(DidPublicKey::Sr25519(key), DidSignature::Sr25519(sig)) => {
			sp_io::crypto::sr25519_verify(sig, &message, key)
		},
		(DidPublicKey::Ed25519(key), DidSignature::Ed25519(sig)) => {
			sp_io::crypto::ed25519_verify(sig, &message, key)
		},
		(DidPublicKey::Ecdsa(key), DidSignature::Ecdsa(sig)) => {
			sp_io::crypto::ecdsa_verify(sig, &message, key)
		},
		_ => return Err(AssertionError::SchemeMismatch),
	};
	if valid {
		Ok(())
	} else {
		Err(AssertionError::BadSignature)
	}
}

/// Domain of an agent key's consent signature (`Did.authorize_agent`): the key signs
/// `SCALE(AGENT_CONSENT_CONTEXT, did, agent, scope, spend_cap, period, expires_at)`, so the
/// signature can never be taken for another payload.
pub const AGENT_CONSENT_CONTEXT: [u8; 20] = *b"ailock/agent-consent";

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::Pair;

	const DID: [u8; 32] = [7; 32];

	fn methods() -> (Vec<VerificationMethod>, sr25519::Pair, ed25519::Pair, ecdsa::Pair) {
		let sr = sr25519::Pair::from_seed(&[1; 32]);
		let ed = ed25519::Pair::from_seed(&[2; 32]);
		let ec = ecdsa::Pair::from_seed(&[3; 32]);
		let methods = vec![
			VerificationMethod {
				id: 0,
				key: DidPublicKey::Sr25519(sr.public()),
				relationship: VerificationRelationship::AssertionMethod,
			},
			VerificationMethod {
				id: 1,
				key: DidPublicKey::Ed25519(ed.public()),
				relationship: VerificationRelationship::AssertionMethod,
			},
			VerificationMethod {
				id: 2,
				key: DidPublicKey::Ecdsa(ec.public()),
				relationship: VerificationRelationship::AssertionMethod,
			},
			VerificationMethod {
				id: 3,
				key: DidPublicKey::Sr25519(sr.public()),
				relationship: VerificationRelationship::Authentication,
			},
			VerificationMethod {
				id: 4,
				key: DidPublicKey::X25519([9; 32]),
				relationship: VerificationRelationship::KeyAgreement,
			},
		];
		(methods, sr, ed, ec)
	}

	#[test]
	fn every_scheme_verifies_its_own_assertions() {
		let (methods, sr, ed, ec) = methods();
		let payload = b"offer: translate 40 pages for 2000 AIL";
		let message = assertion_payload(&DID, payload);
		let sr_sig = DidSignature::Sr25519(sr.sign(&message));
		let ed_sig = DidSignature::Ed25519(ed.sign(&message));
		let ec_sig = DidSignature::Ecdsa(ec.sign(&message));
		assert_eq!(verify_assertion(&DID, &methods, 0, payload, &sr_sig), Ok(()));
		assert_eq!(verify_assertion(&DID, &methods, 1, payload, &ed_sig), Ok(()));
		assert_eq!(verify_assertion(&DID, &methods, 2, payload, &ec_sig), Ok(()));
	}

	#[test]
	fn rejects_what_the_did_did_not_assert() {
		let (methods, sr, ed, _) = methods();
		let payload = b"hello";
		let sig = DidSignature::Sr25519(sr.sign(&assertion_payload(&DID, payload)));
		// Tampered payload, another DID, a raw signature without the domain tag.
		assert_eq!(
			verify_assertion(&DID, &methods, 0, b"hellO", &sig),
			Err(AssertionError::BadSignature)
		);
		assert_eq!(
			verify_assertion(&[8; 32], &methods, 0, payload, &sig),
			Err(AssertionError::BadSignature)
		);
		let raw = DidSignature::Sr25519(sr.sign(payload));
		assert_eq!(
			verify_assertion(&DID, &methods, 0, payload, &raw),
			Err(AssertionError::BadSignature)
		);
		// Right signature, wrong relationship or key.
		assert_eq!(
			verify_assertion(&DID, &methods, 3, payload, &sig),
			Err(AssertionError::NotAnAssertionKey)
		);
		assert_eq!(
			verify_assertion(&DID, &methods, 9, payload, &sig),
			Err(AssertionError::UnknownKey)
		);
		let ed_sig = DidSignature::Ed25519(ed.sign(&assertion_payload(&DID, payload)));
		assert_eq!(
			verify_assertion(&DID, &methods, 0, payload, &ed_sig),
			Err(AssertionError::SchemeMismatch)
		);
	}

	#[test]
	fn only_x25519_keys_agree_keys() {
		let (methods, ..) = methods();
		for m in &methods {
			assert!(m.key.fits(m.relationship));
		}
		assert!(!methods[4].key.fits(VerificationRelationship::Authentication));
		assert!(!methods[0].key.fits(VerificationRelationship::KeyAgreement));
	}
}
