#!/usr/bin/env bash
# Builds the release app into dist/ with Trunk, using only the locally installed, pinned tools
# (scripts/setup.sh installs them). Extra arguments go to `trunk build`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
exec trunk build --release "$@"
