//! An in-browser news article reader built with Leptos.
//!
//! - [`model`]: the article format, validation and pure logic (native, no browser APIs).
//! - [`api`]: article and index JSON: fetched (through [`platform`]), parsed and validated.
//! - [`components`]: one file per visible part of an article.
//! - [`pages`]: one file per route.
//! - [`contexts`]: values the shell provides to every page (interface language, document
//!   language, reading settings, offline state).
//! - [`platform`]: every browser call, behind functions with native stubs.
//! - [`facts`]: the names shared with the JavaScript (from `src/facts.json`).
//! - [`site`]: the site's configuration (from `site.json`).
//! - [`app`]: the router shell.
// Islands' view types are not erased (their `AnyView` would bring every way of rendering
// into the islands bundle), which makes the server render's types deeper than the default limit.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod contexts;
pub mod crash;
/// The deploy command's logic (native only, with the publish command: feature `publish`).
#[cfg(feature = "publish")]
pub mod deploy;
pub mod facts;
/// The import command's readers (native only, feature `import`).
#[cfg(feature = "import")]
pub mod import;
pub mod model;
pub mod pages;
pub mod platform;
#[cfg(feature = "publish")]
pub mod publish;
pub mod site;

/// The islands bundle's entry point (`cargo rustc --lib --crate-type cdylib --features hydrate`):
/// the reactive root every island of a prerendered page hydrates under.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
