//! Data access: article and index JSON, fetched and validated, every failure a specific
//! [`LoadError`]. Parsing and validation live in the model; the request itself (`fetch` with
//! an `AbortController`, aborted after [`TIMEOUT_SECONDS`] or by its [`Cancel`] handle, retried
//! with backoff when a retry can cure it, refused before its body when it is not JSON or too
//! large) is [`crate::platform::fetch`]. Natively every load fails with a network error.

use crate::model::{parse_article_bytes, validate::parse_index_page_bytes, Article, IndexPage, LoadError};
use crate::platform::fetch::{fetch_bytes, mark};

pub use crate::platform::fetch::{Cancel, TIMEOUT_SECONDS};

/// Fetches and validates the article JSON at `json_url` (an absolute URL).
pub async fn fetch_article(json_url: String, cancel: Cancel) -> Result<Article, LoadError> {
    let body = fetch_bytes(&json_url, cancel)
        .await
        .map_err(|e| offline_aware(e, true))?;
    mark(ARTICLE_RECEIVED);
    parse_article_bytes(&body, &json_url)
}

/// User Timing mark set when the app has an article's JSON text in hand (network, cache or the
/// inline copy), before parsing. Performance tools (and `scripts/bench.mjs`) measure rendering
/// from here.
pub const ARTICLE_RECEIVED: &str = "reader:article-received";

/// Fetches and validates one page of the article index at `index_url`: its articles, newest
/// first, and the address of the next page.
pub async fn fetch_index(index_url: String, cancel: Cancel) -> Result<IndexPage, LoadError> {
    let body = fetch_bytes(&index_url, cancel)
        .await
        .map_err(|e| offline_aware(e, false))?;
    parse_index_page_bytes(&body, &index_url)
}

/// A request that got no answer while the browser is offline (and the service worker had no
/// copy) is reported as such, not as a generic network failure.
fn offline_aware(error: LoadError, article: bool) -> LoadError {
    match error {
        LoadError::Network { .. } if !crate::platform::browser_online() => LoadError::Offline { article },
        other => other,
    }
}

/// Runs loads for one page: starting a load aborts the previous one, and the page's cleanup
/// (leaving it) aborts whatever is still running.
#[derive(Clone, Copy)]
pub struct Loads(leptos::prelude::StoredValue<Cancel, leptos::prelude::LocalStorage>);

impl Loads {
    /// Must be called in a component: registers the cleanup with its owner (which is why this
    /// is not `Default`).
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        use leptos::prelude::*;
        let current = StoredValue::new_local(Cancel::default());
        on_cleanup(move || {
            if let Some(c) = current.try_get_value() {
                c.abort();
            }
        });
        Loads(current)
    }

    /// A fresh handle for the next request, cancelling the one before.
    pub fn next(&self) -> Cancel {
        use leptos::prelude::*;
        let fresh = Cancel::new();
        if let Some(previous) = self.0.try_get_value() {
            previous.abort();
        }
        self.0.set_value(fresh.clone());
        fresh
    }
}
