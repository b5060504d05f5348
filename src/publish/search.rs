//! The search index in shards, so that a publish re-indexes only the shard its article lands
//! in. A shard is a Pagefind index of its own (`pagefind/{shard}/`), processed as its language
//! (Pagefind's extended build splits Chinese and Japanese text into words); the search page
//! merges them (`mergeIndex`), newest first, as `pagefind/shards.json` lists them.
//!
//! Shards are by language, then by year of publication, then by blocks of [`SHARD_SIZE`]
//! articles in publication order within that year; the newest block's latest articles (fewer
//! than [`SHARD_TAIL`]) are a shard of their own (`…-new`). A new article changes that small
//! shard only (and, once every [`SHARD_TAIL`] articles, its block), a deleted one the shards
//! after it in its language and year.
//!
//! The first search of a page covers the newest articles of each language only (at least
//! [`FIRST_SEARCH`] of each): its download stays the same however large the archive grows.
//! "Search older articles" adds the next shards, [`OLDER_SEARCH`] articles or more at a time.
//! Each shard's search (its [`tiers`] number) is listed in `pagefind/shards.json`.

use super::order::Entry;
use crate::model::{Article, Block};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Articles per shard at most.
pub const SHARD_SIZE: usize = 1000;

/// The newest block's latest articles, fewer than this, are a shard of their own: Pagefind
/// rewrites most of a shard's word lists when an article joins it (about one file per eleven
/// articles), so a new article re-indexes these few, and the block is indexed again once every
/// `SHARD_TAIL` articles.
pub const SHARD_TAIL: usize = 100;

/// The newest articles of each language the first search covers, at least: its shards, newest
/// first, until that many are covered (at most about two shards a language).
pub const FIRST_SEARCH: usize = 1000;

/// The articles each "Search older articles" adds, at least (about ten shards).
pub const OLDER_SEARCH: usize = 10_000;

/// Which search each shard is in, for shards listed newest first as `(language, articles)`:
/// `1` for the first (each language's newest shards until [`FIRST_SEARCH`] of its articles
/// are covered), then `2`, `3`… for the older ones, newest first, [`OLDER_SEARCH`] articles or
/// more each (the last may have fewer).
///
/// ```
/// use article_reader::publish::search::tiers;
/// // English: a few new ones, then full blocks; French: one small shard.
/// let list = [("en", 40), ("fr", 12), ("en", 1000), ("en", 1000), ("en", 1000)];
/// assert_eq!(tiers(&list), [1, 1, 1, 2, 2]);
/// ```
pub fn tiers(shards: &[(&str, usize)]) -> Vec<u32> {
    let mut covered: BTreeMap<&str, usize> = BTreeMap::new();
    let first: Vec<bool> = shards
        .iter()
        .map(|&(language, articles)| {
            let seen = covered.entry(language).or_default();
            let first = *seen < FIRST_SEARCH;
            if first {
                *seen += articles;
            }
            first
        })
        .collect();
    let (mut tier, mut gathered) = (2, 0);
    shards
        .iter()
        .zip(first)
        .map(|(&(_, articles), first)| {
            if first {
                return 1;
            }
            if gathered >= OLDER_SEARCH {
                tier += 1;
                gathered = 0;
            }
            gathered += articles;
            tier
        })
        .collect()
}

/// The language a shard is processed as: the tag's primary subtag, lower case (`und` when
/// there is none).
///
/// ```
/// use article_reader::publish::search::shard_language;
/// assert_eq!(shard_language("zh-Hans"), "zh");
/// assert_eq!(shard_language("FR"), "fr");
/// ```
pub fn shard_language(tag: &str) -> String {
    let primary: String = tag
        .split('-')
        .next()
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    if (2..=3).contains(&primary.len()) {
        primary
    } else {
        "und".to_string()
    }
}

