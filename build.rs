//! Two generated modules:
//!
//! - the site's configuration (`site.json`, or the file named by `READER_SITE`), checked with
//!   `src/model/site.rs` — any problem stops the build with the field and what is wrong — and
//!   turned into constants (`$OUT_DIR/site.rs`, included by `src/site.rs`);
//! - the shared names below.
//!
//! Turns `src/facts.json`, the one definition of the names the Rust app shares with the service
//! worker, `embed.js`, `index.html` and the build scripts, into Rust constants
//! (`$OUT_DIR/facts.rs`, included by `src/facts.rs`). Each key becomes an upper-case constant:
//! a string is `&str`, a whole number `usize`, a list of strings `[&str; N]` and a list of
//! whole numbers `[u16; N]`. Keys starting with `/` are comments.

use std::{env, fmt::Write as _, fs, path::Path};

use serde_json::Value;

#[path = "src/model/site.rs"]
#[allow(dead_code)]
mod site;

fn main() {
    site_constants();
    fact_constants();
}

/// Checks the site configuration and writes `$OUT_DIR/site.rs`.
fn site_constants() {
    println!("cargo::rerun-if-env-changed=READER_SITE");
    // The page colours an accent is checked against (`site::page_backgrounds`).
    println!("cargo::rerun-if-changed=style/main.css");
    let path = env::var("READER_SITE").unwrap_or_else(|_| "site.json".to_string());
    println!("cargo::rerun-if-changed={path}");
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("\nThe site configuration {path} cannot be read: {e}\n");
            std::process::exit(1);
        }
    };
    let site = match site::parse_site(&text) {
        Ok(site) => site,
        Err(problems) => {
            eprintln!("\nThe site configuration {path} has {} problem(s):", problems.len());
            for p in &problems {
                eprintln!("  {path}: {p}");
            }
            eprintln!("(see \"Your newsroom\" in README.md)\n");
            std::process::exit(1);
        }
    };
    let font_files = site
        .font_files
        .iter()
        .enumerate()
        .map(|(i, f)| (format!("fonts.files[{i}].src"), Some(&f.src)));
    for (field, file) in [
        ("logo".to_string(), Some(&site.logo)),
        ("icon".to_string(), site.icon.as_ref()),
    ]
    .into_iter()
    .chain(font_files)
    {
        if let Some(file) = file.filter(|f| !Path::new(f).is_file()) {
            eprintln!("\nThe site configuration {path} has 1 problem(s):\n  {path}: {field}: {file} is not a file in the project\n");
            std::process::exit(1);
        }
    }
    let opt = |v: &Option<String>| v.as_ref().map_or("None".to_string(), |s| format!("Some({s:?})"));
    let logo_ext = if site.logo.to_ascii_lowercase().ends_with(".png") {
        "png"
    } else {
        "svg"
    };
    let mut out = String::new();
    let mut constant = |doc: &str, name: &str, ty: &str, value: String| {
        let _ = writeln!(out, "/// {doc}\npub const {name}: {ty} = {value};");
    };
    constant("The site's name.", "NAME", "&str", format!("{:?}", site.name));
    constant(
        "The short name (home screen).",
        "SHORT_NAME",
        "&str",
        format!("{:?}", site.short_name),
    );
    constant(
        "One sentence about the site.",
        "DESCRIPTION",
        "&str",
        format!("{:?}", site.description),
    );
    constant(
        "The public origin of the deployment.",
        "PUBLIC_URL",
        "&str",
        format!("{:?}", site.public_url),
    );
    constant(
        "The folder the reader is served from: `/`, or such as `/reader/`.",
        "BASE_PATH",
        "&str",
        format!("{:?}", site.base_path),
    );
    constant(
        "The origins, besides the page's own, whose articles may be shown.",
        "SOURCES",
        &format!("[&str; {}]", site.sources.len()),
        format!("{:?}", site.sources),
    );
    constant(
        "Where the build puts the logo.",
        "LOGO",
        "&str",
        format!("\"{}brand/logo.{logo_ext}\"", site.base_path),
    );
    constant(
        "The accent colour on light and sepia pages.",
        "ACCENT_LIGHT",
        "&str",
        format!("{:?}", site.accent_light),
    );
    constant(
        "The accent colour on dark pages.",
        "ACCENT_DARK",
        "&str",
        format!("{:?}", site.accent_dark),
    );
    constant(
        "The interface language when nothing else decides.",
        "DEFAULT_LANGUAGE",
        "&str",
        format!("{:?}", site.default_language),
    );
    constant(
        "The interface languages offered.",
        "LANGUAGES",
        &format!("[&str; {}]", site.languages.len()),
        format!("{:?}", site.languages),
    );
    constant(
        "The publisher when an article names none.",
        "PUBLISHER_NAME",
        "&str",
        format!("{:?}", site.publisher_name),
    );
    constant(
        "The publisher's address.",
        "PUBLISHER_URL",
        "Option<&str>",
        opt(&site.publisher_url),
    );
    constant(
        "The site's X/Twitter account.",
        "TWITTER",
        "Option<&str>",
        opt(&site.twitter),
    );
    constant(
        "The name shows beside the logo (else only to screen readers).",
        "SHOW_NAME",
        "bool",
        (site.header == site::HeaderLayout::LogoAndName).to_string(),
    );
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("site.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

/// Writes `$OUT_DIR/facts.rs`.
fn fact_constants() {
    let source = "src/facts.json";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let facts: serde_json::Map<String, Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source} is not a JSON object: {e}"));
    let mut out = String::new();
    for (key, value) in &facts {
        if key.starts_with('/') {
            continue;
        }
        let name = key.to_ascii_uppercase();
        let (ty, literal) = match value {
            Value::String(s) => ("&str".to_string(), format!("{s:?}")),
            Value::Number(n) if n.is_u64() => ("usize".to_string(), n.to_string()),
            Value::Array(items) if items.iter().all(Value::is_string) => (
                format!("[&str; {}]", items.len()),
                format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|v| format!("{:?}", v.as_str().unwrap_or_default()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            Value::Array(items)
                if items
                    .iter()
                    .all(|v| v.as_u64().is_some_and(|n| n <= u64::from(u16::MAX))) =>
            {
                (
                    format!("[u16; {}]", items.len()),
                    format!(
                        "[{}]",
                        items.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
                    ),
                )
            }
            other => panic!("{source}: {key} is neither a string, a whole number nor a list of either: {other}"),
        };
        let _ = writeln!(
            out,
            "/// `{key}` in `src/facts.json`.\npub const {name}: {ty} = {literal};"
        );
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("facts.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
