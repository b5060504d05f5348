#!/usr/bin/env bash
# Fuzzes the article and index parsers (fuzz/fuzz_targets/parse_article.rs) with cargo-fuzz and
# libFuzzer for a set time, seeded with the demo articles and the hostile corpus:
#   scripts/fuzz.sh [SECONDS]        (default 600)
# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain take
# them. A crash stops the run and leaves its input in fuzz/artifacts/parse_article/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_TO_RUN="${1:-600}"
CARGO_FUZZ_VERSION=0.13.2

if ! cargo fuzz --version 2>/dev/null | grep "$CARGO_FUZZ_VERSION" >/dev/null; then
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi
corpus=fuzz/corpus/parse_article
mkdir -p "$corpus"
cp public/articles/*.json tests/hostile/*.json "$corpus"/ 2>/dev/null || true
cd fuzz
RUSTC_BOOTSTRAP=1 exec cargo fuzz run -O parse_article "../$corpus" -- \
  -dict=json.dict -max_len=65536 -max_total_time="$SECONDS_TO_RUN" -print_final_stats=1
