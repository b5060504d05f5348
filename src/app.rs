//! The app shell: document metadata, site header, routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_location,
    path,
};

use crate::components::route_code::RouteCode;
use crate::components::skeleton::{ArticleSkeleton, ListSkeleton};
use crate::components::{site_header::SiteHeader, status_bar::StatusBar};
use crate::contexts::document_language::provide_document_language;
use crate::contexts::offline::provide_offline_state;
use crate::pages::{
    article::{article_page, preload_article_page},
    embed::{embed_page, preload_embed_page},
    home::{home_page, preload_home_page},
    not_found::NotFound,
    read::{preload_read_page, read_page},
    saved::{preload_saved_page, saved_page},
    search::{preload_search_page, search_page},
};

/// After an in-app navigation, moves keyboard focus to the main content so that keyboard and
/// screen-reader users start reading the new page instead of being left on a link that is gone.
#[component]
fn FocusOnNavigate(main: NodeRef<leptos::html::Main>) -> impl IntoView {
    let location = use_location();
    Effect::watch(
        move || (location.pathname.get(), location.search.get()),
        move |_, _, _| {
            if let Some(main) = main.get_untracked() {
                let _ = main.focus();
            }
            // Head tags a prerendered page came with describe that page only.
            crate::platform::remove_prerendered_head();
        },
        false,
    );
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(crate::contexts::island::Shell);
    crate::contexts::ui::provide_ui();
    let doc_lang = provide_document_language();
    // Embedded on other sites, the reader installs no service worker and shows no site chrome.
    let embedded = crate::platform::page_url()
        .split_once("://")
        .and_then(|(_, rest)| {
            rest.find('/')
                .map(|i| rest[i..].split(['?', '#']).next().unwrap_or("").to_string())
        })
        .and_then(|path| crate::model::links::route_in(crate::site::BASE_PATH, &path))
        .is_some_and(|route| route == "/embed" || route.starts_with("/embed/"));
    provide_offline_state(!embedded);
    // The reader's own settings; an embed follows its host's options instead.
    if !embedded {
        let _ = crate::contexts::prefs::provide_prefs(crate::contexts::offline::use_offline().map(|s| s.notice));
    }
    let main_ref = NodeRef::<leptos::html::Main>::new();
    // The header's search box goes through the router here (on prerendered pages it is a form).
    crate::platform::search::use_search_box();

    view! {
        <Html {..} lang=move || doc_lang.get().0 dir=move || doc_lang.get().1.as_str()/>
        <Title formatter=|title: String| crate::model::seo::page_title(&title)/>
        // Routes are matched below the folder the reader is served from (`base_path`).
        <Router base=crate::site::BASE_PATH.trim_end_matches('/')>
            <Show when=move || !embedded>
                <SiteHeader/>
                <StatusBar/>
            </Show>
            <FocusOnNavigate main=main_ref/>
            <main id="main" tabindex="-1" node_ref=main_ref>
                // Each page's code comes from its own chunk (the app split by route), fetched
                // when the route is first shown; its placeholder shows meanwhile.
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <RouteCode preload=preload_home_page page=home_page fallback=ListSkeleton/> }/>
                    <Route path=path!("/articles/:id") view=|| view! { <RouteCode preload=preload_article_page page=article_page fallback=ArticleSkeleton/> }/>
                    <Route path=path!("/read") view=|| view! { <RouteCode preload=preload_read_page page=read_page fallback=ArticleSkeleton/> }/>
                    <Route path=path!("/saved") view=|| view! { <RouteCode preload=preload_saved_page page=saved_page fallback=ListSkeleton/> }/>
                    <Route path=path!("/search") view=|| view! { <RouteCode preload=preload_search_page page=search_page fallback=ListSkeleton/> }/>
                    <Route path=path!("/embed/:id") view=|| view! { <RouteCode preload=preload_embed_page page=embed_page fallback=ArticleSkeleton/> }/>
                    <Route path=path!("/embed") view=|| view! { <RouteCode preload=preload_embed_page page=embed_page fallback=ArticleSkeleton/> }/>
                    <Route path=path!("/__panic") view=crate::crash::PanicPage/>
                </Routes>
            </main>
        </Router>
    }
}
