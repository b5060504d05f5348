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

/// Makes `lang`'s interface catalogue ready before the interface shows it: English is in the
/// wasm; any other language's is loaded once from the build (`catalogs/{file}`, which the
/// service worker keeps for offline use) and kept for the page's lifetime. `false` when it
/// cannot be had (offline without it, a file from another build): the interface then stays in
/// the language it shows. Natively every catalogue is built in.
///
/// ```no_run
/// # async fn run() {
/// use article_reader::model::i18n::UiLang;
/// if article_reader::platform::locale::load_catalog(UiLang::Fr).await {
///     assert!(UiLang::Fr.catalog_ready());
/// }
/// # }
/// ```
pub async fn load_catalog(lang: crate::model::i18n::UiLang) -> bool {
    if lang.catalog_ready() {
        return true;
    }
    let path = crate::model::links::in_app(&format!("/{}{}", crate::facts::CATALOGS_DIR, lang.catalog_file()));
    let url = crate::model::url::resolve(&super::page_url(), &path).unwrap_or(path);
    match super::fetch::fetch_bytes(&url, super::fetch::Cancel::new()).await {
        Ok(bytes) => String::from_utf8(bytes).is_ok_and(|text| crate::model::i18n::install(lang, &text)),
        Err(_) => false,
    }
}

/// Keeps the page's interface catalogue, which the page's start script fetched (`json`: the
/// build's `catalogs/` file its `<html data-catalog>` names), before the islands hydrate in the
/// page's language (an export of the islands bundles: their start script calls it). `false` when it is not this build's
/// catalogue.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn install_catalog(json: &str) -> bool {
    let lang = crate::platform::root_attribute("lang").unwrap_or_default();
    let ui = crate::model::i18n::UiLang::pick(Some(&lang), &[]);
    ui.catalog_ready() || crate::model::i18n::install(ui, json)
}
