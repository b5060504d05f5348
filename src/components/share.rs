//! "Share Article": the Web Share API where the browser has it, otherwise (or when it declines)
//! a menu with Copy link and links to X, Facebook, LinkedIn, WhatsApp and email.

use leptos::{html, prelude::*, task::spawn_local};

use crate::model::share::share_links;
use crate::platform::{copy_text, web_share, ShareOutcome};

/// How long "Link copied" stays on screen, in milliseconds.
const STATUS_MS: u64 = 5000;

/// `url` is the canonical URL; without one the page's own URL is shared.
#[component]
pub fn ShareControls(url: Option<String>, headline: String) -> impl IntoView {
    let t = crate::i18n::use_text();
    let lt = crate::i18n::use_lang_tag();
    let menu_open = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    // Set when the clipboard refused: the link is shown selected for a manual copy.
    let manual_copy = RwSignal::new(None::<String>);
    let button_ref = NodeRef::<html::Button>::new();
    let manual_ref = NodeRef::<html::Input>::new();
    let share_url = StoredValue::new(move || url.clone().unwrap_or_else(crate::api::page_url));
    let headline = StoredValue::new(headline);

    let on_share = move |_| {
        if menu_open.get_untracked() {
            menu_open.set(false);
            return;
        }
        let target = share_url.with_value(|f| f());
        spawn_local(async move {
            let title = headline.get_value();
            if web_share(&title, &target).await == ShareOutcome::Unavailable {
                menu_open.set(true);
            }
        });
    };

    let on_copy = move |_| {
        let target = share_url.with_value(|f| f());
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
                    status.set(
                        t().copy_manually
                            .into(),
                    );
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
            if let Some(button) = button_ref.get_untracked() {
                let _ = button.focus();
            }
        }
    };

    let menu = move || {
        menu_open.get().then(|| {
            let links = share_links(&share_url.with_value(|f| f()), &headline.get_value());
            view! {
                <button type="button" class="share-item copy-link" on:click=on_copy>
                    {move || t().copy_link}
                </button>
                {links
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
                                    crate::model::i18n::fill(t().share_on, &[("name", link.label)])
                                }
                            >
                                {link.label}
                            </a>
                        }
                    })
                    .collect_view()}
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
            }
        })
    };

    view! {
        <section class="share" aria-labelledby="share-heading" lang=lt on:keydown=on_keydown>
            <h2 id="share-heading">{move || t().share_heading}</h2>
            <button
                type="button"
                class="share-button"
                node_ref=button_ref
                aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                aria-controls="share-menu"
                on:click=on_share
            >
                {move || t().share_button}
            </button>
            <div class="share-menu" id="share-menu" hidden=move || !menu_open.get()>
                {menu}
            </div>
            <p class="share-status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
