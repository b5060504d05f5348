//! What a publish is doing, kept on disk while it runs (`.publish/pending.json`): the groups of
//! files it may change (`article:{id}`, `asset`, `index`, `feeds`, `sitemaps`, `search`). A
//! publish that was stopped leaves it; the next one compares those groups' files with the disk
//! instead of trusting the manifest, removes the files of an article it was writing that the
//! archive no longer has, and deletes the file when it has finished. The deploy refuses an
//! output that has one.

use super::archive::article_from;
use super::manifest::Source;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Where the pending groups are kept in the output's state folder.
pub fn path(state: &Path) -> PathBuf {
    state.join("pending.json")
}

/// The groups a stopped publish left (none after a finished one).
pub fn read(state: &Path) -> BTreeSet<String> {
    std::fs::read(path(state))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// The groups this run may change: its new, changed and deleted articles, everything shared,
/// and what a stopped run left uncertain.
///
/// ```
/// use std::collections::BTreeSet;
/// let left: BTreeSet<String> = ["article:old".to_string()].into();
/// let groups = article_reader::publish::pending::groups(["new"], &["gone".to_string()], &left);
/// assert!(groups.contains("article:new") && groups.contains("article:gone") && groups.contains("article:old"));
/// assert!(groups.contains("feeds") && groups.contains("search"));
/// ```
pub fn groups<'a>(
    fresh: impl IntoIterator<Item = &'a str>,
    deleted: &[String],
    uncertain: &BTreeSet<String>,
) -> BTreeSet<String> {
    let mut groups: BTreeSet<String> = fresh.into_iter().map(article_from).collect();
    groups.extend(deleted.iter().map(|id| article_from(id)));
    groups.extend(["asset", "index", "feeds", "sitemaps", "search"].map(String::from));
    groups.extend(uncertain.iter().cloned());
    groups
}

/// The articles a stopped run was writing that are neither in the archive now nor in the
/// manifest: nothing else would remove their files.
///
/// ```
/// use std::collections::{BTreeMap, BTreeSet};
/// let left: BTreeSet<String> = ["article:a".into(), "article:b".into(), "feeds".into()].into();
/// let archive = BTreeMap::from([("b".to_string(), ())]);
/// let orphans = article_reader::publish::pending::orphans(&left, &archive, &BTreeMap::<String, ()>::new());
/// assert_eq!(orphans, ["a"]);
/// ```
pub fn orphans<A, B>(
    uncertain: &BTreeSet<String>,
    archive: &BTreeMap<String, A>,
    known: &BTreeMap<String, B>,
) -> Vec<String> {
    uncertain
        .iter()
        .filter_map(|g| g.strip_prefix("article:"))
        .filter(|id| !archive.contains_key(*id) && !known.contains_key(*id))
        .map(str::to_string)
        .collect()
}

/// The articles the last publish had that the archive no longer has.
pub fn deleted(known: &BTreeMap<String, Source>, archive: &BTreeMap<String, Source>) -> Vec<String> {
    known.keys().filter(|id| !archive.contains_key(*id)).cloned().collect()
}
