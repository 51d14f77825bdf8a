#!/usr/bin/env bash
# Builds the release site into dist/ (or $DIST): trunk, wasm-bindgen, wasm-opt (binaryen from npm),
# then shortens the wasm's import and export names (scripts/short-names.mjs; -4 KB gzip) and
# minifies the JS glue with esbuild (Trunk minifies only the HTML and CSS; -1.5 KB gzip).
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=${SKIP_BROWSER:-1} source scripts/setup.sh
DIST=${DIST:-dist}
trunk build --release --offline --dist "$DIST"
glue="$DIST/ems-scope-wizard.js"
wasm="$DIST/ems-scope-wizard_bg.wasm"
mapping=$(mktemp)
trap 'rm -f "$mapping" "$wasm.short"' EXIT
wasm-opt --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue \
  --minify-imports-and-exports-and-modules "$wasm" -o "$wasm.short" > "$mapping"
node scripts/short-names.mjs "$mapping" "$glue"
mv "$wasm.short" "$wasm"
esbuild "$glue" --minify --format=esm --log-level=warning --outfile="$glue.min"
mv "$glue.min" "$glue"
