#!/usr/bin/env bash
# The fast check for the inner loop (a few minutes warm): formatting, the linter on the native
# code and on the wasm app, the import-cycle check (scripts/rust_cycles.py), and every native
# test (the model, property tests, the hostile corpus, server renders, the prerender's
# template). No app build and no browser: the full test command (scripts/test.sh) runs this
# first, then those. Run scripts/setup.sh once before (it adds the rustup components used here).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "==> Formatting (cargo fmt --check, rustfmt.toml)"
cargo fmt --check

echo "==> Linter (cargo clippy -D warnings: native tools and tests, the publish and deploy commands, the wasm app and islands)"
cargo clippy --locked --all-targets --features import -- -D warnings
cargo clippy --locked --features publish --lib --bin publish --bin deploy -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --features islands -- -D warnings
# The islands bundles themselves (their split functions call into chunks), every page's islands
# at once, and the app split by route.
cargo clippy --locked --target wasm32-unknown-unknown --lib --features page-front,page-article,page-embed,page-search -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --features split -- -D warnings

echo "==> No import cycles between src/ files, no cfg(target_arch) in components and pages"
python3 scripts/rust_cycles.py src --no-cfg-in src/components src/pages

echo "==> Native tests (cargo test: model, property tests, hostile corpus, server renders)"
node tests/hostile/corpus.mjs --check
cargo test --locked --features import
# The publish command: its pure parts (index pages, feeds, sitemaps, shards) and its page
# template (filled by element, refused when Trunk's output lacks what a page needs).
cargo test --locked --features publish --lib publish
cargo test --locked --features publish --doc publish
# The deploy command's pure parts: headers, order, record, purge list.
cargo test --locked --features publish --lib deploy
cargo test --locked --features publish --doc deploy
cargo test --locked --features publish --bin publish
# The pictures: real photographs (scripts/photos.sh fetches the camera original) and every
# kind of bad picture.
scripts/photos.sh >/dev/null
cargo test --locked --features publish --test pictures
