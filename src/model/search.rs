//! Searching the archive: the reader's query made safe to send, the search index's answers read
//! into typed results, each excerpt as text and marked words (never HTML), and the search of the
//! saved articles' own text that answers when the index cannot be reached (offline).

use serde_json::Value;

use super::{article::Article, i18n::Catalog, lang::Dir};

/// The longest query sent, in characters; the rest is dropped.
pub const MAX_QUERY_CHARS: usize = 200;
/// How many results are shown at first, and added by "More results": each result's data is one
/// more download (its fragment of the index), so the first answer stays small and quick.
pub const RESULTS_PAGE: usize = 10;

/// The query as searched: spaces collapsed, trimmed, at most [`MAX_QUERY_CHARS`] characters,
/// without control characters. `None` when nothing is left to search for.
///
/// ```
/// use article_reader::model::search::clean_query;
/// assert_eq!(clean_query("  harbor \n bridge "), Some("harbor bridge".to_string()));
/// assert_eq!(clean_query(" \t "), None);
/// assert_eq!(clean_query(&"a".repeat(500)).unwrap().chars().count(), 200);
/// ```
pub fn clean_query(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let joined: String = words.join(" ").chars().take(MAX_QUERY_CHARS).collect();
    let trimmed = joined.trim_end().to_string();
    (!trimmed.is_empty()).then_some(trimmed)
}

/// Whether a query has any letter or digit to search for ("?!" has none).
///
/// ```
/// use article_reader::model::search::has_words;
/// assert!(has_words("جسر"));
/// assert!(!has_words("?! … --"));
/// ```
pub fn has_words(query: &str) -> bool {
    query.chars().any(char::is_alphanumeric)
}

/// Why the index gave no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchFailure {
    /// The index cannot be reached (no connection).
    Offline,
    /// The site has no index (a build without it, or a host that does not serve it).
    Missing,
    /// Another deployment replaced the index while this page was open.
    Changed,
    /// Anything else, with the browser's words.
    Failed(String),
}

impl SearchFailure {
    /// The failure the search bridge names (`offline`, `missing`, `changed`, anything else).
    ///
    /// ```
    /// use article_reader::model::search::SearchFailure;
    /// assert_eq!(SearchFailure::from_kind("changed", ""), SearchFailure::Changed);
    /// assert_eq!(SearchFailure::from_kind("failed", "HTTP 500"), SearchFailure::Failed("HTTP 500".into()));
    /// ```
    pub fn from_kind(kind: &str, detail: &str) -> SearchFailure {
        match kind {
            "offline" => SearchFailure::Offline,
            "missing" => SearchFailure::Missing,
            "changed" => SearchFailure::Changed,
            _ => SearchFailure::Failed(super::error::address_excerpt_detail(detail)),
        }
    }

    /// What the reader is told, in the interface language.
    pub fn message(&self, words: &Catalog) -> String {
        match self {
            SearchFailure::Offline => words.search_offline.to_string(),
            SearchFailure::Missing => words.search_missing.to_string(),
            SearchFailure::Changed => words.search_changed.to_string(),
            SearchFailure::Failed(why) => words.search_failed(why),
        }
    }
}

/// A piece of an excerpt: plain text, or a word the query matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Mark(String),
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Where the article opens (a path on this site).
    pub url: String,
    pub title: String,
    pub excerpt: Vec<Segment>,
    /// The article's language and its direction.
    pub lang: String,
    pub dir: Dir,
    pub section: Option<String>,
    /// RFC 3339, as the article gives it.
    pub date: Option<String>,
    pub image: Option<String>,
    pub image_alt: String,
}

/// The results of one query: the number found and those shown.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// The older articles this search did not cover yet ("Search older articles" adds them).
    pub unsearched: usize,
}

