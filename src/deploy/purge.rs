//! What a CDN must purge after a deploy: the public addresses of every file whose bytes
//! changed or which was removed, under the site's `public_url` and `base_path`. Files named by
//! a hash never change under their name and are left out; new files were never cached.
//! A folder's `index.html` is reached as the folder and, for the article pages, without the
//! closing `/` as well (the address the site links to).

use super::headers::is_hashed;

/// The addresses a changed or removed key is reached at, under `base` (the site's public
/// address and folder, without the closing `/`).
///
/// ```
/// use article_reader::deploy::purge::urls;
/// let base = "https://news.example/reader";
/// assert_eq!(urls(base, "feed.xml"), ["https://news.example/reader/feed.xml"]);
/// assert_eq!(urls(base, "index.html"), ["https://news.example/reader/", "https://news.example/reader/index.html"]);
/// assert_eq!(
///     urls(base, "articles/harbour/index.html"),
///     ["https://news.example/reader/articles/harbour", "https://news.example/reader/articles/harbour/", "https://news.example/reader/articles/harbour/index.html"]
/// );
/// assert!(urls(base, "article-reader-0123456789abcdef.js").is_empty());
/// ```
pub fn urls(base: &str, key: &str) -> Vec<String> {
    if is_hashed(key) {
        return Vec::new();
    }
    match key.strip_suffix("index.html") {
        Some("") => vec![format!("{base}/"), format!("{base}/index.html")],
        Some(folder) if folder.ends_with('/') => vec![
            format!("{base}/{}", folder.trim_end_matches('/')),
            format!("{base}/{folder}"),
            format!("{base}/{key}"),
        ],
        _ => vec![format!("{base}/{key}")],
    }
}

/// The purge list of a deploy: one address per line, sorted, without repeats.
///
/// ```
/// use article_reader::deploy::purge::list;
/// let keys = ["feed.xml".to_string(), "index.html".to_string()];
/// assert_eq!(list("https://n.example", keys.iter()), "https://n.example/\nhttps://n.example/feed.xml\nhttps://n.example/index.html\n");
/// ```
pub fn list<'a>(base: &str, keys: impl IntoIterator<Item = &'a String>) -> String {
    let all: std::collections::BTreeSet<String> = keys.into_iter().flat_map(|k| urls(base, k)).collect();
    all.into_iter().map(|u| u + "\n").collect()
}

/// Writes the purge list to `path` (its folder made if need be).
pub fn write(path: &std::path::Path, list: &str) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, list).map_err(|e| format!("{}: {e}", path.display()))
}
