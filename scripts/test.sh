#!/usr/bin/env bash
# Runs every test: installs what is missing, then formatting and lints, the native tests of every
# crate (the catalog's coverage of source/ among them), a decoder fuzz run, the release build, the
# download-size budget, and the browser tests in headless Chromium. Needs nothing beside the
# repository.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== formatting and lints (rustfmt, clippy natively and for the wasm32 app, the code's structure)"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p ems-scope-wizard --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p ems-scope-wizard --no-default-features --features ssr --bin prerender -- -D warnings
# No modules that import each other in a circle, no function over 60 lines.
node scripts/structure.mjs

echo "== native tests (every crate: scope engine, catalog and its coverage of source/, decoders, fixtures)"
cargo test --workspace

echo "== a made-up third revision (tests/fixtures/revision-3.toml appended to catalog.toml, a test build)"
# Every test of the engine, not only the three-revision ones: none may assume two revisions.
cargo test -p scope --features third-revision

echo "== decoder fuzz run (a short one; scripts/bench.sh runs 100,000 inputs per decoder)"
# The release profile aborts on panic (for the wasm app); the fuzz run must unwind to count panics.
CARGO_PROFILE_RELEASE_PANIC=unwind cargo run -q -p scope --release --example fuzz_decoders -- "${FUZZ:-5000}"

echo "== release build"
scripts/build.sh

echo "== debug build (dist-debug): hydration mismatches are reported only by debug builds"
trunk build --offline --dist dist-debug

echo "== size budget"
node scripts/size.mjs --budget "${SIZE_BUDGET:-250000}"

echo "== browser tests (headless Chromium)"
(cd tests/browser && npm ci --no-audit --no-fund >/dev/null && node --test --test-concurrency=1)
