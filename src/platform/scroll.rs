//! Where the reader is on the page: how far through it, which body block is at the top, going
//! back to a block, and a hook for scrolling that pauses. Natively: nothing is measured and no
//! listener is added.

use std::time::Duration;

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use crate::platform::events::{use_listener, On};

    pub fn percent() -> Option<u8> {
        let window = web_sys::window()?;
        let root = window.document()?.document_element()?;
        let top = window.scroll_y().ok()?;
        let viewport = window.inner_height().ok()?.as_f64()?;
        Some(crate::model::progress::percent_read(
            top,
            viewport,
            f64::from(root.scroll_height()),
        ))
    }

    pub fn block_at_top() -> Option<usize> {
        let blocks = web_sys::window()?
            .document()?
            .query_selector_all(".article-body > *")
            .ok()?;
        let bottom = |i: usize| {
            blocks
                .item(i as u32)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                .map_or(f64::INFINITY, |e| e.get_bounding_client_rect().bottom())
        };
        Some(crate::model::progress::block_at(blocks.length() as usize, 0.0, bottom))
    }

    pub fn use_scroll_rest(
        on_scroll: impl Fn() + 'static,
        on_rest: impl Fn() + Clone + Send + Sync + 'static,
        pause: Duration,
    ) {
        let pending: Arc<Mutex<Option<TimeoutHandle>>> = Arc::default();
        use_listener(On::Window, "scroll", {
            let pending = pending.clone();
            let on_rest = on_rest.clone();
            move || {
                on_scroll();
                let handle = set_timeout_with_handle(on_rest.clone(), pause).ok();
                if let Ok(mut slot) = pending.lock() {
                    if let Some(previous) = std::mem::replace(&mut *slot, handle) {
                        previous.clear();
                    }
                }
            }
        });
        use_listener(On::Window, "pagehide", {
            let on_rest = on_rest.clone();
            move || on_rest()
        });
        on_cleanup(move || {
            let waiting = pending.lock().ok().and_then(|mut slot| slot.take());
            if let Some(handle) = waiting {
                handle.clear();
                on_rest();
            }
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::time::Duration;

    pub fn percent() -> Option<u8> {
        None
    }
    pub fn block_at_top() -> Option<usize> {
        None
    }
    pub fn use_scroll_rest(
        _on_scroll: impl Fn() + 'static,
        _on_rest: impl Fn() + Clone + Send + Sync + 'static,
        _pause: Duration,
    ) {
    }
}

/// How far through the page the reader is, in percent (`None` natively). Cheap enough for every
/// scroll event.
pub fn percent_read_now() -> Option<u8> {
    imp::percent()
}

/// The article body's block at the top of the screen (`None` natively): a binary search over
/// the blocks' positions, for when a position is stored, not for every scroll event.
pub fn block_at_top() -> Option<usize> {
    imp::block_at_top()
}

/// Scrolls block `index` of the article body to the top of the screen and moves focus there,
/// so that keyboard and screen reader users continue from it too.
///
/// ```no_run
/// // "Continue reading" goes back to the fourth block, where the reader stopped.
/// article_reader::platform::scroll::go_to_block(3);
/// ```
pub fn go_to_block(index: usize) {
    super::focus(&format!(".article-body > :nth-child({})", index + 1), true);
}

/// While the calling component lives: `on_scroll` runs on every scroll of the window, and
/// `on_rest` once scrolling has paused for `pause`, when the page is hidden (the tab closed or
/// sent away), and when the component goes with a pause still pending. Listeners and the timer
/// are removed with the component.
///
/// ```no_run
/// use std::time::Duration;
/// use article_reader::platform::scroll::{percent_read_now, use_scroll_rest};
/// use_scroll_rest(|| { let _ = percent_read_now(); }, || println!("store the position"), Duration::from_millis(400));
/// ```
pub fn use_scroll_rest(
    on_scroll: impl Fn() + 'static,
    on_rest: impl Fn() + Clone + Send + Sync + 'static,
    pause: Duration,
) {
    imp::use_scroll_rest(on_scroll, on_rest, pause)
}
