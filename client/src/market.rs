//! The market: intents, offers and smart chains from human input, and reading them back.

use crate::{
	api::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_intents::types::{
				Description, IntentDetails, NearbyIntent, StepInput, Target, Urgency,
			},
		},
	},
	convert, AilockClient, Balance,
};
use ailock_primitives::{
	geo::{CountryCode, GeoCell, LocationTier},
	matching::{Flexibility, MatchingWeights},
	profile::{normalise_tag, LanguageCode, Tag},
};
use sp_runtime::Perbill;
use subxt::utils::{AccountId32, H256};

/// A stored intent as the chain returns it, with the `Consideration` ticket holding its
/// deposit (`deposit` says how much).
pub type StoredIntent = api::runtime_types::pallet_intents::types::Intent<
	AccountId32,
	Balance,
	u32,
	api::runtime_types::frame_support::traits::tokens::fungible::HoldConsideration,
>;

/// Why market input could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MarketInputError {
	/// Not a flexibility.
	#[error("flexibility: strict, preferred, flexible, global (not `{0}`)")]
	Flexibility(String),
	/// Not an urgency.
	#[error("urgency: low, normal, high, critical (not `{0}`)")]
	Urgency(String),
	/// Not four percentages summing to 100.
	#[error("weights are four percentages (location, expertise, price, reputation) summing to 100, not `{0}`")]
	Weights(String),
	/// A skill, category or language that cannot be normalised.
	#[error("`{0}`: {1}")]
	Profile(String, ailock_primitives::profile::ProfileError),
	/// A bad chain file.
	#[error("chain file: {0}")]
	Chain(String),
}

/// Reads a flexibility.
pub fn parse_flexibility(text: &str) -> Result<Flexibility, MarketInputError> {
	Ok(match text.to_ascii_lowercase().as_str() {
		"strict" => Flexibility::Strict,
		"preferred" => Flexibility::Preferred,
		"flexible" => Flexibility::Flexible,
		"global" => Flexibility::Global,
		_ => return Err(MarketInputError::Flexibility(text.to_string())),
	})
}

/// Reads an urgency.
pub fn parse_urgency(text: &str) -> Result<Urgency, MarketInputError> {
	Ok(match text.to_ascii_lowercase().as_str() {
		"low" => Urgency::Low,
		"normal" => Urgency::Normal,
		"high" => Urgency::High,
		"critical" => Urgency::Critical,
		_ => return Err(MarketInputError::Urgency(text.to_string())),
	})
}

/// Reads `location,expertise,price,reputation` percentages summing to 100.
pub fn parse_weights(text: &str) -> Result<MatchingWeights, MarketInputError> {
	let error = || MarketInputError::Weights(text.to_string());
	let parts: Vec<u32> = text
		.split(',')
		.map(|p| p.trim().parse::<u32>())
		.collect::<Result<_, _>>()
		.map_err(|_| error())?;
	let [location, expertise, price, reputation] = parts.as_slice() else { return Err(error()) };
	let weights = MatchingWeights {
		location: Perbill::from_percent(*location),
		expertise: Perbill::from_percent(*expertise),
		price: Perbill::from_percent(*price),
		reputation: Perbill::from_percent(*reputation),
	};
	if weights.is_valid() {
		Ok(weights)
	} else {
		Err(error())
	}
}

/// Normalises free-text skills to tags.
pub fn tags(list: &[String]) -> Result<Vec<Tag>, MarketInputError> {
	list.iter()
		.map(|t| normalise_tag(t).map_err(|e| MarketInputError::Profile(t.clone(), e)))
		.collect()
}

fn bounded<X>(items: Vec<X>) -> BoundedVec<X> {
	BoundedVec(items)
}

fn tag_list(list: &[String]) -> Result<BoundedVec<BoundedVec<u8>>, MarketInputError> {
	Ok(bounded(tags(list)?.into_iter().map(|t| bounded(t.into_inner())).collect()))
}

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
pub fn build_intent(spec: &IntentSpec) -> Result<IntentDetails<Balance, u32>, MarketInputError> {
	let languages = spec
		.languages
		.iter()
		.map(|l| LanguageCode::parse(l).map_err(|e| MarketInputError::Profile(l.clone(), e)))
		.collect::<Result<Vec<_>, _>>()?;
	let category = normalise_tag(&spec.category)
		.map_err(|e| MarketInputError::Profile(spec.category.clone(), e))?;
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

/// Reads a chain plan (JSON): an array of steps, each
/// `{"title", "skills": [..], "cell", "flexibility"?, "country"?, "budget" (AIL), "deliverable",
/// "depends_on": [indices]}`.
pub fn parse_chain(json: &str) -> Result<Vec<StepInput<Balance>>, MarketInputError> {
	let error = |what: String| MarketInputError::Chain(what);
	let value: serde_json::Value = serde_json::from_str(json).map_err(|e| error(e.to_string()))?;
	let steps = value.as_array().ok_or_else(|| error("expected an array of steps".into()))?;
	steps
		.iter()
		.enumerate()
		.map(|(index, step)| {
			let text = |key: &str| -> Result<String, MarketInputError> {
				step.get(key)
					.and_then(|v| v.as_str())
					.map(str::to_string)
					.ok_or_else(|| error(format!("step {index}: `{key}` (text) is missing")))
			};
			let skills: Vec<String> = step
				.get("skills")
				.and_then(|v| v.as_array())
				.map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
				.unwrap_or_default();
			let cell = match step.get("cell").and_then(|v| v.as_str()) {
				Some(cell) => Some(
					GeoCell::parse(cell).map_err(|e| error(format!("step {index}: cell: {e}")))?,
				),
				None => None,
			};
			let flexibility = match step.get("flexibility").and_then(|v| v.as_str()) {
				Some(text) => parse_flexibility(text)?,
				None if cell.is_none() => Flexibility::Global,
				None => Flexibility::Preferred,
			};
			let country = match step.get("country").and_then(|v| v.as_str()) {
				Some(code) => Some(
					crate::registry::parse_country(code)
						.map_err(|e| error(format!("step {index}: {e}")))?,
				),
				None => None,
			};
			let budget = crate::parse_amount(&text("budget")?)
				.map_err(|e| error(format!("step {index}: budget: {e}")))?;
			let depends_on: Vec<u16> = step
				.get("depends_on")
				.and_then(|v| v.as_array())
				.map(|a| {
					a.iter()
						.filter_map(|d| d.as_u64().and_then(|d| u16::try_from(d).ok()))
						.collect()
				})
				.unwrap_or_default();
			Ok(StepInput {
				title: bounded(text("title")?.into_bytes()),
				skills: tag_list(&skills)?,
				target: target(cell.as_ref(), country, flexibility),
				budget_share: budget,
				deliverable: bounded(text("deliverable").unwrap_or_default().into_bytes()),
				depends_on: bounded(depends_on),
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
}
