//! Every word the interface shows comes from the catalogues (`src/catalogs/*.json`, read through `src/model/i18n.rs`), so that it
//! exists in every language and follows the interface language. This check fails on a string
//! literal with letters written as text inside a `view!` (an attribute's value, such as a class
//! name, is not text), and on a template filled by hand with `fill` outside the catalogue
//! module instead of through its typed accessor. Exceptions are listed in `ALLOWED`, each with
//! its reason.

use std::fs;
use std::path::Path;

/// (file, literal): text that is not a word of any language.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "src/components/settings.rs",
        "Aa",
        "a typographic sample; the button's name is the catalogue's (aria-label)",
    ),
    // The settings button's label is the typographic sample "Aa"; its name for assistive
    // technology comes from the catalogue (aria-label).
    (
        "src/components/settings.rs",
        "A−",
        "a glyph hidden from assistive technology; the button's name is the catalogue's",
    ),
    (
        "src/components/settings.rs",
        "A+",
        "a glyph hidden from assistive technology; the button's name is the catalogue's",
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_string_lossy().to_string());
        }
    }
}

/// The bodies of the `view!` macros in `text`.
fn views(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("view! {") {
        let start = from + at + "view! {".len();
        let (mut depth, mut end, mut in_str, mut prev) = (1, start, false, ' ');
        for (i, c) in text[start..].char_indices() {
            match c {
                '"' if prev != '\\' => in_str = !in_str,
                '{' if !in_str => depth += 1,
                '}' if !in_str => {
                    depth -= 1;
                    if depth == 0 {
                        end = start + i;
                        break;
                    }
                }
                _ => {}
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        out.push(&text[start..end]);
        from = end.max(start);
    }
    out
}

/// String literals written as text in a view body: at the markup level (outside any `{…}`
/// Rust expression) and not an attribute's value (`name="…"`).
fn text_literals(view: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = view.as_bytes();
    let (mut i, mut depth) = (0, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && !(bytes[j] == b'"' && bytes[j - 1] != b'\\') {
                    j += 1;
                }
                let literal = &view[i + 1..j.min(view.len())];
                // An attribute's value, or an argument (`href=format!("…")`, `path!("…")`).
                let attribute = view[..i].trim_end().ends_with(['=', '(', ',']);
                if depth == 0 && !attribute && literal.chars().any(char::is_alphabetic) {
                    out.push(literal.to_string());
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[test]
fn views_take_their_words_from_the_catalogues() {
    let mut files = Vec::new();
    for dir in ["src/components", "src/pages", "src/contexts"] {
        rust_files(Path::new(dir), &mut files);
    }
    files.push("src/app.rs".into());
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for view in views(&text) {
            for literal in text_literals(view) {
                if !ALLOWED.iter().any(|(f, l, _)| f == file && *l == literal) {
                    found.push(format!("{file}: \"{literal}\""));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "words written into views (put them in the catalogues):\n{}",
        found.join("\n")
    );
}

#[test]
fn templates_are_filled_through_their_accessors() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let by_hand: Vec<String> = files
        .iter()
        .filter(|f| !f.ends_with("model/i18n.rs"))
        .flat_map(|f| {
            let text = fs::read_to_string(f).unwrap();
            text.lines()
                .enumerate()
                .filter(|(_, l)| l.contains("fill(") && !l.trim_start().starts_with("//"))
                .map(|(n, l)| format!("{f}:{}: {}", n + 1, l.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        by_hand.is_empty(),
        "templates filled by hand (use the catalogue's accessor):\n{}",
        by_hand.join("\n")
    );
}

#[test]
fn the_check_finds_a_word_in_a_view() {
    let sample = r#"view! { <p class="note">"Updated since you saved it"</p> <span>{move || t().listen}</span> }"#;
    assert_eq!(
        text_literals(views(sample)[0]),
        vec!["Updated since you saved it".to_string()]
    );
}
