//! DIDs, agent keys and the Ailock registry through a dev node and the `ailock` CLI: create a
//! DID, register an Ailock in Munich at city level, authorize an agent key that updates the
//! profile as the owner, fail out of scope, revoke, discover from near and far, go offline.

use ailock_client::{
	accounts::{account_of, keypair},
	convert, parse_amount, SubmitOptions,
};
use ailock_e2e::{connect, fresh_uri, CliRunner, Node, NodeConfig};
use ailock_primitives::geo::GeoCell;

#[tokio::test]
async fn did_agent_registry_discovery_and_liveness() -> anyhow::Result<()> {
	let node = Node::start(NodeConfig::dev())?;
	let client = connect(&node).await?;
	let cli = CliRunner::for_node(&node)?;
	let alice = keypair("//Alice")?;
	let owner_uri = fresh_uri("owner");
	let agent_uri = fresh_uri("agent");
	let owner = account_of(&keypair(&owner_uri)?);
	let agent = account_of(&keypair(&agent_uri)?);
	for (who, amount) in [(&owner, "100"), (&agent, "5")] {
		client
			.transfer(&alice, *who, parse_amount(amount)?, SubmitOptions::default(), |_| {})
			.await?;
	}
	let owner_address = owner.to_string();
	let agent_address = agent.to_string();
	let owner_suri = Some(owner_uri.as_str());
	let agent_suri = Some(agent_uri.as_str());

	// A DID, resolved as a W3C document.
	let created = cli.ok(owner_suri, &["did", "create"])?;
	assert!(created.contains("Did.DidCreated"), "{created}");
	let document: serde_json::Value =
		serde_json::from_str(&cli.ok(None, &["did", "resolve", &owner_address])?)?;
	let did = format!("did:ailock:{owner_address}");
	assert_eq!(document["id"], did);
	assert_eq!(document["authentication"][0], format!("{did}#key-0"));
	assert_eq!(document["assertionMethod"][0], format!("{did}#key-1"));
	assert_eq!(document["verificationMethod"][0]["type"], "Sr25519VerificationKey2020");

	// An Ailock in Munich, shared at city level: only 5 geohash characters reach the chain.
	let registered = cli.ok(
		owner_suri,
		&[
			"registry",
			"register",
			"--name",
			"Munich translator",
			"--skill",
			"translation",
			"--skill",
			"German automotive",
			"--language",
			"de",
			"--language",
			"en",
			"--lat",
			"48.137154",
			"--lon",
			"11.576124",
			"--sharing",
			"city",
			"--country",
			"DE",
		],
	)?;
	assert!(registered.contains("Ailocks.Registered"), "{registered}");
	let view = client.ailock(&owner).await?.expect("registered");
	let cell: GeoCell = convert(view.ailock.profile.location.cell.as_ref().expect("a cell"));
	assert_eq!(cell.as_str(), "u281z");

	// An agent key, scoped to updates and heartbeats, updates the profile as the owner.
	cli.ok(
		owner_suri,
		&[
			"did",
			"authorize-agent",
			&agent_uri,
			"--scope",
			"Ailocks.update",
			"--scope",
			"Ailocks.heartbeat",
			"--cap",
			"1",
			"--expires-in",
			"10000",
		],
	)?;
	let resolved_by_agent: serde_json::Value =
		serde_json::from_str(&cli.ok(None, &["did", "resolve", &agent_address])?)?;
	assert_eq!(resolved_by_agent["id"], did, "an agent key resolves to its owner's DID");
	assert_eq!(resolved_by_agent["ailock"]["agents"][0]["agent"], agent_address);
	let updated = cli
		.ok(agent_suri, &["--as-agent", "registry", "update", "--name", "Updated by my Ailock"])?;
	assert!(updated.contains("Did.AgentDispatched"), "{updated}");
	let view = client.ailock(&owner).await?.expect("registered");
	assert_eq!(view.ailock.profile.name.0, b"Updated by my Ailock");
	assert!(client.ailock(&agent).await?.is_none(), "the agent acted for the owner");

	// Outside the scope: a clear error, nothing charged to the owner.
	let before = client.account(&owner, None).await?.data;
	cli.fails_with(
		agent_suri,
		&["--as-agent", "registry", "boost", "u281", "10"],
		"Did.CallNotInScope",
	)?;
	let after = client.account(&owner, None).await?.data;
	assert_eq!((after.free, after.reserved), (before.free, before.reserved), "owner charged");

	// Revoked at once.
	cli.ok(owner_suri, &["did", "revoke-agent", &agent_address])?;
	cli.fails_with(agent_suri, &["--as-agent", "registry", "heartbeat"], "Did.NotAnAgent")?;

	// Discovery: found from a nearby cell, not from Tokyo.
	let near = cli.ok(None, &["registry", "near", "u281z7", "--tier", "city"])?;
	assert!(near.contains(&owner_address), "{near}");
	let near_by_point = cli.ok(
		None,
		&["registry", "near", "48.14,11.58", "--tier", "region", "--skill", "translation"],
	)?;
	assert!(near_by_point.contains(&owner_address), "{near_by_point}");
	let tokyo =
		cli.ok(None, &["registry", "near", "xn774c", "--country", "JP", "--tier", "country"])?;
	assert!(!tokyo.contains(&owner_address), "{tokyo}");

	// Silence: after the heartbeat timeout (100 blocks) it reads offline and drops out.
	for _ in 0..101 {
		client.rpc_raw("engine_createBlock", serde_json::json!([true, true, null])).await?;
	}
	let shown = cli.ok(None, &["registry", "show", &owner_address])?;
	assert!(shown.contains("status:     Offline"), "{shown}");
	let near = cli.ok(None, &["registry", "near", "u281z7", "--tier", "city"])?;
	assert!(!near.contains(&owner_address), "{near}");
	// A heartbeat brings it back.
	cli.ok(owner_suri, &["registry", "heartbeat"])?;
	let near = cli.ok(None, &["registry", "near", "u281z7", "--tier", "city"])?;
	assert!(near.contains(&owner_address), "{near}");
	Ok(())
}
