//! Reading the archive: the articles (`{id}.json`) and their pictures, against what the last
//! publish knew of them. An unchanged file (same size and time, same code) is not read; a new or
//! changed article is read, parsed once and validated, and any problem refuses the whole
//! publish before anything is written.

use super::manifest::{self, hash, Source};
use super::order::Entry;
use super::output::io;
use super::pictures::{self, Pictures};
use super::{public_base, render_root, RENDER_ORIGIN};
use crate::model::validate::{article_from_value, is_valid_id, parse_json};
use crate::model::{Article, LoadError, Summary};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// An article of the archive, read this run: its text, and the article resolved against the
/// site's public address (for feeds, metadata and the oEmbed response) and against
/// [`RENDER_ORIGIN`] (for the page's body, whose addresses become root-relative).
pub struct Fresh {
    pub text: String,
    pub public: Article,
    pub rendered: Article,
}

/// What the archive holds now.
#[derive(Default)]
pub struct Archive {
    /// Every article, by id, with what is known of it.
    pub sources: BTreeMap<String, Source>,
    /// Articles new or changed since the last publish (or whose pages must be made again).
    pub fresh: BTreeMap<String, Fresh>,
    /// Pictures and other files, by path under `articles/`.
    pub assets: BTreeMap<String, manifest::Asset>,
    /// The pictures among them, made for every screen.
    pub pictures: Pictures,
    /// What to tell the newsroom: pictures kept as they are or left out, pictures an article
    /// names that the archive lacks.
    pub notes: Vec<String>,
}

/// Reads and parses one article (the JSON once, validated against both addresses), its images
/// given the files the publish made of them ([`pictures::apply`]).
pub fn read_article(
    text: String,
    id: &str,
    pictures: &Pictures,
    assets: &BTreeMap<String, manifest::Asset>,
) -> Result<(Fresh, pictures::Applied), LoadError> {
    let mut value = parse_json(&text)?;
    let applied = pictures::apply(&mut value, pictures, assets, &format!("{}/articles/", public_base()));
    let text = if applied.changed {
        serde_json::to_string(&value).unwrap_or(text)
    } else {
        text
    };
    let invalid = |problems| LoadError::Invalid { problems };
    let public = article_from_value(&value, &format!("{}/articles/{id}.json", public_base())).map_err(invalid)?;
    let rendered = article_from_value(&value, &format!("{}/articles/{id}.json", render_root())).map_err(invalid)?;
    Ok((Fresh { text, public, rendered }, applied))
}

/// Reads an unchanged article again (its shard is indexed again, or a feed names it).
pub fn reread(dir: &Path, id: &str, archive: &Archive) -> Result<Fresh, String> {
    let path = dir.join(format!("{id}.json"));
    let text = fs::read_to_string(&path).map_err(io(&path))?;
    read_article(text, id, &archive.pictures, &archive.assets)
        .map(|(fresh, _)| fresh)
        .map_err(|e| format!("{id}.json: {}", e.title()))
}

/// How recent a file's time must be for the publish not to trust it the next time: a file
/// system's clock moves in steps (a few milliseconds on Linux, a second or two on some network
/// and removable file systems), so a file changed again within the step of the publish that read
/// it keeps its time, and with the same size would pass for unchanged.
const RACY_NANOS: u128 = 3_000_000_000;

/// Nanoseconds from the epoch to `t` (0 before it).
fn nanos(t: std::time::SystemTime) -> u128 {
    t.duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or_default()
}

/// The time to record of a file whose metadata the publish read after `started`: its
/// modification time, or 0 ("read it again next time") when that is within [`RACY_NANOS`] of
/// the publish's start or after it. The next publish then reads and hashes such a file (only
/// such files) rather than trusting size and time.
fn recorded_time(meta: &fs::Metadata, started: u128) -> u128 {
    settled_time(meta.modified().map(nanos).unwrap_or_default(), started)
}

/// [`recorded_time`]'s rule on a time: `modified`, if older than `started` by [`RACY_NANOS`].
fn settled_time(modified: u128, started: u128) -> u128 {
    if modified.saturating_add(RACY_NANOS) > started {
        0
    } else {
        modified
    }
}

/// The files the newsroom's system says changed since the last publish (`publish --changed`),
/// and the archive's other files as the last publish knew them.
pub struct Listed {
    /// File names under the archive: `{id}.json`, `img/…`.
    pub names: std::collections::BTreeSet<String>,
    pub assets: BTreeMap<String, manifest::Asset>,
}

