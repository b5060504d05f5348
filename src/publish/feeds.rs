//! The feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest articles, written with the
//! `rss` and `atom_syndication` crates (JSON Feed with serde_json). An item carries the whole
//! article as HTML made here from the article's data (every text escaped; the app itself never
//! renders article text as HTML) or, as the site chooses (`feeds.content` in `site.json`), its
//! summary only.

use super::escape;
use crate::model::{Article, Block, Inline, ListItem};
use chrono::{DateTime as Chrono, FixedOffset, TimeZone, Utc};
use serde_json::{json, Value};

/// What the feeds say about the site, and where a feed lives.
pub struct Channel<'a> {
    /// The feed's title: the site's name, or "Site — Section".
    pub title: String,
    pub description: &'a str,
    /// The page the feed stands for (the front page), absolute.
    pub home: &'a str,
    /// The feed files' own absolute addresses: RSS, Atom, JSON Feed.
    pub rss_url: String,
    pub atom_url: String,
    pub json_url: String,
    pub language: &'a str,
    /// Whole articles (`true`) or summaries.
    pub full_text: bool,
}

/// One article in a feed: the article (its URLs absolute) and its page's address.
pub struct Item<'a> {
    pub article: &'a Article,
    pub page_url: String,
}

fn chrono_of(date: &crate::model::date::DateTime) -> Chrono<FixedOffset> {
    Chrono::parse_from_rfc3339(date.as_str()).unwrap_or_else(|_| {
        Utc.timestamp_opt(date.unix_seconds(), 0)
            .single()
            .unwrap_or_default()
            .fixed_offset()
    })
}

/// The newest change among `items`: the feed's own date. `None` for an empty feed.
fn newest(items: &[Item]) -> Option<Chrono<FixedOffset>> {
    items
        .iter()
        .filter_map(|i| i.article.updated.as_ref().or(i.article.published.as_ref()))
        .max_by_key(|d| d.unix_seconds())
        .map(chrono_of)
}

fn inline_html(inline: &Inline) -> String {
    inline
        .0
        .iter()
        .map(|span| {
            let mut text = escape(&span.text);
            if span.em {
                text = format!("<em>{text}</em>");
            }
            if span.strong {
                text = format!("<strong>{text}</strong>");
            }
            match &span.href {
                Some(href) => format!("<a href=\"{}\">{text}</a>", escape(href)),
                None => text,
            }
        })
        .collect()
}

fn list_html(ordered: bool, items: &[ListItem]) -> String {
    let tag = if ordered { "ol" } else { "ul" };
    let items: String = items
        .iter()
        .map(|item| {
            let sub = item
                .sublist
                .as_ref()
                .map(|s| list_html(s.ordered, &s.items))
                .unwrap_or_default();
            format!("<li>{}{sub}</li>", inline_html(&item.text))
        })
        .collect();
    format!("<{tag}>{items}</{tag}>")
}

fn image_html(image: &crate::model::Image) -> String {
    // A sized picture: its share-sized file (JPEG or PNG, which every feed reader shows), at
    // that file's size.
    let share = crate::model::picture::share_candidate(&image.srcset);
    let Some(src) = share.map(|c| &c.src).or(image.src.as_ref()) else {
        return String::new();
    };
    let (width, height) = match (share, image.width, image.height) {
        (Some(c), Some(w), Some(h)) => (
            Some(c.width),
            Some((u64::from(h) * u64::from(c.width) / u64::from(w).max(1)) as u32),
        ),
        (Some(c), _, _) => (Some(c.width), None),
        (None, w, h) => (w, h),
    };
    let size = match (width, height) {
        (Some(w), Some(h)) => format!(" width=\"{w}\" height=\"{h}\""),
        _ => String::new(),
    };
    let caption: Vec<String> = [&image.caption, &image.credit]
        .into_iter()
        .flatten()
        .map(|c| escape(c))
        .collect();
    let caption = if caption.is_empty() {
        String::new()
    } else {
        format!("<figcaption>{}</figcaption>", caption.join(" "))
    };
    format!(
        "<figure><img src=\"{}\" alt=\"{}\"{size}>{caption}</figure>",
        escape(src),
        escape(&image.alt)
    )
}

