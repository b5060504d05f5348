//! The service worker: registered at start (leptos-use's `use_service_worker`), told what the
//! page loaded without it so that it caches that too, listened to (a saved article it refreshed),
//! and asked for updates every half hour and when the tab comes back. Natively: nothing.

use leptos::prelude::*;

/// Registers the service worker (`sw.js` in the reader's folder) and starts listening to it.
/// `on_saved_updated` runs with the headline of a saved article the worker refreshed (`None`
/// when the message names none), including messages that arrived before this ran (kept by the
/// page's script). Returns whether a new version waits, and the action that activates it and
/// reloads. Where service workers are unavailable (an insecure page, a sandboxed frame):
/// never, and nothing.
///
/// ```no_run
/// use leptos::prelude::*;
/// use article_reader::platform::service_worker::start_service_worker;
/// let notice = RwSignal::new(None::<String>);
/// let (update_ready, apply) = start_service_worker(Callback::new(move |headline: Option<String>| {
///     notice.set(Some(format!("{} was updated", headline.unwrap_or_default())));
/// }));
/// // The "Reload" button of the update banner:
/// if update_ready.get_untracked() {
///     apply.run(());
/// }
/// ```
pub fn start_service_worker(on_saved_updated: Callback<Option<String>>) -> (Signal<bool>, Callback<()>) {
    imp::start(on_saved_updated)
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use leptos::prelude::*;

    pub fn start(_: Callback<Option<String>>) -> (Signal<bool>, Callback<()>) {
        (Signal::from(false), Callback::new(|()| {}))
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    };
    use std::time::Duration;

    use js_sys::Reflect;
    use leptos::prelude::*;
    use leptos_use::{use_service_worker_with_options, UseServiceWorkerOptions};
    use wasm_bindgen::{JsCast, JsValue};

    use crate::facts;
    use crate::model::links::in_app;
    use crate::platform::events::{use_listener, use_target_listener, On};

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
        urls.extend(crate::platform::fetch::inline_data_urls());
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

    pub fn start(on_saved_updated: Callback<Option<String>>) -> (Signal<bool>, Callback<()>) {
        let Some(window) = web_sys::window().filter(service_workers_supported) else {
            return (Signal::from(false), Callback::new(|()| {}));
        };
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
        ask_to_cache(&crate::platform::fetch::inline_data_urls());

        // A saved article the service worker refreshed.
        let on_message = move |data: JsValue| {
            let field = |k: &str| Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
            if field("type").as_deref() == Some(facts::SAVED_UPDATED_MESSAGE) {
                on_saved_updated.run(field("headline"));
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
