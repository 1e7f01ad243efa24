//! Runtime-level checks: presets, fees, metadata and the checked-in client metadata.

use crate::{
	configs::WeightToFee, genesis_config_presets, AccountId, Balances, Grandpa, Runtime,
	TransactionPayment, AIL, EXISTENTIAL_DEPOSIT, MILLI_AIL, VERSION,
};
use frame_support::weights::{constants::ExtrinsicBaseWeight, WeightToFee as _};
use sp_keyring::Sr25519Keyring;

fn genesis_of(preset: &str) -> sp_io::TestExternalities {
	genesis_config_presets::preset_state(preset).expect("preset builds")
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

const METADATA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../client/metadata/ailock.scale");
/// The spec version the checked-in metadata was generated at.
const SPEC_PATH: &str =
	concat!(env!("CARGO_MANIFEST_DIR"), "/../client/metadata/ailock.spec_version");

fn checked_in_spec_version() -> u32 {
	std::fs::read_to_string(SPEC_PATH)
		.ok()
		.and_then(|text| text.trim().parse().ok())
		.unwrap_or_default()
}

/// The client's static bindings are generated from `client/metadata/ailock.scale`; they must
/// describe this runtime. `scripts/metadata.sh` rewrites the file and the spec version beside
/// it (it runs this test with `AILOCK_BLESS_METADATA=1`), refusing while a changed runtime
/// still carries the old spec version.
#[test]
fn checked_in_client_metadata_is_current() {
	let current = Runtime::metadata_at_version(16).expect("v16 is served").to_vec();
	let checked_in = std::fs::read(METADATA_PATH).unwrap_or_default();
	if std::env::var("AILOCK_BLESS_METADATA").as_deref() == Ok("1") {
		assert!(
			checked_in == current || VERSION.spec_version > checked_in_spec_version(),
			"the runtime changed: bump spec_version in runtime/src/lib.rs first"
		);
		std::fs::write(METADATA_PATH, &current).expect("metadata file is writable");
		std::fs::write(SPEC_PATH, format!("{}\n", VERSION.spec_version))
			.expect("spec version file is writable");
		return;
	}
	assert!(
		checked_in == current,
		"client/metadata/ailock.scale is stale: run scripts/metadata.sh and commit the result"
	);
	assert_eq!(
		checked_in_spec_version(),
		VERSION.spec_version,
		"client/metadata/ailock.spec_version differs: run scripts/metadata.sh"
	);
}

/// Every runtime change that shows in the metadata (calls, events, errors, storage, docs) comes
/// with a new spec version, so nodes and clients never see two runtimes under one version.
#[test]
fn a_changed_runtime_has_a_new_spec_version() {
	let current = Runtime::metadata_at_version(16).expect("v16 is served").to_vec();
	let checked_in = std::fs::read(METADATA_PATH).unwrap_or_default();
	if checked_in != current {
		assert!(
			VERSION.spec_version > checked_in_spec_version(),
			"the runtime's metadata differs from client/metadata/ailock.scale but spec_version \
			 is still {}: bump it",
			VERSION.spec_version
		);
	}
}

#[test]
fn a_one_block_boost_works_on_a_fresh_dev_chain() {
	use ailock_primitives::geo::GeoCell;
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let alice = account(Sr25519Keyring::Alice);
		let treasury = crate::configs::AilocksTreasury::get();
		assert_eq!(Balances::free_balance(&treasury), EXISTENTIAL_DEPOSIT);
		let origin = crate::RuntimeOrigin::signed(alice.clone());
		frame_support::assert_ok!(crate::Did::create(
			origin.clone(),
			Default::default(),
			Default::default()
		));
		let profile = city_profile();
		frame_support::assert_ok!(crate::Ailocks::register(origin.clone(), profile));
		let fee = <Runtime as pallet_ailocks::Config>::BoostFeePerBlock::get();
		assert!(fee < EXISTENTIAL_DEPOSIT, "the case the endowment is for");
		frame_support::assert_ok!(crate::Ailocks::boost(
			origin,
			GeoCell::parse("u281").expect("a cell"),
			1
		));
		assert_eq!(Balances::free_balance(&treasury), EXISTENTIAL_DEPOSIT + fee);
	});
}

/// A city-level profile in Munich.
fn city_profile() -> pallet_ailocks::ProfileOf<Runtime> {
	use ailock_primitives::geo::{CountryCode, GeoCell, SharingLevel};
	pallet_ailocks::types::Profile {
		name: frame_support::BoundedVec::truncate_from(b"Alice's Ailock".to_vec()),
		avatar: 1,
		languages: Default::default(),
		skills: frame_support::BoundedVec::truncate_from(vec![
			ailock_primitives::profile::normalise_tag("translation").expect("a tag"),
		]),
		domains: Default::default(),
		pricing: pallet_ailocks::types::Pricing { min_price: AIL, hourly_rate: AIL },
		capacity: 1,
		availability: ailock_primitives::profile::WeeklyAvailability::ALWAYS,
		utc_offset_minutes: 60,
		location: pallet_ailocks::types::Location {
			sharing: SharingLevel::City,
			cell: Some(GeoCell::parse("u281z").expect("a cell")),
			country: Some(CountryCode::new(*b"DE").expect("a country")),
			commitment: Default::default(),
		},
	}
}

