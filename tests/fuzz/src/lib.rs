//! The runtime fuzzer.
//!
//! Starts from the `development` genesis preset and builds blocks through the runtime's own
//! `Executive` (timestamp inherent, Aura slot digest, `on_initialize`/`on_finalize`), each with a
//! random sequence of **signed** extrinsics: calls of every pallet by a handful of funded dev
//! accounts, directly, through `Did.dispatch_as_agent`, inside `Utility.batch*` and through
//! `Sudo`. The generators draw from small pools of accounts, cells, skills and intent ids, so
//! calls meet each other's state (an intent posted in one block is cancelled, chained or
//! matched in a later one) and most of them reach past their first check.
//!
//! After every block it checks:
//! - the `try_state` invariants of `Did`, `Ailocks` and `Intents`;
//! - total issuance fell by exactly the fees burned (and dust lost) in the block, and equals
//!   the sum of every account's balance;
//! - every account's holds equal what the pallets record for it (DID, registration, intents
//!   and offer deposits);
//! - nothing panicked (a panic is caught and reported with its seed and block).

use ailock_primitives::{
	geo::{CountryCode, GeoCell, LocationTier, SharingLevel},
	matching::{Flexibility, MatchingWeights},
	profile::{normalise_tag, LanguageCode, Tag, WeeklyAvailability},
};
use ailock_runtime::{
	genesis_config_presets, AccountId, Balance, Executive, Header, Runtime, RuntimeCall,
	RuntimeEvent, SignedPayload, UncheckedExtrinsic, AIL,
};
use codec::Encode;
use frame_support::{traits::fungible::InspectHold, BoundedVec};
use rand::{rngs::StdRng, Rng, SeedableRng};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::{Header as _, StaticLookup},
};
use std::collections::{BTreeMap, BTreeSet};

/// The accounts that sign: owners, and two that serve as agent keys.
const SIGNERS: [Sr25519Keyring; 6] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
];
const OWNERS: usize = 4;
const CELLS: [&str; 6] = ["u281z", "u281y", "u28", "u33db", "xn774", "u2810"];
const SKILLS: [&str; 3] = ["translation", "event-planning", "catering"];

/// What a campaign found.
#[derive(Debug, Default)]
pub struct Report {
	/// Blocks built.
	pub blocks: u64,
	/// Extrinsics applied (signed ones, not inherents).
	pub executions: u64,
	/// Of those, dispatched successfully.
	pub succeeded: u64,
	/// Distinct `pallet.call → outcome` pairs seen (a coverage measure).
	pub outcomes: BTreeSet<String>,
	/// Invariant violations and panics, with the seed and block to replay them.
	pub findings: Vec<String>,
}

impl Report {
	/// Adds another run's numbers.
	pub fn absorb(&mut self, other: Report) {
		self.blocks += other.blocks;
		self.executions += other.executions;
		self.succeeded += other.succeeded;
		self.outcomes.extend(other.outcomes);
		self.findings.extend(other.findings);
	}
}

fn account(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

/// The development genesis, as a chain spec builder makes it.
pub fn genesis() -> sp_io::TestExternalities {
	genesis_config_presets::preset_state(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.expect("the development preset builds")
}

/// One fuzzing run: `blocks` blocks of up to `per_block` random extrinsics from `seed`.
pub fn run(seed: u64, blocks: u64, per_block: usize) -> Report {
	let mut report = Report::default();
	let mut ext = genesis();
	ext.execute_with(|| {
		let mut world = World::new(seed);
		for _ in 0..blocks {
			let number = frame_system::Pallet::<Runtime>::block_number() + 1;
			let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
				world.block(number, per_block, &mut report)
			}));
			match outcome {
				Ok(Ok(())) => {},
				Ok(Err(finding)) => {
					report.findings.push(format!("seed {seed}, block {number}: {finding}"));
					break;
				},
				Err(panic) => {
					let text = panic
						.downcast_ref::<String>()
						.cloned()
						.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
						.unwrap_or_default();
					report.findings.push(format!("seed {seed}, block {number}: panic: {text}"));
					break;
				},
			}
			report.blocks += 1;
		}
	});
	report
}

struct World {
	rng: StdRng,
	nonces: BTreeMap<AccountId, u32>,
	parent: H256,
}

impl World {
	fn new(seed: u64) -> Self {
		World {
			rng: StdRng::seed_from_u64(seed),
			nonces: BTreeMap::new(),
			parent: frame_system::Pallet::<Runtime>::block_hash(0),
		}
	}

