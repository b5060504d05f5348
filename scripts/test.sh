#!/usr/bin/env bash
# Installs what the tests need, then runs every test:
#   0. formatting and the linter (scripts/check.sh, which also runs step 1);
#   1. native `cargo test`: the model (parsing, validation, URLs, dates, share links …), property
#      tests of the parser (proptest), the hostile corpus (tests/hostile/) and server-side
#      renders of the components;
#   1b. the `validate` command and the JSON Schemas against the hostile corpus and the demo
#      articles (tests/tools/), and the import command on public real-world documents;
#   2. a release build of the app with Trunk, and the size ratchet (scripts/size-check.mjs);
#   3. the browser tests: the built app in Debian's headless Chromium (tests/browser/), under
#      site.json, and those that depend on the configuration again under
#      sites/article-reader.json.
# Any failure stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Every step says when it starts, in minutes since the run began (the budget is 45 on a fresh
# machine, tools included).
step() { printf '==> [%d:%02d] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

# Each `node --test` run also writes its failing tests a line each (scripts/failures-reporter.mjs)
# into target/test-failures/; a failed run prints them last, and the first in its final line, so
# that the tail of the log names what failed.
failures_dir=target/test-failures
rm -rf "$failures_dir"
mkdir -p "$failures_dir"
node_tests() {
  local name=$1
  shift
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./scripts/failures-reporter.mjs --test-reporter-destination="$failures_dir/$name.log" "$@"
}
finish() {
  local code=$? failed first=''
  failed=$(cat "$failures_dir"/*.log 2>/dev/null | cut -c1-600 || true)
  if [ "$code" -ne 0 ] && [ -n "$failed" ]; then
    printf '==> failing tests (%d):\n%s\n' "$(printf '%s\n' "$failed" | wc -l)" "$failed"
    first=$(printf '%s\n' "$failed" | head -n 1 | cut -c1-300)
    step "finished (exit $code); first failing: $first"
  else
    step "finished (exit $code)"
  fi
}
trap finish EXIT

step "Installing what the tests need (scripts/setup.sh --test)"
scripts/setup.sh --test

# Formatting, the linter and the native tests: the fast check.
step "The fast check (scripts/check.sh)"
scripts/check.sh
step "The validate command and the JSON Schemas agree with the app (tests/tools/)"
cargo build --locked --features import --bin validate --bin import
node_tests tools tests/tools/*.test.mjs
step "Invalid site configurations stop the build, each with its own message"
node scripts/check-site-errors.mjs

step "Building the app (release)"
scripts/build.sh
step "Size ratchet (wasm + JS, brotli)"
node scripts/size-check.mjs

step "Browser tests (headless Chromium)"
shopt -s nullglob
browser_tests=(tests/browser/*.test.mjs)
if [ ${#browser_tests[@]} -eq 0 ]; then
  echo "no browser tests found in tests/browser/" >&2
  exit 1
fi
# --test-force-exit: a file whose cleanup failed must not keep the run waiting on open handles;
# --test-timeout: no single test may hang the run (the slowest takes about a minute).
# A failure here still lets the second configuration run (its failures are worth knowing in the
# same run); the run fails at the end.
browser_status=0
node_tests browser --test-concurrency=1 --test-force-exit --test-timeout=300000 "${browser_tests[@]}" || browser_status=$?

# The browser tests that depend on the configuration, again under the project's other site
# configuration (another name, logo, accent, radius and typefaces, the logo-only header, other
# sources, and served under its base_path /reader/), built into dist-alt/: the brand and the
# folder (site), the allow-list (sources), the service worker's scope and its pages (offline),
# the pages' scripts and islands under the folder (html-first, prerender, front-page), embed.js
# and the embed (embed), the policy (security), and the search index and its results under the
# folder (search), the split chunks fetched under the folder (lazy), the publish's feeds and
# sitemaps (publish), and the deploy's purge list and the bucket served under the folder
# (deploy). The rest renders the same components with
# the same code whatever the configuration.
step "Configuration-dependent browser tests again under sites/article-reader.json (dist-alt/)"
alt_tests=()
for name in site sources offline html-first prerender front-page embed security search lazy publish deploy; do
  alt_tests+=("tests/browser/$name.test.mjs")
  [ -f "tests/browser/$name.test.mjs" ] || { echo "tests/browser/$name.test.mjs is missing" >&2; exit 1; }
done
READER_SITE=sites/article-reader.json scripts/build.sh --dist dist-alt
READER_SITE=sites/article-reader.json READER_DIST="$PWD/dist-alt" \
  node_tests alt --test-concurrency=1 --test-force-exit --test-timeout=300000 "${alt_tests[@]}"
if [ "$browser_status" -ne 0 ]; then
  echo "the browser tests under site.json failed (exit $browser_status)" >&2
  exit "$browser_status"
fi
