//! The interface language at run time. The catalogues and the choice rule are
//! `crate::model::i18n`; here the choice is kept in a signal that pages set (an article page
//! from the article's language, other pages from the browser's) and components read.

use leptos::prelude::*;

use crate::model::i18n::{Catalog, UiLang};

#[derive(Clone, Copy)]
pub struct Ui {
    pub lang: RwSignal<UiLang>,
    /// The browser's preferred languages, kept current (the reader may change them).
    browser: Signal<Vec<String>>,
}

impl Ui {
    /// The interface language for a page showing text in `content` (an article's language), or
    /// for a page of the app's own (`None`). Reactive: it reads the browser's languages.
    pub fn choose(&self, content: Option<&str>) -> UiLang {
        self.browser.with(|browser| UiLang::pick(content, browser))
    }
}

pub fn provide_ui() -> Ui {
    let browser = crate::platform::locale::use_browser_languages();
    // English until the chosen language's catalogue is there (`DocumentLanguage` switches then).
    let first = Some(browser.with_untracked(|b| UiLang::pick(None, b)))
        .filter(|l| l.catalog_ready())
        .unwrap_or(UiLang::En);
    provide_ui_starting(first, browser)
}

/// The interface in `first` until a page chooses (a page of islands starts in the language the
/// prerender wrote, so that hydration finds what it rendered), following `browser`.
pub fn provide_ui_starting(first: UiLang, browser: Signal<Vec<String>>) -> Ui {
    let ui = Ui {
        lang: RwSignal::new(first),
        browser,
    };
    provide_context(ui);
    ui
}

/// For rendering outside the browser (prerendering): the interface language for content in
/// `content_lang`, with no browser preferences.
pub fn provide_ui_for(content_lang: &str) -> Ui {
    let ui = Ui {
        lang: RwSignal::new(UiLang::pick(Some(content_lang), &[])),
        browser: Signal::stored(Vec::new()),
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
