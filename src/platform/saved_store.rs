//! Articles saved for offline reading, kept in Cache Storage under [`SAVED_CACHE`]: the article
//! JSON and its images under their own URLs (so the service worker can serve them), and the list
//! of saved articles as JSON under [`SAVED_LIST_PATH`]. This cache is never versioned or expired,
//! so it survives service-worker updates; only the reader removes things from it.
//!
//! Saving is all or nothing: if storing any part fails (typically the storage quota), what this
//! save stored is removed again and the list is left as it was, so nothing saved earlier is lost.

use crate::model::{i18n::Catalog, saved::SavedList, stored::StoredDataError, Article};

pub use crate::facts::{SAVED_CACHE, SAVED_LIST_PATH};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No Cache Storage here (an insecure page, a sandboxed frame, a very old browser).
    Unavailable,
    /// The browser refused to store more for this site.
    Quota,
    /// The stored list could not be read; the caller resets it ([`recover`]).
    Damaged(StoredDataError),
    /// A part of the article (its JSON or an image) could not be downloaded: its address, and
    /// the HTTP status when an answer came.
    Download { url: String, status: Option<u16> },
    /// Anything else, in the browser's own words (empty when it gave none).
    Browser(String),
}

/// The message in English (the app shows [`StoreError::message`] in the interface's language).
impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&crate::model::i18n::EN))
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// What the reader is told, in the catalogue's language.
    pub fn message(&self, words: &Catalog) -> String {
        match self {
            StoreError::Unavailable => words.save_unavailable.into(),
            StoreError::Quota => words.save_quota.into(),
            StoreError::Damaged(why) => words.saved_list_unreadable(&why.reason(words)),
            StoreError::Download { url, status: None } => words.save_failed(&words.save_download_failed(url)),
            StoreError::Download {
                url,
                status: Some(status),
            } => words.save_failed(&words.save_download_http(&status.to_string(), url)),
            StoreError::Browser(detail) if detail.is_empty() => words.save_failed(words.save_refused),
            StoreError::Browser(detail) => words.save_failed(detail),
        }
    }
}

/// After [`load`] reported a damaged list: rebuilds it from the saved copies and says what
/// happened, in the reader's words. Returns the new list (if the store could be written).
/// The rebuilding (which reads every saved copy through the strict article reader) is code few
/// readers ever need: in the islands bundle it comes from a chunk of its own, and if that cannot
/// be fetched the reader is told so and the list is left for the next visit.
pub async fn recover(why: StoredDataError, words: &'static Catalog) -> (Option<SavedList>, String) {
    let damaged = StoreError::Damaged(why).message(words);
    match rebuild_saved(words).await {
        Ok(work) => {
            let (list, outcome) = work.await;
            (list, format!("{damaged} {outcome}"))
        }
        Err(crate::platform::chunk::ChunkError) => (None, format!("{damaged} {}", words.part_failed)),
    }
}

crate::split! {
    chunk recover, preload preload_recover;
    /// The rebuilding for [`recover`]: the new list and what happened, in the reader's words.
    fn rebuild_saved(words: &'static Catalog) -> Result<crate::platform::chunk::Work<(Option<SavedList>, String)>, crate::platform::chunk::ChunkError> {
        Ok(Box::pin(async move {
            match rebuild().await {
                Ok(list) => {
                    let outcome = match list.articles.len() {
                        0 => words.saved_list_reset.to_string(),
                        n => words.saved_list_rebuilt(n),
                    };
                    (Some(list), outcome)
                }
                Err(error) => (None, error.message(words)),
            }
        }))
    }
}

/// How much the site stores, as the browser reports it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageUse {
    pub usage_bytes: f64,
    pub quota_bytes: f64,
    /// Whether the browser promised not to clear the site's data under storage pressure.
    pub persisted: Option<bool>,
}

/// "1.2 MB", "340 KB", "0 bytes".
///
/// ```
/// use article_reader::platform::saved_store::format_bytes;
/// assert_eq!(format_bytes(1_234_567.0), "1.2 MB");
/// assert_eq!(format_bytes(340_000.0), "340 KB");
/// assert_eq!(format_bytes(0.0), "0 bytes");
/// ```
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000.0 {
        return format!("{} bytes", bytes.max(0.0) as u64);
    }
    let mut value = bytes / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// The saved list; a damaged list is reported (and the caller resets it with [`recover`]).
