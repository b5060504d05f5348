//! Real content in: JSON Feed, RSS and Atom feeds, WordPress REST API posts and saved article
//! pages, turned into article JSON (format 1.1) and an updated `index.json`. Native only
//! (feature `import`; the `import` command is `src/bin/import.rs`).
//!
//! One concern per file: [`html`] maps body HTML to blocks, [`meta`] reads a page's metadata
//! (JSON-LD, Open Graph, `<meta>`), [`feed`], [`wordpress`] and [`page`] read each kind of
//! input, and this file holds what they share: the [`Report`] of what could not be mapped, the
//! [`Draft`] every reader fills in, and [`write`], which validates each article with the app's
//! own validator before writing it. The same input always gives the same bytes: nothing here
//! reads the clock, and every map is ordered.

pub mod feed;
pub mod html;
pub mod meta;
pub mod page;
pub mod wordpress;

use std::{collections::BTreeMap, fs, path::Path};

use serde_json::Value;

use crate::model::{
    date::DateTime,
    lang::{direction_of, is_language_tag},
    parse_article,
    url::safe_url,
    validate::{is_valid_id, parse_index_page},
    Article, Author, Block, Image, Publisher, Summary,
};

/// What one document lost on the way in: elements with no block (`unmapped`), elements whose
/// text was kept but not their meaning (`flattened`), and addresses dropped as unsafe or
/// relative without a base.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub unmapped: BTreeMap<String, usize>,
    pub flattened: BTreeMap<String, usize>,
    pub dropped_urls: usize,
    /// Other things worth knowing ("only a summary: the feed has no full text").
    pub notes: Vec<String>,
}

impl Report {
    pub fn unmapped(&mut self, what: &str) {
        self.unmapped_n(what, 1);
    }

    pub fn unmapped_n(&mut self, what: &str, n: usize) {
        *self.unmapped.entry(what.to_string()).or_default() += n;
    }

    pub fn flattened(&mut self, what: &str) {
        *self.flattened.entry(what.to_string()).or_default() += 1;
    }

