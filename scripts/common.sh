# scripts/common.sh: shared helpers sourced by Wuzha's bash scripts (not run on its own).
# shellcheck shell=bash
# Puts the repository root in $ROOT and makes cargo-installed tools reachable.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# cargo/rustup installs into ~/.cargo/bin; a non-login shell (CI) may not have it on PATH.
if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
  case ":$PATH:" in
    *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
    *) PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
  esac
  export PATH
fi

# Print a step header on stderr-free stdout so logs read in order.
step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# Seconds since the epoch with millisecond precision, for timing steps.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

# The version of the `wasm-bindgen` crate recorded in Cargo.lock (empty if none).
lock_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { name = ""; next }
    /^name = /        { name = $3; gsub(/"/, "", name); next }
    /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
  ' "$ROOT/Cargo.lock"
}
