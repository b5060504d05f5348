//! The content release: publishes the archive's articles into the output of the last code build,
//! writing only the files whose bytes change. Compiles nothing: scripts/publish.sh runs the
//! binary the code build (scripts/build.sh) left.
//!
//!   publish [--archive DIR] [--out DIR] [--now RFC3339] [--changed FILE|-] [--json-only] [--timings]
//!   publish --page-scripts [--out DIR]
//!   publish --catalogs [--out DIR]
//!   publish --check [--out DIR]
//!
//! - `--archive`: the articles (`{id}.json`) and their pictures (`img/`); default
//!   `public/articles`.
//! - `--out`: the output of the last code build (and of the publishes since); default `dist`.
//! - `--now`: the time the news sitemap counts its two days from (default: the clock).
//! - `--changed`: the files that changed since the last publish, one a line (an article's id or
//!   file name, a picture's path under the archive; `-`: standard input), as the newsroom's
//!   system knows them: the publish looks at no other file of the archive. Without it every
//!   file's size and time is compared with the manifest (the safe default). Ignored, with a
//!   note, when there is no earlier publish with the same code build (everything is read).
//! - `--json-only`: the articles' JSON, pictures and index pages only (a debug build, which
//!   prerenders nothing).
//! - `--check`: compares the manifest with the disk (every file with its hash and brotli copy)
//!   and says what differs; writes nothing.
//! - `--catalogs`: writes the interface catalogues the browser loads (`catalogs/`), for the
//!   code build.
//! - `--page-scripts`: prints the inline scripts the prerendered pages run, as JSON, for the
//!   code build's security policy (scripts/build-headers.mjs), and writes nothing else.
//!
//! It writes, for each new or changed article, its page (`articles/{id}/index.html`), embed
//! (`embed/{id}/index.html`), oEmbed response (`oembed/{id}.json`) and JSON
//! (`articles/{id}.json`); the search shard it lands in (`pagefind/{shard}/`); then the index
//! pages (`articles/index.json`, `articles/archive/{n}.json`), the front page (`index.html`), the
//! search page (`search/index.html`),
//! the feeds (`feed.xml`, `atom.xml`, `feed.json`, and per section under `sections/{slug}/`),
//! the sitemaps (`sitemap.xml`, `sitemaps/{month}.xml`, `news-sitemap.xml`) and `robots.txt`;
//! last, it removes the files of deleted articles. Each written file gets a brotli copy
//! (`.br`). `.publish/manifest.json` records every file's hash and what it was made from.
//!
//! An article that fails validation stops the publish before anything is written, with the
//! validator's words. A publish stopped at any point (even `kill -9`) leaves an output the next
//! one completes: pages are written before anything names them, and the manifest last; its
//! temporary files are in `.publish/tmp/`, which the next publish empties. Two publishes into
//! one output: the second waits for the first. The steps themselves live in the library
//! (`article_reader::publish`); this file runs them in order.

use article_reader::model::{links::in_app, seo::HeadTag, Article};
use article_reader::publish::archive::{self, article_from, article_paths, Archive, Fresh};
use article_reader::publish::manifest::{self, Manifest};
use article_reader::publish::output::{self, io, write_atomic, Output};
use article_reader::publish::stops::Steps;
use article_reader::publish::{
    changes, feeds, indexes, lock_output, oembed, order, pending, pictures, public_base, search, sitemaps, STATE_DIR,
};
use article_reader::{model::date::DateTime, site};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, UNIX_EPOCH};

#[path = "publish/code.rs"]
mod code;
#[path = "publish/pages.rs"]
mod pages;
#[path = "publish/template.rs"]
mod template;

use code::Code;
use pages::{render_root, RENDER_ORIGIN};

const USAGE: &str = "usage: publish [--archive DIR] [--out DIR] [--now RFC3339] [--changed FILE|-] [--json-only] [--timings] | publish --page-scripts [--out DIR] | publish --catalogs [--out DIR] | publish --check [--out DIR]";

