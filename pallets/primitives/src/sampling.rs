//! A fair, bounded read of a storage map's keys.
//!
//! Reading "the first `n` entries" of a map returns them in key-hash order, so whoever grinds
//! account ids (or posts many intents) decides who is seen. [`sample_keys`] starts at a point
//! derived from a seed nobody controls at the time the entries were written (the parent block
//! hash) and wraps around, so every entry has the same chance to be read, whoever holds the rest.

use alloc::vec::Vec;

/// The seed of a sample: the parent block hash mixed with what is searched, so every block (and
/// every query) starts somewhere else.
pub fn seed(parent_hash: &[u8], query: &[u8]) -> [u8; 16] {
	let mut input = Vec::with_capacity(parent_hash.len().saturating_add(query.len()));
	input.extend_from_slice(parent_hash);
	input.extend_from_slice(query);
	sp_io::hashing::blake2_128(&input)
}

/// Up to `budget` raw storage keys under `prefix`, starting after `prefix ++ seed` and wrapping
/// around to the prefix's first key. Every key is read at most once.
pub fn sample_keys(prefix: &[u8], seed: [u8; 16], budget: usize) -> Vec<Vec<u8>> {
	let mut start = prefix.to_vec();
	start.extend_from_slice(&seed);
	let mut keys = Vec::new();
	let mut cursor = start.clone();
	while keys.len() < budget {
		match sp_io::storage::next_key(&cursor) {
			Some(next) if next.starts_with(prefix) => {
				cursor = next.clone();
				keys.push(next);
			},
			_ => break,
		}
	}
	let mut cursor = prefix.to_vec();
	while keys.len() < budget {
		match sp_io::storage::next_key(&cursor) {
			Some(next) if next.starts_with(prefix) && next <= start => {
				cursor = next.clone();
				keys.push(next);
			},
			_ => break,
		}
	}
	keys
}

/// Most entries one sampled search reads.
pub const MAX_SAMPLE: usize = 4096;

/// A fair sample of up to [`MAX_SAMPLE`] keys `K` of a `Blake2_128Concat` map (or of one first key
/// of a double map) under `prefix`, starting where `parent_hash` and `query` point.
pub fn sample_blake2_128_concat<K: codec::Decode>(
	prefix: &[u8],
	parent_hash: &[u8],
	query: &[u8],
) -> Vec<K> {
	sample_keys(prefix, seed(parent_hash, query), MAX_SAMPLE)
		.iter()
		.filter_map(|raw| decode_blake2_128_concat(raw, prefix.len()))
		.collect()
}

/// The key type of a map hashed with `Blake2_128Concat`, from the rest of a raw key after
/// `prefix_len` bytes: the 16 hash bytes, then the SCALE-encoded key.
pub fn decode_blake2_128_concat<K: codec::Decode>(raw: &[u8], prefix_len: usize) -> Option<K> {
	let encoded = raw.get(prefix_len.checked_add(16)?..)?;
	K::decode(&mut &encoded[..]).ok()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn with_keys(keys: &[&[u8]], test: impl FnOnce()) {
		sp_io::TestExternalities::default().execute_with(|| {
			for key in keys {
				sp_io::storage::set(key, b"x");
			}
			test();
		});
	}

	#[test]
	fn a_sample_starts_at_the_seed_and_wraps_around_once() {
		let mut seed_low = [0u8; 16];
		seed_low[0] = 0x50;
		with_keys(&[b"pA\x10", b"pA\x40", b"pA\x60", b"pA\x90", b"pB\x00"], || {
			let sample = sample_keys(b"pA", seed_low, 10);
			let expected: Vec<Vec<u8>> = vec![
				b"pA\x60".to_vec(),
				b"pA\x90".to_vec(),
				b"pA\x10".to_vec(),
				b"pA\x40".to_vec(),
			];
			assert_eq!(sample, expected);
			assert_eq!(sample_keys(b"pA", seed_low, 3), expected[..3].to_vec());
			assert_eq!(sample_keys(b"pC", seed_low, 3), Vec::<Vec<u8>>::new());
		});
	}

	#[test]
	fn decoding_skips_the_hash() {
		let mut raw = b"prefix".to_vec();
		raw.extend_from_slice(&[7u8; 16]);
		raw.extend_from_slice(&codec::Encode::encode(&42u64));
		assert_eq!(decode_blake2_128_concat::<u64>(&raw, 6), Some(42));
		assert_eq!(decode_blake2_128_concat::<u64>(&raw[..10], 6), None);
	}
}
