//! An in-browser news article reader built with Leptos.
//!
//! - [`model`]: the article format, validation and pure logic (native, no browser APIs).
//! - [`api`]: fetching article and index JSON (browser only; a stub natively).
//! - [`components`]: one file per visible part of an article.
//! - [`pages`]: one file per route.
//! - [`contexts`]: values provided to every page (the document's language).
//! - [`app`]: the router shell.

pub mod api;
pub mod app;
pub mod components;
pub mod contexts;
pub mod crash;
pub mod facts;
pub mod model;
pub mod i18n;
pub mod offline;
pub mod pages;
pub mod platform;
pub mod prefs;
