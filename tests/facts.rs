//! The names shared between the Rust app and the JavaScript (service worker, `embed.js`,
//! `index.html`, build scripts, browser tests) have one definition: `src/facts.json`. These tests
//! fail when a copy is written by hand anywhere else, and when the Rust types that mirror a fact
//! (the settings' values, the id rule) disagree with it.

use std::{fs, path::Path};

use article_reader::facts;
use article_reader::model::settings::{Font, Leading, Theme, Width, SIZE_STEPS};
use article_reader::model::validate::is_valid_id;
use proptest::prelude::*;

/// Every file a person edits, except the definition itself.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.to_string_lossy().to_string();
            if path.is_dir() {
                if !name.ends_with("node_modules") && !name.ends_with("hostile") {
                    walk(&path, out);
                }
            } else if ["rs", "js", "mjs", "html", "css", "sh", "webmanifest"]
                .iter()
                .any(|ext| name.ends_with(&format!(".{ext}")))
                && !name.ends_with("tests/facts.rs")
            {
                if let Ok(text) = fs::read_to_string(&path) {
                    out.push((name, text));
                }
            }
        }
    }
    let mut out = Vec::new();
    for dir in ["src", "scripts", "public", "style", "tests"] {
        walk(Path::new(dir), &mut out);
    }
    out.push((
        "index.html".into(),
        fs::read_to_string("index.html").expect("index.html"),
    ));
    out
}

/// Lines that are code, not comments (a fact may be named in a comment).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter(|(_, line)| {
        let l = line.trim_start();
        !(l.starts_with("//")
            || l.starts_with('*')
            || l.starts_with("/*")
            || l.starts_with('#') && !l.starts_with("#["))
    })
}

#[test]
fn no_shared_name_is_copied_by_hand() {
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string("src/facts.json").unwrap()).unwrap();
    // The distinctive names: a copy of one of these is a copy of the fact.
    let mut names: Vec<String> = json
        .as_object()
        .unwrap()
        .iter()
        .filter(|(key, _)| !key.starts_with('/'))
        .filter_map(|(_, v)| v.as_str().map(str::to_string))
        .filter(|v| v.len() >= 8 && v.contains(['-', ':', '/', '_']))
        .collect();
    // The id rule and the settings' value lists, as they were written when copied.
    names.push(format!("[{}]{{1,", facts::ID_CHARS));
    for list in [
        &facts::SETTINGS_THEME[..],
        &facts::SETTINGS_FONT,
        &facts::SETTINGS_WIDTH,
        &facts::SETTINGS_LEADING,
        &facts::EMBED_PARTS,
        &facts::EMBED_OPTIONS,
    ] {
        names.push(format!("'{}', '{}'", list[0], list[1]));
        names.push(format!("\"{}\", \"{}\"", list[0], list[1]));
    }
    names.push(SIZE_STEPS.map(|s| s.to_string()).join(", "));
    // A name counts as written out when it stands alone inside quotes or after `#` (a
    // selector), not when it is part of a longer identifier (`SKIP_WAITING_MESSAGE`).
    let written_out = |line: &str, name: &str| {
        line.match_indices(name).any(|(at, _)| {
            let before = line[..at].chars().next_back();
            let after = line[at + name.len()..].chars().next();
            let quoted =
                |c: Option<char>| matches!(c, Some('"' | '\'' | '`' | '#' | '\\' | ' ' | '.' | '[' | '(') | None);
            name.starts_with(['[', '\'', '"'])
                || name.chars().next().is_some_and(char::is_numeric)
                || quoted(before) && quoted(after)
        })
    };
    let mut copies = Vec::new();
    for (path, text) in sources() {
        for (n, line) in code_lines(&text) {
            for name in &names {
                if written_out(line, name) {
                    copies.push(format!("{path}:{}: {name}", n + 1));
                }
            }
        }
    }
    assert!(
        copies.is_empty(),
        "copies of src/facts.json (use the fact instead):\n{}",
        copies.join("\n")
    );
}

/// The stylesheet and the browser tests select the prerendered copy by its id (CSS cannot be
/// given it at build time); they must name the id of the facts.
#[test]
fn the_stylesheet_names_the_prerendered_copy_as_the_facts_do() {
    let css = fs::read_to_string("style/main.css").unwrap();
    let ids: Vec<&str> = css
        .match_indices("#pre")
        .map(|(i, _)| {
            css[i + 1..]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .next()
                .unwrap_or("")
        })
        .collect();
    assert!(
        !ids.is_empty(),
        "the stylesheet no longer hides the app while the static copy shows"
    );
    assert!(
        ids.iter().all(|id| *id == facts::PRERENDERED_ID),
        "{ids:?} ≠ {}",
        facts::PRERENDERED_ID
    );
}

#[test]
fn the_settings_types_have_the_values_of_the_facts() {
    fn names(all: &[&'static str]) -> Vec<&'static str> {
        all.to_vec()
    }
    assert_eq!(
        Theme::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        names(&facts::SETTINGS_THEME)
    );
    assert_eq!(
        Font::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        names(&facts::SETTINGS_FONT)
    );
    assert_eq!(
        Width::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        names(&facts::SETTINGS_WIDTH)
    );
    assert_eq!(
        Leading::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        names(&facts::SETTINGS_LEADING)
    );
    assert_eq!(SIZE_STEPS, facts::TEXT_SIZES);
}

/// The id rule as the JavaScript builds it from the facts (`^[a-z0-9-]{1,128}$`), checked
/// without a regex engine: every character in the class, and the length in range.
fn id_rule_of_the_facts(id: &str) -> bool {
    let class = facts::ID_CHARS.as_bytes();
    let mut allowed = Vec::new();
    let mut i = 0;
    while i < class.len() {
        if i + 2 < class.len() && class[i + 1] == b'-' {
            allowed.extend(class[i]..=class[i + 2]);
            i += 3;
        } else {
            allowed.push(class[i]);
            i += 1;
        }
    }
    (1..=facts::ID_MAX_LEN).contains(&id.chars().count()) && id.bytes().all(|b| allowed.contains(&b))
}

proptest! {
    #[test]
    fn the_validator_and_the_scripts_agree_on_ids(id in "[a-z0-9-]{1,140}|[ -~]{0,20}|\\PC{0,10}") {
        prop_assert_eq!(is_valid_id(&id), id_rule_of_the_facts(&id), "{:?}", id);
    }
}
