//! Native render tests: components rendered to HTML with Leptos' `ssr` feature, no browser.

use article_reader::components::{error_view::ErrorView, ArticleView};
use article_reader::model::{parse_article, LoadError, Problem};
use leptos::prelude::*;

const BASE: &str = "http://127.0.0.1:8080/articles/story.json";
const DIR: &str = "http://127.0.0.1:8080/articles/";

fn full_article_json() -> serde_json::Value {
    serde_json::json!({
        "id": "story",
        "headline": "Bridge Reopens",
        "dek": "Early and under budget.",
        "section": "Local",
        "published": "2026-11-20T06:15:00-05:00",
        "updated": "2026-11-21T08:00:00-05:00",
        "authors": [{ "name": "Dana Okafor" }],
        "image": { "src": "img/hero.svg", "alt": "A bridge", "caption": "The bridge.", "credit": "Ledger", "width": 1200, "height": 675 },
        "takeaways": ["One", "Two", "Three", "Four"],
        "editorial": {
            "label": "Editor's Desk", "title": "Strategic Analysis",
            "body": ["A long analysis that goes on and on about the reasons the bridge reopened early, with many words so that the teaser must be cut somewhere before the end of this sentence."],
            "author": "NewsWeb Editorial", "role": "Strategic Insight"
        },
        "body": [
            { "type": "paragraph", "text": "First paragraph." },
            { "type": "heading", "level": 2, "text": "A heading" },
            { "type": "heading", "level": 3, "text": "A subheading" },
            { "type": "quote", "text": "Quoted.", "cite": "Someone" },
            { "type": "list", "ordered": true, "items": ["a", "b"] },
            { "type": "list", "ordered": false, "items": ["c"] },
            { "type": "image", "src": "img/body.svg", "alt": "Body image", "width": 800, "height": 600 }
        ],
        "related": [
            { "id": "other", "headline": "Other story", "dek": "More.", "published": "2026-11-01T00:00:00Z" }
        ]
    })
}

fn render(json: &serde_json::Value) -> String {
    let article = parse_article(&json.to_string(), BASE).expect("valid article");
    let owner = Owner::new();
    owner
        .with(|| {
            let open = RwSignal::new(false);
            view! { <ArticleView article json_url=BASE.to_string() articles_dir=DIR.to_string() card_open=open/> }
                .to_html()
        })
        .replace("<!>", "")
}

fn position(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found in {html}"))
}

#[test]
fn renders_every_part_in_newsroom_order() {
    let html = render(&full_article_json());
    let order = [
        "class=\"section-label\">Local<",
        "<h1 id=\"article-headline\" class=\"headline\">Bridge Reopens</h1>",
        "class=\"dek\">Early and under budget.<",
        "By Dana Okafor",
        "datetime=\"2026-11-20T06:15:00-05:00\" data-pagefind-meta=\"date[datetime]\" class=\"published\">November 20, 2026</time>",
        "Updated <time datetime=\"2026-11-21T08:00:00-05:00\">November 21, 2026</time>",
        "1 min read",
        "class=\"figure hero\"",
        "Key Takeaways",
        "Editor's Desk",
        "Strategic Analysis",
        "First paragraph.",
        "Share Article",
        "Related Articles",
    ];
    let mut last = 0;
    for needle in order {
        let at = position(&html, needle);
        assert!(at >= last, "{needle:?} is out of order");
        last = at;
    }
    assert_eq!(html.matches("<h1").count(), 1);
}

#[test]
fn hero_reserves_its_aspect_ratio_and_resolves_its_url() {
    let html = render(&full_article_json());
    // The shape comes from the sizer's attributes, never a style attribute (which would need a
    // hash in the site-wide policy for every picture ratio).
    assert!(
        html.contains("<canvas width=\"1200\" height=\"675\" aria-hidden=\"true\" class=\"frame-sizer\">"),
        "{html}"
    );
    assert!(!html.contains("style="), "{html}");
    assert!(html.contains("src=\"http://127.0.0.1:8080/articles/img/hero.svg\""));
    assert!(html.contains("alt=\"A bridge\""));
    assert!(html.contains("<span class=\"caption\">The bridge.</span>"));
    assert!(html.contains("<span class=\"credit\">Ledger</span>"));
}

#[test]
fn takeaways_are_a_numbered_list_with_badges() {
    let html = render(&full_article_json());
    let section = &html[position(&html, "class=\"takeaways\"")..position(&html, "class=\"editorial")];
    assert!(section.contains("<ol>"));
    assert_eq!(section.matches("<li>").count(), 4);
    for n in 1..=4 {
        assert!(section.contains(&format!("<span aria-hidden=\"true\" class=\"badge\">{n}</span>")));
    }
}

#[test]
fn no_takeaways_and_no_editorial_render_nothing() {
    let mut json = full_article_json();
    json.as_object_mut().unwrap().remove("takeaways");
    json.as_object_mut().unwrap().remove("editorial");
    let html = render(&json);
    assert!(!html.contains("Key Takeaways"));
    assert!(!html.contains("editorial"));
}