/// The article as HTML for a feed reader: the lead image, the key takeaways, the body and the
/// editorial card, every text escaped.
///
/// ```
/// use article_reader::model::parse_article;
/// use article_reader::publish::feeds::article_html;
/// let article = parse_article(
///     r#"{"id":"a","headline":"H","language":"en","body":[{"type":"paragraph","text":"1 < 2 <script>"}]}"#,
///     "https://news.example/articles/a.json",
/// ).unwrap();
/// assert_eq!(article_html(&article), "<p>1 &lt; 2 &lt;script&gt;</p>");
/// ```
pub fn article_html(article: &Article) -> String {
    let mut html = String::new();
    if let Some(image) = &article.image {
        html.push_str(&image_html(image));
    }
    if !article.takeaways.is_empty() {
        html.push_str("<ol>");
        for t in &article.takeaways {
            html.push_str(&format!("<li>{}</li>", inline_html(t)));
        }
        html.push_str("</ol>");
    }
    for block in &article.body {
        html.push_str(&match block {
            Block::Paragraph { text } => format!("<p>{}</p>", inline_html(text)),
            Block::Heading { level, text } => {
                let level = (*level).clamp(2, 6);
                format!("<h{level}>{}</h{level}>", inline_html(text))
            }
            Block::Quote { text, cite } | Block::Pullquote { text, cite } => format!(
                "<blockquote><p>{}</p>{}</blockquote>",
                inline_html(text),
                cite.as_ref()
                    .map(|c| format!("<cite>{}</cite>", escape(c)))
                    .unwrap_or_default()
            ),
            Block::List { ordered, items } => list_html(*ordered, items),
            Block::Image(image) => image_html(image),
            Block::Table(table) => {
                let row = |cells: &[Inline], tag: &str| -> String {
                    let cells: String = cells
                        .iter()
                        .map(|c| format!("<{tag}>{}</{tag}>", inline_html(c)))
                        .collect();
                    format!("<tr>{cells}</tr>")
                };
                let caption = table
                    .caption
                    .as_ref()
                    .map(|c| format!("<caption>{}</caption>", escape(c)))
                    .unwrap_or_default();
                let header = table.header.as_ref().map(|h| row(h, "th")).unwrap_or_default();
                let rows: String = table.rows.iter().map(|r| row(r, "td")).collect();
                format!("<table>{caption}{header}{rows}</table>")
            }
            Block::Code { text, .. } => format!("<pre><code>{}</code></pre>", escape(text)),
            Block::Divider => "<hr>".to_string(),
            Block::Embed(embed) => format!("<p><a href=\"{}\">{}</a></p>", escape(&embed.url), escape(&embed.title)),
        });
    }
    if let Some(card) = &article.editorial {
        let body: String = card.body.iter().map(|p| format!("<p>{}</p>", inline_html(p))).collect();
        html.push_str(&format!(
            "<aside><h2>{}: {}</h2>{body}</aside>",
            escape(&card.label),
            escape(&card.title)
        ));
    }
    html
}

/// The item's summary: the dek, else the start of the first paragraph.
fn summary(article: &Article) -> String {
    article.dek.clone().unwrap_or_else(|| {
        let first = article
            .body
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { text } => Some(text.plain_text()),
                _ => None,
            })
            .unwrap_or_default();
        crate::model::text::teaser(&first, 280)
    })
}

/// RSS 2.0.
pub fn rss(channel: &Channel, items: &[Item]) -> String {
    let mut feed = rss::Channel::default();
    feed.set_title(channel.title.clone());
    feed.set_link(channel.home.to_string());
    feed.set_description(channel.description.to_string());
    feed.set_language(Some(channel.language.to_string()));
    feed.set_generator(Some("article-reader publish".to_string()));
    feed.set_last_build_date(newest(items).map(|d| d.to_rfc2822()));
    if channel.full_text {
        feed.set_namespaces(
            [(
                "content".to_string(),
                "http://purl.org/rss/1.0/modules/content/".to_string(),
            )]
            .into_iter()
            .collect::<std::collections::BTreeMap<String, String>>(),
        );
    }
    feed.set_items(
        items
            .iter()
            .map(|item| {
                let a = item.article;
                let mut entry = rss::Item::default();
                entry.set_title(Some(a.headline.clone()));
                entry.set_link(Some(item.page_url.clone()));
                entry.set_guid(Some(rss::Guid {
                    value: item.page_url.clone(),
                    permalink: true,
                }));
                entry.set_pub_date(a.published.as_ref().map(|d| chrono_of(d).to_rfc2822()));
                entry.set_description(Some(summary(a)));
                // (RSS's <author> is an e-mail address, which articles do not give: the names are
                // in Atom and JSON Feed.)
                entry.set_categories(
                    a.section
                        .iter()
                        .map(|s| rss::Category {
                            name: s.clone(),
                            domain: None,
                        })
                        .collect::<Vec<_>>(),
                );
                if channel.full_text {
                    entry.set_content(Some(article_html(a)));
                }
                entry
            })
            .collect::<Vec<_>>(),
    );
    feed.to_string() + "\n"
}

