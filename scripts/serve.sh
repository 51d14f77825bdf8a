#!/usr/bin/env bash
# Serves the wizard locally: installs what is missing, builds the release site, and serves it
# with the same strict Content-Security-Policy a production host should send.
#   PORT=8080 scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=1 scripts/build.sh
exec node scripts/static-server.mjs --root dist --port "${PORT:-8080}"
