//! The archive in publication order, and the index pages made from it.
//!
//! Pages are numbered from the **oldest** end: `articles/archive/1.json` holds the 50 oldest
//! articles, `archive/2.json` the next 50, and the newest page fills up as articles are
//! published. A page's `next` is the page before it (`archive/3.json` leads to `2.json`), so a
//! full page never changes again, and a new article changes only the newest page and the front
//! page (`articles/index.json`: the newest 50, whose `next` is the page holding the newest
//! article it does not list; the app does not list an article twice). The pages are a function
//! of the archive alone: a publish and a full rebuild of the same archive write the same bytes.

use crate::model::Summary;
use serde::{Deserialize, Serialize};

/// Articles per index page (and on the front page).
pub const PER_PAGE: usize = 50;

/// What the publish keeps of each article between runs: its index entry, its language and
/// when it was last changed (`updated`, else `published`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub summary: Summary,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<crate::model::date::DateTime>,
}

impl Entry {
    /// Publication order: by the instant of `published` (undated articles first, as the
    /// oldest), then by id.
    pub fn key(&self) -> (i64, &str) {
        (
            self.summary.published.as_ref().map_or(i64::MIN, |d| d.unix_seconds()),
            self.summary.id.as_str(),
        )
    }

    /// The last change: `updated`, else `published`.
    pub fn last_change(&self) -> Option<&crate::model::date::DateTime> {
        self.updated.as_ref().or(self.summary.published.as_ref())
    }
}

/// Sorts `entries` oldest first (see [`Entry::key`]).
pub fn oldest_first(entries: &mut [Entry]) {
    entries.sort_by(|a, b| a.key().cmp(&b.key()));
}

#[derive(Serialize)]
struct PageJson<'a> {
    articles: Vec<&'a Summary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

fn page_json(list: &[Entry], next: Option<String>) -> String {
    let page = PageJson {
        articles: list.iter().rev().map(|e| &e.summary).collect(),
        next,
    };
    serde_json::to_string_pretty(&page).expect("summaries serialise") + "\n"
}

/// The path of archive page `n` (1-based), under `articles/`.
pub fn archive_path(n: usize) -> String {
    format!("articles/archive/{n}.json")
}

/// One file of the index: where it goes, which entries it lists (a range of the entries sorted
/// oldest first; it lists them newest first) and the page it points on to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexFile {
    pub path: String,
    pub range: std::ops::Range<usize>,
    pub next: Option<String>,
}

impl IndexFile {
    /// Its JSON, listing `entries[self.range]` (the same entries it was planned with).
    pub fn json(&self, entries: &[Entry]) -> String {
        page_json(&entries[self.range.clone()], self.next.clone())
    }
}

/// The index files of `count` entries sorted oldest first, without their JSON:
/// `articles/index.json` (the newest `per_page`) first, then every page of `articles/archive/`
/// from the oldest. A page's JSON depends only on its range, its `next` and its entries.
///
/// ```
/// use article_reader::publish::order::index_plan;
/// let plan = index_plan(120, 50);
/// assert_eq!(plan[0].range, 70..120);
/// assert_eq!(plan[0].next.as_deref(), Some("archive/2.json"));
/// assert_eq!(plan[3].path, "articles/archive/3.json");
/// assert_eq!(plan[3].range, 100..120);
/// assert_eq!(plan[1].next, None);
/// ```
pub fn index_plan(count: usize, per_page: usize) -> Vec<IndexFile> {
    let per_page = per_page.max(1);
    let front_start = count.saturating_sub(per_page);
    // The newest article the front page does not list, and the page that holds it.
    let next = (front_start > 0).then(|| format!("archive/{}.json", (front_start - 1) / per_page + 1));
    let mut files = vec![IndexFile {
        path: "articles/index.json".to_string(),
        range: front_start..count,
        next,
    }];
    for (i, start) in (0..count).step_by(per_page).enumerate() {
        let n = i + 1;
        files.push(IndexFile {
            path: archive_path(n),
            range: start..(start + per_page).min(count),
            next: (n > 1).then(|| format!("{}.json", n - 1)),
        });
    }
    files
}

