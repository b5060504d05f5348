//! The "Editor's Desk" card: collapsed to label, title and teaser; a disclosure button
//! (WAI-ARIA disclosure pattern) shows the whole analysis.

use leptos::prelude::*;

use super::inline::InlineText;
use crate::model::{text::teaser, Editorial};

/// Characters of the analysis shown while the card is collapsed.
pub const TEASER_CHARS: usize = 160;

/// `open` is owned by the page so the state survives a re-render of the article.
#[component]
pub fn EditorialCard(editorial: Editorial, open: RwSignal<bool>) -> impl IntoView {
    let Editorial {
        label,
        title,
        body,
        author,
        role,
    } = editorial;
    let teaser_text = teaser(
        &body.first().map(|p| p.plain_text()).unwrap_or_default(),
        TEASER_CHARS,
    );
    let attribution = match (author, role) {
        (Some(a), Some(r)) => Some(format!("{a} · {r}")),
        (Some(a), None) => Some(a),
        (None, Some(r)) => Some(r),
        (None, None) => None,
    };
    let t = crate::i18n::use_text();
    let lt = crate::i18n::use_lang_tag();
    view! {
        <aside class="editorial" class:open=move || open.get() aria-labelledby="editorial-title">
            <p class="editorial-label">{label}</p>
            <h2 class="editorial-title" id="editorial-title">{title}</h2>
            <p class="editorial-teaser" hidden=move || open.get()>{teaser_text}</p>
            <div class="editorial-body" id="editorial-body" hidden=move || !open.get()>
                {body.into_iter().map(|p| view! { <p><InlineText text=p/></p> }).collect_view()}
                {attribution.map(|a| view! { <p class="editorial-attribution">{a}</p> })}
            </div>
            <button
                type="button"
                class="editorial-toggle"
                lang=lt
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="editorial-body"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { t().show_less } else { t().read_full_analysis }}
            </button>
        </aside>
    }
}
