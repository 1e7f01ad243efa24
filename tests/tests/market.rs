//! The market through a dev node and the `ailock` CLI: a Munich translation intent matched by
//! the offchain worker (Alice's matcher key, authorised at genesis) with the Munich Ailock above
//! the Tokyo one; country-wide work listed and matched as same-country work; the Berlin
//! conference chain of five steps; a cyclic chain refused; an expired intent returning its
//! deposit.

use ailock_client::{
	accounts::{account_of, keypair},
	parse_amount, SubmitOptions,
};
use ailock_e2e::{connect, eventually, fresh_uri, CliRunner, Node, NodeConfig};
use std::time::{Duration, Instant};

/// The id in the first `Intents.IntentPosted { intent: N, …` of a receipt.
fn posted_id(receipt: &str) -> anyhow::Result<u64> {
	let start = receipt
		.find("Intents.IntentPosted { intent: ")
		.ok_or_else(|| anyhow::anyhow!("no IntentPosted in {receipt}"))?;
	let digits: String = receipt[start + "Intents.IntentPosted { intent: ".len()..]
		.chars()
		.take_while(char::is_ascii_digit)
		.collect();
	Ok(digits.parse()?)
}

/// The invitations the offchain matcher got on chain for `intent`, once there are some.
async fn invitations(
	client: &ailock_client::AilockClient,
	intent: u64,
) -> anyhow::Result<Vec<(ailock_client::AccountId32, u32)>> {
	eventually("matches on chain", Duration::from_secs(60), || {
		let client = client.clone();
		async move {
			let found = client.matches(intent).await?;
			Ok((!found.is_empty()).then_some(found))
		}
	})
	.await
}

