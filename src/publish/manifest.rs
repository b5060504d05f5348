//! The publish's manifest (`.publish/manifest.json` in the output): every file the publish
//! wrote, by path, with its hash and what it was made from, and what it knows of each article
//! of the archive (so an unchanged article is neither read nor rendered again). The next
//! publish compares against it and writes only the files whose bytes change.

use super::order::Entry;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The manifest's format; another version is not read (the publish then starts over, writing
/// only the files whose bytes differ on disk).
pub const VERSION: u32 = 1;

/// The folders of the output only the publish writes, with the search index's
/// (`facts::SEARCH_DIR`) and the search page's (`search/`), besides its files at the top (the front page, the feeds, the sitemap
/// index, the news sitemap, `robots.txt`). The publish refuses to write anywhere else; the
/// deploy reads these folders' files from the manifest instead of listing them, and lists only
/// the rest (the code build's few dozen files).
pub const FOLDERS: [&str; 6] = ["articles", "embed", "oembed", "search", "sections", "sitemaps"];

/// Whether `name`, a folder at the top of the output, is the publish's.
///
/// ```
/// use article_reader::publish::manifest::is_publish_folder;
/// assert!(is_publish_folder("articles"));
/// assert!(is_publish_folder(article_reader::facts::SEARCH_DIR.trim_end_matches('/')));
/// assert!(!is_publish_folder("icons"));
/// ```
pub fn is_publish_folder(name: &str) -> bool {
    FOLDERS.contains(&name) || crate::facts::SEARCH_DIR.trim_end_matches('/') == name
}

/// Whether the publish may write `path` (`/`-separated, relative to the output): at the top,
/// or in one of its folders.
///
/// ```
/// use article_reader::publish::manifest::is_publish_path;
/// assert!(is_publish_path("feed.xml"));
/// assert!(is_publish_path("articles/harbour/index.html"));
/// assert!(!is_publish_path("icons/icon-192.png"));
/// ```
pub fn is_publish_path(path: &str) -> bool {
    match path.split_once('/') {
        None => true,
        Some((folder, _)) => is_publish_folder(folder),
    }
}

/// The first 128 bits of the SHA-256 of `bytes`, in hex.
///
/// ```
/// assert_eq!(article_reader::publish::manifest::hash(b"abc"), "ba7816bf8f01cfea414140de5dae2223");
/// ```
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// One article of the archive as the last publish saw it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Source {
    /// The file's size and modification time (nanoseconds since the epoch): unchanged, the
    /// file is not read again.
    pub size: u64,
    pub modified: u128,
    pub hash: String,
    pub entry: Entry,
    /// The archive's pictures it names (paths under `articles/`): a change to one makes the
    /// article again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<String>,
}

/// A file of the archive besides the articles (a picture), copied to the output.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Asset {
    pub size: u64,
    pub modified: u128,
}

/// One file the publish made of a picture (see [`super::pictures`]).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Variant {
    /// Under `articles/`.
    pub path: String,
    pub width: u32,
    pub height: u32,
    #[serde(rename = "type")]
    pub mime: String,
}

/// What became of a picture.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "as", rename_all = "lowercase")]
pub enum Outcome {
    /// Made at its widths (`width` × `height`: the picture upright).
    Sized {
        width: u32,
        height: u32,
        variants: Vec<Variant>,
    },
    /// Copied as it is.
    Kept { why: String },
    /// Left out.
    Broken { why: String },
}

/// A picture as the last publish made it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Record {
    pub size: u64,
    pub modified: u128,
    pub hash: String,
    pub recipe: String,
    pub outcome: Outcome,
}

/// One file the publish wrote.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct File {
    pub hash: String,
    /// What it was made from: `article:{id}`, `asset`, `index`, `feeds`, `sitemaps`,
    /// `search:{shard}`.
    pub from: String,
    /// Whether a brotli copy (`{path}.br`) sits beside it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub br: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// The code build the pages were made with (its template, islands bundle, configuration
    /// and publish command): another one renders every article again.
    pub code: String,
    pub sources: BTreeMap<String, Source>,
    pub assets: BTreeMap<String, Asset>,
    /// What each picture of the archive became, by path under `articles/`.
    #[serde(default)]
    pub pictures: BTreeMap<String, Record>,
    /// Each search shard's fingerprint (its articles and their hashes).
    pub shards: BTreeMap<String, String>,
    /// Each search shard's records' fingerprint (`search::records_print`): a shard made again
    /// with the same records keeps its index. (Absent from an older manifest: such a shard is
    /// indexed again once.)
    #[serde(default)]
    pub shard_records: BTreeMap<String, String>,
    /// Each archive page's fingerprint (its articles and their hashes, its next page, the
    /// code): an unchanged page is not made again. (Absent from an older manifest: every page
    /// is then made and compared by its hash.)
    #[serde(default)]
    pub pages: BTreeMap<String, String>,
    pub files: BTreeMap<String, File>,
}
