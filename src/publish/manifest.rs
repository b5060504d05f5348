//! The publish's manifest (`.publish/manifest.json` in the output): every file the publish
//! wrote, by path, with its hash and what it was made from, and what it knows of each article
//! of the archive (so an unchanged article is neither read nor rendered again). The next
//! publish compares against it and writes only the files whose bytes change.

use super::order::Entry;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The manifest's format; another version is not read (the publish then starts over, writing
/// only the files whose bytes differ on disk), but for the one before, which was one file.
pub const VERSION: u32 = 2;

/// The format before parts: the whole manifest in `manifest.json`, read once and then written
/// as parts.
const WHOLE: u32 = 1;

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
    /// The file's size and modification time (nanoseconds since the epoch; 0 when it was too
    /// close to the publish to trust): unchanged, the file is not read again.
    pub size: u64,
    pub modified: u128,
    pub hash: String,
    pub entry: Entry,
    /// The archive's pictures it names (paths under `articles/`): a change to one makes the
    /// article again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<String>,
}

/// Whether a file whose recorded time is `recorded` can be taken as unchanged, its time being
/// `now` (both as the archive's scan records them: 0 for a time too close to a publish to
/// trust). A 0 matches nothing: such a file is read and hashed again.
///
/// ```
/// use article_reader::publish::manifest::same_time;
/// assert!(same_time(1_700_000_000_000_000_000, 1_700_000_000_000_000_000));
/// assert!(!same_time(0, 0));
/// ```
pub fn same_time(recorded: u128, now: u128) -> bool {
    recorded != 0 && recorded == now
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

/// The manifest on disk: `manifest.json` holds all but the articles and the files (the code,
/// the pictures, the shards' and pages' fingerprints) and names its parts; each part
/// (`manifest/{bucket}-{hash}.json`) holds the articles and the files of one of [`BUCKETS`]
/// groups, by a hash of the article or of what the files were made from. A publish writes only
/// the parts whose content changed, under new names, then `manifest.json`, then removes the
/// parts it no longer names: a publish stopped at any point leaves the last whole manifest.
#[derive(Serialize, Deserialize, Default)]
struct Head {
    version: u32,
    code: String,
    assets: BTreeMap<String, Asset>,
    #[serde(default)]
    pictures: BTreeMap<String, Record>,
    shards: BTreeMap<String, String>,
    #[serde(default)]
    shard_records: BTreeMap<String, String>,
    #[serde(default)]
    pages: BTreeMap<String, String>,
    /// Each part's name, by bucket.
    #[serde(default)]
    parts: BTreeMap<String, String>,
}

/// One part of the manifest.
#[derive(Serialize, Deserialize, Default)]
struct Part {
    sources: BTreeMap<String, Source>,
    files: BTreeMap<String, File>,
}

/// How many parts the manifest is split into: at 100,000 articles, about 400 articles and
/// 2,400 files each (some 450 KB).
pub const BUCKETS: usize = 256;

/// The part a group of files (`from`: `article:{id}`, `search:{shard}`, `index`…) or an article
/// (by its id) is kept in: the first byte of the SHA-256 of the article's id or of `from`.
///
/// ```
/// use article_reader::publish::manifest::bucket;
/// assert_eq!(bucket("article:harbour"), bucket("harbour"), "an article's files beside it");
/// assert_eq!(bucket("feeds").len(), 2);
/// ```
pub fn bucket(group: &str) -> String {
    let key = group.strip_prefix("article:").unwrap_or(group);
    format!("{:02x}", Sha256::digest(key.as_bytes())[0])
}

/// The folder of the manifest's parts, in the publish's state folder.
pub const PARTS_DIR: &str = "manifest";

/// Reads the manifest from the publish's state folder (`.publish`): its head and every part,
/// parsed on every core. `None`: there is none, or of another format.
pub fn load(state: &std::path::Path) -> Option<Manifest> {
    use rayon::prelude::*;
    let bytes = std::fs::read(state.join("manifest.json")).ok()?;
    let probe: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    match probe.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(WHOLE) => {
            let mut whole: Manifest = serde_json::from_value(probe).ok()?;
            whole.version = VERSION;
            return Some(whole);
        }
        Some(v) if v == u64::from(VERSION) => {}
        _ => return None,
    }
    let head: Head = serde_json::from_value(probe).ok()?;
    let dir = state.join(PARTS_DIR);
    let parts: Vec<Option<Part>> = head
        .parts
        .par_iter()
        .map(|(_, name)| {
            let bytes = std::fs::read(dir.join(name)).ok()?;
            serde_json::from_slice(&bytes).ok()
        })
        .collect();
    let mut manifest = Manifest {
        version: VERSION,
        code: head.code,
        assets: head.assets,
        pictures: head.pictures,
        shards: head.shards,
        shard_records: head.shard_records,
        pages: head.pages,
        ..Default::default()
    };
    // A part missing or unreadable: the manifest is not whole, and is not used.
    let parts: Vec<Part> = parts.into_iter().collect::<Option<_>>()?;
    // Built from sorted entries (inserted one by one, the parts' interleaved keys cost twice
    // the parsing at 100,000 articles).
    let mut sources: Vec<(String, Source)> = Vec::new();
    let mut files: Vec<(String, File)> = Vec::new();
    for part in parts {
        sources.extend(part.sources);
        files.extend(part.files);
    }
    sources.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    files.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    manifest.sources = sources.into_iter().collect();
    manifest.files = files.into_iter().collect();
    Some(manifest)
}

