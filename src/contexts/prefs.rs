//! The reader's settings at run time: read from local storage when the app starts, applied to
//! `<html>` as `data-*` attributes whenever they change, and written back. The settings
//! themselves (values, parsing, attributes) are `crate::model::settings`; `index.html` applies
//! the stored ones before the first paint.
//!
//! Storage faults never break the reader: damaged or foreign data under the key is removed and
//! the reader told; a browser that refuses storage keeps the settings for the visit and says so.

use leptos::prelude::*;

use crate::model::i18n::Catalog;
use crate::model::settings::{Settings, STORAGE_KEY};
use crate::platform::storage::{local_set, read_stored};

/// The settings, shared by the panel and whatever else reads them (the embed view does not).
#[derive(Clone, Copy)]
pub struct Prefs(pub RwSignal<Settings>);

pub fn use_prefs() -> Option<Prefs> {
    use_context::<Prefs>()
}

/// Loads the stored settings and keeps `<html>` and storage in step with them. `notice`
/// receives a message for the reader when storage misbehaves.
pub fn provide_prefs(notice: Option<RwSignal<Option<String>>>) -> Prefs {
    let tell = move |text: String| {
        if let Some(n) = notice {
            n.set(Some(text));
        }
    };
    let text = crate::contexts::ui::use_text();
    let (initial, problem) = load(text());
    // Told once running, after the first render: a prerendered page's islands first render as
    // the prerender did.
    if let Some(p) = problem {
        Effect::new(move || tell(p.clone()));
    }
    let settings = RwSignal::new(initial);
    provide_context(Prefs(settings));
    let mut first = true;
    Effect::new(move || {
        let s = settings.get();
        apply(s);
        // The stored value is already what index.html applied; write only real changes.
        if std::mem::take(&mut first) {
            return;
        }
        if let Err(why) = local_set(STORAGE_KEY, &s.to_json()) {
            tell(text().settings_not_stored(why.reason(text())));
        }
    });
    Prefs(settings)
}

/// The stored settings (defaults when none), and a message when what was stored had to go.
fn load(words: &'static Catalog) -> (Settings, Option<String>) {
    match read_stored(STORAGE_KEY, Settings::from_json) {
        Ok(settings) => (settings.unwrap_or_default(), None),
        Err(why) => {
            // index.html may have applied parts of it: back to the defaults.
            apply(Settings::default());
            (Settings::default(), Some(words.settings_unreadable(&why.reason(words))))
        }
    }
}

fn apply(settings: Settings) {
    crate::platform::set_root_attributes(&settings.attributes());
}
