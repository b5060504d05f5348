//! A whole article, in newsroom order: header, hero, takeaways, editorial card, body, share,
//! related articles.

use leptos::prelude::*;

use super::body::ArticleBody;
use super::editorial::EditorialCard;
use super::figure::{Figure, Placement};
use super::header::ArticleHeader;
use super::listen::ListenControls;
use super::provenance::Provenance;
use super::related::RelatedArticles;
use super::save::SaveToggle;
use super::share::ShareControls;
use super::takeaways::Takeaways;
use crate::model::{links::reader_path, Article};

#[component]
pub fn ArticleView(
    article: Article,
    /// Absolute URL the article JSON was read from.
    json_url: String,
    /// Absolute URL of the app's own `articles/` folder.
    articles_dir: String,
    /// Whether the editorial card is expanded (owned by the page).
    card_open: RwSignal<bool>,
    /// The host the article comes from, when that is not the site's own origin.
    #[prop(default = None)]
    from: Option<String>,
) -> impl IntoView {
    let a = article;
    let route = reader_path(&json_url, &articles_dir);
    view! {
        // What the search index reads of a prerendered page (docs/search.md).
        <article
            class="article"
            lang=a.language.clone()
            dir=a.dir.as_str()
            aria-labelledby="article-headline"
            data-pagefind-body=""
            data-pagefind-meta="lang[lang]"
        >
            <Provenance host=from/>
            <ArticleHeader article=a.clone()/>
            <div class="article-tools">
                <SaveToggle article=Some(a.clone()) json_url=json_url.clone() route/>
                <ListenControls language=a.language.clone()/>
            </div>
            {a.image.clone().map(|image| view! { <Figure image placement=Placement::Hero/> })}
            <Takeaways items=a.takeaways.clone()/>
            {a.editorial.clone().map(|editorial| view! { <EditorialCard editorial open=card_open/> })}
            <ArticleBody blocks=a.body.clone()/>
            <ShareControls url=a.url.clone() headline=a.headline.clone()/>
            <RelatedArticles
                items=a.related.clone()
                json_url
                articles_dir
                language=a.language.clone()
            />
        </article>
    }
    .into_any()
}
