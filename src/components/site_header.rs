//! The site's header: skip link, name, the search box, navigation, the reading settings button
//! and its panel.
//! Shared by the app and prerendered pages.

use leptos::prelude::*;

use super::search_box::SearchBox;
use super::settings::SettingsToggle;
use crate::model::links::in_app;

#[cfg_attr(any(island_front, island_article, island_search), island)]
#[cfg_attr(not(any(island_front, island_article, island_search)), component)]
pub fn SiteHeader() -> impl IntoView {
    crate::contexts::island::enter();
    let settings_open = RwSignal::new(false);
    let (busy, made, panel) = panel::settings_panel(settings_open);
    let t = crate::contexts::ui::use_text();
    view! {
        <a class="skip-link" href="#main">{move || t().skip_to_content}</a>
        <header class="site-header">
            <a href=in_app("/") class="brand">
                <img class="brand-logo" src=crate::site::LOGO alt="" width="32" height="32"/>
                // The logo alone when site.json says so: the name stays for screen readers.
                <span class=if crate::site::SHOW_NAME { "brand-name" } else { "brand-name visually-hidden" }>{crate::site::NAME}</span>
            </a>
            <SearchBox/>
            <nav aria-label=move || t().site_nav>
                <a href=in_app("/saved") class="nav-saved">{move || t().nav_saved}</a>
                <SettingsToggle open=settings_open busy=busy made=made/>
            </nav>
        </header>
        // Made when the reader first opens it, not before: a prerendered page carries no hidden
        // panel, and its island has none to bring to life (the page is live sooner). Once made,
        // it stays (closed, it is `hidden`), so it keeps its place in the focus order and in
        // what `aria-controls` names.
        {panel}
    }
}

/// The panel in a page of islands and in the app: its code comes on first opening, from its own
/// chunk. The click is kept, the button is busy meanwhile, and the panel opens in its slot once
/// the code is there; a chunk that cannot come is reported with a retry. (The prerender renders
/// this shape too, so that the island hydrates what it rendered.)
#[cfg(any(feature = "islands", feature = "split"))]
mod panel {
    use leptos::prelude::*;

    use crate::components::chunk_status::ChunkStatus;
    use crate::components::settings::{preload_settings_panel, settings_panel as build_panel};
    use crate::platform::chunk::{ready_now, Chunk, ChunkState};

    /// Whether the button is busy, whether the panel is made, and the panel's place.
    pub fn settings_panel(open: RwSignal<bool>) -> (Signal<bool>, Signal<bool>, impl IntoView) {
        let chunk = Chunk::new();
        let slot = NodeRef::<leptos::html::Div>::new();
        let owner = Owner::current();
        let load = Callback::new(move |()| {
            let owner = owner.clone();
            chunk.load(preload_settings_panel, move || {
                // Under the header's owner (its contexts, its cleanup), tracked by nothing.
                let build = || untrack(|| ready_now(build_panel(open, slot)));
                match owner {
                    Some(owner) => owner.with(build),
                    None => build(),
                };
            })
        });
        Effect::new(move || {
            if open.get() {
                load.run(());
            }
        });
        let busy = Signal::derive(move || chunk.state() == ChunkState::Loading);
        let made = Signal::derive(move || chunk.state() == ChunkState::Ready);
        (
            busy,
            made,
            view! {
                <ChunkStatus chunk=chunk retry=load/>
                <div class="settings-slot" node_ref=slot></div>
            },
        )
    }
}

/// The panel where nothing is split (`cargo test`'s renders): made on first opening.
#[cfg(not(any(feature = "islands", feature = "split")))]
mod panel {
    use leptos::prelude::*;

    use crate::components::settings::SettingsPanel;

    /// Whether the button is busy (never), whether the panel is made, and the panel's place.
    pub fn settings_panel(open: RwSignal<bool>) -> (Signal<bool>, Signal<bool>, impl IntoView) {
        let opened = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open.get());
        (Signal::stored(false), opened.into(), move || {
            opened.get().then(|| view! { <SettingsPanel open=open/> })
        })
    }
}
