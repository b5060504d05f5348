//! The reader's settings at run time: read from local storage when the app starts, applied to
//! `<html>` as `data-*` attributes whenever they change, and written back. The settings
//! themselves (values, parsing, attributes) are `crate::model::settings`; `index.html` applies
//! the stored ones before the first paint.
//!
//! Storage faults never break the reader: damaged or foreign data under the key is removed and
//! the reader told; a browser that refuses storage keeps the settings for the visit and says so.

use leptos::prelude::*;

use crate::model::i18n::{fill, Catalog};
use crate::model::settings::{Settings, STORAGE_KEY};

/// The settings, shared by the panel and whatever else reads them (the embed view does not).
#[derive(Clone, Copy)]
pub struct Prefs(pub RwSignal<Settings>);

pub fn use_prefs() -> Option<Prefs> {
    use_context::<Prefs>()
}

/// Loads the stored settings and keeps `<html>` and storage in step with them. `notice`
/// receives a message for the reader when storage misbehaves.
pub fn provide_prefs(notice: Option<RwSignal<Option<String>>>) {
    let tell = move |text: String| {
        if let Some(n) = notice {
            n.set(Some(text));
        }
    };
    let text = crate::i18n::use_text();
    let (initial, problem) = load(text());
    if let Some(p) = problem {
        tell(p);
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
        if let Err(why) = store(s) {
            tell(fill(text().settings_not_stored, &[("why", &why)]));
        }
    });
}

/// Reads a local storage entry (`None` when absent or when storage is unavailable).
pub fn local_get(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        storage().ok()?.get_item(key).ok().flatten()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Writes a local storage entry, or says why the browser refused.
pub fn local_set(key: &str, value: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        storage()?
            .set_item(key, value)
            .map_err(|_| "storage is full or blocked".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, value);
        Ok(())
    }
}

/// Reads the entry under `key` with `parse`. Nothing stored is `Ok(None)`; stored data `parse`
/// refuses (damaged, or another app's) is removed and its problem returned.
pub fn read_stored<T>(key: &str, parse: impl FnOnce(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    let Some(text) = local_get(key) else {
        return Ok(None);
    };
    parse(&text).map(Some).map_err(|why| {
        local_remove(key);
        why
    })
}

/// Removes a local storage entry, if storage is available.
pub fn local_remove(key: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Ok(storage) = storage() {
        let _ = storage.remove_item(key);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "storage is blocked".to_string())?
        .ok_or_else(|| "no local storage".to_string())
}

/// The stored settings (defaults when none), and a message when what was stored had to go.
fn load(words: &'static Catalog) -> (Settings, Option<String>) {
    match read_stored(STORAGE_KEY, Settings::from_json) {
        Ok(settings) => (settings.unwrap_or_default(), None),
        Err(why) => {
            // index.html may have applied parts of it: back to the defaults.
            apply(Settings::default());
            (
                Settings::default(),
                Some(fill(words.settings_unreadable, &[("why", &why)])),
            )
        }
    }
}

fn store(settings: Settings) -> Result<(), String> {
    local_set(STORAGE_KEY, &settings.to_json())
}

fn apply(settings: Settings) {
    #[cfg(target_arch = "wasm32")]
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        for (name, value) in settings.attributes() {
            let _ = html.set_attribute(name, &value);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = settings;
}
