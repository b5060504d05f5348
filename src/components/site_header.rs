//! The site's header: skip link, name, the search box, navigation, the reading settings button
//! and its panel.
//! Shared by the app and prerendered pages.

use leptos::prelude::*;

use super::search_box::SearchBox;
use super::settings::{SettingsPanel, SettingsToggle};
use crate::model::links::in_app;

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn SiteHeader() -> impl IntoView {
    crate::contexts::island::enter();
    let settings_open = RwSignal::new(false);
    // Once opened, the panel stays (closed, it is `hidden`), so it keeps its place in the
    // focus order and in what `aria-controls` names.
    let opened = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || settings_open.get());
    let t = crate::contexts::ui::use_text();
    view! {
        <a class="skip-link" href="#main">{move || t().skip_to_content}</a>
        <header class="site-header">
            <a href=in_app("/") class="brand">
                <img class="brand-logo" src=crate::site::LOGO alt="" width="32" height="32"/>
                // The logo alone when site.json says so: the name stays for screen readers.
                <span class=if crate::site::SHOW_NAME { "brand-name" } else { "brand-name visually-hidden" }>{crate::site::NAME}</span>
            </a>
            <SearchBox/>
            <nav aria-label=move || t().site_nav>
                <a href=in_app("/saved") class="nav-saved">{move || t().nav_saved}</a>
                <SettingsToggle open=settings_open/>
            </nav>
        </header>
        // Made when the reader first opens it, not before: a prerendered page carries no hidden
        // panel, and its island has none to bring to life (the page is live sooner).
        {move || opened.get().then(|| view! { <SettingsPanel open=settings_open/> })}
    }
}
