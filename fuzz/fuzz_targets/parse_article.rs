//! Any bytes through the article and index parsers: they never panic, and what they accept
//! holds the model's promises (re-validates identically, only safe URL schemes, limits kept).
#![no_main]

use article_reader::model::{
    parse_article, parse_article_bytes, parse_index_page_bytes,
    validate::{MAX_BLOCKS, MAX_HEADLINE_CHARS},
};
use libfuzzer_sys::fuzz_target;

const BASE: &str = "https://news.example/feeds/article.json";

fuzz_target!(|data: &[u8]| {
    match parse_article_bytes(data, BASE) {
        Ok(article) => {
            let json = serde_json::to_string(&article).expect("an article serializes");
            let again = parse_article(&json, BASE).expect("an accepted article re-validates");
            assert_eq!(again, article);
            assert!(article.body.len() <= MAX_BLOCKS);
            assert!(article.headline.chars().count() <= MAX_HEADLINE_CHARS);
            for url in article_reader::model::links::all_urls(&article) {
                let lower = url.to_ascii_lowercase();
                assert!(
                    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"),
                    "unsafe URL accepted: {url}"
                );
            }
        }
        Err(error) => {
            // Every error has words for the reader.
            assert!(!error.title().is_empty() && !error.message().is_empty());
        }
    }
    let _ = parse_index_page_bytes(data, BASE);
});
