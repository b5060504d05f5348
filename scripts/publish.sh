#!/usr/bin/env bash
# The content release: publishes the archive into the output of the last code build, writing
# only the files whose bytes change (docs/publishing.md). Compiles nothing: it runs the publish
# command scripts/build.sh left in target/native/.
#   scripts/publish.sh [--archive DIR] [--out DIR] [--now RFC3339]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-$PWD/target}/native/publish"
if [ ! -x "$bin" ]; then
  echo "publish: $bin is missing: run the code build first (scripts/build.sh)" >&2
  exit 1
fi
exec "$bin" "$@"
