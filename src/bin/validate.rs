//! Checks article and index files with the app's own validator, for a publisher's CI:
//!
//!   cargo run --bin validate -- public/articles            every .json in a folder (recursively)
//!   cargo run --bin validate -- story.json index.json      files
//!   cargo run --bin validate -- --base https://news.example/articles/ story.json
//!   cargo run --bin validate -- --json public/articles     one JSON report, for other tools
//!   cargo run --bin validate -- --schema article            prints the JSON Schema (or `index`)
//!
//! Each document is read exactly as the app reads a fetched one
//! ([`check_document`]): size and encoding, strict JSON, then every problem with its JSON path
//! and the words the app shows. Relative addresses inside a document resolve against `--base`
//! followed by its file name (default `https://reader.invalid/articles/`), as they would against
//! the address the app fetched it from.
//!
//! In a folder that holds an `index.json` (a site's `articles/`), it also checks what only the
//! folder can show: that every article's `id` is its file's name (the app loads
//! `/articles/{id}.json`), and that every entry of an index is listed once and has its file
//! beside it.
//!
//! Exit status: 0 when every document is valid, 1 when any is not, 2 for a usage error.

use std::{
    collections::BTreeSet,
    env, fs,
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
};

use article_reader::model::{
    schema::{article_schema, index_schema},
    validate::{check_document, parse_index_page_bytes, DocumentKind},
};

const USAGE: &str = "usage: validate [--base URL] [--json] FILE_OR_FOLDER...\n       validate --schema article|index";
const DEFAULT_BASE: &str = "https://reader.invalid/articles/";

fn json_files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for entry in entries {
            if entry.is_dir() || entry.extension().is_some_and(|e| e == "json") {
                json_files(&entry, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// The folder checks: ids that are not their file's name, index entries without a file.
fn folder_problems(path: &Path, bytes: &[u8], kind: DocumentKind, base: &str) -> Vec<String> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let dir = path.parent().unwrap_or(Path::new("."));
    match kind {
        DocumentKind::Article => {
            let id = serde_json::from_slice::<serde_json::Value>(bytes)
                .ok()
                .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string))
                .unwrap_or_default();
            if id != stem {
                vec![format!(
                    "id: “{id}” is not this file's name (the app loads articles/{id}.json)"
                )]
            } else {
                Vec::new()
            }
        }
        DocumentKind::Index => {
            let Ok(page) = parse_index_page_bytes(bytes, base) else {
                return Vec::new();
            };
            let mut seen = BTreeSet::new();
            page.articles
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    if !seen.insert(s.id.clone()) {
                        Some(format!("articles[{i}].id: “{}” is listed twice", s.id))
                    } else if !dir.join(format!("{}.json", s.id)).is_file() {
                        Some(format!("articles[{i}].id: no file {}.json beside this index", s.id))
                    } else {
                        None
                    }
                })
                .collect()
        }
    }
}

fn main() -> ExitCode {
    let mut out = std::io::stdout().lock();
    match run(&mut out) {
        Ok(code) => code,
        // The reader of our output went away (`validate … | head`): stop quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("validate: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(out: &mut impl Write) -> std::io::Result<ExitCode> {
    let mut args: Vec<String> = env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--schema") {
        let schema = match args.get(1).map(String::as_str) {
            Some("article") => article_schema(),
            Some("index") => index_schema(),
            _ => {
                eprintln!("{USAGE}");
                return Ok(ExitCode::from(2));
            }
        };
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&schema).expect("a schema serialises")
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut base = DEFAULT_BASE.to_string();
    if let Some(i) = args.iter().position(|a| a == "--base") {
        if i + 1 >= args.len() {
            eprintln!("--base needs an address\n{USAGE}");
            return Ok(ExitCode::from(2));
        }
        base = args.remove(i + 1);
        args.remove(i);
        if !base.ends_with('/') {
            base.push('/');
        }
    }
    let json = args.iter().any(|a| a == "--json");
    args.retain(|a| a != "--json");
    if args.is_empty() || args.iter().any(|a| a.starts_with("--")) {
        eprintln!("{USAGE}");
        return Ok(ExitCode::from(2));
    }
    let mut files = Vec::new();
    for arg in &args {
        let path = Path::new(arg);
        if !path.exists() {
            eprintln!("{arg}: no such file or folder");
            return Ok(ExitCode::from(2));
        }
        if let Err(e) = json_files(path, &mut files) {
            eprintln!("{arg}: {e}");
            return Ok(ExitCode::from(2));
        }
    }
    let in_folder = args.iter().any(|a| Path::new(a).is_dir());
    let (mut valid, mut invalid) = (0, 0);
    let mut report = Vec::new();
    // Human lines go to `out`, or nowhere when the report is JSON.
    let mut sink = std::io::sink();
    let lines: &mut dyn Write = if json { &mut sink } else { out };
    for file in &files {
        let shown = file.display();
        let bytes = match fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                writeln!(lines, "{shown}: cannot be read: {e}")?;
                report.push(serde_json::json!({ "file": shown.to_string(), "valid": false, "kind": "unreadable", "message": e.to_string() }));
                invalid += 1;
                continue;
            }
        };
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("document.json");
        let doc_base = format!("{base}{name}");
        match check_document(&bytes, &doc_base) {
            Ok(kind) => {
                let articles_folder = in_folder && file.parent().is_some_and(|d| d.join("index.json").is_file());
                let problems = if articles_folder {
                    folder_problems(file, &bytes, kind, &doc_base)
                } else {
                    Vec::new()
                };
                let what = if kind == DocumentKind::Index {
                    "index"
                } else {
                    "article"
                };
                report.push(serde_json::json!({
                    "file": shown.to_string(), "valid": problems.is_empty(), "kind": what,
                    "problems": problems.clone(),
                }));
                if problems.is_empty() {
                    writeln!(lines, "{shown}: valid {what}")?;
                    valid += 1;
                } else {
                    writeln!(lines, "{shown}: valid {what}, but not in this folder:")?;
                    for p in problems {
                        writeln!(lines, "  {p}")?;
                    }
                    invalid += 1;
                }
            }
            Err(err) => {
                invalid += 1;
                report.push(serde_json::json!({
                    "file": shown.to_string(), "valid": false, "kind": err.kind(),
                    "title": err.title(), "message": err.message(),
                    "problems": err.problems().iter().map(ToString::to_string).collect::<Vec<_>>(),
                }));
                writeln!(lines, "{shown}: {}: {}", err.title(), err.message())?;
                for p in err.problems() {
                    writeln!(lines, "  {p}")?;
                }
            }
        }
    }
    if json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&report).expect("a report serialises")
        )?;
    } else {
        writeln!(out, "{valid} valid, {invalid} with problems")?;
    }
    Ok(if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