/// The shards of `entries` (sorted oldest first): each shard's name (`en-2026-1`) and the
/// positions of its articles in `entries`, oldest first.
///
/// ```
/// use article_reader::publish::{order::Entry, search::shards};
/// use article_reader::model::{date::DateTime, Summary};
/// let entry = |id: &str, lang: &str, at: &str| Entry {
///     summary: Summary { id: id.into(), headline: id.into(), dek: None, image: None, published: DateTime::parse(at), section: None },
///     language: lang.into(),
///     updated: None,
/// };
/// let list = [entry("a", "en", "2025-05-01T00:00:00Z"), entry("b", "zh-CN", "2026-01-01T00:00:00Z"), entry("c", "en", "2026-02-01T00:00:00Z")];
/// let shards = shards(&list);
/// assert_eq!(shards.keys().collect::<Vec<_>>(), ["en-2025-1-new", "en-2026-1-new", "zh-2026-1-new"]);
/// assert_eq!(shards["zh-2026-1-new"], [1]);
/// ```
pub fn shards(entries: &[Entry]) -> BTreeMap<String, Vec<usize>> {
    let group = |e: &Entry| {
        let year = e
            .summary
            .published
            .as_ref()
            .map_or_else(|| "undated".to_string(), |d| format!("{:04}", d.at().year));
        (shard_language(&e.language), year)
    };
    let mut totals: BTreeMap<(String, String), usize> = BTreeMap::new();
    for e in entries {
        *totals.entry(group(e)).or_default() += 1;
    }
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut shards: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let key = group(e);
        let total = totals[&key];
        let n = counts.entry(key.clone()).or_default();
        let (position, block) = (*n, *n / SHARD_SIZE + 1);
        *n += 1;
        let (language, year) = key;
        // The newest, unfilled block: its latest articles (fewer than SHARD_TAIL) are a shard of
        // their own, so a new article re-indexes that small one only; every SHARD_TAIL articles
        // they join the block.
        let full = total / SHARD_SIZE * SHARD_SIZE;
        let sealed = full + (total - full) / SHARD_TAIL * SHARD_TAIL;
        let name = if position >= sealed {
            format!("{language}-{year}-{block}-new")
        } else {
            format!("{language}-{year}-{block}")
        };
        shards.entry(name).or_default().push(i);
    }
    shards
}

