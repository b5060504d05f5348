//! Data access: fetching article and index JSON with a time limit, turning every failure into a
//! specific [`LoadError`]. Parsing and validation live in the model.
//!
//! In the browser this uses `fetch` (through `gloo-net`) with an `AbortController`: the request
//! is aborted after [`TIMEOUT_SECONDS`], and also when the future is dropped, which happens
//! when the reader navigates away before the article arrives. Natively (tests, prerendering)
//! there is no network and every load fails with a network error.

use crate::model::{parse_article, parse_index, Article, LoadError, Summary};

/// A request that has not completed within this many seconds is aborted and reported.
pub const TIMEOUT_SECONDS: u32 = 10;

/// Fetches and validates the article JSON at `json_url` (an absolute URL).
pub async fn fetch_article(json_url: String) -> Result<Article, LoadError> {
    let text = fetch_text(&json_url).await?;
    parse_article(&text, &json_url)
}

/// Fetches and validates the article index at `index_url`, newest first.
pub async fn fetch_index(index_url: String) -> Result<Vec<Summary>, LoadError> {
    let text = fetch_text(&index_url).await?;
    parse_index(&text, &index_url)
}

/// The page's own URL, the base for everything the app resolves.
pub fn page_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
            return href;
        }
    }
    "http://localhost/".to_string()
}

/// Absolute URL of the app's own `articles/` folder (always ends with '/').
pub fn articles_dir() -> String {
    crate::model::url::resolve(&page_url(), "/articles/").unwrap_or_else(|| "/articles/".into())
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    use std::{cell::Cell, rc::Rc, time::Duration};

    use gloo_net::http::Request;
    use leptos::prelude::set_timeout_with_handle;

    /// Aborts the request when dropped: a load that is no longer wanted stops using the network.
    struct AbortOnDrop(web_sys::AbortController);
    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            self.0.abort();
        }
    }

    let controller = web_sys::AbortController::new()
        .map_err(|_| LoadError::Network { detail: "this browser cannot make requests".into() })?;
    let signal = controller.signal();
    let guard = AbortOnDrop(controller);
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        let controller = guard.0.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            Duration::from_secs(u64::from(TIMEOUT_SECONDS)),
        )
        .ok()
    };
    let failure = |err: gloo_net::Error| {
        if timed_out.get() {
            LoadError::Timeout { seconds: TIMEOUT_SECONDS }
        } else {
            let detail = match err {
                gloo_net::Error::JsError(e) if e.name == "TypeError" => {
                    "no response from the server".to_string()
                }
                gloo_net::Error::JsError(e) => e.message,
                other => other.to_string(),
            };
            LoadError::Network { detail }
        }
    };
    let result = async {
        let response = Request::get(url).abort_signal(Some(&signal)).send().await.map_err(failure)?;
        if !response.ok() {
            return Err(LoadError::Http {
                status: response.status(),
                status_text: response.status_text(),
            });
        }
        response.text().await.map_err(failure)
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    drop(guard);
    result
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch_text(_url: &str) -> Result<String, LoadError> {
    Err(LoadError::Network { detail: "there is no network outside the browser".into() })
}
