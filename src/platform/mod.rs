//! Every call the app makes into the browser, behind plain functions and hooks. Each has a
//! native stub, so the components that use them render in `cargo test` and in the prerender,
//! and contain no `cfg(target_arch)` of their own. One concern per file:
//!
//! - [`page`]: whether the app runs, the prerendered copy, the page's address, the network
//!   state, focus, `<html>` attributes, following a link inside the app, reloading
//!   (re-exported here);
//! - [`share`]: the Web Share API and the clipboard;
//! - [`speech`]: reading aloud;
//! - [`scroll`]: the reading position and scrolling;
//! - [`storage`]: local storage;
//! - [`events`]: event listeners removed with their owner;
//! - [`locale`]: the browser's languages, and lower case by its rules;
//! - [`search`]: the site's search index (Pagefind, through the page's search bridge), and the
//!   header's search box inside the app;
//! - [`chunk`]: code fetched on first use (the islands bundle's split chunks);
//! - [`clock`]: the time now;
//! - [`fetch`]: requests, with a time limit, retries and what the page already has;
//! - [`saved_store`]: the saved articles in Cache Storage, shared with the service worker;
//! - [`service_worker`]: registering it, handing it what to cache, its messages and updates.
//!
//! What the app does with them lives above: `crate::api` parses what [`fetch`] brings, and
//! `crate::contexts::offline` keeps the network state, the saved list and the update banner.

pub mod chunk;
pub mod clock;
pub mod events;
pub mod fetch;
pub mod locale;
pub mod page;
pub mod saved_store;
pub mod scroll;
pub mod search;
pub mod service_worker;
pub mod share;
pub mod speech;
pub mod storage;

pub use page::*;
pub use share::{copy_text, web_share, ShareOutcome};
