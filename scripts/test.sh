#!/usr/bin/env bash
# Runs every test: installs what is missing, then the engine's native tests, the release build,
# the download-size budget, and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== source coverage (every guidance line of ../shared/source is in the catalog)"
if [ ! -f ../shared/tools/seed_coverage.py ]; then
  echo "../shared (the source documents and tools) must be checked out beside this repository" >&2
  exit 1
fi
python3 ../shared/tools/seed_coverage.py ../shared/source .

echo "== native tests (scope engine, catalog, decoders)"
cargo test -p scope --release
cargo test -p ems-scope-wizard

echo "== decoder fuzz run (a short one; scripts/bench.sh runs 100,000 inputs per decoder)"
# The release profile aborts on panic (for the wasm app); the fuzz run must unwind to count panics.
CARGO_PROFILE_RELEASE_PANIC=unwind cargo run -q -p scope --release --example fuzz_decoders -- "${FUZZ:-5000}"

echo "== release build"
scripts/build.sh

echo "== size budget"
node scripts/size.mjs --budget "${SIZE_BUDGET:-90000}"

echo "== browser tests (headless Chromium)"
(cd tests/browser && npm ci --no-audit --no-fund >/dev/null && node --test --test-concurrency=1)
