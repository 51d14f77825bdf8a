#!/usr/bin/env bash
# Builds the release site into dist/ (or $DIST): trunk, wasm-bindgen, wasm-opt (binaryen from npm),
# then minifies the JS glue with esbuild (Trunk minifies only the HTML and CSS; -1.5 KB gzip).
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=${SKIP_BROWSER:-1} source scripts/setup.sh
DIST=${DIST:-dist}
trunk build --release --offline --dist "$DIST"
glue="$DIST/ems-scope-wizard.js"
esbuild "$glue" --minify --format=esm --log-level=warning --outfile="$glue.min"
mv "$glue.min" "$glue"
