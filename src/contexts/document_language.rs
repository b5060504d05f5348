//! The document's language and direction (`<html lang dir>`), which the page being shown sets.

use leptos::prelude::*;

use crate::model::Dir;

/// The language and direction of the document, set by the page being shown.
#[derive(Clone, Copy)]
struct DocLang(RwSignal<(String, Dir)>);

/// Provides the document's language (English, left to right, until a page sets it) and returns
/// its signal, which the shell binds to `<html lang dir>`. Call once, in the app shell.
pub fn provide_document_language() -> RwSignal<(String, Dir)> {
    let signal = RwSignal::new(("en".to_string(), Dir::Ltr));
    provide_context(DocLang(signal));
    signal
}

/// Sets `<html lang dir>` while mounted, and the interface language: for an article
/// (`lang`/`dir` given) the article's language when the app speaks it; for the app's own pages
/// (`None`) the browser's choice, which the document then takes too.
#[component]
pub fn DocumentLanguage(#[prop(optional)] lang: Option<String>, #[prop(optional)] dir: Option<Dir>) -> impl IntoView {
    let ui = crate::i18n::use_ui();
    let ui_lang = ui.map(|ui| ui.choose(lang.as_deref()));
    // After this render, not during it: views of the page being left still read the language
    // and must be gone before it changes.
    if let (Some(ui), Some(chosen)) = (ui, ui_lang) {
        Effect::new(move || {
            if ui.lang.get_untracked() != chosen {
                ui.lang.set(chosen);
            }
        });
    }
    let fallback = ui_lang.unwrap_or(crate::model::i18n::UiLang::En);
    let lang = lang.unwrap_or_else(|| fallback.tag().to_string());
    let dir = dir.unwrap_or_else(|| fallback.dir());
    if let Some(DocLang(signal)) = use_context::<DocLang>() {
        signal.set((lang, dir));
    }
}
