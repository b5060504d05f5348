//! A picture asked for at the size its place shows it: `<picture>` with a `<source>` per
//! modern format when the picture has them, and an `<img>` with its own `srcset` and `sizes`
//! (see [`crate::model::picture`]). Always a `<picture>`, even around a lone `<img>`: one shape
//! of view, where two (made one by `into_any`) cost the islands bundle about 12 KB of code
//! before compression.

use leptos::prelude::*;

use crate::model::picture::{sources, Slot, Sources};
use crate::model::Image;

/// The files to ask for `image`, with the site's image service for pictures
/// that live elsewhere. `None` without a source.
pub fn picture_sources(image: &Image) -> Option<Sources> {
    sources(image, crate::site::IMAGE_SERVICE)
}

/// How an `<img>` loads: `lead` for the page's largest picture (eager, high priority).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    Lead,
    Lazy,
}

#[component]
pub fn Picture(
    sources: Sources,
    place: Slot,
    /// The `<img>`'s class.
    class: &'static str,
    #[prop(optional, into)] alt: String,
    #[prop(optional_no_strip)] width: Option<u32>,
    #[prop(optional_no_strip)] height: Option<u32>,
    loading: Loading,
    /// `data-pagefind-meta` of the hero (the search result's picture).
    #[prop(optional_no_strip)]
    search_meta: Option<&'static str>,
    /// A picture from another site is asked for without the reader's address.
    #[prop(optional)]
    no_referrer: bool,
    /// Called when the picture cannot load.
    #[prop(optional, into)]
    on_error: Option<Callback<()>>,
) -> impl IntoView {
    let Sources { src, srcset, modern } = sources;
    let sizes = place.sizes();
    let (loading, priority) = match loading {
        Loading::Lead => ("eager", "high"),
        Loading::Lazy => ("lazy", "auto"),
    };
    let img_sizes = srcset.is_some().then_some(sizes);
    view! {
        <picture>
            {modern
                .into_iter()
                .map(|(mime, set)| view! { <source type=mime srcset=set sizes=sizes/> })
                .collect_view()}
            <img
            class=class
            src=src
            srcset=srcset
            sizes=img_sizes
            alt=alt
            width=width
            height=height
            loading=loading
            fetchpriority=priority
            decoding="async"
            referrerpolicy=no_referrer.then_some("no-referrer")
            data-pagefind-meta=search_meta
            on:error=move |_| {
                if let Some(f) = on_error {
                    f.run(())
                }
            }
            />
        </picture>
    }
}
