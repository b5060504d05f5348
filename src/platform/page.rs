//! The page itself: whether the app runs, the prerendered copy it replaces, the page's address,
//! the network state, focus, and the attributes on `<html>`.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    pub fn app_running() -> bool {
        true
    }

    pub fn static_copy_open(selector: &str) -> bool {
        // A page the app takes over keeps its static copy in #prerendered; on a page of islands
        // the element being hydrated is the page's own.
        let islands = root_attribute("data-islands").is_some();
        let selector = if islands {
            selector.to_string()
        } else {
            format!("#{} {selector}", crate::facts::PRERENDERED_ID)
        };
        document()
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .is_some_and(|e| e.has_attribute("open"))
    }

    pub fn remove_all(selector: &str) {
        let Some(list) = document().and_then(|d| d.query_selector_all(selector).ok()) else {
            return;
        };
        for i in 0..list.length() {
            if let Some(element) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                element.remove();
            }
        }
    }

    pub fn focus(selector: &str, scroll: bool) -> bool {
        let Some(element) = document()
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return false;
        };
        if !element.has_attribute("tabindex") && element.tab_index() < 0 {
            let _ = element.set_attribute("tabindex", "-1");
        }
        if scroll {
            element.scroll_into_view();
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        element.focus_with_options(&options).is_ok()
    }

    pub fn set_root_attributes(attributes: &[(&str, String)]) {
        if let Some(html) = document().and_then(|d| d.document_element()) {
            for (name, value) in attributes {
                let _ = html.set_attribute(name, value);
            }
        }
    }

    pub fn root_attribute(name: &str) -> Option<String> {
        document()?.document_element()?.get_attribute(name)
    }

    pub fn remove_root_attribute(name: &str) {
        if let Some(html) = document().and_then(|d| d.document_element()) {
            let _ = html.remove_attribute(name);
        }
    }

    pub fn set_text(id: &str, text: &str) {
        if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
            element.set_text_content(Some(text));
        }
    }

    pub fn set_title(text: &str) {
        if let Some(d) = document() {
            if d.title() != text {
                d.set_title(text);
            }
        }
    }

    pub fn page_url() -> Option<String> {
        web_sys::window().and_then(|w| w.location().href().ok())
    }

    pub fn browser_online() -> bool {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }

    pub fn reload() {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }

    pub fn replace_address(href: &str) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
    }

    pub fn follow_in_app(href: &str) -> bool {
        // A page of islands has no router: the browser goes there itself.
        if root_attribute("data-islands").is_some() {
            return false;
        }
        let Some(body) = document().and_then(|d| d.body()) else {
            return false;
        };
        let Some(link) = document()
            .and_then(|d| d.create_element("a").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return false;
        };
        let _ = link.set_attribute("href", href);
        let _ = link.set_attribute("hidden", "");
        if body.append_child(&link).is_err() {
            return false;
        }
        link.click();
        link.remove();
        true
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::cell::RefCell;

    thread_local! {
        pub static RENDER_URL: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    pub fn app_running() -> bool {
        false
    }
    pub fn static_copy_open(_selector: &str) -> bool {
        false
    }
    pub fn remove_all(_selector: &str) {}
    pub fn focus(_selector: &str, _scroll: bool) -> bool {
        false
    }
    pub fn set_root_attributes(_attributes: &[(&str, String)]) {}
    pub fn root_attribute(_name: &str) -> Option<String> {
        None
    }
    pub fn set_text(_id: &str, _text: &str) {}
    pub fn set_title(_text: &str) {}
    pub fn remove_root_attribute(_name: &str) {}
    pub fn page_url() -> Option<String> {
        RENDER_URL.with(|u| u.borrow().clone())
    }
    pub fn browser_online() -> bool {
        true
    }
    pub fn replace_address(_href: &str) {}
    pub fn follow_in_app(_href: &str) -> bool {
        false
    }
    pub fn reload() {}
}

/// Whether the app itself is running (in a browser), as opposed to a native render whose HTML
/// must work without it. Controls that only the app can serve (Copy link) render only then.
///
/// ```no_run
/// // Copy link needs running code: offer it only then.
/// if article_reader::platform::app_running() {
///     println!("show Copy link");
/// }
/// ```
pub fn app_running() -> bool {
    imp::app_running()
}

/// A signal that is `false` for the first render and turns `true` once the view is running in a
/// browser (an effect, which never runs natively). Controls that only running code can serve
/// (Copy link) are rendered in the page's HTML too, hidden until it turns: the first render is the
/// same in the prerender and in the browser, so an island hydrates it without a mismatch.
///
/// ```
/// use leptos::prelude::*;
/// let owner = Owner::new();
/// owner.with(|| {
///     let live = article_reader::platform::use_live();
///     // Natively no effect runs: the control stays hidden in the HTML.
///     assert!(!live.get_untracked());
/// });
/// ```
pub fn use_live() -> leptos::prelude::ReadSignal<bool> {
    use leptos::prelude::*;
    let (live, set_live) = signal(false);
    Effect::new(move || set_live.set(app_running()));
    live
}

/// Whether the `<details>` matching `selector` inside the prerendered copy (or, on a page of
/// islands, the page itself) is open: the reader may have opened it before the code arrived.
/// Natively: never.
///
/// ```no_run
/// use leptos::prelude::*;
/// // The share menu starts as the reader left it in the page's HTML.
/// let open = RwSignal::new(article_reader::platform::static_copy_open(".share-details"));
/// ```
pub fn static_copy_open(selector: &str) -> bool {
    imp::static_copy_open(selector)
}

/// Removes the prerendered copy, once the app shows the page itself, and the head tags the app
/// now renders itself (description, oEmbed link). Natively: nothing to remove.
pub fn remove_static_copy() {
    imp::remove_all(&format!("#{}", crate::facts::PRERENDERED_ID));
    // No longer a page of islands (an embed opened in another language): the app's now.
    imp::remove_root_attribute("data-islands");
    imp::remove_all("meta[name=description][data-prerendered]");
    imp::remove_all("link[type='application/json+oembed'][data-prerendered]");
}

/// Removes the head tags a prerendered page came with (`[data-prerendered]`): after an in-app
/// navigation they describe a page that is gone.
pub fn remove_prerendered_head() {
    imp::remove_all("[data-prerendered]");
}

/// Moves keyboard focus to the first element matching `selector` (made focusable by script if
/// it is not), without scrolling; with `scroll`, brings it into view first. Returns whether
/// focus moved (never natively).
///
/// ```no_run
/// // Escape closes the settings panel and gives focus back to its button.
/// if !article_reader::platform::focus(".settings-toggle", false) {
///     println!("the button is gone: focus stays where it is");
/// }
/// ```
pub fn focus(selector: &str, scroll: bool) -> bool {
    imp::focus(selector, scroll)
}

/// Sets attributes on `<html>` (the reading settings' `data-*`).
pub fn set_root_attributes(attributes: &[(&str, String)]) {
    imp::set_root_attributes(attributes)
}

/// An attribute of `<html>` (`lang` on a prerendered page is the content's language). `None`
/// natively.
///
/// ```no_run
/// // The language the prerendered page's content is in, before the app knows the article.
/// let lang = article_reader::platform::root_attribute("lang").unwrap_or_else(|| "en".into());
/// ```
pub fn root_attribute(name: &str) -> Option<String> {
    imp::root_attribute(name)
}

/// Replaces the text of the element with `id` (the crash screen's details).
pub fn set_text(id: &str, text: &str) {
    imp::set_text(id, text)
}

/// Sets the document's title (`document.title`) where no `leptos_meta` context does it: a page
/// of islands. Nothing natively.
pub fn set_title(text: &str) {
    imp::set_title(text)
}

/// The page's own URL, the base for everything the app resolves. Natively it is the address
/// set with [`render_at`] (the prerender's public page address), else `http://localhost/`.
///
/// ```
/// article_reader::platform::render_at("https://news.example/articles/a");
/// assert_eq!(article_reader::platform::page_url(), "https://news.example/articles/a");
/// ```
pub fn page_url() -> String {
    imp::page_url().unwrap_or_else(|| "http://localhost/".to_string())
}

/// Native renders only (the prerender): the public address of the page being rendered, so that
/// what the components derive from the page's URL (the shared link when an article names no
/// canonical URL) is right in the static HTML.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_at(url: &str) {
    imp::RENDER_URL.with(|u| *u.borrow_mut() = Some(url.to_string()));
}

