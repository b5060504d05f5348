//! The crash screen. Its markup and the script that shows it live in `index.html`, so they work
//! when the app itself no longer does: a panic aborts the wasm module (`panic = "abort"`), and
//! the page's script shows `#crash` when the resulting error reaches it. The app's part is to
//! leave the panic message for the screen's "Technical details", and `/__panic`, a route that
//! panics on purpose so the screen can be checked in a release build.

use leptos::prelude::*;

/// Writes `message` into the crash screen's details (before the page's script shows it).
pub fn record(message: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(detail) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("crash-detail"))
    {
        detail.set_text_content(Some(message));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

/// `/__panic`: panics when it is shown, to exercise the crash screen.
#[component]
pub fn PanicPage() -> impl IntoView {
    let boom = RwSignal::new(false);
    Effect::new(move || boom.set(true));
    move || -> () {
        if boom.get() {
            panic!("deliberate panic from /__panic (a check of the crash screen)");
        }
    }
}
