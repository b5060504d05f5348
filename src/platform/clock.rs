//! The time now, from the browser's clock.

/// The time now as an ISO 8601 UTC timestamp (`2026-11-26T16:40:00.000Z`); natively, an empty
/// string (renders do not store anything).
///
/// ```no_run
/// // When the reader saves an article: the moment, for the Saved page's "saved on".
/// let saved_at = article_reader::platform::clock::now_iso();
/// assert!(saved_at.ends_with('Z'));
/// ```
pub fn now_iso() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}
