//! A bounded fuzzing run (seconds) as part of the test suite: a few seeds, every invariant
//! checked after every block. `scripts/fuzz.sh` runs the long campaign.

#[test]
fn random_call_sequences_keep_every_invariant() {
	let mut report = ailock_fuzz::Report::default();
	for seed in 1..=3 {
		report.absorb(ailock_fuzz::run(seed, 60, 10));
	}
	assert!(report.findings.is_empty(), "findings: {:#?}", report.findings);
	assert_eq!(report.blocks, 180);
	// The generators reach past the first checks: plenty of calls succeed, across pallets.
	assert!(
		report.succeeded * 5 > report.executions,
		"{} of {}",
		report.succeeded,
		report.executions
	);
	for call in [
		"Ailocks.register",
		"Intents.post_intent",
		"Intents.propose_chain",
		"Did.dispatch_as_agent",
	] {
		assert!(
			report.outcomes.contains(&format!("{call} → ok")),
			"{call} never succeeded: {:#?}",
			report.outcomes
		);
	}
}
