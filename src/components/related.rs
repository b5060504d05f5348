//! "Related Articles": links inside the reader, or the empty state.

use leptos::either::Either;
use leptos::{prelude::*, task::spawn_local};

use super::picture::{picture_sources, Loading, Picture};
use crate::model::{
    links::{related_json_url, related_path},
    picture::Slot,
    Related,
};
use crate::platform::saved_store::is_available_offline;

#[component]
pub fn RelatedArticles(
    items: Vec<Related>,
    /// Absolute URL of the current article's JSON (ids resolve next to it).
    json_url: String,
    /// Absolute URL of the app's own `articles/` folder.
    articles_dir: String,
    /// The article's language, for dates.
    language: String,
) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let list = (!items.is_empty()).then(|| {
        let cards = items
            .into_iter()
            .map(|item| {
                let href = related_path(&item, &json_url, &articles_dir);
                let offline_mark = related_json_url(&item, &json_url).map(|url| view! { <OfflineMark json_url=url/> });
                let date = item.published.as_ref().map(|p| {
                    view! { <time datetime=p.to_string()>{p.display(&language)}</time> }
                });
                let thumb = item.image.as_ref().and_then(picture_sources).map(|sources| {
                    view! {
                        <Picture
                            sources=sources
                            place=Slot::Card
                            class="thumb"
                            width=Some(160)
                            height=Some(90)
                            loading=Loading::Lazy
                        />
                    }
                });
                let headline = item.headline.clone();
                let title = match href {
                    Some(href) => Either::Left(view! { <a href=href>{headline}</a> }),
                    None => Either::Right(headline),
                };
                view! {
                    <li class="related-item">
                        {thumb}
                        <div class="related-text">
                            <h3 dir="auto">{title}</h3>
                            {item.dek.clone().map(|d| view! { <p class="related-dek" dir="auto">{d}</p> })}
                            {date}
                            {offline_mark}
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="related-list">{cards}</ul> }
    });
    view! {
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading" lang=lt>{move || t().related_heading}</h2>
            {match list {
                Some(list) => Either::Left(list),
                None => Either::Right(view! { <p class="empty-state" lang=lt>{move || t().no_related}</p> }),
            }}
        </section>
    }
}

/// "Available offline" on a related article that can be read without a connection (saved, or
/// kept by the service worker): checked in the browser once the list is on screen. An island of
/// its own on a prerendered page, so the list around it stays plain HTML.
#[cfg_attr(island_article, island)]
#[cfg_attr(not(island_article), component)]
pub fn OfflineMark(
    /// The related article's JSON address (root-relative on a prerendered page).
    json_url: String,
) -> impl IntoView {
    crate::contexts::island::enter();
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let url = crate::model::url::resolve(&crate::platform::page_url(), &json_url).unwrap_or(json_url);
    let available = RwSignal::new(false);
    Effect::new(move || {
        let url = url.clone();
        spawn_local(async move {
            let yes = is_available_offline(&url).await;
            available.try_set(yes);
        });
    });
    view! {
        <span class="offline-state">
            {move || available.get().then(|| view! { <span class="offline-mark" lang=lt>{move || t().available_offline}</span> })}
        </span>
    }
}
