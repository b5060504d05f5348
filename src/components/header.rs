//! The article header: section, headline (the page's only h1), dek, byline, dates, reading time.

use leptos::prelude::*;

use crate::model::{
    date::{display_date, display_updated},
    text::reading_time_label,
    Article,
};

#[component]
pub fn ArticleHeader(article: Article) -> impl IntoView {
    let lang = article.language.clone();
    let published = article.published.clone().and_then(|p| {
        display_date(&p, &lang)
            .map(|shown| view! { <time class="published" datetime=p>{shown}</time> })
    });
    let updated = article.updated.clone().and_then(|u| {
        display_updated(&u, article.published.as_deref(), &lang).map(|shown| {
            view! { <span class="updated">"Updated " <time datetime=u>{shown}</time></span> }
        })
    });
    let reading = reading_time_label(&article);
    view! {
        <header class="article-header">
            {article.section.clone().map(|s| view! { <p class="section-label">{s}</p> })}
            <h1 class="headline" id="article-headline">{article.headline.clone()}</h1>
            {article.dek.clone().map(|d| view! { <p class="dek">{d}</p> })}
            <p class="meta">
                {article.byline().map(|b| view! { <span class="byline">{b}</span> })}
                {published}
                {updated}
                <span class="reading-time" lang="en" dir="ltr">{reading}</span>
            </p>
        </header>
    }
}
