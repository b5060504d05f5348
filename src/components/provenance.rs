//! "From wire.example": the line that says an article comes from another origin than the
//! site's own (one of the sources `site.json` allows), so no one mistakes it for the site's
//! own reporting.

use leptos::prelude::*;

/// The provenance line for an article from `host`; nothing when `host` is `None` (the site's
/// own articles).
#[component]
pub fn Provenance(host: Option<String>) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    host.map(|host| {
        view! {
            <p class="provenance" lang=lt>
                {move || t().from_source(&host)}
            </p>
        }
    })
}
