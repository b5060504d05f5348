#!/usr/bin/env bash
# Deploys the publish's output to S3-compatible object storage: only what changed since the
# last deploy to that bucket, with each file's headers, pictures and articles before the indexes
# that name them; writes the CDN's purge list (docs/deploying.md). Compiles nothing: it runs the
# deploy command scripts/build.sh left in target/native/. Credentials: the standard AWS
# environment variables or a profile of ~/.aws/credentials, never site.json.
#   scripts/deploy.sh --to s3://BUCKET[/FOLDER] [--from dist] [--endpoint URL] [--region NAME]
#                     [--profile NAME] [--purge-list FILE] [--jobs N] [--dry-run]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-$PWD/target}/native/deploy"
if [ ! -x "$bin" ]; then
  echo "deploy: $bin is missing: run the code build first (scripts/build.sh)" >&2
  exit 1
fi
exec "$bin" "$@"
