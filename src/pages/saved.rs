//! `/saved`: the articles saved for offline reading, with when they were saved, how much space
//! they use, and a way to remove each.

use leptos::{prelude::*, task::spawn_local};
use leptos_meta::{Meta, Title};

use crate::contexts::document_language::DocumentLanguage;
use crate::contexts::offline::use_offline;
use crate::model::{date::display_date, saved::SavedEntry};
use crate::platform::saved_store::{self as store, format_bytes, StorageUse};

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

    let t = crate::contexts::ui::use_text();
    let remove = move |entry: SavedEntry| {
        let Some(state) = state else { return };
        spawn_local(async move {
            match store::remove(&entry.json_url).await {
                Ok(list) => {
                    state.saved.set(list);
                    message.set(t().removed_named(&entry.headline));
                }
                Err(e) => message.set(e.message(t())),
            }
        });
    };

    let entries = move || state.map(|s| s.saved.get().articles).unwrap_or_default();
    view! {
        <Title text=move || t().saved_title.to_string()/>
        <Meta name="description" content=move || t().saved_description.to_string()/>
        <DocumentLanguage/>
        <div class="saved-page">
            <h1>{move || t().saved_title}</h1>
            <p class="storage-use">
                {move || {
                    usage
                        .get()
                        .map(|u| {
                            let kept = match u.persisted {
                                Some(true) => t().storage_kept,
                                Some(false) => t().storage_may_go,
                                None => "",
                            };
                            let used = t().storage_use(&format_bytes(u.quota_bytes), &format_bytes(u.usage_bytes));
                            format!("{used} {kept}").trim_end().to_string()
                        })
                }}
            </p>
            <p class="save-status" role="status" aria-live="polite">{move || message.get()}</p>
            <Show
                when=move || !entries().is_empty()
                fallback=move || {
                    view! { <p class="empty-state">{move || t().nothing_saved}</p> }
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
    .into_any()
}

#[component]
fn SavedItem(entry: SavedEntry, on_remove: Callback<SavedEntry>) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    let saved_at = entry.saved_at.clone();
    let saved_on = move || display_date(&saved_at, lt()).unwrap_or_default();
    let (saved_before, saved_after) = (
        move || t().saved_on.split_once("{date}").map_or("", |(b, _)| b),
        move || t().saved_on.split_once("{date}").map_or("", |(_, a)| a),
    );
    let headline = entry.headline.clone();
    let label = move || t().remove_named(&headline);
    let for_remove = entry.clone();
    view! {
        <li class="saved-item">
            <h2 dir="auto"><a href=entry.route.clone()>{entry.headline.clone()}</a></h2>
            {entry.dek.clone().map(|d| view! { <p class="card-dek" dir="auto">{d}</p> })}
            <p class="saved-meta">
                <span>{saved_before} <time datetime=entry.saved_at.clone()>{saved_on}</time> {saved_after}</span>
                {entry.refreshed.then(|| view! { <span class="saved-refreshed">{move || t().updated_since_saved}</span> })}
                <button
                    type="button"
                    class="remove-saved"
                    aria-label=label
                    on:click=move |_| on_remove.run(for_remove.clone())
                >
                    {move || t().remove}
                </button>
            </p>
        </li>
    }
    .into_any()
}

crate::split! {
    app chunk saved_route, preload preload_saved_page;
    /// The saved list, as the app's route: its code in a chunk of its own, which the router's
    /// `RouteCode` fetches first.
    pub fn saved_page() -> Result<AnyView, crate::platform::chunk::ChunkError> {
        Ok(view! { <SavedPage/> }.into_any())
    }
}
