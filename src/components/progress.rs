//! Reading progress: a thin bar at the top of the window showing how far through the article
//! the reader is, and — when an article is reopened part-way — an offer to continue where they
//! left off, or to start over. Positions are kept per article in local storage
//! (`crate::model::progress`); damaged data there is cleared with a message.

use leptos::prelude::*;

use crate::model::i18n::fill;
use crate::model::progress::{Position, Positions, STORAGE_KEY};
use crate::offline::status::use_offline;
use crate::prefs::{local_set, read_stored};

/// Reads the stored positions; damaged or foreign data is removed and reported.
fn load_positions() -> Positions {
    read_stored(STORAGE_KEY, Positions::from_json).unwrap_or_else(|why| {
        if let Some(state) = use_offline() {
            let t = crate::i18n::use_text();
            state.notice.set(Some(fill(t().positions_unreadable, &[("why", &why)])));
        }
        None
    })
    .unwrap_or_default()
}

/// How far through the page the reader is, in percent. Cheap: read on every scroll event.
#[cfg(target_arch = "wasm32")]
fn percent() -> Option<u8> {
    let window = web_sys::window()?;
    let root = window.document()?.document_element()?;
    let top = window.scroll_y().ok()?;
    let viewport = window.inner_height().ok()?.as_f64()?;
    Some(crate::model::progress::percent_read(top, viewport, f64::from(root.scroll_height())))
}

/// The body block at the top of the screen: a binary search over the blocks' positions, done
/// only when the position is stored (once scrolling pauses), never per scroll event.
#[cfg(target_arch = "wasm32")]
fn block_at_top() -> Option<usize> {
    let blocks = web_sys::window()?
        .document()?
        .query_selector_all(".article-body > *")
        .ok()?;
    let bottom = |i: usize| {
        blocks
            .item(i as u32)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .map_or(f64::INFINITY, |e| e.get_bounding_client_rect().bottom())
    };
    Some(crate::model::progress::block_at(blocks.length() as usize, 0.0, bottom))
}

/// (block at the top, percent read), for storing.
#[cfg(target_arch = "wasm32")]
fn measure() -> Option<(usize, u8)> {
    Some((block_at_top()?, percent()?))
}

#[cfg(not(target_arch = "wasm32"))]
fn measure() -> Option<(usize, u8)> {
    None
}

fn now() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Scrolls block `index` of the body to the top of the screen and moves focus there, so
/// keyboard and screen reader users continue from it too.
fn go_to_block(index: usize) {
    #[cfg(target_arch = "wasm32")]
    if let Some(block) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!(".article-body > :nth-child({})", index + 1)).ok().flatten())
    {
        use wasm_bindgen::JsCast;
        let _ = block.set_attribute("tabindex", "-1");
        block.scroll_into_view();
        if let Ok(el) = block.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = index;
}

#[component]
pub fn ReadingProgress(
    /// The article's JSON address: the key of its stored position.
    json_url: String,
) -> impl IntoView {
    let percent = RwSignal::new(0u8);
    let t = crate::i18n::use_text();
    let lt = crate::i18n::use_lang_tag();
    let offer = RwSignal::new(load_positions().get(&json_url).filter(|p| p.worth_resuming()).cloned());

    // Called from listeners and timers, which may outlive the component: everything reactive is
    // read with try_*, and the key is a plain value.
    let key = std::sync::Arc::new(json_url);
    let save = {
        let key = key.clone();
        move || {
            let Some((block, pct)) = measure() else { return };
            let positions = load_positions();
            let positions = if pct >= 98 {
                // Finished: nothing to come back to.
                positions.without(&key)
            } else {
                positions.with(&key, Position { block, percent: pct, at: now() })
            };
            // A refused write only loses the position; reading goes on.
            let _ = local_set(STORAGE_KEY, &positions.to_json());
        }
    };

    #[cfg(target_arch = "wasm32")]
    {
        use std::sync::{Arc, Mutex};

        use leptos::ev;
        use leptos_use::use_event_listener;
        let pending: Arc<Mutex<Option<TimeoutHandle>>> = Arc::default();
        let on_scroll = {
            let pending = pending.clone();
            let save = save.clone();
            move || {
                if let Some(pct) = self::percent() {
                    percent.try_set(pct);
                }
                // Store the position once scrolling pauses.
                let handle = set_timeout_with_handle(save.clone(), std::time::Duration::from_millis(400)).ok();
                if let Ok(mut slot) = pending.lock() {
                    if let Some(previous) = std::mem::replace(&mut *slot, handle) {
                        previous.clear();
                    }
                }
            }
        };
        let _ = use_event_listener(window(), ev::scroll, move |_| on_scroll());
        let _ = use_event_listener(window(), ev::pagehide, {
            let save = save.clone();
            move |_| save()
        });
        // Leaving the article: store where the reader was, and stop the timer.
        on_cleanup(move || {
            let waiting = pending.lock().ok().and_then(|mut slot| slot.take());
            if let Some(handle) = waiting {
                handle.clear();
                save();
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = save;
    let restart_key = key.clone();
    let restart = move || {
        let _ = local_set(STORAGE_KEY, &load_positions().without(&restart_key).to_json());
    };
    let restart = Callback::new(move |()| restart());

    view! {
        <div class="reading-progress" aria-hidden="true">
            <div class="reading-progress-bar" style:transform=move || crate::model::progress::bar_transform(percent.get())></div>
        </div>
        {move || {
            offer
                .get()
                .map(|p| {
                    let block = p.block;
                    view! {
                        <div class="resume" role="region" aria-label=move || t().continue_region lang=lt>
                            <p>{move || fill(t().read_last_time, &[("n", &p.percent.to_string())])}</p>
                            <div class="resume-actions">
                                <button
                                    type="button"
                                    class="resume-continue"
                                    on:click=move |_| {
                                        offer.set(None);
                                        go_to_block(block);
                                    }
                                >
                                    {move || t().continue_reading}
                                </button>
                                <button
                                    type="button"
                                    class="resume-restart"
                                    on:click=move |_| {
                                        offer.set(None);
                                        restart.run(());
                                    }
                                >
                                    {move || t().start_over}
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
    }
    .into_any()
}
