//! The search box in the site's header: a form that opens `/search?q=`, so it works before and
//! without the app. Plain markup: inside the app, `platform::search::use_search_box` sends it
//! through the router and starts loading the index when it gets focus; a prerendered page's
//! islands carry no code for it.

use leptos::prelude::*;

use crate::model::{links::in_app, search::MAX_QUERY_CHARS};

#[component]
pub fn SearchBox() -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    // `role` comes first: the page's Trusted Types policy lets a form through only as the
    // site's search box.
    view! {
        <form role="search" class="site-search" action=in_app("/search") method="get">
            <label for="site-search" class="visually-hidden">{move || t().search_label}</label>
            <input
                type="search"
                id="site-search"
                name="q"
                dir="auto"
                autocomplete="off"
                enterkeyhint="search"
                maxlength=MAX_QUERY_CHARS
                placeholder=move || t().search_label
            />
            <button type="submit" class="site-search-button" aria-label=move || t().search_button>
                <span class="search-icon" aria-hidden="true"></span>
            </button>
        </form>
    }
}
