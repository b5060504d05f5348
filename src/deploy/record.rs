//! The deploy's record in the bucket: what each object there holds, so that a deploy from
//! another machine, or after the local folder is lost, uploads only what differs.
//!
//! The record is split in 4,096 shards by a hash of each object's key
//! (`.deploy/shards/{abc}.json` in the deploy's folder, each a map of key to stamp), under a state object
//! (`.deploy/state.json`) that holds each shard's digest. A deploy compares digests
//! first and reads only the shards whose digest differs from its own; at 100,000 articles
//! (1.3 million objects) a shard holds about 320 keys, so one article's deploy reads and writes
//! a few dozen small objects and never lists the bucket.
//!
//! A deploy that stops part-way never leaves a record that claims more than the bucket holds:
//! before it writes an object it marks that object's shard unsettled in the state (so the next
//! deploy reads the shard whatever its digest), and a shard's record is written only after its
//! uploads and removals are done.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// The record's format; a record of another version is read as no record (everything is
/// uploaded again, and nothing is removed that the record does not name).
pub const VERSION: u32 = 1;

/// The record's folder under the deploy's prefix.
pub const FOLDER: &str = ".deploy";

/// Key → stamp (see [`stamp`]) of the objects of one shard.
pub type Entries = BTreeMap<String, String>;

/// What an object holds: its bytes' hash and the headers it was stored with, so that new
/// header rules reach objects whose bytes did not change.
///
/// ```
/// use article_reader::deploy::record::stamp;
/// assert_ne!(stamp("ab12", "text/html", "no-cache"), stamp("ab12", "text/html", "max-age=60"));
/// ```
pub fn stamp(hash: &str, content_type: &str, cache_control: &str) -> String {
    hex(&Sha256::digest(format!("{hash}\n{content_type}\n{cache_control}").as_bytes())[..12])
}

/// The shard a key's record lives in: the first three hex digits of the SHA-256 of its group.
/// An article's files (its JSON, page, embed and oEmbed response) are one group, and so are a
/// search shard's files: what one publish changes together is recorded together, so one
/// article's deploy rewrites a few shards, not one per file.
///
/// ```
/// use article_reader::deploy::record::shard_of;
/// assert_eq!(shard_of("index.html").len(), 3);
/// assert_eq!(shard_of("articles/harbour.json"), shard_of("embed/harbour/index.html"));
/// assert_eq!(shard_of("pagefind/en-2026-1-new/pagefind-entry.json"), shard_of("pagefind/en-2026-1-new/index/en_1.pf_index"));
/// ```
pub fn shard_of(key: &str) -> String {
    hex(&Sha256::digest(group(key).as_bytes())[..2])[..3].to_string()
}

/// The group a key belongs to (see [`shard_of`]).
fn group(key: &str) -> &str {
    let article = key
        .strip_prefix("articles/")
        .filter(|rest| !rest.starts_with("img/") && !rest.starts_with("archive/") && *rest != "index.json")
        .or_else(|| key.strip_prefix("embed/"))
        .or_else(|| key.strip_prefix("oembed/"));
    if let Some(rest) = article {
        let id = rest.split('/').next().unwrap_or(rest);
        return id.strip_suffix(".json").unwrap_or(id);
    }
    let search = crate::facts::SEARCH_DIR;
    if let Some(rest) = key.strip_prefix(search) {
        if let Some((shard, _)) = rest.split_once('/') {
            return &key[..search.len() + shard.len()];
        }
    }
    key
}

/// A shard's digest: the same entries give the same digest, on any machine.
pub fn digest(entries: &Entries) -> String {
    let mut hasher = Sha256::new();
    for (key, stamp) in entries {
        hasher.update(key.as_bytes());
        hasher.update([0]);
        hasher.update(stamp.as_bytes());
        hasher.update([b'\n']);
    }
    hex(&hasher.finalize()[..16])
}

