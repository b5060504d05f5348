//! `/embed/{id}` and `/embed?src={url}`: the article as a compact card for other sites' pages,
//! without the site's chrome. Options come from the query (see `crate::model::embed`); invalid
//! ones are ignored with a console warning. When the embedding page's origin is given
//! (`origin=`, set by `embed.js`), the card reports its height to that origin, and only to it,
//! whenever it changes.

use leptos::{html, prelude::*};
use leptos_meta::{Body, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::article::{bundled_source, use_article, ArticleLoad};
use crate::api::{articles_dir, page_url};
use crate::components::{embed_card::EmbedCard, ArticleSkeleton, ErrorView};
use crate::model::{
    embed::{contrast_text, parse_options, EmbedOptions},
    links::{read_source, reader_path},
    url::resolve,
};

/// Message type the embed posts to its parent; `embed.js` listens for it.
pub const RESIZE_MESSAGE: &str = "article-embed:resize";

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
        let pairs: Vec<(&str, String)> = ["theme", "accent", "parts", "lang", "origin"]
            .into_iter()
            .filter_map(|k| q.get(k).map(|v| (k, v)))
            .collect();
        parse_options(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    });
    let options = Memo::new(move |_| parsed.with(|(o, _)| o.clone()));
    Effect::new(move || {
        for warning in parsed.with(|(_, w)| w.clone()) {
            leptos::logging::warn!("article embed: {warning}");
        }
    });

    let ArticleLoad {
        article,
        retry,
        card_open,
    } = use_article(source);
    let root = NodeRef::<html::Div>::new();
    let title = RwSignal::new(String::new());
    report_height(root, title, options);

    let accent = move || options.with(|o| o.accent.clone());
    let body_class = move || {
        if options.with(|o| o.parent_origin.is_some()) {
            "embed-mode embed-managed"
        } else {
            "embed-mode"
        }
    };
    view! {
        <Body {..} class=body_class/>
        <div
            class="embed"
            node_ref=root
            data-theme=move || options.with(|o| o.theme.as_str())
            style:--accent=accent
            style:--accent-contrast=move || accent().map(|a| contrast_text(&a).to_string())
        >
            <Suspense fallback=|| view! { <ArticleSkeleton/> }>
                {move || Suspend::new(async move {
                    match article.await {
                        Ok((article, json_url)) => {
                            title.set(article.headline.clone());
                            let read_url = article.url.clone().unwrap_or_else(|| {
                                let path = reader_path(&json_url, &articles_dir());
                                resolve(&page_url(), &path).unwrap_or(path)
                            });
                            // The embed's words follow the article (or its `lang=` option).
                            let language = options
                                .get_untracked()
                                .lang
                                .clone()
                                .unwrap_or_else(|| article.language.clone());
                            let dir = crate::model::lang::direction_of(&language);
                            view! {
                                <Title text=article.headline.clone()/>
                                <crate::app::DocumentLanguage lang=language dir/>
                                <EmbedCard article options=options.get_untracked() read_url card_open/>
                            }
                            .into_any()
                        }
                        Err(error) => {
                            title.set(error.title());
                            view! { <ErrorView error on_retry=retry/> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

/// Posts the card's height (and title) to the parent whenever it changes, if the parent's
/// origin was given.
fn report_height(root: NodeRef<html::Div>, title: RwSignal<String>, options: Memo<EmbedOptions>) {
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::{Object, Reflect};
        use leptos_use::use_resize_observer;

        let post = move || {
            let Some(origin) = options.with_untracked(|o| o.parent_origin.clone()) else {
                return;
            };
            let (Some(window), Some(el)) = (web_sys::window(), root.get_untracked()) else {
                return;
            };
            let Ok(Some(parent)) = window.parent() else {
                return;
            };
            if parent == window {
                return;
            }
            let height = el.get_bounding_client_rect().height().ceil();
            let message = Object::new();
            let _ = Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
            let _ = Reflect::set(&message, &"height".into(), &height.into());
            let _ = Reflect::set(&message, &"title".into(), &title.get_untracked().into());
            let _ = parent.post_message(&message, &origin);
        };
        use_resize_observer(root, move |_, _| post());
        Effect::new(move || {
            title.track();
            post();
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (root, title, options);
}
