//! `/embed/{id}` and `/embed?src={url}`: the article as a compact card for other sites' pages,
//! without the site's chrome. The build prerenders `/embed/{id}` for every bundled article.
//!
//! The options come from the query (see `crate::model::embed`). `index.html` applies `theme`,
//! `accent` and `parts` to the document before the first paint and reports the card's height to
//! the embedding page (`origin=`, set by `embed.js`), so a prerendered embed is complete and
//! sized before the app arrives. A prerendered embed's islands are its share controls and
//! [`EmbedOptionsCheck`]; opened with `lang`, the app renders it instead (see the prerender).
//! Invalid values are reported in the console.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::article::{bundled_source, use_article, ArticleLoad, TakeOver};
use crate::components::{embed_card::EmbedCard, ArticleSkeleton, ErrorView};
use crate::contexts::document_language::DocumentLanguage;
use crate::model::{
    embed::{contrast_text, parse_options, EmbedOptions},
    links::{provenance, read_source, reader_path},
    url::resolve,
};
use crate::platform::{articles_dir, page_url};

#[component]
pub fn EmbedPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let source = Memo::new(move |_| match params.read().get("id") {
        Some(id) => bundled_source(&id),
        None => read_source(query.read().get("src").as_deref(), &page_url()),
    });
    let parsed = Memo::new(move |_| {
        let q = query.read();
        options_in(|key| q.get(key))
    });
    let options = Memo::new(move |_| parsed.with(|(o, _)| o.clone()));
    Effect::new(move || parsed.with(|(_, warnings)| warn(warnings)));

    let ArticleLoad {
        article,
        retry,
        card_open,
    } = use_article(source);
    view! {
        <EmbedFrame options=options.into()>
            <Suspense fallback=|| view! { <ArticleSkeleton/> }>
                {move || {
                    // The embed's words follow the article, or its `lang=` option as it changes.
                    let lang = options.with(|o| o.lang.clone());
                    Suspend::new(async move {
                    match article.await {
                        Ok((article, json_url)) => {
                            let read_url = article.url.clone().unwrap_or_else(|| {
                                let path = reader_path(&json_url, &articles_dir());
                                resolve(&page_url(), &path).unwrap_or(path)
                            });
                            let from = provenance(&json_url, &page_url());
                            let language = lang.clone().unwrap_or_else(|| article.language.clone());
                            let dir = crate::model::lang::direction_of(&language);
                            view! {
                                <TakeOver/>
                                <Title text=article.headline.clone()/>
                                <DocumentLanguage lang=language dir/>
                                <EmbedCard article lang read_url card_open from/>
                            }
                            .into_any()
                        }
                        Err(error) => view! { <TakeOver/> <ErrorView error on_retry=retry/> }.into_any(),
                    }
                    })
                }}
            </Suspense>
        </EmbedFrame>
    }
    .into_any()
}

/// The embed's options (and the warnings for the values ignored) from a query, whose first value
/// for a key `get` gives: the app reads the router's query, a prerendered embed its address.
fn options_in(get: impl Fn(&str) -> Option<String>) -> (EmbedOptions, Vec<String>) {
    let pairs: Vec<(&str, String)> = crate::facts::EMBED_OPTIONS
        .into_iter()
        .chain(["origin"])
        .filter_map(|k| get(k).map(|v| (k, v)))
        .collect();
    parse_options(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

/// Tells the embedding site's developer, in the console, which options were ignored.
fn warn(warnings: &[String]) {
    for warning in warnings {
        leptos::logging::warn!("article embed: {warning}");
    }
}

/// A prerendered embed's options check: its address's ignored options, in the console, as the
/// app reports them (the page's own script has applied the valid ones before the first paint).
/// Renders nothing.
#[cfg_attr(island_embed, island)]
#[cfg_attr(not(island_embed), component)]
pub fn EmbedOptionsCheck() -> impl IntoView {
    Effect::new(|| {
        let pairs = crate::model::url::query_pairs(&page_url());
        warn(&options_in(|key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())).1);
    });
}

/// The embed's box, with its theme and accent colour. The prerender uses it too (with the
/// default options: the page's script applies the real ones to the document).
#[component]
pub fn EmbedFrame(options: Signal<EmbedOptions>, children: Children) -> impl IntoView {
    let accent = move || options.with(|o| o.accent.clone());
    view! {
        <div
            class="embed"
            data-theme=move || options.with(|o| o.theme.as_str())
            style:--accent=accent
            style:--accent-contrast=move || accent().map(|a| contrast_text(&a).to_string())
        >
            {children()}
        </div>
    }
    .into_any()
}

crate::split! {
    app chunk embed_route, preload preload_embed_page;
    /// An embed, as the app's route: its code in a chunk of its own, which the router's
    /// `RouteCode` fetches first.
    pub fn embed_page() -> Result<AnyView, crate::platform::chunk::ChunkError> {
        Ok(view! { <EmbedPage/> }.into_any())
    }
}
