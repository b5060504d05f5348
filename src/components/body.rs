//! The article body: paragraphs, headings, quotes, lists and images.

use leptos::prelude::*;

use super::figure::{Figure, Placement};
use super::inline::InlineText;
use crate::model::Block;

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph { text } => view! { <p><InlineText text/></p> }.into_any(),
        Block::Heading { level: 2, text } => view! { <h2><InlineText text/></h2> }.into_any(),
        Block::Heading { text, .. } => view! { <h3><InlineText text/></h3> }.into_any(),
        Block::Quote { text, cite } => view! {
            <figure class="quote">
                <blockquote><p><InlineText text/></p></blockquote>
                {cite.map(|c| view! { <figcaption>"— " <cite>{c}</cite></figcaption> })}
            </figure>
        }
        .into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|text| view! { <li><InlineText text/></li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Image(image) => view! { <Figure image placement=Placement::Body/> }.into_any(),
    }
}

#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    view! { <div class="article-body">{blocks.into_iter().map(block_view).collect_view()}</div> }
}
