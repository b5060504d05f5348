//! The reading settings: a button in the site header ("Aa") that opens a small panel with theme,
//! text size, typeface, line width and line spacing. A disclosure, not a dialog: the page stays
//! usable, Escape closes the panel and focus returns to the button. Changes apply at once and
//! are remembered (`crate::prefs`).

use leptos::{ev, prelude::*};

use crate::model::settings::{Font, Leading, Settings, Theme, Width};
use crate::prefs::use_prefs;

/// The header button. Rendered the same without the app's settings (prerendered pages), so
/// nothing moves when the app takes over.
#[component]
pub fn SettingsToggle(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="settings-toggle"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls="reader-settings"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <span aria-hidden="true">"Aa"</span>
            <span class="visually-hidden">"Reading settings"</span>
        </button>
    }
}

fn radio_group<T: Copy + PartialEq + Send + Sync + 'static>(
    legend: &'static str,
    name: &'static str,
    options: &'static [(T, &'static str)],
    get: impl Fn(Settings) -> T + Copy + Send + Sync + 'static,
    set: impl Fn(Settings, T) -> Settings + Copy + Send + Sync + 'static,
    settings: RwSignal<Settings>,
) -> impl IntoView {
    view! {
        <fieldset class="settings-group">
            <legend>{legend}</legend>
            {options
                .iter()
                .map(|&(value, label)| {
                    view! {
                        <label class="settings-choice">
                            <input
                                type="radio"
                                name=name
                                prop:checked=move || get(settings.get()) == value
                                on:change=move |_| settings.update(|s| *s = set(*s, value))
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The panel, shown while `open`.
#[component]
pub fn SettingsPanel(open: RwSignal<bool>) -> impl IntoView {
    let Some(prefs) = use_prefs() else {
        return ().into_any();
    };
    let settings = prefs.0;
    let panel = NodeRef::<leptos::html::Section>::new();

    // Escape closes the panel and gives focus back to its button.
    let close = move || {
        open.set(false);
        #[cfg(target_arch = "wasm32")]
        if let Some(button) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".settings-toggle").ok().flatten())
        {
            use wasm_bindgen::JsCast;
            if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        }
    };
    let on_key = move |e: ev::KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            close();
        }
    };

    const THEMES: &[(Theme, &str)] = &[
        (Theme::Auto, "Automatic"),
        (Theme::Light, "Light"),
        (Theme::Dark, "Dark"),
        (Theme::Sepia, "Sepia"),
    ];
    const FONTS: &[(Font, &str)] = &[(Font::Serif, "Serif"), (Font::Sans, "Sans-serif")];
    const WIDTHS: &[(Width, &str)] = &[
        (Width::Narrow, "Narrow"),
        (Width::Normal, "Normal"),
        (Width::Wide, "Wide"),
    ];
    const LEADINGS: &[(Leading, &str)] = &[
        (Leading::Tight, "Tight"),
        (Leading::Normal, "Normal"),
        (Leading::Loose, "Loose"),
    ];

    view! {
        <section
            id="reader-settings"
            class="settings-panel"
            aria-labelledby="reader-settings-title"
            hidden=move || !open.get()
            node_ref=panel
            on:keydown=on_key
        >
            <h2 id="reader-settings-title">"Reading settings"</h2>
            {radio_group("Theme", "theme", THEMES, |s| s.theme, |s, v| Settings { theme: v, ..s }, settings)}
            <fieldset class="settings-group">
                <legend>"Text size"</legend>
                <div class="settings-size">
                    <button
                        type="button"
                        class="size-smaller"
                        disabled=move || !settings.get().can_shrink()
                        on:click=move |_| settings.update(|s| *s = s.smaller())
                    >
                        <span aria-hidden="true" class="size-glyph">"A−"</span>
                        " Smaller"
                    </button>
                    <output class="size-value" aria-live="polite">
                        {move || format!("{} %", settings.get().size_percent())}
                    </output>
                    <button
                        type="button"
                        class="size-larger"
                        disabled=move || !settings.get().can_grow()
                        on:click=move |_| settings.update(|s| *s = s.larger())
                    >
                        <span aria-hidden="true" class="size-glyph">"A+"</span>
                        " Larger"
                    </button>
                </div>
            </fieldset>
            {radio_group("Typeface", "font", FONTS, |s| s.font, |s, v| Settings { font: v, ..s }, settings)}
            {radio_group("Line width", "width", WIDTHS, |s| s.width, |s, v| Settings { width: v, ..s }, settings)}
            {radio_group("Line spacing", "leading", LEADINGS, |s| s.leading, |s, v| Settings { leading: v, ..s }, settings)}
            <div class="settings-actions">
                <button type="button" class="settings-reset" on:click=move |_| settings.set(Settings::default())>
                    "Reset to defaults"
                </button>
                <button type="button" class="settings-close" on:click=move |_| close()>
                    "Close"
                </button>
            </div>
        </section>
    }
    .into_any()
}
