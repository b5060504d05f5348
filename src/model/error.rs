//! Why an article or the index could not be shown, with the words the reader sees.

use std::fmt;

use super::i18n::{Catalog, EN};
use super::url::address_excerpt;

/// One validation problem: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Everything that can go wrong between a URL and a rendered article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The `src` of `/read?src=` is missing or not an http(s) URL.
    BadSource { given: String },
    /// The source (or where its address led, `redirected`) is not on the site's own origin nor
    /// one of its allowed sources (`sources` in site.json): it is not shown under the site's name.
    NotAllowed { origin: String, redirected: bool },
    /// `/articles/{id}` with an id that cannot name an article file.
    BadId { given: String },
    /// The browser is offline and no stored copy exists. `article` is false for the front page.
    Offline { article: bool },
    /// The request never got a response (DNS, CORS, connection reset).
    Network { detail: String },
    /// No complete response within the time limit.
    Timeout { seconds: u32 },
    /// The server answered with a non-2xx status. `retry_after`: seconds from its
    /// `Retry-After` header, if any.
    Http {
        status: u16,
        status_text: String,
        retry_after: Option<u32>,
    },
    /// The response started but the connection broke before its body was complete.
    Interrupted,
    /// The server labelled the response as something that is not JSON (`text/html`, an image …).
    WrongType { content_type: String },
    /// The document is larger than the reader accepts.
    TooLarge { bytes: u64, limit: u64 },
    /// The body is not JSON (an HTML page, a truncated document …).
    NotJson { detail: String },
    /// The JSON is not a valid article (or index); every problem with its path.
    Invalid { problems: Vec<Problem> },
    /// The code that reads it comes on first use (a chunk of the islands bundle) and could not
    /// be fetched: offline before it was cached, or a deployment replaced it.
    CodeUnavailable,
    /// The code of the page itself (the app's route, a chunk of its own) could not be fetched,
    /// for the same reasons.
    PageCodeUnavailable,
}

impl LoadError {
    /// A short, specific heading, in English.
    pub fn title(&self) -> String {
        self.title_in(&EN)
    }

    /// One or two sentences saying what happened and what the reader can do, in English.
    pub fn message(&self) -> String {
        self.message_in(&EN)
    }

    /// A short, specific heading in the catalogue's language.
    pub fn title_in(&self, c: &Catalog) -> String {
        match self {
            LoadError::BadSource { .. } => c.err_bad_source_title.into(),
            LoadError::NotAllowed { .. } => c.err_not_allowed_title.into(),
            LoadError::BadId { .. } => c.err_not_found_title.into(),
            LoadError::Offline { article: true } => c.err_offline_article_title.into(),
            LoadError::Offline { article: false } => c.err_offline_list_title.into(),
            LoadError::Network { .. } => c.err_network_title.into(),
            LoadError::Timeout { .. } => c.err_timeout_title.into(),
            LoadError::Http { status: 404, .. } => c.err_not_found_title.into(),
            LoadError::Http { status: 410, .. } => c.err_gone_title.into(),
            LoadError::Http { status: 429, .. } => c.err_busy_title.into(),
            LoadError::Http { status: 503, .. } => c.err_unavailable_title.into(),
            LoadError::Http { status, .. } => c.err_http_title(&status.to_string()),
            LoadError::Interrupted => c.err_interrupted_title.into(),
            LoadError::WrongType { content_type } if is_html(content_type) => c.err_html_title.into(),
            LoadError::WrongType { .. } => c.err_not_article_title.into(),
            LoadError::TooLarge { .. } => c.err_too_large_title.into(),
            LoadError::NotJson { .. } => c.err_not_article_title.into(),
            LoadError::Invalid { .. } => c.err_invalid_title.into(),
            LoadError::CodeUnavailable => c.part_failed_title.into(),
            LoadError::PageCodeUnavailable => c.page_failed_title.into(),
        }
    }

