//! What can be wrong with data the app stored itself (reading settings, reading positions, the
//! list of saved articles) when it is read back: damaged, written by another app under the same
//! key, or from a version this one does not know. The caller clears or rebuilds it and tells
//! the reader why, in the interface's language ([`StoredDataError::reason`]).

use super::i18n::Catalog;

/// Which stored data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredKind {
    Settings,
    Positions,
    SavedList,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredDataError {
    /// Not JSON of the expected shape; `detail` is the parser's (English) account, for logs.
    NotFormat { kind: StoredKind, detail: String },
    /// A text size step the settings do not have.
    NoSizeStep { step: u8 },
    /// A reading position past 100 %.
    OverRead { url: String, percent: u8 },
    /// A saved list written by another version of the app.
    UnknownVersion { version: u32 },
}

impl StoredDataError {
    /// Why it could not be used, in the catalogue's language (placed inside a sentence such as
    /// "Your reading settings couldn't be read (…)").
    ///
    /// ```
    /// use article_reader::model::{i18n::{EN, FR}, stored::StoredDataError};
    /// let e = StoredDataError::NoSizeStep { step: 42 };
    /// assert_eq!(e.reason(&EN), "text size step 42 does not exist");
    /// assert_eq!(e.reason(&FR), "le cran de taille de texte 42 n'existe pas");
    /// ```
    pub fn reason(&self, words: &Catalog) -> String {
        match self {
            StoredDataError::NotFormat { kind, .. } => words.stored_not_format(match kind {
                StoredKind::Settings => words.stored_settings,
                StoredKind::Positions => words.stored_positions,
                StoredKind::SavedList => words.stored_saved_list,
            }),
            StoredDataError::NoSizeStep { step } => words.stored_no_size_step(&step.to_string()),
            StoredDataError::OverRead { url, percent } => words.stored_over_read(&percent.to_string(), url),
            StoredDataError::UnknownVersion { version } => words.stored_unknown_version(&version.to_string()),
        }
    }
}

/// The English reason, with the parser's detail when there is one.
impl std::fmt::Display for StoredDataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason(&super::i18n::EN))?;
        match self {
            StoredDataError::NotFormat { detail, .. } => write!(f, ": {detail}"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for StoredDataError {}

/// Reads stored JSON as `T`, or says it is not `kind` (with the parser's detail).
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str, kind: StoredKind) -> Result<T, StoredDataError> {
    serde_json::from_str(text).map_err(|e| StoredDataError::NotFormat {
        kind,
        detail: super::json::error_text(&e),
    })
}
