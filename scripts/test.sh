#!/usr/bin/env bash
# Runs every test: installs what is missing, then formatting and lints, the native tests of every
# crate with logic (the catalog's coverage of source/ among them), a decoder fuzz run, the release
# and debug builds, the download-size alarm, and the browser tests in headless Chromium. Needs
# nothing beside the repository. The app crate is compiled only where a test needs it: checked by
# clippy for wasm32 and for the prerender, tested natively on the prerender's own build (ssr),
# built by Trunk (release and debug).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== formatting and lints (rustfmt, clippy natively and for the wasm32 app, the code's structure)"
cargo fmt --all --check
cargo clippy --workspace --exclude ems-scope-wizard --all-targets -- -D warnings
cargo clippy -p ems-scope-wizard --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p ems-scope-wizard --no-default-features --features ssr --bin prerender -- -D warnings
# No modules that import each other in a circle, no function over 60 lines.
node scripts/structure.mjs

echo "== native tests (every crate with logic: scope engine, catalog and its coverage of source/, decoders, fixtures)"
cargo test --workspace --exclude ems-scope-wizard
# The app natively as the prerender builds it (Effects off): no view reaches a browser API, and the
# prerender fills the marked root (the same build as the prerender hook's).
cargo test -p ems-scope-wizard --no-default-features --features ssr

echo "== a made-up third revision (tests/fixtures/revision-3.toml appended to catalog.toml, a test build)"
# Every test of the engine, not only the three-revision ones: none may assume two revisions.
cargo test -p scope -p ems-scope-cli --features third-revision

echo "== decoder fuzz run (a short one; scripts/bench.sh runs 100,000 inputs per decoder)"
# On the test profile, already compiled for the native tests (it unwinds, so panics are counted).
cargo run -q -p scope --example fuzz_decoders -- "${FUZZ:-5000}"

echo "== release build"
scripts/build.sh

echo "== debug build (dist-debug): hydration mismatches are reported only by debug builds"
trunk build --offline --dist dist-debug

echo "== size alarm (an accident such as a debug build shipped or a dependency pulled in twice)"
node scripts/size.mjs --budget "${SIZE_BUDGET:-300000}"

echo "== browser tests (@playwright/test over headless Chromium; a failed test's trace in tests/browser/test-results/)"
cd tests/browser
# npm ci only when node_modules was not installed from this very lock file.
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.installed-lock 2>/dev/null || true)" != "$lock" ]; then
  npm ci --no-audit --no-fund >/dev/null
  echo "$lock" > node_modules/.installed-lock
fi
npx playwright test
