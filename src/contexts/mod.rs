//! The values the app shell provides to every page through Leptos context, one file each:
//!
//! - [`ui`]: the interface language (and its catalogue);
//! - [`document_language`]: `<html lang dir>`, set by the page shown;
//! - [`prefs`]: the reader's settings;
//! - [`offline`]: online or not, service worker updates, the saved list, notices;
//! - [`island`]: the same for an island of a prerendered page, which has no shell.

pub mod document_language;
pub mod island;
pub mod offline;
pub mod prefs;
pub mod ui;
