//! The crash screen. Its markup and the script that shows it live in `index.html`, so they work
//! when the app itself no longer does: a panic aborts the wasm module (`panic = "abort"`), and
//! the page's script shows `#crash` when the resulting error reaches it. The app's part is to
//! leave the panic message for the screen's "Technical details", and `/__panic`, a route that
//! panics on purpose so the screen can be checked in a release build.

use leptos::prelude::*;

/// Writes `message` into the crash screen's details (before the page's script shows it).
pub fn record(message: &str) {
    crate::platform::set_text(crate::facts::CRASH_DETAIL_ID, message);
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
