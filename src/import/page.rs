//! A saved article page (HTML) through Readability ([`dom_smoothie`], a maintained port of
//! Mozilla's Readability.js): it finds the article's content; [`super::meta`] reads what the
//! page says about itself; [`super::html`] maps the content to blocks.
//!
//! The page's bytes are decoded by its byte-order mark, else its `<meta charset>` (or
//! `http-equiv` content type), else UTF-8: old pages in GB2312, Shift_JIS or windows-1256 read
//! as they were written.

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use super::{html::to_blocks, meta::Meta, Draft, Report};
use crate::model::Block;

/// The page's text, decoded as it declares.
///
/// ```
/// use article_reader::import::page::decode;
/// let gb = b"<meta charset=\"gb2312\"><p>\xd6\xd0\xce\xc4</p>";
/// assert!(decode(gb).contains("中文"));
/// ```
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_with_bom_removal(bytes).0.into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let label = head.find("charset=").map(|i| {
        head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect::<String>()
    });
    let enc = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    enc.decode(bytes).0.into_owned()
}

/// Reads one saved page. `url` is its address, if known (else the page's own canonical or
/// `og:url` is used to resolve its relative addresses).
pub fn read(bytes: &[u8], url: Option<&str>) -> Result<Draft, String> {
    let html = decode(bytes);
    let doc = Document::from(html.as_str());
    let meta_first = Meta::read(&doc, url);
    let base = url.map(str::to_string).or_else(|| meta_first.url.clone());
    let meta = if url.is_none() && base.is_some() {
        Meta::read(&doc, base.as_deref())
    } else {
        meta_first
    };
    let cfg = Config {
        keep_classes: true,
        ..Config::default()
    };
    let mut readability = Readability::new(html.as_str(), base.as_deref(), Some(cfg))
        .map_err(|e| format!("the page could not be read: {e}"))?;
    let found = readability
        .parse()
        .map_err(|e| format!("no article found in the page ({e})"))?;
    let mut report = Report::default();
    let mut body = to_blocks(&found.content, base.as_deref(), &mut report);
    let headline = meta
        .headline
        .clone()
        .or_else(|| Some(found.title.to_string()).filter(|t| !t.trim().is_empty()))
        .ok_or("the page has no title")?;
    // Readability keeps the title as the content's first heading on some pages; and the lead
    // image is often the first image of the body too.
    if let Some(Block::Heading { text, .. }) = body.first() {
        if text.plain_text().trim() == headline.trim() {
            body.remove(0);
        }
    }
    if let (Some(hero), Some(Block::Image(first))) = (&meta.image, body.first()) {
        if hero.src == first.src {
            body.remove(0);
        }
    }
    let mut authors = meta.authors.clone();
    if authors.is_empty() {
        if let Some(by) = found
            .byline
            .as_deref()
            .map(|b| {
                b.trim()
                    .trim_start_matches("By ")
                    .trim_start_matches("by ")
                    .trim()
                    .to_string()
            })
            .filter(|b| !b.is_empty() && b.chars().count() < 100)
        {
            authors.push(crate::model::Author { name: by, url: None });
        }
    }
    Ok(Draft {
        source: base.clone(),
        headline,
        dek: meta.description.clone().or_else(|| found.excerpt.clone()),
        url: meta.url.clone().or(base.clone()),
        section: meta.section.clone(),
        tags: meta.tags.clone(),
        language: meta.language.clone().or_else(|| found.lang.clone()),
        dir: meta.dir.clone().or_else(|| found.dir.clone()),
        published: meta
            .published
            .clone()
            .or_else(|| found.published_time.as_deref().and_then(super::timestamp)),
        updated: meta
            .updated
            .clone()
            .or_else(|| found.modified_time.as_deref().and_then(super::timestamp)),
        authors,
        publisher: meta.publisher.clone(),
        image: meta.image.clone(),
        body,
        key: base,
        report,
    })
}
