#!/usr/bin/env bash
# Regenerates client/metadata/ailock.scale (metadata v16) from the runtime, so the client's
# static bindings match it. The runtime test `checked_in_client_metadata_is_current` fails
# when the checked-in file is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
AILOCK_BLESS_METADATA=1 cargo test --locked -p ailock-runtime --lib -- \
	tests::checked_in_client_metadata_is_current --exact
step "wrote client/metadata/ailock.scale ($(stat -c %s client/metadata/ailock.scale) bytes)"
