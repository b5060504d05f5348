//! The document's language and direction (`<html lang dir>`), which the page being shown sets.

use leptos::prelude::*;

use crate::model::{i18n::UiLang, Dir};

/// The language and direction of the document, set by the page being shown.
#[derive(Clone, Copy)]
struct DocLang(RwSignal<(String, Dir)>);

/// Provides the document's language (English, left to right, until a page sets it) and returns
/// its signal, which the shell binds to `<html lang dir>`. Call once, in the app shell.
pub fn provide_document_language() -> RwSignal<(String, Dir)> {
    provide_document_language_as("en".to_string(), Dir::Ltr)
}

/// [`provide_document_language`], starting from `lang` and `dir` (a page of islands: what the
/// prerender wrote on `<html>`).
pub fn provide_document_language_as(lang: String, dir: Dir) -> RwSignal<(String, Dir)> {
    let signal = RwSignal::new((lang, dir));
    provide_context(DocLang(signal));
    signal
}

/// The document's language signal where one is provided.
pub fn use_document_language() -> Option<RwSignal<(String, Dir)>> {
    use_context::<DocLang>().map(|DocLang(signal)| signal)
}

/// Provides a document language signal made elsewhere (shared by a page's islands).
pub fn share_document_language(signal: RwSignal<(String, Dir)>) {
    provide_context(DocLang(signal));
}

/// Sets `<html lang dir>` while mounted, and the interface language: for an article
/// (`lang`/`dir` given) the article's language when the app speaks it; for the app's own pages
/// (`None`) the browser's choice, which the document then takes too.
#[component]
pub fn DocumentLanguage(#[prop(optional)] lang: Option<String>, #[prop(optional)] dir: Option<Dir>) -> impl IntoView {
    let ui = crate::contexts::ui::use_ui();
    let doc = use_context::<DocLang>().map(|DocLang(signal)| signal);
    // The document takes the content's language, or the interface's on the app's own pages.
    let document_language = {
        let (lang, dir) = (lang.clone(), dir);
        move |chosen: UiLang| {
            (
                lang.clone().unwrap_or_else(|| chosen.tag().to_string()),
                dir.unwrap_or_else(|| chosen.dir()),
            )
        }
    };
    let first = ui.map_or(UiLang::En, |ui| ui.choose(lang.as_deref()));
    if let Some(doc) = doc {
        doc.set(document_language(first));
    }
    // After this render, and after the views of the page being left are gone (a task, not
    // the effect itself: those views still read the language while they are disposed, and one
    // reading a signal of its own that is already gone would panic). Tracked: when the reader
    // changes the browser's languages, the app's own pages follow.
    // The interface switches once the new language's catalogue is there (the browser loads any
    // but English's on first use); a choice made meanwhile, or this page gone, wins.
    if let Some(ui) = ui {
        let latest = StoredValue::new(0u64);
        Effect::new(move || {
            let chosen = ui.choose(lang.as_deref());
            let wanted = document_language(chosen);
            latest.update_value(|n| *n += 1);
            let ticket = latest.get_value();
            leptos::task::spawn_local(async move {
                // The words and the document's language change together, once the words are
                // there (the document's language alone when they cannot come).
                let switch = ui.lang.try_get_untracked().is_some_and(|now| now != chosen);
                let ready = !switch || crate::platform::locale::load_catalog(chosen).await;
                if latest.try_get_value() != Some(ticket) {
                    return;
                }
                if switch && ready {
                    ui.lang.try_set(chosen);
                }
                if let Some(doc) = doc {
                    if doc.try_with_untracked(|d| *d != wanted).unwrap_or(false) {
                        doc.try_set(wanted);
                    }
                }
            });
        });
    }
}
