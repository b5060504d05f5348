//! The import command's readers on public real-world documents (tests/import/fixtures/, each
//! named with its source and licence in tests/import/fixtures/README.md) and on the mapping
//! table of the README. Run with `cargo test --features import`.
#![cfg(feature = "import")]

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use article_reader::import::{feed, html::to_blocks, meta::Meta, page, wordpress, write, Draft, Report};
use article_reader::model::{parse_article, parse_index_page, Block};
use serde_json::Value;

const FIXTURES: &str = "tests/import/fixtures";

fn fixture(path: &str) -> Vec<u8> {
    fs::read(format!("{FIXTURES}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("import-test-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn kinds(blocks: &[Block]) -> Vec<&'static str> {
    blocks.iter().map(Block::kind).collect()
}

/// Every row of the README's mapping table, in one document.
#[test]
fn the_mapping_table() {
    let html = r#"
      <h1>Title again</h1>
      <p>Plain, <em>em</em>, <i>i</i>, <strong>strong</strong>, <b>b</b>, <a href="/rel">relative</a>,
         <code>code</code><br>and a <span class="x">span</span>.</p>
      loose text between blocks
      <h2>Two</h2><h4>Four</h4>
      <ul><li>one</li><li>two<ol><li>two.a<ul><li>deep<ul><li>deeper<ul><li>deepest</li></ul></li></ul></li></ul></li></ol></li></ul>
      <blockquote><p>Said.</p><cite>Someone</cite></blockquote>
      <aside class="pullquote">Pulled.</aside>
      <figure><img src="a.jpg" alt="A" width="800" height="600"><figcaption>Caption. <span class="credit">Photo: B</span></figcaption></figure>
      <p><img data-src="lazy.jpg" src="data:image/gif;base64,R0lGOD" alt="lazy"></p>
      <pre><code class="language-rust">fn main() {
    println!("hi");
}</code></pre>
      <table><caption>Scores</caption><thead><tr><th>Team</th><th>Points</th></tr></thead>
        <tbody><tr><td>Ashby</td><td>3</td></tr><tr><td colspan="2">Brill withdrew</td></tr><tr><td>Cole</td></tr></tbody></table>
      <hr>
      <iframe src="https://www.youtube-nocookie.com/embed/abc_123?rel=0" title="A talk"></iframe>
      <blockquote class="twitter-tweet"><p>A post.</p>&mdash; Someone <a href="https://twitter.com/someone/status/1">May 1</a></blockquote>
      <figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper">https://vimeo.com/42</div></figure>
      <script>alert(1)</script><form><input></form><video src="v.mp4"></video><custom-widget>kept text</custom-widget>
    "#;
    let mut report = Report::default();
    let blocks = to_blocks(html, Some("https://news.example/2026/story"), &mut report);
    assert_eq!(
        kinds(&blocks),
        [
            "heading",
            "paragraph",
            "paragraph",
            "heading",
            "heading",
            "list",
            "quote",
            "pullquote",
            "image",
            "image",
            "code",
            "table",
            "divider",
            "embed",
            "embed",
            "embed",
            "paragraph"
        ]
    );
    let json = serde_json::to_value(&blocks).unwrap();
    // Inline marks and links, resolved against the base.
    let spans = json[1]["text"].as_array().unwrap();
    assert!(spans.iter().any(|s| s["text"] == "em" && s["em"] == true));
    assert!(spans.iter().any(|s| s["text"] == "b" && s["strong"] == true));
    assert!(spans
        .iter()
        .any(|s| s["text"] == "relative" && s["href"] == "https://news.example/rel"));
    assert_eq!(json[3]["level"], 2);
    assert_eq!(json[4]["level"], 3);
    // Lists nest 4 deep; the fifth level joins its parent's text.
    let l4 = &json[5]["items"][1]["list"]["items"][0]["list"]["items"][0]["list"]["items"][0];
    assert_eq!(
        l4[0]["text"], "deeper deepest",
        "an item without a list is its text: {l4}"
    );
    assert_eq!(json[6]["cite"], "Someone");
    assert_eq!(json[8]["caption"], "Caption.");
    assert_eq!(json[8]["credit"], "Photo: B");
    assert_eq!(json[8]["src"], "https://news.example/2026/a.jpg");
    assert_eq!(json[8]["width"], 800);
    assert_eq!(
        json[9]["src"], "https://news.example/2026/lazy.jpg",
        "lazy images use data-src"
    );
    assert_eq!(json[10]["language"], "rust");
    assert_eq!(
        json[10]["text"], "fn main() {\n    println!(\"hi\");\n}",
        "code keeps its white space"
    );
    assert_eq!(json[11]["caption"], "Scores");
    assert_eq!(
        json[11]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_array().unwrap().len())
            .collect::<Vec<_>>(),
        [2, 2, 2]
    );
    assert_eq!(json[13]["url"], "https://www.youtube.com/watch?v=abc_123");
    assert_eq!(json[13]["title"], "A talk");
    assert_eq!(json[14]["provider"], "X");
    assert_eq!(json[14]["url"], "https://twitter.com/someone/status/1");
    assert_eq!(json[15]["url"], "https://vimeo.com/42");
    assert_eq!(json[16]["text"][0]["text"], "kept text");
    // Nothing lost silently.
    for (what, n) in [("script", 1), ("form", 1), ("video", 1)] {
        assert_eq!(report.unmapped.get(what), Some(&n), "{what}: {:?}", report.unmapped);
    }
    assert_eq!(report.flattened.get("custom-widget"), Some(&1));
    assert!(report.flattened.contains_key("list nested deeper than 4"));
    assert!(report.flattened.keys().any(|k| k.starts_with("table cell spanning")));
}

#[test]
fn unsafe_addresses_never_pass_and_are_counted() {
    let html = r#"<p><a href="javascript:alert(1)">a</a> <a href=" JaVa&#x09;ScRiPt:alert(2)">b</a>
      <a href="data:text/html,<script>alert(3)</script>">c</a> <a href="vbscript:x">d</a>
      <a href="mailto:desk@news.example">e</a></p>
      <img src="javascript:alert(4)" alt="x"><iframe src="javascript:alert(5)"></iframe>
      <iframe srcdoc="<script>alert(6)</script>"></iframe>"#;
    let mut report = Report::default();
    let blocks = to_blocks(html, Some("https://news.example/"), &mut report);
    let json = serde_json::to_string(&blocks).unwrap();
    for bad in ["javascript", "JaVa", "data:", "vbscript", "alert"] {
        assert!(!json.contains(bad), "{bad} got through: {json}");
    }
    assert!(json.contains("mailto:desk@news.example"));
    assert_eq!(report.dropped_urls, 5, "{report:?}");
    assert_eq!(report.unmapped.get("iframe without a safe address"), Some(&2));
    // Without a base, a relative address points nowhere: dropped, the text kept.
    let mut report = Report::default();
    let blocks = to_blocks(r#"<p><a href="/x">text</a></p>"#, None, &mut report);
    assert_eq!(
        serde_json::to_value(&blocks).unwrap()[0]["text"][0],
        serde_json::json!({ "text": "text" })
    );
    assert_eq!(report.dropped_urls, 1);
}

#[test]
fn json_ld_in_every_shape_publishers_emit() {
    let page = |ld: &str| {
        let doc = dom_query::Document::from(format!(
            r#"<html><head><script type="application/ld+json">{ld}</script>
            <meta property="og:title" content="OG title"><meta property="og:image" content="/og.jpg">
            <meta name="author" content="Meta Author"></head></html>"#
        ));
        Meta::read(&doc, Some("https://news.example/a/b"))
    };
    let names = |m: &Meta| m.authors.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
    let m = page(r#"{"@type": "NewsArticle", "headline": "H", "author": "Ann", "image": "/i.jpg"}"#);
    assert_eq!(
        (names(&m), m.image.unwrap().src.unwrap()),
        (vec!["Ann".to_string()], "https://news.example/i.jpg".to_string())
    );
    let m = page(
        r#"{"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": "Bo", "url": "/bo"},
        "image": {"@type": "ImageObject", "url": "https://img.example/1.jpg", "width": "1200", "height": 800, "caption": "Cap"}}"#,
    );
    assert_eq!(names(&m), ["Bo"]);
    assert_eq!(m.authors[0].url.as_deref(), Some("https://news.example/bo"));
    let img = m.image.unwrap();
    assert_eq!(
        (img.width, img.height, img.caption.as_deref()),
        (Some(1200), Some(800), Some("Cap"))
    );
    let m = page(
        r#"{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Site"},
        {"@type": ["NewsArticle"], "headline": "In a graph", "author": [{"name": "Cy"}, "Di", {"@type": "Organization", "name": "Org"}],
         "image": [{"url": "/first.jpg"}, "/second.jpg"], "datePublished": "2024-03-01T08:00:00+01:00",
         "publisher": {"@type": "Organization", "name": "Pub", "logo": {"url": "/logo.png"}}, "keywords": "a, b"}]}"#,
    );
    assert_eq!(m.headline.as_deref(), Some("In a graph"));
    assert_eq!(names(&m), ["Cy", "Di"], "people before organisations");
    assert_eq!(
        m.image.as_ref().unwrap().src.as_deref(),
        Some("https://news.example/first.jpg")
    );
    assert_eq!(m.published.unwrap().as_str(), "2024-03-01T08:00:00+01:00");
    assert_eq!(
        m.publisher.unwrap().logo.as_deref(),
        Some("https://news.example/logo.png")
    );
    assert_eq!(m.tags, ["a", "b"]);
    // No JSON-LD article: Open Graph, then <meta>.
    let m = page(r#"{"@type": "WebSite", "name": "Not an article"}"#);
    assert_eq!(m.headline.as_deref(), Some("OG title"));
    assert_eq!(
        m.image.as_ref().unwrap().src.as_deref(),
        Some("https://news.example/og.jpg")
    );
    assert_eq!(names(&m), ["Meta Author"]);
}

/// Every fixture, into one folder, with the app's validator on each file written.
fn import_all(dir: &Path) -> Vec<(String, Draft)> {
    let mut drafts: Vec<(String, Draft)> = Vec::new();
    for f in [
        "feed-rs/jsonfeed_spec_1.json",
        "feed-rs/jsonfeed_example_1.json",
        "feed-rs/jsonfeed_elastic_1.1.json",
        "feed-rs/rss_2.0_cloudflare.xml",
        "feed-rs/rss_2.0_element_io.xml",
        "feed-rs/atom_example_6.xml",
    ] {
        for d in feed::read(&fixture(f)).unwrap() {
            drafts.push((f.to_string(), d));
        }
    }
    let post: Value = serde_json::from_slice(&fixture("wordpress/post-vaughan.json")).unwrap();
    drafts.push(("wordpress/post-vaughan.json".into(), wordpress::read(&post)));
    for f in [
        "readability/nytimes-1.html",
        "readability/lemonde-1.html",
        "readability/yahoo-4.html",
        "readability/keep-tabular-data.html",
        "readability/embedded-videos.html",
        "newspaper/arabic_article.html",
        "newspaper/japanese_article.html",
        "newspaper/chinese_article.html",
    ] {
        drafts.push((
            f.to_string(),
            page::read(&fixture(f), None).unwrap_or_else(|e| panic!("{f}: {e}")),
        ));
    }
    let only: Vec<Draft> = drafts.iter().map(|(_, d)| d.clone()).collect();
    let (written, refused) = write(dir, &only).unwrap();
    // One JSON Feed item has neither content nor summary: refused, with the validator's words.
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(refused[0].1.iter().any(|p| p.starts_with("body: empty")), "{refused:?}");
    assert_eq!(written.len(), drafts.len() - 1);
    for w in &written {
        let text = fs::read_to_string(&w.path).unwrap();
        parse_article(&text, "https://news.example/articles/x.json").unwrap_or_else(|e| panic!("{}: {e:?}", w.path));
    }
    drafts
}

#[test]
fn real_documents_import_and_the_app_accepts_them() {
    let dir = temp("real");
    let drafts = import_all(&dir);
    let by = |f: &str| drafts.iter().find(|(n, _)| n == f).map(|(_, d)| d).unwrap();
    // Arabic (CNN Arabic): right to left, from <html lang="ar">.
    let ar = by("newspaper/arabic_article.html");
    assert_eq!(
        (ar.language.as_deref(), ar.headline.as_str()),
        (Some("ar"), "معارضون يسيطرون على مخازن للصواريخ بريف دمشق")
    );
    let (article, _) = article_reader::import::finish(ar, "ar-test").unwrap();
    assert_eq!(article.dir, article_reader::model::Dir::Rtl);
    assert!(article.body.len() >= 5, "{}", article.body.len());
    // Japanese (Nikkei; JSON-LD NewsArticle) and Chinese.
    let ja = by("newspaper/japanese_article.html");
    assert_eq!(ja.language.as_deref(), Some("ja"));
    assert!(ja.headline.contains("米朝首脳"), "{}", ja.headline);
    assert!(!ja.body.is_empty());
    let zh = by("newspaper/chinese_article.html");
    assert!(
        zh.language.as_deref().is_some_and(|l| l.starts_with("zh")),
        "{:?}",
        zh.language
    );
    assert!(zh.body.len() >= 3);
    let yahoo = by("readability/yahoo-4.html");
    assert_eq!(yahoo.language.as_deref(), Some("ja"));
    // French (Le Monde) and the New York Times (an author, an image with its caption).
    assert_eq!(by("readability/lemonde-1.html").language.as_deref(), Some("fr"));
    let nyt = by("readability/nytimes-1.html");
    assert_eq!(nyt.headline, "United States to Lift Sudan Sanctions");
    assert_eq!(
        nyt.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["Jeffrey Gettleman"]
    );
    assert!(nyt
        .body
        .iter()
        .any(|b| matches!(b, Block::Image(i) if i.caption.is_some())));
    // Readability's tables page keeps its table; its videos page gives link cards.
    assert!(by("readability/keep-tabular-data.html")
        .body
        .iter()
        .any(|b| matches!(b, Block::Table(_))));
    let videos = by("readability/embedded-videos.html");
    assert!(
        kinds(&videos.body).iter().filter(|k| **k == "embed").count() >= 4,
        "{:?}",
        kinds(&videos.body)
    );
    // Feeds: the JSON Feed spec's example, Cloudflare's blog (code and lists in the HTML).
    assert_eq!(by("feed-rs/jsonfeed_spec_1.json").headline, "Announcing JSON Feed");
    let cf = by("feed-rs/rss_2.0_cloudflare.xml");
    assert!(
        kinds(&cf.body).contains(&"code") && kinds(&cf.body).contains(&"list"),
        "{:?}",
        kinds(&cf.body)
    );
    assert!(cf.published.is_some() && !cf.authors.is_empty());
    // WordPress: every 1.1 block from Gutenberg's markup.
    let wp = by("wordpress/post-vaughan.json");
    assert_eq!(
        kinds(&wp.body),
        [
            "paragraph",
            "list",
            "list",
            "quote",
            "table",
            "pullquote",
            "divider",
            "code",
            "image",
            "embed"
        ]
    );
    assert_eq!(
        (wp.section.as_deref(), wp.tags.clone()),
        (Some("Releases"), vec!["jazz".to_string(), "4.7".to_string()])
    );
    assert_eq!(wp.published.as_ref().unwrap().as_str(), "2016-12-06T19:30:00Z");
    assert_eq!(wp.report.unmapped.keys().collect::<Vec<_>>(), ["form", "script"]);
    assert_eq!(wp.report.dropped_urls, 1, "the javascript: link");
    // The index lists every article written, newest first, and the app reads it.
    let index = parse_index_page(
        &fs::read_to_string(dir.join("index.json")).unwrap(),
        "https://news.example/articles/index.json",
    )
    .unwrap();
    assert_eq!(index.articles.len(), drafts.len() - 1);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let (a, b) = (temp("same-a"), temp("same-b"));
    import_all(&a);
    import_all(&b);
    let mut names: Vec<_> = fs::read_dir(&a).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert!(names.len() > 15);
    for name in names {
        assert_eq!(
            fs::read(a.join(&name)).unwrap(),
            fs::read(b.join(&name)).unwrap(),
            "{name:?} differs"
        );
    }
    let _ = fs::remove_dir_all(&a);
    let _ = fs::remove_dir_all(&b);
}

#[test]
fn an_existing_index_keeps_its_entries_and_a_reimport_replaces_its_own() {
    let dir = temp("index");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("index.json"), r#"{"articles": [{"id": "older", "headline": "Older", "published": "2001-01-01T00:00:00Z"}, {"id": "newer", "headline": "Newer", "published": "2099-01-01T00:00:00Z"}], "next": "index-2.json"}"#).unwrap();
    let post: Value = serde_json::from_slice(&fixture("wordpress/post-vaughan.json")).unwrap();
    write(&dir, &[wordpress::read(&post)]).unwrap();
    write(&dir, &[wordpress::read(&post)]).unwrap();
    let index: Value = serde_json::from_str(&fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let ids: Vec<&str> = index["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["newer", "vaughan", "older"]);
    assert_eq!(index["next"], "index-2.json");
    let _ = fs::remove_dir_all(&dir);
}

/// The command itself: kinds found, the report printed, a refused item named, exit status.
#[test]
fn the_command_reports_and_exits_non_zero_when_an_article_is_refused() {
    let dir = temp("command");
    let bin = env!("CARGO_BIN_EXE_import");
    let out = Command::new(bin)
        .args(["--out", dir.to_str().unwrap()])
        .arg(format!("{FIXTURES}/wordpress/post-vaughan.json"))
        .arg(format!("{FIXTURES}/feed-rs/jsonfeed_elastic_1.1.json"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("WordPress post, 1 article"), "{stdout}");
    assert!(stdout.contains("JSON Feed, 3 articles"), "{stdout}");
    assert!(stdout.contains("not mapped: form ×1, script ×1"), "{stdout}");
    assert!(
        stdout.contains("not written: https://example.com/: the app would refuse it: body: empty"),
        "{stdout}"
    );
    let bad = Command::new(bin)
        .args(["--out", dir.to_str().unwrap(), "Cargo.toml"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    // Readability's "ol" page has no title at all: named, not written.
    let untitled = Command::new(bin)
        .args(["--out", dir.to_str().unwrap()])
        .arg(format!("{FIXTURES}/readability/ol.html"))
        .output()
        .unwrap();
    assert_eq!(untitled.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&untitled.stderr).contains("ol.html: the page has no title"));
    let none = Command::new(bin).output().unwrap();
    assert_eq!(none.status.code(), Some(2));
    let _ = fs::remove_dir_all(&dir);
}
