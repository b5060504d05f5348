//! Local storage: the reader's settings and reading positions. Natively there is no storage:
//! reads find nothing and writes succeed without keeping anything.

/// Why the browser did not store something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No local storage here (blocked by the browser's settings, a sandboxed frame).
    Unavailable,
    /// The browser refused the write (storage full, or blocked).
    Refused,
}

impl StorageError {
    /// The reason, in the interface's language, for a message that says what was not stored.
    pub fn reason(self, words: &crate::model::i18n::Catalog) -> &'static str {
        match self {
            StorageError::Unavailable => words.storage_unavailable,
            StorageError::Refused => words.storage_refused,
        }
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.reason(&crate::model::i18n::EN))
    }
}

impl std::error::Error for StorageError {}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::StorageError;

    fn storage() -> Result<web_sys::Storage, StorageError> {
        web_sys::window()
            .ok_or(StorageError::Unavailable)?
            .local_storage()
            .map_err(|_| StorageError::Unavailable)?
            .ok_or(StorageError::Unavailable)
    }

    pub fn get(key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
        storage()?.set_item(key, value).map_err(|_| StorageError::Refused)
    }

    pub fn remove(key: &str) {
        if let Ok(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::StorageError;

    pub fn get(_key: &str) -> Option<String> {
        None
    }
    pub fn set(_key: &str, _value: &str) -> Result<(), StorageError> {
        Ok(())
    }
    pub fn remove(_key: &str) {}
}

/// Reads a local storage entry (`None` when absent or when storage is unavailable).
///
/// ```no_run
/// use article_reader::{facts::SETTINGS_KEY, platform::storage::local_get};
/// let stored = local_get(SETTINGS_KEY).unwrap_or_default();
/// ```
pub fn local_get(key: &str) -> Option<String> {
    imp::get(key)
}

/// Writes a local storage entry, or says why the browser refused.
///
/// ```no_run
/// use article_reader::{facts::PROGRESS_KEY, platform::storage::local_set};
/// if let Err(why) = local_set(PROGRESS_KEY, "{}") {
///     println!("the position is kept for this visit only: {why:?}");
/// }
/// ```
pub fn local_set(key: &str, value: &str) -> Result<(), StorageError> {
    imp::set(key, value)
}

/// Removes a local storage entry, if storage is available.
pub fn local_remove(key: &str) {
    imp::remove(key)
}

/// Reads the entry under `key` with `parse`. Nothing stored is `Ok(None)`; stored data that
/// `parse` refuses (damaged, or another app's) is removed and its problem returned.
///
/// ```no_run
/// use article_reader::{facts::SETTINGS_KEY, model::settings::Settings, platform::storage::read_stored};
/// match read_stored(SETTINGS_KEY, Settings::from_json) {
///     Ok(settings) => println!("the reader's settings, or the defaults: {:?}", settings.unwrap_or_default()),
///     Err(problem) => println!("damaged settings were cleared: {problem:?}"),
/// }
/// ```
pub fn read_stored<T, E>(key: &str, parse: impl FnOnce(&str) -> Result<T, E>) -> Result<Option<T>, E> {
    let Some(text) = local_get(key) else {
        return Ok(None);
    };
    parse(&text).map(Some).inspect_err(|_| local_remove(key))
}
