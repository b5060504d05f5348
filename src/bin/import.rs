//! Turns content a newsroom already has into article JSON (format 1.1) and an updated
//! `index.json`:
//!
//!   cargo run --features import --bin import -- --out public/articles feed.json
//!   cargo run --features import --bin import -- --out public/articles rss.xml atom.xml
//!   cargo run --features import --bin import -- --out public/articles post.json   (WordPress REST)
//!   cargo run --features import --bin import -- --out public/articles --url https://news.example/story saved.html
//!
//! Each input's kind is found from its content: a JSON Feed, a WordPress REST API post (or an
//! array of posts), an RSS or Atom feed, or else an HTML page (read with Readability). For each
//! article it prints where it was written and what could not be mapped (element and count);
//! an article the app's validator would refuse is not written, and its problems are printed.
//! The same inputs always give the same bytes.
//!
//! Options: `--out DIR` (default `public/articles`), `--url URL` (an HTML page's address,
//! for its relative links), `--language TAG` (for inputs that do not say), `--dry-run` (check
//! and report, write nothing). Exit status: 0 when every article was written, 1 when any was
//! refused or an input could not be read, 2 for a usage error.

use std::{
    fs,
    path::{Path, PathBuf},
    process::ExitCode,
};

use article_reader::import::{feed, finish, make_id, page, wordpress, write, Draft};
use serde_json::Value;

const USAGE: &str = "usage: import [--out DIR] [--url URL] [--language TAG] [--dry-run] INPUT...";

/// The drafts in one input file.
fn read_input(path: &Path, url: Option<&str>) -> Result<(&'static str, Vec<Draft>), String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    let start = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_string();
    if start.starts_with('{') || start.starts_with('[') {
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| format!("is not JSON: {e}"))?;
        if value
            .get("version")
            .and_then(Value::as_str)
            .is_some_and(|v| v.contains("jsonfeed.org"))
        {
            return feed::read(&bytes).map(|d| ("JSON Feed", d));
        }
        let posts: Vec<&Value> = match &value {
            Value::Array(items) => items.iter().collect(),
            one => vec![one],
        };
        if !posts.is_empty() && posts.iter().all(|p| wordpress::is_post(p)) {
            return Ok(("WordPress post", posts.into_iter().map(wordpress::read).collect()));
        }
        return Err("is JSON, but neither a JSON Feed (no jsonfeed.org version) nor a WordPress REST API post (no content.rendered)".into());
    }
    let lower = start.to_ascii_lowercase();
    let xml = lower.starts_with("<?xml")
        || lower.starts_with("<rss")
        || lower.starts_with("<feed")
        || lower.starts_with("<rdf");
    if xml && !lower.contains("<html") {
        return feed::read(&bytes).map(|d| ("feed", d));
    }
    page::read(&bytes, url).map(|d| ("web page", vec![d]))
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut out, mut url, mut language, mut dry_run, mut inputs) =
        (PathBuf::from("public/articles"), None, None, false, Vec::new());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from).unwrap_or_default(),
            "--url" => url = args.next(),
            "--language" => language = args.next(),
            "--dry-run" => dry_run = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => {
                eprintln!("unknown option {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => inputs.push(PathBuf::from(a)),
        }
    }
    if inputs.is_empty() || out.as_os_str().is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    if url
        .as_deref()
        .is_some_and(|u| !u.starts_with("http://") && !u.starts_with("https://"))
    {
        eprintln!("--url must be an http or https address");
        return ExitCode::from(2);
    }
    let mut failed = false;
    let mut drafts = Vec::new();
    for input in &inputs {
        match read_input(input, url.as_deref()) {
            Ok((kind, found)) => {
                println!(
                    "{}: {kind}, {} article{}",
                    input.display(),
                    found.len(),
                    if found.len() == 1 { "" } else { "s" }
                );
                for mut d in found {
                    if d.language.is_none() {
                        d.language = language.clone();
                    }
                    drafts.push(d);
                }
            }
            Err(e) => {
                eprintln!("{}: {e}", input.display());
                failed = true;
            }
        }
    }
    if dry_run {
        for d in &drafts {
            let id = make_id(
                d.source.as_deref(),
                &d.headline,
                d.key.as_deref().or(d.source.as_deref()).unwrap_or(&d.headline),
            );
            match finish(d, &id) {
                Ok(_) => println!("  {id}: valid, {} blocks", d.body.len()),
                Err(problems) => {
                    failed = true;
                    println!("  {id}: would be refused: {}", problems.join("; "));
                }
            }
            for line in d.report.lines() {
                println!("    {line}");
            }
        }
    } else {
        match write(&out, &drafts) {
            Ok((written, refused)) => {
                for w in &written {
                    println!("  {} ({})", w.path, w.id);
                    for line in w.report.lines() {
                        println!("    {line}");
                    }
                }
                for (what, problems) in &refused {
                    failed = true;
                    println!(
                        "  not written: {what}: the app would refuse it: {}",
                        problems.join("; ")
                    );
                }
                println!(
                    "{} written, {} refused; {} updated",
                    written.len(),
                    refused.len(),
                    out.join("index.json").display()
                );
            }
            Err(e) => {
                eprintln!("{}: {e}", out.display());
                return ExitCode::FAILURE;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
