//! The browser's preferred languages, kept current.

use leptos::prelude::*;

/// The browser's preferred languages (`navigator.languages`), updated when the reader changes
/// them (the `languagechange` event; the listener goes with the calling owner). Natively: none.
///
/// ```
/// use leptos::prelude::*;
/// let _owner = Owner::new();
/// let languages = article_reader::platform::locale::use_browser_languages();
/// assert!(languages.get_untracked().is_empty());
/// ```
pub fn use_browser_languages() -> Signal<Vec<String>> {
    #[cfg(target_arch = "wasm32")]
    {
        leptos_use::use_locales()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Signal::stored(Vec::new())
    }
}
