//! The sitemaps (sitemaps.org 0.9): one per month of publication, so a new article changes the
//! current month's only; `sitemap.xml`, their index; a Google News sitemap of the last two days;
//! and `robots.txt`, which names the index. All of it lives under the site's `base_path`.

use super::escape;
use crate::model::date::DateTime;

/// The sitemaps' namespace.
pub const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
/// The Google News extension's namespace.
pub const NEWS_NS: &str = "http://www.google.com/schemas/sitemap-news/0.9";
/// How far back the news sitemap reaches (Google News reads two days).
pub const NEWS_WINDOW_SECONDS: i64 = 2 * 24 * 3600;
/// The most URLs a news sitemap may list.
pub const NEWS_MAX: usize = 1000;

/// A W3C datetime for `lastmod`: the timestamp with its own offset, seconds precision.
pub fn w3c(date: &DateTime) -> String {
    let t = date.at();
    let offset = i32::from(t.offset_minutes);
    let zone = if offset == 0 {
        "Z".to_string()
    } else {
        format!(
            "{}{:02}:{:02}",
            if offset < 0 { '-' } else { '+' },
            offset.abs() / 60,
            offset.abs() % 60
        )
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{zone}",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

/// The month an article belongs to (`2026-11`, in its own offset), or `undated`.
///
/// ```
/// use article_reader::model::date::DateTime;
/// use article_reader::publish::sitemaps::month_of;
/// assert_eq!(month_of(DateTime::parse("2026-11-30T23:30:00-05:00").as_ref()), "2026-11");
/// assert_eq!(month_of(None), "undated");
/// ```
pub fn month_of(published: Option<&DateTime>) -> String {
    published.map_or_else(
        || "undated".to_string(),
        |d| format!("{:04}-{:02}", d.at().year, d.at().month),
    )
}

/// One URL of a sitemap.
pub struct Url {
    pub loc: String,
    pub lastmod: Option<String>,
}

/// A sitemap document: `root` (with its namespace) holding one `item` per URL.
fn document(root: &str, item: &str, urls: &[Url]) -> String {
    let mut xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root} xmlns=\"{SITEMAP_NS}\">\n");
    for url in urls {
        xml.push_str(&format!("  <{item}><loc>{}</loc>", escape(&url.loc)));
        if let Some(lastmod) = &url.lastmod {
            xml.push_str(&format!("<lastmod>{lastmod}</lastmod>"));
        }
        xml.push_str(&format!("</{item}>\n"));
    }
    xml.push_str(&format!("</{root}>\n"));
    xml
}

/// A `<urlset>`.
pub fn urlset(urls: &[Url]) -> String {
    document("urlset", "url", urls)
}

/// A `<sitemapindex>` of `sitemaps` (each its address and newest `lastmod`).
pub fn index(sitemaps: &[Url]) -> String {
    document("sitemapindex", "sitemap", sitemaps)
}

/// One article of the news sitemap.
pub struct NewsItem {
    pub loc: String,
    pub language: String,
    pub published: DateTime,
    pub title: String,
}

/// Google News' language code: ISO 639 (`zh-cn` or `zh-tw` for Chinese).
///
/// ```
/// use article_reader::publish::sitemaps::news_language;
/// assert_eq!(news_language("en-GB"), "en");
/// assert_eq!(news_language("zh-Hant-TW"), "zh-tw");
/// assert_eq!(news_language("zh"), "zh-cn");
/// ```
pub fn news_language(tag: &str) -> String {
    let lower = tag.to_ascii_lowercase();
    let primary = lower.split('-').next().unwrap_or("und").to_string();
    if primary == "zh" {
        let traditional = lower.split('-').any(|p| matches!(p, "hant" | "tw" | "hk" | "mo"));
        return if traditional { "zh-tw" } else { "zh-cn" }.to_string();
    }
    primary
}

