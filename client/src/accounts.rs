//! Names for accounts: SS58 addresses, secret URIs (`//Alice`, a mnemonic, `0x…` seed) and the
//! well-known development names (`alice`, `Bob`, …).

use subxt::utils::AccountId32;
use subxt_signer::{sr25519::Keypair, SecretUri};

/// The development accounts, which every dev and local chain endows.
pub const DEV_NAMES: [&str; 6] = ["alice", "bob", "charlie", "dave", "eve", "ferdie"];

/// Why an account or signer could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AccountError {
	/// Not an SS58 address, a dev name or a secret URI.
	#[error("`{0}` is not an SS58 address, a dev account name or a secret URI")]
	Unrecognised(String),
	/// A secret URI that does not yield a key.
	#[error("invalid secret URI: {0}")]
	InvalidSecret(String),
}

/// A dev name (`alice`, `Alice`) as its secret URI (`//Alice`); anything else unchanged.
fn expand_dev_name(text: &str) -> String {
	let lower = text.to_ascii_lowercase();
	if DEV_NAMES.contains(&lower.as_str()) {
		let mut name = lower;
		name[..1].make_ascii_uppercase();
		format!("//{name}")
	} else {
		text.to_string()
	}
}

/// The sr25519 key pair of a secret URI or dev name.
pub fn keypair(suri: &str) -> Result<Keypair, AccountError> {
	let expanded = expand_dev_name(suri.trim());
	let uri: SecretUri =
		expanded.parse().map_err(|e| AccountError::InvalidSecret(format!("{e}")))?;
	Keypair::from_uri(&uri).map_err(|e| AccountError::InvalidSecret(format!("{e}")))
}

/// The account of a key pair.
pub fn account_of(keypair: &Keypair) -> AccountId32 {
	keypair.public_key().to_account_id()
}

/// An account from an SS58 address, a dev name or a secret URI (whose public key is used).
pub fn parse_account(text: &str) -> Result<AccountId32, AccountError> {
	let text = text.trim();
	if let Ok(account) = text.parse::<AccountId32>() {
		return Ok(account);
	}
	let looks_secret = text.starts_with("//")
		|| text.starts_with("0x")
		|| text.split_whitespace().count() >= 12
		|| DEV_NAMES.contains(&text.to_ascii_lowercase().as_str());
	if looks_secret {
		return keypair(text).map(|pair| account_of(&pair));
	}
	Err(AccountError::Unrecognised(text.to_string()))
}

#[cfg(test)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	#[test]
	fn reads_addresses_dev_names_and_uris_alike() {
		for name in ["alice", "Alice", "//Alice", ALICE] {
			assert_eq!(parse_account(name).unwrap().to_string(), ALICE, "{name}");
		}
		assert_ne!(parse_account("//Alice//stash").unwrap().to_string(), ALICE);
	}

	#[test]
	fn rejects_what_is_not_an_account() {
		assert!(matches!(parse_account("mallory"), Err(AccountError::Unrecognised(_))));
		assert!(matches!(parse_account("5Grwva"), Err(AccountError::Unrecognised(_))));
		assert!(keypair("0xzz").is_err());
	}
}
