//! Inline text: spans with optional link, emphasis and strong. Always rendered as text nodes.

use leptos::prelude::*;

use crate::model::{Inline, Span};

fn span_view(span: Span) -> AnyView {
    let Span { text, href, em, strong } = span;
    let mut view = text.into_any();
    if em {
        view = view! { <em>{view}</em> }.into_any();
    }
    if strong {
        view = view! { <strong>{view}</strong> }.into_any();
    }
    if let Some(href) = href {
        // rel="external" keeps the router from treating article links as in-app routes.
        view = view! { <a href=href rel="external noopener noreferrer">{view}</a> }.into_any();
    }
    view
}

/// Renders inline text.
#[component]
pub fn InlineText(text: Inline) -> impl IntoView {
    text.0.into_iter().map(span_view).collect_view()
}
