//! `/saved`: the articles saved for offline reading, with when they were saved, how much space
//! they use, and a way to remove each.

use leptos::{prelude::*, task::spawn_local};
use leptos_meta::{Meta, Title};

use crate::app::DocumentLanguage;
use crate::model::{date::display_date, saved::SavedEntry};
use crate::offline::{
    status::use_offline,
    store::{self, format_bytes, StorageUse},
};

#[component]
pub fn SavedPage() -> impl IntoView {
    let state = use_offline();
    let usage = RwSignal::new(None::<StorageUse>);
    let message = RwSignal::new(String::new());
    // Refresh the space figures whenever the list changes.
    Effect::new(move || {
        if let Some(s) = state {
            s.saved.track();
        }
        spawn_local(async move { usage.set(store::storage_use().await) });
    });

    let remove = move |entry: SavedEntry| {
        let Some(state) = state else { return };
        spawn_local(async move {
            match store::remove(&entry.json_url).await {
                Ok(list) => {
                    state.saved.set(list);
                    message.set(format!("Removed “{}”.", entry.headline));
                }
                Err(e) => message.set(e.message()),
            }
        });
    };

    let entries = move || state.map(|s| s.saved.get().articles).unwrap_or_default();
    view! {
        <Title text="Saved articles"/>
        <Meta name="description" content="Articles saved for reading offline."/>
        <DocumentLanguage/>
        <div class="saved-page">
            <h1>"Saved articles"</h1>
            <p class="storage-use">
                {move || {
                    usage
                        .get()
                        .map(|u| {
                            let kept = match u.persisted {
                                Some(true) => " The browser keeps them even when space runs low.",
                                Some(false) => " The browser may remove them if the device runs out of space.",
                                None => "",
                            };
                            format!(
                                "Saved articles and the app use {} of about {} available.{kept}",
                                format_bytes(u.usage_bytes),
                                format_bytes(u.quota_bytes),
                            )
                        })
                }}
            </p>
            <p class="save-status" role="status" aria-live="polite">{move || message.get()}</p>
            <Show
                when=move || !entries().is_empty()
                fallback=|| {
                    view! {
                        <p class="empty-state">
                            "Nothing saved yet. Use “Save for offline” on an article to read it without a connection."
                        </p>
                    }
                }
            >
                <ul class="saved-list">
                    <For each=entries key=|e| (e.json_url.clone(), e.saved_at.clone(), e.refreshed) let:entry>
                        <SavedItem entry=entry.clone() on_remove=Callback::new(remove)/>
                    </For>
                </ul>
            </Show>
        </div>
    }
}

#[component]
fn SavedItem(entry: SavedEntry, on_remove: Callback<SavedEntry>) -> impl IntoView {
    let saved_on = display_date(&entry.saved_at, "en").unwrap_or_default();
    let label = format!("Remove “{}” from saved articles", entry.headline);
    let for_remove = entry.clone();
    view! {
        <li class="saved-item">
            <h2 dir="auto"><a href=entry.route.clone()>{entry.headline.clone()}</a></h2>
            {entry.dek.clone().map(|d| view! { <p class="card-dek" dir="auto">{d}</p> })}
            <p class="saved-meta">
                <span>"Saved " <time datetime=entry.saved_at.clone()>{saved_on}</time></span>
                {entry.refreshed.then(|| view! { <span class="saved-refreshed">"Updated since you saved it"</span> })}
                <button
                    type="button"
                    class="remove-saved"
                    aria-label=label
                    on:click=move |_| on_remove.run(for_remove.clone())
                >
                    "Remove"
                </button>
            </p>
        </li>
    }
}
