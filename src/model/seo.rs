//! What a prerendered article page tells crawlers and link previews: meta tags (description,
//! Open Graph, Twitter card, canonical link) and schema.org `NewsArticle` JSON-LD.

use serde_json::{json, Map, Value};

use super::article::Article;

/// A page's title as the browser shows it: the page's own, then the site's name (the site's
/// name alone when the page has none).
///
/// ```
/// use article_reader::model::seo::page_title;
/// assert_eq!(page_title("Latest articles"), format!("Latest articles · {}", article_reader::site::NAME));
/// assert_eq!(page_title(""), article_reader::site::NAME);
/// ```
pub fn page_title(title: &str) -> String {
    let site = crate::site::NAME;
    if title.is_empty() {
        site.to_string()
    } else {
        format!("{title} · {site}")
    }
}

/// One `<meta>` tag: the attribute naming it (`name` or `property`), its name, its content.
pub type MetaTag = (&'static str, &'static str, String);

/// Description, Open Graph and Twitter card tags for `article` shown at `page_url`.
pub fn meta_tags(article: &Article, page_url: &str) -> Vec<MetaTag> {
    let description = article.dek.clone().unwrap_or_else(|| article.headline.clone());
    let mut tags = vec![
        ("name", "description", description.clone()),
        ("property", "og:type", "article".to_string()),
        ("property", "og:title", article.headline.clone()),
        ("property", "og:description", description.clone()),
        ("property", "og:url", canonical_url(article, page_url)),
        ("name", "twitter:title", article.headline.clone()),
        ("name", "twitter:description", description),
    ];
    // The site showing the article (site.json), which may not be the article's publisher.
    tags.push(("property", "og:site_name", crate::site::NAME.to_string()));
    if let Some(handle) = crate::site::TWITTER {
        tags.push(("name", "twitter:site", handle.to_string()));
    }
    let image = article
        .image
        .as_ref()
        .and_then(|i| i.src.clone().map(|src| (src, i.alt.clone())));
    match image {
        Some((src, alt)) => {
            tags.push(("property", "og:image", src.clone()));
            if !alt.is_empty() {
                tags.push(("property", "og:image:alt", alt));
            }
            tags.push(("name", "twitter:card", "summary_large_image".to_string()));
            tags.push(("name", "twitter:image", src));
        }
        None => tags.push(("name", "twitter:card", "summary".to_string())),
    }
    if let Some(p) = &article.published {
        tags.push(("property", "article:published_time", p.to_string()));
    }
    if let Some(u) = &article.updated {
        tags.push(("property", "article:modified_time", u.to_string()));
    }
    if let Some(s) = &article.section {
        tags.push(("property", "article:section", s.clone()));
    }
    tags
}

/// The article's canonical URL, or the page's own.
pub fn canonical_url(article: &Article, page_url: &str) -> String {
    article.url.clone().unwrap_or_else(|| page_url.to_string())
}

/// schema.org `NewsArticle` for the page.
pub fn json_ld(article: &Article, page_url: &str) -> Value {
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!("NewsArticle"));
    ld.insert("headline".into(), json!(article.headline));
    ld.insert("mainEntityOfPage".into(), json!(canonical_url(article, page_url)));
    ld.insert("inLanguage".into(), json!(article.language));
    if let Some(d) = &article.dek {
        ld.insert("description".into(), json!(d));
    }
    if let Some(src) = article.image.as_ref().and_then(|i| i.src.clone()) {
        ld.insert("image".into(), json!([src]));
    }
    if let Some(p) = &article.published {
        ld.insert("datePublished".into(), json!(p));
    }
    if let Some(u) = article.updated.as_ref().or(article.published.as_ref()) {
        ld.insert("dateModified".into(), json!(u));
    }
    if let Some(s) = &article.section {
        ld.insert("articleSection".into(), json!(s));
    }
    if !article.authors.is_empty() {
        let authors: Vec<Value> = article
            .authors
            .iter()
            .map(|a| {
                let mut person = json!({ "@type": "Person", "name": a.name });
                if let Some(url) = &a.url {
                    person["url"] = json!(url);
                }
                person
            })
            .collect();
        ld.insert("author".into(), Value::Array(authors));
    }
    // The article's publisher, or the site's (site.json) when it names none.
    let org = match &article.publisher {
        Some(p) => {
            let mut org = json!({ "@type": "Organization", "name": p.name });
            if let Some(logo) = &p.logo {
                org["logo"] = json!({ "@type": "ImageObject", "url": logo });
            }
            org
        }
        None => {
            let mut org = json!({
                "@type": "Organization",
                "name": crate::site::PUBLISHER_NAME,
                "logo": { "@type": "ImageObject", "url": format!("{}{}", crate::site::PUBLIC_URL, crate::site::LOGO) },
            });
            if let Some(url) = crate::site::PUBLISHER_URL {
                org["url"] = json!(url);
            }
            org
        }
    };
    ld.insert("publisher".into(), org);
    Value::Object(ld)
}

/// JSON text that is safe inside a `<script>` element: `<` is escaped, so neither `</script>`
/// nor `<!--` can appear in it.
pub fn script_safe_json(value: &str) -> String {
    value.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_article;

    fn article() -> Article {
        parse_article(
            r#"{"id":"a","headline":"Bridge </script><script>alert(1)</script>","dek":"Short.",
               "section":"Local","published":"2026-11-20T06:15:00-05:00",
               "authors":[{"name":"Dana"}],"publisher":{"name":"Ledger","logo":"logo.svg"},
               "image":{"src":"hero.svg","alt":"A bridge"},
               "body":[{"type":"paragraph","text":"x"}]}"#,
            "https://n.example/articles/a.json",
        )
        .unwrap()
    }

    #[test]
    fn meta_tags_cover_description_open_graph_and_twitter() {
        let tags = meta_tags(&article(), "https://n.example/articles/a");
        let get = |k: &str| tags.iter().find(|t| t.1 == k).map(|t| t.2.as_str());
        assert_eq!(get("description"), Some("Short."));
        assert_eq!(get("og:type"), Some("article"));
        assert_eq!(get("og:url"), Some("https://n.example/articles/a"));
        assert_eq!(get("og:image"), Some("https://n.example/articles/hero.svg"));
        assert_eq!(get("twitter:card"), Some("summary_large_image"));
        assert_eq!(get("article:section"), Some("Local"));
    }

    #[test]
    fn json_ld_is_a_news_article() {
        let ld = json_ld(&article(), "https://n.example/articles/a");
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["author"][0]["name"], "Dana");
        assert_eq!(ld["publisher"]["logo"]["url"], "https://n.example/articles/logo.svg");
        assert_eq!(ld["dateModified"], "2026-11-20T06:15:00-05:00");
        let text = script_safe_json(&ld.to_string());
        assert!(!text.contains("</script"));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), ld);
    }
}
