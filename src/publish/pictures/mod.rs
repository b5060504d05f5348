//! The archive's pictures, made for every screen: each JPEG, PNG, WebP or GIF is read once
//! ([`decode`]), made at the widths of [`crate::model::picture::widths_for`] as WebP and JPEG
//! (PNG with transparency) ([`encode`]), and each file named by its content's hash
//! (`articles/sized/{name}-{width}.{hash}.{ext}`), so it is cached forever. The original is not
//! published: nothing of its metadata (a place, a camera's serial) can leak.
//!
//! A picture already made (same size and time, or same content, same recipe) is not read
//! again. The articles that name a picture get its files as format 1.2's `srcset`
//! ([`apply`]); a picture that cannot be sized is kept as it is or left out, as
//! [`decode::Unsized`] says, and the publish prints why.

pub mod decode;
pub mod encode;

use super::manifest::{hash, same_time, Asset};
pub use super::manifest::{Outcome, Record, Variant};
use super::output::{io, Output};
use crate::model::picture::{share_candidate, widths_for};
use crate::model::Candidate;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The folder of the made files, under `articles/`.
pub const SIZED_DIR: &str = "sized";

/// What a picture's files are made with: another recipe makes every picture again.
pub fn recipe() -> String {
    format!(
        "v1 webp{} jpeg{} lanczos3 {:?}",
        encode::WEBP_QUALITY,
        encode::JPEG_QUALITY,
        crate::model::picture::WIDTHS
    )
}

