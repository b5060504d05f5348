//! The publish command's own logic (`src/bin/publish.rs` does the reading and writing): what a
//! content release makes of the archive, as pure functions of the articles, tested natively.
//!
//! - [`order`]: the archive in publication order and its index pages, numbered from the oldest,
//!   so that a new article changes only the newest page and the front page;
//! - [`feeds`]: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest articles, site-wide and per
//!   section;
//! - [`sitemaps`]: one sitemap per month, their index, a Google News sitemap and `robots.txt`;
//! - [`search`]: the search index's shards (by language, and blocks of articles in publication
//!   order) and the record each article gives its shard;
//! - [`oembed`]: an article's oEmbed response;
//! - [`manifest`]: what the output holds, by hash, and what each file was made from;
//! - [`changes`]: what the publishes changed since the last deploy.
//!
//! Only with the `publish` feature: native, never in the wasm.

pub mod archive;
pub mod changes;
pub mod feeds;
pub mod indexes;
pub mod manifest;
pub mod oembed;
pub mod order;
pub mod output;
pub mod pending;
pub mod pictures;
pub mod search;
pub mod sitemaps;
pub mod stops;

/// The page body is rendered against this origin, then every URL on it is made root-relative,
/// so the static page works on whatever host serves it. (`.invalid` can never be a real host.)
pub const RENDER_ORIGIN: &str = "https://prerender.invalid";

/// The reader's folder on [`RENDER_ORIGIN`], without the closing `/` (the site's `base_path`).
pub fn render_root() -> String {
    format!("{RENDER_ORIGIN}{}", crate::site::BASE_PATH.trim_end_matches('/'))
}

/// Adds an article to a fingerprint's text (`\0{id}:{hash}`).
pub(crate) fn add_member(print: &mut String, id: &str, hash: &str) {
    print.push('\u{0}');
    print.push_str(id);
    print.push(':');
    print.push_str(hash);
}

/// The publish's own folder in the output (its manifest, lock and reports); never deployed.
pub const STATE_DIR: &str = ".publish";

/// The site's public address and the reader's folder on it, without the closing `/`
/// (READER_PUBLIC_URL overrides site.json's `public_url`, for a preview deployment).
pub fn public_base() -> String {
    let origin = std::env::var("READER_PUBLIC_URL").unwrap_or_else(|_| crate::site::PUBLIC_URL.into());
    format!(
        "{}{}",
        origin.trim_end_matches('/'),
        crate::site::BASE_PATH.trim_end_matches('/')
    )
}

/// Takes the output's lock (`{state}/lock`): one publish or deploy at a time writes or reads
/// an output; a second one says `waiting` and waits. Held until the file is dropped.
pub fn lock_output(state: &std::path::Path, waiting: &str) -> Result<std::fs::File, String> {
    let path = state.join("lock");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if let Err(std::fs::TryLockError::WouldBlock) = lock.try_lock() {
        eprintln!("{waiting}");
        lock.lock().map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(lock)
}

/// Escapes text for XML and HTML (element text and double-quoted attributes).
///
/// ```
/// assert_eq!(article_reader::publish::escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 cannot carry at all (the validator already refuses most).
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}
