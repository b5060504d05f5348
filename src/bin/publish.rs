//! The content release: publishes the archive's articles into the output of the last code build,
//! writing only the files whose bytes change. Compiles nothing: scripts/publish.sh runs the
//! binary the code build (scripts/build.sh) left.
//!
//!   publish [--archive DIR] [--out DIR] [--now RFC3339] [--json-only]
//!   publish --page-scripts [--out DIR]
//!
//! - `--archive`: the articles (`{id}.json`) and their pictures (`img/`); default
//!   `public/articles`.
//! - `--out`: the output of the last code build (and of the publishes since); default `dist`.
//! - `--now`: the time the news sitemap counts its two days from (default: the clock).
//! - `--json-only`: the articles' JSON, pictures and index pages only (a debug build, which
//!   prerenders nothing).
//! - `--page-scripts`: prints the inline scripts the prerendered pages run, as JSON, for the
//!   code build's security policy (scripts/build-headers.mjs), and writes nothing else.
//!
//! It writes, for each new or changed article, its page (`articles/{id}/index.html`), embed
//! (`embed/{id}/index.html`), oEmbed response (`oembed/{id}.json`) and JSON
//! (`articles/{id}.json`); the search shard it lands in (`pagefind/{shard}/`); then the index
//! pages (`articles/index.json`, `articles/archive/{n}.json`), the front page (`index.html`),
//! the feeds (`feed.xml`, `atom.xml`, `feed.json`, and per section under `sections/{slug}/`),
//! the sitemaps (`sitemap.xml`, `sitemaps/{month}.xml`, `news-sitemap.xml`) and `robots.txt`;
//! last, it removes the files of deleted articles. Each written file gets a brotli copy
//! (`.br`). `.publish/manifest.json` records every file's hash and what it was made from.
//!
//! An article that fails validation stops the publish before anything is written, with the
//! validator's words. A publish stopped at any point (even `kill -9`) leaves an output the next
//! one completes: pages are written before anything names them, and the manifest last. Two
//! publishes into one output: the second waits for the first.

use article_reader::model::{
    date::DateTime, links::in_app, parse_article, seo::HeadTag, validate::is_valid_id, Article, IndexPage, Summary,
};
use article_reader::publish::{
    feeds::{self, section_slug, Channel, Item},
    lock_output,
    manifest::{self, hash, Manifest, Source},
    oembed,
    order::{self, Entry, PER_PAGE},
    public_base, search, sitemaps, STATE_DIR,
};
use article_reader::{facts, site};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, UNIX_EPOCH};

#[path = "publish/output.rs"]
mod output;
#[path = "publish/pages.rs"]
mod pages;
#[path = "publish/template.rs"]
mod template;

use output::{io, write_atomic, Output};
use pages::{render_root, Islands, RENDER_ORIGIN};
use template::Template;

/// How many articles the feeds carry, and whether whole (site.json's `feeds`).
const FEED_ITEMS: usize = site::FEED_ITEMS;
const FEED_FULL_TEXT: bool = site::FEED_FULL_TEXT;

