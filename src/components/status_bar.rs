//! The app's status line under the site header: offline indicator, "A new version is available —
//! Reload", and notices such as a refreshed saved article. One polite live region for all.

use leptos::prelude::*;

use crate::offline::status::use_offline;

#[component]
pub fn StatusBar() -> impl IntoView {
    let Some(state) = use_offline() else {
        return ().into_any();
    };
    view! {
        <div class="status-bar" role="status" aria-live="polite" lang="en">
            <Show when=move || !state.online.get()>
                <p class="offline-indicator">
                    <strong>"You're offline."</strong>
                    " Saved articles and pages you've opened are still available."
                </p>
            </Show>
            <Show when=move || state.update_ready.get()>
                <p class="update-banner">
                    "A new version is available — "
                    <button type="button" class="update-reload" on:click=move |_| state.apply_update()>
                        "Reload"
                    </button>
                </p>
            </Show>
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
                                    aria-label="Dismiss message"
                                    on:click=move |_| state.notice.set(None)
                                >
                                    "×"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}