/// Natively: [`StoreError::Unavailable`].
///
/// ```no_run
/// use article_reader::platform::saved_store::{load, StoreError};
/// async fn saved_count() -> usize {
///     match load().await {
///         Ok(list) => list.articles.len(),
///         Err(StoreError::Damaged(_)) => 0, // recover() rebuilds it and says so
///         Err(_) => 0,                       // no Cache Storage here
///     }
/// }
/// ```
pub async fn load() -> Result<SavedList, StoreError> {
    imp::load().await
}

/// Replaces a damaged list with one rebuilt from the saved copies themselves: every stored JSON
/// file that still validates as an article is listed again (its images are found the same way
/// as when saving). Nothing is deleted.
pub async fn rebuild() -> Result<SavedList, StoreError> {
    imp::rebuild().await
}

/// Saves the article read from `json_url` (opened at `route`) with its images, all or nothing.
///
/// ```no_run
/// use article_reader::{model::Article, platform::saved_store::save};
/// async fn keep(article: &Article) {
///     match save(article, "https://news.example/articles/a.json", "/articles/a").await {
///         Ok(list) => println!("{} saved", list.articles.len()),
///         Err(e) => println!("{e}"), // e.g. the storage quota, and nothing was lost
///     }
/// }
/// ```
pub async fn save(article: &Article, json_url: &str, route: &str) -> Result<SavedList, StoreError> {
    imp::save(article, json_url, route).await
}

/// Removes a saved article and the files only it used.
pub async fn remove(json_url: &str) -> Result<SavedList, StoreError> {
    imp::remove(json_url).await
}

/// Whether any cache (saved, or what the service worker kept) has `url`: a related article
/// marked as available offline. Natively: no.
///
/// ```no_run
/// use article_reader::platform::saved_store::is_available_offline;
/// async fn mark() -> &'static str {
///     if is_available_offline("https://news.example/articles/b.json").await { "available offline" } else { "" }
/// }
/// ```
pub async fn is_available_offline(url: &str) -> bool {
    imp::is_available_offline(url).await
}

/// Usage and quota as the browser estimates them (the Saved page's storage line).
pub async fn storage_use() -> Option<StorageUse> {
    imp::storage_use().await
}

