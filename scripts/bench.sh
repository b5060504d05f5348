#!/usr/bin/env bash
# Builds the release and runs the speed benchmark (scripts/bench.mjs). Extra arguments go to it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh
exec node scripts/bench.mjs "$@"
