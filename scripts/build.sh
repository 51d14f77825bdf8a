#!/usr/bin/env bash
# Builds the release site into dist/ (or $DIST): trunk, wasm-bindgen, wasm-opt (binaryen from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=${SKIP_BROWSER:-1} source scripts/setup.sh
DIST=${DIST:-dist}
trunk build --release --offline --dist "$DIST"
