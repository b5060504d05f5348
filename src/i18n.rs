//! The interface language at run time. The catalogues and the choice rule are
//! `crate::model::i18n`; here the choice is kept in a signal that pages set (an article page
//! from the article's language, other pages from the browser's) and components read.

use leptos::prelude::*;

use crate::model::i18n::{Catalog, UiLang};

#[derive(Clone, Copy)]
pub struct Ui {
    pub lang: RwSignal<UiLang>,
    /// The browser's preferred languages, once.
    browser: StoredValue<Vec<String>>,
}

impl Ui {
    /// The interface language for a page showing text in `content` (an article's language), or
    /// for a page of the app's own (`None`).
    pub fn choose(&self, content: Option<&str>) -> UiLang {
        UiLang::pick(content, &self.browser.get_value())
    }
}

pub fn provide_ui() -> Ui {
    let browser = browser_languages();
    let ui = Ui {
        lang: RwSignal::new(UiLang::pick(None, &browser)),
        browser: StoredValue::new(browser),
    };
    provide_context(ui);
    ui
}

/// For rendering outside the browser (prerendering): the interface language for content in
/// `content_lang`, with no browser preferences.
pub fn provide_ui_for(content_lang: &str) -> Ui {
    let ui = Ui {
        lang: RwSignal::new(UiLang::pick(Some(content_lang), &[])),
        browser: StoredValue::new(Vec::new()),
    };
    provide_context(ui);
    ui
}

pub fn use_ui() -> Option<Ui> {
    use_context::<Ui>()
}

/// The current catalogue, read reactively (English where there is no app context, as when
/// prerendering).
pub fn use_text() -> impl Fn() -> &'static Catalog + Copy + Send + Sync + 'static {
    let lang = use_ui().map(|u| u.lang);
    move || lang.map_or(UiLang::En, |l| l.get()).catalog()
}

/// The current interface language's tag, for `lang` attributes on the app's own words.
pub fn use_lang_tag() -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_ui().map(|u| u.lang);
    move || lang.map_or(UiLang::En, |l| l.get()).tag()
}

fn browser_languages() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let list: Vec<String> = window
            .navigator()
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        if !list.is_empty() {
            return list;
        }
        if let Some(one) = window.navigator().language() {
            return vec![one];
        }
    }
    Vec::new()
}
