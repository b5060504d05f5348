//! The "Editor's Desk" card: collapsed to label, title and teaser; a native disclosure
//! (`<details>`/`<summary>`) shows the whole analysis. Being native, it opens and closes with
//! the mouse, Enter or Space, and tells screen readers its state, before the app has loaded
//! (prerendered pages) as well as after.

use leptos::{html, prelude::*};

use super::inline::InlineText;
use crate::model::{text::teaser, Editorial};

/// Characters of the analysis shown while the card is collapsed.
pub const TEASER_CHARS: usize = 160;

/// `open` is owned by the page so the state survives a re-render of the article; it follows
/// the disclosure both ways.
#[component]
pub fn EditorialCard(editorial: Editorial, open: RwSignal<bool>) -> impl IntoView {
    let Editorial {
        label,
        title,
        body,
        author,
        role,
    } = editorial;
    let teaser_text = teaser(&body.first().map(|p| p.plain_text()).unwrap_or_default(), TEASER_CHARS);
    let attribution = match (author, role) {
        (Some(a), Some(r)) => Some(format!("{a} · {r}")),
        (Some(a), None) => Some(a),
        (None, Some(r)) => Some(r),
        (None, None) => None,
    };
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let details = NodeRef::<html::Details>::new();
    view! {
        <aside class="editorial" aria-labelledby="editorial-title">
            <p class="editorial-label">{label}</p>
            <h2 class="editorial-title" id="editorial-title">{title}</h2>
            <p class="editorial-teaser">{teaser_text}</p>
            <details
                class="editorial-details"
                node_ref=details
                prop:open=move || open.get()
                on:toggle=move |_| {
                    if let Some(d) = details.get_untracked() {
                        open.set(d.open());
                    }
                }
            >
                // Both labels are in the page; CSS shows the one that fits the state, so the
                // right one shows before the app has loaded too.
                <summary class="editorial-toggle" lang=lt>
                    <span class="when-closed">{move || t().read_full_analysis}</span>
                    <span class="when-open">{move || t().show_less}</span>
                </summary>
                <div class="editorial-body" id="editorial-body">
                    {body.into_iter().map(|p| view! { <p><InlineText text=p/></p> }).collect_view()}
                    {attribution.map(|a| view! { <p class="editorial-attribution">{a}</p> })}
                </div>
            </details>
        </aside>
    }
    .into_any()
}
