//! The article body: paragraphs, headings, quotes, lists (nested), images, tables, code,
//! dividers, embeds (as link cards) and pull quotes.

use leptos::prelude::*;

use super::figure::{Figure, Placement};
use super::inline::InlineText;
use super::picture::{picture_sources, Loading, Picture};
use crate::model::{picture::Slot, Block, Embed, Inline, ListItem, Table};

/// A list and the lists nested in its items.
fn list_view(ordered: bool, items: Vec<ListItem>) -> AnyView {
    let items = items
        .into_iter()
        .map(|item| {
            let sub = item.sublist.map(|s| list_view(s.ordered, s.items));
            if item.text.is_single_link() {
                view! { <li class="link-item"><InlineText text=item.text/>{sub}</li> }.into_any()
            } else {
                view! { <li><InlineText text=item.text/>{sub}</li> }.into_any()
            }
        })
        .collect_view();
    if ordered {
        view! { <ol>{items}</ol> }.into_any()
    } else {
        view! { <ul>{items}</ul> }.into_any()
    }
}

/// A table that scrolls sideways inside its own box on a narrow screen, never the page. The
/// box is focusable, so a keyboard can scroll it, and named by the caption.
fn table_view(table: Table) -> AnyView {
    let t = crate::contexts::ui::use_text();
    let Table { caption, header, rows } = table;
    let label = caption.clone();
    let head = header.map(|cells| {
        let cells = cells
            .into_iter()
            .map(|text| view! { <th scope="col"><InlineText text/></th> })
            .collect_view();
        view! { <thead><tr>{cells}</tr></thead> }
    });
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .map(|text| view! { <td><InlineText text/></td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div
            class="table-scroll"
            role="region"
            tabindex="0"
            aria-label=move || label.clone().unwrap_or_else(|| t().table_region.to_string())
        >
            <table>
                {caption.map(|c| view! { <caption>{c}</caption> })}
                {head}
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Preformatted text with its language as a label; it scrolls sideways in its own box.
fn code_view(text: String, language: Option<String>) -> AnyView {
    let t = crate::contexts::ui::use_text();
    let label = language.clone();
    view! {
        <figure class="code">
            {language.map(|l| view! { <figcaption class="code-language">{l}</figcaption> })}
            <pre tabindex="0" aria-label=move || label.clone().unwrap_or_else(|| t().code_region.to_string())><code>{text}</code></pre>
        </figure>
    }
    .into_any()
}

/// A video or post as a link card: its thumbnail, provider and title, opening on the
/// provider's site. No frame and no script of the provider's ever loads here.
fn embed_view(embed: Embed) -> AnyView {
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let provider = embed.provider_name();
    let (for_action, for_note) = (provider.clone(), provider.clone());
    let thumb = embed.thumbnail.and_then(|i| {
        let sources = picture_sources(&i)?;
        Some(view! {
            <Picture
                sources=sources
                place=Slot::LinkCard
                class="embed-link-thumb"
                width=i.width
                height=i.height
                loading=Loading::Lazy
                no_referrer=true
            />
        })
    });
    view! {
        <figure class="embed-link">
            <a class="embed-link-card" href=embed.url target="_blank" rel="external noopener noreferrer">
                {thumb}
                // Spaces between the parts: the link's name reads as three phrases.
                <span class="embed-link-text">
                    <span class="embed-link-provider">{provider}</span>" "
                    <span class="embed-link-title">{embed.title}</span>" "
                    <span class="embed-link-action" lang=lt>{move || t().open_on(&for_action)}</span>
                </span>
            </a>
            <figcaption class="embed-link-note" lang=lt>{move || t().embed_privacy(&for_note)}</figcaption>
        </figure>
    }
    .into_any()
}

/// A quotation (`class` "quote") or a pull quote ("pullquote"): the same markup, styled apart.
fn quote_view(class: &'static str, text: Inline, cite: Option<String>) -> AnyView {
    view! {
        <figure class=class>
            <blockquote><p><InlineText text/></p></blockquote>
            {cite.map(|c| view! { <figcaption>"— " <cite>{c}</cite></figcaption> })}
        </figure>
    }
    .into_any()
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph { text } => view! { <p><InlineText text/></p> }.into_any(),
        Block::Heading { level: 2, text } => view! { <h2><InlineText text/></h2> }.into_any(),
        Block::Heading { text, .. } => view! { <h3><InlineText text/></h3> }.into_any(),
        Block::Quote { text, cite } => quote_view("quote", text, cite),
        Block::List { ordered, items } => list_view(ordered, items),
        Block::Image(image) => view! { <Figure image placement=Placement::Body/> }.into_any(),
        Block::Table(table) => table_view(table),
        Block::Code { text, language } => code_view(text, language),
        Block::Divider => view! { <hr class="divider"/> }.into_any(),
        Block::Embed(embed) => embed_view(embed),
        Block::Pullquote { text, cite } => quote_view("pullquote", text, cite),
    }
}

#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    view! { <div class="article-body">{blocks.into_iter().map(block_view).collect_view()}</div> }
}