/// Absolute URL of the app's own `articles/` folder (always ends with '/').
pub fn articles_dir() -> String {
    let dir = crate::model::links::in_app("/articles/");
    crate::model::url::resolve(&page_url(), &dir).unwrap_or(dir)
}

/// Whether the browser believes it has a network connection (always natively).
pub fn browser_online() -> bool {
    imp::browser_online()
}

/// Goes to `href` (a path of this site) the way a click on a link would: inside the app, its
/// router navigates without loading the page again. Returns `false`, doing nothing, where there
/// is no router (a page of islands, or natively): the caller lets the browser go there, as a
/// form's own submission does.
///
/// ```no_run
/// // A search form's submission, in the app: no page load.
/// if article_reader::platform::page::follow_in_app("/search?q=bridge") {
///     println!("the router took it");
/// }
/// ```
pub fn follow_in_app(href: &str) -> bool {
    imp::follow_in_app(href)
}

/// Replaces the page's address with `href` (a path of this site) without loading anything or
/// adding a history entry: where there is no router (a page of islands) and the address holds
/// the page's state, as the search page's query. Natively: nothing.
///
/// ```no_run
/// // The reader paused typing "bridge" in the search page's field:
/// article_reader::platform::page::replace_address("/search?q=bridge");
/// ```
pub fn replace_address(href: &str) {
    imp::replace_address(href)
}

/// Loads the page again (natively: nothing).
///
/// ```no_run
/// // The search index changed under the page: start again with the new one.
/// article_reader::platform::page::reload();
/// ```
pub fn reload() {
    imp::reload()
}
