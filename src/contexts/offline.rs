//! App-wide offline status, provided as context by the app shell:
//! - whether the browser is online (the `online`/`offline` events);
//! - the service worker: registered at start; when a new version has installed and waits,
//!   `update_ready` turns true and [`OfflineState::apply_update`] activates it and reloads;
//! - the saved list, loaded at start and kept current;
//! - notices for a polite live region ("… was updated since you saved it").

use leptos::prelude::*;

use crate::model::saved::SavedList;

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

    #[cfg(target_arch = "wasm32")]
    let (update_ready, apply) = browser::start(online, saved, notice, service_worker);
    #[cfg(not(target_arch = "wasm32"))]
    let (update_ready, apply) = {
        let _ = service_worker;
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

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    };
    use std::time::Duration;

    use js_sys::Reflect;
    use leptos::{prelude::*, task::spawn_local};
    use leptos_use::{use_service_worker_with_options, UseServiceWorkerOptions};
    use wasm_bindgen::{JsCast, JsValue};

    use crate::model::links::in_app;
    use crate::platform::events::{use_listener, use_target_listener, On};

    use crate::facts;
    use crate::model::saved::SavedList;
    use crate::offline::store;

    /// How often an open app looks for a new version.
    const UPDATE_CHECK: Duration = Duration::from_secs(30 * 60);

    fn service_workers_supported(window: &web_sys::Window) -> bool {
        window.is_secure_context()
            && Reflect::has(&window.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false)
    }

    /// The first service worker takes control after this page already fetched its articles and
    /// images: hand their URLs to it so they are cached by the same routes, and what the reader
    /// opened on a first visit also reads offline.
    fn cache_what_was_loaded() {
        let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
            return;
        };
        let mut urls = Vec::new();
        for entry in performance.get_entries_by_type("resource").iter() {
            let field = |k: &str| Reflect::get(&entry, &k.into()).ok().and_then(|v| v.as_string());
            let (Some(name), Some(initiator)) = (field("name"), field("initiatorType")) else {
                continue;
            };
            let path = name.split(['?', '#']).next().unwrap_or("");
            // Only what arrived whole: an aborted or failed request must not be fetched again.
            let number = |k: &str| Reflect::get(&entry, &k.into()).ok().and_then(|v| v.as_f64());
            let complete = match number("responseStatus") {
                Some(status) => status == 200.0,
                None => number("decodedBodySize").is_some_and(|size| size > 0.0),
            };
            let json = matches!(initiator.as_str(), "fetch" | "link") && path.ends_with(".json");
            if complete && (json || initiator == "img") {
                urls.push(name);
            }
        }
        urls.extend(crate::api::inline_data_urls());
        ask_to_cache(&urls);
    }

    /// Asks the controlling service worker to fetch and cache `urls` by its own routes
    /// (Workbox's CACHE_URLS message): JSON is revalidated, which also refreshes a saved copy
    /// that the publisher updated.
    fn ask_to_cache(urls: &[String]) {
        let Some(controller) = web_sys::window().and_then(|w| w.navigator().service_worker().controller()) else {
            return;
        };
        if urls.is_empty() {
            return;
        }
        let list: js_sys::Array = urls.iter().map(|u| JsValue::from_str(u)).collect();
        let message = js_sys::Object::new();
        let payload = js_sys::Object::new();
        let _ = Reflect::set(&payload, &"urlsToCache".into(), &list);
        let _ = Reflect::set(&message, &"type".into(), &"CACHE_URLS".into());
        let _ = Reflect::set(&message, &"payload".into(), &payload);
        let _ = controller.post_message(&message);
    }

    pub fn start(
        online: RwSignal<bool>,
        saved: RwSignal<SavedList>,
        notice: RwSignal<Option<String>>,
        service_worker: bool,
    ) -> (Signal<bool>, Callback<()>) {
        let Some(window) = web_sys::window() else {
            return (Signal::from(false), Callback::new(|()| {}));
        };
        let t = crate::contexts::ui::use_text();
        // Listeners removed with the app shell's owner.
        use_listener(On::Window, "online", move || online.set(true));
        use_listener(On::Window, "offline", move || online.set(false));

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
        });

        if !service_worker || !service_workers_supported(&window) {
            return (Signal::from(false), Callback::new(|()| {}));
        }

        // Reload only when the reader asked for the new version, not when the very first
        // service worker takes control of the page.
        let reload_requested = Arc::new(AtomicBool::new(false));
        let requested = reload_requested.clone();
        let sw = use_service_worker_with_options(
            UseServiceWorkerOptions::default()
                .script_url(in_app("/sw.js"))
                .skip_waiting_message(facts::SKIP_WAITING_MESSAGE)
                .on_controller_change(move || {
                    if requested.load(Ordering::SeqCst) {
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().reload();
                        }
                    } else {
                        cache_what_was_loaded();
                    }
                }),
        );

        // A prerendered page comes from the network even under the service worker's control, and
        // the JSON it was made from (inline, or as its island's props) never passed through the
        // worker: have it cached, so the page reads offline too.
        ask_to_cache(&crate::api::inline_data_urls());

        // A saved article the service worker refreshed: tell the reader, reload the list.
        let on_message = move |data: JsValue| {
            let field = |k: &str| Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
            if field("type").as_deref() == Some(facts::SAVED_UPDATED_MESSAGE) {
                let headline = field("headline").unwrap_or_else(|| t().a_saved_article.into());
                notice.set(Some(t().saved_article_updated(&headline)));
                spawn_local(async move {
                    if let Ok(list) = store::load().await {
                        saved.set(list);
                    }
                });
            }
        };
        let container = window.navigator().service_worker();
        use_target_listener(container.into(), "message", move |event| {
            if let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() {
                on_message(event.data());
            }
        });
        // What arrived before this listener (index.html kept it), then no more keeping.
        let early = JsValue::from_str(facts::EARLY_MESSAGES_GLOBAL);
        if let Ok(kept) = Reflect::get(&window, &early) {
            let _ = Reflect::set(&window, &early, &JsValue::NULL);
            if let Some(kept) = kept.dyn_ref::<js_sys::Array>() {
                for data in kept.iter() {
                    on_message(data);
                }
            }
        }

        let check = sw.check_for_update.clone();
        if let Ok(interval) = set_interval_with_handle(check, UPDATE_CHECK) {
            on_cleanup(move || interval.clear());
        }
        // Coming back to the tab is a good moment to look too.
        let check = sw.check_for_update.clone();
        use_listener(On::Document, "visibilitychange", move || {
            if web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
            {
                check();
            }
        });

        let skip_waiting = sw.skip_waiting.clone();
        let apply = Callback::new(move |()| {
            reload_requested.store(true, Ordering::SeqCst);
            skip_waiting();
            // Should the new version not take over (another tab still holds the old one),
            // reload anyway after a moment rather than leave the button doing nothing.
            set_timeout(
                || {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                },
                Duration::from_secs(3),
            );
        });
        (sw.waiting, apply)
    }
}
