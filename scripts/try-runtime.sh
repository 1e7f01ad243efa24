#!/usr/bin/env bash
# try-runtime against a dev chain's state, with the runtime's `Migrations`.
#
#   scripts/try-runtime.sh                   # a fresh dev chain, filled through the CLI
#   scripts/try-runtime.sh --uri ws://HOST:PORT [--at 0xBLOCKHASH]   # a running chain instead
#
# Starts a `--dev` node, puts state in every market pallet through the `ailock` CLI (DIDs, an
# agent delegation, an Ailock with a boost and an offer, intents, a chain, the offchain
# matcher's matches), then runs `ailock-try-runtime` (tests/try-runtime): it loads the chain's
# whole state over RPC and runs this tree's runtime upgrade on it natively — the `Migrations`,
# every pallet's pre/post-upgrade checks and try_state — twice (the second run must not change
# the state root) and compares every market pallet's on-chain storage version with the code's.
# Exit status 0 only if all of that holds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

uri=""
tool_args=()
while [ $# -gt 0 ]; do
	case "$1" in
	--uri) uri="$2"; shift 2 ;;
	--at) tool_args+=(--at "$2"); shift 2 ;;
	*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
done

scripts/setup.sh
step "build ailock-try-runtime (this tree's runtime, natively, with try-runtime)"
# Its own build (the runtime with `try-runtime`, no wasm): it never touches the node's runtime.
SKIP_WASM_BUILD=1 cargo build --locked -p ailock-try-runtime
tool="$CARGO_TARGET_DIR/debug/ailock-try-runtime"

if [ -z "$uri" ]; then
	step "build ailock-node and ailock"
	# Same package selection as scripts/test.sh, so both share one build.
	cargo build --locked --workspace --exclude ailock-try-runtime --bins
	work="$(mktemp -d)"
	free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
	rpc_port="$(free_port)"
	"$AILOCK_NODE_BIN" --dev --base-path "$work/chain" --rpc-port "$rpc_port" --port "$(free_port)" \
		--no-prometheus --no-telemetry >"$work/node.log" 2>&1 &
	node=$!
	cleanup() {
		kill "$node" 2>/dev/null || true
		wait "$node" 2>/dev/null || true
		rm -rf "$work"
	}
	trap cleanup EXIT
	uri="ws://127.0.0.1:$rpc_port"
	step "dev node on $uri (log: $work/node.log)"
	for _ in $(seq 1 120); do
		if python3 - "$rpc_port" <<-'PY' 2>/dev/null; then break; fi
			import json, sys, urllib.request
			request = urllib.request.Request(
			    f"http://127.0.0.1:{sys.argv[1]}",
			    data=json.dumps({"jsonrpc": "2.0", "id": 1, "method": "system_health", "params": []}).encode(),
			    headers={"Content-Type": "application/json"},
			)
			json.load(urllib.request.urlopen(request, timeout=2))["result"]
		PY
		kill -0 "$node" 2>/dev/null || { tail -n 30 "$work/node.log" >&2; exit 1; }
		sleep 0.5
	done

	step "fill every market pallet through the CLI"
	cli() {
		local signer="$1"
		shift
		"$AILOCK_CLI_BIN" --url "$uri" --suri "$signer" "$@" >"$work/cli.out" 2>&1 || {
			cat "$work/cli.out" >&2
			echo "failed: ailock --suri $signer $*" >&2
			exit 1
		}
	}
	# Alice: a DID with an agent key, a city-level Ailock in Munich with a boost and an offer.
	cli //Alice did create
	cli //Alice registry register --name Translator --skill translation --language de \
		--min-price 100 --lat 48.137154 --lon 11.576124 --sharing city --country DE
	cli //Alice did authorize-agent //Eve --scope Ailocks --scope Intents --cap 10
	cli //Eve --as-agent registry heartbeat
	cli //Alice registry boost u281 10
	cli //Alice offer post --skill translation --price 50 --area u281z --reach region
	# Bob: a DID, an intent the dev node's matcher matches, and a root split into a chain.
	cli //Bob did create
	cli //Bob intent post --title "Translate technical documentation" \
		--description "German automotive market, 200 pages" --category translation \
		--skill translation --language de --place u281z --country DE --budget 20 --deadline-in 1000
	cli //Bob intent post --title "Berlin conference" --description "Venue, catering, badges" \
		--category events --skill events --place u33dc --country DE --budget 30 --deadline-in 2000
	cat >"$work/chain.json" <<-'JSON'
		[
		  {"title": "Venue", "skills": ["events"], "cell": "u33dc", "budget": "10",
		   "deliverable": "A booked venue", "depends_on": []},
		  {"title": "Catering", "skills": ["catering"], "cell": "u33dc", "budget": "10",
		   "deliverable": "Lunch for 200", "depends_on": [0]}
		]
	JSON
	cli //Bob chain propose 1 "$work/chain.json"
	# The matcher's submissions go in with the next blocks.
	sleep 3
fi

step "try-runtime against $uri"
"$tool" --uri "$uri" "${tool_args[@]}"
