//! Browser capabilities used by event handlers: the Web Share API and the clipboard, and what
//! the static copy of a prerendered page says about the reader's state before the app came.
//! Natively (tests, prerendering) they report that they are unavailable.

/// What became of a Web Share request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The browser's share sheet completed.
    Shared,
    /// No Web Share API, or it refused or was cancelled: the caller shows its own menu.
    Unavailable,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::ShareOutcome;
    use js_sys::{Function, Object, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn navigator() -> Option<JsValue> {
        web_sys::window().map(|w| w.navigator().into())
    }

    /// Calls `target[name](args…)` if it is a function, returning its promise.
    fn call_method(target: &JsValue, name: &str, arg: &JsValue) -> Option<Promise> {
        let f = Reflect::get(target, &JsValue::from_str(name))
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        f.call1(target, arg).ok()?.dyn_into::<Promise>().ok()
    }

    pub async fn web_share(title: &str, url: &str) -> ShareOutcome {
        let Some(nav) = navigator() else {
            return ShareOutcome::Unavailable;
        };
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &"url".into(), &url.into());
        let Some(promise) = call_method(&nav, "share", &data) else {
            return ShareOutcome::Unavailable;
        };
        match JsFuture::from(promise).await {
            Ok(_) => ShareOutcome::Shared,
            Err(_) => ShareOutcome::Unavailable,
        }
    }

    /// Copies with the async Clipboard API, falling back to `execCommand("copy")` on a temporary
    /// text field for browsers or contexts without it.
    pub async fn copy_text(text: &str) -> Result<(), ()> {
        if let Some(nav) = navigator() {
            if let Ok(clipboard) = Reflect::get(&nav, &"clipboard".into()) {
                if !clipboard.is_undefined() {
                    if let Some(p) = call_method(&clipboard, "writeText", &text.into()) {
                        if JsFuture::from(p).await.is_ok() {
                            return Ok(());
                        }
                    }
                }
            }
        }
        exec_command_copy(text)
    }

    fn exec_command_copy(text: &str) -> Result<(), ()> {
        let doc = web_sys::window().and_then(|w| w.document()).ok_or(())?;
        let body = doc.body().ok_or(())?;
        let field: web_sys::HtmlTextAreaElement = doc
            .create_element("textarea")
            .map_err(|_| ())?
            .dyn_into()
            .map_err(|_| ())?;
        field.set_value(text);
        let _ = field.set_attribute("readonly", "");
        // Through the CSSOM, which a strict Content-Security-Policy allows (a style attribute it
        // would not).
        let style = field.style();
        let _ = style.set_property("position", "fixed");
        let _ = style.set_property("inset-inline-start", "-9999px");
        let _ = style.set_property("opacity", "0");
        body.append_child(&field).map_err(|_| ())?;
        field.select();
        let html: &web_sys::HtmlDocument = doc.unchecked_ref();
        let copied = html.exec_command("copy").unwrap_or(false);
        field.remove();
        if copied {
            Ok(())
        } else {
            Err(())
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod page {
    /// True: this is the app running in a browser.
    pub fn app_running() -> bool {
        true
    }

    /// Whether the `<details>` matching `selector` (a selector inside the prerendered copy,
    /// `#prerendered …`) is open: the reader may have opened it before the app arrived.
    pub fn static_copy_open(selector: &str) -> bool {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .is_some_and(|e| e.has_attribute("open"))
    }

    /// Removes the prerendered copy and the head tags that describe only it.
    pub fn remove_static_copy() {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            for selector in [
                "#prerendered",
                "meta[name=description][data-prerendered]",
                "link[type='application/json+oembed'][data-prerendered]",
            ] {
                if let Ok(Some(element)) = document.query_selector(selector) {
                    element.remove();
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod page {
    /// False: a native render (tests, prerendering), whose output works without the app.
    pub fn app_running() -> bool {
        false
    }

    /// Natively there is no prerendered copy: nothing is open.
    pub fn static_copy_open(_selector: &str) -> bool {
        false
    }

    /// Natively there is no document.
    pub fn remove_static_copy() {}
}

/// Whether the app itself is running (in a browser), as opposed to a native render whose HTML
/// must work without it. Controls that only the app can serve (Copy link) render only then.
///
/// ```
/// // Natively, as in a test or the prerender, the app is not running.
/// assert!(!article_reader::platform::app_running());
/// ```
pub use page::{app_running, remove_static_copy, static_copy_open};

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::ShareOutcome;

    pub async fn web_share(_title: &str, _url: &str) -> ShareOutcome {
        ShareOutcome::Unavailable
    }

    pub async fn copy_text(_text: &str) -> Result<(), ()> {
        Err(())
    }
}

pub use imp::{copy_text, web_share};

// ---------- The page's address and the network ----------

/// The page's own URL, the base for everything the app resolves. Natively it is the address
/// set with [`render_at`] (the prerender's public page address), else `http://localhost/`.
pub fn page_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
            return href;
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(url) = RENDER_URL.with(|u| u.borrow().clone()) {
        return url;
    }
    "http://localhost/".to_string()
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static RENDER_URL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Native renders only (the prerender): the public address of the page being rendered, so that
/// what the components derive from the page's URL (the shared link when an article names no
/// canonical URL) is right in the static HTML.
///
/// ```
/// article_reader::platform::render_at("https://news.example/articles/a");
/// assert_eq!(article_reader::platform::page_url(), "https://news.example/articles/a");
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn render_at(url: &str) {
    RENDER_URL.with(|u| *u.borrow_mut() = Some(url.to_string()));
}

/// Absolute URL of the app's own `articles/` folder (always ends with '/').
pub fn articles_dir() -> String {
    crate::model::url::resolve(&page_url(), "/articles/").unwrap_or_else(|| "/articles/".into())
}

/// Whether the browser believes it has a network connection.
pub fn browser_online() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        true
    }
}
