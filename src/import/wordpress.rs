//! A WordPress REST API post (`/wp-json/wp/v2/posts/{id}`, best with `?_embed` so that its
//! author, featured image and terms come with it), or an array of them (`/wp/v2/posts`).

use dom_query::Document;
use serde_json::Value;

use super::{html::to_blocks, meta::image_of, timestamp, Draft, Report};
use crate::model::{url::LINK_SCHEMES, Author};

/// True when `v` looks like a post of the REST API: `content.rendered` and `title.rendered`.
pub fn is_post(v: &Value) -> bool {
    v.pointer("/content/rendered").is_some_and(Value::is_string) && v.pointer("/title/rendered").is_some()
}

fn text_of(html: &str) -> String {
    Document::fragment(html)
        .root()
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads one post.
pub fn read(post: &Value) -> Draft {
    let mut report = Report::default();
    let s = |p: &str| {
        post.pointer(p)
            .and_then(Value::as_str)
            .map(str::to_string)
            .filter(|s| !s.trim().is_empty())
    };
    let link = s("/link").and_then(|l| super::absolute(&l, None, crate::model::url::FETCH_SCHEMES));
    let body = to_blocks(
        &s("/content/rendered").unwrap_or_default(),
        link.as_deref(),
        &mut report,
    );
    let embedded = post.get("_embedded");
    if embedded.is_none() {
        report
            .notes
            .push("no _embedded data (fetch the post with ?_embed for its author, image and categories)".into());
    }
    let authors = embedded
        .and_then(|e| e.get("author"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| {
                    let name = p.get("name").and_then(Value::as_str)?.trim().to_string();
                    (!name.is_empty()).then(|| Author {
                        name,
                        url: p
                            .get("link")
                            .and_then(Value::as_str)
                            .and_then(|u| super::absolute(u, None, LINK_SCHEMES)),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let image = embedded.and_then(|e| e.pointer("/wp:featuredmedia/0")).and_then(|m| {
        let mut img = image_of(
            Some(&serde_json::json!({ "url": m.get("source_url") })),
            link.as_deref(),
        )?;
        img.alt = m
            .get("alt_text")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_string();
        img.width = m
            .pointer("/media_details/width")
            .and_then(Value::as_u64)
            .filter(|w| (1..=20_000).contains(w))
            .map(|w| w as u32);
        img.height = m
            .pointer("/media_details/height")
            .and_then(Value::as_u64)
            .filter(|h| (1..=20_000).contains(h))
            .map(|h| h as u32);
        img.caption = m
            .pointer("/caption/rendered")
            .and_then(Value::as_str)
            .map(text_of)
            .filter(|c| !c.is_empty());
        Some(img)
    });
    let terms = |taxonomy: &str| -> Vec<String> {
        embedded
            .and_then(|e| e.get("wp:term"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_array)
            .flatten()
            .filter(|t| t.get("taxonomy").and_then(Value::as_str) == Some(taxonomy))
            .filter_map(|t| t.get("name").and_then(Value::as_str).map(text_of))
            .filter(|n| !n.is_empty())
            .collect()
    };
    // date_gmt has no zone: it is UTC. `date` is the site's local time, with no zone either.
    let published = s("/date_gmt")
        .and_then(|d| timestamp(&d))
        .or_else(|| s("/date").and_then(|d| timestamp(&d)));
    let updated = s("/modified_gmt")
        .and_then(|d| timestamp(&d))
        .filter(|u| Some(u) != published.as_ref());
    Draft {
        source: link.clone(),
        headline: s("/title/rendered").map(|t| text_of(&t)).unwrap_or_default(),
        dek: s("/excerpt/rendered").map(|e| text_of(&e)).filter(|e| !e.is_empty()),
        url: link,
        section: terms("category").into_iter().find(|c| c != "Uncategorized"),
        tags: terms("post_tag"),
        language: None,
        dir: None,
        published,
        updated,
        authors,
        publisher: None,
        image,
        body,
        key: s("/guid/rendered").or_else(|| post.get("id").map(|i| format!("wp-{i}"))),
        report,
    }
}
