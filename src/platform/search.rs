//! The site's search index, through the page's search bridge (`src/page/search.js`, on the app's
//! own pages): Pagefind loads on first use, so a page that never searches downloads none of it.
//! Natively there is no index: every search fails with [`SearchFailure::Missing`].

use crate::model::search::SearchFailure;

/// The header's search box, inside the app (call once, in the app's shell): its submission opens
/// the search page through the router (no page load), and focusing it starts loading the index.
/// The box itself is plain markup (`components::search_box`), so a prerendered page's islands
/// carry none of this: there the form submits as any form does. Natively: nothing.
///
/// ```no_run
/// // In the app's shell component:
/// article_reader::platform::search::use_search_box();
/// ```
pub fn use_search_box() {
    #[cfg(target_arch = "wasm32")]
    browser::use_search_box();
}

/// Starts loading the index, so the first search is quicker (the reader focused the box).
///
/// ```no_run
/// // On focus of the search field:
/// article_reader::platform::search::preload();
/// ```
pub fn preload() {
    #[cfg(target_arch = "wasm32")]
    browser::preload();
}

/// The reader is typing `text` in the search page's field: the index's word lists for it start
/// loading, so the search made once they pause finds them already there. Natively: nothing.
///
/// ```no_run
/// // On each input of the search field, before the pause that runs the search:
/// article_reader::platform::search::prime("harbor bri");
/// ```
pub fn prime(text: &str) {
    #[cfg(target_arch = "wasm32")]
    browser::prime(text);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = text;
}

/// Searches the index for `query`; the answer is the bridge's JSON, which
/// `model::search::parse_results` reads (at most `max` results with their data). `searches`
/// says how far back: `1`, the first search (each language's newest articles); each one more
/// adds the next older shards, whose results follow.
///
/// ```no_run
/// # async fn run() {
/// use article_reader::{model::search::parse_results, platform::search::search_index};
/// match search_index("harbor bridge", 20, 1).await {
///     Ok(json) => println!("{} found", parse_results(&json).map(|r| r.total).unwrap_or(0)),
///     Err(failure) => println!("{failure:?}"),
/// }
/// # }
/// ```
pub async fn search_index(query: &str, max: usize, searches: usize) -> Result<String, SearchFailure> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::search(query, max, searches).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (query, max, searches);
        Err(SearchFailure::Missing)
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use crate::facts;
    use crate::model::search::SearchFailure;

    /// The bridge's method `name`, bound to the bridge, if the page has it.
    fn method(name: &str) -> Option<(JsValue, Function)> {
        let window = web_sys::window()?;
        let bridge = Reflect::get(&window, &JsValue::from_str(facts::SEARCH_GLOBAL)).ok()?;
        let f = Reflect::get(&bridge, &JsValue::from_str(name))
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        Some((bridge, f))
    }

    pub fn preload() {
        if let Some((bridge, f)) = method("preload") {
            let _ = f.call0(&bridge);
        }
    }

    pub fn prime(text: &str) {
        if let Some((bridge, f)) = method("prime") {
            let _ = f.call1(&bridge, &JsValue::from_str(text));
        }
    }

    pub fn use_search_box() {
        use crate::model::links::search_path;
        use crate::platform::events::use_target_listener;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let target: web_sys::EventTarget = document.into();
        use_target_listener(target.clone(), "submit", |event| {
            let Some(form) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            if !form.class_list().contains("site-search") {
                return;
            }
            let query = form
                .elements()
                .named_item("q")
                .and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|f| f.value())
                .unwrap_or_default();
            let href = search_path(query.trim());
            if crate::platform::page::follow_in_app(&href) {
                event.prevent_default();
            }
        });
        use_target_listener(target, "focusin", |event| {
            let is_box = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| e.id() == "site-search");
            if is_box {
                preload();
            }
        });
    }

    pub async fn search(query: &str, max: usize, searches: usize) -> Result<String, SearchFailure> {
        let (bridge, f) = method("search").ok_or(SearchFailure::Missing)?;
        let promise = f
            .call3(
                &bridge,
                &JsValue::from_str(query),
                &JsValue::from_f64(max as f64),
                &JsValue::from_f64(searches as f64),
            )
            .map_err(failure)?
            .dyn_into::<Promise>()
            .map_err(failure)?;
        let json = JsFuture::from(promise).await.map_err(failure)?;
        json.as_string()
            .ok_or_else(|| SearchFailure::Failed("no answer".into()))
    }

    /// The bridge's error, by its `kind`.
    fn failure(error: JsValue) -> SearchFailure {
        let kind = Reflect::get(&error, &JsValue::from_str("kind"))
            .ok()
            .and_then(|k| k.as_string());
        let detail = Reflect::get(&error, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        SearchFailure::from_kind(kind.as_deref().unwrap_or("failed"), &detail)
    }
}
