#!/usr/bin/env bash
# Builds the release site into dist/ (or $DIST) with Trunk: cargo, wasm-bindgen and wasm-opt
# (binaryen from npm, never Debian's), and Trunk's post-build hook, which prerenders the first
# screen into index.html (src/bin/prerender.rs). Trunk minifies the HTML and CSS; esbuild then minifies the
# JS glue and the loader, which Trunk leaves as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=${SKIP_BROWSER:-1} source scripts/setup.sh
DIST=${DIST:-dist}
trunk build --release --offline --dist "$DIST"
# The glue is an ES module; the loader a classic script.
esbuild "$DIST/ems-scope-wizard.js" --minify --format=esm --log-level=warning --outfile="$DIST/glue.min"
esbuild "$DIST/loader.js" --minify --log-level=warning --outfile="$DIST/loader.min"
mv "$DIST/glue.min" "$DIST/ems-scope-wizard.js"
mv "$DIST/loader.min" "$DIST/loader.js"
