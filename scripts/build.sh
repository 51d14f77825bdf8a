#!/usr/bin/env bash
# Builds the release site into dist/ (or $DIST) with Trunk: cargo, wasm-bindgen and wasm-opt
# (binaryen from npm, never Debian's). Trunk minifies the HTML and CSS; esbuild then minifies the
# JS glue and the loader, which Trunk leaves as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=${SKIP_BROWSER:-1} source scripts/setup.sh
DIST=${DIST:-dist}
trunk build --release --offline --dist "$DIST"
for js in "$DIST/ems-scope-wizard.js" "$DIST/loader.js"; do
  esbuild "$js" --minify --format=esm --log-level=warning --outfile="$js.min"
  mv "$js.min" "$js"
done