/// The text of an article that search finds it by: the headline, dek, byline, takeaways, the
/// body's text and captions, and the editorial card.
pub fn text(article: &Article) -> String {
    let mut parts: Vec<String> = vec![article.headline.clone()];
    parts.extend(article.dek.clone());
    parts.extend(article.authors.iter().map(|a| a.name.clone()));
    parts.extend(article.takeaways.iter().map(|t| t.plain_text()));
    for block in &article.body {
        parts.extend(block.inlines().into_iter().map(|i| i.plain_text()));
        match block {
            Block::Image(image) => parts.extend(image.caption.clone()),
            Block::Code { text, .. } => parts.push(text.clone()),
            Block::Quote { cite: Some(c), .. } | Block::Pullquote { cite: Some(c), .. } => parts.push(c.clone()),
            Block::Table(t) => parts.extend(t.caption.clone()),
            Block::Embed(e) => parts.push(e.title.clone()),
            _ => {}
        }
    }
    if let Some(card) = &article.editorial {
        parts.push(card.title.clone());
        parts.extend(card.body.iter().map(|p| p.plain_text()));
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join("\n")
}

/// The narrowest file a search result's picture is given (6rem at 2× is 192 pixels).
pub const SEARCH_PICTURE_WIDTH: u32 = 192;

/// The record `article` gives its shard (Pagefind's custom record): its page's address under
/// the reader's folder, its text, and what a result shows (title, language, section, date and
/// the hero image, as the search page reads them). `article` has its URLs resolved on `origin`,
/// which the record leaves out (its addresses are root-relative).
pub fn record(article: &Article, origin: &str) -> Value {
    let mut meta = json!({ "title": article.headline, "lang": article.language });
    if let Some(s) = &article.section {
        meta["section"] = json!(s);
    }
    if let Some(d) = &article.published {
        meta["date"] = json!(d.as_str());
    }
    if let Some(image) = &article.image {
        // A result shows it 6rem wide: the smallest file from twice that (the publish's 320).
        let small = crate::model::picture::smallest_from(image, SEARCH_PICTURE_WIDTH).map(|c| c.src.as_str());
        let local = small.or(image.src.as_deref()).and_then(|s| s.strip_prefix(origin));
        if let Some(src) = local.filter(|s| s.starts_with('/') && !s.starts_with("//")) {
            meta["image"] = json!(src);
            meta["image_alt"] = json!(image.alt);
        }
    }
    json!({
        "url": format!("/articles/{}/", article.id),
        "content": text(article),
        "language": shard_language(&article.language),
        "meta": meta,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{date::DateTime, Summary};

    fn entries(n: usize) -> Vec<Entry> {
        (0..n)
            .map(|i| Entry {
                summary: Summary {
                    id: format!("a{i:05}"),
                    headline: String::new(),
                    dek: None,
                    image: None,
                    published: DateTime::parse("2026-03-01T00:00:00Z"),
                    section: None,
                },
                language: "en".into(),
                updated: None,
            })
            .collect()
    }

    /// Blocks of 1,000, then the newest block's hundreds, then its latest few.
    #[test]
    fn the_newest_articles_are_a_small_shard_of_their_own() {
        let sizes =
            |n: usize| -> Vec<(String, usize)> { shards(&entries(n)).into_iter().map(|(k, v)| (k, v.len())).collect() };
        assert_eq!(sizes(42), [("en-2026-1-new".to_string(), 42)]);
        assert_eq!(sizes(100), [("en-2026-1".to_string(), 100)]);
        assert_eq!(
            sizes(2345),
            [
                ("en-2026-1".to_string(), 1000),
                ("en-2026-2".to_string(), 1000),
                ("en-2026-3".to_string(), 300),
                ("en-2026-3-new".to_string(), 45)
            ]
        );
        // One more article changes the small shard only, except when it fills a hundred.
        let changed = |n: usize| -> Vec<String> {
            let (a, b) = (shards(&entries(n)), shards(&entries(n + 1)));
            b.into_iter()
                .filter(|(k, v)| a.get(k) != Some(v))
                .map(|(k, _)| k)
                .collect()
        };
        assert_eq!(changed(2345), ["en-2026-3-new"]);
        assert_eq!(changed(2399), ["en-2026-3"]);
    }

    /// The first search covers each language's newest thousand articles or more, whatever the
    /// archive's size; the older ones come ten thousand or more at a time.
    #[test]
    fn the_first_search_stays_the_same_size_as_the_archive_grows() {
        // Newest first: per language, a small new shard, then blocks of a thousand.
        let archive = |blocks: usize| -> Vec<(&'static str, usize)> {
            let mut list = vec![("en", 57), ("fr", 3), ("zh", 99)];
            for _ in 0..blocks {
                list.extend([("en", 1000), ("fr", 1000), ("zh", 1000)]);
            }
            list
        };
        let first = |list: &[(&str, usize)]| -> usize {
            list.iter()
                .zip(tiers(list))
                .filter(|(_, t)| *t == 1)
                .map(|((_, n), _)| n)
                .sum()
        };
        assert_eq!(first(&archive(1)), 3159);
        assert_eq!(first(&archive(3)), 3159);
        assert_eq!(first(&archive(40)), 3159);
        let all = tiers(&archive(40));
        assert_eq!(all.len(), 123);
        // 117 older blocks: ten a search, and the last seven.
        assert_eq!(all.iter().filter(|&&t| t == 2).count(), 10);
        assert_eq!(*all.last().unwrap(), 13);
        assert_eq!(all.iter().filter(|&&t| t == 13).count(), 7);
        // Tiers only grow along the list.
        assert!(all.windows(2).all(|w| w[0] <= w[1]));
        // A language whose newest shard is large enough needs one.
        assert_eq!(tiers(&[("en", 1000), ("en", 1000)]), [1, 2]);
        // A language that appears only among older shards still starts in the first search.
        assert_eq!(tiers(&[("en", 1000), ("en", 1000), ("ar", 5)]), [1, 2, 1]);
        assert!(tiers(&[]).is_empty());
    }
}

/// One shard as `pagefind/shards.json` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Its newest article's place in publication order (for the list's order), and id.
    pub newest: (i64, String),
    pub name: String,
    pub language: String,
    pub articles: usize,
}

/// `pagefind/shards.json`: the shards newest first (by their newest article), each with its
/// folder, language, size and search tier (see [`tiers`]).
///
/// ```
/// use article_reader::publish::search::{shard_list, Listed};
/// let shard = |name: &str, at: i64, n: usize| Listed { newest: (at, name.into()), name: name.into(), language: "en".into(), articles: n };
/// let json = shard_list(vec![shard("en-2025-1", 10, 1000), shard("en-2026-1-new", 20, 3)]);
/// let list: serde_json::Value = serde_json::from_str(&json).unwrap();
/// assert_eq!(list["shards"][0]["path"], "en-2026-1-new/");
/// assert_eq!(list["shards"][1]["tier"], 1);
/// ```
pub fn shard_list(mut list: Vec<Listed>) -> String {
    list.sort_by(|a, b| b.newest.cmp(&a.newest));
    let sizes: Vec<(&str, usize)> = list.iter().map(|s| (s.language.as_str(), s.articles)).collect();
    let shards: Vec<Value> = list
        .iter()
        .zip(tiers(&sizes))
        .map(|(s, tier)| json!({ "path": format!("{}/", s.name), "language": s.language, "articles": s.articles, "tier": tier }))
        .collect();
    serde_json::to_string_pretty(&json!({ "version": 1, "shards": shards })).expect("plain JSON") + "\n"
}

/// A shard's fingerprint: the code, the folder and each of its articles with its hash. The same
/// fingerprint as the last publish's: the shard is kept as it is.
pub fn fingerprint<'a>(code: &str, members: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut print = format!("{code}\u{0}{}", crate::site::BASE_PATH);
    for (id, hash) in members {
        super::add_member(&mut print, id, hash);
    }
    super::manifest::hash(print.as_bytes())
}

/// Each shard's two fingerprints, by shard: of its members with the code ([`fingerprint`]), and
/// of what Pagefind was given ([`records_print`]).
#[derive(Default)]
pub struct Prints {
    pub members: BTreeMap<String, String>,
    pub records: BTreeMap<String, String>,
}

/// What makes a shard's index besides its records: the script that runs Pagefind and
/// Pagefind's version (another one indexes every shard again).
pub fn recipe() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read(root.join(p)).unwrap_or_default();
    super::manifest::hash(
        &[
            read("scripts/search-shard.mjs"),
            read("node_modules/pagefind/package.json"),
        ]
        .concat(),
    )
}