#[test]
fn editorial_card_starts_collapsed_as_a_native_disclosure() {
    let html = render(&full_article_json());
    // <details> without `open`, so it works, collapsed, before the app runs.
    let details = &html[position(&html, "<details")..];
    let details = &details[..position(details, "</details>")];
    let tag = &details[..position(details, ">")];
    assert!(tag.contains("class=\"editorial-details\""), "{tag}");
    assert!(!tag.contains("open"), "starts collapsed: {tag}");
    let summary = &details[position(details, "<summary")..position(details, "</summary>")];
    for part in [
        "class=\"editorial-toggle\"",
        "class=\"when-closed\">Read the full analysis",
        "class=\"when-open\">Show less",
    ] {
        assert!(summary.contains(part), "{part} in {summary}");
    }
    assert!(details.contains("id=\"editorial-body\""));
    assert!(details.contains("NewsWeb Editorial · Strategic Insight"));
    assert!(html.contains("class=\"editorial-teaser\">A long analysis"));
    assert!(html.contains("…</p>"));
}

#[test]
fn share_links_are_in_the_static_html_and_copy_link_is_hidden() {
    let html = render(&full_article_json());
    let share = &html[position(&html, "<details class=\"share-details\"")..];
    let share = &share[..position(share, "</details>")];
    assert!(share.contains("<summary class=\"share-button\""));
    assert_eq!(share.matches("<a ").count(), 5, "{share}");
    assert!(share.contains("href=\"https://x.com/intent/post?url="));
    assert!(share.contains("href=\"mailto:?subject="));
    // Copying needs code: a native render (the prerender) has the button, for its island to
    // hydrate, but hidden until that code runs.
    let copy = &share[position(share, "copy-link")..];
    let copy = &share[share[..share.len() - copy.len()].rfind('<').unwrap()..];
    let tag = &copy[..copy.find('>').unwrap()];
    assert!(tag.starts_with("<button") && tag.contains(" hidden"), "{tag}");
}

#[test]
fn every_article_has_a_save_toggle() {
    let html = render(&full_article_json());
    let save = &html[position(&html, "class=\"save-control\"")..position(&html, "class=\"figure hero\"")];
    assert!(save.contains("aria-pressed=\"false\""), "{save}");
    assert!(save.contains(">Save for offline</button>"));
    assert!(save.contains("role=\"status\""));
}

#[test]
fn body_blocks_use_the_right_elements() {
    let html = render(&full_article_json());
    for needle in [
        "<p>First paragraph.</p>",
        "<h2>A heading</h2>",
        "<h3>A subheading</h3>",
        "<blockquote><p>Quoted.</p></blockquote>",
        "<cite>Someone</cite>",
        "<ol><li>a</li><li>b</li></ol>",
        "<ul><li>c</li></ul>",
        "class=\"figure body-image\"",
        "loading=\"lazy\"",
    ] {
        position(&html, needle);
    }
}

#[test]
fn related_links_stay_inside_the_reader_and_empty_state_shows() {
    let html = render(&full_article_json());
    assert!(html.contains("<a href=\"/articles/other\">Other story</a>"));
    let mut json = full_article_json();
    json["related"] = serde_json::json!([]);
    assert!(render(&json).contains("No related articles found"));
}

#[test]
fn hostile_text_is_escaped_and_unsafe_links_are_dropped() {
    let mut json = full_article_json();
    json["headline"] = serde_json::json!("<script>alert(1)</script>");
    json["body"][0]["text"] = serde_json::json!([
        { "text": "<img src=x onerror=alert(1)>" },
        { "text": "click", "href": "javascript:alert(1)" },
        { "text": "safe", "href": "https://example.org/" }
    ]);
    json["image"]["src"] = serde_json::json!("javascript:alert(1)");
    let html = render(&json);
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.to_ascii_lowercase().contains("javascript:"));
    assert!(html.contains("<a href=\"https://example.org/\" rel=\"external noopener noreferrer\">safe</a>"));
    assert!(
        html.contains("class=\"img-fallback\""),
        "an image without a safe source shows its fallback"
    );
}

#[test]
fn right_to_left_articles_carry_lang_and_dir() {
    let mut json = full_article_json();
    json["language"] = serde_json::json!("ar");
    let html = render(&json);
    assert!(html.contains("<article lang=\"ar\" dir=\"rtl\""));
    assert!(html.contains("20 نوفمبر 2026"));
}

#[test]
fn error_view_names_every_problem_and_offers_retry() {
    let error = LoadError::Invalid {
        problems: vec![Problem {
            path: "headline".into(),
            message: "missing".into(),
        }],
    };
    let html = Owner::new()
        .with(|| view! { <ErrorView error on_retry=Callback::new(|()| {})/> }.to_html())
        .replace("<!>", "");
    assert!(html.contains("data-error=\"invalid\""));
    assert!(html.contains("<code>headline</code>: missing"));
    assert!(html.contains("Retry"));
    let html = Owner::new().with(|| {
        view! { <ErrorView error=LoadError::BadSource { given: "javascript:x".into() } on_retry=Callback::new(|()| {})/> }.to_html()
    });
    assert!(!html.contains("Retry"), "retrying a bad address cannot help");
}