struct Args {
    archive: PathBuf,
    out: PathBuf,
    now: i64,
    changed: Option<PathBuf>,
    json_only: bool,
    page_scripts: bool,
    catalogs: bool,
    check: bool,
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
        changed: None,
        json_only: false,
        page_scripts: false,
        catalogs: false,
        check: false,
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
            "--changed" => args.changed = Some(PathBuf::from(value("--changed")?)),
            "--json-only" => args.json_only = true,
            "--page-scripts" => args.page_scripts = true,
            "--catalogs" => args.catalogs = true,
            "--check" => args.check = true,
            "--timings" => args.timings = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

/// `<link rel="alternate">` of a section's feeds.
fn section_feed_links(section: &str) -> String {
    let slug = feeds::section_slug(section);
    let title = format!("{} — {section}", site::NAME);
    let link = |type_, file: &str| HeadTag::Alternate {
        type_,
        href: in_app(&format!("/sections/{slug}/{file}")),
        title: Some(title.clone()),
    };
    pages::head_html(&[
        link("application/rss+xml", "feed.xml"),
        link("application/atom+xml", "atom.xml"),
        link("application/feed+json", "feed.json"),
    ])
}

struct Published {
    articles: usize,
    fresh: usize,
    deleted: usize,
    steps: Steps,
}

/// The interface catalogues the browser loads (every language but English, which the wasm
/// carries): `catalogs/{tag}-{hash}.json`, part of the code build (`scripts/post-build.mjs`).
fn write_catalogs(out: &Path) -> Result<String, String> {
    use article_reader::model::i18n::{UiLang, CATALOGUE_DATA, CATALOGUE_FILES};
    let dir = out.join(article_reader::facts::CATALOGS_DIR);
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    let mut written = 0;
    for ((tag, file), data) in CATALOGUE_FILES.iter().zip(CATALOGUE_DATA) {
        if UiLang::from_tag(tag).is_some_and(UiLang::loaded_in_browser) {
            write_atomic(&dir.join(file), data.as_bytes())?;
            written += 1;
        }
    }
    Ok(format!("publish: {written} interface catalogues in {}", dir.display()))
}

fn publish(args: &Args) -> Result<Published, String> {
    let out = &args.out;
    let state = out.join(STATE_DIR);
    fs::create_dir_all(&state).map_err(io(&state))?;
    // One publish at a time in one output: the second waits.
    let waiting = format!(
        "publish: another publish is writing {}: waiting for it to finish…",
        out.display()
    );
    let _lock = lock_output(&state, &waiting)?;
    // What a stopped publish left half-written goes first.
    output::clear_temporary(&state)?;

    let mut steps = Steps::start();
    steps.begin("code and manifest read");
    let code = if args.json_only { None } else { Some(code::read(out)?) };
    if let Some(code) = &code {
        code::check_policy(code)?;
    }
    let mut old: Manifest = manifest::load(&state).unwrap_or_default();
    let fingerprint = code
        .as_ref()
        .map_or_else(|| "json-only".to_string(), |c| c.fingerprint.clone());

    steps.begin("archive scanned");
    // (`old.sources` keeps only the articles changed or gone since.)
    let old_pictures = std::mem::take(&mut old.pictures);
    let same_code = old.code == fingerprint;
    let listed = match &args.changed {
        None => None,
        Some(_) if !same_code => {
            println!("publish: note: --changed: no earlier publish with this code build here, so every file of the archive is read");
            None
        }
        Some(file) => Some(archive::Listed {
            names: archive::listed_names(&read_list(file)?)?,
            assets: std::mem::take(&mut old.assets),
        }),
    };
    let archive = archive::scan(&args.archive, &mut old.sources, same_code, listed, |assets| {
        steps.begin("pictures");
        let made = pictures::prepare(&args.archive, assets, &old_pictures);
        steps.begin("archive read");
        made
    })?;
    for note in &archive.notes {
        println!("publish: note: {note}");
    }

    // What this run may change, on disk until it has finished; what a stopped run left.
    let uncertain = pending::read(&state);
    if !uncertain.is_empty() {
        // What the stopped run wrote is not known: the next deploy compares everything.
        changes::forget(&state)?;
    }
    let deleted = pending::deleted(&old.sources, &archive.sources);
    let groups = pending::groups(archive.fresh.keys().map(String::as_str), &deleted, &uncertain);
    let pending_path = pending::path(&state);
    write_atomic(
        &pending_path,
        serde_json::to_string(&groups).map_err(|e| e.to_string())?.as_bytes(),
    )?;
    let orphans = pending::orphans(&uncertain, &archive.sources, &old.sources);
    let mut output = Output::new(out, old, uncertain);

    // 1. The articles' own files, before anything names them.
    steps.begin("articles");
    write_articles(&mut output, code.as_ref(), args, &archive)?;
    let mut entries: Vec<order::Entry> = archive.sources.values().map(|s| s.entry.clone()).collect();
    order::oldest_first(&mut entries);

    // 2. The search shards the changes land in.
    steps.begin("search");
    let shard_prints = match &code {
        Some(c) => search::publish(&mut output, &c.fingerprint, &entries, &archive.sources, |id| {
            let record = |rendered: &Article| search::record(rendered, RENDER_ORIGIN);
            match archive.fresh.get(id) {
                Some(f) => Ok(record(&f.rendered)),
                None => archive::reread(&args.archive, id, &archive).map(|f| record(&f.rendered)),
            }
        })?,
        None => Default::default(),
    };

    // 3. The indexes: every page, then the front page.
    steps.begin("indexes");
    let page_prints = indexes::publish(&mut output, &entries, &archive.sources, &fingerprint)?;
    if let Some(code) = &code {
        let first = order::front_page(&entries, &render_root());
        let page = pages::front_page(&code.template, &code.islands, &first)?;
        output.put("index.html", page.as_bytes(), "index")?;
        // The search page: the code's, the same whatever the articles (written when it changes).
        let search = pages::search_page(&code.template, &code.islands)?;
        output.put("search/index.html", search.as_bytes(), "index")?;

        // 4. Feeds and sitemaps.
        steps.begin("feeds");
        feeds::publish(&mut output, &entries, |id| match archive.fresh.get(id) {
            Some(f) => Ok(f.public.clone()),
            None => archive::reread(&args.archive, id, &archive).map(|f| f.public),
        })?;
        steps.begin("sitemaps");
        sitemaps::publish(&mut output, &entries, args.now)?;
    }

    // 5. Last, what nothing names any more: deleted articles, emptied pages and shards.
    steps.begin("removals");
    for id in &orphans {
        for path in article_paths(id) {
            output.remove(&path)?;
        }
    }
    output.remove_stale()?;

    // 6. The list of changes for the next deploy (if a deploy keeps one), the manifest, then
    // the end of what was pending.
    steps.begin("manifest");
    if let Some(mut list) = changes::read(&state) {
        let from = |p: &String| output.files.get(p).map(|f| f.from.clone()).unwrap_or_default();
        list.add(
            output.written.iter().map(|p| (p.clone(), from(p))),
            output.removed.iter().cloned(),
        );
        changes::write(&state, &list)?;
    }
    let counts = (archive.sources.len(), archive.fresh.len());
    let manifest = Manifest {
        version: manifest::VERSION,
        code: fingerprint,
        sources: archive.sources,
        assets: archive.assets,
        pictures: archive.pictures.records,
        shards: shard_prints.members,
        shard_records: shard_prints.records,
        pages: page_prints,
        files: std::mem::take(&mut output.files),
    };
    manifest::save(&state, &manifest, write_atomic)?;
    fs::remove_file(&pending_path).map_err(io(&pending_path))?;
    article_reader::publish::stops::point(|| "removed pending.json".into());
    steps.end();
    report(&output, &state)?;
    // The process ends next: its memory goes back at once. Freeing the maps one by one (the
    // manifest's and the archive's, about 1 GB at 100,000 articles) would take a third of a
    // second more.
    std::mem::forget((manifest, output, entries, archive.fresh));
    Ok(Published {
        articles: counts.0,
        fresh: counts.1,
        deleted: deleted.len(),
        steps,
    })
}

/// The archive's pictures and other files, then each new or changed article's files (and those a stopped
/// publish was writing, made again and compared with the disk); the rest are kept. Articles are
/// made on every core, a batch at a time, and written in the archive's order.
fn write_articles(output: &mut Output, code: Option<&Code>, args: &Args, archive: &Archive) -> Result<(), String> {
    use rayon::prelude::*;
    pictures::write(output, &args.archive, &archive.assets, &archive.pictures)?;
    // Enough to keep both cores busy, few enough that the pages in memory stay small.
    const BATCH: usize = 64;
    let mut batch: Vec<&str> = Vec::with_capacity(BATCH);
    let make = |output: &mut Output, batch: &mut Vec<&str>| -> Result<(), String> {
        let files: Vec<Result<Vec<File>, String>> = batch
            .par_iter()
            .map(|id| match archive.fresh.get(*id) {
                Some(fresh) => article_files(code, id, fresh),
                None => article_files(code, id, &archive::reread(&args.archive, id, archive)?),
            })
            .collect();
        batch.clear();
        let files: Vec<File> = files.into_iter().collect::<Result<Vec<_>, _>>()?.concat();
        output.put_all(&files)
    };
    for id in archive.sources.keys() {
        let from = article_from(id);
        if archive.fresh.contains_key(id) || output.is_uncertain(&from) {
            batch.push(id);
            if batch.len() == BATCH {
                make(output, &mut batch)?;
            }
        } else {
            output.keep(&from, &article_paths(id));
        }
    }
    make(output, &mut batch)
}

/// A file to put: its path, bytes and what it is made from.
type File = (String, Vec<u8>, String);

/// An article's four files.
fn article_files(code: Option<&Code>, id: &str, fresh: &Fresh) -> Result<Vec<File>, String> {
    let from = article_from(id);
    let [json_path, page_path, embed_path, oembed_path] = article_paths(id);
    let mut files = vec![(json_path, fresh.text.clone().into_bytes(), from.clone())];
    let Some(code) = code else { return Ok(files) };
    let base = public_base();
    let (article, rendered) = (&fresh.public, &fresh.rendered);
    let extra = article.section.as_deref().map(section_feed_links).unwrap_or_default();
    let page = pages::article_page(
        &code.template,
        &code.islands,
        article,
        rendered,
        &fresh.text,
        &base,
        &extra,
    )?;
    code::check_no_style(&page_path, &page)?;
    let embed = pages::embed_page(&code.template, &code.islands, article, rendered, &base)?;
    code::check_no_style(&embed_path, &embed)?;
    let oembed = oembed::response(article, site::NAME, &base);
    files.push((page_path, page.into_bytes(), from.clone()));
    files.push((embed_path, embed.into_bytes(), from.clone()));
    files.push((oembed_path, oembed.into_bytes(), from));
    Ok(files)
}

/// The `--changed` list's text: from a file, or standard input for `-`.
fn read_list(file: &Path) -> Result<String, String> {
    if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| format!("--changed -: {e}"))?;
        Ok(text)
    } else {
        fs::read_to_string(file).map_err(|e| format!("--changed {}: {e}", file.display()))
    }
}