/// The fingerprint of what a shard's index is made of: its records and the [`recipe`].
pub fn records_print(recipe: &str, records: &[Value]) -> String {
    let text = serde_json::to_string(records).unwrap_or_default();
    super::manifest::hash(format!("{recipe}\u{0}{text}").as_bytes())
}

/// Indexes again the shards whose records changed, writes `pagefind/shards.json`, and returns
/// each shard's fingerprints. `record` gives an article's search record by id.
///
/// A shard whose members and code are the last publish's is kept without reading its articles.
/// Otherwise its records are made and compared with the last publish's: a code release that
/// changes no record (a new stylesheet, new islands) indexes nothing again.
pub fn publish(
    output: &mut super::output::Output,
    code: &str,
    entries: &[Entry],
    hashes: &BTreeMap<String, super::manifest::Source>,
    record: impl Fn(&str) -> Result<Value, String> + Sync,
) -> Result<Prints, String> {
    let mut prints = BTreeMap::new();
    let mut list = Vec::new();
    let dir = crate::facts::SEARCH_DIR;
    let mut changed = Vec::new();
    let mut records = BTreeMap::new();
    let recipe = recipe();
    let all = shards(entries);
    for (name, members) in &all {
        let from = format!("search:{name}");
        let ids = members.iter().map(|&i| entries[i].summary.id.as_str());
        let print = fingerprint(code, ids.clone().map(|id| (id, hashes[id].hash.as_str())));
        let newest = &entries[*members.last().expect("a shard has articles")];
        list.push(Listed {
            newest: (newest.key().0, newest.summary.id.clone()),
            name: name.clone(),
            language: shard_language(&newest.language),
            articles: members.len(),
        });
        prints.insert(name.clone(), print.clone());
        let uncertain = output.is_uncertain(&from);
        let old_records = output.old().shard_records.get(name).filter(|_| !uncertain).cloned();
        if output.old().shards.get(name) == Some(&print) && old_records.is_some() {
            output.keep_under(&from, &format!("{dir}{name}/"));
            records.insert(name.clone(), old_records.unwrap_or_default());
        } else {
            changed.push((name, members, old_records));
        }
    }
    // Pagefind on every core: each worker indexes the next shard waiting (its own process);
    // their files are put as they come, in the shards' order.
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(changed.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let out = output.dir.clone();
    let started = std::time::Instant::now();
    std::thread::scope(|s| -> Result<(), String> {
        let (send, receive) = std::sync::mpsc::channel();
        for _ in 0..workers {
            let send = send.clone();
            let (next, changed, out, record, recipe) = (&next, &changed, &out, &record, &recipe);
            s.spawn(move || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((name, members, old)) = changed.get(i) else {
                    return;
                };
                let indexed = members
                    .iter()
                    .map(|&m| record(entries[m].summary.id.as_str()))
                    .collect::<Result<Vec<_>, _>>()
                    .and_then(|records| {
                        let print = records_print(recipe, &records);
                        if old.as_ref() == Some(&print) {
                            return Ok((print, None));
                        }
                        let language = shard_language(&entries[members[0]].language);
                        index_shard(out, name, &language, &records).map(|files| (print, Some(files)))
                    });
                let failed = indexed.is_err();
                if send.send((i, indexed)).is_err() || failed {
                    // (The rest is not indexed: the publish stops at the first failure.)
                    next.store(changed.len(), std::sync::atomic::Ordering::Relaxed);
                    return;
                }
            });
        }
        drop(send);
        let mut waiting = BTreeMap::new();
        let mut put = 0;
        for (i, indexed) in receive {
            waiting.insert(i, indexed);
            while let Some(indexed) = waiting.remove(&put) {
                let (name, members, _) = &changed[put];
                put += 1;
                let (print, files) = indexed?;
                records.insert(name.to_string(), print);
                let from = format!("search:{name}");
                let Some(files) = files else {
                    // The same records as the last publish's: the same index.
                    output.keep_under(&from, &format!("{dir}{name}/"));
                    continue;
                };
                // The shard's entry and metadata name its other files: they go last.
                let last = |p: &String| p.ends_with("pagefind-entry.json") || p.ends_with(".pf_meta");
                for (rel, bytes) in files
                    .iter()
                    .filter(|(p, _)| !last(p))
                    .chain(files.iter().filter(|(p, _)| last(p)))
                {
                    output.put(&format!("{dir}{name}/{rel}"), bytes, &from)?;
                }
                eprintln!(
                    "publish: search shard {name}: {} articles indexed, {} ms into the step",
                    members.len(),
                    started.elapsed().as_millis()
                );
            }
        }
        Ok(())
    })?;
    output.put(&format!("{dir}shards.json"), shard_list(list).as_bytes(), "search")?;
    Ok(Prints {
        members: prints,
        records,
    })
}

