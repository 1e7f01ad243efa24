# Sourced by the other scripts: shared build environment.
# The target dir lives outside the work tree so builds survive fresh clones and sessions.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ailock/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-always}"
# Offline fallback toolchain for the wasm runtime, recorded by scripts/setup.sh.
if [ -z "${WASM_BUILD_TOOLCHAIN:-}" ] && [ -f "$HOME/.cache/ailock/wasm-toolchain" ]; then
	WASM_BUILD_TOOLCHAIN="$(cat "$HOME/.cache/ailock/wasm-toolchain")"
	export WASM_BUILD_TOOLCHAIN
fi
AILOCK_NODE_BIN="${AILOCK_NODE_BIN:-$CARGO_TARGET_DIR/debug/ailock-node}"
export AILOCK_NODE_BIN
AILOCK_CLI_BIN="${AILOCK_CLI_BIN:-$CARGO_TARGET_DIR/debug/ailock}"
export AILOCK_CLI_BIN
step() { printf '\033[1;34m==> [%s] %s\033[0m\n' "$(date +%T)" "$*" >&2; }