/// The names a `--changed` list gives, one a line: an article's id or file name (`a1.json`),
/// or a picture's path under the archive (`img/a.jpg`). Blank lines and `#` comments are
/// skipped; a name that leaves the archive is refused.
///
/// ```
/// use article_reader::publish::archive::listed_names;
/// let names = listed_names("harbour\nimg/a.jpg\n\n# a comment\nb.json\n").unwrap();
/// assert_eq!(names.into_iter().collect::<Vec<_>>(), ["b.json", "harbour.json", "img/a.jpg"]);
/// assert!(listed_names("../etc/passwd").unwrap_err().contains("../etc/passwd"));
/// ```
pub fn listed_names(text: &str) -> Result<std::collections::BTreeSet<String>, String> {
    let mut names = std::collections::BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = line.starts_with('/')
            || line.contains('\\')
            || line
                .split('/')
                .any(|part| part.is_empty() || part == "." || part == "..");
        if bad {
            return Err(format!(
                "--changed, line {}: {line} is not a file of the archive (an id, `{{id}}.json` or a path such as img/a.jpg)",
                n + 1
            ));
        }
        if line.contains('/') || line.contains('.') {
            names.insert(line.to_string());
        } else {
            names.insert(format!("{line}.json"));
        }
    }
    Ok(names)
}

/// Reads the archive in `dir`. With `listed` (and the same code), only the files it names are
/// looked at. What is known of an unchanged article moves out of `old` (left:
/// the changed and the deleted). With `same_code` false, every article is read again.
/// `make_pictures` is given the archive's files besides the articles (before any article is
/// read) and makes its pictures; an article naming a picture it reports changed is read again.
pub fn scan(
    dir: &Path,
    old: &mut BTreeMap<String, Source>,
    same_code: bool,
    listed: Option<Listed>,
    make_pictures: impl FnOnce(&BTreeMap<String, manifest::Asset>) -> Result<Pictures, String>,
) -> Result<Archive, String> {
    let started = nanos(std::time::SystemTime::now());
    let mut archive = Archive::default();
    let mut refused: Vec<String> = Vec::new();
    let mut articles = Vec::new();
    let listed = listed.filter(|_| same_code);
    match &listed {
        None => {
            for entry in fs::read_dir(dir).map_err(|e| format!("the archive {}: {e}", dir.display()))? {
                let entry = entry.map_err(io(dir))?;
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().to_string();
                let meta = entry.metadata().map_err(io(&path))?;
                if meta.is_dir() {
                    scan_assets(dir, &path, &mut archive.assets, started)?;
                } else if name.ends_with(".json") {
                    articles.push((name, path, meta));
                } else {
                    add_asset(dir, &path, &meta, &mut archive.assets, started)?;
                }
            }
        }
        Some(list) => {
            // Only the files named are looked at; every other one is as the last publish saw it.
            archive.assets = list.assets.clone();
            for name in &list.names {
                let path = dir.join(name);
                let article = !name.contains('/') && name.ends_with(".json");
                match fs::metadata(&path) {
                    Ok(meta) if meta.is_file() && article => articles.push((name.clone(), path, meta)),
                    Ok(meta) if meta.is_file() => add_asset(dir, &path, &meta, &mut archive.assets, started)?,
                    Ok(_) => return Err(format!("--changed names {name}, which is not a file of the archive")),
                    // Gone: an article unpublished (it is not among the sources), a picture removed.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        archive.assets.remove(name);
                    }
                    Err(e) => return Err(format!("{}: {e}", path.display())),
                }
            }
        }
    }
    archive.pictures = make_pictures(&archive.assets)?;
    archive.notes = std::mem::take(&mut archive.pictures.notes);
    let changed = &archive.pictures.changed;
    let names_changed = |s: &Source| s.pictures.iter().any(|p| changed.contains(p));
    if let Some(list) = &listed {
        // The articles not named are the last publish's, unread; those naming a changed picture
        // are read again, as a full scan would.
        let named: Vec<String> = list
            .names
            .iter()
            .filter_map(|n| n.strip_suffix(".json").filter(|id| !id.contains('/')))
            .map(str::to_string)
            .collect();
        let mut kept = std::mem::take(old);
        for id in named {
            if let Some((id, known)) = kept.remove_entry(&id) {
                old.insert(id, known);
            }
        }
        let again: Vec<String> = kept
            .iter()
            .filter(|(_, s)| names_changed(s))
            .map(|(id, _)| id.clone())
            .collect();
        for id in again {
            let (id, known) = kept.remove_entry(&id).expect("just found");
            let name = format!("{id}.json");
            let path = dir.join(&name);
            if let Ok(meta) = fs::metadata(&path) {
                articles.push((name, path, meta));
            }
            old.insert(id, known);
        }
        archive.sources = kept;
    }
    for (name, path, meta) in articles {
        let id = name.strip_suffix(".json").expect("listed as JSON");
        if id == "index" {
            // An index written by hand before the publish made them: the publish's own wins.
            continue;
        }
        if !is_valid_id(id) {
            refused.push(format!(
                "{name}: the file name must be the article's id: {} lower-case letters, digits and hyphens",
                crate::facts::ID_MAX_LEN
            ));
            continue;
        }
        let (size, modified) = (meta.len(), recorded_time(&meta, started));
        if same_code
            && old
                .get(id)
                .is_some_and(|s| s.size == size && manifest::same_time(s.modified, modified) && !names_changed(s))
        {
            let (id, known) = old.remove_entry(id).expect("just found");
            archive.sources.insert(id, known);
            continue;
        }
        let bytes = fs::read(&path).map_err(io(&path))?;
        let h = hash(&bytes);
        let Ok(text) = String::from_utf8(bytes) else {
            refused.push(format!("{name}: not UTF-8 text"));
            continue;
        };
        match read_article(text, id, &archive.pictures, &archive.assets) {
            Err(e) => {
                let problems: Vec<String> = e.problems().iter().map(|p| format!("\n    - {p}")).collect();
                refused.push(format!("{name}: {}{}", e.title(), problems.concat()));
            }
            Ok((fresh, _)) if fresh.public.id != id => refused.push(format!(
                "{name}: its id is \"{}\": an article's file is named by its id ({}.json)",
                fresh.public.id, fresh.public.id
            )),
            Ok((fresh, applied)) => {
                for missing in &applied.missing {
                    archive.notes.push(format!(
                        "{name} names {missing}, which the archive lacks: its description shows in its place"
                    ));
                }
                let source = Source {
                    size,
                    modified,
                    hash: h.clone(),
                    entry: entry_of(&fresh.rendered),
                    pictures: applied.named.into_iter().collect(),
                };
                let unchanged = same_code && old.get(id).is_some_and(|s| s.hash == h && !names_changed(s));
                archive.sources.insert(id.to_string(), source);
                if !unchanged {
                    archive.fresh.insert(id.to_string(), fresh);
                }
            }
        }
    }
    if !refused.is_empty() {
        return Err(format!(
            "{} article(s) refused; nothing was written:\n  {}",
            refused.len(),
            refused.join("\n  ")
        ));
    }
    Ok(archive)
}