/// The files of some of the manifest's parts (by [`bucket`]), without reading the others.
/// `None`: no manifest of this format, or a part missing.
pub fn load_buckets(state: &std::path::Path, buckets: &[String]) -> Option<BTreeMap<String, File>> {
    let head: Head = serde_json::from_slice(&std::fs::read(state.join("manifest.json")).ok()?).ok()?;
    if head.version != VERSION {
        return None;
    }
    let mut files = BTreeMap::new();
    for b in buckets {
        let Some(name) = head.parts.get(b) else { continue };
        let part: Part = serde_json::from_slice(&std::fs::read(state.join(PARTS_DIR).join(name)).ok()?).ok()?;
        files.extend(part.files);
    }
    Some(files)
}

/// Writes the manifest into the publish's state folder: the parts whose content changed (each
/// under a new name), then `manifest.json`, then removes the parts it no longer names.
/// `write` writes one file atomically. Returns how many parts were written.
pub fn save(
    state: &std::path::Path,
    manifest: &Manifest,
    write: impl Fn(&std::path::Path, &[u8]) -> Result<(), String> + Sync,
) -> Result<usize, String> {
    use rayon::prelude::*;
    let dir = state.join(PARTS_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let old: std::collections::BTreeSet<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    // (Of references, in the manifest's sorted order: the entries are not copied, nor freed
    // one by one after.)
    fn as_map<S: serde::Serializer, V: Serialize>(pairs: &[(&str, &V)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(pairs.iter().map(|(k, v)| (*k, *v)))
    }
    #[derive(Serialize, Default)]
    struct PartOf<'a> {
        #[serde(serialize_with = "as_map")]
        sources: Vec<(&'a str, &'a Source)>,
        #[serde(serialize_with = "as_map")]
        files: Vec<(&'a str, &'a File)>,
    }
    let mut parts: BTreeMap<String, PartOf> = BTreeMap::new();
    for (id, source) in &manifest.sources {
        parts.entry(bucket(id)).or_default().sources.push((id, source));
    }
    for (path, file) in &manifest.files {
        parts.entry(bucket(&file.from)).or_default().files.push((path, file));
    }
    // Named by content: an unchanged part keeps its name and is not written again.
    let named: Vec<Result<(String, String, bool), String>> = parts
        .par_iter()
        .map(|(b, part)| {
            let text = serde_json::to_string(part).map_err(|e| e.to_string())?;
            let name = format!("{b}-{}.json", &hash(text.as_bytes())[..16]);
            let fresh = !old.contains(&name);
            if fresh {
                write(&dir.join(&name), text.as_bytes())?;
            }
            Ok((b.clone(), name, fresh))
        })
        .collect();
    let mut names = BTreeMap::new();
    let mut written = 0;
    for n in named {
        let (b, name, fresh) = n?;
        written += usize::from(fresh);
        names.insert(b, name);
    }
    #[derive(Serialize)]
    struct HeadOf<'a> {
        version: u32,
        code: &'a str,
        assets: &'a BTreeMap<String, Asset>,
        pictures: &'a BTreeMap<String, Record>,
        shards: &'a BTreeMap<String, String>,
        shard_records: &'a BTreeMap<String, String>,
        pages: &'a BTreeMap<String, String>,
        parts: &'a BTreeMap<String, String>,
    }
    let head = HeadOf {
        version: VERSION,
        code: &manifest.code,
        assets: &manifest.assets,
        pictures: &manifest.pictures,
        shards: &manifest.shards,
        shard_records: &manifest.shard_records,
        pages: &manifest.pages,
        parts: &names,
    };
    let text = serde_json::to_string(&head).map_err(|e| e.to_string())?;
    write(&state.join("manifest.json"), text.as_bytes())?;
    let kept: std::collections::BTreeSet<&String> = names.values().collect();
    for stale in old.iter().filter(|n| !kept.contains(n)) {
        let _ = std::fs::remove_file(dir.join(stale));
    }
    Ok(written)
}
