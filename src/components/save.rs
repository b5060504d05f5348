//! "Save for offline": a toggle button that stores the article and its images for good (see
//! `crate::platform::saved_store`), with a polite status message saying what happened.

use leptos::{prelude::*, task::spawn_local};

use crate::api::{fetch_article, Cancel};
use crate::contexts::offline::{use_offline, OfflineState};
use crate::model::i18n::Catalog;
use crate::model::url::resolve;
use crate::model::{Article, LoadError};
use crate::platform::chunk::{ChunkError, Work};
use crate::platform::page_url;
use crate::platform::saved_store as store;

/// The article a page has at hand, for [`SaveButton`]: the app passes the one it shows, so
/// saving does not read it again.
#[derive(Clone)]
struct AtHand(StoredValue<Option<Article>>);

/// "Save for offline" for `article` (the app), or for the article whose JSON is at `json_url`
/// (a prerendered page, which carries that JSON inline: it is read when the reader saves).
#[component]
pub fn SaveToggle(
    article: Option<Article>,
    /// Absolute URL the article JSON was read from (the key of the saved copy).
    json_url: String,
    /// In-app path that opens the article.
    route: String,
) -> impl IntoView {
    provide_context(AtHand(StoredValue::new(article)));
    view! { <SaveButton json_url route/> }
}

/// The article to hand to the store: the one at hand (the app), or, on a page of islands, which
/// has none, the one read from `json_url` (the JSON the page carries inline).
async fn article_to_save(at_hand: Option<StoredValue<Option<Article>>>, json_url: &str) -> Result<Article, LoadError> {
    match at_hand.and_then(|a| a.get_value()) {
        Some(article) => Ok(article),
        // (A live request: the page's inline copy is read once, by the first press.)
        None => fetch_article(json_url.to_string(), Cancel::new()).await,
    }
}

/// The button itself: an island of its own on a prerendered page.
#[cfg_attr(island_article, island)]
#[cfg_attr(not(island_article), component)]
pub fn SaveButton(
    /// Absolute URL the article JSON was read from (the key of the saved copy).
    json_url: String,
    /// In-app path that opens the article.
    route: String,
) -> impl IntoView {
    crate::contexts::island::enter();
    // Root-relative on a prerendered page (its HTML works on any host): made absolute here.
    let json_url = resolve(&page_url(), &json_url).unwrap_or(json_url);
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let state = use_offline();
    let busy = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let key = StoredValue::new(json_url);
    let article = use_context::<AtHand>().map(|AtHand(a)| a);
    let route = StoredValue::new(route);
    let entry = move || state.and_then(|s| s.saved.with(|l| l.get(&key.get_value()).cloned()));
    let is_saved = move || entry().is_some();

    let toggle = move |_| {
        let Some(state) = state else {
            message.set(store::StoreError::Unavailable.message(t()));
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let press = Press {
            was_saved: is_saved(),
            at_hand: article,
            url: key.get_value(),
            route: route.get_value(),
            state,
            words: t(),
        };
        spawn_local(async move {
            // The code comes on the first press (its chunk); if it cannot, the reader is told
            // and pressing again tries again.
            let said = match toggle_saved(press).await {
                Ok(work) => work.await,
                Err(ChunkError) => t().part_failed.to_string(),
            };
            message.try_set(said);
            busy.try_set(false);
        });
    };

    view! {
        <div class="save-control" lang=lt>
            <button
                type="button"
                class="save-toggle"
                aria-pressed=move || if is_saved() { "true" } else { "false" }
                aria-busy=move || if busy.get() { "true" } else { "false" }
                on:click=toggle
            >
                {move || t().save_offline}
            </button>
            {move || {
                entry()
                    .filter(|e| e.refreshed)
                    .map(|_| view! { <span class="saved-refreshed">{move || t().updated_since_saved}</span> })
            }}
            <p class="save-status" role="status" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

/// What one press of Save works on.
struct Press {
    was_saved: bool,
    at_hand: Option<StoredValue<Option<Article>>>,
    url: String,
    route: String,
    state: OfflineState,
    words: &'static Catalog,
}

crate::split! {
    chunk save, preload preload_save, when any(island_article, not(feature = "islands"));
    /// Saves the article (read through the strict reader when the page has it only as JSON) or
    /// removes the saved copy, and says what happened. Its own chunk: most readers never save,
    /// so a prerendered page fetches this code, the article reader and the store's writing only
    /// when the reader first presses Save.
    fn toggle_saved(press: Press) -> Result<Work<String>, ChunkError> {
        Ok(Box::pin(async move {
            let Press { was_saved, at_hand, url, route, state, words } = press;
            let result = if was_saved {
                store::remove(&url).await
            } else {
                match article_to_save(at_hand, &url).await {
                    Ok(article) => store::save(&article, &url, &route).await,
                    Err(error) => return error.message_in(words),
                }
            };
            match result {
                Ok(list) => {
                    let first = state.saved.with_untracked(|l| l.articles.is_empty());
                    state.saved.try_set(list);
                    if first && !was_saved {
                        // Ask the browser to keep saved articles under storage pressure.
                        let _ = store::request_persistence().await;
                    }
                    if was_saved { words.removed_saved.into() } else { words.saved_offline.into() }
                }
                Err(store::StoreError::Damaged(why)) => {
                    let (list, said) = store::recover(why, words).await;
                    if let Some(list) = list {
                        state.saved.try_set(list);
                    }
                    said
                }
                Err(error) => error.message(words),
            }
        }))
    }
}
