//! The names the app shares with the service worker, `embed.js`, `index.html` and the build
//! scripts: cache names, message types, the article id rule, embed options, element ids and the
//! settings' storage key and values. Defined once, in `src/facts.json`; `build.rs` makes these
//! constants from it and the build injects the same file into the JavaScript, so no copy can
//! drift (`tests/facts.rs` fails on one).
//!
//! ```
//! use article_reader::facts;
//! assert!(facts::SAVED_CACHE.starts_with(facts::CACHE_PREFIX));
//! assert_eq!(facts::ID_MAX_LEN, 128);
//! ```

include!(concat!(env!("OUT_DIR"), "/facts.rs"));
