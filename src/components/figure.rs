//! An image with reserved space, caption, credit and a fallback box when it cannot load.

use leptos::prelude::*;

use super::picture::{picture_sources, Loading, Picture};
use crate::model::{picture::Slot, Image};

/// How the image is used: the hero loads eagerly, body images lazily.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Hero,
    Body,
}

#[component]
pub fn Figure(image: Image, placement: Placement) -> impl IntoView {
    let sources = picture_sources(&image);
    let Image {
        alt,
        caption,
        credit,
        width,
        height,
        ..
    } = image.clone();
    // The box keeps the picture's shape before it loads, and when it fails, through a sizer: a
    // canvas (never drawn on) whose width and height attributes give it the ratio. No style
    // attribute, so the page's security policy never grows with the archive's pictures.
    let (sizer_width, sizer_height) = image.shape();
    let failed = RwSignal::new(sources.is_none());
    let class = match placement {
        Placement::Hero => "figure hero",
        Placement::Body => "figure body-image",
    };
    // The hero is the picture of the article's search result (see docs/search.md).
    let (loading, search_meta) = match placement {
        Placement::Hero => (Loading::Lead, Some("image[src], image_alt[alt]")),
        Placement::Body => (Loading::Lazy, None),
    };
    let fallback_alt = alt.clone();
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class=class>
            <div class="frame">
                <canvas class="frame-sizer" width=sizer_width height=sizer_height aria-hidden="true"></canvas>
                <Show
                    when=move || !failed.get()
                    fallback=move || {
                        let t = crate::contexts::ui::use_text();
                        let alt = fallback_alt.clone();
                        // Follows the interface language as it changes.
                        let label = move || {
                            if alt.is_empty() {
                                t().image_unavailable.to_string()
                            } else {
                                t().image_unavailable_alt(&alt)
                            }
                        };
                        let aria = label.clone();
                        view! {
                            <div class="img-fallback" role="img" aria-label=aria>
                                <span aria-hidden="true">{label}</span>
                            </div>
                        }
                    }
                >
                    <Picture
                        sources=sources.clone().unwrap_or_default()
                        place=Slot::Figure
                        class="frame-img"
                        alt=alt.clone()
                        width=width
                        height=height
                        loading=loading
                        search_meta=search_meta
                        on_error=move || failed.set(true)
                    />
                </Show>
            </div>
            {has_caption
                .then(|| {
                    view! {
                        <figcaption>
                            {caption.clone().map(|c| view! { <span class="caption">{c}</span> })}
                            {credit.clone().map(|c| view! { <span class="credit">{c}</span> })}
                        </figcaption>
                    }
                })}
        </figure>
    }
    .into_any()
}
