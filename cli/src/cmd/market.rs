//! `ailock intent …`, `ailock offer …`, `ailock chain …` and `ailock matches`.

use crate::{amount, connect, send_call, Cli};
use ailock_client::{
	api::runtime_types::{
		ailock_runtime::RuntimeCall,
		bounded_collections::bounded_vec::BoundedVec,
		pallet_intents::{pallet::Call as IntentsCall, types::Offer},
	},
	convert, format_amount,
	input::{
		parse_country, parse_flexibility, parse_place, parse_tier, parse_urgency, parse_weights,
		tags, text,
	},
	market::{build_intent, parse_chain, provenance, target, IntentSpec},
	TOKEN_SYMBOL,
};
use ailock_primitives::geo::{GeoCell, LocationTier};
use anyhow::{anyhow, Context};
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum IntentCommand {
	/// Post an intent.
	Post {
		#[arg(long)]
		title: String,
		#[arg(long)]
		description: String,
		/// Category, e.g. `translation`.
		#[arg(long)]
		category: String,
		/// Required skill; repeatable.
		#[arg(long = "skill")]
		skills: Vec<String>,
		/// Language the work needs (ISO 639-1); repeatable.
		#[arg(long = "language")]
		languages: Vec<String>,
		/// The target: a geohash at the precision you choose (3 to 9 characters) or `lat,lon`
		/// (cut to 5 characters, a city); omit for global work.
		#[arg(long)]
		place: Option<String>,
		/// ISO 3166-1 country of the target.
		#[arg(long)]
		country: Option<String>,
		/// strict, preferred, flexible or global.
		#[arg(long, default_value = "preferred")]
		flexibility: String,
		/// Budget in AIL.
		#[arg(long)]
		budget: String,
		/// Blocks from now until the deadline.
		#[arg(long, default_value_t = 100_800)]
		deadline_in: u32,
		/// low, normal, high or critical.
		#[arg(long, default_value = "normal")]
		urgency: String,
		/// Matching weights in percent: location,expertise,price,reputation.
		#[arg(long, default_value = "25,25,25,25")]
		weights: String,
	},
	/// Show an intent (open or running).
	Show { id: u64 },
	/// Cancel an open intent (and its chain's unawarded steps).
	Cancel { id: u64 },
	/// Open intents near a place, nearest first.
	Near {
		/// A geohash or `lat,lon`.
		place: String,
		#[arg(long)]
		country: Option<String>,
		/// The farthest tier: city, region, country, global.
		#[arg(long, default_value = "region")]
		tier: String,
		/// A skill you have; repeatable (shows intents needing only these).
		#[arg(long = "skill")]
		skills: Vec<String>,
		#[arg(long, default_value_t = 20)]
		limit: u32,
	},
}

#[derive(Subcommand, Debug)]
pub enum OfferCommand {
	/// Post your Ailock's standing offer (`--replace` to update it).
	Post {
		#[arg(long = "skill", required = true)]
		skills: Vec<String>,
		/// Price of a typical job, in AIL.
		#[arg(long)]
		price: String,
		/// Centre of the service area (a geohash).
		#[arg(long)]
		area: String,
		/// How far around it: city, region, country, global.
		#[arg(long, default_value = "region")]
		reach: String,
		#[arg(long, default_value_t = 1)]
		capacity: u16,
		#[arg(long)]
		replace: bool,
	},
	/// Withdraw your offer.
	Withdraw,
}

#[derive(Subcommand, Debug)]
pub enum ChainCommand {
	/// Split an open intent into steps read from a JSON file (see `market::parse_chain`).
	Propose {
		root: u64,
		file: std::path::PathBuf,
		/// The model that produced the plan, to record its provenance (with `--prompt`).
		#[arg(long)]
		model: Option<String>,
		#[arg(long)]
		prompt: Option<String>,
	},
	/// Show a chain's steps and their progress.
	Show { root: u64 },
	/// Cancel a step not yet awarded.
	CancelStep { root: u64, step: u16 },
}

/// Submits an Intents call as the signer, or through the owner's delegation with `--as-agent`.
async fn submit(cli: &Cli, call: IntentsCall) -> anyhow::Result<()> {
	send_call(cli, RuntimeCall::Intents(call)).await
}

