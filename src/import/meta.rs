//! A page's metadata, most specific first: schema.org `NewsArticle` (or any
//! `*Article`, `BlogPosting`, `Report`) JSON-LD first, then Open Graph (`og:`, `article:`),
//! then plain `<meta>` and `<html lang dir>`. Every shape publishers emit is read: `author` as a
//! string, an object or an array of either; `image` as a string, an `ImageObject` or an array;
//! `@graph` documents; `publisher.logo` as a string or an object.
//!
//! ```
//! use article_reader::import::meta::Meta;
//! let doc = dom_query::Document::from(r#"<html lang="fr"><head>
//!   <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Le pont rouvre",
//!     "author": [{"@type": "Person", "name": "Ana"}, "Ben"], "image": {"url": "/a.jpg", "width": 800}}</script>
//!   <meta property="og:title" content="Ignored: JSON-LD came first">
//! </head></html>"#);
//! let m = Meta::read(&doc, Some("https://news.example/p"));
//! assert_eq!(m.headline.as_deref(), Some("Le pont rouvre"));
//! assert_eq!(m.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Ana", "Ben"]);
//! assert_eq!(m.image.unwrap().src.as_deref(), Some("https://news.example/a.jpg"));
//! assert_eq!(m.language.as_deref(), Some("fr"));
//! ```

use dom_query::Document;
use serde_json::Value;

use super::{absolute, timestamp};
use crate::model::{
    date::DateTime,
    url::{FETCH_SCHEMES, LINK_SCHEMES},
    Author, Image, Publisher,
};

