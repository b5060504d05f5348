//! Reading progress: a thin bar at the top of the window showing how far through the article
//! the reader is, and — when an article is reopened part-way — an offer to continue where they
//! left off, or to start over. Positions are kept per article in local storage
//! (`crate::model::progress`); damaged data there is cleared with a message.

use leptos::prelude::*;

use crate::contexts::offline::use_offline;
use crate::model::progress::{Position, Positions, STORAGE_KEY};
use crate::platform::clock::now_iso;
use crate::platform::scroll::{block_at_top, go_to_block, percent_read_now, use_scroll_rest};
use crate::platform::storage::{local_set, read_stored};

/// Reads the stored positions; damaged or foreign data is removed and reported.
fn load_positions() -> Positions {
    read_stored(STORAGE_KEY, Positions::from_json)
        .unwrap_or_else(|why| {
            if let Some(state) = use_offline() {
                let t = crate::contexts::ui::use_text();
                state.notice.set(Some(t().positions_unreadable(&why.reason(t()))));
            }
            None
        })
        .unwrap_or_default()
}

#[cfg_attr(island_article, island)]
#[cfg_attr(not(island_article), component)]
pub fn ReadingProgress(
    /// The article's JSON address: the key of its stored position.
    json_url: String,
) -> impl IntoView {
    crate::contexts::island::enter();
    // Root-relative on a prerendered page (its HTML works on any host): made absolute here.
    let json_url = crate::model::url::resolve(&crate::platform::page_url(), &json_url).unwrap_or(json_url);
    let percent = RwSignal::new(0u8);
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    // Offered once running (the stored position is the browser's): the first render is the
    // same as the page's HTML.
    let offer = RwSignal::new(None::<Position>);
    {
        let key = json_url.clone();
        Effect::new(move || offer.set(load_positions().get(&key).filter(|p| p.worth_resuming()).cloned()));
    }

    // Called from listeners and timers, which may outlive the component: everything reactive is
    // read with try_*, and the key is a plain value.
    let key = std::sync::Arc::new(json_url);
    let save = {
        let key = key.clone();
        move || {
            let (Some(block), Some(pct)) = (block_at_top(), percent_read_now()) else {
                return;
            };
            let positions = load_positions();
            let positions = if pct >= 98 {
                // Finished: nothing to come back to.
                positions.without(&key)
            } else {
                positions.with(
                    &key,
                    Position {
                        block,
                        percent: pct,
                        at: now_iso(),
                    },
                )
            };
            // A refused write only loses the position; reading goes on.
            let _ = local_set(STORAGE_KEY, &positions.to_json());
        }
    };

    // Every scroll moves the bar; the position is stored once scrolling pauses, when the page
    // is hidden, and when the reader leaves the article.
    use_scroll_rest(
        move || {
            if let Some(pct) = percent_read_now() {
                percent.try_set(pct);
            }
        },
        save,
        std::time::Duration::from_millis(400),
    );
    let restart_key = key.clone();
    let restart = move || {
        let _ = local_set(STORAGE_KEY, &load_positions().without(&restart_key).to_json());
    };
    let restart = Callback::new(move |()| restart());

    view! {
        <div class="reading-progress" aria-hidden="true">
            // Nothing written at the top (the stylesheet starts the bar empty): the page's HTML
            // carries no style attribute, which the site-wide policy would have to allow.
            <div
                class="reading-progress-bar"
                style:transform=move || (percent.get() > 0).then(|| crate::model::progress::bar_transform(percent.get()))
            ></div>
        </div>
        {move || {
            offer
                .get()
                .map(|p| {
                    let block = p.block;
                    view! {
                        <div class="resume" role="region" aria-label=move || t().continue_region lang=lt>
                            <p>{move || t().read_last_time(&p.percent.to_string())}</p>
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
}
