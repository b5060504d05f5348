//! JSON Feed 1.0/1.1, RSS 2.0 (and 0.9x, 1.0) and Atom, read by [`feed_rs`]: one draft per
//! item. The body is the item's full content (`content_html`, `content:encoded`, Atom
//! `content`), or its `content_text` as paragraphs; an item with only a summary is imported
//! with the summary as its body and a note saying so.

use chrono::SecondsFormat;
use dom_query::Document;
use feed_rs::model::{Entry, Feed, Text};

use super::{html::to_blocks, text_blocks, timestamp, Draft, Report};
use crate::model::{text::teaser, url::FETCH_SCHEMES, Author, Image, Publisher};

fn plain(t: &Text) -> String {
    let text = if t.content_type.subty() == "html" || t.content.contains('<') {
        Document::fragment(t.content.as_str()).root().text().to_string()
    } else {
        t.content.clone()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_html(t: &str) -> bool {
    t.contains("html") || t.contains("xml")
}

/// Reads a feed's bytes (the format is found from the content).
pub fn read(bytes: &[u8]) -> Result<Vec<Draft>, String> {
    let feed: Feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a feed this command reads: {e}"))?;
    let site = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().unwrap_or("alternate") == "alternate")
        .map(|l| l.href.clone());
    let publisher = feed
        .title
        .as_ref()
        .map(plain)
        .filter(|t| !t.is_empty())
        .map(|name| Publisher {
            name,
            url: site.as_deref().and_then(|s| super::absolute(s, None, FETCH_SCHEMES)),
            logo: None,
        });
    Ok(feed
        .entries
        .iter()
        .map(|e| entry(e, &feed, publisher.clone()))
        .collect())
}

fn entry(e: &Entry, feed: &Feed, publisher: Option<Publisher>) -> Draft {
    let mut report = Report::default();
    let link = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(e.links.first())
        .and_then(|l| super::absolute(&l.href, e.base.as_deref(), FETCH_SCHEMES));
    let base = link.clone().or_else(|| e.base.clone());
    let mut body = Vec::new();
    if let Some(content) = &e.content {
        if let Some(text) = &content.body {
            if is_html(content.content_type.as_ref()) {
                body = to_blocks(text, base.as_deref(), &mut report);
            } else {
                body = text_blocks(text);
            }
        }
    }
    let summary = e.summary.as_ref().map(plain).filter(|s| !s.is_empty());
    if body.is_empty() {
        if let Some(s) = &e.summary {
            report
                .notes
                .push("only a summary: the feed has no full text of this item".into());
            body = if is_html(s.content_type.as_ref()) || s.content.contains('<') {
                to_blocks(&s.content, base.as_deref(), &mut report)
            } else {
                text_blocks(&s.content)
            };
        }
    }
    let people = if e.authors.is_empty() {
        &feed.authors
    } else {
        &e.authors
    };
    let authors = people
        .iter()
        .filter_map(|p| {
            let name = p.name.as_deref()?.trim();
            (!name.is_empty()).then(|| Author {
                name: name.to_string(),
                url: p
                    .uri
                    .as_deref()
                    .and_then(|u| super::absolute(u, None, crate::model::url::LINK_SCHEMES)),
            })
        })
        .collect();
    let image = e
        .media
        .iter()
        .flat_map(|m| {
            m.thumbnails
                .iter()
                .map(|t| (t.image.uri.clone(), t.image.width, t.image.height))
                .chain(
                    m.content
                        .iter()
                        .filter(|c| c.content_type.as_ref().is_some_and(|t| t.ty() == "image"))
                        .filter_map(|c| c.url.as_ref().map(|u| (u.to_string(), c.width, c.height))),
                )
        })
        .find_map(|(uri, width, height)| {
            super::absolute(&uri, base.as_deref(), FETCH_SCHEMES).map(|src| Image {
                src: Some(src),
                alt: String::new(),
                caption: None,
                credit: None,
                width,
                height,
                srcset: Vec::new(),
            })
        });
    let date = |d: &Option<chrono::DateTime<chrono::Utc>>| {
        d.and_then(|d| timestamp(&d.to_rfc3339_opts(SecondsFormat::Secs, true)))
    };
    let headline = e
        .title
        .as_ref()
        .map(plain)
        .filter(|t| !t.is_empty())
        .or_else(|| summary.as_ref().map(|s| teaser(s, 120)))
        .unwrap_or_default();
    Draft {
        source: link.clone(),
        headline,
        dek: if e.content.is_some() {
            summary.map(|s| teaser(&s, 400))
        } else {
            None
        },
        url: link,
        section: None,
        tags: e
            .categories
            .iter()
            .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
            .filter(|t| !t.trim().is_empty())
            .collect(),
        language: e.language.clone().or_else(|| feed.language.clone()),
        dir: None,
        published: date(&e.published).or_else(|| date(&e.updated)),
        updated: if e.published.is_some() {
            date(&e.updated).filter(|_| e.updated != e.published)
        } else {
            None
        },
        authors,
        publisher,
        image,
        body,
        key: Some(e.id.clone()).filter(|i| !i.is_empty()),
        report,
    }
}