/// Atom 1.0.
pub fn atom(channel: &Channel, items: &[Item]) -> String {
    use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
    let link = |href: &str, rel: &str, mime: Option<&str>| {
        let mut l = Link::default();
        l.set_href(href);
        l.set_rel(rel);
        l.set_mime_type(mime.map(str::to_string));
        l
    };
    let epoch = Utc.timestamp_opt(0, 0).single().unwrap_or_default().fixed_offset();
    let mut feed = Feed::default();
    feed.set_title(Text::plain(channel.title.clone()));
    feed.set_id(channel.atom_url.clone());
    feed.set_updated(newest(items).unwrap_or(epoch));
    feed.set_lang(Some(channel.language.to_string()));
    feed.set_subtitle(Some(Text::plain(channel.description.to_string())));
    feed.set_links(vec![
        link(&channel.atom_url, "self", Some("application/atom+xml")),
        link(channel.home, "alternate", Some("text/html")),
    ]);
    feed.set_entries(
        items
            .iter()
            .map(|item| {
                let a = item.article;
                let mut entry = Entry::default();
                entry.set_title(Text::plain(a.headline.clone()));
                entry.set_id(item.page_url.clone());
                let published = a.published.as_ref().map(chrono_of);
                entry.set_updated(a.updated.as_ref().map(chrono_of).or(published).unwrap_or(epoch));
                entry.set_published(published);
                entry.set_links(vec![link(&item.page_url, "alternate", Some("text/html"))]);
                entry.set_authors(
                    a.authors
                        .iter()
                        .map(|p| {
                            let mut person = Person::default();
                            person.set_name(p.name.clone());
                            person
                        })
                        .collect::<Vec<_>>(),
                );
                entry.set_summary(Some(Text::plain(summary(a))));
                if channel.full_text {
                    let mut content = Content::default();
                    content.set_value(Some(article_html(a)));
                    content.set_content_type(Some("html".to_string()));
                    entry.set_content(Some(content));
                }
                entry.set_categories(
                    a.section
                        .iter()
                        .map(|s| {
                            let mut c = atom_syndication::Category::default();
                            c.set_term(s.clone());
                            c
                        })
                        .collect::<Vec<_>>(),
                );
                entry
            })
            .collect::<Vec<_>>(),
    );
    feed.to_string() + "\n"
}

/// JSON Feed 1.1.
pub fn json_feed(channel: &Channel, items: &[Item]) -> String {
    let items: Vec<Value> = items
        .iter()
        .map(|item| {
            let a = item.article;
            let mut v = json!({
                "id": item.page_url,
                "url": item.page_url,
                "title": a.headline,
                "summary": summary(a),
                "language": a.language,
            });
            if channel.full_text {
                v["content_html"] = json!(article_html(a));
            } else {
                v["content_text"] = json!(summary(a));
            }
            let image = a.image.as_ref();
            let share = image
                .and_then(|i| crate::model::picture::share_candidate(&i.srcset))
                .map(|c| &c.src);
            if let Some(src) = share.or(image.and_then(|i| i.src.as_ref())) {
                v["image"] = json!(src);
            }
            if let Some(d) = &a.published {
                v["date_published"] = json!(chrono_of(d).to_rfc3339());
            }
            if let Some(d) = &a.updated {
                v["date_modified"] = json!(chrono_of(d).to_rfc3339());
            }
            if !a.authors.is_empty() {
                v["authors"] = json!(a.authors.iter().map(|p| json!({"name": p.name})).collect::<Vec<_>>());
            }
            if let Some(s) = &a.section {
                v["tags"] = json!([s]);
            }
            v
        })
        .collect();
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": channel.title,
        "home_page_url": channel.home,
        "feed_url": channel.json_url,
        "description": channel.description,
        "language": channel.language,
        "items": items,
    });
    serde_json::to_string_pretty(&feed).expect("a feed serialises") + "\n"
}