	fn pick<T: Copy>(&mut self, items: &[T]) -> T {
		items[self.rng.gen_range(0..items.len())]
	}

	fn owner(&mut self) -> Sr25519Keyring {
		SIGNERS[self.rng.gen_range(0..OWNERS)]
	}

	fn anyone(&mut self) -> AccountId {
		account(self.pick(&SIGNERS))
	}

	/// Builds block `number` and checks the invariants after it.
	fn block(&mut self, number: u32, per_block: usize, report: &mut Report) -> Result<(), String> {
		let slot = sp_consensus_aura::Slot::from(u64::from(number) + 1_000);
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(sp_consensus_aura::AURA_ENGINE_ID, slot.encode())],
		};
		let header =
			Header::new(number, Default::default(), Default::default(), self.parent, digest);
		let issuance_before = pallet_balances::TotalIssuance::<Runtime>::get();
		Executive::initialize_block(&header);
		let now = u64::from(slot) * ailock_runtime::block_times::SLOT_DURATION;
		let inherent =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now,
			}));
		Executive::apply_extrinsic(inherent)
			.map_err(|e| format!("timestamp inherent invalid: {e:?}"))?
			.map_err(|e| format!("timestamp inherent failed: {e:?}"))?;

		let count = self.rng.gen_range(1..=per_block);
		for _ in 0..count {
			let (signer, call) = self.call();
			let name = call_name(&call);
			let xt = self.sign(signer, call);
			report.executions += 1;
			let outcome = match Executive::apply_extrinsic(xt) {
				Ok(Ok(())) => {
					report.succeeded += 1;
					"ok".to_string()
				},
				Ok(Err(error)) => format!("{error:?}"),
				// Invalid (unpayable, exhausted block): the nonce was not used.
				Err(invalid) => {
					self.nonces.entry(account(signer)).and_modify(|n| *n = n.saturating_sub(1));
					format!("invalid {invalid:?}")
				},
			};
			report.outcomes.insert(format!("{name} → {}", short(&outcome)));
		}
		self.parent = Executive::finalize_block().hash();
		check(issuance_before)
	}

	fn sign(&mut self, signer: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
		let who = account(signer);
		let nonce = *self
			.nonces
			.entry(who.clone())
			.and_modify(|n| *n += 1)
			.or_insert(frame_system::Pallet::<Runtime>::account_nonce(&who));
		let extension = ailock_runtime::tx_extension(Era::Immortal, nonce);
		let payload = SignedPayload::new(call, extension).expect("the implicit data is readable");
		let signature = payload.using_encoded(|bytes| signer.sign(bytes));
		let (call, extension, _) = payload.deconstruct();
		let address = <Runtime as frame_system::Config>::Lookup::unlookup(who);
		UncheckedExtrinsic::new_signed(call, address, signature.into(), extension)
	}

	/// A random signed call.
	fn call(&mut self) -> (Sr25519Keyring, RuntimeCall) {
		match self.rng.gen_range(0..100) {
			0..=4 => {
				let to = self.anyone();
				let amount = self.rng.gen_range(1..=50) * AIL;
				(
					self.pick(&SIGNERS),
					RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
						dest: to.into(),
						value: amount,
					}),
				)
			},
			5..=16 => {
				let signer = self.owner();
				(signer, self.did_call(signer))
			},
			17..=44 => {
				let signer = self.owner();
				(signer, self.ailocks_call())
			},
			45..=79 => {
				let signer = self.owner();
				(signer, self.intents_call())
			},
			80..=89 => {
				// An agent key acting for an owner.
				let agent = self.pick(&[Sr25519Keyring::Eve, Sr25519Keyring::Ferdie]);
				let inner =
					if self.rng.gen_bool(0.5) { self.ailocks_call() } else { self.intents_call() };
				(
					agent,
					RuntimeCall::Did(pallet_did::Call::dispatch_as_agent { call: Box::new(inner) }),
				)
			},
			90..=95 => {
				let signer = self.owner();
				let calls: Vec<RuntimeCall> = (0..self.rng.gen_range(1..=3))
					.map(|_| {
						if self.rng.gen_bool(0.5) {
							self.ailocks_call()
						} else {
							self.intents_call()
						}
					})
					.collect();
				let call = match self.rng.gen_range(0..3) {
					0 => pallet_utility::Call::batch { calls },
					1 => pallet_utility::Call::batch_all { calls },
					_ => pallet_utility::Call::force_batch { calls },
				};
				(signer, RuntimeCall::Utility(call))
			},
			_ => {
				let who = self.anyone();
				let inner = if self.rng.gen_bool(0.5) {
					pallet_intents::Call::add_matcher { matcher: who }
				} else {
					pallet_intents::Call::remove_matcher { matcher: who }
				};
				// Alice holds the sudo key; anyone else is refused.
				let signer =
					if self.rng.gen_bool(0.8) { Sr25519Keyring::Alice } else { self.owner() };
				(
					signer,
					RuntimeCall::Sudo(pallet_sudo::Call::sudo {
						call: Box::new(RuntimeCall::Intents(inner)),
					}),
				)
			},
		}
	}

	fn did_call(&mut self, signer: Sr25519Keyring) -> RuntimeCall {
		let did = account(signer);
		let call = match self.rng.gen_range(0..10) {
			0..=3 => {
				pallet_did::Call::create { keys: BoundedVec::new(), services: BoundedVec::new() }
			},
			4..=7 => {
				let agent_key = self.pick(&[Sr25519Keyring::Eve, Sr25519Keyring::Ferdie]);
				let agent = account(agent_key);
				let pallets: &[&[u8]] = &[b"Ailocks", b"Intents"];
				let scope = pallets
					.iter()
					.filter(|_| self.rng.gen_bool(0.7))
					.map(|p| pallet_did::types::CallScope {
						pallet: BoundedVec::truncate_from(p.to_vec()),
						call: None,
					})
					.collect::<Vec<_>>();
				let now = frame_system::Pallet::<Runtime>::block_number();
				let terms = pallet_did::types::DelegationTerms {
					scope: BoundedVec::truncate_from(scope),
					spend_cap: self.rng.gen_range(0..=20) * AIL / 10,
					period: self.rng.gen_range(1..=30),
					expires_at: now + self.rng.gen_range(0..=60),
				};
				let payload = pallet_did::agent_consent_payload::<Runtime>(&did, &agent, &terms);
				// Now and then the wrong key consents.
				let consenting = if self.rng.gen_bool(0.05) { signer } else { agent_key };
				pallet_did::Call::authorize_agent {
					did,
					agent,
					scope: terms.scope,
					spend_cap: terms.spend_cap,
					period: terms.period,
					expires_at: terms.expires_at,
					proof: consenting.sign(&payload).into(),
				}
			},
			8 => pallet_did::Call::revoke_agent {
				did,
				agent: account(self.pick(&[Sr25519Keyring::Eve, Sr25519Keyring::Ferdie])),
			},
			_ => pallet_did::Call::deactivate { did },
		};
		RuntimeCall::Did(call)
	}

	fn cell(&mut self) -> GeoCell {
		GeoCell::parse(self.pick(&CELLS)).expect("a geohash")
	}

	fn skill(&mut self) -> Tag {
		normalise_tag(self.pick(&SKILLS)).expect("a tag")
	}

	fn location(&mut self) -> pallet_ailocks::types::Location {
		let sharing = self.pick(&[
			SharingLevel::City,
			SharingLevel::City,
			SharingLevel::Region,
			SharingLevel::Country,
			SharingLevel::None,
		]);
		let base = self.cell();
		let cell = sharing.precision().map(|p| base.truncate(p.min(base.precision())));
		let country = match sharing {
			SharingLevel::None => None,
			_ => Some(
				CountryCode::new(if base.as_str().starts_with('x') { *b"JP" } else { *b"DE" })
					.expect("a country"),
			),
		};
		pallet_ailocks::types::Location { sharing, cell, country, commitment: Default::default() }
	}

	fn profile(&mut self) -> pallet_ailocks::ProfileOf<Runtime> {
		let location = self.location();
		let skills: Vec<Tag> = SKILLS
			.iter()
			.filter(|_| self.rng.gen_bool(0.5))
			.map(|s| normalise_tag(s).expect("a tag"))
			.collect();
		pallet_ailocks::types::Profile {
			name: BoundedVec::truncate_from(b"Fuzzed Ailock".to_vec()),
			avatar: self.rng.gen_range(0..4),
			languages: BoundedVec::truncate_from(vec![LanguageCode(*b"de")]),
			skills: BoundedVec::truncate_from(skills),
			domains: BoundedVec::new(),
			pricing: pallet_ailocks::types::Pricing {
				min_price: self.rng.gen_range(0..=5) * AIL,
				hourly_rate: AIL,
			},
			capacity: self.rng.gen_range(0..=3),
			availability: WeeklyAvailability::ALWAYS,
			utc_offset_minutes: if location.sharing == SharingLevel::None { 0 } else { 60 },
			location,
		}
	}

	fn ailocks_call(&mut self) -> RuntimeCall {
		let call = match self.rng.gen_range(0..20) {
			0..=4 => pallet_ailocks::Call::register { profile: self.profile() },
			5..=6 => pallet_ailocks::Call::update { profile: self.profile() },
			7..=9 => pallet_ailocks::Call::heartbeat {},
			10 => pallet_ailocks::Call::set_status {
				status: self.pick(&[
					pallet_ailocks::types::AilockStatus::Available,
					pallet_ailocks::types::AilockStatus::Busy,
					pallet_ailocks::types::AilockStatus::Away,
				]),
			},
			11 => pallet_ailocks::Call::trust { account: self.anyone() },
			12 => pallet_ailocks::Call::untrust { account: self.anyone() },
			13 => pallet_ailocks::Call::block { account: self.anyone() },
			14 => pallet_ailocks::Call::unblock { account: self.anyone() },
			15..=16 => pallet_ailocks::Call::boost {
				cell: self.cell().truncate(4),
				duration: self.rng.gen_range(0..=40),
			},
			17..=18 => pallet_ailocks::Call::reap { ailock: self.anyone() },
			_ => pallet_ailocks::Call::deregister {},
		};
		RuntimeCall::Ailocks(call)
	}

	fn intent_id(&mut self) -> u64 {
		let next = pallet_intents::NextIntentId::<Runtime>::get();
		self.rng.gen_range(0..=next)
	}

	fn details(&mut self) -> pallet_intents::DetailsOf<Runtime> {
		let flexibility = self.pick(&[
			Flexibility::Strict,
			Flexibility::Preferred,
			Flexibility::Flexible,
			Flexibility::Global,
		]);
		let cell = if flexibility == Flexibility::Global && self.rng.gen_bool(0.5) {
			None
		} else {
			Some(self.cell())
		};
		let now = frame_system::Pallet::<Runtime>::block_number();
		pallet_intents::types::IntentDetails {
			title: BoundedVec::truncate_from(b"Fuzzed intent".to_vec()),
			description: pallet_intents::types::Description::Text(BoundedVec::truncate_from(
				b"work".to_vec(),
			)),
			category: self.skill(),
			skills: BoundedVec::truncate_from(vec![self.skill()]),
			languages: BoundedVec::new(),
			target: pallet_intents::types::Target {
				cell,
				country: Some(CountryCode::new(*b"DE").expect("a country")),
				flexibility,
			},
			budget: self.rng.gen_range(0..=20) * AIL,
			deadline: now + self.rng.gen_range(0..=25),
			urgency: pallet_intents::types::Urgency::Normal,
			weights: MatchingWeights::BALANCED,
		}
	}

	fn steps(&mut self) -> Vec<pallet_intents::StepInputOf<Runtime>> {
		let count = self.rng.gen_range(0..=5usize);
		(0..count)
			.map(|index| {
				let mut depends_on: Vec<u16> =
					(0..index as u16).filter(|_| self.rng.gen_bool(0.3)).collect();
				// Now and then a dependency on a later step, to reach the chain errors.
				if self.rng.gen_bool(0.05) {
					depends_on.push(index as u16 + 1);
				}
				pallet_intents::types::StepInput {
					title: BoundedVec::truncate_from(b"Step".to_vec()),
					skills: BoundedVec::truncate_from(vec![self.skill()]),
					target: pallet_intents::types::Target {
						cell: Some(self.cell()),
						country: None,
						flexibility: Flexibility::Preferred,
					},
					budget_share: self.rng.gen_range(0..=4) * AIL,
					deliverable: BoundedVec::truncate_from(b"done".to_vec()),
					depends_on: BoundedVec::truncate_from(depends_on),
				}
			})
			.collect()
	}

	fn intents_call(&mut self) -> RuntimeCall {
		let call = match self.rng.gen_range(0..20) {
			0..=5 => pallet_intents::Call::post_intent { details: self.details() },
			6..=7 => pallet_intents::Call::cancel_intent { intent: self.intent_id() },
			8..=9 => {
				let offer = pallet_intents::types::Offer {
					skills: BoundedVec::truncate_from(vec![self.skill()]),
					price: AIL,
					area: self.cell().truncate(self.rng.gen_range(1..=5)),
					reach: LocationTier::SameRegion,
					capacity: self.rng.gen_range(0..=2),
				};
				if self.rng.gen_bool(0.5) {
					pallet_intents::Call::post_offer { offer }
				} else {
					pallet_intents::Call::update_offer { offer }
				}
			},
			10 => pallet_intents::Call::withdraw_offer {},
			11..=13 => pallet_intents::Call::propose_chain {
				root: self.intent_id(),
				steps: BoundedVec::truncate_from(self.steps()),
				provenance: None,
			},
			14 => pallet_intents::Call::cancel_step {
				root: self.intent_id(),
				step: self.rng.gen_range(0..6),
			},
			_ => {
				let candidates: Vec<AccountId> = SIGNERS
					.iter()
					.filter(|_| self.rng.gen_bool(0.5))
					.map(|k| account(*k))
					.collect();
				pallet_intents::Call::submit_matches {
					intent: self.intent_id(),
					candidates: BoundedVec::truncate_from(candidates),
				}
			},
		};
		RuntimeCall::Intents(call)
	}
}

