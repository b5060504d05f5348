//! The site's header: skip link, name, navigation, the reading settings button and its panel.
//! Shared by the app and prerendered pages.

use leptos::prelude::*;

use super::settings::{SettingsPanel, SettingsToggle};

#[component]
pub fn SiteHeader() -> impl IntoView {
    let settings_open = RwSignal::new(false);
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a href="/" class="brand">"Article Reader"</a>
            <nav aria-label="Site">
                <a href="/saved" class="nav-saved">"Saved"</a>
                <SettingsToggle open=settings_open/>
            </nav>
        </header>
        <SettingsPanel open=settings_open/>
    }
}
