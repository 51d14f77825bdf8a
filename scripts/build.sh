#!/usr/bin/env bash
# Builds the release site into dist/ (or $DIST): trunk, wasm-bindgen, wasm-opt (binaryen from npm),
# then shortens the wasm's import and export names (scripts/short-names.mjs; -4 KB gzip) and
# minifies the JS glue and loader with esbuild (Trunk minifies only the HTML and CSS; -1.6 KB gzip).
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
# Trunk leaves its own <link data-trunk rel=rust ...> tag (with the wasm-opt options) in the page.
node -e '
  const fs = require("fs"), file = process.argv[1];
  const html = fs.readFileSync(file, "utf8"), out = html.replace(/<link [^>]*\bdata-trunk\b[^>]*>/g, "").replace(/ data-integrity=none/g, "");
  if (out === html) { console.error("build.sh: no Trunk link tag found in " + file); process.exit(1); }
  fs.writeFileSync(file, out);' "$DIST/index.html"
for js in "$glue" "$DIST/loader.js"; do
  esbuild "$js" --minify --format=esm --log-level=warning --outfile="$js.min"
  mv "$js.min" "$js"
done
