//! Where things point inside the reader: article JSON addresses and in-app routes.

use super::article::{Article, Block, Image, Inline, Related};
use super::error::LoadError;
use super::url::{directory_of, encode_component, resolve, safe_url, FETCH_SCHEMES};
use super::validate::is_valid_id;

/// The in-app path that reads the article JSON at `json_url`: `/articles/{id}` when the file is
/// one of the app's own (it sits in `articles_dir` and is named `{id}.json`), otherwise
/// `/read?src={json_url}`.
pub fn reader_path(json_url: &str, articles_dir: &str) -> String {
    if directory_of(json_url) == articles_dir {
        let without_query = json_url.split(['?', '#']).next().unwrap_or(json_url);
        let file = without_query.rsplit('/').next().unwrap_or("");
        if let Some(id) = file.strip_suffix(".json").filter(|id| is_valid_id(id)) {
            if without_query.len() == json_url.len() {
                return format!("/articles/{id}");
            }
        }
    }
    format!("/read?src={}", encode_component(json_url))
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

/// Validates the `src` of `/read?src=`: http(s) or relative (resolved against `app_url`).
pub fn read_source(src: Option<&str>, app_url: &str) -> Result<String, LoadError> {
    let given = src.unwrap_or("").to_string();
    safe_url(&given, app_url, FETCH_SCHEMES).ok_or(LoadError::BadSource { given })
}

/// Every URL an article carries (links, images, authors, publisher, related articles), for
/// checks that none has a scheme the reader refuses.
pub fn all_urls(article: &Article) -> Vec<&str> {
    fn inline<'a>(text: &'a Inline, out: &mut Vec<&'a str>) {
        out.extend(text.0.iter().filter_map(|s| s.href.as_deref()));
    }
    fn image<'a>(image: &'a Image, out: &mut Vec<&'a str>) {
        out.extend(image.src.as_deref());
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
        match block {
            Block::Paragraph { text } | Block::Heading { text, .. } | Block::Quote { text, .. } => {
                inline(text, &mut out)
            }
            Block::List { items, .. } => items.iter().for_each(|t| inline(t, &mut out)),
            Block::Image(i) => image(i, &mut out),
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

    #[test]
    fn read_sources_must_be_http() {
        let app = "http://127.0.0.1:8080/read?src=x";
        assert_eq!(
            read_source(Some("articles/a.json"), app).unwrap(),
            "http://127.0.0.1:8080/articles/a.json"
        );
        assert_eq!(
            read_source(Some("https://x.example/a.json"), app).unwrap(),
            "https://x.example/a.json"
        );
        assert!(matches!(
            read_source(Some("javascript:alert(1)"), app),
            Err(LoadError::BadSource { .. })
        ));
        assert!(matches!(
            read_source(Some("file:///etc/passwd"), app),
            Err(LoadError::BadSource { .. })
        ));
        assert!(matches!(
            read_source(None, app),
            Err(LoadError::BadSource { .. })
        ));
    }
}