fn scan_assets(
    root: &Path,
    dir: &Path,
    found: &mut BTreeMap<String, manifest::Asset>,
    started: u128,
) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        let meta = entry.metadata().map_err(io(&path))?;
        if meta.is_dir() {
            scan_assets(root, &path, found, started)?;
        } else {
            add_asset(root, &path, &meta, found, started)?;
        }
    }
    Ok(())
}

fn add_asset(
    root: &Path,
    path: &Path,
    meta: &fs::Metadata,
    found: &mut BTreeMap<String, manifest::Asset>,
    started: u128,
) -> Result<(), String> {
    found.insert(
        relative(root, path)?,
        manifest::Asset {
            size: meta.len(),
            modified: recorded_time(meta, started),
        },
    );
    Ok(())
}

/// `path` under `root`, `/`-separated.
pub fn relative(root: &Path, path: &Path) -> Result<String, String> {
    Ok(path
        .strip_prefix(root)
        .map_err(|e| e.to_string())?
        .to_string_lossy()
        .replace('\\', "/"))
}

/// Root-relative: an address on the render origin loses the origin.
///
/// ```
/// use article_reader::publish::{archive::local, RENDER_ORIGIN};
/// assert_eq!(local(&format!("{RENDER_ORIGIN}/articles/img/a.jpg")), "/articles/img/a.jpg");
/// assert_eq!(local("https://elsewhere.example/a.jpg"), "https://elsewhere.example/a.jpg");
/// ```
pub fn local(url: &str) -> String {
    url.strip_prefix(RENDER_ORIGIN)
        .map_or_else(|| url.to_string(), str::to_string)
}

/// The widest file an index page's card names.
pub const CARD_MAX_WIDTH: u32 = 828;

