#!/usr/bin/env bash
# Builds the release app into dist/ with Trunk, using only the locally installed, pinned tools
# (scripts/setup.sh installs them). Extra arguments go to `trunk build`.
#
# Size levers for the wasm (measured in the README's "Performance"): the standard library is
# rebuilt for size (`-Zbuild-std`, `optimize_for_size`) with panics that abort at once, without
# location strings or Debug formatting, and Leptos erases component types (`erase_components`).
# The linker keeps its relocations (`--emit-relocs`): scripts/build-app-split.mjs cuts the app
# into chunks by route after Trunk (scripts/wasm-split.mjs), and wasm-opt runs there on each
# module (index.html's data-wasm-opt="0" spares Trunk a pass on the whole module).
# These flags are unstable; RUSTC_BOOTSTRAP=1 lets the pinned stable toolchain take them (it
# needs the rust-src component, which setup.sh adds). They apply to the wasm target only:
# scripts/post-build.mjs removes them before the native prerender build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort --cfg erase_components -Zlocation-detail=none -Zfmt-debug=none -Clink-args=--emit-relocs"
# The folder the reader is served from (site.json's base_path, e.g. /reader/): Trunk writes its
# asset URLs under it. build.rs checks the value before anything is written.
PUBLIC_URL=$(node scripts/site-config.mjs base)
exec trunk build --release --public-url "$PUBLIC_URL" "$@"
