#!/usr/bin/env bash
# Builds the release and runs the speed benchmark (scripts/bench.mjs). Extra arguments go to it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh
# The pictures' targets, on a real camera original (scripts/bench-pictures.mjs).
pictures=0
node scripts/bench-pictures.mjs || pictures=$?
node scripts/bench.mjs "$@"
exit "$pictures"
