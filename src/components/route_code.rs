//! A route's page whose code lives in a chunk of its own (the app split by route): while the
//! chunk comes the route's placeholder shows, then the page; a chunk that cannot come (offline
//! before the service worker has it, a deployment that replaced it) says so with a Retry, and
//! the header and the rest of the app stay as they are. Once the chunk is there (a second visit
//! to the route) the page shows at once. The interface's words for the page's language come
//! with its code.

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
    // The words the page will show first (its address's `lang=`, as an embed's, or else the
    // browser's language) come with its code: a page never shows English a moment before its
    // language. Their failure is not the page's: it shows in the language it has.
    let lang = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("lang"));
    let ui = crate::contexts::ui::use_ui();
    let words = ui.map(|ui| untrack(|| ui.choose(lang.as_deref())));
    // Asked for by the address (an embed's `lang=`): the interface speaks it before the page is
    // built, so that its first frame has its words. (Otherwise the page's content decides, as
    // it renders: `DocumentLanguage`.)
    let asked = lang.and(words);
    // The fetch's outcome (its error is in the browser's console).
    let code = LocalResource::new(move || {
        let fetch = preload();
        async move {
            let load_words = async move {
                if let Some(lang) = words {
                    crate::platform::locale::load_catalog(lang).await;
                }
            };
            let (fetched, ()) = futures::future::join(fetch, load_words).await;
            fetched.map_err(|_| ChunkError)
        }
    });
    let retry = Callback::new(move |()| code.refetch());
    view! {
        <Suspense fallback=move || fallback()>
            {move || Suspend::new(async move {
                let fetched = code.await;
                if let (Some(ui), Some(lang)) = (ui, asked) {
                    if lang.catalog_ready() && ui.lang.get_untracked() != lang {
                        ui.lang.set(lang);
                    }
                }
                // The chunk is there once fetched: the page is built at once.
                match fetched.and_then(|()| ready_now(page()).unwrap_or(Err(ChunkError))) {
                    Ok(view) => view,
                    Err(ChunkError) => view! { <ErrorView error=LoadError::PageCodeUnavailable on_retry=retry/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