/// The news sitemap: the articles published in the two days up to `now` (Unix seconds), newest
/// first, at most [`NEWS_MAX`].
pub fn news(publication: &str, items: &[NewsItem], now: i64) -> String {
    let mut recent: Vec<&NewsItem> = items
        .iter()
        .filter(|i| {
            let at = i.published.unix_seconds();
            at <= now && now - at <= NEWS_WINDOW_SECONDS
        })
        .collect();
    recent.sort_by(|a, b| {
        b.published
            .unix_seconds()
            .cmp(&a.published.unix_seconds())
            .then(a.loc.cmp(&b.loc))
    });
    recent.truncate(NEWS_MAX);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{SITEMAP_NS}\" xmlns:news=\"{NEWS_NS}\">\n"
    );
    for i in recent {
        xml.push_str(&format!(
            "  <url><loc>{}</loc><news:news><news:publication><news:name>{}</news:name><news:language>{}</news:language></news:publication><news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>\n",
            escape(&i.loc),
            escape(publication),
            news_language(&i.language),
            w3c(&i.published),
            escape(&i.title)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: every page may be crawled; the sitemap index's address. (Crawlers read
/// `/robots.txt` at the host's root: a site under a `base_path` names this file's sitemap in
/// the host's own.)
pub fn robots(base_url: &str, base_path: &str) -> String {
    format!("User-agent: *\nAllow: {base_path}\nSitemap: {base_url}/sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lastmod_keeps_the_offset_and_drops_fractions() {
        let d = DateTime::parse("2026-11-20T06:15:00.123-05:00").unwrap();
        assert_eq!(w3c(&d), "2026-11-20T06:15:00-05:00");
        assert_eq!(
            w3c(&DateTime::parse("2026-11-20T06:15:00z").unwrap()),
            "2026-11-20T06:15:00Z"
        );
    }

    #[test]
    fn the_news_sitemap_holds_the_last_two_days_newest_first() {
        let item = |id: &str, at: &str| NewsItem {
            loc: format!("https://n.example/articles/{id}"),
            language: "fr".into(),
            published: DateTime::parse(at).unwrap(),
            title: format!("{id} & co"),
        };
        let now = DateTime::parse("2026-12-02T12:00:00Z").unwrap().unix_seconds();
        let xml = news(
            "Le Journal",
            &[
                item("old", "2026-11-30T11:59:59Z"),
                item("edge", "2026-11-30T12:00:00Z"),
                item("new", "2026-12-02T11:00:00Z"),
                item("future", "2026-12-02T12:00:01Z"),
            ],
            now,
        );
        let new = xml.find("articles/new").unwrap();
        let edge = xml.find("articles/edge").unwrap();
        assert!(new < edge);
        assert!(!xml.contains("articles/old") && !xml.contains("articles/future"));
        assert!(xml.contains("<news:title>new &amp; co</news:title>"));
        assert!(xml.contains("<news:language>fr</news:language>"));
    }
}

/// The monthly sitemaps of an archive (entries sorted oldest first): each month's file and its
/// URLs, then the index (the pages' sitemap first, then each month with its newest change).
/// `base` is the site's public address without the closing `/`.
///
/// ```
/// use article_reader::model::{date::DateTime, Summary};
/// use article_reader::publish::{order::Entry, sitemaps::monthly};
/// let entry = |id: &str, at: &str| Entry {
///     summary: Summary { id: id.into(), headline: id.into(), dek: None, image: None, published: DateTime::parse(at), section: None },
///     language: "en".into(),
///     updated: None,
/// };
/// let (files, index) = monthly(&[entry("a", "2026-10-30T09:00:00Z"), entry("b", "2026-11-02T09:00:00Z")], "https://n.example");
/// assert_eq!(files.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), ["sitemaps/2026-10.xml", "sitemaps/2026-11.xml"]);
/// assert_eq!(files[1].1[0].loc, "https://n.example/articles/b");
/// assert_eq!(index[0].loc, "https://n.example/sitemaps/pages.xml");
/// assert_eq!(index[2].lastmod.as_deref(), Some("2026-11-02T09:00:00Z"));
/// ```
pub fn monthly(entries: &[super::order::Entry], base: &str) -> (Vec<(String, Vec<Url>)>, Vec<Url>) {
    let mut months: std::collections::BTreeMap<String, Vec<&super::order::Entry>> = Default::default();
    for e in entries {
        months
            .entry(month_of(e.summary.published.as_ref()))
            .or_default()
            .push(e);
    }
    let mut index = vec![Url {
        loc: format!("{base}/sitemaps/pages.xml"),
        lastmod: None,
    }];
    let mut files = Vec::new();
    for (month, list) in &months {
        let urls: Vec<Url> = list
            .iter()
            .map(|e| Url {
                loc: format!("{base}/articles/{}", e.summary.id),
                lastmod: e.last_change().map(w3c),
            })
            .collect();
        let path = format!("sitemaps/{month}.xml");
        let newest = list
            .iter()
            .filter_map(|e| e.last_change())
            .max_by_key(|d| d.unix_seconds());
        index.push(Url {
            loc: format!("{base}/{path}"),
            lastmod: newest.map(w3c),
        });
        files.push((path, urls));
    }
    (files, index)
}

/// The news sitemap's articles: the newest, back to the first published more than two days
/// before `now`.
///
/// ```
/// use article_reader::model::{date::DateTime, Summary};
/// use article_reader::publish::{order::Entry, sitemaps::news_items};
/// let entry = |id: &str, at: &str| Entry {
///     summary: Summary { id: id.into(), headline: id.into(), dek: None, image: None, published: DateTime::parse(at), section: None },
///     language: "en".into(),
///     updated: None,
/// };
/// let now = DateTime::parse("2026-11-21T12:00:00Z").unwrap().unix_seconds();
/// let items = news_items(&[entry("old", "2026-11-01T09:00:00Z"), entry("new", "2026-11-21T09:00:00Z")], now, "https://n.example");
/// assert_eq!(items.iter().map(|i| i.loc.as_str()).collect::<Vec<_>>(), ["https://n.example/articles/new"]);
/// ```
pub fn news_items(entries: &[super::order::Entry], now: i64, base: &str) -> Vec<NewsItem> {
    entries
        .iter()
        .rev()
        .take_while(|e| {
            e.summary
                .published
                .as_ref()
                .is_some_and(|d| now - d.unix_seconds() <= NEWS_WINDOW_SECONDS)
        })
        .filter_map(|e| {
            Some(NewsItem {
                loc: format!("{base}/articles/{}", e.summary.id),
                language: e.language.clone(),
                published: e.summary.published.clone()?,
                title: e.summary.headline.clone(),
            })
        })
        .collect()
}

/// Writes one sitemap per month, their index, the news sitemap and `robots.txt`.
pub fn publish(output: &mut super::output::Output, entries: &[super::order::Entry], now: i64) -> Result<(), String> {
    let base = super::public_base();
    let home = Url {
        loc: format!("{base}/"),
        lastmod: None,
    };
    output.put("sitemaps/pages.xml", urlset(&[home]).as_bytes(), "sitemaps")?;
    let (files, index_urls) = monthly(entries, &base);
    for (path, urls) in &files {
        output.put(path, urlset(urls).as_bytes(), "sitemaps")?;
    }
    let items = news_items(entries, now, &base);
    output.put(
        "news-sitemap.xml",
        news(crate::site::NAME, &items, now).as_bytes(),
        "sitemaps",
    )?;
    output.put("sitemap.xml", index(&index_urls).as_bytes(), "sitemaps")?;
    output.put(
        "robots.txt",
        robots(&base, crate::site::BASE_PATH).as_bytes(),
        "sitemaps",
    )
}
