//! The article header: section, headline (the page's only h1), dek, byline, dates, reading time.

use leptos::prelude::*;

use crate::model::{date::display_updated, text::reading_minutes, Article};

/// The embed view hides parts with CSS (`parts=`), so the header is always whole.
#[component]
pub fn ArticleHeader(article: Article) -> impl IntoView {
    let lang = article.language.clone();
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let published = article.published.as_ref().map(|p| {
        view! { <time class="published" datetime=p.to_string() data-pagefind-meta="date[datetime]">{p.display(&lang)}</time> }
    });
    let updated = article.updated.as_ref().map(|u| {
        let shown = display_updated(u, article.published.as_ref(), &lang);
        let u = u.to_string();
        // The words around the date follow the interface language as it changes.
        let part = move |first: bool| {
            let (before, after) = t().updated.split_once("{date}").unwrap_or(("", ""));
            if first {
                before
            } else {
                after
            }
        };
        view! { <span class="updated">{move || part(true)} <time datetime=u>{shown}</time>{move || part(false)}</span> }
    });
    let minutes = reading_minutes(&article);
    let reading = move || t().reading_time(minutes);
    view! {
        <header class="article-header">
            {article.section.clone().map(|s| view! { <p class="section-label" data-pagefind-meta="section">{s}</p> })}
            <h1 class="headline" id="article-headline">{article.headline.clone()}</h1>
            {article.dek.clone().map(|d| view! { <p class="dek">{d}</p> })}
            <p class="meta">
                {
                    let a = article.clone();
                    move || a.byline_in(t()).map(|b| view! { <span class="byline">{b}</span> })
                }
                {published}
                {updated}
                <span class="reading-time" lang=lt>{reading}</span>
            </p>
        </header>
    }
    .into_any()
}