impl Results {
    /// Whether the reader may ask for older articles: every result found is on screen, and
    /// some articles were not searched.
    ///
    /// ```
    /// use article_reader::model::search::Results;
    /// let r = Results { total: 0, hits: vec![], unsearched: 9_000 };
    /// assert!(r.may_search_older());
    /// assert!(!Results { total: 12, ..r.clone() }.may_search_older());
    /// assert!(!Results { unsearched: 0, ..r }.may_search_older());
    /// ```
    pub fn may_search_older(&self) -> bool {
        self.unsearched > 0 && self.hits.len() >= self.total
    }
}

/// Decodes the character references Pagefind's excerpts use (`&amp;`, `&lt;`, `&#39;` …).
fn decode_entities(text: &str) -> String {
    super::delimited::replace_delimited(text, '&', ';', |name, out| {
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ if name.starts_with("#x") || name.starts_with("#X") => {
                u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32)
            }
            _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        c.map(|c| out.push(c)).is_some()
    })
}

/// An excerpt as the index gives it (escaped text with `<mark>` around matched words) read into
/// text and marks. Any other tag is dropped, never kept as markup; text is unescaped once.
///
/// ```
/// use article_reader::model::search::{excerpt_segments, Segment};
/// assert_eq!(
///     excerpt_segments("the <mark>bridge</mark> &amp; <b>its</b> &lt;script&gt;"),
///     vec![
///         Segment::Text("the ".into()),
///         Segment::Mark("bridge".into()),
///         Segment::Text(" & its <script>".into()),
///     ]
/// );
/// ```
pub fn excerpt_segments(html: &str) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut marked = false;
    let mut rest = html;
    let push = |text: &str, marked: bool, segments: &mut Vec<Segment>| {
        if text.is_empty() {
            return;
        }
        let text = decode_entities(text);
        match (segments.last_mut(), marked) {
            (Some(Segment::Text(t)), false) | (Some(Segment::Mark(t)), true) => t.push_str(&text),
            _ => segments.push(if marked {
                Segment::Mark(text)
            } else {
                Segment::Text(text)
            }),
        }
    };
    while let Some(open) = rest.find('<') {
        push(&rest[..open], marked, &mut segments);
        let Some(close) = rest[open..].find('>') else {
            push(&rest[open..], marked, &mut segments);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        if tag == "mark" {
            marked = true;
        } else if tag == "/mark" {
            marked = false;
        }
        rest = &rest[open + close + 1..];
    }
    push(rest, marked, &mut segments);
    segments
}