/// What the index pages and the manifest keep of an article (resolved against the render
/// origin): its summary, with a root-relative picture and no caption or credit (a card shows
/// the picture alone: the index stays small).
pub fn entry_of(rendered: &Article) -> Entry {
    let mut image = rendered.image.clone();
    if let Some(i) = image.as_mut() {
        i.src = i.src.as_deref().map(local);
        i.caption = None;
        i.credit = None;
        // A card shows it 11rem wide, or a phone's width: never more than 828 pixels.
        i.srcset.retain(|c| c.width <= CARD_MAX_WIDTH);
        for c in &mut i.srcset {
            c.src = local(&c.src);
        }
    }
    Entry {
        summary: Summary {
            id: rendered.id.clone(),
            headline: rendered.headline.clone(),
            dek: rendered.dek.clone(),
            image,
            published: rendered.published.clone(),
            section: rendered.section.clone(),
        },
        language: rendered.language.clone(),
        updated: rendered.updated.clone(),
    }
}

/// The files an article makes, by path under the output.
///
/// ```
/// assert_eq!(article_reader::publish::archive::article_paths("a")[1], "articles/a/index.html");
/// ```
pub fn article_paths(id: &str) -> [String; 4] {
    [
        format!("articles/{id}.json"),
        format!("articles/{id}/index.html"),
        format!("embed/{id}/index.html"),
        format!("oembed/{id}.json"),
    ]
}

