#!/usr/bin/env bash
# Benchmarks: installs what is missing, builds the release site, runs the native engine benchmark
# and the decoder fuzz run, then measures the wizard beside its SurveyJS peer in headless Chromium,
# both served gzip (download size, time to the first rendered question, cost of an answer change,
# click to next paint at 4x CPU slowdown, Lighthouse mobile; docs/performance.md has the figures).
# Last, mutation testing of the engine and the CLI with cargo-mutants (833 mutants, about an hour; MUTANTS=0 skips it).
#   DIST=dist LOADS=15 RUNS=5 LIGHTHOUSE_RUNS=5 FUZZ=100000 PEER=../shared/peers/surveyjs MUTANTS=1 scripts/bench.sh
# Not part of scripts/test.sh: timings vary with the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
DIST=${DIST:-dist}
PEER=${PEER:-../shared/peers/surveyjs}
LIGHTHOUSE_VERSION=12.2.3   # 13 needs Node 22

echo "== release build ($DIST)"
DIST="$DIST" scripts/build.sh

echo "== native engine benchmark"
cargo run -q -p scope --release --example bench_engine

echo "== decoder fuzz run"
# The release profile aborts on panic (for the wasm app); the fuzz run must unwind to count panics.
CARGO_PROFILE_RELEASE_PANIC=unwind cargo run -q -p scope --release --example fuzz_decoders -- "${FUZZ:-100000}"

[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund >/dev/null)
# shared/ is read-only (and root could write there anyway): a peer without its packages is copied
# into the ignored target/ and installed there.
if [ ! -d "$PEER/node_modules/survey-core" ]; then
  COPY=target/peer-surveyjs
  cmp -s "$PEER/package-lock.json" "$COPY/package-lock.json" 2>/dev/null || rm -rf "$COPY"
  mkdir -p "$COPY" && cp -r "$PEER"/. "$COPY"/ && chmod -R u+w "$COPY"
  PEER=$COPY
fi
[ -d "$PEER/node_modules/survey-core" ] || (cd "$PEER" && npm ci --no-audit --no-fund >/dev/null)
# Lighthouse in its own folder of the tools folder (as setup.sh installs binaryen and esbuild).
LIGHTHOUSE_DIR="$TOOLS_DIR/lighthouse"
if [ "$("$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse" --version 2>/dev/null || true)" != "$LIGHTHOUSE_VERSION" ]; then
  echo "== installing lighthouse@$LIGHTHOUSE_VERSION into $LIGHTHOUSE_DIR"
  mkdir -p "$LIGHTHOUSE_DIR"
  [ -f "$LIGHTHOUSE_DIR/package.json" ] || echo '{"private":true}' > "$LIGHTHOUSE_DIR/package.json"
  (cd "$LIGHTHOUSE_DIR" && npm install --no-audit --no-fund --save-exact "lighthouse@$LIGHTHOUSE_VERSION" >&2)
fi

echo "== browser: the wizard beside its peer"
node scripts/bench.mjs --dist "$DIST" --peer "$PEER" --loads "${LOADS:-15}" --runs "${RUNS:-5}" \
  --lighthouse-runs "${LIGHTHOUSE_RUNS:-5}" --lighthouse "$LIGHTHOUSE_DIR/node_modules/lighthouse/cli/index.js"

if [ "${MUTANTS:-1}" = 1 ]; then
  echo "== mutation testing of crates/scope and crates/cli (cargo-mutants; about an hour)"
  if [ "$(cargo mutants --version 2>/dev/null || true)" != "cargo-mutants 27.1.0" ]; then
    cargo install cargo-mutants --version =27.1.0 --locked
  fi
  # Missed mutants are listed in target/mutants/mutants.out/missed.txt; the run exits non-zero
  # when there are any, which is reported rather than ending the benchmark.
  # Every mutant meets both packages' tests (--test-package): the CLI's reach engine code (the
  # page reader, the exports) beyond the engine's own. Without debug info the many test binaries
  # link faster; files git ignores (dist/, node_modules/) are not copied into the build trees.
  CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0 cargo mutants -p scope -p ems-scope-cli \
    --test-package scope --test-package ems-scope-cli --gitignore=true -j1 --timeout 30 -o target/mutants ||
    echo "cargo mutants: some mutants were not caught (see above)"
fi
