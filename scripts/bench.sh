#!/usr/bin/env bash
# Benchmarks: installs what is missing, builds the release site, runs the native engine benchmark
# and the decoder fuzz run, then measures the wizard beside its SurveyJS peer in headless Chromium
# (download size, time to the first rendered question, cost of an answer change).
#   DIST=dist LOADS=9 FUZZ=100000 PEER=../shared/peers/surveyjs scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
DIST=${DIST:-dist}
PEER=${PEER:-../shared/peers/surveyjs}

echo "== release build ($DIST)"
DIST="$DIST" scripts/build.sh

echo "== native engine benchmark"
cargo run -q -p scope --release --example bench_engine

echo "== decoder fuzz run"
# The release profile aborts on panic (for the wasm app); the fuzz run must unwind to count panics.
CARGO_PROFILE_RELEASE_PANIC=unwind cargo run -q -p scope --release --example fuzz_decoders -- "${FUZZ:-100000}"

[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund >/dev/null)
[ -d "$PEER/node_modules/survey-core" ] || (cd "$PEER" && npm ci --no-audit --no-fund >/dev/null)

echo "== browser: the wizard beside its peer"
node scripts/bench.mjs --dist "$DIST" --peer "$PEER" --loads "${LOADS:-9}"
