//! The browser's preferred languages, kept current, and its case folding.

use leptos::prelude::*;

/// The browser's preferred languages (`navigator.languages`), updated when the reader changes
/// them (the `languagechange` event; the listener goes with the calling owner). Natively: none.
///
/// ```no_run
/// use leptos::prelude::*;
/// // In a component: the interface follows the reader's first language, as it changes.
/// let languages = article_reader::platform::locale::use_browser_languages();
/// let first = move || languages.get().first().cloned().unwrap_or_else(|| "en".into());
/// ```
pub fn use_browser_languages() -> Signal<Vec<String>> {
    let languages = RwSignal::new(imp::languages());
    super::events::use_listener(super::events::On::Window, "languagechange", move || {
        languages.try_set(imp::languages());
    });
    languages.into()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn languages() -> Vec<String> {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return Vec::new();
        };
        let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
        if list.is_empty() {
            navigator.language().into_iter().collect()
        } else {
            list
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn languages() -> Vec<String> {
        Vec::new()
    }
}

/// `text` in lower case by the browser's Unicode rules (`String.prototype.toLowerCase`), so that
/// the wasm carries no case tables of its own (Rust's `to_lowercase` brings some 17 KB). Natively:
/// Rust's `to_lowercase`.
///
/// ```
/// assert_eq!(article_reader::platform::locale::lowercase("Été ΣΟΦΙΑ"), "été σοφια");
/// ```
pub fn lowercase(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}
