#!/usr/bin/env bash
# Sets up the machine, builds everything and runs every check and test:
# formatting, clippy (warnings are errors), unit/property/runtime tests, the pallets'
# benchmarks (as tests, with try-state invariants), the end-to-end tests that start real
# ailock-node processes (including the polkadot.js wallet test) and try-runtime against a dev
# chain's state.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
start=$(date +%s)

step "setup"
scripts/setup.sh

step "sdk versions match polkadot-sdk stable2609"
python3 scripts/check-sdk-versions.py

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo deny (licenses, bans, sources; deny.toml)"
cargo deny --log-level error check bans licenses sources

# `ailock-try-runtime` builds the runtime natively with `try-runtime`: it is built on its own
# (scripts/try-runtime.sh, below), so the node's runtime never gets those features.
step "build node and CLI"
cargo build --locked --workspace --exclude ailock-try-runtime --bins

step "tests (unit, runtime, end-to-end)"
cargo nextest run --locked --workspace --exclude ailock-try-runtime --no-fail-fast \
	--failure-output immediate-final

# The market pallets' benchmarks run as tests (each at its worst case, asserting its outcome)
# and every test also checks the pallets' try_state invariants.
market_pallets=(-p pallet-did -p pallet-ailocks -p pallet-intents -p pallet-vcg-auction)
step "pallet benchmarks and try-state invariants"
SKIP_WASM_BUILD=1 cargo nextest run --locked "${market_pallets[@]}" \
	--features runtime-benchmarks,try-runtime --no-fail-fast --failure-output immediate-final

step "clippy --all-features"
# One pass with every feature of every crate (the SDK templates' way): the benchmark and
# try-runtime code is linted with everything else, in check mode, without another build. The
# runtime's wasm blob is not needed to lint.
SKIP_WASM_BUILD=1 cargo clippy --locked --workspace --all-targets --all-features -- -D warnings

step "try-runtime against a dev chain's state"
scripts/try-runtime.sh

step "all checks passed in $(( $(date +%s) - start ))s"
