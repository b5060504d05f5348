//! Why an article or the index could not be shown, with the words the reader sees.

use super::validate::Problem;

/// Everything that can go wrong between a URL and a rendered article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The `src` of `/read?src=` is missing or not an http(s) URL.
    BadSource { given: String },
    /// `/articles/{id}` with an id that cannot name an article file.
    BadId { given: String },
    /// The browser is offline and no stored copy exists. `article` is false for the front page.
    Offline { article: bool },
    /// The request never got a response (DNS, CORS, connection reset).
    Network { detail: String },
    /// No complete response within the time limit.
    Timeout { seconds: u32 },
    /// The server answered with a non-2xx status.
    Http { status: u16, status_text: String },
    /// The body is not JSON (an HTML page, a truncated document …).
    NotJson { detail: String },
    /// The JSON is not a valid article (or index); every problem with its path.
    Invalid { problems: Vec<Problem> },
}

impl LoadError {
    /// A short, specific heading.
    pub fn title(&self) -> String {
        match self {
            LoadError::BadSource { .. } => "This link can't be opened".into(),
            LoadError::BadId { .. } => "Article not found".into(),
            LoadError::Offline { article: true } => {
                "You're offline and this article hasn't been saved".into()
            }
            LoadError::Offline { article: false } => {
                "You're offline and the article list isn't stored yet".into()
            }
            LoadError::Network { .. } => "Couldn't reach the server".into(),
            LoadError::Timeout { .. } => "The server took too long to answer".into(),
            LoadError::Http {
                status: 404 | 410, ..
            } => "Article not found".into(),
            LoadError::Http { status, .. } => {
                format!("The server answered with an error (HTTP {status})")
            }
            LoadError::NotJson { .. } => "This isn't an article file".into(),
            LoadError::Invalid { .. } => "This article file has problems".into(),
        }
    }

    /// One or two sentences saying what happened and what the reader can do.
    pub fn message(&self) -> String {
        match self {
            LoadError::BadSource { given } if given.trim().is_empty() => {
                "No article address was given. Add ?src= followed by the URL of an article's JSON file.".into()
            }
            LoadError::BadSource { given } => format!(
                "“{given}” is not an http or https address, so the reader won't load it."
            ),
            LoadError::BadId { given } => format!(
                "“{given}” is not an article name: names use only a-z, 0-9 and hyphens."
            ),
            LoadError::Offline { article: true } => {
                "Articles you have opened or saved are available without a connection. This one will load when you're back online.".into()
            }
            LoadError::Offline { article: false } => {
                "The list of articles will load when you're back online. Articles you saved are on the Saved page.".into()
            }
            LoadError::Network { detail } => format!(
                "The request failed before any answer arrived ({detail}). Check your connection and try again. An article on another site can only be read here if that site allows it (CORS)."
            ),
            LoadError::Timeout { seconds } => format!(
                "No complete answer arrived within {seconds} seconds, so the request was stopped."
            ),
            LoadError::Http { status, status_text } => {
                let text = if status_text.is_empty() { String::new() } else { format!(" {status_text}") };
                match status {
                    404 | 410 => format!("The server has no article at this address (HTTP {status}{text})."),
                    500..=599 => format!("The server failed to deliver the article (HTTP {status}{text}). This is usually temporary."),
                    _ => format!("The server refused the request (HTTP {status}{text})."),
                }
            }
            LoadError::NotJson { detail } => format!("The server sent something that isn't valid JSON: {detail}."),
            LoadError::Invalid { problems } => match problems.len() {
                1 => "It can't be shown because of this problem:".into(),
                n => format!("It can't be shown because of these {n} problems:"),
            },
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
            LoadError::BadId { .. } => "bad-id",
            LoadError::Offline { .. } => "offline",
            LoadError::Network { .. } => "network",
            LoadError::Timeout { .. } => "timeout",
            LoadError::Http { .. } => "http",
            LoadError::NotJson { .. } => "not-json",
            LoadError::Invalid { .. } => "invalid",
        }
    }

    /// Whether trying again could help (a Retry button is offered).
    pub fn retryable(&self) -> bool {
        !matches!(self, LoadError::BadSource { .. } | LoadError::BadId { .. })
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
    if err.is_eof() {
        return format!(
            "the document ends too early (line {}, column {}), it may be truncated",
            err.line(),
            err.column()
        );
    }
    format!(
        "syntax error at line {}, column {}",
        err.line(),
        err.column()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_specific() {
        let e = LoadError::Http {
            status: 503,
            status_text: "Service Unavailable".into(),
        };
        assert!(e.title().contains("503"));
        assert!(e.message().contains("HTTP 503 Service Unavailable"));
        assert_eq!(
            LoadError::Http {
                status: 404,
                status_text: String::new()
            }
            .title(),
            "Article not found"
        );
        assert!(LoadError::Timeout { seconds: 10 }
            .message()
            .contains("10 seconds"));
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
        assert_eq!(
            describe_json_error(&err, body),
            "it looks like an HTML page"
        );
        let body = "{\"id\": \"a\", \"headline\": \"tru";
        let err = serde_json::from_str::<serde_json::Value>(body).unwrap_err();
        assert!(describe_json_error(&err, body).contains("truncated"));
        let err = serde_json::from_str::<serde_json::Value>("").unwrap_err();
        assert_eq!(describe_json_error(&err, ""), "the response was empty");
        let err = serde_json::from_str::<serde_json::Value>("{,}").unwrap_err();
        assert!(describe_json_error(&err, "{,}").starts_with("syntax error at line 1"));
    }
}
