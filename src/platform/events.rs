//! Event listeners tied to the component (or app shell) that adds them: removed when it is
//! cleaned up, never leaked. One non-generic helper instead of `leptos_use::use_event_listener`:
//! that hook is generic over the event and the target, and the six listeners the app needs
//! cost about 5 KB brotli of wasm through it (measured with twiggy); this costs one copy.

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    use leptos::prelude::on_cleanup;
    use wasm_bindgen::{closure::Closure, JsCast};

    type Listener = (web_sys::EventTarget, &'static str, Closure<dyn FnMut(web_sys::Event)>);

    thread_local! {
        /// Listeners still attached, by the number their owner's cleanup removes them with.
        static LISTENERS: RefCell<Vec<Option<Listener>>> = const { RefCell::new(Vec::new()) };
    }

    pub fn listen(target: web_sys::EventTarget, event: &'static str, handler: Box<dyn FnMut(web_sys::Event)>) {
        let closure = Closure::wrap(handler);
        if target
            .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
            .is_err()
        {
            return;
        }
        let id = LISTENERS.with(|all| {
            let mut all = all.borrow_mut();
            all.push(Some((target, event, closure)));
            all.len() - 1
        });
        on_cleanup(move || {
            let gone = LISTENERS.with(|all| all.borrow_mut().get_mut(id).and_then(Option::take));
            if let Some((target, event, closure)) = gone {
                let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            }
        });
    }

    pub fn window() -> Option<web_sys::EventTarget> {
        web_sys::window().map(Into::into)
    }

    pub fn document() -> Option<web_sys::EventTarget> {
        web_sys::window()?.document().map(Into::into)
    }
}

/// Where a listener listens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    Window,
    Document,
}

/// While the calling owner lives, runs `handler` on every `event` at the window or the
/// document; the listener is removed when the owner is cleaned up. Natively: nothing.
///
/// ```no_run
/// use article_reader::platform::events::{use_listener, On};
/// use leptos::prelude::*;
/// // In a component: follow the network state while the component lives.
/// let online = RwSignal::new(true);
/// use_listener(On::Window, "online", move || online.set(true));
/// use_listener(On::Window, "offline", move || online.set(false));
/// ```
pub fn use_listener(on: On, event: &'static str, mut handler: impl FnMut() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let target = match on {
            On::Window => imp::window(),
            On::Document => imp::document(),
        };
        if let Some(target) = target {
            imp::listen(target, event, Box::new(move |_| handler()));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (on, event, &mut handler);
}

/// [`use_listener`] for any target, with the event (the app's service worker messages).
#[cfg(target_arch = "wasm32")]
pub fn use_target_listener(
    target: web_sys::EventTarget,
    event: &'static str,
    handler: impl FnMut(web_sys::Event) + 'static,
) {
    imp::listen(target, event, Box::new(handler));
}
