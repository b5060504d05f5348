//! One file per visible part of an article. Components receive model values and stay thin:
//! logic lives in [`crate::model`]. Browser APIs are only touched in event handlers and effects,
//! so every component also renders natively (tests, prerendering).

pub mod article_view;
pub mod body;
pub mod chunk_status;
pub mod editorial;
pub mod embed_card;
pub mod error_view;
pub mod figure;
pub mod header;
pub mod inline;
pub mod listen;
pub mod picture;
pub mod progress;
pub mod provenance;
pub mod related;
pub mod route_code;
pub mod save;
pub mod search_box;
pub mod settings;
pub mod share;
pub mod site_header;
pub mod skeleton;
pub mod status_bar;
pub mod takeaways;

pub use article_view::ArticleView;
pub use error_view::ErrorView;
pub use skeleton::ArticleSkeleton;