struct Args {
    archive: PathBuf,
    out: PathBuf,
    now: i64,
    json_only: bool,
    page_scripts: bool,
    timings: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        archive: PathBuf::from("public/articles"),
        out: PathBuf::from("dist"),
        now: std::time::SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default(),
        json_only: false,
        page_scripts: false,
        timings: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--archive" => args.archive = PathBuf::from(value("--archive")?),
            "--out" => args.out = PathBuf::from(value("--out")?),
            "--now" => {
                let text = value("--now")?;
                args.now = DateTime::parse(&text)
                    .ok_or_else(|| format!("--now: {text} is not an RFC 3339 time such as 2026-12-02T09:00:00Z"))?
                    .unix_seconds();
            }
            "--json-only" => args.json_only = true,
            "--page-scripts" => args.page_scripts = true,
            "--timings" => args.timings = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

/// The code build in the output: its page template (kept as `shell.html`, the app shell) and
/// islands bundle.
struct Code {
    template: Template,
    islands: Islands,
    fingerprint: String,
}

fn read_code(out: &Path) -> Result<Code, String> {
    let shell = out.join("shell.html");
    let html = if shell.is_file() {
        fs::read_to_string(&shell).map_err(io(&shell))?
    } else {
        // The first publish after Trunk: its index.html is the app shell.
        let index = out.join("index.html");
        let html = fs::read_to_string(&index)
            .map_err(|e| format!("{}: {e} (build the reader first: scripts/build.sh)", index.display()))?;
        write_atomic(&shell, html.as_bytes())?;
        html
    };
    let template = Template::read(html.clone())?;
    let islands = Islands::find(out)?;
    // The command itself stands for the components and the configuration compiled into it.
    let binary = std::env::current_exe()
        .ok()
        .and_then(|p| fs::read(p).ok())
        .map(|b| hash(&b))
        .unwrap_or_default();
    let fingerprint = hash(format!("{html}\u{0}{}\u{0}{}\u{0}{binary}", islands.js, public_base()).as_bytes());
    Ok(Code {
        template,
        islands,
        fingerprint,
    })
}

/// The CSP source of an inline script.
fn script_hash(body: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(body.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The inline scripts the prerendered pages run besides the template's own.
fn page_scripts(code: &Code) -> [String; 2] {
    [
        pages::islands_start(&code.islands),
        pages::embed_start(&code.template, &code.islands),
    ]
}

/// The pages must run under the code build's policy, unchanged: a page whose scripts it does
/// not allow means the output's code and this command come from different builds.
fn check_policy(code: &Code) -> Result<(), String> {
    let Some(policy) = &code.template.policy else {
        return Ok(());
    };
    for script in page_scripts(code) {
        if !policy.contains(&script_hash(&script)) {
            return Err(
                "the output's security policy does not allow the pages' start-up scripts: its code build and this \
                 publish command differ (run the code build again: scripts/build.sh)"
                    .into(),
            );
        }
    }
    Ok(())
}

fn modified_nanos(meta: &fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

/// An article of the archive, read this run.
struct Fresh {
    text: String,
}

/// What the archive holds now.
struct Archive {
    /// Every article, by id, with what is known of it.
    sources: BTreeMap<String, Source>,
    /// Articles new or changed since the last publish (or whose pages must be made again).
    fresh: BTreeMap<String, Fresh>,
    /// Pictures and other files, by path under `articles/`.
    assets: BTreeMap<String, manifest::Asset>,
}

fn scan_assets(root: &Path, dir: &Path, found: &mut BTreeMap<String, manifest::Asset>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        let meta = entry.metadata().map_err(io(&path))?;
        if meta.is_dir() {
            scan_assets(root, &path, found)?;
        } else {
            scan_assets_file(root, &path, &meta, found)?;
        }
    }
    Ok(())
}

/// Reads the archive: unchanged files (same size and time as last time, same code) are not read.
/// Every new or changed article is validated; any problem refuses the whole publish.
/// What is known of an unchanged article moves out of `old` (left: the changed and the deleted).
fn scan_archive(dir: &Path, old: &mut BTreeMap<String, Source>, same_code: bool) -> Result<Archive, String> {
    let mut archive = Archive {
        sources: BTreeMap::new(),
        fresh: BTreeMap::new(),
        assets: BTreeMap::new(),
    };
    let mut refused: Vec<String> = Vec::new();
    let base = public_base();
    for entry in fs::read_dir(dir).map_err(|e| format!("the archive {}: {e}", dir.display()))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        let meta = entry.metadata().map_err(io(&path))?;
        if meta.is_dir() {
            scan_assets(dir, &path, &mut archive.assets)?;
            continue;
        }
        let Some(id) = name.strip_suffix(".json") else {
            scan_assets_file(dir, &path, &meta, &mut archive.assets)?;
            continue;
        };
        if id == "index" {
            // An index written by hand before the publish made them: the publish's own wins.
            continue;
        }
        if !is_valid_id(id) {
            refused.push(format!(
                "{name}: the file name must be the article's id: {} lower-case letters, digits and hyphens",
                facts::ID_MAX_LEN
            ));
            continue;
        }
        let (size, modified) = (meta.len(), modified_nanos(&meta));
        if same_code && old.get(id).is_some_and(|s| s.size == size && s.modified == modified) {
            let (id, known) = old.remove_entry(id).expect("just found");
            archive.sources.insert(id, known);
            continue;
        }
        let bytes = fs::read(&path).map_err(io(&path))?;
        let h = hash(&bytes);
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                refused.push(format!("{name}: not UTF-8 text"));
                continue;
            }
        };
        match parse_article(&text, &format!("{base}/articles/{id}.json")) {
            Err(e) => {
                let problems: Vec<String> = e.problems().iter().map(|p| format!("\n    - {p}")).collect();
                refused.push(format!("{name}: {}{}", e.title(), problems.concat()));
            }
            Ok(article) if article.id != id => refused.push(format!(
                "{name}: its id is \"{}\": an article's file is named by its id ({}.json)",
                article.id, article.id
            )),
            Ok(_) => {
                let rendered = rendered_article(&text, id)?;
                let source = Source {
                    size,
                    modified,
                    hash: h.clone(),
                    entry: entry_of(&rendered),
                };
                let unchanged = same_code && old.get(id).is_some_and(|s| s.hash == h);
                archive.sources.insert(id.to_string(), source);
                if !unchanged {
                    archive.fresh.insert(id.to_string(), Fresh { text });
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

fn scan_assets_file(
    root: &Path,
    path: &Path,
    meta: &fs::Metadata,
    found: &mut BTreeMap<String, manifest::Asset>,
) -> Result<(), String> {
    found.insert(
        relative(root, path)?,
        manifest::Asset {
            size: meta.len(),
            modified: modified_nanos(meta),
        },
    );
    Ok(())
}

/// `path` under `root`, `/`-separated.
fn relative(root: &Path, path: &Path) -> Result<String, String> {
    Ok(path
        .strip_prefix(root)
        .map_err(|e| e.to_string())?
        .to_string_lossy()
        .replace('\\', "/"))
}

/// The article with its URLs on [`RENDER_ORIGIN`] (made root-relative in what is written).
fn rendered_article(text: &str, id: &str) -> Result<Article, String> {
    parse_article(text, &format!("{}/articles/{id}.json", render_root()))
        .map_err(|e| format!("{id}.json: {}", e.title()))
}

/// Root-relative: an address on the render origin loses the origin.
fn local(url: &str) -> String {
    url.strip_prefix(RENDER_ORIGIN)
        .map_or_else(|| url.to_string(), str::to_string)
}

fn entry_of(rendered: &Article) -> Entry {
    let mut image = rendered.image.clone();
    if let Some(i) = image.as_mut() {
        i.src = i.src.as_deref().map(local);
        // A card shows the picture, not its caption or credit: the index stays small.
        i.caption = None;
        i.credit = None;
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
fn article_paths(id: &str) -> [String; 4] {
    [
        format!("articles/{id}.json"),
        format!("articles/{id}/index.html"),
        format!("embed/{id}/index.html"),
        format!("oembed/{id}.json"),
    ]
}

fn article_from(id: &str) -> String {
    format!("article:{id}")
}

/// `<link rel="alternate">` of a section's feeds.
fn section_feed_links(section: &str) -> String {
    let slug = section_slug(section);
    let title = format!("{} — {section}", site::NAME);
    pages::head_html(&[
        HeadTag::Alternate {
            type_: "application/rss+xml",
            href: in_app(&format!("/sections/{slug}/feed.xml")),
            title: Some(title.clone()),
        },
        HeadTag::Alternate {
            type_: "application/atom+xml",
            href: in_app(&format!("/sections/{slug}/atom.xml")),
            title: Some(title.clone()),
        },
        HeadTag::Alternate {
            type_: "application/feed+json",
            href: in_app(&format!("/sections/{slug}/feed.json")),
            title: Some(title),
        },
    ])
}

/// Reads an article of the archive with public addresses (for the feeds).
fn public_article(archive: &Path, id: &str) -> Result<Article, String> {
    let path = archive.join(format!("{id}.json"));
    let text = fs::read_to_string(&path).map_err(io(&path))?;
    parse_article(&text, &format!("{}/articles/{id}.json", public_base()))
        .map_err(|e| format!("{id}.json: {}", e.title()))
}

struct Published {
    articles: usize,
    fresh: usize,
    deleted: usize,
    phases: Phases,
}

/// How long each step of a publish took (`--timings`).
struct Phases {
    last: Instant,
    done: Vec<(&'static str, f64)>,
}

impl Phases {
    fn start() -> Self {
        Phases {
            last: Instant::now(),
            done: Vec::new(),
        }
    }

    /// Ends the step `name`, begun where the last one ended.
    fn mark(&mut self, name: &'static str) {
        let now = Instant::now();
        self.done.push((name, (now - self.last).as_secs_f64()));
        self.last = now;
    }

    fn line(&self) -> String {
        let steps: Vec<String> = self.done.iter().map(|(n, s)| format!("{n} {s:.2} s")).collect();
        format!("publish: timings: {}", steps.join(", "))
    }
}

fn publish(args: &Args) -> Result<Published, String> {
    let out = &args.out;
    let state = out.join(STATE_DIR);
    fs::create_dir_all(&state).map_err(io(&state))?;
    // One publish at a time in one output: the second waits.
    let _lock = lock_output(
        &state,
        &format!(
            "publish: another publish is writing {}: waiting for it to finish…",
            out.display()
        ),
    )?;

    let mut phases = Phases::start();
    let code = if args.json_only { None } else { Some(read_code(out)?) };
    if let Some(code) = &code {
        check_policy(code)?;
    }
    let manifest_path = state.join("manifest.json");
    let mut old: Manifest = fs::read(&manifest_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .filter(|m: &Manifest| m.version == manifest::VERSION)
        .unwrap_or_default();
    phases.mark("code and manifest read");
    let fingerprint = code
        .as_ref()
        .map_or_else(|| "json-only".to_string(), |c| c.fingerprint.clone());
    let same_code = old.code == fingerprint;
    // (`old.sources` keeps only the articles changed or gone since.)
    let archive = scan_archive(&args.archive, &mut old.sources, same_code)?;
    phases.mark("archive scanned");

    // What a stopped publish was doing: its groups are compared with the disk this time.
    let pending_path = state.join("pending.json");
    let uncertain: BTreeSet<String> = fs::read(&pending_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let deleted: Vec<String> = old
        .sources
        .keys()
        .filter(|id| !archive.sources.contains_key(*id))
        .cloned()
        .collect();
    let mut groups: BTreeSet<String> = archive.fresh.keys().map(|id| article_from(id)).collect();
    groups.extend(deleted.iter().map(|id| article_from(id)));
    groups.extend(["asset", "index", "feeds", "sitemaps", "search"].map(String::from));
    groups.extend(uncertain.iter().cloned());
    write_atomic(
        &pending_path,
        serde_json::to_string(&groups).map_err(|e| e.to_string())?.as_bytes(),
    )?;
    // An article a stopped publish was writing that the archive no longer has: its files go.
    let orphans: Vec<String> = uncertain
        .iter()
        .filter_map(|g| g.strip_prefix("article:"))
        .filter(|id| !archive.sources.contains_key(*id) && !old.sources.contains_key(*id))
        .map(str::to_string)
        .collect();
    let mut output = Output::new(out, old, uncertain.clone());

    // 1. The articles' own files, before anything names them.
    for path in archive.assets.keys() {
        let from = "asset";
        let src = args.archive.join(path);
        let bytes = fs::read(&src).map_err(io(&src))?;
        output.put(&format!("articles/{path}"), &bytes, from)?;
    }
    let base = public_base();
    for id in archive.sources.keys() {
        let from = article_from(id);
        let Some(fresh) = archive.fresh.get(id) else {
            if !uncertain.contains(&from) {
                output.keep(&from, &article_paths(id));
                continue;
            }
            // Written by a stopped publish: made again and compared with the disk.
            let path = args.archive.join(format!("{id}.json"));
            let text = fs::read_to_string(&path).map_err(io(&path))?;
            write_article(&mut output, code.as_ref(), id, &text, &base)?;
            continue;
        };
        write_article(&mut output, code.as_ref(), id, &fresh.text, &base)?;
    }

    phases.mark("articles");
    let mut entries: Vec<Entry> = archive.sources.values().map(|s| s.entry.clone()).collect();
    order::oldest_first(&mut entries);
    phases.mark("ordered");

    // 2. The search shards the changes land in.
    let mut shard_prints = BTreeMap::new();
    if let Some(code) = &code {
        shard_prints = publish_search(&mut output, args, code, &entries, &archive)?;
    }
    phases.mark("search");

    // 3. The indexes: every page, then the front page. A page whose articles, next page and
    // code are those of the last publish is kept without being made again.
    let plan = order::index_plan(entries.len(), PER_PAGE);
    let mut page_prints = BTreeMap::new();
    for file in plan.iter().skip(1) {
        let mut print = format!("{fingerprint}\u{0}{}\u{0}{:?}", file.path, file.next);
        for e in &entries[file.range.clone()] {
            let id = &e.summary.id;
            add_member(&mut print, id, &archive.sources[id].hash);
        }
        let print = hash(print.as_bytes());
        let old = output.old();
        if old.pages.get(&file.path) == Some(&print)
            && old.files.get(&file.path).is_some_and(|f| f.from == "index")
            && !output.is_uncertain("index")
        {
            output.keep("index", std::slice::from_ref(&file.path));
        } else {
            output.put(&file.path, file.json(&entries).as_bytes(), "index")?;
        }
        page_prints.insert(file.path.clone(), print);
    }
    output.put(&plan[0].path, plan[0].json(&entries).as_bytes(), "index")?;
    if let Some(code) = &code {
        let front_start = entries.len().saturating_sub(PER_PAGE);
        let first = IndexPage {
            articles: entries[front_start..].iter().rev().map(|e| e.summary.clone()).collect(),
            next: (front_start > 0).then(|| {
                format!(
                    "{}/articles/archive/{}.json",
                    render_root(),
                    (front_start - 1) / PER_PAGE + 1
                )
            }),
        };
        let page = pages::front_page(&code.template, &code.islands, &first)?;
        output.put("index.html", page.as_bytes(), "index")?;

        phases.mark("indexes");

        // 4. Feeds and sitemaps.
        publish_feeds(&mut output, &args.archive, &entries)?;
        phases.mark("feeds");
        publish_sitemaps(&mut output, &entries, args.now)?;
        phases.mark("sitemaps");
    }

    // 5. Last, what nothing names any more: deleted articles, emptied pages and shards.
    for id in &orphans {
        for path in article_paths(id) {
            output.remove(&path)?;
        }
    }
    output.remove_stale()?;
    phases.mark("stale removed");

    let counts = (archive.sources.len(), archive.fresh.len());
    let manifest = Manifest {
        version: manifest::VERSION,
        code: fingerprint,
        sources: archive.sources,
        assets: archive.assets,
        shards: shard_prints,
        pages: page_prints,
        files: std::mem::take(&mut output.files),
    };
    write_atomic(
        &manifest_path,
        serde_json::to_string(&manifest).map_err(|e| e.to_string())?.as_bytes(),
    )?;
    fs::remove_file(&pending_path).map_err(io(&pending_path))?;
    phases.mark("manifest written");

    // What was done, file by file.
    let mut report = String::new();
    for p in &output.written {
        report.push_str(&format!("wrote   {p}\n"));
    }
    for p in &output.removed {
        report.push_str(&format!("removed {p}\n"));
    }
    write_atomic(&state.join("last-run.txt"), report.as_bytes())?;
    if output.written.len() + output.removed.len() <= 200 {
        print!("{report}");
    }
    println!(
        "publish: {} written, {} removed, {} unchanged (the list: {})",
        output.written.len(),
        output.removed.len(),
        output.unchanged,
        state.join("last-run.txt").display()
    );
    // The process ends next: its memory goes back at once. Freeing the maps one by one (the
    // manifest's and the archive's, about 1 GB at 100,000 articles) would take a third of a
    // second more.
    std::mem::forget((manifest, output, entries, archive.fresh));
    Ok(Published {
        articles: counts.0,
        fresh: counts.1,
        deleted: deleted.len(),
        phases,
    })
}

/// Adds an article to a fingerprint's text (`\0{id}:{hash}`).
fn add_member(print: &mut String, id: &str, hash: &str) {
    print.push('\u{0}');
    print.push_str(id);
    print.push(':');
    print.push_str(hash);
}

/// An article's four files.
fn write_article(output: &mut Output, code: Option<&Code>, id: &str, text: &str, base: &str) -> Result<(), String> {
    let from = article_from(id);
    let [json_path, page_path, embed_path, oembed_path] = article_paths(id);
    output.put(&json_path, text.as_bytes(), &from)?;
    let Some(code) = code else { return Ok(()) };
    let article =
        parse_article(text, &format!("{base}/articles/{id}.json")).map_err(|e| format!("{id}.json: {}", e.title()))?;
    let rendered = rendered_article(text, id)?;
    let extra = article.section.as_deref().map(section_feed_links).unwrap_or_default();
    let page = pages::article_page(&code.template, &code.islands, &article, &rendered, text, base, &extra)?;
    check_no_style(&page_path, &page)?;
    let embed = pages::embed_page(&code.template, &code.islands, &article, &rendered, base)?;
    check_no_style(&embed_path, &embed)?;
    output.put(&page_path, page.as_bytes(), &from)?;
    output.put(&embed_path, embed.as_bytes(), &from)?;
    output.put(
        &oembed_path,
        oembed::response(&article, site::NAME, base).as_bytes(),
        &from,
    )
}

/// No page may carry a style attribute: the site-wide policy allows none (it would need a hash
/// for each, in every page).
fn check_no_style(path: &str, page: &str) -> Result<(), String> {
    let mut rest = page;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if tag.starts_with(|c: char| c.is_ascii_alphabetic())
            && (tag.contains(" style=") || tag.contains(" style ="))
            && !tag.starts_with("script")
        {
            return Err(format!(
                "{path}: a style attribute in <{}>, which the site's policy does not allow",
                &tag[..tag.len().min(80)]
            ));
        }
    }
    Ok(())
}

/// The shards whose articles changed, indexed again; `pagefind/shards.json`. Returns each
/// shard's fingerprint.
fn publish_search(
    output: &mut Output,
    args: &Args,
    code: &Code,
    entries: &[Entry],
    archive: &Archive,
) -> Result<BTreeMap<String, String>, String> {
    let shards = search::shards(entries);
    let mut prints = BTreeMap::new();
    let mut list = Vec::new();
    let dir = facts::SEARCH_DIR;
    for (name, members) in &shards {
        let from = format!("search:{name}");
        let mut print = format!("{}\u{0}{}", code.fingerprint, site::BASE_PATH);
        for &i in members {
            let id = &entries[i].summary.id;
            add_member(&mut print, id, &archive.sources[id].hash);
        }
        let print = hash(print.as_bytes());
        let newest = &entries[*members.last().expect("a shard has articles")];
        list.push((
            newest.key().0,
            newest.summary.id.clone(),
            name.clone(),
            search::shard_language(&newest.language),
            members.len(),
        ));
        if output.old().shards.get(name) == Some(&print) && !output.is_uncertain(&from) {
            output.keep_under(&from, &format!("{dir}{name}/"));
            prints.insert(name.clone(), print);
            continue;
        }
        let started = Instant::now();
        let mut records = Vec::with_capacity(members.len());
        for &i in members {
            let id = &entries[i].summary.id;
            let text = match archive.fresh.get(id) {
                Some(f) => f.text.clone(),
                None => {
                    let p = args.archive.join(format!("{id}.json"));
                    fs::read_to_string(&p).map_err(io(&p))?
                }
            };
            records.push(search::record(&rendered_article(&text, id)?, RENDER_ORIGIN));
        }
        let files = index_shard(
            &args.out,
            name,
            &search::shard_language(&entries[members[0]].language),
            &records,
        )?;
        // The shard's entry and metadata name its other files: they go last.
        let last = |p: &String| p.ends_with("pagefind-entry.json") || p.ends_with(".pf_meta");
        for (rel, bytes) in files
            .iter()
            .filter(|(p, _)| !last(p))
            .chain(files.iter().filter(|(p, _)| last(p)))
        {
            output.put(&format!("{dir}{name}/{rel}"), bytes, &from)?;
        }
        prints.insert(name.clone(), print);
        eprintln!(
            "publish: search shard {name}: {} articles indexed in {} ms",
            members.len(),
            started.elapsed().as_millis()
        );
    }
    list.sort_by(|a, b| (b.0, &b.1).cmp(&(a.0, &a.1)));
    let sizes: Vec<(&str, usize)> = list.iter().map(|(.., language, n)| (language.as_str(), *n)).collect();
    let listed: Vec<serde_json::Value> = list
        .iter()
        .zip(search::tiers(&sizes))
        .map(|((_, _, name, language, n), tier)| {
            serde_json::json!({ "path": format!("{name}/"), "language": language, "articles": n, "tier": tier })
        })
        .collect();
    let shards_json = serde_json::json!({ "version": 1, "shards": listed });
    output.put(
        &format!("{dir}shards.json"),
        (serde_json::to_string_pretty(&shards_json).map_err(|e| e.to_string())? + "\n").as_bytes(),
        "search",
    )?;
    Ok(prints)
}

/// Runs Pagefind (scripts/search-shard.mjs) over one shard's records; returns its files.
fn index_shard(
    out: &Path,
    name: &str,
    language: &str,
    records: &[serde_json::Value],
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let work = out.join(STATE_DIR).join("search").join(name);
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(io(&work))?;
    let records_path = work.join("records.json");
    write_atomic(
        &records_path,
        serde_json::to_string(records).map_err(|e| e.to_string())?.as_bytes(),
    )?;
    let index_dir = work.join("index");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/search-shard.mjs");
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

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if path.is_dir() {
            collect(root, &path, files)?;
        } else {
            files.push((relative(root, &path)?, fs::read(&path).map_err(io(&path))?));
        }
    }
    Ok(())
}

/// The site's feeds and each section's.
fn publish_feeds(output: &mut Output, archive: &Path, entries: &[Entry]) -> Result<(), String> {
    let base = public_base();
    let home = format!("{base}/");
    let mut cache: BTreeMap<String, Article> = BTreeMap::new();
    let mut sections: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for e in entries.iter().rev() {
        if let Some(s) = &e.summary.section {
            let list = sections.entry(s.clone()).or_default();
            if list.len() < FEED_ITEMS {
                list.push(e);
            }
        }
    }
    let latest: Vec<&Entry> = entries.iter().rev().take(FEED_ITEMS).collect();
    let mut feeds: Vec<(String, String, Vec<&Entry>)> = vec![(String::new(), site::NAME.to_string(), latest)];
    for (section, list) in sections {
        feeds.push((
            format!("sections/{}/", section_slug(&section)),
            format!("{} — {section}", site::NAME),
            list,
        ));
    }
    for (folder, title, list) in feeds {
        for e in &list {
            if !cache.contains_key(&e.summary.id) {
                cache.insert(e.summary.id.clone(), public_article(archive, &e.summary.id)?);
            }
        }
        let items: Vec<Item> = list
            .iter()
            .map(|e| Item {
                article: &cache[&e.summary.id],
                page_url: format!("{base}/articles/{}", e.summary.id),
            })
            .collect();
        let channel = Channel {
            title,
            description: site::DESCRIPTION,
            home: &home,
            rss_url: format!("{base}/{folder}feed.xml"),
            atom_url: format!("{base}/{folder}atom.xml"),
            json_url: format!("{base}/{folder}feed.json"),
            language: site::DEFAULT_LANGUAGE,
            full_text: FEED_FULL_TEXT,
        };
        output.put(
            &format!("{folder}feed.xml"),
            feeds::rss(&channel, &items).as_bytes(),
            "feeds",
        )?;
        output.put(
            &format!("{folder}atom.xml"),
            feeds::atom(&channel, &items).as_bytes(),
            "feeds",
        )?;
        output.put(
            &format!("{folder}feed.json"),
            feeds::json_feed(&channel, &items).as_bytes(),
            "feeds",
        )?;
    }
    Ok(())
}

/// One sitemap per month, their index, the news sitemap and robots.txt.
fn publish_sitemaps(output: &mut Output, entries: &[Entry], now: i64) -> Result<(), String> {
    let base = public_base();
    let mut months: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        months
            .entry(sitemaps::month_of(e.summary.published.as_ref()))
            .or_default()
            .push(e);
    }
    let mut index = vec![sitemaps::Url {
        loc: format!("{base}/sitemaps/pages.xml"),
        lastmod: None,
    }];
    output.put(
        "sitemaps/pages.xml",
        sitemaps::urlset(&[sitemaps::Url {
            loc: format!("{base}/"),
            lastmod: None,
        }])
        .as_bytes(),
        "sitemaps",
    )?;
    for (month, list) in &months {
        let urls: Vec<sitemaps::Url> = list
            .iter()
            .map(|e| sitemaps::Url {
                loc: format!("{base}/articles/{}", e.summary.id),
                lastmod: e.last_change().map(sitemaps::w3c),
            })
            .collect();
        let path = format!("sitemaps/{month}.xml");
        output.put(&path, sitemaps::urlset(&urls).as_bytes(), "sitemaps")?;
        let newest = list
            .iter()
            .filter_map(|e| e.last_change())
            .max_by_key(|d| d.unix_seconds());
        index.push(sitemaps::Url {
            loc: format!("{base}/{path}"),
            lastmod: newest.map(sitemaps::w3c),
        });
    }
    let news: Vec<sitemaps::NewsItem> = entries
        .iter()
        .rev()
        .take_while(|e| {
            e.summary
                .published
                .as_ref()
                .is_some_and(|d| now - d.unix_seconds() <= sitemaps::NEWS_WINDOW_SECONDS)
        })
        .filter_map(|e| {
            Some(sitemaps::NewsItem {
                loc: format!("{base}/articles/{}", e.summary.id),
                language: e.language.clone(),
                published: e.summary.published.clone()?,
                title: e.summary.headline.clone(),
            })
        })
        .collect();
    output.put(
        "news-sitemap.xml",
        sitemaps::news(site::NAME, &news, now).as_bytes(),
        "sitemaps",
    )?;
    output.put("sitemap.xml", sitemaps::index(&index).as_bytes(), "sitemaps")?;
    output.put(
        "robots.txt",
        sitemaps::robots(&base, site::BASE_PATH).as_bytes(),
        "sitemaps",
    )
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("publish: {e}\nusage: publish [--archive DIR] [--out DIR] [--now RFC3339] [--json-only] [--timings] | publish --page-scripts [--out DIR]");
            return ExitCode::from(2);
        }
    };
    if args.page_scripts {
        return match read_code(&args.out) {
            Ok(code) => {
                println!("{}", serde_json::json!(page_scripts(&code)));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("publish: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let started = Instant::now();
    match publish(&args) {
        Ok(s) => {
            println!(
                "publish: {} articles in {} ({} new or changed, {} removed) from {} in {:.1} s",
                s.articles,
                args.out.display(),
                s.fresh,
                s.deleted,
                args.archive.display(),
                started.elapsed().as_secs_f64()
            );
            if args.timings {
                eprintln!("{}", s.phases.line());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("publish: {e}");
            ExitCode::FAILURE
        }
    }
}
