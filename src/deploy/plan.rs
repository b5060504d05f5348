//! What a deploy does, in which order. A reader may load any page while a deploy runs, so the
//! bucket never holds a page that names an object not uploaded yet:
//! 1. [`Phase::Assets`]: files nothing changes under their name (the code build's hashed files,
//!    Pagefind's index files), the code build's other scripts and styles, and pictures;
//! 2. [`Phase::Articles`]: article JSON, pages, embeds, oEmbed responses, each search shard's
//!    entry file, the app shell;
//! 3. [`Phase::Indexes`]: what names articles and shards: index pages, the front page, feeds,
//!    sitemaps, `robots.txt`, the search's shard list, and the service worker and headers file;
//! 4. removals: the files of unpublished articles, once nothing names them. Hashed files the
//!    output dropped stay a week ([`super::record::RETIRED_FOR`]) for readers whose open page or
//!    service worker still names them.

use super::headers::is_hashed;
use super::record::{Entries, RETIRED_FOR};
use std::collections::BTreeMap;

/// A step of a deploy; each ends before the next starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    Assets,
    Articles,
    Indexes,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Assets, Phase::Articles, Phase::Indexes];

    pub fn name(self) -> &'static str {
        match self {
            Phase::Assets => "pictures and code",
            Phase::Articles => "articles",
            Phase::Indexes => "indexes, feeds and sitemaps",
        }
    }
}

/// The phase of a file, by its key and, for files the publish wrote, what its manifest says it
/// was made from (`article:{id}`, `asset`, `index`, `feeds`, `sitemaps`, `search`,
/// `search:{shard}`; `None` for the code build's files).
///
/// ```
/// use article_reader::deploy::plan::{phase, Phase};
/// assert_eq!(phase("articles/img/a.jpg", Some("asset")), Phase::Assets);
/// assert_eq!(phase("articles/a/index.html", Some("article:a")), Phase::Articles);
/// assert_eq!(phase("feed.xml", Some("feeds")), Phase::Indexes);
/// assert_eq!(phase("sw.js", None), Phase::Indexes);
/// ```
pub fn phase(key: &str, from: Option<&str>) -> Phase {
    match from {
        Some("index" | "feeds" | "sitemaps" | "search") => Phase::Indexes,
        Some(from) if from.starts_with("article:") => Phase::Articles,
        // A search shard: its entry file names its other files.
        Some(from) if from.starts_with("search:") => {
            if key.ends_with("pagefind-entry.json") {
                Phase::Articles
            } else {
                Phase::Assets
            }
        }
        Some(_) => Phase::Assets,
        None => match key {
            "sw.js" | "_headers" | "_redirects" | "index.html" => Phase::Indexes,
            _ if key.ends_with(".html") => Phase::Articles,
            _ => Phase::Assets,
        },
    }
}

/// What one deploy does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Keys to upload, by phase, in phase order (phases with nothing to do are left out).
    pub uploads: Vec<(Phase, Vec<String>)>,
    /// Keys to remove, after every upload.
    pub removals: Vec<String>,
    /// Hashed keys the output dropped: they leave the record and stay in the bucket a while.
    pub retiring: Vec<String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.uploads.is_empty() && self.removals.is_empty() && self.retiring.is_empty()
    }

    pub fn upload_count(&self) -> usize {
        self.uploads.iter().map(|(_, keys)| keys.len()).sum()
    }
}

