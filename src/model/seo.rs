//! What a page's `<head>` says about it: the title, and for an article the description, the
//! canonical link and oEmbed discovery, plus for crawlers and link previews (a prerendered page)
//! Open Graph, the Twitter card and schema.org `NewsArticle` JSON-LD. One list of
//! [`HeadTag`]s, which the prerender writes as HTML and the app renders with `leptos_meta`.

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

/// One tag of a page's `<head>`, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum HeadTag {
    /// `<meta {attr}="{name}" content="{content}">`; `attr` is `name` or `property`.
    Meta {
        attr: &'static str,
        name: &'static str,
        content: String,
    },
    /// `<link rel="{rel}" href="{href}">`.
    Link { rel: &'static str, href: String },
    /// `<link rel="alternate" type="{type_}" href="{href}" title="{title}">`.
    Alternate {
        type_: &'static str,
        href: String,
        title: Option<String>,
    },
}

/// The `<meta name="description">` of a page.
pub fn description(text: &str) -> HeadTag {
    HeadTag::Meta {
        attr: "name",
        name: "description",
        content: text.to_string(),
    }
}

/// The head tags of `article` shown at `page_url` for the reader: its description, its
/// canonical address ([`canonical_url`]) and, for a bundled article, oEmbed discovery (`oembed`,
/// its response's address). The app renders these; the prerender writes
/// [`crawler_head`], these and what crawlers read.
///
/// ```
/// use article_reader::model::{parse_article, seo::{article_head, HeadTag}};
/// let a = parse_article(r#"{"id":"a","headline":"H","dek":"D","body":[{"type":"paragraph","text":"x"}]}"#,
///     "https://news.example/articles/a.json").unwrap();
/// let page = "https://news.example/articles/a";
/// assert_eq!(article_head(&a, page, None), [
///     HeadTag::Meta { attr: "name", name: "description", content: "D".into() },
///     HeadTag::Link { rel: "canonical", href: page.into() },
/// ]);
/// ```
pub fn article_head(article: &Article, page_url: &str, oembed: Option<String>) -> Vec<HeadTag> {
    let mut tags = vec![description(article.dek.as_deref().unwrap_or(&article.headline))];
    tags.extend(links(article, page_url, oembed));
    tags
}

/// [`article_head`] with Open Graph and the Twitter card, for crawlers and link previews (a
/// prerendered page; its JSON-LD is [`json_ld`]).
pub fn crawler_head(article: &Article, page_url: &str, oembed: Option<String>) -> Vec<HeadTag> {
    let mut tags: Vec<HeadTag> = meta_tags(article, page_url)
        .into_iter()
        .map(|(attr, name, content)| HeadTag::Meta { attr, name, content })
        .collect();
    tags.extend(links(article, page_url, oembed));
    tags
}

fn links(article: &Article, page_url: &str, oembed: Option<String>) -> impl Iterator<Item = HeadTag> {
    let canonical = HeadTag::Link {
        rel: "canonical",
        href: canonical_url(article, page_url),
    };
    let oembed = oembed.map(|href| HeadTag::Alternate {
        type_: "application/json+oembed",
        href,
        title: Some(article.headline.clone()),
    });
    std::iter::once(canonical).chain(oembed)
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