/// Asks the browser to keep the site's data under storage pressure; whether it agreed.
pub async fn request_persistence() -> Option<bool> {
    imp::request_persistence().await
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Cache, Response};

    use super::*;
    use crate::model::saved::entry_for;

    async fn wait(promise: Promise) -> Result<JsValue, JsValue> {
        JsFuture::from(promise).await
    }

    fn describe(err: &JsValue) -> StoreError {
        if let Some(e) = err.dyn_ref::<web_sys::DomException>() {
            if e.name() == "QuotaExceededError" {
                return StoreError::Quota;
            }
            return StoreError::Browser(e.message());
        }
        if let Some(e) = err.dyn_ref::<js_sys::Error>() {
            return StoreError::Browser(String::from(e.message()));
        }
        StoreError::Browser(String::new())
    }

    fn list_url() -> String {
        let path = crate::model::links::in_app(SAVED_LIST_PATH);
        crate::model::url::resolve(&crate::platform::page_url(), &path).unwrap_or(path)
    }

    async fn open() -> Result<Cache, StoreError> {
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        let caches = window.caches().map_err(|_| StoreError::Unavailable)?;
        let cache = wait(caches.open(SAVED_CACHE))
            .await
            .map_err(|_| StoreError::Unavailable)?;
        cache.dyn_into::<Cache>().map_err(|_| StoreError::Unavailable)
    }

    async fn read_list(cache: &Cache) -> Result<SavedList, StoreError> {
        let found = wait(cache.match_with_str(&list_url()))
            .await
            .map_err(|e| describe(&e))?;
        let Ok(response) = found.dyn_into::<Response>() else {
            return Ok(SavedList::default());
        };
        let text = wait(response.text().map_err(|e| describe(&e))?)
            .await
            .map_err(|e| describe(&e))?;
        SavedList::from_json(&text.as_string().unwrap_or_default()).map_err(StoreError::Damaged)
    }

    async fn write_list(cache: &Cache, list: &SavedList) -> Result<(), StoreError> {
        let init = web_sys::ResponseInit::new();
        let headers = web_sys::Headers::new().map_err(|e| describe(&e))?;
        let _ = headers.set("content-type", "application/json");
        init.set_headers(&headers);
        let response = Response::new_with_opt_str_and_init(Some(&list.to_json()), &init).map_err(|e| describe(&e))?;
        wait(cache.put_with_str(&list_url(), &response))
            .await
            .map_err(|e| describe(&e))?;
        Ok(())
    }

    /// The saved list; a damaged list is reported (and the caller resets it).
    pub async fn load() -> Result<SavedList, StoreError> {
        read_list(&open().await?).await
    }

    /// Replaces a damaged list with one rebuilt from the saved copies themselves: every stored
    /// JSON file that still validates as an article is listed again (its images are found the
    /// same way as when saving). Nothing is deleted.
    pub async fn rebuild() -> Result<SavedList, StoreError> {
        use crate::model::{links::reader_path, parse_article, saved::SAVED_FORMAT};

        let cache = open().await?;
        let list_url = list_url();
        let keys = wait(cache.keys()).await.map_err(|e| describe(&e))?;
        let now = String::from(js_sys::Date::new_0().to_iso_string());
        let mut list = SavedList {
            version: SAVED_FORMAT,
            articles: Vec::new(),
        };
        for request in js_sys::Array::from(&keys).iter() {
            let Ok(request) = request.dyn_into::<web_sys::Request>() else {
                continue;
            };
            let url = request.url();
            if url == list_url {
                continue;
            }
            let Ok(found) = wait(cache.match_with_str(&url)).await else {
                continue;
            };
            let Ok(response) = found.dyn_into::<Response>() else {
                continue;
            };
            let is_json = response
                .headers()
                .get("content-type")
                .ok()
                .flatten()
                .is_some_and(|t| t.contains("json"))
                || url.split(['?', '#']).next().is_some_and(|p| p.ends_with(".json"));
            if !is_json {
                continue;
            }
            let Ok(promise) = response.text() else {
                continue;
            };
            let Some(text) = wait(promise).await.ok().and_then(|t| t.as_string()) else {
                continue;
            };
            if let Ok(article) = parse_article(&text, &url) {
                let route = reader_path(&url, &crate::platform::articles_dir());
                list = list.with(entry_for(&article, &url, &route, &now, None));
            }
        }
        write_list(&cache, &list).await?;
        Ok(list)
    }

    async fn fetch_for_cache(url: &str, same_origin: bool) -> Result<Response, StoreError> {
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        let init = web_sys::RequestInit::new();
        if !same_origin {
            // Cross-origin images without CORS can still be stored (opaque) and shown.
            init.set_mode(web_sys::RequestMode::NoCors);
        }
        let response = wait(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(|_| StoreError::Download {
                url: url.to_string(),
                status: None,
            })?
            .dyn_into::<Response>()
            .map_err(|_| StoreError::Download {
                url: url.to_string(),
                status: None,
            })?;
        if response.type_() != web_sys::ResponseType::Opaque && !response.ok() {
            return Err(StoreError::Download {
                url: url.to_string(),
                status: Some(response.status()),
            });
        }
        Ok(response)
    }

    async fn store_all(
        cache: &Cache,
        json_url: &str,
        images: &[String],
        stored: &mut Vec<String>,
    ) -> Result<(), StoreError> {
        let origin = crate::model::url::resolve(&crate::platform::page_url(), "/").unwrap_or_default();
        let json = fetch_for_cache(json_url, true).await?;
        wait(cache.put_with_str(json_url, &json))
            .await
            .map_err(|e| describe(&e))?;
        stored.push(json_url.to_string());
        for url in images {
            let response = match fetch_for_cache(url, url.starts_with(&origin)).await {
                Ok(r) => r,
                // A missing image must not stop the article from being saved.
                Err(StoreError::Download { .. }) => continue,
                Err(other) => return Err(other),
            };
            wait(cache.put_with_str(url, &response))
                .await
                .map_err(|e| describe(&e))?;
            stored.push(url.clone());
        }
        Ok(())
    }

    /// The reader's screen: the pictures saved are the files it shows.
    fn screen() -> Option<crate::model::picture::Screen> {
        let window = web_sys::window()?;
        let width = window.inner_width().ok()?.as_f64()?;
        Some(crate::model::picture::Screen {
            width,
            density: window.device_pixel_ratio(),
        })
    }

    /// Saves the article read from `json_url` (opened at `route`) with its images.
    pub async fn save(article: &Article, json_url: &str, route: &str) -> Result<SavedList, StoreError> {
        let cache = open().await?;
        let list = read_list(&cache).await?;
        let saved_at = String::from(js_sys::Date::new_0().to_iso_string());
        let entry = entry_for(article, json_url, route, &saved_at, screen());
        let updated = list.with(entry.clone());
        let mut stored = Vec::new();
        let result = match store_all(&cache, json_url, &entry.images, &mut stored).await {
            Ok(()) => write_list(&cache, &updated).await,
            Err(e) => Err(e),
        };
        if let Err(error) = result {
            // Undo this save only: files that other saved articles use stay.
            let removable = updated.urls_only_for(json_url);
            for url in stored.iter().filter(|u| removable.contains(u) && !list.contains(u)) {
                let _ = wait(cache.delete_with_str(url)).await;
            }
            return Err(error);
        }
        Ok(updated)
    }

    /// Removes a saved article and the files only it used.
    pub async fn remove(json_url: &str) -> Result<SavedList, StoreError> {
        let cache = open().await?;
        let list = read_list(&cache).await?;
        let removable = list.urls_only_for(json_url);
        let updated = list.without(json_url);
        write_list(&cache, &updated).await?;
        for url in removable {
            let _ = wait(cache.delete_with_str(&url)).await;
        }
        Ok(updated)
    }

    /// Whether any cache (saved, or what the service worker kept) has `url`.
    pub async fn is_available_offline(url: &str) -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let Ok(caches) = window.caches() else {
            return false;
        };
        matches!(wait(caches.match_with_str(url)).await, Ok(v) if !v.is_undefined())
    }

    fn storage_manager() -> Option<web_sys::StorageManager> {
        let navigator = web_sys::window()?.navigator();
        Reflect::get(&navigator, &"storage".into()).ok()?.dyn_into().ok()
    }

    /// Usage and quota as the browser estimates them.
    pub async fn storage_use() -> Option<StorageUse> {
        let storage = storage_manager()?;
        let estimate = wait(storage.estimate().ok()?).await.ok()?;
        let number = |key: &str| Reflect::get(&estimate, &key.into()).ok().and_then(|v| v.as_f64());
        let persisted = match storage.persisted() {
            Ok(p) => wait(p).await.ok().and_then(|v| v.as_bool()),
            Err(_) => None,
        };
        Some(StorageUse {
            usage_bytes: number("usage")?,
            quota_bytes: number("quota")?,
            persisted,
        })
    }

    /// Asks the browser to keep the site's data under storage pressure.
    pub async fn request_persistence() -> Option<bool> {
        let storage = storage_manager()?;
        wait(storage.persist().ok()?).await.ok()?.as_bool()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub async fn load() -> Result<SavedList, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn rebuild() -> Result<SavedList, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn save(_: &Article, _: &str, _: &str) -> Result<SavedList, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn remove(_: &str) -> Result<SavedList, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn is_available_offline(_: &str) -> bool {
        false
    }
    pub async fn storage_use() -> Option<StorageUse> {
        None
    }
    pub async fn request_persistence() -> Option<bool> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_readable() {
        assert_eq!(format_bytes(0.0), "0 bytes");
        assert_eq!(format_bytes(999.0), "999 bytes");
        assert_eq!(format_bytes(1_234.0), "1.2 KB");
        assert_eq!(format_bytes(345_678.0), "346 KB");
        assert_eq!(format_bytes(1_234_567.0), "1.2 MB");
        assert_eq!(format_bytes(299_000_000_000.0), "299 GB");
    }

    #[test]
    fn quota_message_says_nothing_was_lost() {
        assert!(StoreError::Quota
            .message(&crate::model::i18n::EN)
            .contains("Nothing you saved before was affected"));
        assert!(StoreError::Quota
            .message(&crate::model::i18n::FR)
            .contains("Rien de ce que vous aviez enregistré"));
    }
}
