#!/usr/bin/env bash
# Installs whatever is missing, builds the app with its demo articles, and serves it on
# http://127.0.0.1:8080/ (in the folder site.json names as base_path; PORT=… to change; a busy
# port falls back to a free one).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs dist --port "${PORT:-8080}"