/// What the page says about itself.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub headline: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub image: Option<Image>,
    pub authors: Vec<Author>,
    pub published: Option<DateTime>,
    pub updated: Option<DateTime>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub publisher: Option<Publisher>,
    pub language: Option<String>,
    pub dir: Option<String>,
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// A JSON-LD value that may be a string, an object with `name`/`url`/`@id`, or an array.
fn strings(v: Option<&Value>, key: &str) -> Vec<String> {
    match v {
        Some(Value::String(s)) => clean(s).into_iter().collect(),
        Some(Value::Array(a)) => a.iter().flat_map(|x| strings(Some(x), key)).collect(),
        Some(Value::Object(o)) => o.get(key).and_then(Value::as_str).and_then(clean).into_iter().collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(v: &Value) -> bool {
    let matches = |t: &str| {
        let t = t.rsplit('/').next().unwrap_or(t);
        t.ends_with("Article")
            || t == "BlogPosting"
            || t == "Report"
            || t == "LiveBlogPosting"
            || t == "SocialMediaPosting"
    };
    match v.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

/// The first article object in a JSON-LD document (top level, in an array, or in `@graph`).
fn find_article(v: &Value) -> Option<&Value> {
    if is_article_type(v) {
        return Some(v);
    }
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(o) => o.get("@graph").and_then(find_article),
        _ => None,
    }
}

impl Meta {
    /// Reads the metadata of a parsed page; `base` resolves relative addresses.
    pub fn read(doc: &Document, base: Option<&str>) -> Meta {
        let mut m = Meta::default();
        // 1. JSON-LD.
        for script in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
            let text = script.text();
            let text = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
            let Ok(v) = serde_json::from_str::<Value>(text) else {
                continue;
            };
            if let Some(a) = find_article(&v) {
                m.read_json_ld(a, base);
                break;
            }
        }
        // 2. Open Graph and article:*, then 3. plain <meta>, each filling only what is missing.
        let meta = |key: &str| -> Option<String> {
            doc.select(&format!(r#"meta[property="{key}"], meta[name="{key}"]"#))
                .nodes()
                .iter()
                .find_map(|n| n.attr("content").and_then(|c| clean(&c)))
        };
        let metas = |key: &str| -> Vec<String> {
            doc.select(&format!(r#"meta[property="{key}"], meta[name="{key}"]"#))
                .nodes()
                .iter()
                .filter_map(|n| n.attr("content").and_then(|c| clean(&c)))
                .collect()
        };
        m.headline = m
            .headline
            .or_else(|| meta("og:title"))
            .or_else(|| meta("twitter:title"));
        m.description = m
            .description
            .or_else(|| meta("og:description"))
            .or_else(|| meta("description"))
            .or_else(|| meta("twitter:description"));
        m.url = m
            .url
            .or_else(|| meta("og:url").and_then(|u| absolute(&u, base, FETCH_SCHEMES)))
            .or_else(|| {
                doc.select(r#"link[rel="canonical"]"#)
                    .nodes()
                    .first()
                    .and_then(|l| l.attr("href"))
                    .and_then(|h| absolute(&h, base, FETCH_SCHEMES))
            });
        if m.image.is_none() {
            if let Some(src) = meta("og:image")
                .or_else(|| meta("og:image:url"))
                .or_else(|| meta("twitter:image"))
                .and_then(|u| absolute(&u, base, FETCH_SCHEMES))
            {
                let dim = |k: &str| {
                    meta(k)
                        .and_then(|v| v.parse::<u32>().ok())
                        .filter(|v| (1..=20_000).contains(v))
                };
                m.image = Some(Image {
                    src: Some(src),
                    alt: meta("og:image:alt")
                        .or_else(|| meta("twitter:image:alt"))
                        .unwrap_or_default(),
                    caption: None,
                    credit: None,
                    width: dim("og:image:width"),
                    height: dim("og:image:height"),
                    srcset: Vec::new(),
                });
            }
        }
        if m.authors.is_empty() {
            // article:author is often the author's page, not a name.
            let names: Vec<String> = metas("article:author")
                .into_iter()
                .chain(metas("author"))
                .filter(|a| !a.contains("://"))
                .collect();
            m.authors = names.into_iter().map(|name| Author { name, url: None }).collect();
        }
        m.published = m
            .published
            .or_else(|| meta("article:published_time").and_then(|d| timestamp(&d)))
            .or_else(|| meta("date").and_then(|d| timestamp(&d)));
        m.updated = m
            .updated
            .or_else(|| meta("article:modified_time").and_then(|d| timestamp(&d)));
        m.section = m.section.or_else(|| meta("article:section"));
        if m.tags.is_empty() {
            m.tags = metas("article:tag");
        }
        if m.publisher.is_none() {
            m.publisher = meta("og:site_name").map(|name| Publisher {
                name,
                url: None,
                logo: None,
            });
        }
        let html = doc.select("html");
        let locale = meta("og:locale").map(|l| l.replace('_', "-"));
        m.language = m
            .language
            .or_else(|| html.attr("lang").and_then(|l| clean(&l)))
            .or(locale)
            .or_else(|| meta("language"));
        m.dir = html
            .attr("dir")
            .map(|d| d.trim().to_ascii_lowercase())
            .filter(|d| d == "rtl" || d == "ltr");
        m
    }

    fn read_json_ld(&mut self, a: &Value, base: Option<&str>) {
        let s = |k: &str| a.get(k).and_then(Value::as_str).and_then(clean);
        self.headline = s("headline").or_else(|| s("name"));
        self.description = s("description").or_else(|| s("abstract"));
        self.url = s("url")
            .or_else(|| strings(a.get("mainEntityOfPage"), "@id").into_iter().next())
            .and_then(|u| absolute(&u, base, FETCH_SCHEMES));
        self.image = image_of(a.get("image"), base);
        self.authors = authors_of(a.get("author"), base);
        self.published = s("datePublished").and_then(|d| timestamp(&d));
        self.updated = s("dateModified").and_then(|d| timestamp(&d));
        self.section = strings(a.get("articleSection"), "name").into_iter().next();
        self.tags = match a.get("keywords") {
            Some(Value::String(k)) => k.split(',').filter_map(clean).collect(),
            other => strings(other, "name"),
        };
        self.language = strings(a.get("inLanguage"), "alternateName").into_iter().next();
        self.publisher = a.get("publisher").and_then(|p| {
            let name = strings(Some(p), "name").into_iter().next()?;
            let url = p
                .get("url")
                .and_then(Value::as_str)
                .and_then(|u| absolute(u, base, LINK_SCHEMES));
            let logo = match p.get("logo") {
                Some(Value::String(l)) => absolute(l, base, FETCH_SCHEMES),
                Some(l @ Value::Object(_)) => l
                    .get("url")
                    .and_then(Value::as_str)
                    .and_then(|u| absolute(u, base, FETCH_SCHEMES)),
                _ => None,
            };
            Some(Publisher { name, url, logo })
        });
    }
}

/// `author`: "Name", {"name", "url"}, or an array of either; organisations count as authors
/// only when no person is named.
pub fn authors_of(v: Option<&Value>, base: Option<&str>) -> Vec<Author> {
    let one = |x: &Value| -> Option<(Author, bool)> {
        match x {
            Value::String(s) => clean(s).map(|name| (Author { name, url: None }, true)),
            Value::Object(o) => {
                let name = o.get("name").and_then(|n| match n {
                    Value::String(s) => clean(s),
                    Value::Array(a) => a.iter().find_map(|x| x.as_str().and_then(clean)),
                    _ => None,
                })?;
                let url = o
                    .get("url")
                    .and_then(Value::as_str)
                    .and_then(|u| absolute(u, base, LINK_SCHEMES));
                let person = o.get("@type").and_then(Value::as_str) != Some("Organization");
                Some((Author { name, url }, person))
            }
            _ => None,
        }
    };
    let all: Vec<(Author, bool)> = match v {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(x) => one(x).into_iter().collect(),
        None => Vec::new(),
    };
    let people: Vec<Author> = all.iter().filter(|(_, p)| *p).map(|(a, _)| a.clone()).collect();
    if people.is_empty() {
        all.into_iter().map(|(a, _)| a).collect()
    } else {
        people
    }
}

/// `image`: "url", an ImageObject {url|contentUrl, width, height, caption}, or an array (the
/// first usable one).
pub fn image_of(v: Option<&Value>, base: Option<&str>) -> Option<Image> {
    match v? {
        Value::String(s) => absolute(s, base, FETCH_SCHEMES).map(|src| Image {
            src: Some(src),
            alt: String::new(),
            caption: None,
            credit: None,
            width: None,
            height: None,
            srcset: Vec::new(),
        }),
        Value::Array(items) => items.iter().find_map(|x| image_of(Some(x), base)),
        Value::Object(o) => {
            let src = o.get("url").or_else(|| o.get("contentUrl")).and_then(|u| match u {
                Value::String(s) => absolute(s, base, FETCH_SCHEMES),
                Value::Array(a) => a
                    .iter()
                    .filter_map(Value::as_str)
                    .find_map(|s| absolute(s, base, FETCH_SCHEMES)),
                _ => None,
            })?;
            let dim = |k: &str| {
                o.get(k)
                    .and_then(|d| match d {
                        Value::Number(n) => n.as_u64(),
                        Value::String(s) => s.trim().trim_end_matches("px").parse().ok(),
                        _ => None,
                    })
                    .filter(|v| (1..=20_000).contains(v))
                    .map(|v| v as u32)
            };
            Some(Image {
                src: Some(src),
                alt: o
                    .get("name")
                    .and_then(Value::as_str)
                    .and_then(clean)
                    .unwrap_or_default(),
                caption: o.get("caption").and_then(Value::as_str).and_then(clean),
                credit: o
                    .get("creditText")
                    .or_else(|| o.get("copyrightHolder"))
                    .and_then(|c| strings(Some(c), "name").into_iter().next()),
                width: dim("width"),
                height: dim("height"),
                srcset: Vec::new(),
            })
        }
        _ => None,
    }
}
