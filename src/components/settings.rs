//! The reading settings: a button in the site header ("Aa") that opens a small panel with theme,
//! text size, typeface, line width and line spacing. A disclosure, not a dialog: the page stays
//! usable, Escape closes the panel and focus returns to the button. Changes apply at once and
//! are remembered (`crate::contexts::prefs`).

use leptos::either::Either;
use leptos::{ev, prelude::*};

use crate::contexts::prefs::use_prefs;
use crate::model::i18n::Catalog;
use crate::model::settings::{Font, Leading, Settings, Theme, Width};
use crate::platform::chunk::ChunkError;

/// The header button. Rendered the same without the app's settings (prerendered pages), so
/// nothing moves when the app takes over.
#[component]
pub fn SettingsToggle(
    open: RwSignal<bool>,
    /// While the panel's code is on its way.
    #[prop(into, optional)]
    busy: Signal<bool>,
    /// Whether the panel is in the page: until it is, the button does not say it is expanded
    /// (its `aria-controls` would name nothing).
    #[prop(into)]
    made: Signal<bool>,
) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    view! {
        <button
            type="button"
            class="settings-toggle"
            aria-busy=move || busy.get().then_some("true")
            aria-expanded=move || if open.get() && made.get() { "true" } else { "false" }
            aria-controls="reader-settings"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <span aria-hidden="true">"Aa"</span>
            <span class="visually-hidden">{move || t().settings_button}</span>
        </button>
    }
}

type Text = fn(&'static Catalog) -> &'static str;

fn radio_group<T: Copy + PartialEq + Send + Sync + 'static>(
    legend: Text,
    name: &'static str,
    options: &'static [(T, Text)],
    get: impl Fn(Settings) -> T + Copy + Send + Sync + 'static,
    set: impl Fn(Settings, T) -> Settings + Copy + Send + Sync + 'static,
    settings: RwSignal<Settings>,
) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    view! {
        <fieldset class="settings-group">
            <legend>{move || legend(t())}</legend>
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
                            {move || label(t())}
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
    // Without the settings (an embed) there is no panel.
    let Some(prefs) = use_prefs() else {
        return Either::Left(());
    };
    let settings = prefs.0;

    // Escape closes the panel and gives focus back to its button.
    let close = move || {
        open.set(false);
        crate::platform::focus(".settings-toggle", false);
    };
    let on_key = move |e: ev::KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            close();
        }
    };

    const THEMES: &[(Theme, Text)] = &[
        (Theme::Auto, |c| c.theme_auto),
        (Theme::Light, |c| c.theme_light),
        (Theme::Dark, |c| c.theme_dark),
        (Theme::Sepia, |c| c.theme_sepia),
    ];
    const FONTS: &[(Font, Text)] = &[(Font::Serif, |c| c.serif), (Font::Sans, |c| c.sans_serif)];
    const WIDTHS: &[(Width, Text)] = &[
        (Width::Narrow, |c| c.narrow),
        (Width::Normal, |c| c.normal),
        (Width::Wide, |c| c.wide),
    ];
    const LEADINGS: &[(Leading, Text)] = &[
        (Leading::Tight, |c| c.tight),
        (Leading::Normal, |c| c.normal),
        (Leading::Loose, |c| c.loose),
    ];
    let t = crate::contexts::ui::use_text();

    Either::Right(view! {
        <section
            id="reader-settings"
            class="settings-panel"
            aria-labelledby="reader-settings-title"
            hidden=move || !open.get()
            on:keydown=on_key
        >
            <h2 id="reader-settings-title">{move || t().settings_title}</h2>
            {radio_group(|c| c.theme, "theme", THEMES, |s| s.theme, |s, v| Settings { theme: v, ..s }, settings)}
            <fieldset class="settings-group">
                <legend>{move || t().text_size}</legend>
                <div class="settings-size">
                    <button
                        type="button"
                        class="size-smaller"
                        disabled=move || !settings.get().can_shrink()
                        on:click=move |_| settings.update(|s| *s = s.smaller())
                    >
                        <span aria-hidden="true" class="size-glyph">"A−"</span>
                        " " {move || t().smaller}
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
                        " " {move || t().larger}
                    </button>
                </div>
            </fieldset>
            {radio_group(|c| c.typeface, "font", FONTS, |s| s.font, |s, v| Settings { font: v, ..s }, settings)}
            {radio_group(|c| c.line_width, "width", WIDTHS, |s| s.width, |s, v| Settings { width: v, ..s }, settings)}
            {radio_group(|c| c.line_spacing, "leading", LEADINGS, |s| s.leading, |s, v| Settings { leading: v, ..s }, settings)}
            <div class="settings-actions">
                <button type="button" class="settings-reset" on:click=move |_| settings.set(Settings::default())>
                    {move || t().reset_defaults}
                </button>
                <button type="button" class="settings-close" on:click=move |_| close()>
                    {move || t().close}
                </button>
            </div>
        </section>
    })
}

crate::split! {
    chunk settings, preload preload_settings_panel, when any(island_front, island_article, island_search, not(feature = "islands"));
    /// Builds the panel into `slot`, from its own chunk (of a page's islands bundle, and of the
    /// app): few readers open it, so a page fetches its code only when the reader first does.
    /// Call once.
    pub fn settings_panel(open: RwSignal<bool>, slot: NodeRef<leptos::html::Div>) -> Result<(), ChunkError> {
        use leptos::tachys::view::{Mountable, Render};
        if let Some(parent) = slot.get_untracked() {
            let mut panel = view! { <SettingsPanel open=open/> }.build();
            panel.mount(&parent, None);
            // It stays for the page's life (the header is never taken down); its effects
            // belong to the header's owner.
            std::mem::forget(panel);
        }
        Ok(())
    }
}
