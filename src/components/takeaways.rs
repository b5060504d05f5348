//! "Key Takeaways": a numbered list with visible number badges.

use leptos::prelude::*;

use super::inline::InlineText;
use crate::model::Inline;

/// Renders nothing when there are no takeaways.
#[component]
pub fn Takeaways(items: Vec<Inline>) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    (!items.is_empty()).then(|| {
        view! {
            <section class="takeaways" aria-labelledby="takeaways-heading">
                <h2 id="takeaways-heading" lang=lt>{move || t().key_takeaways}</h2>
                <ol>
                    {items
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| {
                            view! {
                                <li>
                                    <span class="badge" aria-hidden="true">{i + 1}</span>
                                    <span class="takeaway-text"><InlineText text/></span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
        }
    })
}
