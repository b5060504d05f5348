//! "Related Articles": links inside the reader, or the empty state.

use leptos::{prelude::*, task::spawn_local};

use crate::model::{
    links::{related_json_url, related_path},
    Related,
};
use crate::offline::store::is_available_offline;

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
    // Which related articles can be read without a connection (saved, or kept by the
    // service worker). Checked in the browser once the list is on screen.
    let offline: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let urls: Vec<String> = items
        .iter()
        .filter_map(|r| related_json_url(r, &json_url))
        .collect();
    Effect::new(move || {
        let urls = urls.clone();
        spawn_local(async move {
            let mut available = Vec::new();
            for url in urls {
                if is_available_offline(&url).await {
                    available.push(url);
                }
            }
            offline.set(available);
        });
    });
    let list = (!items.is_empty()).then(|| {
        let cards = items
            .into_iter()
            .map(|item| {
                let href = related_path(&item, &json_url, &articles_dir);
                let item_url = related_json_url(&item, &json_url);
                let offline_mark = move || {
                    let url = item_url.clone()?;
                    offline.with(|o| o.contains(&url)).then(|| {
                        view! { <span class="offline-mark" lang=lt>{move || t().available_offline}</span> }
                    })
                };
                let date = item.published.as_ref().map(|p| {
                    view! { <time datetime=p.to_string()>{p.display(&language)}</time> }
                });
                let thumb = item.image.as_ref().and_then(|img| img.src.clone()).map(|src| {
                    view! {
                        <img class="thumb" src=src alt="" loading="lazy" decoding="async" width="160" height="90"/>
                    }
                });
                let headline = item.headline.clone();
                let title = match href {
                    Some(href) => view! { <a href=href>{headline}</a> }.into_any(),
                    None => headline.into_any(),
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
                Some(list) => list.into_any(),
                None => view! { <p class="empty-state" lang=lt>{move || t().no_related}</p> }.into_any(),
            }}
        </section>
    }
    .into_any()
}
