//! An article's oEmbed response (`oembed/{id}.json`, type `rich`): the embed's markup, which
//! loads `embed.js`, with an `<iframe>` for pages that run no script. Article pages point to it
//! with `<link rel="alternate" type="application/json+oembed">`.

use super::escape;
use crate::model::Article;
use serde_json::json;

/// The embed's advertised size; `embed.js` then follows the real height.
pub const WIDTH: u32 = 600;
pub const HEIGHT: u32 = 900;

/// The response for `article` (its URLs resolved against the public address), on a site named
/// `provider` whose reader lives at `base` (absolute, no closing `/`).
///
/// ```
/// use article_reader::model::parse_article;
/// use article_reader::publish::oembed::response;
/// let a = parse_article(
///     r#"{"id":"a","headline":"Rates & <b>","language":"en","body":[{"type":"paragraph","text":"x"}]}"#,
///     "https://n.example/articles/a.json",
/// ).unwrap();
/// let r: serde_json::Value = serde_json::from_str(&response(&a, "News", "https://n.example")).unwrap();
/// assert_eq!(r["type"], "rich");
/// assert!(r["html"].as_str().unwrap().contains(">Rates &#38; &#60;b&#62;</a>"));
/// ```
pub fn response(article: &Article, provider: &str, base: &str) -> String {
    // oEmbed consumers paste `html` into pages: numeric references, which every parser reads.
    let esc = |s: &str| -> String {
        escape(s)
            .replace("&amp;", "&#38;")
            .replace("&lt;", "&#60;")
            .replace("&gt;", "&#62;")
            .replace("&quot;", "&#34;")
    };
    let id = &article.id;
    let page = format!("{base}/articles/{id}");
    let embed = format!("{base}/embed/{id}");
    let mut r = json!({
        "version": "1.0",
        "type": "rich",
        "title": article.headline,
        "provider_name": provider,
        "provider_url": format!("{base}/"),
        "html": format!(
            "<div data-article-embed=\"{}\"><a href=\"{}\">{}</a></div><script async src=\"{}\"></script><noscript><iframe src=\"{}\" title=\"Article: {}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" loading=\"lazy\" style=\"border:0;width:100%\"></iframe></noscript>",
            esc(id), esc(&page), esc(&article.headline), esc(&format!("{base}/embed.js")), esc(&embed), esc(&article.headline)
        ),
        "width": WIDTH,
        "height": HEIGHT,
        "cache_age": 86400,
    });
    let authors: Vec<&str> = article
        .authors
        .iter()
        .map(|a| a.name.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    if !authors.is_empty() {
        r["author_name"] = json!(authors.join(", "));
    }
    if let Some(image) = &article.image {
        if let (Some(src), Some(w), Some(h)) = (&image.src, image.width, image.height) {
            if src.starts_with("https://") || src.starts_with("http://") {
                r["thumbnail_url"] = json!(src);
                r["thumbnail_width"] = json!(w);
                r["thumbnail_height"] = json!(h);
            }
        }
    }
    serde_json::to_string_pretty(&r).expect("oEmbed serialises") + "\n"
}
