//! Runtime-level checks: presets, fees, metadata and the checked-in client metadata.

use crate::{
	configs::WeightToFee, genesis_config_presets, AccountId, Balances, Grandpa, Runtime,
	RuntimeGenesisConfig, TransactionPayment, AIL, EXISTENTIAL_DEPOSIT, MILLI_AIL, VERSION,
};
use frame_support::{
	genesis_builder_helper::build_state,
	weights::{constants::ExtrinsicBaseWeight, WeightToFee as _},
};
use sp_keyring::Sr25519Keyring;

/// Applies a JSON patch the way chain-spec builders do: objects merge key by key, anything else
/// replaces.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

fn genesis_of(preset: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&preset.into()).expect("preset exists");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("default config serializes");
	merge(&mut config, serde_json::from_slice(&patch).expect("preset is JSON"));
	let config = serde_json::to_vec(&config).expect("config serializes");
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| build_state::<RuntimeGenesisConfig>(config).expect("preset builds"));
	ext
}

fn account(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

#[test]
fn development_preset_has_one_authority_and_endowed_dev_accounts() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Sr25519Keyring::Alice)));
		for key in [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Ferdie] {
			assert_eq!(Balances::free_balance(account(key)), genesis_config_presets::ENDOWMENT);
		}
		assert_eq!(Balances::free_balance(account(Sr25519Keyring::One)), 0);
	});
}

#[test]
fn local_testnet_preset_has_alice_and_bob_as_authorities() {
	genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_iter().collect();
		let alice: sp_consensus_aura::sr25519::AuthorityId = Sr25519Keyring::Alice.public().into();
		let bob: sp_consensus_aura::sr25519::AuthorityId = Sr25519Keyring::Bob.public().into();
		assert_eq!(aura, vec![alice, bob]);
		assert_eq!(Grandpa::grandpa_authorities().len(), 2);
	});
}

#[test]
fn unknown_presets_are_refused() {
	assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
	let names = genesis_config_presets::preset_names();
	assert_eq!(names.len(), 2);
}

#[test]
fn token_and_fees_have_the_documented_scale() {
	assert_eq!(crate::TOKEN_DECIMALS, 12);
	assert_eq!(AIL, 10u128.pow(12));
	assert_eq!(EXISTENTIAL_DEPOSIT, MILLI_AIL, "0.001 AIL keeps an account alive");
	// A transaction of the base weight costs 0.0001 AIL (within rounding of the polynomial).
	let base_fee = WeightToFee::weight_to_fee(&ExtrinsicBaseWeight::get());
	assert!(base_fee.abs_diff(MILLI_AIL / 10) <= 1, "base fee {base_fee}");
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(TransactionPayment::length_to_fee(1_000), 1_000 * crate::MICRO_AIL);
	});
}

#[test]
fn spec_identifies_the_chain() {
	assert_eq!(VERSION.spec_name, "ailock");
	assert_eq!(VERSION.impl_name, "ailock-node");
}

#[test]
fn metadata_v15_and_v16_are_served_with_check_metadata_hash() {
	let versions = Runtime::metadata_versions();
	assert!(versions.contains(&15) && versions.contains(&16), "{versions:?}");
	let v16 = Runtime::metadata_at_version(16).expect("v16 is served");
	let text = String::from_utf8_lossy(&v16);
	for extension in ["CheckMetadataHash", "ChargeTransactionPayment", "CheckMortality"] {
		assert!(text.contains(extension), "{extension} missing from the metadata");
	}
}

/// The client's static bindings are generated from `client/metadata/ailock.scale`; they must
/// describe this runtime. `scripts/metadata.sh` rewrites the file (it runs this test with
/// `AILOCK_BLESS_METADATA=1`).
#[test]
fn checked_in_client_metadata_is_current() {
	let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../client/metadata/ailock.scale");
	let current = Runtime::metadata_at_version(16).expect("v16 is served").to_vec();
	if std::env::var("AILOCK_BLESS_METADATA").as_deref() == Ok("1") {
		std::fs::write(path, &current).expect("metadata file is writable");
		return;
	}
	let checked_in = std::fs::read(path).unwrap_or_default();
	assert!(
		checked_in == current,
		"client/metadata/ailock.scale is stale: run scripts/metadata.sh and commit the result"
	);
}