fn call_name(call: &RuntimeCall) -> String {
	use frame_support::traits::GetCallMetadata;
	let metadata = call.get_call_metadata();
	format!("{}.{}", metadata.pallet_name, metadata.function_name)
}

/// The dispatch outcome without the module index bytes, for the coverage set.
fn short(outcome: &str) -> String {
	outcome.split(", message").next().unwrap_or(outcome).chars().take(120).collect()
}

/// The invariants after a block.
fn check(issuance_before: Balance) -> Result<(), String> {
	pallet_did::Pallet::<Runtime>::do_try_state().map_err(|e| format!("Did: {e:?}"))?;
	pallet_ailocks::Pallet::<Runtime>::do_try_state().map_err(|e| format!("Ailocks: {e:?}"))?;
	pallet_intents::Pallet::<Runtime>::do_try_state().map_err(|e| format!("Intents: {e:?}"))?;

	// Fees are burned (the fee adapter drops them), so issuance falls by exactly those.
	let mut burned: Balance = 0;
	for record in frame_system::Pallet::<Runtime>::events() {
		match record.event {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, tip, .. },
			) => burned += actual_fee + tip,
			RuntimeEvent::Balances(pallet_balances::Event::DustLost { amount, .. }) => {
				burned += amount
			},
			_ => {},
		}
	}
	let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
	if issuance_before.checked_sub(burned) != Some(issuance) {
		return Err(format!(
			"issuance moved from {issuance_before} to {issuance}, but only {burned} was burned"
		));
	}
	let mut total: Balance = 0;
	for (_, info) in frame_system::Account::<Runtime>::iter() {
		total += info.data.free + info.data.reserved;
	}
	if total != issuance {
		return Err(format!("accounts hold {total} but issuance is {issuance}"));
	}

	// Every hold is one the pallets record.
	let mut recorded: BTreeMap<AccountId, Balance> = BTreeMap::new();
	for (did, doc) in pallet_did::Dids::<Runtime>::iter() {
		*recorded.entry(did).or_default() += doc.deposit;
	}
	let tombstone = <Runtime as pallet_did::Config>::TombstoneDeposit::get();
	for did in pallet_did::DeactivatedDids::<Runtime>::iter_keys() {
		*recorded.entry(did).or_default() += tombstone;
	}
	for (owner, ailock) in pallet_ailocks::Ailocks::<Runtime>::iter() {
		*recorded.entry(owner).or_default() += ailock.deposit;
	}
	for (_, intent) in pallet_intents::Intents::<Runtime>::iter() {
		*recorded.entry(intent.owner.clone()).or_default() += intent.deposit;
	}
	for (owner, offer) in pallet_intents::Offers::<Runtime>::iter() {
		*recorded.entry(owner).or_default() += offer.deposit;
	}
	for key in SIGNERS {
		let who = account(key);
		let held = pallet_balances::Pallet::<Runtime>::total_balance_on_hold(&who);
		let expected = recorded.get(&who).copied().unwrap_or_default();
		if held != expected {
			return Err(format!("{key:?} has {held} on hold, the pallets record {expected}"));
		}
	}
	Ok(())
}
