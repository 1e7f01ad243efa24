#!/usr/bin/env bash
# A long fuzzing campaign of the runtime: random sequences of signed calls of every pallet
# (directly, through agent keys, batches and sudo) applied through the real runtime block after
# block, every invariant checked after every block. Prints the executions, the distinct call
# outcomes reached and every finding with the seed that replays it.
#
#   scripts/fuzz.sh [SECONDS] [FIRST_SEED]      (default: 600 s from seed 1)
#
# A coverage-guided fuzzer (cargo-fuzz, ziggy) needs a nightly toolchain and its own
# instrumentation, which this project's machines cannot download; the campaign is a long
# randomized run of the same harness `cargo test -p ailock-fuzz` runs for a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
seconds="${1:-600}"
seed="${2:-1}"
# The debug profile, as the test suite builds it: no second build of the runtime.
step "building the fuzzer"
cargo build --locked -p ailock-fuzz
step "fuzzing for ${seconds}s from seed ${seed}"
"$CARGO_TARGET_DIR/debug/ailock-fuzz" --seconds "$seconds" --seed "$seed"
