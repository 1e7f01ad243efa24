#!/usr/bin/env bash
# The release build: the node in the release profile with `metadata-hash`, so the runtime
# commits to its metadata's hash and `CheckMetadataHash` can be enabled by wallets (hardware
# wallets verify what they display against it). Prints the runtime blobs and their sizes: the
# `.compact.compressed.wasm` is what a `System.set_code` upgrade or a chain spec carries.
#
#   scripts/release.sh                 # --release
#   scripts/release.sh production      # the `production` profile (LTO, one codegen unit)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/setup.sh
profile="${1:-release}"
step "build ailock-node --profile $profile --features metadata-hash"
cargo build --locked --profile "$profile" -p ailock-node --features metadata-hash
wbuild="$CARGO_TARGET_DIR/$profile/wbuild/ailock-runtime"
step "node: $CARGO_TARGET_DIR/$profile/ailock-node"
for blob in "$wbuild"/ailock_runtime.wasm "$wbuild"/ailock_runtime.compact.wasm \
	"$wbuild"/ailock_runtime.compact.compressed.wasm; do
	printf '%10d bytes  %s\n' "$(stat -c %s "$blob")" "$blob"
done
