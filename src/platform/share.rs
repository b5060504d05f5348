//! Sharing: the Web Share API and the clipboard. Natively both report that they are
//! unavailable.

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

/// Opens the browser's share sheet (the Web Share API) for `title` and `url`. Anything but a
/// completed share, including no share sheet at all, is [`ShareOutcome::Unavailable`]: the
/// caller then shows its own menu.
///
/// ```no_run
/// use article_reader::platform::{web_share, ShareOutcome};
/// async fn share() {
///     if web_share("Headline", "https://news.example/a").await == ShareOutcome::Unavailable {
///         // show the app's own share menu
///     }
/// }
/// ```
pub async fn web_share(title: &str, url: &str) -> ShareOutcome {
    imp::web_share(title, url).await
}

/// Copies `text` to the clipboard (the async Clipboard API, else `execCommand("copy")`);
/// `Err(())` when neither worked, and the caller shows the text to copy by hand. Natively:
/// always `Err(())`.
///
/// ```no_run
/// async fn copy() {
///     if article_reader::platform::copy_text("https://news.example/a").await.is_err() {
///         // select the link for the reader to copy
///     }
/// }
/// ```
pub async fn copy_text(text: &str) -> Result<(), ()> {
    imp::copy_text(text).await
}
