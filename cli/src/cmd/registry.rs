//! `ailock registry …`: the signer's Ailock in the registry (directly, or with `--as-agent` through
//! the owner's delegation), and discovery.

use crate::{amount, connect, send_call, signer, Cli};
use ailock_client::{
	accounts,
	api::{
		self,
		runtime_types::{
			ailock_runtime::RuntimeCall,
			pallet_ailocks::{pallet::Call as AilocksCall, types::Profile},
		},
	},
	convert, format_amount,
	input::{
		parse_country, parse_degrees, parse_did_account, parse_hours, parse_place, parse_sharing,
		parse_status, parse_tier, text,
	},
	registry::{build_profile, prepare_location, spec_of, ProfileSpec},
	Balance, TOKEN_SYMBOL,
};
use ailock_primitives::{
	geo::{CountryCode, GeoCell, LocationTier, SharingLevel},
	profile::{normalise_tag, LanguageCode},
};
use anyhow::{anyhow, Context};
use clap::{Args, Subcommand};

#[derive(Args, Debug, Clone, Default)]
pub struct ProfileArgs {
	/// Display name.
	#[arg(long)]
	name: Option<String>,
	/// Skill (free text, normalised to a tag); repeatable.
	#[arg(long = "skill")]
	skills: Vec<String>,
	/// Expertise domain; repeatable.
	#[arg(long = "domain")]
	domains: Vec<String>,
	/// ISO 639-1 language; repeatable.
	#[arg(long = "language")]
	languages: Vec<String>,
	/// Smallest job, in AIL.
	#[arg(long)]
	min_price: Option<String>,
	/// Hourly rate, in AIL.
	#[arg(long)]
	hourly_rate: Option<String>,
	/// Most jobs at once.
	#[arg(long)]
	capacity: Option<u16>,
	/// Working hours in your time zone: `mon-fri:9-17,sat:10-14` or `always`.
	#[arg(long)]
	hours: Option<String>,
	/// Your time zone as minutes from UTC (60 for CET).
	#[arg(long, allow_hyphen_values = true)]
	utc_offset: Option<i16>,
	/// Avatar preset (0–31).
	#[arg(long)]
	avatar: Option<u8>,
	/// Latitude in degrees; only the cell of the sharing level leaves this machine.
	#[arg(long, allow_hyphen_values = true)]
	lat: Option<String>,
	/// Longitude in degrees.
	#[arg(long, allow_hyphen_values = true)]
	lon: Option<String>,
	/// How much location to share: exact, city, region, country, none.
	#[arg(long)]
	sharing: Option<String>,
	/// ISO 3166-1 country code (shared unless `--sharing none`).
	#[arg(long)]
	country: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum RegistryCommand {
	/// Register your Ailock (you need a DID).
	Register(ProfileArgs),
	/// Change your Ailock's profile: only the options given change (give `--lat`, `--lon`,
	/// `--sharing` together to move it).
	Update(ProfileArgs),
	/// Tell the chain your Ailock is alive (the orchestrator does this every few minutes).
	Heartbeat,
	/// Set the status: available, busy or away (away hides it from discovery).
	Status { status: String },
	/// Live Ailocks near a place, nearest first.
	Near {
		/// A geohash (`u281z`) or `lat,lon` in degrees.
		place: String,
		/// The searched country, for country-tier results.
		#[arg(long)]
		country: Option<String>,
		/// The farthest tier: city, region, country, global.
		#[arg(long, default_value = "region")]
		tier: String,
		/// Required skill; repeatable.
		#[arg(long = "skill")]
		skills: Vec<String>,
		#[arg(long, default_value_t = 20)]
		limit: u32,
	},
	/// Promote your Ailock in a 4-character discovery cell for a number of blocks.
	Boost { cell: String, blocks: u32 },
	/// Show an Ailock (yours when no account is given).
	Show { account: Option<String> },
	/// Trust an account.
	Trust { account: String },
	/// Stop trusting an account.
	Untrust { account: String },
	/// Block an account.
	Block { account: String },
	/// Unblock an account.
	Unblock { account: String },
	/// Deregister your Ailock and get its deposit back.
	Deregister,
	/// Take an offline Ailock out of discovery (anyone may; free when it works). Its next
	/// heartbeat brings it back.
	Reap { account: String },
}

/// Submits an Ailocks call as the signer, or through the owner's delegation with `--as-agent`.
async fn submit(cli: &Cli, call: AilocksCall) -> anyhow::Result<()> {
	send_call(cli, RuntimeCall::Ailocks(call)).await
}

/// The account whose Ailock the signer manages: its own, or its owner's with `--as-agent`.
async fn owner(cli: &Cli) -> anyhow::Result<ailock_client::AccountId32> {
	let me = accounts::account_of(&signer(cli)?);
	if !cli.as_agent {
		return Ok(me);
	}
	let client = connect(&cli.url).await?;
	client.did_of(&me).await?.ok_or_else(|| anyhow!("{me} is not an agent key of any DID"))
}

fn apply(spec: &mut ProfileSpec, args: &ProfileArgs) -> anyhow::Result<()> {
	if let Some(name) = &args.name {
		spec.name = name.clone();
	}
	if !args.skills.is_empty() {
		spec.skills = args.skills.clone();
	}
	if !args.domains.is_empty() {
		spec.domains = args.domains.clone();
	}
	if !args.languages.is_empty() {
		spec.languages = args.languages.clone();
	}
	if let Some(price) = &args.min_price {
		spec.min_price = amount(price)?;
	}
	if let Some(rate) = &args.hourly_rate {
		spec.hourly_rate = amount(rate)?;
	}
	if let Some(capacity) = args.capacity {
		spec.capacity = capacity;
	}
	if let Some(hours) = &args.hours {
		spec.availability = parse_hours(hours)?;
	}
	if let Some(offset) = args.utc_offset {
		spec.utc_offset_minutes = offset;
	}
	if let Some(avatar) = args.avatar {
		spec.avatar = avatar;
	}
	Ok(())
}

/// The location to submit, when the options give one; prints what the owner must keep.
fn location_of(
	args: &ProfileArgs,
) -> anyhow::Result<Option<api::runtime_types::pallet_ailocks::types::Location>> {
	let sharing = args.sharing.as_deref().map(parse_sharing).transpose()?;
	let country = args.country.as_deref().map(parse_country).transpose()?;
	match (&args.lat, &args.lon, sharing) {
		(Some(lat), Some(lon), Some(sharing)) => {
			let prepared =
				prepare_location(parse_degrees(lat)?, parse_degrees(lon)?, sharing, country)?;
			eprintln!(
				"location: sharing {sharing:?}; keep to prove it later: cell {} salt 0x{}",
				prepared.full_cell.as_str(),
				hex::encode(prepared.salt)
			);
			Ok(Some(prepared.location))
		},
		(None, None, Some(sharing @ (SharingLevel::Country | SharingLevel::None))) => {
			// Nothing to cut: the point is never needed.
			Ok(Some(prepare_location(0, 0, sharing, country)?.location))
		},
		(None, None, None) => Ok(None),
		_ => Err(anyhow!("give --lat, --lon and --sharing together")),
	}
}

fn default_spec() -> ProfileSpec {
	ProfileSpec {
		name: String::new(),
		avatar: 0,
		languages: vec!["en".into()],
		skills: Vec::new(),
		domains: Vec::new(),
		min_price: 0,
		hourly_rate: 0,
		capacity: 1,
		availability: ailock_primitives::profile::WeeklyAvailability::ALWAYS,
		utc_offset_minutes: 0,
	}
}

fn show_profile(profile: &Profile<Balance>) {
	let location = &profile.location;
	let cell: Option<GeoCell> = location.cell.as_ref().map(convert);
	let country: Option<CountryCode> = location.country.as_ref().map(convert);
	let sharing: SharingLevel = convert(&location.sharing);
	println!("name:       {}", text(&profile.name.0));
	println!(
		"skills:     {}",
		profile.skills.0.iter().map(|t| text(&t.0)).collect::<Vec<_>>().join(", ")
	);
	println!(
		"domains:    {}",
		profile.domains.0.iter().map(|t| text(&t.0)).collect::<Vec<_>>().join(", ")
	);
	println!(
		"languages:  {}",
		profile
			.languages
			.0
			.iter()
			.map(|l| text(&convert::<_, LanguageCode>(l).0))
			.collect::<Vec<_>>()
			.join(", ")
	);
	println!(
		"price:      from {} {TOKEN_SYMBOL}, {} {TOKEN_SYMBOL}/hour, {} jobs at once",
		format_amount(profile.pricing.min_price),
		format_amount(profile.pricing.hourly_rate),
		profile.capacity
	);
	println!(
		"location:   {sharing:?}: cell {} country {}",
		cell.map(|c| c.as_str().to_string()).unwrap_or_else(|| "-".into()),
		country.map(|c| text(&c.as_bytes())).unwrap_or_else(|| "-".into())
	);
}

pub async fn run(cli: &Cli, command: &RegistryCommand) -> anyhow::Result<()> {
	match command {
		RegistryCommand::Register(args) => {
			let mut spec = default_spec();
			apply(&mut spec, args)?;
			if spec.name.is_empty() || spec.skills.is_empty() {
				return Err(anyhow!("register needs --name and at least one --skill"));
			}
			let location = location_of(args)?.context(
				"register needs a location: --lat, --lon and --sharing (or --sharing country|none)",
			)?;
			submit(cli, AilocksCall::register { profile: build_profile(&spec, location)? }).await
		},
		RegistryCommand::Update(args) => {
			let owner = owner(cli).await?;
			let client = connect(&cli.url).await?;
			let current =
				client.ailock(&owner).await?.ok_or_else(|| anyhow!("{owner} has no Ailock"))?;
			let mut spec = spec_of(&current.ailock.profile);
			apply(&mut spec, args)?;
			let location = location_of(args)?.unwrap_or(current.ailock.profile.location);
			submit(cli, AilocksCall::update { profile: build_profile(&spec, location)? }).await
		},
		RegistryCommand::Heartbeat => submit(cli, AilocksCall::heartbeat).await,
		RegistryCommand::Status { status } => {
			submit(cli, AilocksCall::set_status { status: parse_status(status)? }).await
		},
		RegistryCommand::Near { place, country, tier, skills, limit } => {
			let cell = parse_place(place)?;
			let country = country.as_deref().map(parse_country).transpose()?;
			let tier: LocationTier = parse_tier(tier)?;
			let skills = skills
				.iter()
				.map(|s| normalise_tag(s).map_err(|e| anyhow!("`{s}`: {e}")))
				.collect::<anyhow::Result<Vec<_>>>()?;
			let client = connect(&cli.url).await?;
			let found = client.ailocks_near(&cell, country, tier, &skills, *limit).await?;
			println!("{} live Ailock(s) near {} (up to {tier:?}):", found.len(), cell.as_str());
			for hit in found {
				let tier: LocationTier = convert(&hit.tier);
				let hit_cell: Option<GeoCell> = hit.cell.as_ref().map(convert);
				println!(
					"  {tier:?}\t{}\t{}\tlevel {}{}\tcell {}\tskills {}",
					hit.ailock,
					text(&hit.name),
					hit.level,
					if hit.boosted { " (boosted)" } else { "" },
					hit_cell.map(|c| c.as_str().to_string()).unwrap_or_else(|| "-".into()),
					hit.skills.iter().map(|t| text(&t.0)).collect::<Vec<_>>().join(",")
				);
			}
			Ok(())
		},
		RegistryCommand::Boost { cell, blocks } => {
			let cell = GeoCell::parse(cell).map_err(|e| anyhow!("`{cell}`: {e}"))?;
			submit(cli, AilocksCall::boost { cell: convert(&cell), duration: *blocks }).await
		},
		RegistryCommand::Show { account } => {
			let who = match account {
				Some(account) => parse_did_account(account)?,
				None => owner(cli).await?,
			};
			let client = connect(&cli.url).await?;
			let view = client.ailock(&who).await?.ok_or_else(|| anyhow!("{who} has no Ailock"))?;
			println!("ailock:     {who}");
			println!("status:     {:?} (effective)", view.effective_status);
			show_profile(&view.ailock.profile);
			println!("level:      {} ({} XP)", view.ailock.level, view.ailock.xp);
			println!("heartbeat:  block #{}", view.ailock.last_heartbeat);
			println!("deposit:    {} {TOKEN_SYMBOL}", format_amount(view.ailock.deposit));
			for (achievement, at) in &view.achievements {
				println!("achievement: {achievement:?} at #{at}");
			}
			Ok(())
		},
		RegistryCommand::Trust { account } => {
			submit(cli, AilocksCall::trust { account: parse_did_account(account)? }).await
		},
		RegistryCommand::Untrust { account } => {
			submit(cli, AilocksCall::untrust { account: parse_did_account(account)? }).await
		},
		RegistryCommand::Block { account } => {
			submit(cli, AilocksCall::block { account: parse_did_account(account)? }).await
		},
		RegistryCommand::Unblock { account } => {
			submit(cli, AilocksCall::unblock { account: parse_did_account(account)? }).await
		},
		RegistryCommand::Deregister => submit(cli, AilocksCall::deregister).await,
		RegistryCommand::Reap { account } => {
			submit(cli, AilocksCall::reap { ailock: parse_did_account(account)? }).await
		},
	}
}
