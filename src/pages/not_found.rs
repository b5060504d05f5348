//! Any path the app does not know.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::contexts::document_language::DocumentLanguage;
use crate::model::links::in_app;

#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname;
    let t = crate::contexts::ui::use_text();
    let before = move || t().no_page_at.split_once("{path}").map_or("", |(b, _)| b);
    let after = move || t().no_page_at.split_once("{path}").map_or("", |(_, a)| a);
    view! {
        <Title text=move || t().page_not_found.to_string()/>
        <DocumentLanguage/>
        <div class="not-found">
            <h1>{move || t().page_not_found}</h1>
            <p>{before} <code dir="ltr">{move || path.get()}</code> {after}</p>
            <p><a href=in_app("/") class="home-link">{move || t().go_home}</a></p>
        </div>
    }
    .into_any()
}