    /// The report as lines for people: empty when nothing was lost.
    ///
    /// ```
    /// use article_reader::import::Report;
    /// let mut r = Report::default();
    /// r.unmapped("form");
    /// r.unmapped("form");
    /// r.dropped_urls = 1;
    /// assert_eq!(r.lines(), vec!["not mapped: form ×2", "unsafe or unresolvable addresses dropped: 1"]);
    /// ```
    pub fn lines(&self) -> Vec<String> {
        let list = |m: &BTreeMap<String, usize>| {
            m.iter()
                .map(|(k, n)| format!("{k} ×{n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut out = Vec::new();
        if !self.unmapped.is_empty() {
            out.push(format!("not mapped: {}", list(&self.unmapped)));
        }
        if !self.flattened.is_empty() {
            out.push(format!("kept as text: {}", list(&self.flattened)));
        }
        if self.dropped_urls > 0 {
            out.push(format!(
                "unsafe or unresolvable addresses dropped: {}",
                self.dropped_urls
            ));
        }
        out.extend(self.notes.iter().cloned());
        out
    }
}

/// An address made absolute against `base` and checked with the app's [`safe_url`]; a relative
/// address without a base is dropped (it would point nowhere).
///
/// ```
/// use article_reader::import::absolute;
/// use article_reader::model::url::LINK_SCHEMES;
/// assert_eq!(absolute("/a", Some("https://news.example/x/y"), LINK_SCHEMES).as_deref(), Some("https://news.example/a"));
/// assert_eq!(absolute("/a", None, LINK_SCHEMES), None);
/// assert_eq!(absolute("javascript:alert(1)", Some("https://news.example/"), LINK_SCHEMES), None);
/// ```
pub fn absolute(raw: &str, base: Option<&str>, schemes: &[&str]) -> Option<String> {
    const NOWHERE: &str = "https://import.invalid/";
    match base {
        Some(b) if b.starts_with("http://") || b.starts_with("https://") => safe_url(raw, b, schemes),
        _ => safe_url(raw, NOWHERE, schemes).filter(|u| !u.starts_with(NOWHERE)),
    }
}

/// A date in any of the forms feeds and pages use, as RFC 3339 (what the format wants):
/// RFC 3339 itself, RFC 2822 (RSS), a date and time without a zone (read as UTC, as WordPress's
/// `date_gmt`), or a date alone (midnight UTC).
///
/// ```
/// use article_reader::import::timestamp;
/// assert_eq!(timestamp("2017-01-13T05:00:00-05:00").unwrap().as_str(), "2017-01-13T05:00:00-05:00");
/// assert_eq!(timestamp("Fri, 13 Jan 2017 10:00:00 GMT").unwrap().as_str(), "2017-01-13T10:00:00Z");
/// assert_eq!(timestamp("2017-05-23T21:19:22").unwrap().as_str(), "2017-05-23T21:19:22Z");
/// assert_eq!(timestamp("2017-05-23").unwrap().as_str(), "2017-05-23T00:00:00Z");
/// assert!(timestamp("yesterday").is_none());
/// ```
pub fn timestamp(raw: &str) -> Option<DateTime> {
    use chrono::{DateTime as C, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
    let raw = raw.trim();
    if let Some(d) = DateTime::parse(raw) {
        return Some(d);
    }
    let text = if let Ok(d) = C::parse_from_rfc3339(raw) {
        d.to_rfc3339_opts(SecondsFormat::Secs, true)
    } else if let Ok(d) = C::parse_from_rfc2822(raw) {
        d.with_timezone(&Utc).to_rfc3339_opts(SecondsFormat::Secs, true)
    } else if let Ok(d) = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M:%S"))
    {
        d.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
    } else if let Ok(d) = C::parse_from_str(raw, "%Y-%m-%dT%H:%M%z") {
        d.to_rfc3339_opts(SecondsFormat::Secs, true)
    } else if let Ok(d) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        d.and_hms_opt(0, 0, 0)?
            .and_utc()
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    } else {
        return None;
    };
    DateTime::parse(&text)
}

/// Everything a reader of one kind of input found about one article, before it is checked.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    /// Where it came from (a feed item's link, the page's address): relative addresses in the
    /// body were resolved against it, and its id is made from it.
    pub source: Option<String>,
    pub headline: String,
    pub dek: Option<String>,
    pub url: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    pub dir: Option<String>,
    pub published: Option<DateTime>,
    pub updated: Option<DateTime>,
    pub authors: Vec<Author>,
    pub publisher: Option<Publisher>,
    pub image: Option<Image>,
    pub body: Vec<Block>,
    /// A stable name to make the id from when the address has none (a feed item's id).
    pub key: Option<String>,
    pub report: Report,
}

/// An id the format accepts, from an address's last part or the headline: lower case a-z, 0-9
/// and `-`. Text with no Latin letters (Arabic, Japanese …) gives none; then a short hash of
/// `key` names the article, so the same item always gets the same id.
///
/// ```
/// use article_reader::import::make_id;
/// assert_eq!(make_id(Some("https://news.example/2026/05/Bridge-Reopens.html"), "x", "k"), "bridge-reopens");
/// assert_eq!(make_id(None, "Élan vital: a ‘new’ look", "k"), "elan-vital-a-new-look");
/// assert_eq!(make_id(None, "معارضون يسيطرون", "item-1"), make_id(None, "معارضون يسيطرون", "item-1"));
/// assert!(make_id(None, "معارضون يسيطرون", "item-1").starts_with("article-"));
/// assert!(make_id(None, "BBC 中文网 新闻报道", "item-2").starts_with("article-"));
/// ```
pub fn make_id(source: Option<&str>, headline: &str, key: &str) -> String {
    fn slug(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            let c = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
                'ç' | 'Ç' => 'c',
                'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
                'ñ' | 'Ñ' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
                'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
                'ý' | 'ÿ' | 'Ý' => 'y',
                c => c.to_ascii_lowercase(),
            };
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                out.push(c);
            } else if c == '\'' || c == '‘' || c == '’' {
                // "don't" is one word
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        let mut out = out.trim_matches('-').to_string();
        if out.len() > 80 {
            out.truncate(80);
            out = out.trim_end_matches('-').to_string();
        }
        out
    }
    let from_source = source.and_then(|s| {
        let path = s.split("://").nth(1)?.split(['?', '#']).next()?;
        let last = path
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .filter(|l| !l.contains('.') || l.ends_with(".html") || l.ends_with(".htm") || l.ends_with(".php"))?;
        let last = last
            .trim_end_matches(".html")
            .trim_end_matches(".htm")
            .trim_end_matches(".php");
        if last == "index" || last.chars().all(|c| c.is_ascii_digit()) || path.split('/').count() < 2 {
            return None;
        }
        let s = slug(last);
        // A readable name (at least one letter), not a number or a hash.
        (s.len() >= 3 && s.chars().any(|c| c.is_ascii_lowercase()) && s.len() <= 80).then_some(s)
    });
    // A headline gives the id only when it is mostly Latin letters: "BBC" out of a Chinese
    // headline names nothing.
    let letters = headline.chars().filter(|c| c.is_alphanumeric()).count();
    let latin = headline
        .chars()
        .filter(|c| c.is_alphanumeric() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(c)))
        .count();
    let from_headline = Some(slug(headline)).filter(|s| s.len() >= 3 && latin * 10 >= letters * 6);
    let id = from_source.or(from_headline).unwrap_or_else(|| {
        // FNV-1a: stable across runs and machines.
        let mut h: u64 = 0xcbf29ce484222325;
        for b in key.bytes() {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
        format!("article-{:012x}", h & 0xffff_ffff_ffff)
    });
    debug_assert!(is_valid_id(&id));
    id
}

/// The finished article: defaults filled in (language `en` when nothing says, direction from
/// the language), then serialised and read back with the app's validator. An article the app
/// would refuse is an error here, with the validator's problems.
pub fn finish(draft: &Draft, id: &str) -> Result<(Article, String), Vec<String>> {
    let language = draft
        .language
        .clone()
        .filter(|l| is_language_tag(l))
        .unwrap_or_else(|| "en".into());
    let dir = match draft.dir.as_deref() {
        Some("rtl") => crate::model::Dir::Rtl,
        Some("ltr") => crate::model::Dir::Ltr,
        _ => direction_of(&language),
    };
    let article = Article {
        id: id.to_string(),
        headline: draft.headline.trim().to_string(),
        dek: draft.dek.clone().filter(|d| !d.trim().is_empty()),
        url: draft.url.clone(),
        section: draft.section.clone(),
        tags: draft.tags.clone(),
        language,
        dir,
        published: draft.published.clone(),
        updated: draft.updated.clone(),
        authors: draft.authors.clone(),
        publisher: draft.publisher.clone(),
        image: draft.image.clone(),
        takeaways: Vec::new(),
        editorial: None,
        body: draft.body.clone(),
        related: Vec::new(),
    };
    let mut json = serde_json::to_string_pretty(&article).map_err(|e| vec![e.to_string()])?;
    json.push('\n');
    let base = format!("https://import.invalid/articles/{id}.json");
    match parse_article(&json, &base) {
        Ok(_) => Ok((article, json)),
        Err(e) if e.problems().is_empty() => Err(vec![e.message()]),
        Err(e) => Err(e.problems().iter().map(ToString::to_string).collect()),
    }
}

/// One article written by [`write`].
pub struct Written {
    pub id: String,
    pub path: String,
    pub report: Report,
}

/// A draft the validator refused: its label (title or source) and the problems found.
pub type Refused = (String, Vec<String>);

/// Writes each draft to `dir/{id}.json` and adds (or replaces) its entry in `dir/index.json`,
/// newest first. Ids are made by [`make_id`]; two drafts that would share one get `-2`, `-3` …
/// Drafts the validator refuses are returned with their problems and not written.
pub fn write(dir: &Path, drafts: &[Draft]) -> std::io::Result<(Vec<Written>, Vec<Refused>)> {
    fs::create_dir_all(dir)?;
    let index_path = dir.join("index.json");
    let mut index: Value = match fs::read_to_string(&index_path) {
        Ok(text) => {
            parse_index_page(&text, "https://import.invalid/articles/index.json").map_err(|e| {
                std::io::Error::other(format!(
                    "{} is not a valid index: {} {}",
                    index_path.display(),
                    e.message(),
                    e.problems()
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ")
                ))
            })?;
            serde_json::from_str(&text).map_err(std::io::Error::other)?
        }
        Err(_) => serde_json::json!({ "articles": [] }),
    };
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let (mut written, mut refused) = (Vec::new(), Vec::new());
    for draft in drafts {
        let key = draft
            .key
            .clone()
            .or_else(|| draft.source.clone())
            .unwrap_or_else(|| draft.headline.clone());
        let base_id = make_id(draft.source.as_deref(), &draft.headline, &key);
        let mut id = base_id.clone();
        let mut n = 2;
        while taken.get(&id).is_some_and(|k| *k != key) {
            id = format!("{base_id}-{n}");
            n += 1;
        }
        taken.insert(id.clone(), key);
        let label = draft.source.clone().unwrap_or_else(|| draft.headline.clone());
        match finish(draft, &id) {
            Ok((article, json)) => {
                let path = dir.join(format!("{id}.json"));
                fs::write(&path, json)?;
                let summary = Summary {
                    id: id.clone(),
                    headline: article.headline.clone(),
                    dek: article.dek.clone(),
                    image: article.image.clone(),
                    published: article.published.clone(),
                    section: article.section.clone(),
                };
                let entries = index["articles"].as_array_mut().expect("checked above");
                entries.retain(|e| e.get("id").and_then(Value::as_str) != Some(id.as_str()));
                entries.push(serde_json::to_value(&summary).map_err(std::io::Error::other)?);
                written.push(Written {
                    id,
                    path: path.display().to_string(),
                    report: draft.report.clone(),
                });
            }
            Err(problems) => refused.push((label, problems)),
        }
    }
    // Newest first, by the app's own rule: the index is read once as the app reads it.
    let entries = index["articles"].as_array().cloned().unwrap_or_default();
    let mut by_id: BTreeMap<String, Value> = entries
        .into_iter()
        .filter_map(|v| Some((v.get("id")?.as_str()?.to_string(), v)))
        .collect();
    let order = parse_index_page(&index.to_string(), "https://import.invalid/articles/index.json")
        .map_err(|e| std::io::Error::other(format!("the updated index is not valid: {}", e.message())))?
        .articles;
    let sorted: Vec<Value> = order.iter().filter_map(|s| by_id.remove(&s.id)).collect();
    index["articles"] = Value::Array(sorted);
    let mut text = serde_json::to_string_pretty(&index).map_err(std::io::Error::other)?;
    text.push('\n');
    fs::write(&index_path, text)?;
    Ok((written, refused))
}

/// Plain text (a feed's `content_text`) as paragraphs: blank lines separate them.
pub fn text_blocks(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph {
            text: crate::model::Inline::plain(p),
        })
        .collect()
}
