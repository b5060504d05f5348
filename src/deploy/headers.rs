//! The headers each object is stored with. A bucket answers every request for a key with the
//! same bytes and headers, so these are decided once, at upload:
//! - `Content-Type` by the file's name (`.wasm` as `application/wasm`, the feeds by their kind);
//! - `Cache-Control`: files whose name carries a hash of their bytes never change under that
//!   name (a year, `immutable`); pictures an hour; everything else, which changes under the
//!   same name (pages, index JSON, feeds, sitemaps, `sw.js`, the manifest, the search entry
//!   files), `no-cache`: browsers revalidate, and a CDN keeps it only as long as its own rules
//!   say (the purge list then tells it what changed).

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// `src/headers.json`: the one table of headers for every host (S3 here; `_headers` and the
/// local server through scripts/headers-table.mjs).
#[derive(serde::Deserialize)]
struct Table {
    names: BTreeMap<String, String>,
    extensions: BTreeMap<String, String>,
    other_type: String,
    cache: Cache,
    hashed: Hashed,
    pictures_under: String,
    sized_under: String,
}

#[derive(serde::Deserialize)]
struct Cache {
    hashed: String,
    pictures: String,
    other: String,
}

#[derive(serde::Deserialize)]
struct Hashed {
    hash_length: usize,
    search_extensions: Vec<String>,
    never_under: Vec<String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| serde_json::from_str(include_str!("../headers.json")).expect("src/headers.json is valid"))
}

/// `Cache-Control` of a file named by a hash of its bytes.
pub fn immutable() -> &'static str {
    &table().cache.hashed
}

/// `Cache-Control` of a picture (its name is the newsroom's, not a hash: a replaced picture
/// reaches browsers within the hour, the CDN when it is purged).
pub fn picture() -> &'static str {
    &table().cache.pictures
}

/// `Cache-Control` of everything that changes under the same name.
pub fn revalidate() -> &'static str {
    &table().cache.other
}

/// The object's `Content-Type`, by its key.
///
/// ```
/// use article_reader::deploy::headers::content_type;
/// assert_eq!(content_type("app-1a2b3c4d5e6f7a8b_bg.wasm"), "application/wasm");
/// assert_eq!(content_type("sections/world/feed.xml"), "application/rss+xml; charset=utf-8");
/// assert_eq!(content_type("articles/x/index.html"), "text/html; charset=utf-8");
/// ```
pub fn content_type(key: &str) -> &'static str {
    let table = table();
    let name = key.rsplit('/').next().unwrap_or(key);
    if let Some(t) = table.names.get(name) {
        return t;
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    // Pagefind's index files (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pagefind`) and
    // anything unknown: bytes the page's code reads itself.
    table.extensions.get(&extension).unwrap_or(&table.other_type)
}

/// Whether the file's name carries a hash of its bytes, so that other bytes get another name:
/// the code build's `name-<16 hex>.ext` (Trunk and the islands bundle) and Pagefind's index
/// files (`fragment/`, `index/`, `filter/` and the `.pf_meta`, named by their hash). Pagefind's
/// `pagefind-entry.json`, which names them, is not; nor is anything in the article folders,
/// whose names are the newsroom's (an article's id may look like a hash).
///
/// ```
/// use article_reader::deploy::headers::is_hashed;
/// assert!(is_hashed("article-reader-7f1c0a9e2b4d6f80_bg.wasm"));
/// assert!(is_hashed("pagefind/en-2026-0/fragment/en_4c1d2a7.pf_fragment"));
/// assert!(!is_hashed("pagefind/en-2026-0/pagefind-entry.json"));
/// assert!(!is_hashed("articles/index.json"));
/// ```
pub fn is_hashed(key: &str) -> bool {
    let rule = &table().hashed;
    let name = key.rsplit('/').next().unwrap_or(key);
    if key.starts_with(table().sized_under.as_str()) {
        // The publish's pictures: `{name}-{width}.{hash}.{ext}`.
        return true;
    }
    if rule.never_under.iter().any(|folder| key.starts_with(folder.as_str())) {
        return false;
    }
    if key.starts_with(crate::facts::SEARCH_DIR) {
        let extension = name.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
        return rule.search_extensions.iter().any(|e| e == extension);
    }
    let stem = name.split('.').next().unwrap_or(name);
    stem.split(['-', '_']).any(|part| {
        part.len() == rule.hash_length && part.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The object's `Cache-Control`, by its key.
///
/// ```
/// use article_reader::deploy::headers::{cache_control, immutable, picture, revalidate};
/// assert_eq!(cache_control("islands-article-0123456789abcdef.js"), immutable());
/// assert_eq!(cache_control("islands-front-save-0123456789abcdef.wasm"), immutable());
/// assert_eq!(cache_control("articles/img/harbour.jpg"), picture());
/// assert_eq!(cache_control("articles/sized/harbour-828.0123456789.webp"), immutable());
/// assert_eq!(cache_control("sw.js"), revalidate());
/// ```
pub fn cache_control(key: &str) -> &'static str {
    if is_hashed(key) {
        immutable()
    } else if key.starts_with(table().pictures_under.as_str()) {
        picture()
    } else {
        revalidate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_changes_under_its_name_is_revalidated() {
        for key in [
            "index.html",
            "shell.html",
            "sw.js",
            "manifest.webmanifest",
            "articles/index.json",
            "articles/archive/3.json",
            "articles/harbour.json",
            "articles/harbour/index.html",
            "embed/harbour/index.html",
            "oembed/harbour.json",
            "feed.xml",
            "sections/world/atom.xml",
            "sitemap.xml",
            "sitemaps/2026-12.xml",
            "news-sitemap.xml",
            "robots.txt",
            "pagefind/shards.json",
            "pagefind/en-2026-0/pagefind-entry.json",
            "pagefind/en-2026-0/pagefind.js",
        ] {
            assert_eq!(cache_control(key), revalidate(), "{key}");
        }
    }

    #[test]
    fn a_hash_is_sixteen_lower_case_hex_digits() {
        assert!(is_hashed("style-0123456789abcdef.css"));
        assert!(is_hashed("islands/islands_bg-0123456789abcdef.wasm"));
        assert!(!is_hashed("style-0123456789ABCDEF.css"));
        assert!(!is_hashed("style-0123456789abcde.css"));
        assert!(!is_hashed("articles/2026-elections-result-day.json"));
        // An article whose id looks like a hash still changes under its name.
        assert!(!is_hashed("articles/0123456789abcdef.json"));
        assert!(!is_hashed("articles/img/photo-0123456789abcdef.jpg"));
    }

    /// tests/cases/headers.json: the headers every host must give, written by hand.
    #[test]
    fn the_shared_cases() {
        let cases: serde_json::Value = serde_json::from_str(include_str!("../../tests/cases/headers.json")).unwrap();
        for (path, expected) in cases.as_object().unwrap().iter().filter(|(k, _)| !k.starts_with("//")) {
            let got = serde_json::json!([content_type(path), cache_control(path)]);
            assert_eq!(&got, expected, "{path}");
        }
    }

    #[test]
    fn types_the_browser_needs() {
        assert_eq!(content_type("manifest.webmanifest"), "application/manifest+json");
        assert_eq!(content_type("sitemap.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("feed.json"), "application/feed+json; charset=utf-8");
        assert_eq!(content_type("articles/img/a.JPG"), "image/jpeg");
        assert_eq!(
            content_type("pagefind/en-2026-0/wasm.en.pagefind"),
            "application/octet-stream"
        );
        assert_eq!(content_type("robots.txt"), "text/plain; charset=utf-8");
    }
}
