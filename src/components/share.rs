//! "Share Article": a native disclosure (`<details>`) holding links to X, Facebook, LinkedIn,
//! WhatsApp and email, which work before the app has loaded (prerendered pages). Once the app
//! runs, the button first offers the browser's own share sheet (Web Share) where there is one,
//! and the menu gains Copy link.

use leptos::{html, prelude::*, task::spawn_local};

use crate::model::share::share_links;
use crate::platform::{copy_text, static_copy_open, web_share, ShareOutcome};

/// How long "Link copied" stays on screen, in milliseconds.
const STATUS_MS: u64 = 5000;

/// `url` is the canonical URL; without one the page's own URL is shared.
#[cfg_attr(any(island_article, island_embed), island)]
#[cfg_attr(not(any(island_article, island_embed)), component)]
pub fn ShareControls(url: Option<String>, headline: String) -> impl IntoView {
    crate::contexts::island::enter();
    let t = crate::contexts::ui::use_text();
    let lt = crate::contexts::ui::use_lang_tag();
    // A menu the reader opened on the static copy stays open when the app takes over.
    let menu_open = RwSignal::new(static_copy_open(".share-details"));
    let status = RwSignal::new(String::new());
    let live = crate::platform::use_live();
    // Set when the clipboard refused: the link is shown selected for a manual copy.
    let manual_copy = RwSignal::new(None::<String>);
    let details_ref = NodeRef::<html::Details>::new();
    let summary_ref = NodeRef::<html::Summary>::new();
    let manual_ref = NodeRef::<html::Input>::new();
    let share_url = url.unwrap_or_else(crate::platform::page_url);
    let links = share_links(&share_url, &headline, crate::site::TWITTER);
    let share_url = StoredValue::new(share_url);
    let headline = StoredValue::new(headline);

    // The summary's own toggle is replaced by: close if open; else the share sheet, and the
    // menu only where the browser has none (or the reader cancelled it).
    let on_summary = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if menu_open.get_untracked() {
            menu_open.set(false);
            return;
        }
        let target = share_url.get_value();
        spawn_local(async move {
            let title = headline.get_value();
            if web_share(&title, &target).await == ShareOutcome::Unavailable {
                menu_open.set(true);
            }
        });
    };

    let on_copy = move |_| {
        let target = share_url.get_value();
        spawn_local(async move {
            match copy_text(&target).await {
                Ok(()) => {
                    manual_copy.set(None);
                    status.set(t().link_copied.into());
                    set_timeout(
                        move || status.set(String::new()),
                        std::time::Duration::from_millis(STATUS_MS),
                    );
                }
                Err(()) => {
                    status.set(t().copy_manually.into());
                    manual_copy.set(Some(target));
                }
            }
        });
    };

    // Select the link for a manual copy as soon as it is shown.
    Effect::new(move || {
        if manual_copy.get().is_some() {
            if let Some(input) = manual_ref.get() {
                let _ = input.focus();
                input.select();
            }
        }
    });

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(summary) = summary_ref.get_untracked() {
                let _ = summary.focus();
            }
        }
    };

    let links = links
        .into_iter()
        .map(|link| {
            view! {
                <a
                    class=format!("share-item share-{}", link.id)
                    href=link.href
                    target="_blank"
                    rel="external noopener noreferrer"
                    aria-label=move || if link.id == "email" {
                        t().share_by_email.to_string()
                    } else {
                        t().share_on(link.label)
                    }
                >
                    {link.label}
                </a>
            }
        })
        .collect_view();

    view! {
        <section class="share" aria-labelledby="share-heading" lang=lt on:keydown=on_keydown>
            <h2 id="share-heading">{move || t().share_heading}</h2>
            <details
                class="share-details"
                node_ref=details_ref
                prop:open=move || menu_open.get()
                on:toggle=move |_| {
                    if let Some(d) = details_ref.get_untracked() {
                        menu_open.set(d.open());
                    }
                }
            >
                <summary class="share-button" node_ref=summary_ref on:click=on_summary>
                    {move || t().share_button}
                </summary>
                <div class="share-menu" id="share-menu">
                    // In the page's HTML too (the same first render as in the browser, so an island
                    // hydrates it), hidden until the code that copies has started.
                    <button type="button" class="share-item copy-link" hidden=move || !live.get() on:click=on_copy>
                        {move || t().copy_link}
                    </button>
                    {links}
                    {move || {
                        manual_copy
                            .get()
                            .map(|u| {
                                view! {
                                    <label class="manual-copy">
                                        <span>{move || t().link_label}</span>
                                        <input node_ref=manual_ref type="text" readonly value=u/>
                                    </label>
                                }
                            })
                    }}
                </div>
            </details>
            <p class="share-status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