/// Entries grouped by shard.
pub fn by_shard<'a>(entries: impl IntoIterator<Item = (&'a String, &'a String)>) -> BTreeMap<String, Entries> {
    let mut shards: BTreeMap<String, Entries> = BTreeMap::new();
    for (key, stamp) in entries {
        shards
            .entry(shard_of(key))
            .or_default()
            .insert(key.clone(), stamp.clone());
    }
    shards
}

/// The state object: each shard's digest, and what a deploy that did not finish left to do.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct State {
    pub version: u32,
    /// Shard → digest of its entries, for every shard that holds any.
    pub shards: BTreeMap<String, String>,
    /// Shards a deploy was changing when it stopped: read whatever their digest.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub unsettled: BTreeSet<String>,
    /// Keys a deploy that stopped may have changed: they stay in the purge list until a deploy
    /// finishes and reports them.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub purge: BTreeSet<String>,
    /// Hashed files the output no longer has, with when they left it (seconds since the epoch):
    /// kept for readers whose pages or service worker still name them, removed after
    /// [`RETIRED_FOR`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retired: BTreeMap<String, i64>,
    /// When the last deploy finished (RFC 3339), for people reading the bucket.
    #[serde(default)]
    pub finished: String,
}

/// How long a hashed file the output dropped stays in the bucket: a week, longer than a
/// reader's open tab or a service worker's update check.
pub const RETIRED_FOR: i64 = 7 * 24 * 3600;

/// The state object's key, under the deploy's folder in the bucket.
pub fn state_key() -> String {
    format!("{FOLDER}/state.json")
}

/// A shard's record's key, under the deploy's folder in the bucket.
pub fn shard_key(shard: &str) -> String {
    format!("{FOLDER}/shards/{shard}.json")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_spread_over_many_shards() {
        let keys: Vec<String> = (0..20_000).map(|i| format!("articles/story-{i}/index.html")).collect();
        let shards: BTreeSet<String> = keys.iter().map(|k| shard_of(k)).collect();
        assert!(shards.len() > 4000, "{} shards", shards.len());
        assert!(shards
            .iter()
            .all(|s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_hexdigit())));
    }

    #[test]
    fn an_articles_files_share_a_shard_and_indexes_do_not_join_them() {
        let id = "harbour";
        let shard = shard_of("articles/harbour.json");
        for key in [
            "articles/harbour/index.html",
            "embed/harbour/index.html",
            "oembed/harbour.json",
        ] {
            assert_eq!(shard_of(key), shard, "{key}");
        }
        assert_eq!(group("articles/index.json"), "articles/index.json");
        assert_eq!(group("articles/archive/3.json"), "articles/archive/3.json");
        assert_eq!(group("articles/img/harbour.jpg"), "articles/img/harbour.jpg");
        assert_eq!(group("pagefind/shards.json"), "pagefind/shards.json");
        assert_eq!(
            group("pagefind/fr-2025-0/fragment/fr_1.pf_fragment"),
            "pagefind/fr-2025-0"
        );
        assert_eq!(group(&format!("articles/{id}.json")), id);
    }

    #[test]
    fn a_digest_changes_with_any_entry() {
        let mut entries = Entries::new();
        entries.insert("a".into(), "1".into());
        let one = digest(&entries);
        entries.insert("b".into(), "2".into());
        let two = digest(&entries);
        entries.insert("b".into(), "3".into());
        assert_ne!(one, two);
        assert_ne!(two, digest(&entries));
        assert_eq!(digest(&Entries::new()), digest(&Entries::new()));
    }

    #[test]
    fn the_state_reads_back() {
        let state = State {
            version: VERSION,
            shards: [("abc".to_string(), "d".to_string())].into(),
            unsettled: ["abc".to_string()].into(),
            purge: ["index.html".to_string()].into(),
            retired: [("app-0123456789abcdef.js".to_string(), 5)].into(),
            finished: "2026-12-02T10:00:00Z".into(),
        };
        let text = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<State>(&text).unwrap(), state);
        assert_eq!(state_key(), ".deploy/state.json");
        assert_eq!(shard_key("0af"), ".deploy/shards/0af.json");
    }
}