/// The index files of `entries` (sorted oldest first): `articles/index.json` first, then every
/// page of `articles/archive/`, each with its JSON.
///
/// ```
/// use article_reader::publish::order::{index_files, Entry};
/// use article_reader::model::Summary;
/// let entry = |id: &str| Entry {
///     summary: Summary { id: id.into(), headline: id.into(), dek: None, image: None, published: None, section: None },
///     language: "en".into(),
///     updated: None,
/// };
/// let entries: Vec<Entry> = (0..120).map(|i| entry(&format!("a{i:03}"))).collect();
/// let files = index_files(&entries, 50);
/// let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
/// assert_eq!(paths, ["articles/index.json", "articles/archive/1.json", "articles/archive/2.json", "articles/archive/3.json"]);
/// // The front page: the newest 50 (a119 … a070); its next page holds a069.
/// assert!(files[0].1.contains("\"next\": \"archive/2.json\""));
/// assert!(files[3].1.contains("\"next\": \"2.json\""));
/// assert!(!files[1].1.contains("next"));
/// ```
pub fn index_files(entries: &[Entry], per_page: usize) -> Vec<(String, String)> {
    index_plan(entries.len(), per_page)
        .into_iter()
        .map(|f| {
            let json = f.json(entries);
            (f.path, json)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::DateTime;

    fn entry(id: &str, published: Option<&str>) -> Entry {
        Entry {
            summary: Summary {
                id: id.into(),
                headline: id.into(),
                dek: None,
                image: None,
                published: published.and_then(DateTime::parse),
                section: None,
            },
            language: "en".into(),
            updated: None,
        }
    }

    /// Instants decide, whatever the offsets; undated articles are the oldest; ids break ties.
    #[test]
    fn publication_order_is_by_instant_then_id() {
        let mut list = vec![
            entry("late", Some("2026-11-20T10:00:00+05:00")),
            entry("early", Some("2026-11-20T06:00:00-05:00")),
            entry("undated", None),
            entry("b-same", Some("2026-11-20T05:00:00Z")),
            entry("a-same", Some("2026-11-20T05:00:00Z")),
        ];
        oldest_first(&mut list);
        let ids: Vec<&str> = list.iter().map(|e| e.summary.id.as_str()).collect();
        assert_eq!(ids, ["undated", "a-same", "b-same", "late", "early"]);
    }

    /// A new newest article changes the front page and the newest archive page only.
    #[test]
    fn a_new_article_changes_the_newest_page_and_the_front_only() {
        let make = |n: usize| -> Vec<Entry> { (0..n).map(|i| entry(&format!("a{i:04}"), None)).collect() };
        for n in [1, 49, 50, 51, 99, 100, 101, 149] {
            let before = index_files(&make(n), 50);
            let after = index_files(&make(n + 1), 50);
            let changed: Vec<&str> = after
                .iter()
                .filter(|(p, j)| !before.iter().any(|(bp, bj)| bp == p && bj == j))
                .map(|(p, _)| p.as_str())
                .collect();
            let newest = archive_path(n / 50 + 1);
            assert_eq!(changed, ["articles/index.json", newest.as_str()], "{n} → {}", n + 1);
        }
    }

    /// The archive pages' ranges cut the entries into pages of `per_page` from the oldest,
    /// without a gap or an overlap; the front page's is the newest `per_page`.
    #[test]
    fn the_plan_covers_every_entry_once() {
        for per_page in [1, 7, 50] {
            for count in [0, 1, 6, 7, 8, 49, 50, 51, 350, 351] {
                let plan = index_plan(count, per_page);
                assert_eq!(plan[0].range, count.saturating_sub(per_page)..count);
                let mut at = 0;
                for (i, f) in plan.iter().skip(1).enumerate() {
                    assert_eq!(f.path, archive_path(i + 1));
                    assert_eq!(f.range.start, at, "{count} by {per_page}");
                    assert!(!f.range.is_empty() && f.range.len() <= per_page);
                    at = f.range.end;
                }
                assert_eq!(at, count, "{count} by {per_page}");
            }
        }
    }

    /// Every article is on exactly one archive page; following `next` from the front page
    /// reaches every article.
    #[test]
    fn next_links_reach_every_article() {
        for n in [0, 1, 50, 51, 120, 250] {
            let entries: Vec<Entry> = (0..n).map(|i| entry(&format!("a{i:04}"), None)).collect();
            let files: std::collections::HashMap<String, serde_json::Value> = index_files(&entries, 50)
                .into_iter()
                .map(|(p, j)| (p, serde_json::from_str(&j).unwrap()))
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            let mut at = "articles/index.json".to_string();
            loop {
                let page = &files[&at];
                for a in page["articles"].as_array().unwrap() {
                    seen.insert(a["id"].as_str().unwrap().to_string());
                }
                let Some(next) = page["next"].as_str() else { break };
                let dir = at.rsplit_once('/').unwrap().0;
                at = format!("{dir}/{next}");
            }
            assert_eq!(seen.len(), n, "{n} articles");
        }
    }
}

/// The front page's articles (newest first) and the address of the page it leads on to,
/// resolved against `root` (the reader's folder, without the closing `/`): the same as
/// `articles/index.json`'s.
///
/// ```
/// use article_reader::publish::order::{front_page, Entry};
/// use article_reader::model::Summary;
/// let entry = |id: &str| Entry {
///     summary: Summary { id: id.into(), headline: id.into(), dek: None, image: None, published: None, section: None },
///     language: "en".into(),
///     updated: None,
/// };
/// let entries: Vec<Entry> = (0..120).map(|i| entry(&format!("a{i:03}"))).collect();
/// let page = front_page(&entries, "https://x.invalid/r");
/// assert_eq!(page.articles.len(), 50);
/// assert_eq!(page.articles[0].id, "a119");
/// assert_eq!(page.next.as_deref(), Some("https://x.invalid/r/articles/archive/2.json"));
/// assert_eq!(front_page(&entries[..50], "").next, None);
/// ```
pub fn front_page(entries: &[Entry], root: &str) -> crate::model::IndexPage {
    let first = index_plan(entries.len(), PER_PAGE).swap_remove(0);
    crate::model::IndexPage {
        articles: entries[first.range].iter().rev().map(|e| e.summary.clone()).collect(),
        next: first.next.map(|next| format!("{root}/articles/{next}")),
    }
}