/// Reads the answer of the search bridge (`platform::search`): `{"total": n, "hits": [{"url",
/// "excerpt", "meta": {"title", "lang", "section", "date", "image", "image_alt"}}],
/// "unsearched": n}` (`unsearched` may be absent: none). A hit whose address is not a path on
/// this site is dropped. (Read as a `serde_json::Value`, which
/// the app's strict reader already brings: no new parser in the wasm.)
pub fn parse_results(json: &str) -> Result<Results, String> {
    let raw: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let total = raw.get("total").and_then(Value::as_u64).ok_or("no total")? as usize;
    let hits = raw.get("hits").and_then(Value::as_array).ok_or("no hits")?;
    let unsearched = match raw.get("unsearched") {
        None => 0,
        Some(n) => n.as_u64().ok_or("unsearched is not a count")? as usize,
    };
    let local = |s: &str| s.starts_with('/') && !s.starts_with("//");
    let hits = hits
        .iter()
        .filter_map(|h| {
            let url = h.get("url")?.as_str().filter(|u| local(u))?.to_string();
            let meta = |key: &str| {
                h.get("meta")
                    .and_then(|m| m.get(key))
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let lang = meta("lang").unwrap_or_else(|| "und".to_string());
            Some(Hit {
                dir: super::lang::direction_of(&lang),
                title: meta("title").unwrap_or_else(|| url.clone()),
                excerpt: excerpt_segments(h.get("excerpt").and_then(Value::as_str).unwrap_or_default()),
                url,
                lang,
                section: meta("section"),
                date: meta("date"),
                image: meta("image").filter(|s| local(s)),
                image_alt: meta("image_alt").unwrap_or_default(),
            })
        })
        .collect();
    Ok(Results {
        total,
        hits,
        unsearched,
    })
}

/// How text is compared: lower-cased by a folding the caller gives (the browser's, in the app,
/// which keeps Unicode's case tables out of the wasm).
pub type Fold<'a> = &'a dyn Fn(&str) -> String;

/// The words of a query, folded, without the punctuation around them.
fn query_words(query: &str, fold: Fold) -> Vec<String> {
    fold(query)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The text of an article that a search reads: headline, dek, takeaways, the editorial card and
/// the body.
pub fn article_text(article: &Article) -> String {
    let mut parts: Vec<String> = vec![article.headline.clone()];
    parts.extend(article.dek.clone());
    parts.extend(article.takeaways.iter().map(|t| t.plain_text()));
    if let Some(e) = &article.editorial {
        parts.push(e.title.clone());
        parts.extend(e.body.iter().map(|i| i.plain_text()));
    }
    for block in &article.body {
        parts.extend(block.inlines().into_iter().map(|i| i.plain_text()));
    }
    parts.join("\n")
}

/// About this many words around the first match make an excerpt.
const EXCERPT_WORDS: usize = 24;

/// The words of `text` around the first word that starts with a query word, the matching
/// words marked. `folded` is `text` folded (the same words, in the same order).
fn local_excerpt(text: &str, folded: &str, words: &[String]) -> Vec<Segment> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let folded: Vec<&str> = folded.split_whitespace().collect();
    let matches = |i: usize| {
        let t = folded
            .get(i)
            .map_or("", |t| t.trim_matches(|c: char| !c.is_alphanumeric()));
        !t.is_empty() && words.iter().any(|w| t.starts_with(w.as_str()))
    };
    let first = (0..tokens.len()).position(matches).unwrap_or(0);
    let start = first.saturating_sub(EXCERPT_WORDS / 3);
    let mut segments: Vec<Segment> = Vec::new();
    for (i, token) in tokens.iter().enumerate().skip(start).take(EXCERPT_WORDS) {
        let sep = if i > start { " " } else { "" };
        if matches(i) {
            match segments.last_mut() {
                Some(Segment::Text(t)) => t.push_str(sep),
                _ => segments.push(Segment::Text(sep.to_string())),
            }
            segments.push(Segment::Mark(token.to_string()));
        } else {
            match segments.last_mut() {
                Some(Segment::Text(t)) => {
                    t.push_str(sep);
                    t.push_str(token);
                }
                _ => segments.push(Segment::Text(format!("{sep}{token}"))),
            }
        }
    }
    segments.retain(|s| !matches!(s, Segment::Text(t) if t.is_empty()));
    segments
}

/// Searches articles the reader has (the saved ones, when the index cannot be reached): an
/// article matches when each query word starts a word of its text, compared after `fold`
/// (accents as typed). Most matching words first. `articles` holds each article with the path
/// that opens it.
///
/// ```
/// use article_reader::model::{parse_article, search::{search_articles, Segment}};
/// let a = parse_article(r#"{"id": "a", "headline": "The bridge reopens", "body": [{"type": "paragraph", "text": "Traffic crossed the bridge at dawn."}]}"#,
///     "https://news.example/articles/a.json").unwrap();
/// let fold = |s: &str| s.to_lowercase();
/// let results = search_articles("BRIDGE dawn", &[(a, "/articles/a/".to_string())], &fold);
/// assert_eq!(results.total, 1);
/// assert!(results.hits[0].excerpt.contains(&Segment::Mark("dawn.".into())));
/// assert_eq!(search_articles("tunnel", &[], &fold).total, 0);
/// ```
pub fn search_articles(query: &str, articles: &[(Article, String)], fold: Fold) -> Results {
    let words = query_words(query, fold);
    if words.is_empty() {
        return Results::default();
    }
    let mut scored: Vec<(usize, Hit)> = articles
        .iter()
        .filter_map(|(article, url)| {
            let text = article_text(article);
            let folded = fold(&text);
            let tokens: Vec<&str> = folded
                .split_whitespace()
                .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
                .collect();
            let count = |w: &String| tokens.iter().filter(|t| t.starts_with(w.as_str())).count();
            let counts: Vec<usize> = words.iter().map(count).collect();
            if counts.contains(&0) {
                return None;
            }
            // The excerpt from after the headline (its first line).
            let after_headline = |t: &str| t.split_once('\n').map_or(t.to_string(), |(_, rest)| rest.to_string());
            let (body, folded_body) = (after_headline(&text), after_headline(&folded));
            Some((
                counts.iter().sum(),
                Hit {
                    url: url.clone(),
                    title: article.headline.clone(),
                    excerpt: local_excerpt(&body, &folded_body, &words),
                    lang: article.language.clone(),
                    dir: article.dir,
                    section: article.section.clone(),
                    date: article.published.as_ref().map(|d| d.to_string()),
                    image: None,
                    image_alt: String::new(),
                },
            ))
        })
        .collect();
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    Results {
        total: scored.len(),
        hits: scored.into_iter().map(|(_, h)| h).collect(),
        unsearched: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_read_and_foreign_addresses_dropped() {
        let json = r#"{"total": 3, "hits": [
            {"url": "/articles/pont/", "excerpt": "le <mark>pont</mark> rouvre", "meta": {"title": "Le pont", "lang": "fr", "section": "Ville", "date": "2026-11-20T06:15:00Z", "image": "/articles/img/p.svg", "image_alt": "Un pont"}},
            {"url": "https://evil.example/", "excerpt": "x", "meta": {"title": "Evil"}},
            {"url": "/articles/jisr/", "excerpt": "<mark>جسر</mark>", "meta": {"title": "جسر", "lang": "ar", "image": "javascript:alert(1)"}}
        ]}"#;
        let r = parse_results(json).unwrap();
        assert_eq!(r.total, 3);
        assert_eq!(r.hits.len(), 2);
        assert_eq!(r.hits[0].dir, Dir::Ltr);
        assert_eq!(r.hits[0].section.as_deref(), Some("Ville"));
        assert_eq!(r.hits[1].dir, Dir::Rtl);
        assert_eq!(r.hits[1].image, None);
        assert_eq!(r.hits[1].excerpt, vec![Segment::Mark("جسر".into())]);
        assert_eq!(r.unsearched, 0);
        assert!(parse_results("{").is_err());
        let older = parse_results(r#"{"total": 0, "hits": [], "unsearched": 41000}"#).unwrap();
        assert_eq!(older.unsearched, 41_000);
        assert!(parse_results(r#"{"total": 0, "hits": [], "unsearched": "all"}"#).is_err());
    }

    #[test]
    fn markup_in_an_excerpt_stays_text() {
        let s =
            excerpt_segments("&lt;img src=x onerror=alert(1)&gt; <mark>&lt;b&gt;</mark> &#39;q&#x27; &bogus; a & b");
        assert_eq!(
            s,
            vec![
                Segment::Text("<img src=x onerror=alert(1)> ".into()),
                Segment::Mark("<b>".into()),
                Segment::Text(" 'q' &bogus; a & b".into()),
            ]
        );
        assert_eq!(
            excerpt_segments("unclosed <mark"),
            vec![Segment::Text("unclosed <mark".into())]
        );
    }

    #[test]
    fn queries_are_bounded() {
        assert_eq!(clean_query("a\u{0}b"), Some("a b".into()));
        assert!(clean_query(&"é".repeat(1000)).unwrap().chars().count() == MAX_QUERY_CHARS);
        assert!(has_words("x"));
        assert!(!has_words("<>"));
        assert_eq!(
            query_words("“Bridge,” (dawn)!", &|s: &str| s.to_lowercase()),
            vec!["bridge", "dawn"]
        );
    }
}