/// What an article's files are made from, in the manifest.
pub fn article_from(id: &str) -> String {
    format!("article:{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("reader-archive-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("img")).unwrap();
        dir
    }

    /// Sets a file's time an hour back: an archive's file written long before the publish.
    fn age(path: &Path) {
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(hour_ago))
            .unwrap();
    }

    const ARTICLE: &str = r#"{"id": "a", "headline": "A", "published": "2026-01-02T03:04:05Z",
        "image": {"src": "img/a.svg", "alt": "", "caption": "c"},
        "body": [{"type": "paragraph", "text": "T."}]}"#;

    #[test]
    fn reads_new_articles_and_pictures_and_keeps_unchanged_ones() {
        let dir = folder("scan");
        fs::write(dir.join("a.json"), ARTICLE).unwrap();
        fs::write(dir.join("img/a.svg"), "<svg/>").unwrap();
        age(&dir.join("a.json"));
        age(&dir.join("img/a.svg"));
        let archive = scan(&dir, &mut BTreeMap::new(), true, None, |_| Ok(Pictures::default())).unwrap();
        assert_eq!(archive.fresh.len(), 1);
        assert_eq!(archive.assets.keys().collect::<Vec<_>>(), ["img/a.svg"]);
        let entry = &archive.sources["a"].entry;
        assert_eq!(
            entry.summary.image.as_ref().unwrap().src.as_deref(),
            Some("/articles/img/a.svg")
        );
        assert_eq!(entry.summary.image.as_ref().unwrap().caption, None);
        assert!(archive.fresh["a"]
            .public
            .image
            .as_ref()
            .unwrap()
            .src
            .as_deref()
            .unwrap()
            .starts_with(&public_base()));

        // Again with what this run learnt: nothing is read.
        let mut old = archive.sources.clone();
        let again = scan(&dir, &mut old, true, None, |_| Ok(Pictures::default())).unwrap();
        assert!(again.fresh.is_empty() && old.is_empty());
        // With other code, everything is.
        let mut old = archive.sources;
        assert_eq!(
            scan(&dir, &mut old, false, None, |_| Ok(Pictures::default()))
                .unwrap()
                .fresh
                .len(),
            1
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_time_within_seconds_of_the_publish_is_not_trusted() {
        let started = 10_000_000_000_000;
        assert_eq!(
            settled_time(started - RACY_NANOS - 1, started),
            started - RACY_NANOS - 1
        );
        assert_eq!(settled_time(started - 1_000_000, started), 0);
        assert_eq!(settled_time(started + 5, started), 0);
        assert_eq!(settled_time(0, started), 0);
    }

    #[test]
    fn a_file_changed_again_within_the_file_systems_clock_step_is_read_again() {
        // A publish reads a.json just after it was written; it is changed again at once, with
        // the same size. Its time may not have moved (the clock's step): the next publish must
        // still see the change, so the first recorded no time it could trust.
        let dir = folder("racy");
        fs::write(dir.join("a.json"), ARTICLE).unwrap();
        fs::write(dir.join("img/a.svg"), "<svg/>").unwrap();
        let first = scan(&dir, &mut BTreeMap::new(), true, None, |_| Ok(Pictures::default())).unwrap();
        assert_eq!(
            first.sources["a"].modified, 0,
            "a time from the publish's moment is not kept"
        );
        assert!(first.assets.values().all(|a| a.modified == 0));
        let modified = fs::metadata(dir.join("a.json")).unwrap().modified().unwrap();
        let changed = ARTICLE.replace("T.", "U.");
        assert_eq!(changed.len(), ARTICLE.len());
        fs::write(dir.join("a.json"), &changed).unwrap();
        // (The same time as the first write, as a coarse clock would leave it.)
        fs::File::options()
            .write(true)
            .open(dir.join("a.json"))
            .and_then(|f| f.set_modified(modified))
            .unwrap();
        let mut old = first.sources.clone();
        let again = scan(&dir, &mut old, true, None, |_| Ok(Pictures::default())).unwrap();
        assert_eq!(again.fresh.keys().collect::<Vec<_>>(), ["a"], "the change is seen");
        // Once the file is older than the window, its time is kept and trusted.
        age(&dir.join("a.json"));
        let mut old = again.sources.clone();
        let settled = scan(&dir, &mut old, true, None, |_| Ok(Pictures::default())).unwrap();
        assert!(settled.fresh.is_empty());
        assert_ne!(settled.sources["a"].modified, 0);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_list_of_changes_reads_only_the_files_it_names() {
        let dir = folder("listed");
        fs::write(dir.join("a.json"), ARTICLE).unwrap();
        fs::write(dir.join("b.json"), ARTICLE.replace("\"id\": \"a\"", "\"id\": \"b\"")).unwrap();
        fs::write(dir.join("img/a.svg"), "<svg/>").unwrap();
        let first = scan(&dir, &mut BTreeMap::new(), true, None, |_| Ok(Pictures::default())).unwrap();
        assert_eq!(first.sources.len(), 2);
        // b changes and a is deleted, but only b is named: a stays, as the last publish knew it.
        fs::write(
            dir.join("b.json"),
            ARTICLE
                .replace("\"id\": \"a\"", "\"id\": \"b\"")
                .replace("T.", "Changed."),
        )
        .unwrap();
        fs::remove_file(dir.join("a.json")).unwrap();
        let listed = |names: &str| Listed {
            names: listed_names(names).unwrap(),
            assets: first.assets.clone(),
        };
        let mut old = first.sources.clone();
        let named = scan(&dir, &mut old, true, Some(listed("b")), |_| Ok(Pictures::default())).unwrap();
        assert_eq!(named.fresh.keys().collect::<Vec<_>>(), ["b"]);
        assert_eq!(
            named.sources.keys().collect::<Vec<_>>(),
            ["a", "b"],
            "a was not looked at"
        );
        assert_eq!(named.assets.keys().collect::<Vec<_>>(), ["img/a.svg"]);
        // Named, the deleted article goes (it stays in `old`: the publish removes its files).
        let mut old = named.sources.clone();
        let gone = scan(
            &dir,
            &mut old,
            true,
            Some(listed("a.json")),
            |_| Ok(Pictures::default()),
        )
        .unwrap();
        assert_eq!(gone.sources.keys().collect::<Vec<_>>(), ["b"]);
        assert_eq!(old.keys().collect::<Vec<_>>(), ["a"]);
        // With other code the list is not followed: everything is read.
        let mut old = gone.sources.clone();
        let all = scan(&dir, &mut old, false, Some(listed("")), |_| Ok(Pictures::default())).unwrap();
        assert_eq!(all.fresh.keys().collect::<Vec<_>>(), ["b"]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn refuses_the_whole_archive_for_one_bad_article_naming_each() {
        let dir = folder("refuse");
        fs::write(dir.join("a.json"), ARTICLE).unwrap();
        fs::write(dir.join("b.json"), ARTICLE).unwrap();
        fs::write(dir.join("Bad Name.json"), ARTICLE).unwrap();
        fs::write(dir.join("c.json"), [0xff, 0xfe]).unwrap();
        let e = scan(&dir, &mut BTreeMap::new(), true, None, |_| Ok(Pictures::default()))
            .err()
            .unwrap();
        assert!(e.starts_with("3 article(s) refused; nothing was written"), "{e}");
        assert!(e.contains("b.json: its id is \"a\""), "{e}");
        assert!(
            e.contains("Bad Name.json: the file name must be the article's id"),
            "{e}"
        );
        assert!(e.contains("c.json: not UTF-8 text"), "{e}");
        let _ = fs::remove_dir_all(&dir);
    }
}