    /// One or two sentences in the catalogue's language. Technical details inside them (a
    /// JSON syntax error, the browser's words for a network failure) stay as they come.
    pub fn message_in(&self, c: &Catalog) -> String {
        match self {
            LoadError::BadSource { given } if given.trim().is_empty() => c.err_no_source.into(),
            LoadError::BadSource { given } => c.err_bad_source(&address_excerpt(given)),
            LoadError::NotAllowed {
                origin,
                redirected: false,
            } => c.err_not_allowed(&address_excerpt(origin), crate::site::NAME),
            LoadError::NotAllowed {
                origin,
                redirected: true,
            } => c.err_redirected_away(&address_excerpt(origin), crate::site::NAME),
            LoadError::BadId { given } => c.err_bad_id(&address_excerpt(given)),
            LoadError::Offline { article: true } => c.err_offline_article.into(),
            LoadError::Offline { article: false } => c.err_offline_list.into(),
            LoadError::Network { detail } => c.err_network(&address_excerpt_detail(detail)),
            LoadError::Timeout { seconds } => c.err_timeout(*seconds as usize),
            LoadError::Http {
                status,
                status_text,
                retry_after,
            } => {
                let code = if status_text.is_empty() {
                    status.to_string()
                } else {
                    format!("{status} {status_text}")
                };
                let wait = match retry_after {
                    Some(0) | None => c.wait_moment.to_string(),
                    Some(s) if *s < 120 => c.wait_seconds(*s as usize),
                    Some(s) => c.wait_minutes(s.div_ceil(60) as usize),
                };
                match status {
                    404 => c.err_404(&code),
                    410 => c.err_410(&code),
                    429 => c.err_429(&code, &wait),
                    503 => c.err_503(&code, &wait),
                    500..=599 => c.err_5xx(&code),
                    _ => c.err_4xx(&code),
                }
            }
            LoadError::Interrupted => c.err_interrupted.into(),
            LoadError::WrongType { content_type } if is_html(content_type) => c.err_html.into(),
            LoadError::WrongType { content_type } => {
                let shown: String = content_type.chars().take(80).collect();
                c.err_wrong_type(&shown)
            }
            LoadError::TooLarge { bytes, limit } => c.err_too_large(&mb(*limit), &mb(*bytes)),
            LoadError::NotJson { detail } => c.err_not_json(detail),
            LoadError::Invalid { problems } => c.err_invalid(problems.len()),
            LoadError::CodeUnavailable => c.part_failed.into(),
            LoadError::PageCodeUnavailable => c.page_failed.into(),
        }
    }

    /// The validation problems to list, if any.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid { problems } => problems,
            _ => &[],
        }
    }

    /// A stable name for the kind of error (used as a CSS hook and by the browser tests).
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::BadSource { .. } => "bad-source",
            LoadError::NotAllowed { .. } => "not-allowed",
            LoadError::BadId { .. } => "bad-id",
            LoadError::Offline { .. } => "offline",
            LoadError::Network { .. } => "network",
            LoadError::Timeout { .. } => "timeout",
            LoadError::Http { .. } => "http",
            LoadError::Interrupted => "interrupted",
            LoadError::WrongType { .. } => "wrong-type",
            LoadError::TooLarge { .. } => "too-large",
            LoadError::NotJson { .. } => "not-json",
            LoadError::Invalid { .. } => "invalid",
            LoadError::CodeUnavailable => "code-unavailable",
            LoadError::PageCodeUnavailable => "page-code-unavailable",
        }
    }

    /// Whether trying again could help (a Retry button is offered).
    pub fn retryable(&self) -> bool {
        !matches!(
            self,
            LoadError::BadSource { .. }
                | LoadError::NotAllowed { .. }
                | LoadError::BadId { .. }
                | LoadError::TooLarge { .. }
        )
    }
}

/// The reader's English title and message: `Article not found: …`.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.title(), self.message())
    }
}

impl std::error::Error for LoadError {}

/// The browser's own words for a network failure, cut to a sentence's length: some browsers
/// quote the address they could not fetch, and a message never replays a whole address.
pub(crate) fn address_excerpt_detail(detail: &str) -> String {
    const MAX: usize = 160;
    if detail.chars().count() <= MAX {
        detail.to_string()
    } else {
        format!("{}…", detail.chars().take(MAX).collect::<String>())
    }
}

