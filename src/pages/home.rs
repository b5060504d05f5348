//! `/`: the front page, listing `articles/index.json` newest first. The build prerenders it
//! (`src/bin/prerender.rs`) with [`FrontPage`], the component the app uses, where it is an
//! island: the static copy and the app's rendering are the same.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::article::TakeOver;
use crate::api::{fetch_index, Cancel, Loads};
use crate::components::picture::{picture_sources, Loading, Picture};
use crate::components::{skeleton::ListSkeleton, ErrorView};
use crate::contexts::document_language::DocumentLanguage;
use crate::model::{links::in_app, url::resolve};
use crate::model::{picture::Slot, LoadError, Summary};
use crate::platform::articles_dir;
use crate::platform::chunk::{ChunkError, Work};

#[component]
pub fn Home() -> impl IntoView {
    let loads = Loads::new();
    let index = LocalResource::new(move || fetch_index(format!("{}index.json", articles_dir()), loads.next()));
    let retry = Callback::new(move |()| index.refetch());
    let t = crate::contexts::ui::use_text();
    view! {
        <Title text=move || t().latest_articles.to_string()/>
        <Meta name="description" content=move || t().front_description.to_string()/>
        <Suspense fallback=|| view! { <DocumentLanguage/> <FrontFrame><ListSkeleton/></FrontFrame> }>
            {move || Suspend::new(async move {
                match index.await {
                    Ok(page) => view! { <TakeOver/> <FrontPage list=page.articles next=page.next/> }.into_any(),
                    Err(error) => view! {
                        <TakeOver/>
                        <DocumentLanguage/>
                        <FrontFrame><ErrorView error on_retry=retry nested=true/></FrontFrame>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// The front page with the first page of the index: its heading, the list and "More
/// articles". The prerendered front page's island: its words follow the browser's languages
/// (as the app's own pages do), and it brings "More articles" to life.
#[cfg_attr(island_front, island)]
#[cfg_attr(not(island_front), component)]
pub fn FrontPage(list: Vec<Summary>, next: Option<String>) -> impl IntoView {
    crate::contexts::island::enter();
    let t = crate::contexts::ui::use_text();
    crate::contexts::island::title(move || t().latest_articles.to_string());
    let seen = list.iter().map(|s| s.id.clone()).collect();
    // The frame written out, not `FrontFrame`: its `Children` would become an `AnyView`, which
    // brings every way of rendering them (asynchronous hydration included) into the islands
    // bundle (24 KB brotli).
    view! {
        <DocumentLanguage/>
        <div class="front-page">
            <FrontHeading/>
            <ArticleList list/>
            <MoreArticles next seen/>
        </div>
    }
}

/// The front page's frame in the app while the index loads or fails: its heading, then
/// `children` (the skeleton or the error).
#[component]
pub fn FrontFrame(children: Children) -> impl IntoView {
    view! {
        <div class="front-page">
            <FrontHeading/>
            {children()}
        </div>
    }
}

#[component]
fn FrontHeading() -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    view! { <h1>{move || t().latest_articles}</h1> }
}

/// The index's articles as cards, or "No articles yet".
#[component]
pub fn ArticleList(list: Vec<Summary>) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    if list.is_empty() {
        return Either::Left(view! { <p class="empty-state">{move || t().no_articles}</p> });
    }
    Either::Right(view! {
        <ul class="article-list">
            {list
                .into_iter()
                .enumerate()
                .map(|(i, s)| view! { <SummaryCard summary=s lead=i == 0/> })
                .collect_view()}
        </ul>
    })
}

/// Where "More articles" stands.
#[derive(Clone)]
enum More {
    Ready,
    Loading,
    Failed(LoadError),
}

/// The older pages of a paged index (its `next` addresses), one at a time when the reader asks:
/// a "More articles" button under the list. The new cards follow the others; focus moves to
/// the first of them and a status message says how many came, so keyboard and screen-reader
/// readers carry on from there. An article already listed (the archive moved while the reader
/// browsed) is not listed twice. Nothing shows when the index has one page.
#[component]
fn MoreArticles(next: Option<String>, seen: Vec<String>) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    // A prerendered page has its addresses root-relative: the fetch wants them whole.
    let next = RwSignal::new(next.map(|n| resolve(&crate::platform::page_url(), &n).unwrap_or(n)));
    let seen = StoredValue::new(seen);
    let pages = RwSignal::new(Vec::<Vec<Summary>>::new());
    let state = RwSignal::new(More::Ready);
    let announce = RwSignal::new(String::new());
    let shown = Memo::new(move |_| next.get().is_some() && !matches!(state.get(), More::Failed(_)));
    let loads = Loads::new();
    let load = Callback::new(move |()| {
        let Some(url) = next.get_untracked() else { return };
        if matches!(state.get_untracked(), More::Loading) {
            return;
        }
        state.set(More::Loading);
        let cancel = loads.next();
        let more = Load {
            url,
            cancel,
            seen,
            pages,
            next,
        };
        leptos::task::spawn_local(async move {
            // The code comes on the first press (its chunk): if it cannot, that is the error shown,
            // with its Retry.
            let outcome = match load_more(more).await {
                Ok(work) => work.await,
                Err(ChunkError) => Err(LoadError::CodeUnavailable),
            };
            match outcome {
                Ok((count, page_number)) => {
                    let _ = state.try_set(More::Ready);
                    let _ = announce.try_set(t().more_loaded(count));
                    // After the new cards are in the page: focus the first one's link.
                    if count > 0 {
                        let selector = format!(".article-list-more[data-page=\"{page_number}\"] li:first-child h2 a");
                        set_timeout(
                            move || {
                                crate::platform::focus(&selector, true);
                            },
                            std::time::Duration::ZERO,
                        );
                    }
                }
                Err(error) => {
                    let _ = state.try_set(More::Failed(error));
                }
            }
        });
    });
    view! {
        {move || {
            pages
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, list)| {
                    let cards = list.into_iter().map(|s| view! { <SummaryCard summary=s lead=false/> }).collect_view();
                    view! { <ul class="article-list article-list-more" data-page=(i + 2).to_string()>{cards}</ul> }
                })
                .collect_view()
        }}
        <p class="visually-hidden" role="status">{move || announce.get()}</p>
        {move || match state.get() {
            More::Failed(error) => Some(view! { <ErrorView error on_retry=load nested=true/> }),
            More::Loading | More::Ready => None,
        }}
        // The same button throughout a load (its words change), so keyboard focus stays on it:
        // rendered again only when `shown` changes. (Not `<Show>`: its children become an
        // `AnyView`, see `FrontPage`.)
        {move || shown.get().then(|| view! {
            <p class="more-articles">
                <button
                    type="button"
                    class="more-button"
                    aria-disabled=move || matches!(state.get(), More::Loading).to_string()
                    on:click=move |_| load.run(())
                >
                    {move || if matches!(state.get(), More::Loading) { t().loading_more } else { t().more_articles }}
                </button>
            </p>
        })}
    }
}

/// What one press of "More articles" works on.
struct Load {
    url: String,
    cancel: Cancel,
    seen: StoredValue<Vec<String>>,
    pages: RwSignal<Vec<Vec<Summary>>>,
    next: RwSignal<Option<String>>,
}

/// How many articles one press of "More articles" added, and the new list's number.
type Added = Result<(usize, usize), LoadError>;

crate::split! {
    chunk more, preload preload_more, when any(island_front, not(feature = "islands"));
    /// Fetches and reads the next page of the index and adds its articles not yet listed; its
    /// own chunk, as few readers ask for more. Gives how many came and the new list's number.
    fn load_more(load: Load) -> Result<Work<Added>, ChunkError> {
        Ok(Box::pin(async move {
            let Load { url, cancel, seen, pages, next, .. } = load;
            let page = fetch_index(url, cancel).await?;
            let fresh: Vec<Summary> = page
                .articles
                .into_iter()
                .filter(|s| seen.with_value(|seen| !seen.contains(&s.id)))
                .collect();
            seen.update_value(|seen| seen.extend(fresh.iter().map(|s| s.id.clone())));
            let count = fresh.len();
            let page_number = pages.with_untracked(Vec::len) + 2;
            if !fresh.is_empty() {
                pages.update(|p| p.push(fresh));
            }
            let _ = next.try_set(page.next);
            Ok((count, page_number))
        }))
    }
}

/// `lead`: the first card, whose picture is on screen at once: it loads first (it is the
/// page's largest paint), the others only as they come near.
#[component]
fn SummaryCard(summary: Summary, lead: bool) -> impl IntoView {
    let Summary {
        id,
        headline,
        dek,
        image,
        published,
        section,
    } = summary;
    let thumb = image.as_ref().and_then(picture_sources).map(|sources| {
        view! {
            <Picture
                sources=sources
                place=Slot::Card
                class="thumb"
                width=Some(320)
                height=Some(180)
                loading=if lead { Loading::Lead } else { Loading::Lazy }
            />
        }
    });
    // The index does not say each article's language: dates are in the interface's.
    let lt = crate::contexts::ui::use_lang_tag();
    let date = published.map(|p| {
        let datetime = p.to_string();
        view! { <time datetime=datetime>{move || p.display(lt())}</time> }
    });
    view! {
        <li class="card">
            {thumb}
            <div class="card-text">
                // The index does not say which language each article is in: let the browser
                // find each text's direction from its first letters.
                {section.map(|s| view! { <p class="section-label" dir="auto">{s}</p> })}
                <h2 dir="auto"><a href=in_app(&format!("/articles/{id}"))>{headline}</a></h2>
                {dek.map(|d| view! { <p class="card-dek" dir="auto">{d}</p> })}
                {date}
            </div>
        </li>
    }
}

crate::split! {
    app chunk home_route, preload preload_home_page;
    /// The front page, as the app's route: its code in a chunk of its own, which the router's
    /// `RouteCode` fetches first.
    pub fn home_page() -> Result<AnyView, crate::platform::chunk::ChunkError> {
        Ok(view! { <Home/> }.into_any())
    }
}
