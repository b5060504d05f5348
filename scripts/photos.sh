#!/usr/bin/env bash
# The real photographs the pictures' tests and the bench measure (never committed: they are
# someone else's). A camera original of 6.7 MB (5,512 × 3,675, Canon EOS 5D Mark II, with its
# EXIF) ships in the lightningcss crate (MPL-2.0) as website/metal.jpeg; it comes from crates.io,
# pinned by hash, into target/photos/.
#   scripts/photos.sh        # prints the folder
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${CARGO_TARGET_DIR:-$PWD/target}/photos"
CRATE=lightningcss-1.0.0-alpha.68
CRATE_SHA256=b407ca668368d1d5a86cea58ac82d9f9f9ca4bac1e9dce6f16f875f0f081a911
PHOTO_SHA256=1aa788ab56ee955c8f729390b82b481478c0823105c360ba2392336ee63673e9
if [ -f "$DIR/metal.jpeg" ] && echo "$PHOTO_SHA256  $DIR/metal.jpeg" | sha256sum --check --status; then
  echo "$DIR"
  exit 0
fi
mkdir -p "$DIR"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "photos: fetching $CRATE.crate from crates.io for its camera original (7 MB)" >&2
curl --fail --silent --show-error --location --retry 3 -o "$tmp/c.crate" \
  "https://static.crates.io/crates/lightningcss/$CRATE.crate"
echo "$CRATE_SHA256  $tmp/c.crate" | sha256sum --check --status || {
  echo "photos: $CRATE.crate does not have the pinned hash" >&2
  exit 1
}
tar -xzf "$tmp/c.crate" -C "$tmp" "$CRATE/website/metal.jpeg"
echo "$PHOTO_SHA256  $tmp/$CRATE/website/metal.jpeg" | sha256sum --check --status
mv "$tmp/$CRATE/website/metal.jpeg" "$DIR/metal.jpeg"
echo "$DIR"
