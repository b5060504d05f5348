//! A route's page whose code lives in a chunk of its own (the app split by route): while the
//! chunk comes the route's placeholder shows, then the page; a chunk that cannot come (offline
//! before the service worker has it, a deployment that replaced it) says so with a Retry, and
//! the header and the rest of the app stay as they are. Once the chunk is there (a second visit
//! to the route) the page shows at once.

use std::future::Future;

use leptos::prelude::*;

use crate::components::ErrorView;
use crate::model::LoadError;
use crate::platform::chunk::{ready_now, ChunkError};

/// Shows the page `page` builds from its chunk, once `preload` has fetched it; `fallback`
/// meanwhile.
///
/// ```no_run
/// use leptos::prelude::*;
/// use article_reader::components::route_code::RouteCode;
/// use article_reader::pages::saved::{preload_saved_page, saved_page};
/// // In the router: the saved list's page, from its chunk.
/// let route = || view! { <RouteCode preload=preload_saved_page page=saved_page fallback=|| ()/> };
/// ```
#[component]
pub fn RouteCode<P, PF, E, V, VF, F, FV>(preload: P, page: V, fallback: F) -> impl IntoView
where
    P: Fn() -> PF + Copy + Send + Sync + 'static,
    PF: Future<Output = Result<(), E>> + 'static,
    E: 'static,
    V: Fn() -> VF + Copy + Send + Sync + 'static,
    VF: Future<Output = Result<AnyView, ChunkError>> + 'static,
    F: Fn() -> FV + Copy + Send + Sync + 'static,
    FV: IntoView + 'static,
{
    // The fetch's outcome (its error is in the browser's console).
    let code = LocalResource::new(move || {
        let fetch = preload();
        async move { fetch.await.map_err(|_| ChunkError) }
    });
    let retry = Callback::new(move |()| code.refetch());
    view! {
        <Suspense fallback=move || fallback()>
            {move || Suspend::new(async move {
                // The chunk is there once fetched: the page is built at once.
                match code.await.and_then(|()| ready_now(page()).unwrap_or(Err(ChunkError))) {
                    Ok(view) => view,
                    Err(ChunkError) => view! { <ErrorView error=LoadError::PageCodeUnavailable on_retry=retry/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
