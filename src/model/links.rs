//! Where things point inside the reader: article JSON addresses and in-app routes.

use super::article::{Article, Block, Image, Inline, Related};
use super::error::LoadError;
use super::url::{directory_of, encode_component, origin_of, resolve, safe_url, FETCH_SCHEMES};
use super::validate::is_valid_id;

/// `path` (an in-app route such as `/saved` or `/articles/x`) under the folder `base` the
/// reader is served from (`/`, or such as `/reader/`).
///
/// ```
/// use article_reader::model::links::under;
/// assert_eq!(under("/", "/saved"), "/saved");
/// assert_eq!(under("/reader/", "/saved"), "/reader/saved");
/// assert_eq!(under("/reader/", "/"), "/reader/");
/// ```
pub fn under(base: &str, path: &str) -> String {
    format!("{base}{}", path.trim_start_matches('/'))
}

/// `path` under the folder this build of the reader is served from (`site.json`'s
/// `base_path`): every link, fetch and registration the app makes goes through it.
pub fn in_app(path: &str) -> String {
    under(crate::site::BASE_PATH, path)
}

/// The in-app route of a page's path (`/reader/embed/x` → `/embed/x` under `/reader/`), or
/// `None` when the path is outside the reader's folder.
///
/// ```
/// use article_reader::model::links::route_in;
/// assert_eq!(route_in("/reader/", "/reader/embed/x"), Some("/embed/x".to_string()));
/// assert_eq!(route_in("/reader/", "/reader"), Some("/".to_string()));
/// assert_eq!(route_in("/reader/", "/readers/x"), None);
/// assert_eq!(route_in("/", "/saved"), Some("/saved".to_string()));
/// ```
pub fn route_in(base: &str, path: &str) -> Option<String> {
    if format!("{path}/") == base {
        return Some("/".into());
    }
    path.strip_prefix(base).map(|rest| format!("/{rest}"))
}

/// The in-app path that reads the article JSON at `json_url`: `/articles/{id}` when the file is
/// one of the app's own (it sits in `articles_dir` and is named `{id}.json`), otherwise
/// `/read?src={json_url}`.
pub fn reader_path(json_url: &str, articles_dir: &str) -> String {
    if directory_of(json_url) == articles_dir {
        let without_query = json_url.split(['?', '#']).next().unwrap_or(json_url);
        let file = without_query.rsplit('/').next().unwrap_or("");
        if let Some(id) = file.strip_suffix(".json").filter(|id| is_valid_id(id)) {
            if without_query.len() == json_url.len() {
                return in_app(&format!("/articles/{id}"));
            }
        }
    }
    in_app(&format!("/read?src={}", encode_component(json_url)))
}

/// The search page's address for `query` (as typed: the page trims it when it searches).
///
/// ```
/// use article_reader::model::links::search_path;
/// assert!(search_path("harbor bridge").ends_with("search?q=harbor%20bridge"));
/// ```
pub fn search_path(query: &str) -> String {
    in_app(&format!("/search?q={}", encode_component(query)))
}

/// The JSON address of a related article: an `id` names a file next to the current article's
/// (`{id}.json`); a `url` is the address itself. `None` when the item has neither.
pub fn related_json_url(item: &Related, article_json_url: &str) -> Option<String> {
    match (&item.id, &item.url) {
        (Some(id), _) => resolve(article_json_url, &format!("{id}.json")),
        (None, Some(url)) => Some(url.clone()),
        (None, None) => None,
    }
}

/// The in-app link for a related article, or `None` when it has no address (it is then listed
/// without a link).
pub fn related_path(item: &Related, article_json_url: &str, articles_dir: &str) -> Option<String> {
    related_json_url(item, article_json_url).map(|json_url| reader_path(&json_url, articles_dir))
}

/// Validates the `src` of `/read?src=` and `/embed?src=`: http(s) or relative (resolved
/// against `app_url`), on the page's own origin or one of the site's allowed sources
/// (`sources` in site.json).
pub fn read_source(src: Option<&str>, app_url: &str) -> Result<String, LoadError> {
    let given = src.unwrap_or("").to_string();
    let url = safe_url(&given, app_url, FETCH_SCHEMES).ok_or(LoadError::BadSource { given })?;
    check_source(&url, app_url, &crate::site::SOURCES, false)?;
    Ok(url)
}