/// What was done, file by file: in `.publish/last-run.txt`, and printed when short.
fn report(output: &Output, state: &Path) -> Result<(), String> {
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
    Ok(())
}

/// `--check`: the manifest against the disk.
fn check(out: &Path) -> Result<String, String> {
    let state = out.join(STATE_DIR);
    let manifest = manifest::load(&state).ok_or_else(|| {
        format!(
            "{}: no whole manifest (nothing was published there, or it was made by another version: publish again)",
            state.join("manifest.json").display()
        )
    })?;
    let problems = output::check(out, &manifest);
    if !problems.is_empty() {
        return Err(format!(
            "{} of {} files differ from the manifest (publish again):\n  {}",
            problems.len(),
            manifest.files.len(),
            problems.join("\n  ")
        ));
    }
    if pending::path(&out.join(STATE_DIR)).exists() {
        return Err("the last publish did not finish (publish again)".into());
    }
    Ok(format!(
        "publish: the manifest's {} files match the disk",
        manifest.files.len()
    ))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("publish: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    output::keep_freed_memory();
    let result = if args.page_scripts {
        code::read(&args.out).map(|c| serde_json::json!(code::page_scripts(&c)).to_string())
    } else if args.catalogs {
        write_catalogs(&args.out)
    } else if args.check {
        check(&args.out)
    } else {
        publish(&args).map(|s| {
            if args.timings {
                eprintln!("publish: {}", s.steps.line());
            }
            format!(
                "publish: {} articles in {} ({} new or changed, {} removed) from {} in {:.1} s",
                s.articles,
                args.out.display(),
                s.fresh,
                s.deleted,
                args.archive.display(),
                started.elapsed().as_secs_f64()
            )
        })
    };
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("publish: {e}");
            ExitCode::FAILURE
        }
    }
}
