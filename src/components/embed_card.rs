//! The compact article card of the embed view: header, hero, takeaways, the editorial card
//! collapsed, share controls, and "Read on {publisher}" opening the full article in a new tab of
//! the top window. Every part is rendered; the embed's `parts=` option hides parts with CSS
//! (`html[data-embed-hide]`, set by `index.html` before the first paint), so a prerendered embed
//! and the app's own rendering are the same.

use leptos::prelude::*;

use super::editorial::EditorialCard;
use super::figure::{Figure, Placement};
use super::header::ArticleHeader;
use super::provenance::Provenance;
use super::share::ShareControls;
use super::takeaways::Takeaways;
use crate::model::{lang::direction_of, Article};

#[component]
pub fn EmbedCard(
    article: Article,
    /// The embed's `lang=` option: overrides the article's language (dates, direction, words).
    lang: Option<String>,
    /// Where the full article is read: its canonical URL, or the reader's page for it.
    read_url: String,
    card_open: RwSignal<bool>,
    /// The host the article comes from, when that is not the site's own origin.
    #[prop(default = None)]
    from: Option<String>,
) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let mut a = article;
    if let Some(lang) = lang {
        a.dir = direction_of(&lang);
        a.language = lang;
    }
    // An article of the site's own names the site's publisher when it names none; one from
    // another source names where it comes from.
    let publisher = match (&a.publisher, &from) {
        (Some(p), _) => p.name.clone(),
        (None, Some(host)) => host.clone(),
        (None, None) => crate::site::PUBLISHER_NAME.to_string(),
    };
    view! {
        <article class="embed-card" lang=a.language.clone() dir=a.dir.as_str() aria-labelledby="article-headline">
            <Provenance host=from/>
            <ArticleHeader article=a.clone()/>
            {a.image.clone().map(|image| view! { <Figure image placement=Placement::Hero/> })}
            <Takeaways items=a.takeaways.clone()/>
            {a.editorial.clone().map(|editorial| view! { <EditorialCard editorial open=card_open/> })}
            <ShareControls url=Some(read_url.clone()) headline=a.headline.clone()/>
            <p class="read-on" lang=lt>
                <a href=read_url target="_blank" rel="external noopener">
                    {move || t().read_on(&publisher)}
                    <span class="visually-hidden">" " {move || t().opens_new_tab}</span>
                </a>
            </p>
        </article>
    }
    .into_any()
}
