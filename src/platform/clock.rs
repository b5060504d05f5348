//! The time now, from the browser's clock.

/// The time now as an ISO 8601 UTC timestamp (`2026-11-26T16:40:00.000Z`); natively, an empty
/// string (renders do not store anything).
///
/// ```
/// assert_eq!(article_reader::platform::clock::now_iso(), "");
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
