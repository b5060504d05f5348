//! The search index in shards, so that a publish re-indexes only the shard its article lands
//! in. A shard is a Pagefind index of its own (`pagefind/{shard}/`), processed as its language
//! (Pagefind's extended build splits Chinese and Japanese text into words); the search page
//! merges them (`mergeIndex`), newest first, as `pagefind/shards.json` lists them.
//!
//! Shards are by language, then by year of publication, then by blocks of [`SHARD_SIZE`]
//! articles in publication order within that year: a new article changes the newest block of
//! its language and year only, and a deleted one the blocks after it in that year.

use super::order::Entry;
use crate::model::{Article, Block};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Articles per shard at most.
pub const SHARD_SIZE: usize = 1000;

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
/// assert_eq!(shards.keys().collect::<Vec<_>>(), ["en-2025-1", "en-2026-1", "zh-2026-1"]);
/// assert_eq!(shards["zh-2026-1"], [1]);
/// ```
pub fn shards(entries: &[Entry]) -> BTreeMap<String, Vec<usize>> {
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut shards: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let language = shard_language(&e.language);
        let year = e
            .summary
            .published
            .as_ref()
            .map_or_else(|| "undated".to_string(), |d| format!("{:04}", d.at().year));
        let n = counts.entry((language.clone(), year.clone())).or_default();
        let block = *n / SHARD_SIZE + 1;
        *n += 1;
        shards.entry(format!("{language}-{year}-{block}")).or_default().push(i);
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
        let local = image.src.as_deref().and_then(|s| s.strip_prefix(origin));
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
