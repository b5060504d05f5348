//! App-wide offline status, provided as context by the app shell:
//! - whether the browser is online (the `online`/`offline` events);
//! - the service worker: registered at start; when a new version has installed and waits,
//!   `update_ready` turns true and [`OfflineState::apply_update`] activates it and reloads;
//! - the saved list, loaded at start and kept current;
//! - notices for a polite live region ("… was updated since you saved it").

use leptos::{prelude::*, task::spawn_local};

use crate::model::saved::SavedList;
use crate::platform::events::{use_listener, On};
use crate::platform::saved_store as store;
use crate::platform::service_worker::start_service_worker;

#[derive(Clone, Copy)]
pub struct OfflineState {
    pub online: RwSignal<bool>,
    pub saved: RwSignal<SavedList>,
    /// A message for the app's status region.
    pub notice: RwSignal<Option<String>>,
    /// A new version of the app is installed and waiting.
    pub update_ready: Signal<bool>,
    apply: Callback<()>,
}

impl OfflineState {
    /// Activates the waiting version; the page reloads once it has taken over.
    pub fn apply_update(&self) {
        self.apply.run(());
    }
}

pub fn use_offline() -> Option<OfflineState> {
    use_context::<OfflineState>()
}

/// Creates the offline state, starts the listeners and (with `service_worker`) the service
/// worker, and provides it as context. Call once, in the app shell.
pub fn provide_offline_state(service_worker: bool) -> OfflineState {
    // Online until the browser says otherwise, after the first render: a prerendered page's
    // islands render first as the prerender did, which knows no network state.
    let online = RwSignal::new(true);
    Effect::new(move || online.set(crate::platform::browser_online()));
    let saved = RwSignal::new(SavedList::default());
    let notice = RwSignal::new(None::<String>);

    let t = crate::contexts::ui::use_text();
    // Listeners removed with the owner (the app shell, or the islands' shared state).
    use_listener(On::Window, "online", move || online.set(true));
    use_listener(On::Window, "offline", move || online.set(false));

    // The saved list, once running in a browser (effects never run natively).
    Effect::new(move || {
        spawn_local(async move {
            match store::load().await {
                Ok(list) => saved.set(list),
                Err(store::StoreError::Damaged(why)) => {
                    let (list, words) = store::recover(why, t()).await;
                    if let Some(list) = list {
                        saved.set(list);
                    }
                    notice.set(Some(words));
                }
                Err(_) => {}
            }
        })
    });

    // A saved article the service worker refreshed: tell the reader, reload the list.
    let on_saved_updated = Callback::new(move |headline: Option<String>| {
        let headline = headline.unwrap_or_else(|| t().a_saved_article.into());
        notice.set(Some(t().saved_article_updated(&headline)));
        spawn_local(async move {
            if let Ok(list) = store::load().await {
                saved.set(list);
            }
        });
    });
    let (update_ready, apply) = if service_worker {
        start_service_worker(on_saved_updated)
    } else {
        (Signal::from(false), Callback::new(|()| {}))
    };

    let state = OfflineState {
        online,
        saved,
        notice,
        update_ready,
        apply,
    };
    provide_context(state);
    state
}