/// Whether the article JSON at `url` may be shown by the reader at `page_url`: it must come from
/// the page's own origin or from one of `sources` (origins as `site.json` lists them). Checked
/// on the address asked for, and again on the address the answer came from
/// (`redirected: true`), which a redirect may have moved elsewhere.
///
/// ```
/// use article_reader::model::links::check_source;
/// let page = "https://ledger.example/read?src=x";
/// let sources = ["https://wire.example"];
/// assert!(check_source("https://ledger.example/articles/a.json", page, &sources, false).is_ok());
/// assert!(check_source("https://WIRE.example:443/feed/a.json", page, &sources, false).is_ok());
/// // Lookalikes: another host behind user info, a longer name, another port, another scheme.
/// for url in ["https://wire.example@evil.example/a.json", "https://wire.example.evil.example/a.json",
///             "https://wire.example:8443/a.json", "http://wire.example/a.json"] {
///     assert!(check_source(url, page, &sources, false).is_err(), "{url}");
/// }
/// ```
pub fn check_source(url: &str, page_url: &str, sources: &[&str], redirected: bool) -> Result<(), LoadError> {
    let origin = origin_of(url);
    let own = origin_of(page_url);
    match origin {
        Some(o) if Some(&o) == own.as_ref() || sources.contains(&o.as_str()) => Ok(()),
        other => Err(LoadError::NotAllowed {
            origin: other.unwrap_or_else(|| url.chars().take(100).collect()),
            redirected,
        }),
    }
}

/// Where an article shown at `page_url` comes from, when that is not the page's own origin:
/// the host (with its port when it is not the default), for the line "From wire.example".
///
/// ```
/// use article_reader::model::links::provenance;
/// let page = "https://ledger.example/read?src=x";
/// assert_eq!(provenance("https://wire.example/a.json", page).as_deref(), Some("wire.example"));
/// assert_eq!(provenance("https://ledger.example/articles/a.json", page), None);
/// ```
pub fn provenance(json_url: &str, page_url: &str) -> Option<String> {
    let origin = origin_of(json_url)?;
    if Some(&origin) == origin_of(page_url).as_ref() {
        return None;
    }
    origin.split_once("://").map(|(_, host)| host.to_string())
}