#[test]
fn deposits_are_held_under_each_pallets_reason_at_the_documented_price() {
	use crate::{configs, RuntimeHoldReason, MICRO_AIL};
	use frame_support::traits::fungible::InspectHold;
	let held = |reason: RuntimeHoldReason, who: &AccountId| Balances::balance_on_hold(&reason, who);
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let alice = account(Sr25519Keyring::Alice);
		let bob = account(Sr25519Keyring::Bob);
		let origin = crate::RuntimeOrigin::signed(alice.clone());
		frame_support::assert_ok!(crate::Did::create(
			origin.clone(),
			Default::default(),
			Default::default()
		));
		// Two empty lists encode as one byte each.
		let did = 100 * MILLI_AIL + 2 * 100 * MICRO_AIL;
		assert_eq!(held(configs::DidHoldReason::get(), &alice), did);
		let pallet_did::types::DidResolution::Active(document) = crate::Did::resolve(&alice) else {
			panic!("the DID is active")
		};
		assert_eq!(document.deposit, did);

		let profile = city_profile();
		let profile_bytes = codec::Encode::encoded_size(&profile) as u128;
		frame_support::assert_ok!(crate::Ailocks::register(origin.clone(), profile));
		let registration = 500 * MILLI_AIL + profile_bytes * 100 * MICRO_AIL;
		assert_eq!(held(configs::ProfileHoldReason::get(), &alice), registration);
		frame_support::assert_ok!(crate::Ailocks::trust(origin, bob));
		assert_eq!(
			held(configs::ProfileHoldReason::get(), &alice),
			registration + 10 * MILLI_AIL,
			"a list entry counts for 100 bytes"
		);
		assert_eq!(held(configs::DidHoldReason::get(), &alice), did, "other reasons untouched");
	});
	// Deactivation releases the document's deposit before holding the tombstone, so the
	// smallest document's deposit covers it.
	assert!(configs::DidTombstoneDeposit::get() <= configs::DidDeposit::get());
}

/// Did, Ailocks and Intents as the runtime wires them together: what each pallet's own tests
/// replace with a stand-in (the intents tests use a small in-mock registry).
mod market_wiring {
	use super::*;
	use crate::{Ailocks, Did, Intents, RuntimeOrigin};
	use ailock_primitives::{
		geo::{CountryCode, GeoCell, LocationTier},
		matching::{Flexibility, MatchingWeights},
		profile::{normalise_tag, LanguageCode},
	};
	use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
	use pallet_intents::types::{Description, IntentDetails, Offer, Target, Urgency};

	fn signed(who: &AccountId) -> RuntimeOrigin {
		RuntimeOrigin::signed(who.clone())
	}

