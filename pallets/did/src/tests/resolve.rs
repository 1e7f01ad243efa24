use super::*;
use crate::types::DidResolution;
use ailock_primitives::{
	did::{assertion_payload, verify_assertion, DidSignature},
	traits::DidLookup,
};
use sp_core::Pair;

#[test]
fn resolves_documents_agents_and_deactivation() {
	test(|| {
		assert_eq!(Did::resolve(&ALICE), DidResolution::NotFound);
		alice_with_agent(&["Market"]);
		let DidResolution::Active(doc) = Did::resolve(&ALICE) else { panic!("active") };
		assert_eq!(doc.controller, ALICE);
		assert_eq!(doc.keys.len(), 1);
		assert_eq!(doc.agents.len(), 1);
		assert_eq!(doc.agents[0].agent, AGENT);
		assert_eq!(doc.agents[0].spend_cap, 100);
		assert_eq!(doc.deposit, held(ALICE));

		assert_eq!(Did::did_of(&ALICE), Some(ALICE));
		assert_eq!(Did::did_of(&AGENT), Some(ALICE));
		assert_eq!(Did::did_of(&BOB), None);
		assert!(Did::has_active_did(&ALICE));
		assert!(!Did::has_active_did(&AGENT));

		System::set_block_number(7);
		assert_ok!(Did::deactivate(RuntimeOrigin::signed(ALICE), ALICE));
		assert_eq!(Did::resolve(&ALICE), DidResolution::Deactivated { at: 7 });
		assert_eq!(Did::did_of(&AGENT), None);
		assert!(!Did::has_active_did(&ALICE));
	});
}

#[test]
fn off_chain_assertions_verify_against_the_resolved_keys() {
	test(|| {
		let pair = sp_core::sr25519::Pair::from_seed(&[4; 32]);
		assert_ok!(Did::create(
			RuntimeOrigin::signed(ALICE),
			keys(&[
				(sr(1), Authentication),
				(DidPublicKey::Sr25519(pair.public()), AssertionMethod)
			]),
			services(&[])
		));
		let DidResolution::Active(doc) = Did::resolve(&ALICE) else { panic!("active") };
		let did_bytes = codec::Encode::encode(&ALICE);
		let payload = b"bid: 1800 AIL for step 2";
		let signature = DidSignature::Sr25519(pair.sign(&assertion_payload(&did_bytes, payload)));
		assert_eq!(verify_assertion(&did_bytes, &doc.keys, 1, payload, &signature), Ok(()));
		assert!(verify_assertion(&did_bytes, &doc.keys, 0, payload, &signature).is_err());
	});
}