/// Runs Pagefind (scripts/search-shard.mjs) over one shard's records; returns its files.
fn index_shard(
    out: &std::path::Path,
    name: &str,
    language: &str,
    records: &[Value],
) -> Result<Vec<(String, Vec<u8>)>, String> {
    use super::output::{io, write_atomic};
    use std::fs;
    let work = out.join(super::STATE_DIR).join("search").join(name);
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(io(&work))?;
    let records_path = work.join("records.json");
    write_atomic(
        &records_path,
        serde_json::to_string(records).map_err(|e| e.to_string())?.as_bytes(),
    )?;
    let index_dir = work.join("index");
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/search-shard.mjs");
    let status = std::process::Command::new("node")
        .arg(&script)
        .arg(&records_path)
        .arg(language)
        .arg(&index_dir)
        .status()
        .map_err(|e| {
            format!(
                "node {}: {e} (is Node.js installed? scripts/setup.sh)",
                script.display()
            )
        })?;
    if !status.success() {
        return Err(format!("the search shard {name} could not be indexed (see above)"));
    }
    let mut files = Vec::new();
    collect(&index_dir, &index_dir, &mut files)?;
    files.sort();
    let _ = fs::remove_dir_all(&work);
    Ok(files)
}

fn collect(root: &std::path::Path, dir: &std::path::Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    use super::output::io;
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if path.is_dir() {
            collect(root, &path, files)?;
        } else {
            files.push((
                super::archive::relative(root, &path)?,
                std::fs::read(&path).map_err(io(&path))?,
            ));
        }
    }
    Ok(())
}