/// A media type without its parameters, lower-cased: `Text/HTML; charset=utf-8` → `text/html`.
fn essence(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

fn is_html(content_type: &str) -> bool {
    matches!(essence(content_type).as_str(), "text/html" | "application/xhtml+xml")
}

/// Megabytes with one decimal, for messages. Integer arithmetic: formatting a float would
/// bring the float formatter (some 4 KB) into the wasm.
fn mb(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    let tenths = (bytes.saturating_mul(10) + MB / 2) / MB;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Whether a response's `Content-Type` can carry article JSON. JSON types, and the generic types
/// many static hosts use for `.json` files (`text/plain`, `application/octet-stream`), are
/// read; anything else (`text/html`, images, PDFs …) is refused with [`LoadError::WrongType`].
/// No header at all is read too.
pub fn json_content_type(content_type: Option<&str>) -> Result<(), LoadError> {
    let Some(raw) = content_type else {
        return Ok(());
    };
    let essence = essence(raw);
    let ok = essence.is_empty()
        || essence == "application/json"
        || essence == "text/json"
        || essence == "text/plain"
        || essence == "application/octet-stream"
        || (essence.starts_with("application/") && essence.ends_with("+json"));
    if ok {
        Ok(())
    } else {
        Err(LoadError::WrongType {
            content_type: raw.trim().to_string(),
        })
    }
}

/// Describes a `serde_json` syntax error in words a reader understands.
pub fn describe_json_error(err: &serde_json::Error, body: &str) -> String {
    let trimmed = body.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return "the response was empty".into();
    }
    if trimmed.starts_with('<') {
        return "it looks like an HTML page".into();
    }
    let full = err.to_string();
    if full.contains("recursion limit exceeded") {
        return format!(
            "it is nested more than 128 levels deep (line {}, column {})",
            err.line(),
            err.column()
        );
    }
    if err.is_data() || full.contains("number out of range") {
        // Our own checks (duplicate keys) and numbers too large to hold.
        let what = super::json::error_text(err);
        let what = if what.contains("number out of range") {
            "a number is out of range"
        } else {
            &what
        };
        return format!("{what} (line {}, column {})", err.line(), err.column());
    }
    if err.is_eof() {
        return format!(
            "the document ends too early (line {}, column {}), it may be truncated",
            err.line(),
            err.column()
        );
    }
    format!("syntax error at line {}, column {}", err.line(), err.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_errors_display_their_title_and_message() {
        let e = LoadError::Http {
            retry_after: None,
            status: 404,
            status_text: "Not Found".into(),
        };
        let shown = e.to_string();
        assert!(shown.starts_with(&format!("{}: ", e.title())), "{shown}");
        assert!(shown.ends_with(&e.message()), "{shown}");
        let boxed: Box<dyn std::error::Error> = Box::new(e);
        assert!(!boxed.to_string().is_empty());
    }

    /// A refused address is named by its scheme and host at most: a crafted `data:` or
    /// `javascript:` address, an id or a far host cannot put a headline on the site's page.
    #[test]
    fn refusals_never_replay_the_address() {
        let planted = "Mayor Resigns After Bribery Arrest";
        let given = format!("data:application/json,{{\"headline\":\"{planted}\",\"body\":[]}}");
        let cases = [
            LoadError::BadSource { given: given.clone() },
            LoadError::BadSource {
                given: format!("javascript:alert('{planted}')"),
            },
            LoadError::BadSource {
                given: format!("{planted} {planted}"),
            },
            LoadError::BadId {
                given: format!("{planted} and more words after it"),
            },
            LoadError::NotAllowed {
                origin: format!("https://evil.example/{planted}"),
                redirected: false,
            },
            LoadError::NotAllowed {
                origin: format!("https://evil.example/{planted}"),
                redirected: true,
            },
            LoadError::Network {
                detail: format!("Failed to fetch {}", "x".repeat(300)),
            },
        ];
        for e in cases {
            for c in [&EN, &crate::model::i18n::FR, &crate::model::i18n::AR] {
                let message = e.message_in(c);
                assert!(!message.contains(planted), "{message}");
                assert!(!message.contains("Bribery"), "{message}");
                assert!(message.chars().count() < 400, "{message}");
            }
        }
        assert!(LoadError::BadSource { given }.message().contains("“data:…”"));
        assert!(LoadError::NotAllowed {
            origin: "https://wire.example".into(),
            redirected: false
        }
        .message()
        .contains("https://wire.example is not one of them"));
    }

    #[test]
    fn megabytes_have_one_rounded_decimal() {
        assert_eq!(mb(0), "0.0");
        assert_eq!(mb(5 * 1024 * 1024), "5.0");
        assert_eq!(mb(6_291_456 + 52_429), "6.1");
        assert_eq!(mb(1024 * 1024 - 1), "1.0");
        assert_eq!(mb(104_857), "0.1");
    }

    #[test]
    fn messages_are_specific() {
        let e = LoadError::Http {
            retry_after: None,
            status: 502,
            status_text: "Bad Gateway".into(),
        };
        assert!(e.title().contains("502"));
        assert!(e.message().contains("HTTP 502 Bad Gateway"));
        let e = LoadError::Http {
            retry_after: None,
            status: 503,
            status_text: "Service Unavailable".into(),
        };
        assert!(e.message().contains("HTTP 503 Service Unavailable"));
        assert_eq!(
            LoadError::Http {
                status: 404,
                status_text: String::new(),
                retry_after: None,
            }
            .title(),
            "Article not found"
        );
        assert!(LoadError::Timeout { seconds: 10 }.message().contains("10 seconds"));
        assert!(!LoadError::BadSource {
            given: "javascript:x".into()
        }
        .retryable());
        assert!(LoadError::Network { detail: "x".into() }.retryable());
    }

    #[test]
    fn json_errors_are_described() {
        let body = "<!doctype html><p>hi";
        let err = serde_json::from_str::<serde_json::Value>(body).unwrap_err();
        assert_eq!(describe_json_error(&err, body), "it looks like an HTML page");
        let body = "{\"id\": \"a\", \"headline\": \"tru";
        let err = serde_json::from_str::<serde_json::Value>(body).unwrap_err();
        assert!(describe_json_error(&err, body).contains("truncated"));
        let err = serde_json::from_str::<serde_json::Value>("").unwrap_err();
        assert_eq!(describe_json_error(&err, ""), "the response was empty");
        let err = serde_json::from_str::<serde_json::Value>("{,}").unwrap_err();
        assert!(describe_json_error(&err, "{,}").starts_with("syntax error at line 1"));
        let deep = "[".repeat(200);
        let err = crate::model::json::parse_strict(&deep).unwrap_err();
        assert!(describe_json_error(&err, &deep).starts_with("it is nested more than 128 levels deep"));
        let err = crate::model::json::parse_strict("[1e999]").unwrap_err();
        assert_eq!(
            describe_json_error(&err, "[1e999]"),
            "a number is out of range (line 1, column 6)"
        );
        let dup = r#"{"id": "a",
          "id": "b"}"#;
        let err = crate::model::json::parse_strict(dup).unwrap_err();
        assert!(
            describe_json_error(&err, dup).starts_with("the key “id” appears twice in one object (line 2"),
            "{}",
            describe_json_error(&err, dup)
        );
    }

    #[test]
    fn each_fault_has_its_own_words() {
        let http = |status, retry_after| LoadError::Http {
            status,
            status_text: String::new(),
            retry_after,
        };
        let all = [
            http(404, None),
            http(410, None),
            http(429, Some(30)),
            http(500, None),
            http(503, Some(600)),
            LoadError::Interrupted,
            LoadError::WrongType {
                content_type: "text/html; charset=utf-8".into(),
            },
            LoadError::WrongType {
                content_type: "image/png".into(),
            },
            LoadError::TooLarge {
                bytes: 9 << 20,
                limit: 5 << 20,
            },
            LoadError::Timeout { seconds: 10 },
            LoadError::Network {
                detail: "no response from the server".into(),
            },
            LoadError::CodeUnavailable,
            LoadError::PageCodeUnavailable,
        ];
        let messages: Vec<String> = all.iter().map(|e| format!("{} / {}", e.title(), e.message())).collect();
        for (i, m) in messages.iter().enumerate() {
            assert!(!messages[..i].contains(m), "same words twice: {m}");
        }
        assert!(http(429, Some(30)).message().contains("wait 30 seconds"));
        assert!(http(503, Some(600)).message().contains("about 10 minutes"));
        assert!(LoadError::TooLarge {
            bytes: 9 << 20,
            limit: 5 << 20
        }
        .message()
        .contains("9.0 MB"));
        assert!(!LoadError::TooLarge { bytes: 1, limit: 0 }.retryable());
    }

    #[test]
    fn content_types() {
        for ok in [
            None,
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("text/plain"),
            Some("application/ld+json"),
            Some("application/octet-stream"),
            Some(""),
        ] {
            assert_eq!(json_content_type(ok), Ok(()), "{ok:?}");
        }
        for bad in [
            "text/html",
            "TEXT/HTML; charset=utf-8",
            "image/png",
            "application/pdf",
            "application/javascript",
        ] {
            assert!(
                matches!(json_content_type(Some(bad)), Err(LoadError::WrongType { .. })),
                "{bad}"
            );
        }
    }
}