	/// The dev chain at block 1 with DIDs for Bob, Charlie and Dave; Alice is its matcher.
	fn market(test: impl FnOnce(AccountId, AccountId, AccountId)) {
		genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			frame_system::Pallet::<Runtime>::set_block_number(1);
			let [bob, charlie, dave] =
				[Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave].map(account);
			for who in [&bob, &charlie, &dave] {
				assert_ok!(Did::create(signed(who), Default::default(), Default::default()));
			}
			test(bob, charlie, dave);
			Did::do_try_state().expect("DID invariants hold");
			Ailocks::do_try_state().expect("registry invariants hold");
			Intents::do_try_state().expect("market invariants hold");
		});
	}

	/// [`city_profile`] at `geohash` in `country`.
	fn profile_at(geohash: &str, country: &[u8; 2]) -> pallet_ailocks::ProfileOf<Runtime> {
		let mut profile = city_profile();
		profile.location.cell = Some(GeoCell::parse(geohash).expect("a cell"));
		profile.location.country = Some(CountryCode::new(*country).expect("a country"));
		profile
	}

	/// Translation work in Munich for 10 AIL.
	fn munich_translation() -> pallet_intents::DetailsOf<Runtime> {
		IntentDetails {
			title: BoundedVec::truncate_from(b"Translate a manual".to_vec()),
			description: Description::Text(BoundedVec::truncate_from(b"EN->DE".to_vec())),
			category: normalise_tag("translation").expect("a tag"),
			skills: BoundedVec::truncate_from(vec![normalise_tag("translation").expect("a tag")]),
			languages: BoundedVec::truncate_from(vec![LanguageCode(*b"de")]),
			target: Target {
				cell: Some(GeoCell::parse("u281z").expect("a cell")),
				country: Some(CountryCode::new(*b"DE").expect("a country")),
				flexibility: Flexibility::Preferred,
			},
			budget: 10 * AIL,
			deadline: 1_000,
			urgency: Urgency::Normal,
			weights: MatchingWeights::BALANCED,
		}
	}

	#[test]
	fn deregistering_an_ailock_withdraws_its_offer_and_releases_both_deposits() {
		market(|bob, _, _| {
			assert_ok!(Ailocks::register(signed(&bob), profile_at("u281z", b"DE")));
			let offer = Offer {
				skills: BoundedVec::truncate_from(vec![
					normalise_tag("translation").expect("a tag")
				]),
				price: AIL,
				area: GeoCell::parse("u281").expect("a cell"),
				reach: LocationTier::SameRegion,
				capacity: 1,
			};
			assert_ok!(Intents::post_offer(signed(&bob), offer));
			let offer_hold = crate::configs::OfferHoldReason::get();
			let offer_deposit = Balances::balance_on_hold(&offer_hold, &bob);
			assert!(offer_deposit > 0);
			let free = Balances::free_balance(&bob);
			let profile_deposit =
				pallet_ailocks::Ailocks::<Runtime>::get(&bob).expect("registered").deposit;

			assert_ok!(Ailocks::deregister(signed(&bob)));
			assert!(pallet_intents::Offers::<Runtime>::get(&bob).is_none());
			assert_eq!(Balances::balance_on_hold(&offer_hold, &bob), 0);
			assert_eq!(Balances::free_balance(&bob), free + offer_deposit + profile_deposit);
			frame_system::Pallet::<Runtime>::assert_has_event(
				pallet_intents::Event::OfferWithdrawn {
					ailock: bob,
					deposit_released: offer_deposit,
				}
				.into(),
			);
		});
	}

	#[test]
	fn a_did_with_a_registered_ailock_stays_active() {
		market(|bob, _, _| {
			assert_ok!(Ailocks::register(signed(&bob), profile_at("u281z", b"DE")));
			assert_noop!(
				Did::deactivate(signed(&bob), bob.clone()),
				pallet_did::Error::<Runtime>::DidInUse
			);
			assert_ok!(Ailocks::deregister(signed(&bob)));
			assert_ok!(Did::deactivate(signed(&bob), bob.clone()));
		});
	}

	#[test]
	fn a_did_with_open_intents_stays_active() {
		market(|_, _, dave| {
			assert_ok!(Intents::post_intent(signed(&dave), munich_translation()));
			assert_noop!(
				Did::deactivate(signed(&dave), dave.clone()),
				pallet_did::Error::<Runtime>::DidInUse
			);
			assert_ok!(Intents::cancel_intent(signed(&dave), 0));
			assert_ok!(Did::deactivate(signed(&dave), dave.clone()));
		});
	}

	#[test]
	fn the_matcher_invites_registered_ailocks_nearest_first() {
		market(|bob, charlie, dave| {
			assert_ok!(Ailocks::register(signed(&charlie), profile_at("xn774", b"JP")));
			assert_ok!(Ailocks::register(signed(&bob), profile_at("u281z", b"DE")));
			assert_ok!(Intents::post_intent(signed(&dave), munich_translation()));
			let intent = pallet_intents::Intents::<Runtime>::get(0).expect("posted");
			let matches = Intents::compute_matches(&intent, 16);
			let order: Vec<AccountId> = matches.iter().map(|(who, _)| who.clone()).collect();
			assert_eq!(order, vec![bob.clone(), charlie.clone()]);
			assert!(matches[0].1 > matches[1].1, "Munich scores above Tokyo");

			let alice = account(Sr25519Keyring::Alice);
			assert_ok!(Intents::submit_matches(
				signed(&alice),
				0,
				BoundedVec::truncate_from(vec![charlie, bob])
			));
			assert_eq!(
				pallet_intents::Matches::<Runtime>::get(0).expect("stored").into_inner(),
				matches
			);
		});
	}

	#[test]
	fn an_ailock_that_stepped_away_is_not_invited() {
		market(|bob, _, dave| {
			assert_ok!(Ailocks::register(signed(&bob), profile_at("u281z", b"DE")));
			assert_ok!(Intents::post_intent(signed(&dave), munich_translation()));
			assert_ok!(Ailocks::set_status(
				signed(&bob),
				pallet_ailocks::types::AilockStatus::Away
			));
			let intent = pallet_intents::Intents::<Runtime>::get(0).expect("posted");
			assert!(Intents::compute_matches(&intent, 16).is_empty());
			assert_noop!(
				Intents::submit_matches(
					signed(&account(Sr25519Keyring::Alice)),
					0,
					BoundedVec::truncate_from(vec![bob])
				),
				pallet_intents::Error::<Runtime>::UnknownAilock
			);
		});
	}
}
