//! The market: intents, offers and smart chains from human input, and reading them back.

use crate::input::{bounded, parse_flexibility, tag_list, InputError};
use crate::{
	api::{
		self,
		runtime_types::pallet_intents::types::{
			Description, IntentDetails, NearbyIntent, StepInput, Target, Urgency,
		},
	},
	convert, AilockClient, Balance,
};
use ailock_primitives::{
	geo::{CountryCode, GeoCell, LocationTier},
	matching::{Flexibility, MatchingWeights},
	profile::{normalise_tag, LanguageCode, Tag},
};
use subxt::utils::{AccountId32, H256};

/// A stored intent as the chain returns it, with the `Consideration` ticket holding its
/// deposit (`deposit` says how much).
pub type StoredIntent = api::runtime_types::pallet_intents::types::Intent<
	AccountId32,
	Balance,
	u32,
	api::runtime_types::frame_support::traits::tokens::fungible::HoldConsideration,
>;

/// Where an intent or a step is to be done.
pub fn target(
	cell: Option<&GeoCell>,
	country: Option<CountryCode>,
	flexibility: Flexibility,
) -> Target {
	Target {
		cell: cell.map(convert),
		country: country.as_ref().map(convert),
		flexibility: convert(&flexibility),
	}
}

/// What a person states about an intent, in human terms.
#[derive(Clone, Debug)]
pub struct IntentSpec {
	/// Title.
	pub title: String,
	/// Description text.
	pub description: String,
	/// Category (free text, normalised).
	pub category: String,
	/// Required skills.
	pub skills: Vec<String>,
	/// ISO 639-1 languages.
	pub languages: Vec<String>,
	/// Where.
	pub target: Target,
	/// Budget, smallest unit.
	pub budget: Balance,
	/// Last block.
	pub deadline: u32,
	/// How soon.
	pub urgency: Urgency,
	/// Matching weights.
	pub weights: MatchingWeights,
}

/// The details to submit.
pub fn build_intent(spec: &IntentSpec) -> Result<IntentDetails<Balance, u32>, InputError> {
	let languages = spec
		.languages
		.iter()
		.map(|l| LanguageCode::parse(l).map_err(|e| InputError::Profile(l.clone(), e)))
		.collect::<Result<Vec<_>, _>>()?;
	let category =
		normalise_tag(&spec.category).map_err(|e| InputError::Profile(spec.category.clone(), e))?;
	Ok(IntentDetails {
		title: bounded(spec.title.as_bytes().to_vec()),
		description: Description::Text(bounded(spec.description.as_bytes().to_vec())),
		category: bounded(category.into_inner()),
		skills: tag_list(&spec.skills)?,
		languages: bounded(languages.iter().map(convert).collect()),
		target: spec.target.clone(),
		budget: spec.budget,
		deadline: spec.deadline,
		urgency: spec.urgency.clone(),
		weights: convert(&spec.weights),
	})
}

/// One step of a chain plan file, as people write it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
	/// Short title.
	pub title: String,
	/// Required skills (free text, normalised to tags).
	#[serde(default)]
	pub skills: Vec<String>,
	/// Where the step's work is done: a geohash; none for work from anywhere.
	#[serde(default)]
	pub cell: Option<String>,
	/// `strict`, `preferred`, `flexible` or `global`; `preferred` with a cell, `global`
	/// without.
	#[serde(default)]
	pub flexibility: Option<String>,
	/// ISO 3166-1 country of the work.
	#[serde(default)]
	pub country: Option<String>,
	/// Its share of the root budget, in AIL (`"12.5"`).
	pub budget: String,
	/// What is delivered.
	#[serde(default)]
	pub deliverable: String,
	/// Indices of the steps it waits for.
	#[serde(default)]
	pub depends_on: Vec<u16>,
}

/// Reads a chain plan (JSON): an array of [`PlanStep`]s. Unknown keys and values of the wrong
/// type are refused, naming the step.
pub fn parse_chain(json: &str) -> Result<Vec<StepInput<Balance>>, InputError> {
	let error = |what: String| InputError::Chain(what);
	let plan: Vec<PlanStep> = serde_json::from_str(json).map_err(|e| error(e.to_string()))?;
	plan.into_iter()
		.enumerate()
		.map(|(index, step)| {
			let cell = step
				.cell
				.as_deref()
				.map(GeoCell::parse)
				.transpose()
				.map_err(|e| error(format!("step {index}: cell: {e}")))?;
			let flexibility = match step.flexibility.as_deref() {
				Some(text) => parse_flexibility(text)?,
				None if cell.is_none() => Flexibility::Global,
				None => Flexibility::Preferred,
			};
			let country = step
				.country
				.as_deref()
				.map(crate::input::parse_country)
				.transpose()
				.map_err(|e| error(format!("step {index}: {e}")))?;
			let budget = crate::parse_amount(&step.budget)
				.map_err(|e| error(format!("step {index}: budget: {e}")))?;
			Ok(StepInput {
				title: bounded(step.title.into_bytes()),
				skills: tag_list(&step.skills)?,
				target: target(cell.as_ref(), country, flexibility),
				budget_share: budget,
				deliverable: bounded(step.deliverable.into_bytes()),
				depends_on: bounded(step.depends_on),
			})
		})
		.collect()
}

