//! Any path the app does not know.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::app::DocumentLanguage;

#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <Title text="Page not found"/>
        <DocumentLanguage/>
        <div class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{move || path.get()}</code> "."</p>
            <p><a href="/" class="home-link">"Go to the front page"</a></p>
        </div>
    }
}
