//! The article model: types, validation and pure functions. No browser APIs live here, so all
//! of it is tested natively with `cargo test`.

pub mod article;
pub mod catalog;
pub mod date;
pub mod delimited;
pub mod embed;
pub mod error;
pub mod i18n;
pub mod json;
pub mod lang;
pub mod links;
pub mod picture;
pub mod plural;
pub mod progress;
pub mod retry;
pub mod saved;
pub mod schema;
pub mod search;
pub mod seo;
pub mod settings;
pub mod share;
pub mod site;
pub mod stored;
pub mod text;
pub mod url;
pub mod validate;

pub use article::*;
pub use error::LoadError;
pub use validate::{parse_article, parse_article_bytes, parse_index_page, parse_index_page_bytes, Problem};
