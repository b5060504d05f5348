//! The app's status line under the site header: offline indicator, "A new version is available —
//! Reload", and notices such as a refreshed saved article. One polite live region for all.

use leptos::either::Either;
use leptos::prelude::*;

use crate::contexts::offline::use_offline;

#[cfg_attr(any(island_front, island_article, island_search), island)]
#[cfg_attr(not(any(island_front, island_article, island_search)), component)]
pub fn StatusBar() -> impl IntoView {
    crate::contexts::island::enter();
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let Some(state) = use_offline() else {
        return Either::Left(());
    };
    let offline = Memo::new(move |_| !state.online.get());
    let update_ready = Memo::new(move |_| state.update_ready.get());
    Either::Right(view! {
        <div class="status-bar" role="status" aria-live="polite" lang=lt>
            // (Not `<Show>`: its children become an `AnyView`, which brings every way of
            // rendering them into the islands bundle.)
            {move || offline.get().then(|| view! {
                <p class="offline-indicator">
                    <strong>{move || t().offline_now}</strong>
                    " " {move || t().offline_detail}
                </p>
            })}
            {move || update_ready.get().then(|| view! {
                <p class="update-banner">
                    {move || t().update_available} " "
                    <button type="button" class="update-reload" on:click=move |_| state.apply_update()>
                        {move || t().reload}
                    </button>
                </p>
            })}
            {move || {
                state
                    .notice
                    .get()
                    .map(|text| {
                        view! {
                            <p class="notice">
                                <span>{text}</span>
                                <button
                                    type="button"
                                    class="notice-dismiss"
                                    aria-label=move || t().dismiss
                                    on:click=move |_| state.notice.set(None)
                                >
                                    "×"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    })
}
