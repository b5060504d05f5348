//! `/read?src={url}`: any article JSON on the web (http or https; relative URLs resolve
//! against the app). This is how a publisher points the reader at their own feed.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::article::ArticleLoader;
use crate::model::links::read_source;
use crate::platform::page_url;

#[component]
pub fn ReadPage() -> impl IntoView {
    let query = use_query_map();
    let source = Memo::new(move |_| read_source(query.read().get("src").as_deref(), &page_url()));
    view! { <ArticleLoader source/> }
}

crate::split! {
    app chunk read_route, preload preload_read_page;
    /// An article from its address, as the app's route: its code in a chunk of its own, which the router's
    /// `RouteCode` fetches first.
    pub fn read_page() -> Result<AnyView, crate::platform::chunk::ChunkError> {
        Ok(view! { <ReadPage/> }.into_any())
    }
}