#[tokio::test]
async fn matching_chains_and_expiry() -> anyhow::Result<()> {
	let node = Node::start(NodeConfig::dev())?;
	let client = connect(&node).await?;
	let cli = CliRunner::for_node(&node)?;
	let alice = keypair("//Alice")?;
	let requester = fresh_uri("requester");
	let munich = fresh_uri("munich");
	let tokyo = fresh_uri("tokyo");
	for uri in [&requester, &munich, &tokyo] {
		let account = account_of(&keypair(uri)?);
		client
			.transfer(&alice, account, parse_amount("100")?, SubmitOptions::default(), |_| {})
			.await?;
	}
	for (uri, lat, lon, country) in
		[(&munich, "48.137154", "11.576124", "DE"), (&tokyo, "35.689487", "139.691706", "JP")]
	{
		cli.ok(Some(uri), &["did", "create"])?;
		cli.ok(
			Some(uri),
			&[
				"registry",
				"register",
				"--name",
				"Translator",
				"--skill",
				"translation",
				"--language",
				"de",
				"--language",
				"en",
				"--min-price",
				"100",
				"--lat",
				lat,
				"--lon",
				lon,
				"--sharing",
				"city",
				"--country",
				country,
			],
		)?;
	}
	let munich_address = account_of(&keypair(&munich)?).to_string();
	let tokyo_address = account_of(&keypair(&tokyo)?).to_string();

	// The Munich translation intent; the dev node's offchain worker matches it.
	cli.ok(Some(&requester), &["did", "create"])?;
	let posted = cli.ok(
		Some(&requester),
		&[
			"intent",
			"post",
			"--title",
			"Translate technical documentation",
			"--description",
			"German automotive market, 200 pages",
			"--category",
			"translation",
			"--skill",
			"translation",
			"--language",
			"de",
			"--place",
			"u281z",
			"--country",
			"DE",
			"--budget",
			"2000",
			"--deadline-in",
			"1000",
			"--weights",
			"40,30,15,15",
		],
	)?;
	let intent = posted_id(&posted)?;
	let included = Instant::now();
	let matches = invitations(&client, intent).await?;
	eprintln!("matches on chain {:?} after the intent's finality", included.elapsed());
	let order: Vec<String> = matches.iter().map(|(a, _)| a.to_string()).collect();
	assert_eq!(order, vec![munich_address.clone(), tokyo_address.clone()], "{matches:?}");
	assert!(matches[0].1 > matches[1].1);
	let shown = cli.ok(None, &["matches", &intent.to_string()])?;
	let munich_at = shown.find(&munich_address).expect("the Munich Ailock is listed");
	let tokyo_at = shown.find(&tokyo_address).expect("the Tokyo Ailock is listed");
	assert!(munich_at < tokyo_at, "{shown}");
	let near =
		cli.ok(None, &["intent", "near", "u281z7", "--tier", "city", "--skill", "translation"])?;
	assert!(near.contains(&format!("#{intent}")), "{near}");

	// Country-wide work (a country, no cell) is same-country work to listing and matching
	// alike: listed from a German place, not from a Japanese one, and the German Ailock invited.
	let country_wide = cli.ok(
		Some(&requester),
		&[
			"intent",
			"post",
			"--title",
			"Proofread German contracts",
			"--description",
			"Anywhere in Germany",
			"--category",
			"translation",
			"--skill",
			"translation",
			"--language",
			"de",
			"--country",
			"DE",
			"--flexibility",
			"global",
			"--budget",
			"500",
			"--deadline-in",
			"1000",
		],
	)?;
	let countrywide = posted_id(&country_wide)?;
	let german = cli.ok(
		None,
		&[
			"intent",
			"near",
			"u281z7",
			"--country",
			"DE",
			"--tier",
			"country",
			"--skill",
			"translation",
		],
	)?;
	assert!(german.contains(&format!("#{countrywide}")), "{german}");
	let japanese = cli.ok(
		None,
		&[
			"intent",
			"near",
			"xn774c",
			"--country",
			"JP",
			"--tier",
			"country",
			"--skill",
			"translation",
		],
	)?;
	assert!(!japanese.contains(&format!("#{countrywide}")), "{japanese}");
	let invited = invitations(&client, countrywide).await?;
	// Global flexibility scores location alike for everyone, so ties fall to the account id:
	// the German Ailock is among the invited, not necessarily first.
	assert!(invited.iter().any(|(a, _)| a.to_string() == munich_address), "{invited:?}");

	// The Berlin conference as a chain of five steps.
	let conference = cli.ok(
		Some(&requester),
		&[
			"intent",
			"post",
			"--title",
			"Organise a tech conference in Berlin",
			"--description",
			"300 guests, two days",
			"--category",
			"events",
			"--skill",
			"event-planning",
			"--place",
			"u33db",
			"--country",
			"DE",
			"--budget",
			"8000",
			"--deadline-in",
			"1000",
		],
	)?;
	let root = posted_id(&conference)?;
	let plan = r#"[
		{"title": "Venue", "skills": ["venue booking"], "cell": "u33db", "budget": "3000", "deliverable": "signed venue contract"},
		{"title": "Speakers", "skills": ["event planning"], "cell": "u33db", "flexibility": "global", "budget": "2000", "deliverable": "confirmed line-up"},
		{"title": "Catering", "skills": ["catering"], "cell": "u33db", "budget": "1500", "deliverable": "menu and contract", "depends_on": [0]},
		{"title": "Marketing", "skills": ["marketing"], "cell": "u33d", "budget": "1000", "deliverable": "campaign", "depends_on": [0, 1]},
		{"title": "Run the day", "skills": ["event planning"], "cell": "u33db", "budget": "500", "deliverable": "the conference", "depends_on": [2, 3]}
	]"#;
	let dir = tempfile::tempdir()?;
	let plan_file = dir.path().join("berlin.json");
	std::fs::write(&plan_file, plan)?;
	let plan_path = plan_file.to_string_lossy().into_owned();
	let proposed = cli.ok(
		Some(&requester),
		&[
			"chain",
			"propose",
			&root.to_string(),
			&plan_path,
			"--model",
			"llama-3-70b",
			"--prompt",
			"Organise a tech conference in Berlin",
		],
	)?;
	assert!(proposed.contains("Intents.ChainProposed"), "{proposed}");
	let chain = cli.ok(None, &["chain", "show", &root.to_string()])?;
	assert_eq!(chain.matches("\tReady\t").count(), 2, "{chain}");
	assert_eq!(chain.matches("\tWaiting\t").count(), 3, "{chain}");
	assert!(chain.contains("provenance:"), "{chain}");

	// A cyclic chain is refused with its own error.
	let second = posted_id(&cli.ok(
		Some(&requester),
		&[
			"intent",
			"post",
			"--title",
			"Another conference",
			"--description",
			"x",
			"--category",
			"events",
			"--place",
			"u33db",
			"--budget",
			"100",
			"--deadline-in",
			"1000",
		],
	)?)?;
	let cyclic = r#"[
		{"title": "A", "cell": "u33db", "budget": "10", "depends_on": [1]},
		{"title": "B", "cell": "u33db", "budget": "10", "depends_on": [0]}
	]"#;
	let cyclic_file = dir.path().join("cyclic.json");
	std::fs::write(&cyclic_file, cyclic)?;
	let refused = cli.run(
		Some(&requester),
		&["chain", "propose", &second.to_string(), &cyclic_file.to_string_lossy()],
	)?;
	assert!(!refused.status.success());
	assert!(
		String::from_utf8_lossy(&refused.stderr).contains("Intents.CyclicChain"),
		"{}",
		String::from_utf8_lossy(&refused.stderr)
	);

	// An intent whose deadline passes expires and returns its deposit.
	let requester_account = account_of(&keypair(&requester)?);
	let reserved_before = client.account(&requester_account, None).await?.data.reserved;
	let short = posted_id(&cli.ok(
		Some(&requester),
		&[
			"intent",
			"post",
			"--title",
			"Proofread a letter",
			"--description",
			"one page",
			"--category",
			"translation",
			"--place",
			"u281z",
			"--budget",
			"5",
			"--deadline-in",
			"3",
		],
	)?)?;
	let deposit = client.intent(short).await?.expect("open").deposit;
	assert_eq!(
		client.account(&requester_account, None).await?.data.reserved,
		reserved_before + deposit
	);
	for _ in 0..5 {
		client.rpc_raw("engine_createBlock", serde_json::json!([true, true, null])).await?;
	}
	assert!(client.intent(short).await?.is_none(), "expired and removed");
	assert_eq!(client.account(&requester_account, None).await?.data.reserved, reserved_before);
	Ok(())
}