impl AilockClient {
	/// An intent still on chain (ended intents are removed).
	pub async fn intent(&self, id: u64) -> Result<Option<StoredIntent>, subxt::Error> {
		let at = self.at_finalized().await?;
		Ok(at
			.storage()
			.try_fetch(api::storage().intents().intents(), (id,))
			.await?
			.map(|v| v.decode())
			.transpose()?)
	}

	/// The matches recorded for an intent, best first.
	pub async fn matches(&self, id: u64) -> Result<Vec<(AccountId32, u32)>, subxt::Error> {
		let at = self.at_finalized().await?;
		let found = at.runtime_apis().call(api::runtime_apis().intents_api().matches(id)).await?;
		Ok(found.into_iter().map(|(account, score)| (account, score.0)).collect())
	}

	/// Open intents near `cell`, nearest first.
	pub async fn open_intents_near(
		&self,
		cell: &GeoCell,
		country: Option<CountryCode>,
		max_tier: LocationTier,
		skills: &[Tag],
		limit: u32,
	) -> Result<Vec<NearbyIntent<AccountId32, Balance, u32>>, subxt::Error> {
		let at = self.at_finalized().await?;
		let call = api::runtime_apis().intents_api().open_intents_near(
			convert(cell),
			country.as_ref().map(convert),
			convert(&max_tier),
			skills.iter().map(|t| bounded(t.to_vec())).collect(),
			limit,
		);
		Ok(at.runtime_apis().call(call).await?)
	}

	/// A chain by its root intent.
	pub async fn chain(
		&self,
		root: u64,
	) -> Result<Option<api::runtime_types::pallet_intents::types::Chain>, subxt::Error> {
		let at = self.at_finalized().await?;
		Ok(at
			.storage()
			.try_fetch(api::storage().intents().chains(), (root,))
			.await?
			.map(|v| v.decode())
			.transpose()?)
	}
}

/// The provenance hash of an AI decomposition (model, prompt and plan).
pub fn provenance(model: &str, prompt: &str, plan: &str) -> H256 {
	H256(ailock_primitives::chain::provenance_hash(model, prompt, plan))
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::input::*;

	#[test]
	fn reads_weights_flexibility_and_chains() {
		assert!(parse_weights("40,30,15,15").is_ok());
		assert!(parse_weights("40,30,15").is_err());
		assert!(parse_weights("40,30,15,16").is_err());
		assert_eq!(parse_flexibility("Strict"), Ok(Flexibility::Strict));
		assert!(parse_urgency("soon").is_err());
		let plan = r#"[
			{"title": "Venue", "skills": ["Event planning"], "cell": "u33db", "budget": "3000", "deliverable": "signed contract"},
			{"title": "Catering", "skills": ["catering"], "cell": "u33db", "budget": "1500", "depends_on": [0]}
		]"#;
		let steps = parse_chain(plan).unwrap();
		assert_eq!(steps.len(), 2);
		assert_eq!(steps[1].depends_on.0, vec![0]);
		assert_eq!(steps[0].skills.0[0].0, b"event-planning");
		assert_eq!(steps[0].budget_share, 3_000 * crate::AIL);
		assert!(parse_chain(r#"[{"skills": []}]"#).is_err());
	}

	#[test]
	fn a_plan_with_an_unknown_key_or_a_wrong_type_is_refused() {
		let misspelt = r#"[{"title": "Venue", "budget": "1", "dependson": [0]}]"#;
		let Err(InputError::Chain(why)) = parse_chain(misspelt) else {
			panic!("a misspelt key is refused")
		};
		assert!(why.contains("dependson"), "{why}");
		let textual = r#"[{"title": "Venue", "budget": "1", "depends_on": ["0"]}]"#;
		assert!(matches!(parse_chain(textual), Err(InputError::Chain(_))));
	}
}
