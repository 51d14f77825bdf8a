#!/usr/bin/env bash
# Installs every tool the build and the tests need, pinned to exact versions, and skips what is
# already there. Safe to run again. Sourced by serve.sh, test.sh and bench.sh.
#
#   TOOLS_DIR  where npm-installed tools live (default: ~/.cache/ems-scope-tools)
#   SKIP_BROWSER=1  do not install Chromium (serve.sh needs none)
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pin in Cargo.toml
BINARYEN_VERSION=132.0.0       # npm binaryen; never Debian's binaryen 108 (breaks the wasm at start)
ESBUILD_VERSION=0.28.2         # minifies the wasm-bindgen JS glue, which Trunk leaves as it is
TOOLS_DIR=${TOOLS_DIR:-$HOME/.cache/ems-scope-tools}

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Without --locked: with it, a locked dependency was once missing from the registry.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

mkdir -p "$TOOLS_DIR"
if [ "$("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  (cd "$TOOLS_DIR" && [ -f package.json ] || echo '{"private":true}' > "$TOOLS_DIR/package.json"
   cd "$TOOLS_DIR" && npm install --no-audit --no-fund --save-exact "binaryen@$BINARYEN_VERSION" >&2)
fi
if [ "$("$TOOLS_DIR/node_modules/.bin/esbuild" --version 2>/dev/null || true)" != "$ESBUILD_VERSION" ]; then
  say "installing esbuild $ESBUILD_VERSION from npm"
  (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --save-exact "esbuild@$ESBUILD_VERSION" >&2)
fi
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if [ "${SKIP_BROWSER:-0}" != 1 ]; then
  if ! command -v chromium >/dev/null; then
    say "installing Debian's chromium"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
  fi
fi
