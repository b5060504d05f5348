//! Requests: `fetch` (through `gloo-net`) with an `AbortController`, a time limit, retries and
//! the hand-over of what the page already has (the article JSON a prerendered page carries
//! inline, the early download that the page's script started). [`crate::api`] parses what this
//! returns. Natively (tests, prerendering) there is no network: every request fails with a
//! network error.

use crate::model::LoadError;

/// A request that has not completed within this many seconds is aborted and reported.
pub const TIMEOUT_SECONDS: u32 = 10;

/// A handle that aborts one request. Cloning shares the request.
///
/// ```no_run
/// use article_reader::platform::fetch::{fetch_bytes, Cancel};
/// async fn load() {
///     let cancel = Cancel::new();
///     // The reader left the page: stop the download.
///     cancel.abort();
///     assert!(fetch_bytes("https://news.example/articles/a.json", cancel).await.is_err());
/// }
/// ```
#[derive(Clone, Default)]
pub struct Cancel {
    #[cfg(target_arch = "wasm32")]
    controller: Option<web_sys::AbortController>,
}

impl Cancel {
    pub fn new() -> Self {
        Cancel {
            #[cfg(target_arch = "wasm32")]
            controller: web_sys::AbortController::new().ok(),
        }
    }

    /// Stops the request if it is still running; harmless afterwards.
    pub fn abort(&self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(c) = &self.controller {
            c.abort();
        }
    }
}

