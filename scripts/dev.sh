#!/usr/bin/env bash
# Sets up the machine, builds the node and starts a development chain on ws://127.0.0.1:9944.
# Extra arguments go to ailock-node, e.g. `scripts/dev.sh --consensus manual-seal-1000`.
# State is kept in ~/.local/share/ailock-dev between runs; `scripts/dev.sh --purge` starts over.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

base_path="${AILOCK_DEV_BASE_PATH:-$HOME/.local/share/ailock-dev}"
rpc_port="${AILOCK_DEV_RPC_PORT:-9944}"
p2p_port="${AILOCK_DEV_P2P_PORT:-30333}"
prometheus_port="${AILOCK_DEV_PROMETHEUS_PORT:-9615}"
if [ "${1:-}" = "--purge" ]; then
	shift
	rm -rf "$base_path"
fi

step "setup"
scripts/setup.sh
step "build ailock-node and ailock"
# Same package selection as scripts/test.sh, so both share one build.
cargo build --locked --workspace --exclude ailock-try-runtime --bins

# Alice's matcher key, so the dev node's offchain worker matches new intents (Alice is the
# authorised matcher of the development preset). `--dev` also derives it; inserting it here keeps
# it there whatever extra arguments are given.
"$AILOCK_NODE_BIN" key insert --chain dev --base-path "$base_path" \
	--scheme sr25519 --key-type mtch --suri //Alice

cat >&2 <<INFO

  Ailock Network dev node: ws://127.0.0.1:$rpc_port   (Prometheus: http://127.0.0.1:$prometheus_port/metrics)
  - polkadot.js Apps:  https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$rpc_port#/explorer
  - Browser wallets (polkadot{.js} extension, Talisman, SubWallet): add the network with
    RPC ws://127.0.0.1:$rpc_port, token AIL, 12 decimals, SS58 prefix 42; dev accounts: //Alice …
  - CLI:  $AILOCK_CLI_BIN --url ws://127.0.0.1:$rpc_port balance //Alice
          $AILOCK_CLI_BIN --url ws://127.0.0.1:$rpc_port --suri //Alice transfer //Bob 1.5
  - Market: $AILOCK_CLI_BIN --suri //Alice did create; … registry register …; … intent post …
    (the node matches new intents with Alice's matcher key: ailock matches <intent>)
  Blocks are sealed as soon as a transaction arrives (and one per 6 s slot when idle),
  each finalized 0.4 s later. Ctrl-C stops the node; its state stays in $base_path.

INFO
exec "$AILOCK_NODE_BIN" --dev --base-path "$base_path" --rpc-cors all \
	--rpc-port "$rpc_port" --port "$p2p_port" --prometheus-port "$prometheus_port" "$@"
