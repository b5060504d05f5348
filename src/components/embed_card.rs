//! The compact article card of the embed view: the parts chosen with `parts=`, the editorial
//! card collapsed, share controls, and "Read on {publisher}" opening the full article in a new
//! tab of the top window.

use leptos::prelude::*;

use super::editorial::EditorialCard;
use super::figure::{Figure, Placement};
use super::header::ArticleHeader;
use super::share::ShareControls;
use super::takeaways::Takeaways;
use crate::model::{embed::EmbedOptions, lang::direction_of, Article};

#[component]
pub fn EmbedCard(
    article: Article,
    options: EmbedOptions,
    /// Where the full article is read: its canonical URL, or the reader's page for it.
    read_url: String,
    card_open: RwSignal<bool>,
) -> impl IntoView {
    let t = crate::i18n::use_text();
    let lt = crate::i18n::use_lang_tag();
    let mut a = article;
    if let Some(lang) = options.lang.clone() {
        a.dir = direction_of(&lang);
        a.language = lang;
    }
    let publisher = a
        .publisher
        .as_ref()
        .map_or_else(|| "Article Reader".to_string(), |p| p.name.clone());
    let shows = |part: &str| options.shows(part);
    let header = (shows("headline") || shows("dek") || shows("meta")).then(|| {
        view! {
            <ArticleHeader
                article=a.clone()
                show_headline=shows("headline")
                show_dek=shows("dek")
                show_meta=shows("meta")
            />
        }
    });
    view! {
        <article class="embed-card" lang=a.language.clone() dir=a.dir.as_str() aria-labelledby="article-headline">
            {header}
            {a.image.clone().filter(|_| shows("image")).map(|image| view! { <Figure image placement=Placement::Hero/> })}
            {shows("takeaways").then(|| view! { <Takeaways items=a.takeaways.clone()/> })}
            {a.editorial.clone().filter(|_| shows("editorial")).map(|editorial| view! { <EditorialCard editorial open=card_open/> })}
            {shows("share").then(|| view! { <ShareControls url=Some(read_url.clone()) headline=a.headline.clone()/> })}
            {shows("link")
                .then(|| {
                    view! {
                        <p class="read-on" lang=lt>
                            <a href=read_url.clone() target="_blank" rel="external noopener">
                                {
                                    let publisher = publisher.clone();
                                    move || crate::model::i18n::fill(t().read_on, &[("publisher", &publisher)])
                                }
                                <span class="visually-hidden">" " {move || t().opens_new_tab}</span>
                            </a>
                        </p>
                    }
                })}
        </article>
    }
}