pub async fn run_intent(cli: &Cli, command: &IntentCommand) -> anyhow::Result<()> {
	match command {
		IntentCommand::Post {
			title,
			description,
			category,
			skills,
			languages,
			place,
			country,
			flexibility,
			budget,
			deadline_in,
			urgency,
			weights,
		} => {
			let cell = place.as_deref().map(parse_place).transpose()?;
			let country = country.as_deref().map(parse_country).transpose()?;
			let client = connect(&cli.url).await?;
			let (_, best) = client.best_block().await?;
			let deadline = u32::try_from(best)
				.ok()
				.and_then(|b| b.checked_add(*deadline_in))
				.context("deadline beyond the last block number")?;
			let spec = IntentSpec {
				title: title.clone(),
				description: description.clone(),
				category: category.clone(),
				skills: skills.clone(),
				languages: languages.clone(),
				target: target(cell.as_ref(), country, parse_flexibility(flexibility)?),
				budget: amount(budget)?,
				deadline,
				urgency: parse_urgency(urgency)?,
				weights: parse_weights(weights)?,
			};
			submit(cli, IntentsCall::post_intent { details: build_intent(&spec)? }).await
		},
		IntentCommand::Show { id } => {
			let client = connect(&cli.url).await?;
			let intent = client
				.intent(*id)
				.await?
				.ok_or_else(|| anyhow!("no open or running intent {id}"))?;
			let details = &intent.details;
			let cell: Option<GeoCell> = details.target.cell.as_ref().map(convert);
			println!("intent:   {id}");
			println!("owner:    {}", intent.owner);
			println!("title:    {}", text(&details.title.0));
			println!("status:   {:?}", intent.status);
			println!("budget:   {} {TOKEN_SYMBOL}", format_amount(details.budget));
			println!("deadline: block #{}", details.deadline);
			println!(
				"target:   {} ({:?})",
				cell.map(|c| c.as_str().to_string()).unwrap_or_else(|| "anywhere".into()),
				details.target.flexibility
			);
			println!(
				"skills:   {}",
				details.skills.0.iter().map(|t| text(&t.0)).collect::<Vec<_>>().join(", ")
			);
			if let Some((root, step)) = intent.step_of {
				println!("step:     {step} of chain {root}");
			}
			if let Some(provider) = intent.provider {
				println!("provider: {provider}");
			}
			println!("deposit:  {} {TOKEN_SYMBOL}", format_amount(intent.deposit));
			Ok(())
		},
		IntentCommand::Cancel { id } => {
			submit(cli, IntentsCall::cancel_intent { intent: *id }).await
		},
		IntentCommand::Near { place, country, tier, skills, limit } => {
			let cell = parse_place(place)?;
			let country = country.as_deref().map(parse_country).transpose()?;
			let tier: LocationTier = parse_tier(tier)?;
			let client = connect(&cli.url).await?;
			let found =
				client.open_intents_near(&cell, country, tier, &tags(skills)?, *limit).await?;
			println!("{} open intent(s) near {} (up to {tier:?}):", found.len(), cell.as_str());
			for hit in found {
				let tier: LocationTier = convert(&hit.tier);
				println!(
					"  {tier:?}\t#{}\t{}\t{} {TOKEN_SYMBOL}\tdeadline #{}\t{}",
					hit.id,
					text(&hit.title),
					format_amount(hit.budget),
					hit.deadline,
					hit.skills.iter().map(|t| text(&t.0)).collect::<Vec<_>>().join(",")
				);
			}
			Ok(())
		},
	}
}

pub async fn run_offer(cli: &Cli, command: &OfferCommand) -> anyhow::Result<()> {
	match command {
		OfferCommand::Post { skills, price, area, reach, capacity, replace } => {
			let area = GeoCell::parse(area).map_err(|e| anyhow!("`{area}`: {e}"))?;
			let offer = Offer {
				skills: BoundedVec(
					tags(skills)?.into_iter().map(|t| BoundedVec(t.into_inner())).collect(),
				),
				price: amount(price)?,
				area: convert(&area),
				reach: convert(&parse_tier(reach)?),
				capacity: *capacity,
			};
			let call = if *replace {
				IntentsCall::update_offer { offer }
			} else {
				IntentsCall::post_offer { offer }
			};
			submit(cli, call).await
		},
		OfferCommand::Withdraw => submit(cli, IntentsCall::withdraw_offer).await,
	}
}

pub async fn run_chain(cli: &Cli, command: &ChainCommand) -> anyhow::Result<()> {
	match command {
		ChainCommand::Propose { root, file, model, prompt } => {
			let plan = std::fs::read_to_string(file)
				.with_context(|| format!("cannot read {}", file.display()))?;
			let steps = parse_chain(&plan)?;
			let provenance = match (model, prompt) {
				(Some(model), Some(prompt)) => Some(provenance(model, prompt, &plan)),
				(None, None) => None,
				_ => return Err(anyhow!("give --model and --prompt together")),
			};
			submit(
				cli,
				IntentsCall::propose_chain { root: *root, steps: BoundedVec(steps), provenance },
			)
			.await
		},
		ChainCommand::Show { root } => {
			let client = connect(&cli.url).await?;
			let chain =
				client.chain(*root).await?.ok_or_else(|| anyhow!("no chain for intent {root}"))?;
			println!("chain of intent {root}:");
			for (index, step) in chain.steps.0.iter().enumerate() {
				println!(
					"  step {index}\tintent #{}\t{:?}\tafter {:?}",
					step.intent, step.state, step.depends_on.0
				);
			}
			if let Some(hash) = chain.provenance {
				println!("provenance: {hash:?}");
			}
			Ok(())
		},
		ChainCommand::CancelStep { root, step } => {
			submit(cli, IntentsCall::cancel_step { root: *root, step: *step }).await
		},
	}
}

pub async fn run_matches(cli: &Cli, intent: u64) -> anyhow::Result<()> {
	let client = connect(&cli.url).await?;
	let matches = client.matches(intent).await?;
	if matches.is_empty() {
		println!("no matches recorded for intent {intent}");
	}
	for (rank, (ailock, score)) in matches.iter().enumerate() {
		println!("  {}.\t{ailock}\tscore {:.2} %", rank + 1, f64::from(*score) / 10_000_000.0);
	}
	Ok(())
}
