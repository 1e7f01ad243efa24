#!/usr/bin/env bash
# The release build: the node in the `production` profile (LTO, one codegen unit) with
# `metadata-hash`, so the runtime commits to its metadata's hash and `CheckMetadataHash` can be
# enabled by wallets (hardware wallets verify what they display against it). Prints the runtime
# blobs and their sizes: the `.compact.compressed.wasm` is what a `System.set_code` upgrade or a
# chain spec carries.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/setup.sh
step "build ailock-node --profile production --features metadata-hash"
cargo build --locked --profile production -p ailock-node --features metadata-hash
wbuild="$CARGO_TARGET_DIR/production/wbuild/ailock-runtime"
step "node: $CARGO_TARGET_DIR/production/ailock-node"
for blob in "$wbuild"/ailock_runtime.wasm "$wbuild"/ailock_runtime.compact.wasm \
	"$wbuild"/ailock_runtime.compact.compressed.wasm; do
	printf '%10d bytes  %s\n' "$(stat -c %s "$blob")" "$blob"
done
