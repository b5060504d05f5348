//! The site's header: skip link, name, navigation. Shared by the app and prerendered pages.

use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a href="/" class="brand">"Article Reader"</a>
            <nav aria-label="Site">
                <a href="/saved" class="nav-saved">"Saved"</a>
            </nav>
        </header>
    }
}
