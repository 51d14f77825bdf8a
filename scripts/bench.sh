#!/usr/bin/env bash
# Benchmarks: installs what is missing, builds the release site, runs the native engine benchmark
# and the decoder fuzz run, then measures the wizard beside its SurveyJS peer in headless Chromium
# (download size, time to the first rendered question, cost of an answer change).
# Last, mutation testing of the engine with cargo-mutants (710 mutants, about 70 minutes; MUTANTS=0 skips it).
#   DIST=dist LOADS=15 FUZZ=100000 PEER=../shared/peers/surveyjs MUTANTS=1 scripts/bench.sh
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
node scripts/bench.mjs --dist "$DIST" --peer "$PEER" --loads "${LOADS:-15}"

if [ "${MUTANTS:-1}" = 1 ]; then
  echo "== mutation testing of crates/scope and crates/cli (cargo-mutants; about 70 minutes)"
  if [ "$(cargo mutants --version 2>/dev/null || true)" != "cargo-mutants 27.1.0" ]; then
    cargo install cargo-mutants --version =27.1.0 --locked
  fi
  # Missed mutants are listed in target/mutants/mutants.out/missed.txt; the run exits non-zero
  # when there are any, which is reported rather than ending the benchmark.
  cargo mutants -p scope -p ems-scope-cli -j1 --timeout 30 -o target/mutants || echo "cargo mutants: some mutants were not caught (see above)"
fi