/// Sets a User Timing mark (`performance.mark`); does nothing where there is no `performance`.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Fetches `url`'s body, retrying what a retry can cure (see [`crate::model::retry`]): the
/// article JSON the page carries inline, or the page script's early download of it, when they
/// are for `url`; otherwise a GET with the time limit that checks status, type and size before
/// reading the body as bytes (bad UTF-8 is the parser's to report).
pub use imp::fetch_bytes;
/// URLs whose JSON a prerendered page was made from, and that did not come over the network: the
/// service worker is asked to cache them too (`contexts::offline`), so that the page also reads
/// offline when the app shell renders it. They are the JSON that came inline (and was used),
/// the JSON a page of islands keeps inline for Save, and the JSON a page names as its data
/// (`<link rel="alternate" type="application/json">`: the front page's index, which its island
/// has as props). None natively.
pub use imp::inline_data_urls;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;

    /// A prerendered page carries its article JSON inline (`<script type="application/json"
    /// id="reader-data" data-url="/articles/{id}.json">`): the first request for that URL takes it
    /// from there instead of downloading it again. Used once; later loads (Retry) go to the network.
    fn take_inline_data(url: &str) -> Option<String> {
        let document = web_sys::window()?.document()?;
        let element = document.get_element_by_id(crate::facts::READER_DATA_ID)?;
        let path = element.get_attribute("data-url")?;
        if crate::model::url::resolve(&crate::platform::page_url(), &path).as_deref() != Some(url) {
            return None;
        }
        element.remove();
        INLINE_USED.with(|used| used.borrow_mut().push(url.to_string()));
        element.text_content()
    }

    thread_local! {
        static INLINE_USED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    pub fn inline_data_urls() -> Vec<String> {
        let mut urls = INLINE_USED.with(|used| used.borrow().clone());
        let page = crate::platform::page_url();
        let document = web_sys::window().and_then(|w| w.document());
        let attribute = |selector: &str, name: &str| {
            document
                .as_ref()
                .and_then(|d| d.query_selector(selector).ok().flatten())
                .and_then(|e| e.get_attribute(name))
                .and_then(|path| crate::model::url::resolve(&page, &path))
        };
        let named = [
            attribute(&format!("#{}", crate::facts::READER_DATA_ID), "data-url"),
            attribute("link[rel=alternate][type='application/json']", "href"),
        ];
        for url in named.into_iter().flatten() {
            if !urls.contains(&url) {
                urls.push(url);
            }
        }
        urls
    }

    /// Fetches `url`'s body, retrying what a retry can cure (see [`crate::model::retry`]).
    pub async fn fetch_bytes(url: &str, cancel: Cancel) -> Result<Vec<u8>, LoadError> {
        use crate::model::retry::retry_delay;

        if let Some(text) = take_inline_data(url) {
            return Ok(text.into_bytes());
        }
        let controller = cancel.controller.clone().ok_or_else(|| LoadError::Network {
            detail: "this browser cannot make requests".into(),
        })?;
        let mut attempt = 1;
        loop {
            let error = match fetch_once(url, &controller).await {
                Ok(body) => return Ok(body),
                Err(error) => error,
            };
            let cancelled = controller.signal().aborted();
            let online = crate::platform::browser_online();
            match retry_delay(&error, attempt, js_sys::Math::random()) {
                Some(wait) if !cancelled && online => {
                    leptos::logging::warn!("{url}: {} — trying again in {wait:?}", error.title());
                    sleep(wait).await;
                    if controller.signal().aborted() {
                        return Err(error);
                    }
                    attempt += 1;
                }
                _ => return Err(error),
            }
        }
    }

    /// Resolves after `duration`.
    async fn sleep(duration: std::time::Duration) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    &resolve,
                    duration.as_millis().min(i32::MAX as u128) as i32,
                );
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// The page's own script (`index.html`) starts fetching the page's JSON before the app has
    /// loaded (`window.__readerEarlyFetch`). The app's first request takes that fetch over when it
    /// is for the same URL: aborting `signal` (leaving the page, the time limit) aborts it too. The
    /// early fetch is used at most once; one for another URL is aborted, never left running.
    fn take_early_fetch(
        url: &str,
        signal: &web_sys::AbortSignal,
    ) -> Option<impl std::future::Future<Output = Result<gloo_net::http::Response, wasm_bindgen::JsValue>>> {
        use js_sys::Reflect;
        use wasm_bindgen::{closure::Closure, JsCast, JsValue};

        let window: JsValue = web_sys::window()?.into();
        let key = JsValue::from_str(crate::facts::EARLY_FETCH_GLOBAL);
        let early = Reflect::get(&window, &key).ok().filter(|v| v.is_object())?;
        let _ = Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
        let controller: web_sys::AbortController = Reflect::get(&early, &"controller".into()).ok()?.dyn_into().ok()?;
        if Reflect::get(&early, &"url".into()).ok()?.as_string().as_deref() != Some(url) {
            controller.abort();
            return None;
        }
        let promise: js_sys::Promise = Reflect::get(&early, &"response".into()).ok()?.dyn_into().ok()?;
        let forward = Closure::once_into_js(move || controller.abort());
        let _ = signal.add_event_listener_with_callback("abort", forward.unchecked_ref());
        Some(async move {
            let value = wasm_bindgen_futures::JsFuture::from(promise).await?;
            let raw: web_sys::Response = value.dyn_into()?;
            Ok(gloo_net::http::Response::from(raw))
        })
    }

    /// One GET with the time limit: checks status, type and size, then reads the body.
    async fn fetch_once(url: &str, controller: &web_sys::AbortController) -> Result<Vec<u8>, LoadError> {
        use std::{cell::Cell, rc::Rc, time::Duration};

        use gloo_net::http::Request;
        use leptos::prelude::set_timeout_with_handle;

        use crate::model::{error::json_content_type, json::MAX_DOCUMENT_BYTES, retry::parse_retry_after};

        let signal = controller.signal();
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let timed_out = timed_out.clone();
            let controller = controller.clone();
            set_timeout_with_handle(
                move || {
                    timed_out.set(true);
                    controller.abort();
                },
                Duration::from_secs(u64::from(TIMEOUT_SECONDS)),
            )
            .ok()
        };
        // `during_body`: the response had started, so a broken connection is an interrupted
        // transfer rather than no answer at all. `name` and `message` are the JavaScript error's.
        let failure = |name: &str, message: String, during_body: bool| {
            if timed_out.get() {
                return LoadError::Timeout {
                    seconds: TIMEOUT_SECONDS,
                };
            }
            match name {
                "AbortError" => LoadError::Network {
                    detail: "the request was cancelled".to_string(),
                },
                "TypeError" if during_body => LoadError::Interrupted,
                "TypeError" => LoadError::Network {
                    detail: "no response from the server".to_string(),
                },
                _ => LoadError::Network { detail: message },
            }
        };
        let gloo_failure = |err: gloo_net::Error, during_body: bool| match err {
            gloo_net::Error::JsError(e) => failure(&e.name, e.message, during_body),
            other => failure("", other.to_string(), during_body),
        };
        let result = async {
            let response = match take_early_fetch(url, &signal) {
                Some(early) => early.await.map_err(|e| {
                    let field = |k: &str| {
                        js_sys::Reflect::get(&e, &k.into())
                            .ok()
                            .and_then(|v| v.as_string())
                            .unwrap_or_default()
                    };
                    failure(&field("name"), field("message"), false)
                })?,
                None => Request::get(url)
                    .abort_signal(Some(&signal))
                    .send()
                    .await
                    .map_err(|e| gloo_failure(e, false))?,
            };
            // A redirect may have led elsewhere: what is shown must come from an allowed source.
            let landed = response.url();
            if !landed.is_empty() && landed != url {
                crate::model::links::check_source(&landed, &crate::platform::page_url(), &crate::site::SOURCES, true)?;
            }
            let headers = response.headers();
            if !response.ok() {
                return Err(LoadError::Http {
                    status: response.status(),
                    status_text: response.status_text(),
                    retry_after: headers
                        .get("retry-after")
                        .and_then(|v| parse_retry_after(&v, js_sys::Date::now())),
                });
            }
            json_content_type(headers.get("content-type").as_deref())?;
            if let Some(length) = headers
                .get("content-length")
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|&n| n > MAX_DOCUMENT_BYTES as u64)
            {
                controller.abort();
                return Err(LoadError::TooLarge {
                    bytes: length,
                    limit: MAX_DOCUMENT_BYTES as u64,
                });
            }
            response.binary().await.map_err(|e| gloo_failure(e, true))
        }
        .await;
        if let Some(timer) = timer {
            timer.clear();
        }
        result
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub async fn fetch_bytes(_url: &str, _cancel: Cancel) -> Result<Vec<u8>, LoadError> {
        Err(LoadError::Network {
            detail: "there is no network outside the browser".into(),
        })
    }

    pub fn inline_data_urls() -> Vec<String> {
        Vec::new()
    }
}
