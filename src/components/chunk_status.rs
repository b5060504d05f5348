//! What a control whose code comes on first use says while that code is on its way, and when
//! it could not come (offline without it in the cache, a deployment that replaced it): a
//! message and a button to try again. Nothing once the code is there.

use leptos::prelude::*;

use crate::platform::chunk::{Chunk, ChunkState};

#[component]
pub fn ChunkStatus(
    /// The control's chunk.
    chunk: Chunk,
    /// Fetches it again.
    retry: Callback<()>,
) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    // Two plain parts shown by state, no boxed view: the islands bundle carries no `AnyView`
    // rendering of its own for this.
    let loading = move || chunk.state() == ChunkState::Loading;
    let failed = move || chunk.state() == ChunkState::Failed;
    view! {
        {move || loading().then(|| view! { <p class="chunk-status" role="status">{move || t().part_loading}</p> })}
        {move || {
            failed()
                .then(|| {
                    view! {
                        <div class="chunk-status chunk-failed" role="alert">
                            <p>{move || t().part_failed}</p>
                            <button type="button" class="chunk-retry" on:click=move |_| retry.run(())>
                                {move || t().retry}
                            </button>
                        </div>
                    }
                })
        }}
    }
}
