//! Placeholders with the article's layout, shown while its JSON is on its way.

use leptos::prelude::*;

#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">{move || t().loading_article}</p>
            <div aria-hidden="true">
                <div class="sk sk-label"></div>
                <div class="sk sk-headline"></div>
                <div class="sk sk-headline short"></div>
                <div class="sk sk-line"></div>
                <div class="sk sk-line"></div>
                <div class="sk sk-meta"></div>
                <div class="sk sk-hero"></div>
                <div class="sk sk-line"></div>
                <div class="sk sk-line"></div>
                <div class="sk sk-line short"></div>
            </div>
        </div>
    }
    .into_any()
}

/// Placeholders for the front page list.
#[component]
pub fn ListSkeleton() -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">{move || t().loading_articles}</p>
            // Not `article-list`: the placeholder is never taken for the list itself.
            <ul class="skeleton-list" aria-hidden="true">
                {(0..4)
                    .map(|_| {
                        view! {
                            <li class="card">
                                <div class="sk sk-thumb"></div>
                                <div class="card-text">
                                    <div class="sk sk-label"></div>
                                    <div class="sk sk-line"></div>
                                    <div class="sk sk-line short"></div>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
    .into_any()
}
