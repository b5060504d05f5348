//! The site's configuration (`site.json`, or the file named by `READER_SITE`), checked by
//! `build.rs` with `crate::model::site::parse_site` and turned into these constants: the name,
//! logo, accent colours, languages, public address, default publisher and social account.
//!
//! ```
//! use article_reader::site;
//! assert!(!site::NAME.is_empty());
//! assert!(site::LANGUAGES.contains(&site::DEFAULT_LANGUAGE));
//! ```

include!(concat!(env!("OUT_DIR"), "/site.rs"));
