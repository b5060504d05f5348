//! What an island needs from the app shell when there is none. On a prerendered page each
//! island hydrates on its own, under no shell: the interface language, the reading settings and
//! the offline state come from one set that every island of the page shares, made by the first
//! island that asks (so the service worker is registered once, and a save in one island shows in
//! another). In the single-page app the shell provides them and [`enter`] changes nothing; in
//! the prerender, each island gets the same defaults the browser starts from, so its first
//! render there and in the browser is the same. Without the `islands` feature (the app itself)
//! there are no islands, and [`enter`] is empty.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use article_reader::contexts::{island, offline::use_offline, prefs::use_prefs, ui::use_ui};
//! let owner = Owner::new();
//! owner.with(|| {
//!     island::enter();
//!     // With the `islands` feature, outside the app's shell:
//!     assert!(use_ui().is_some() && use_offline().is_some() && use_prefs().is_some());
//! });
//! ```

#[cfg(feature = "islands")]
use leptos::prelude::*;

#[cfg(feature = "islands")]
use super::{
    document_language::{share_document_language, use_document_language},
    offline::{use_offline, OfflineState},
    prefs::{use_prefs, Prefs},
    ui::{use_ui, Ui},
};

/// `<html data-islands="embed">`: a prerendered embed (the prerender writes it).
pub const EMBED_PAGE: &str = "embed";

/// Provided by the app shell: its pages' islands are plain components, and what the shell
/// chose not to provide (an embed has no settings and no service worker) stays unprovided.
#[derive(Clone, Copy)]
pub struct Shell;

#[cfg(feature = "islands")]
#[derive(Clone, Copy)]
struct Shared {
    ui: Ui,
    offline: OfflineState,
    prefs: Option<Prefs>,
    doc: RwSignal<(String, crate::model::Dir)>,
}

/// Sets the document's title to `title` and the site's name while the island lives, on a page
/// of islands (in the app, the page's `leptos_meta::Title` does). `title` is tracked.
pub fn title(title: impl Fn() -> String + Send + Sync + 'static) {
    #[cfg(feature = "islands")]
    if use_context::<Shell>().is_none() {
        Effect::new(move || crate::platform::set_title(&crate::model::seo::page_title(&title())));
    }
    #[cfg(not(feature = "islands"))]
    let _ = title;
}

/// Makes the shell's contexts available to the island being rendered: the shell's own where
/// there is one, else the page's shared set. Call first in every `#[island]`.
pub fn enter() {
    #[cfg(feature = "islands")]
    enter_page();
}

#[cfg(feature = "islands")]
fn enter_page() {
    if use_context::<Shell>().is_some()
        || (use_ui().is_some() && use_offline().is_some() && use_document_language().is_some())
    {
        return;
    }
    let shared = shared();
    if use_ui().is_none() {
        provide_context(shared.ui);
    }
    if use_offline().is_none() {
        provide_context(shared.offline);
    }
    if let (None, Some(prefs)) = (use_prefs(), shared.prefs) {
        provide_context(prefs);
    }
    if use_document_language().is_none() {
        share_document_language(shared.doc);
    }
}

/// The page's shared set, made once under a root of its own that lives as long as the page.
/// Natively (the prerender renders many pages in one process) a fresh set each time.
#[cfg(feature = "islands")]
fn shared() -> Shared {
    thread_local! {
        static SHARED: std::cell::OnceCell<Shared> = const { std::cell::OnceCell::new() };
    }
    if !crate::platform::app_running() {
        return make();
    }
    SHARED.with(|cell| {
        *cell.get_or_init(|| {
            let root = Owner::new_root(None);
            let shared = root.with(make);
            // The page's lifetime: never disposed.
            std::mem::forget(root);
            shared
        })
    })
}

#[cfg(feature = "islands")]
fn make() -> Shared {
    // The content's language is the page's (`<html lang>`, written by the prerender), chosen
    // by the same rule the prerender used, so the islands speak as the page does. A page of the
    // app's own (the front page) then follows the browser's languages (`DocumentLanguage`).
    let lang = crate::platform::root_attribute("lang").unwrap_or_else(|| crate::site::DEFAULT_LANGUAGE.to_string());
    let ui = use_ui().unwrap_or_else(|| {
        let first = crate::model::i18n::UiLang::pick(Some(&lang), &[]);
        super::ui::provide_ui_starting(first, crate::platform::locale::use_browser_languages())
    });
    // `<html lang dir>` follows the page's choice, as the shell's `<Html>` does in the app.
    let dir = crate::model::lang::direction_of(&lang);
    let doc =
        use_document_language().unwrap_or_else(|| super::document_language::provide_document_language_as(lang, dir));
    Effect::new(move || {
        doc.with(|(lang, dir)| {
            crate::platform::set_root_attributes(&[("lang", lang.clone()), ("dir", dir.as_str().to_string())])
        });
    });
    // An embed (`<html data-islands="embed">`) installs no service worker and has no settings
    // of the reader's: it follows its host's options, as in the app.
    let embed = crate::platform::root_attribute("data-islands").as_deref() == Some(EMBED_PAGE);
    let offline = use_offline()
        .unwrap_or_else(|| super::offline::provide_offline_state(crate::platform::app_running() && !embed));
    let prefs = use_prefs().or_else(|| (!embed).then(|| super::prefs::provide_prefs(Some(offline.notice))));
    Shared {
        ui,
        offline,
        prefs,
        doc,
    }
}
