//! The headers each object is stored with. A bucket answers every request for a key with the
//! same bytes and headers, so these are decided once, at upload:
//! - `Content-Type` by the file's name (`.wasm` as `application/wasm`, the feeds by their kind);
//! - `Cache-Control`: files whose name carries a hash of their bytes never change under that
//!   name (a year, `immutable`); pictures an hour; everything else, which changes under the
//!   same name (pages, index JSON, feeds, sitemaps, `sw.js`, the manifest, the search entry
//!   files), `no-cache`: browsers revalidate, and a CDN keeps it only as long as its own rules
//!   say (the purge list then tells it what changed).

/// `Cache-Control` of a file named by a hash of its bytes.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of a picture (its name is the newsroom's, not a hash: a replaced picture
/// reaches browsers within the hour, the CDN when it is purged).
pub const PICTURE: &str = "public, max-age=3600";
/// `Cache-Control` of everything that changes under the same name.
pub const REVALIDATE: &str = "no-cache";

/// The object's `Content-Type`, by its key.
///
/// ```
/// use article_reader::deploy::headers::content_type;
/// assert_eq!(content_type("app-1a2b3c4d5e6f7a8b_bg.wasm"), "application/wasm");
/// assert_eq!(content_type("sections/world/feed.xml"), "application/rss+xml; charset=utf-8");
/// assert_eq!(content_type("articles/x/index.html"), "text/html; charset=utf-8");
/// ```
pub fn content_type(key: &str) -> &'static str {
    let name = key.rsplit('/').next().unwrap_or(key);
    match name {
        "feed.xml" => return "application/rss+xml; charset=utf-8",
        "atom.xml" => return "application/atom+xml; charset=utf-8",
        "feed.json" => return "application/feed+json; charset=utf-8",
        "_headers" | "_redirects" => return "text/plain; charset=utf-8",
        _ => {}
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "wasm" => "application/wasm",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        // Pagefind's index files (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pagefind`) and
        // anything unknown: bytes the page's code reads itself.
        _ => "application/octet-stream",
    }
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
    let name = key.rsplit('/').next().unwrap_or(key);
    if ["articles/", "embed/", "oembed/", "sections/"]
        .iter()
        .any(|folder| key.starts_with(folder))
    {
        return false;
    }
    if key.starts_with(crate::facts::SEARCH_DIR) {
        return matches!(
            name.rsplit_once('.').map(|(_, e)| e),
            Some("pf_fragment" | "pf_index" | "pf_filter" | "pf_meta")
        );
    }
    let stem = name.split('.').next().unwrap_or(name);
    stem.split(['-', '_'])
        .any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
}

/// The object's `Cache-Control`, by its key.
///
/// ```
/// use article_reader::deploy::headers::{cache_control, IMMUTABLE, PICTURE, REVALIDATE};
/// assert_eq!(cache_control("islands-0123456789abcdef.js"), IMMUTABLE);
/// assert_eq!(cache_control("articles/img/harbour.jpg"), PICTURE);
/// assert_eq!(cache_control("sw.js"), REVALIDATE);
/// ```
pub fn cache_control(key: &str) -> &'static str {
    if is_hashed(key) {
        IMMUTABLE
    } else if key.starts_with("articles/img/") {
        PICTURE
    } else {
        REVALIDATE
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
            assert_eq!(cache_control(key), REVALIDATE, "{key}");
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