/// Every URL an article carries (links, images, authors, publisher, related articles), for
/// checks that none has a scheme the reader refuses.
pub fn all_urls(article: &Article) -> Vec<&str> {
    fn inline<'a>(text: &'a Inline, out: &mut Vec<&'a str>) {
        out.extend(text.0.iter().filter_map(|s| s.href.as_deref()));
    }
    fn image<'a>(image: &'a Image, out: &mut Vec<&'a str>) {
        out.extend(image.src.as_deref());
        out.extend(image.srcset.iter().map(|c| c.src.as_str()));
    }
    let mut out = Vec::new();
    out.extend(article.url.as_deref());
    for author in &article.authors {
        out.extend(author.url.as_deref());
    }
    if let Some(p) = &article.publisher {
        out.extend(p.url.as_deref());
        out.extend(p.logo.as_deref());
    }
    if let Some(i) = &article.image {
        image(i, &mut out);
    }
    for t in &article.takeaways {
        inline(t, &mut out);
    }
    if let Some(e) = &article.editorial {
        for p in &e.body {
            inline(p, &mut out);
        }
    }
    for block in &article.body {
        block.inlines().into_iter().for_each(|t| inline(t, &mut out));
        block.images().into_iter().for_each(|i| image(i, &mut out));
        if let Block::Embed(e) = block {
            out.push(&e.url);
        }
    }
    for r in &article.related {
        out.extend(r.url.as_deref());
        if let Some(i) = &r.image {
            image(i, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page scripts' copy of the rule (src/page/route.mjs) passes the same cases
    /// (tests/tools/page-scripts.test.mjs).
    #[test]
    fn check_source_gives_the_shared_cases() {
        let cases: serde_json::Value = serde_json::from_str(include_str!("../../tests/cases/sources.json")).unwrap();
        let page = cases["page"].as_str().unwrap();
        let sources: Vec<&str> = cases["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        for case in cases["cases"].as_array().unwrap() {
            let allowed = check_source(case[0].as_str().unwrap(), page, &sources, false).is_ok();
            assert_eq!(allowed, case[1].as_bool().unwrap(), "{case}");
        }
    }

    #[test]
    fn route_in_gives_the_shared_cases() {
        let cases: serde_json::Value = serde_json::from_str(include_str!("../../tests/cases/route.json")).unwrap();
        for case in cases["cases"].as_array().unwrap() {
            let [base, path, route] = [0, 1, 2].map(|i| case[i].as_str());
            assert_eq!(route_in(base.unwrap(), path.unwrap()).as_deref(), route, "{case}");
        }
    }

    const DIR: &str = "http://127.0.0.1:8080/articles/";

    fn related(id: Option<&str>, url: Option<&str>) -> Related {
        Related {
            id: id.map(String::from),
            url: url.map(String::from),
            headline: "H".into(),
            dek: None,
            image: None,
            published: None,
        }
    }

    #[test]
    fn own_articles_get_short_routes() {
        assert_eq!(
            reader_path("http://127.0.0.1:8080/articles/city-budget.json", DIR),
            "/articles/city-budget"
        );
        assert_eq!(
            reader_path("http://127.0.0.1:8080/articles/city-budget.json?v=2", DIR),
            "/read?src=http%3A%2F%2F127.0.0.1%3A8080%2Farticles%2Fcity-budget.json%3Fv%3D2"
        );
        assert_eq!(
            reader_path("https://partner.example/feed/x.json", DIR),
            "/read?src=https%3A%2F%2Fpartner.example%2Ffeed%2Fx.json"
        );
    }

    #[test]
    fn related_ids_resolve_next_to_the_current_article() {
        let own = "http://127.0.0.1:8080/articles/a.json";
        assert_eq!(
            related_path(&related(Some("b"), None), own, DIR).as_deref(),
            Some("/articles/b")
        );
        let partner = "https://partner.example/feed/a.json";
        assert_eq!(
            related_path(&related(Some("b"), None), partner, DIR).as_deref(),
            Some("/read?src=https%3A%2F%2Fpartner.example%2Ffeed%2Fb.json")
        );
        assert_eq!(
            related_path(
                &related(None, Some("http://127.0.0.1:8080/articles/c.json")),
                partner,
                DIR
            )
            .as_deref(),
            Some("/articles/c")
        );
        assert_eq!(related_path(&related(None, None), own, DIR), None);
    }

    /// Only the page's own origin and the listed ones pass, however the address is dressed up.
    #[test]
    fn sources_outside_the_list_are_refused() {
        let page = "https://ledger.example/reader/read?src=x";
        let sources = ["https://wire.example", "http://127.0.0.1:9000"];
        for ok in [
            "https://ledger.example/reader/articles/a.json",
            "https://ledger.example/elsewhere/a.json",
            "HTTPS://LEDGER.EXAMPLE/a.json",
            "https://wire.example/a.json",
            "https://user:pass@wire.example/a.json",
            "https://wire.example:443/a.json",
            "http://127.0.0.1:9000/a.json",
        ] {
            assert_eq!(check_source(ok, page, &sources, false), Ok(()), "{ok}");
        }
        for (bad, origin) in [
            (
                "https://wire.example.evil.example/a.json",
                "https://wire.example.evil.example",
            ),
            ("https://evilwire.example/a.json", "https://evilwire.example"),
            ("https://wire.example@evil.example/a.json", "https://evil.example"),
            ("https://wire.example:8443/a.json", "https://wire.example:8443"),
            ("http://wire.example/a.json", "http://wire.example"),
            ("https://wire.example./a.json", "https://wire.example."),
            ("http://127.0.0.1:9001/a.json", "http://127.0.0.1:9001"),
            ("http://localhost:9000/a.json", "http://localhost:9000"),
            ("https://ledger.example:8443/a.json", "https://ledger.example:8443"),
        ] {
            assert_eq!(
                check_source(bad, page, &sources, true),
                Err(LoadError::NotAllowed {
                    origin: origin.into(),
                    redirected: true
                }),
                "{bad}"
            );
        }
        // A host a browser might read otherwise is refused, not guessed at.
        for odd in [
            "https://evil.example\\@wire.example/a.json",
            "https://wire%2eexample/a.json",
            "https://wire.example:99999/",
        ] {
            assert!(check_source(odd, page, &sources, false).is_err(), "{odd}");
        }
        assert_eq!(
            provenance("https://wire.example/a.json", page).as_deref(),
            Some("wire.example")
        );
        assert_eq!(
            provenance("http://127.0.0.1:9000/a.json", page).as_deref(),
            Some("127.0.0.1:9000")
        );
        assert_eq!(provenance("https://ledger.example/x/a.json", page), None);
    }

    #[test]
    fn read_sources_must_be_http() {
        let app = "http://127.0.0.1:8080/read?src=x";
        assert_eq!(
            read_source(Some("articles/a.json"), app).unwrap(),
            "http://127.0.0.1:8080/articles/a.json"
        );
        // Another origin is refused unless site.json lists it (this site lists only these).
        assert!(!crate::site::SOURCES.contains(&"https://x.example"));
        assert_eq!(
            read_source(Some("https://x.example/a.json"), app),
            Err(LoadError::NotAllowed {
                origin: "https://x.example".into(),
                redirected: false
            })
        );
        for source in crate::site::SOURCES {
            assert_eq!(
                read_source(Some(&format!("{source}/a.json")), app).unwrap(),
                format!("{source}/a.json")
            );
        }
        assert!(matches!(
            read_source(Some("javascript:alert(1)"), app),
            Err(LoadError::BadSource { .. })
        ));
        assert!(matches!(
            read_source(Some("file:///etc/passwd"), app),
            Err(LoadError::BadSource { .. })
        ));
        assert!(matches!(read_source(None, app), Err(LoadError::BadSource { .. })));
    }
}
