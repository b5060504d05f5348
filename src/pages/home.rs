//! `/`: the front page, listing `articles/index.json` newest first. The build prerenders it
//! (`src/bin/prerender.rs`) with [`FrontPage`] and [`ArticleList`], the same components the app
//! uses, so the static copy and the app's rendering are the same.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::article::TakeOver;
use crate::api::{fetch_index, Loads};
use crate::platform::articles_dir;
use crate::contexts::document_language::DocumentLanguage;
use crate::components::{skeleton::ListSkeleton, ErrorView};
use crate::model::Summary;
use crate::model::links::in_app;

#[component]
pub fn Home() -> impl IntoView {
    let loads = Loads::new();
    let index = LocalResource::new(move || {
        fetch_index(format!("{}index.json", articles_dir()), loads.next())
    });
    let retry = Callback::new(move |()| index.refetch());
    let t = crate::contexts::ui::use_text();
    view! {
        <Title text=move || t().latest_articles.to_string()/>
        <Meta name="description" content=move || t().front_description.to_string()/>
        <DocumentLanguage/>
        <FrontPage>
            <Suspense fallback=ListSkeleton>
                {move || Suspend::new(async move {
                    match index.await {
                        Ok(list) => view! { <TakeOver/> <ArticleList list/> }.into_any(),
                        Err(error) => view! { <TakeOver/> <ErrorView error on_retry=retry nested=true/> }.into_any(),
                    }
                })}
            </Suspense>
        </FrontPage>
    }
    .into_any()
}

/// The front page's frame: its heading, then `children` (the list, or its skeleton or error).
#[component]
pub fn FrontPage(children: Children) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    view! {
        <div class="front-page">
            <h1>{move || t().latest_articles}</h1>
            {children()}
        </div>
    }
    .into_any()
}

/// The index's articles as cards, or "No articles yet".
#[component]
pub fn ArticleList(list: Vec<Summary>) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    if list.is_empty() {
        return view! { <p class="empty-state">{move || t().no_articles}</p> }.into_any();
    }
    view! {
        <ul class="article-list">
            {list
                .into_iter()
                .enumerate()
                .map(|(i, s)| view! { <SummaryCard summary=s lead=i == 0/> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// `lead`: the first card, whose picture is on screen at once: it loads first (it is the
/// page's largest paint), the others only as they come near.
#[component]
fn SummaryCard(summary: Summary, lead: bool) -> impl IntoView {
    let Summary {
        id,
        headline,
        dek,
        image,
        published,
        section,
    } = summary;
    let thumb = image.and_then(|i| i.src).map(|src| {
        view! {
            <img
                class="thumb"
                src=src
                alt=""
                width="320"
                height="180"
                loading=if lead { "eager" } else { "lazy" }
                fetchpriority=if lead { "high" } else { "auto" }
                decoding="async"
            />
        }
    });
    // The index does not say each article's language: dates are in the interface's.
    let lt = crate::contexts::ui::use_lang_tag();
    let date = published.map(|p| {
        let datetime = p.to_string();
        view! { <time datetime=datetime>{move || p.display(lt())}</time> }
    });
    view! {
        <li class="card">
            {thumb}
            <div class="card-text">
                // The index does not say which language each article is in: let the browser
                // find each text's direction from its first letters.
                {section.map(|s| view! { <p class="section-label" dir="auto">{s}</p> })}
                <h2 dir="auto"><a href=in_app(&format!("/articles/{id}"))>{headline}</a></h2>
                {dek.map(|d| view! { <p class="card-dek" dir="auto">{d}</p> })}
                {date}
            </div>
        </li>
    }
    .into_any()
}