/// Compares the output with the record of the same shards and puts the work in order.
/// `local` and `remote` hold key → stamp; `retired` the hashed keys kept since they left the
/// output (key → when), of which those older than a week are removed now.
///
/// ```
/// use article_reader::deploy::plan::{plan, Phase};
/// use std::collections::BTreeMap;
/// let local: BTreeMap<String, String> = [("index.html".into(), "2".into()), ("articles/a.json".into(), "1".into())].into();
/// let remote: BTreeMap<String, String> = [("index.html".into(), "1".into()), ("articles/b.json".into(), "1".into())].into();
/// let from = |key: &str| if key == "index.html" { Some("index") } else { Some("article:a") };
/// let p = plan(&local, &remote, &BTreeMap::new(), 0, from);
/// assert_eq!(p.uploads, vec![(Phase::Articles, vec!["articles/a.json".to_string()]), (Phase::Indexes, vec!["index.html".to_string()])]);
/// assert_eq!(p.removals, vec!["articles/b.json".to_string()]);
/// ```
pub fn plan<'a>(
    local: &Entries,
    remote: &Entries,
    retired: &BTreeMap<String, i64>,
    now: i64,
    from: impl Fn(&str) -> Option<&'a str>,
) -> Plan {
    let mut phases: BTreeMap<Phase, Vec<String>> = BTreeMap::new();
    for (key, stamp) in local {
        if remote.get(key) != Some(stamp) {
            phases.entry(phase(key, from(key))).or_default().push(key.clone());
        }
    }
    let mut removals = Vec::new();
    let mut retiring = Vec::new();
    for key in remote.keys().filter(|k| !local.contains_key(*k)) {
        if is_hashed(key) {
            retiring.push(key.clone());
        } else {
            removals.push(key.clone());
        }
    }
    removals.extend(
        retired
            .iter()
            .filter(|(key, since)| now - **since >= RETIRED_FOR && !local.contains_key(*key))
            .map(|(key, _)| key.clone()),
    );
    Plan {
        uploads: phases.into_iter().collect(),
        removals,
        retiring,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(pairs: &[(&str, &str)]) -> Entries {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn nothing_to_do_when_the_record_matches() {
        let e = entries(&[("index.html", "1"), ("sw.js", "2")]);
        assert!(plan(&e, &e, &BTreeMap::new(), 0, |_| None).is_empty());
    }

    #[test]
    fn indexes_go_after_what_they_name_and_removals_last() {
        let local = entries(&[
            ("articles/new.json", "1"),
            ("articles/new/index.html", "1"),
            ("articles/img/new.jpg", "1"),
            ("articles/index.json", "2"),
            ("pagefind/en-2026-0/fragment/en_1.pf_fragment", "1"),
            ("pagefind/en-2026-0/pagefind-entry.json", "2"),
            ("pagefind/shards.json", "2"),
        ]);
        let remote = entries(&[
            ("articles/index.json", "1"),
            ("articles/old.json", "1"),
            ("pagefind/en-2026-0/pagefind-entry.json", "1"),
        ]);
        let from = |key: &str| -> Option<&'static str> {
            Some(if key.starts_with("articles/img/") {
                "asset"
            } else if key.starts_with("pagefind/en") {
                "search:en-2026-0"
            } else if key == "pagefind/shards.json" {
                "search"
            } else if key == "articles/index.json" {
                "index"
            } else {
                "article:new"
            })
        };
        let p = plan(&local, &remote, &BTreeMap::new(), 0, from);
        let order: Vec<Phase> = p.uploads.iter().map(|(phase, _)| *phase).collect();
        assert_eq!(order, Phase::ALL);
        assert_eq!(
            p.uploads[0].1,
            ["articles/img/new.jpg", "pagefind/en-2026-0/fragment/en_1.pf_fragment"]
        );
        assert_eq!(
            p.uploads[1].1,
            [
                "articles/new.json",
                "articles/new/index.html",
                "pagefind/en-2026-0/pagefind-entry.json"
            ]
        );
        assert_eq!(p.uploads[2].1, ["articles/index.json", "pagefind/shards.json"]);
        assert_eq!(p.removals, ["articles/old.json"]);
    }

    #[test]
    fn hashed_files_stay_a_week_after_the_output_drops_them() {
        let old = "article-reader-0123456789abcdef_bg.wasm";
        let local = entries(&[("article-reader-fedcba9876543210_bg.wasm", "1")]);
        let remote = entries(&[(old, "1")]);
        let p = plan(&local, &remote, &BTreeMap::new(), 100, |_| None);
        assert_eq!(p.retiring, [old]);
        assert!(p.removals.is_empty());
        let retired: BTreeMap<String, i64> = [(old.to_string(), 100)].into();
        let empty = Entries::new();
        assert!(plan(&empty, &empty, &retired, 100 + RETIRED_FOR - 1, |_| None)
            .removals
            .is_empty());
        assert_eq!(
            plan(&empty, &empty, &retired, 100 + RETIRED_FOR, |_| None).removals,
            [old]
        );
        // Back in the output (a rollback): uploaded again if the record lacks it, never removed.
        let back = entries(&[(old, "1")]);
        let p = plan(&back, &empty, &retired, 100 + RETIRED_FOR, |_| None);
        assert!(p.removals.is_empty());
        assert_eq!(p.upload_count(), 1);
    }

    #[test]
    fn the_code_builds_files() {
        assert_eq!(phase("shell.html", None), Phase::Articles);
        assert_eq!(phase("404.html", None), Phase::Articles);
        assert_eq!(phase("index.html", None), Phase::Indexes);
        assert_eq!(phase("_headers", None), Phase::Indexes);
        assert_eq!(phase("article-reader-0123456789abcdef.js", None), Phase::Assets);
        assert_eq!(phase("manifest.webmanifest", None), Phase::Assets);
    }
}
