//! The hostile corpus (tests/hostile/docs/, made by tests/hostile/corpus.mjs) through the parser,
//! validator and a server-side render of the article: every document gets the outcome its file
//! name announces, nothing panics, and what is rendered carries no markup from the document,
//! no event handler and no URL with a scheme other than http, https or mailto.
//! The browser test (tests/browser/hostile.test.mjs) runs the same corpus in Chromium.

use std::{fs, path::Path};

use article_reader::components::ArticleView;
use article_reader::model::{
    json::MAX_DOCUMENT_BYTES, parse_article_bytes, validate::MAX_PROBLEMS, Article, LoadError,
};
use leptos::prelude::*;

const BASE: &str = "https://feeds.example/hostile/doc.json";
const DIR: &str = "https://reader.example/articles/";

fn render(article: Article) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let open = RwSignal::new(true);
        view! { <ArticleView article json_url=BASE.to_string() articles_dir=DIR.to_string() card_open=open/> }.to_html()
    })
}

/// The tags of server-rendered HTML: (name, [(attribute, value)]). Text is escaped by the
/// renderer (`<` becomes `&lt;`), so every literal `<` opens a real tag.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '/' || *c == '!')
            .collect();
        rest = &rest[name.len()..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.is_empty() || rest.starts_with('>') || rest.starts_with("/>") {
                break;
            }
            let attr: String = rest
                .chars()
                .take_while(|c| !c.is_ascii_whitespace() && *c != '=' && *c != '>')
                .collect();
            rest = &rest[attr.len()..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix("=\"") {
                let end = after.find('"').expect("attribute value closes");
                value = after[..end].to_string();
                rest = &after[end + 1..];
            } else if let Some(after) = rest.strip_prefix('=') {
                let end = after
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(after.len());
                value = after[..end].to_string();
                rest = &after[end..];
            }
            if attr.is_empty() {
                rest = &rest[1.min(rest.len())..];
                continue;
            }
            attrs.push((attr.to_ascii_lowercase(), value));
        }
        out.push((name.to_ascii_lowercase(), attrs));
    }
    out
}

fn assert_safe(name: &str, html: &str) {
    for (tag, attrs) in tags(html) {
        assert!(
            !["script", "iframe", "svg", "object", "embed", "frame", "base", "form", "meta", "link", "style"]
                .contains(&tag.as_str()),
            "{name}: <{tag}> in the rendered HTML"
        );
        for (attr, value) in attrs {
            assert!(
                !attr.starts_with("on"),
                "{name}: event handler attribute {attr} on <{tag}>"
            );
            assert!(attr != "srcdoc" && attr != "formaction", "{name}: {attr} on <{tag}>");
            if ["href", "src", "action", "poster", "srcset"].contains(&attr.as_str()) {
                let l = value.to_ascii_lowercase();
                assert!(
                    l.starts_with("https://")
                        || l.starts_with("http://")
                        || l.starts_with("mailto:")
                        || l.starts_with('/')
                        || l.starts_with('#'),
                    "{name}: unsafe URL in <{tag} {attr}>: {value}"
                );
            }
        }
    }
}

fn check(name: &str, bytes: &[u8]) {
    let expect = name.split("--").next().unwrap();
    let result = parse_article_bytes(bytes, BASE);
    match (expect, result) {
        ("render", Ok(article)) => assert_safe(name, &render(article)),
        ("render", Err(e)) => panic!("{name}: should render, got {e:?}"),
        (kind, Ok(_)) => panic!("{name}: should fail with {kind}, was accepted"),
        (kind, Err(e)) => {
            assert_eq!(e.kind(), kind, "{name}: {e:?}");
            // The reader gets specific words: a title, a message, and for invalid documents
            // the problems with their paths, never too many to read.
            assert!(!e.title().is_empty() && !e.message().is_empty());
            if let LoadError::Invalid { problems } = &e {
                assert!(!problems.is_empty() && problems.len() <= MAX_PROBLEMS + 1, "{name}");
                assert!(problems.iter().all(|p| !p.path.is_empty() && !p.message.is_empty()));
            }
            if let LoadError::NotJson { detail } = &e {
                assert!(!detail.is_empty(), "{name}");
            }
        }
    }
}

#[test]
fn every_stored_document_gets_its_announced_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/docs");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .expect("tests/hostile/docs exists (node tests/hostile/corpus.mjs)")
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 40, "the corpus has {} documents", names.len());
    for path in names {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        check(&name, &fs::read(&path).unwrap());
    }
}

#[test]
fn large_documents_are_refused_with_their_own_words() {
    let doc = |body: String| format!(r#"{{"id": "big", "headline": "Big", "body": {body}}}"#);
    let blocks = format!(
        "[{}]",
        vec![r#"{"type": "paragraph", "text": "Block."}"#; 100_000].join(",")
    );
    check("invalid--body-100k-blocks", doc(blocks).as_bytes());
    let long = format!(r#"[{{"type": "paragraph", "text": "{}"}}]"#, "x".repeat(200_000));
    check("invalid--paragraph-200k-characters", doc(long).as_bytes());
    let many = format!("[{}]", vec![r#"{"type": "nope"}"#; 5_000].join(","));
    let bytes = doc(many);
    check("invalid--many-problems", bytes.as_bytes());
    let Err(LoadError::Invalid { problems }) = parse_article_bytes(bytes.as_bytes(), BASE) else {
        panic!("invalid");
    };
    assert_eq!(
        problems.last().unwrap().message,
        format!("{} more problems not listed", 5_000 - MAX_PROBLEMS)
    );
    let huge = doc(format!(
        r#"[{{"type": "paragraph", "text": "{}"}}]"#,
        "d".repeat(MAX_DOCUMENT_BYTES)
    ));
    check("too-large--six-megabytes", huge.as_bytes());
}