/// A section's folder name: its name in lower-case ASCII letters and digits with `-`
/// between words, and, for a name with other letters, a short fingerprint of the whole name
/// (two sections never share a folder).
///
/// ```
/// use article_reader::publish::feeds::section_slug;
/// assert_eq!(section_slug("Long Read"), "long-read");
/// assert_eq!(section_slug("Économie"), section_slug("Économie"));
/// assert_ne!(section_slug("Économie"), section_slug("Economie"));
/// assert!(section_slug("اقتصاد").starts_with("s-"));
/// ```
pub fn section_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if name.trim().is_ascii() && !slug.is_empty() {
        return slug;
    }
    let mut hash: u32 = 0x811c_9dc5;
    for b in name.trim().bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    if slug.is_empty() {
        format!("s-{hash:08x}")
    } else {
        format!("{slug}-{hash:08x}")
    }
}

/// One feed to write: its folder in the output (`""` for the site's, `sections/{slug}/`), its
/// title and the ids of its articles, newest first.
#[derive(Debug, PartialEq, Eq)]
pub struct FeedList {
    pub folder: String,
    pub title: String,
    pub ids: Vec<String>,
}

/// The feeds of an archive (its entries sorted oldest first): the site's, with the newest
/// `items` articles, then one per section with that section's newest `items`, by section name.
///
/// ```
/// use article_reader::publish::{feeds::lists, order::Entry};
/// use article_reader::model::Summary;
/// let entry = |id: &str, section: Option<&str>| Entry {
///     summary: Summary { id: id.into(), headline: id.into(), dek: None, image: None, published: None, section: section.map(Into::into) },
///     language: "en".into(),
///     updated: None,
/// };
/// let entries = [entry("a", Some("Sport")), entry("b", None), entry("c", Some("Sport")), entry("d", Some("Arts"))];
/// let feeds = lists(&entries, 2, "Ledger");
/// assert_eq!(feeds[0].ids, ["d", "c"]);
/// assert_eq!((feeds[1].folder.as_str(), feeds[1].title.as_str()), ("sections/arts/", "Ledger — Arts"));
/// assert_eq!(feeds[2].ids, ["c", "a"]);
/// ```
pub fn lists(entries: &[super::order::Entry], items: usize, site_name: &str) -> Vec<FeedList> {
    let mut sections: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for e in entries.iter().rev() {
        if let Some(s) = &e.summary.section {
            let list = sections.entry(s).or_default();
            if list.len() < items {
                list.push(e.summary.id.clone());
            }
        }
    }
    let mut feeds = vec![FeedList {
        folder: String::new(),
        title: site_name.to_string(),
        ids: entries.iter().rev().take(items).map(|e| e.summary.id.clone()).collect(),
    }];
    feeds.extend(sections.into_iter().map(|(section, ids)| FeedList {
        folder: format!("sections/{}/", section_slug(section)),
        title: format!("{site_name} — {section}"),
        ids,
    }));
    feeds
}

/// Writes the site's feeds and each section's (RSS, Atom, JSON Feed) into `output`. `article`
/// gives an article by id with its public addresses.
pub fn publish(
    output: &mut super::output::Output,
    entries: &[super::order::Entry],
    mut article: impl FnMut(&str) -> Result<Article, String>,
) -> Result<(), String> {
    let base = super::public_base();
    let home = format!("{base}/");
    let mut cache: std::collections::BTreeMap<String, Article> = Default::default();
    for list in lists(entries, crate::site::FEED_ITEMS, crate::site::NAME) {
        for id in &list.ids {
            if !cache.contains_key(id) {
                cache.insert(id.clone(), article(id)?);
            }
        }
        let items: Vec<Item> = list
            .ids
            .iter()
            .map(|id| Item {
                article: &cache[id],
                page_url: format!("{base}/articles/{id}"),
            })
            .collect();
        let folder = &list.folder;
        let channel = Channel {
            title: list.title.clone(),
            description: crate::site::DESCRIPTION,
            home: &home,
            rss_url: format!("{base}/{folder}feed.xml"),
            atom_url: format!("{base}/{folder}atom.xml"),
            json_url: format!("{base}/{folder}feed.json"),
            language: crate::site::DEFAULT_LANGUAGE,
            full_text: crate::site::FEED_FULL_TEXT,
        };
        output.put(&format!("{folder}feed.xml"), rss(&channel, &items).as_bytes(), "feeds")?;
        output.put(&format!("{folder}atom.xml"), atom(&channel, &items).as_bytes(), "feeds")?;
        output.put(
            &format!("{folder}feed.json"),
            json_feed(&channel, &items).as_bytes(),
            "feeds",
        )?;
    }
    Ok(())
}
