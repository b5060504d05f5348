//! Values the app provides to every page through Leptos context. (The interface language lives
//! in `crate::i18n`, the reading settings in `crate::prefs`, the offline state in
//! `crate::offline::status`.)

pub mod document_language;
