#!/usr/bin/env bash
# Runs every test: installs what is missing, then formatting, the code's structure, the native
# tests of every crate with logic (the catalog's coverage of source/ among them), a decoder fuzz
# run, the debug and release builds, the download-size alarm, and the browser tests in headless
# Chromium. Needs nothing beside the repository.
#
# Clippy runs inside the builds the tests need, as `cargo clippy` runs it: clippy-driver (rustc
# with Clippy's lints) compiles the workspace's own crates (cargo's RUSTC_WORKSPACE_WRAPPER), its
# arguments in CLIPPY_ARGS, every warning an error; dependencies are plain rustc's, shared with
# every other build. So it lints natively in the tests, the prerender's build of the app (ssr) in
# its tests, and the wasm32 app in the debug build, and nothing is compiled only to be checked.
# The release build is plain rustc, as scripts/build.sh makes it for a host (clippy-driver turns
# MIR optimizations off).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# Each stage's heading says the time since the command started (setup included).
stage() { printf '== [%d:%02d] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }
export RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-Dwarnings

stage "formatting and the code's structure (no module cycles; functions Clippy cannot see, under 60 lines)"
cargo fmt --all --check
node scripts/structure.mjs

stage "native tests and Clippy (every crate with logic: scope engine, catalog and its coverage of source/, decoders, fixtures)"
cargo test --workspace --exclude ems-scope-wizard
# The app natively as the prerender builds it (Effects off): no view reaches a browser API, and the
# prerender fills the marked root (the same build as the prerender hook's).
cargo test -p ems-scope-wizard --no-default-features --features ssr

stage "a made-up third revision (tests/fixtures/revision-3.toml appended to catalog.toml, a test build)"
# Every test of the engine, not only the three-revision ones: none may assume two revisions.
cargo test -p scope -p ems-scope-cli --features third-revision

stage "decoder fuzz run (a short one; scripts/bench.sh runs 100,000 inputs per decoder)"
# On the test profile, already compiled for the native tests (it unwinds, so panics are counted).
cargo run -q -p scope --example fuzz_decoders -- "${FUZZ:-5000}"

stage "debug build (dist-debug) and Clippy for the wasm32 app: hydration mismatches are reported only by debug builds"
trunk build --offline --dist dist-debug

stage "release build"
env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS scripts/build.sh

stage "size alarm (an accident such as a debug build shipped or a dependency pulled in twice)"
node scripts/size.mjs --budget "${SIZE_BUDGET:-300000}"

stage "browser tests (@playwright/test over headless Chromium; a failed test's trace in tests/browser/test-results/)"
cd tests/browser
# npm ci only when node_modules was not installed from this very lock file.
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.installed-lock 2>/dev/null || true)" != "$lock" ]; then
  npm ci --no-audit --no-fund >/dev/null
  echo "$lock" > node_modules/.installed-lock
fi
npx playwright test
stage "every test passed"