/// The extensions read as pictures (the rest of the archive's files are copied as they are).
pub fn is_picture(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// The archive's pictures this run.
#[derive(Default)]
pub struct Pictures {
    /// Every picture, by path under `articles/`.
    pub records: BTreeMap<String, Record>,
    /// Files made this run, by path under `articles/`.
    pub made: BTreeMap<String, Vec<u8>>,
    /// Pictures new, changed or gone since the last publish: the articles naming them are
    /// made again.
    pub changed: BTreeSet<String>,
    /// What to tell the newsroom, one line each (a picture kept or left out, and why).
    pub notes: Vec<String>,
}

impl Pictures {
    /// The made files of a sized picture, by path under `articles/`.
    pub fn files(&self, path: &str) -> Vec<String> {
        match self.records.get(path).map(|r| &r.outcome) {
            Some(Outcome::Sized { variants, .. }) => variants.iter().map(|v| v.path.clone()).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether `path` (under `articles/`) is published as it is: not a picture the publish reads,
    /// or one it keeps.
    pub fn copies(&self, path: &str) -> bool {
        match self.records.get(path).map(|r| &r.outcome) {
            None => !is_picture(path),
            Some(o) => matches!(o, Outcome::Kept { .. }),
        }
    }
}

/// Makes the pictures among `assets` (paths under the archive `dir`) that `old` (the last
/// publish's records) does not already hold; moves the rest over.
pub fn prepare(
    dir: &Path,
    assets: &BTreeMap<String, Asset>,
    old: &BTreeMap<String, Record>,
) -> Result<Pictures, String> {
    let recipe = recipe();
    let mut pictures = Pictures::default();
    for (path, asset) in assets.iter().filter(|(p, _)| is_picture(p)) {
        let previous = old.get(path).filter(|r| r.recipe == recipe);
        if let Some(r) = previous.filter(|r| r.size == asset.size && same_time(r.modified, asset.modified)) {
            pictures.records.insert(path.clone(), r.clone());
            note(&mut pictures.notes, path, &r.outcome);
            continue;
        }
        let file = dir.join(path);
        let bytes = fs::read(&file).map_err(io(&file))?;
        let h = hash(&bytes);
        let outcome = match previous.filter(|r| r.hash == h) {
            Some(r) => r.outcome.clone(),
            None => make(path, &bytes, &mut pictures.made)?,
        };
        note(&mut pictures.notes, path, &outcome);
        if previous.map(|r| &r.outcome) != Some(&outcome) {
            pictures.changed.insert(path.clone());
        }
        pictures.records.insert(
            path.clone(),
            Record {
                size: asset.size,
                modified: asset.modified,
                hash: h,
                recipe: recipe.clone(),
                outcome,
            },
        );
    }
    pictures
        .changed
        .extend(old.keys().filter(|p| !pictures.records.contains_key(*p)).cloned());
    Ok(pictures)
}

fn note(notes: &mut Vec<String>, path: &str, outcome: &Outcome) {
    match outcome {
        Outcome::Sized { .. } => {}
        Outcome::Kept { why } => notes.push(format!("{path}: {why}")),
        Outcome::Broken { why } => notes.push(format!(
            "{path}: {why}; left out: the articles that name it show its description in its place"
        )),
    }
}

/// Writes the archive's files besides the articles into `output` (under `articles/`): a file
/// the publish does not size as it is, a sized picture as its made files (the original never).
/// A sized picture's file neither made this run nor in the output any more (an output emptied
/// by hand) is made again, once for the picture.
pub fn write(
    output: &mut Output,
    dir: &Path,
    assets: &BTreeMap<String, Asset>,
    pictures: &Pictures,
) -> Result<(), String> {
    for path in assets.keys() {
        let source = dir.join(path);
        if pictures.copies(path) {
            let bytes = fs::read(&source).map_err(io(&source))?;
            output.put(&format!("articles/{path}"), &bytes, "asset")?;
            continue;
        }
        let mut again: Option<BTreeMap<String, Vec<u8>>> = None;
        for file in pictures.files(path) {
            let at = format!("articles/{file}");
            if let Some(bytes) = pictures.made.get(&file) {
                output.put(&at, bytes, "asset")?;
            } else if output.old().files.contains_key(&at) {
                output.keep("asset", std::slice::from_ref(&at));
            } else {
                if again.is_none() {
                    let bytes = fs::read(&source).map_err(io(&source))?;
                    let mut made = BTreeMap::new();
                    make(path, &bytes, &mut made)?;
                    again = Some(made);
                }
                let bytes = again
                    .as_ref()
                    .and_then(|made| made.get(&file))
                    .ok_or_else(|| format!("{path}: {file} was not made again"))?;
                output.put(&at, bytes, "asset")?;
            }
        }
    }
    Ok(())
}

/// Reads and makes one picture; its files go into `made`.
pub fn make(path: &str, bytes: &[u8], made: &mut BTreeMap<String, Vec<u8>>) -> Result<Outcome, String> {
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(decode::Unsized::Kept(why)) => return Ok(Outcome::Kept { why }),
        Err(decode::Unsized::Broken(why)) => return Ok(Outcome::Broken { why }),
    };
    let (width, height) = (decoded.pixels.width(), decoded.pixels.height());
    let widths = widths_for(width);
    let raw = decoded.pixels.as_bytes();
    let alpha = decoded.alpha;
    // The widths share the machine's cores, the widest first.
    let mut order = widths.clone();
    order.sort_unstable_by(|a, b| b.cmp(a));
    let results: Vec<Result<encode::Encoded, String>> = {
        use rayon::prelude::*;
        order
            .par_iter()
            .map(|w| encode::encode(raw, width, height, alpha, *w))
            .collect()
    };
    let mut encoded = Vec::new();
    for r in results {
        encoded.push(r.map_err(|e| format!("{path}: {e}"))?);
    }
    encoded.sort_by_key(|e| e.width);
    let name = file_stem(path);
    let fallback = if alpha {
        ("png", "image/png")
    } else {
        ("jpg", "image/jpeg")
    };
    let mut variants = Vec::new();
    for (ext, mime) in [("webp", "image/webp"), fallback] {
        for e in &encoded {
            let bytes = if ext == "webp" { &e.webp } else { &e.fallback };
            let file = format!("{SIZED_DIR}/{name}-{}.{}.{ext}", e.width, &hash(bytes)[..10]);
            made.insert(file.clone(), bytes.clone());
            variants.push(Variant {
                path: file,
                width: e.width,
                height: e.height,
                mime: mime.to_string(),
            });
        }
    }
    Ok(Outcome::Sized {
        width,
        height,
        variants,
    })
}

/// A picture's file name without its extension, as letters, digits, `-` and `_` (60 at most).
///
/// ```
/// use article_reader::publish::pictures::file_stem;
/// assert_eq!(file_stem("img/Harbor Bridge (1).JPG"), "harbor-bridge-1");
/// assert_eq!(file_stem("img/.jpg"), "picture");
/// ```
pub fn file_stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s).to_ascii_lowercase();
    let mut out = String::new();
    for c in stem.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(60).collect();
    if out.is_empty() {
        "picture".into()
    } else {
        out
    }
}

