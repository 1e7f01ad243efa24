#!/usr/bin/env bash
# Benchmarks the project's pallets with the node's `benchmark pallet` command and regenerates
# their `weights.rs`, running `pallet_balances` in the same invocation so every weight can be
# reported as a ratio to `balances.transfer_keep_alive` measured on the same machine and run.
#
#   scripts/benchmark.sh              # all project pallets (pallets/*, except primitives)
#   scripts/benchmark.sh did ailocks  # only these (directory names under pallets/)
#
# Builds the node in release mode with `runtime-benchmarks` in its own target dir
# ($HOME/.cache/ailock/target-bench), so it never invalidates the test build.
# Writes: pallets/<name>/src/weights.rs and target-bench/benchmarks/ratios.md (also printed).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export CARGO_TARGET_DIR="${AILOCK_BENCH_TARGET_DIR:-$HOME/.cache/ailock/target-bench}"
steps="${AILOCK_BENCH_STEPS:-50}"
repeat="${AILOCK_BENCH_REPEAT:-20}"

scripts/setup.sh
step "build ailock-node --release --features runtime-benchmarks"
cargo build --locked --release -p ailock-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/release/ailock-node"

# Project pallets: crate `pallet-<dir>` benchmarked as `pallet_<dir>`.
if [ $# -gt 0 ]; then dirs=("$@"); else
	dirs=()
	for manifest in pallets/*/Cargo.toml; do
		dir=$(basename "$(dirname "$manifest")")
		[ "$dir" = primitives ] || dirs+=("$dir")
	done
fi
pallets="pallet_balances"
for dir in "${dirs[@]}"; do pallets="$pallets,pallet_${dir//-/_}"; done

out="$CARGO_TARGET_DIR/benchmarks"
rm -rf "$out" && mkdir -p "$out/weights"
step "benchmark $pallets (steps $steps, repeat $repeat)"
"$node" benchmark pallet --chain dev --pallets "$pallets" --extrinsic '*' \
	--steps "$steps" --repeat "$repeat" --json-file "$out/results.json" \
	--template scripts/frame-weight-template.hbs --header scripts/weights-header.txt \
	--output "$out/weights/"

for dir in "${dirs[@]}"; do
	step "pallets/$dir/src/weights.rs"
	cp "$out/weights/pallet_${dir//-/_}.rs" "pallets/$dir/src/weights.rs"
done

# Every weight as a ratio to transfer_keep_alive, from the summaries the template appends.
python3 scripts/weight-ratios.py "$out"/weights/*.rs | tee "$out/ratios.md"