/// The archive path (under `articles/`) an image's `src` names, when it names one: relative to
/// the article's JSON (`img/a.jpg`, `./img/a.jpg`) or absolute under `articles_url`
/// (`{public base}/articles/`).
///
/// ```
/// use article_reader::publish::pictures::archive_path;
/// let base = "https://news.example/articles/";
/// assert_eq!(archive_path("img/a.jpg", base).as_deref(), Some("img/a.jpg"));
/// assert_eq!(archive_path("./img/a.jpg?v=2", base).as_deref(), Some("img/a.jpg"));
/// assert_eq!(archive_path("https://news.example/articles/img/a.jpg", base).as_deref(), Some("img/a.jpg"));
/// assert_eq!(archive_path("https://cdn.example/a.jpg", base), None);
/// assert_eq!(archive_path("../a.jpg", base), None);
/// assert_eq!(archive_path("/img/a.jpg", base), None);
/// ```
pub fn archive_path(src: &str, articles_url: &str) -> Option<String> {
    let path = match src.strip_prefix(articles_url) {
        Some(rest) => rest,
        None if src.contains(':') || src.starts_with('/') => return None,
        None => src,
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.trim_start_matches("./");
    if path.is_empty() || path.split('/').any(|s| s == ".." || s == "." || s.is_empty()) {
        return None;
    }
    Some(path.to_string())
}

/// Gives the images of an article's JSON their made files: for a sized picture, `src` becomes
/// its share-sized JPEG (or PNG), `width` and `height` its shape when the article gave none,
/// and `srcset` its files (WebP, then JPEG or PNG); a picture left out, or one the archive lacks,
/// gets `src: null` (the article shows its description in its place). Returns the archive's
/// pictures the article names and the notes (a picture the archive lacks).
pub fn apply(
    article: &mut Value,
    pictures: &Pictures,
    assets: &BTreeMap<String, Asset>,
    articles_url: &str,
) -> Applied {
    let mut applied = Applied::default();
    let mut visit = |image: &mut Value| {
        let Some(obj) = image.as_object_mut() else { return };
        let Some(src) = obj.get("src").and_then(Value::as_str) else {
            return;
        };
        let Some(path) = archive_path(src, articles_url) else {
            return;
        };
        let record = pictures.records.get(&path);
        if record.is_none() && assets.contains_key(&path) {
            // Not a picture the publish reads (a drawing): published as it is.
            return;
        }
        applied.changed = true;
        applied.named.insert(path.clone());
        match record.map(|r| &r.outcome) {
            Some(Outcome::Sized {
                width,
                height,
                variants,
            }) => {
                let srcset: Vec<Candidate> = variants
                    .iter()
                    .map(|v| Candidate {
                        src: v.path.clone(),
                        width: v.width,
                        mime: Some(v.mime.clone()),
                    })
                    .collect();
                if let Some(share) = share_candidate(&srcset) {
                    obj.insert("src".into(), json!(share.src));
                }
                if !(obj.get("width").is_some_and(Value::is_u64) && obj.get("height").is_some_and(Value::is_u64)) {
                    obj.insert("width".into(), json!(width));
                    obj.insert("height".into(), json!(height));
                }
                obj.insert("srcset".into(), json!(srcset));
            }
            Some(Outcome::Kept { .. }) => {}
            Some(Outcome::Broken { .. }) => {
                obj.insert("src".into(), Value::Null);
            }
            None => {
                applied.missing.push(path);
                obj.insert("src".into(), Value::Null);
            }
        }
    };
    if let Some(image) = article.get_mut("image") {
        visit(image);
    }
    if let Some(Value::Array(body)) = article.get_mut("body") {
        for block in body {
            match block.get("type").and_then(Value::as_str) {
                Some("image") => visit(block),
                Some("embed") => {
                    if let Some(t) = block.get_mut("thumbnail") {
                        visit(t)
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(Value::Array(related)) = article.get_mut("related") {
        for item in related {
            if let Some(image) = item.get_mut("image") {
                visit(image);
            }
        }
    }
    applied
}

/// What [`apply`] did to an article.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Whether the JSON changed.
    pub changed: bool,
    /// The archive's pictures it names (made, kept or left out).
    pub named: BTreeSet<String>,
    /// Pictures it names that the archive lacks.
    pub missing: Vec<String>,
}
