//! `/search?q=`: the archive searched as the reader types. The address holds the query (the
//! box's text after a pause), so a search can be shared or bookmarked and Back returns to it.
//! Online, the site's search index answers (Pagefind, through `platform::search`); offline, the
//! reader's saved articles are searched instead, and the page says so. A search covers the
//! newest articles first; once every result is on screen, "Search older articles" adds the
//! older ones' results after them.

use leptos::{either::Either, ev, prelude::*, task::spawn_local};
use leptos_meta::{Meta, Title};
use leptos_router::{hooks::use_navigate, hooks::use_query_map, NavigateOptions};

use crate::api::fetch_article;
use crate::contexts::{document_language::DocumentLanguage, offline::use_offline};
use crate::model::{
    date::display_date,
    links::{in_app, search_path},
    saved::SavedEntry,
    search::{
        clean_query, has_words, parse_results, search_articles, Hit, Results, SearchFailure, Segment, MAX_QUERY_CHARS,
        RESULTS_PAGE,
    },
};
use crate::platform::{
    fetch::Cancel,
    search::{prime, search_index},
};

/// How long the reader pauses typing before the search runs.
const DEBOUNCE_MS: u64 = 250;

/// Where a search stands.
#[derive(Clone, PartialEq)]
enum State {
    /// No query yet.
    Idle,
    Searching,
    /// The query has nothing to search for ("?!").
    NoWords(String),
    Found {
        query: String,
        results: Results,
        saved_only: bool,
    },
    Failed(SearchFailure),
}

/// Searches the index (`searches` deep: 1 for the newest articles); offline, the saved articles.
async fn run(query: String, limit: usize, searches: usize, saved: Vec<SavedEntry>) -> State {
    match search_index(&query, limit, searches).await {
        Ok(json) => match parse_results(&json) {
            Ok(results) => State::Found {
                query,
                results,
                saved_only: false,
            },
            Err(why) => State::Failed(SearchFailure::Failed(why)),
        },
        Err(SearchFailure::Offline) if !saved.is_empty() => {
            let mut articles = Vec::new();
            for entry in saved {
                // The service worker answers from the saved copy.
                if let Ok(article) = fetch_article(entry.json_url.clone(), Cancel::new()).await {
                    articles.push((article, entry.route.clone()));
                }
            }
            let mut results = search_articles(&query, &articles, &crate::platform::locale::lowercase);
            results.hits.truncate(limit);
            State::Found {
                results,
                query,
                saved_only: true,
            }
        }
        Err(failure) => State::Failed(failure),
    }
}

/// Where the page keeps its query: the address's `q`. `q` is the query in the address, `write`
/// puts the field's text there (replacing the address: Back leaves the search).
#[derive(Clone, Copy)]
pub struct QueryAddress {
    pub q: Signal<String>,
    pub write: Callback<String>,
}

/// The app's route: the router holds the address.
#[component]
pub fn SearchPage() -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let q = Memo::new(move |_| query_map.with(|m| m.get("q").unwrap_or_default()));
    let write = Callback::new(move |text: String| {
        // `href` is whole (the site's folder included): not resolved against the router's base.
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            resolve: false,
            ..Default::default()
        };
        navigate(&search_path(&text), options);
    });
    view! {
        <Title text=move || t().search_title.to_string()/>
        <Meta name="description" content=move || t().search_description.to_string()/>
        <SearchView address=QueryAddress { q: q.into(), write }/>
    }
}

/// The prerendered search page's island: the page is the box, its words and the empty state,
/// usable as a form before and without any code; the island brings the search as the reader
/// types, Pagefind (loaded on first use) and the results. With no router, the page keeps the
/// query in its address itself. Its first render is the page's HTML whatever the address says
/// (the field's text is a property, the status says "Type to search" until the search starts).
#[cfg_attr(island_search, island)]
#[cfg_attr(not(island_search), component)]
pub fn SearchIsland() -> impl IntoView {
    crate::contexts::island::enter();
    let t = crate::contexts::ui::use_text();
    crate::contexts::island::title(move || t().search_title.to_string());
    let first = crate::model::url::query_pairs(&crate::platform::page_url())
        .into_iter()
        .find_map(|(k, v)| (k == "q").then_some(v))
        .unwrap_or_default();
    let q = RwSignal::new(first);
    let write = Callback::new(move |text: String| {
        crate::platform::page::replace_address(&search_path(&text));
        q.set(text);
    });
    view! { <SearchView address=QueryAddress { q: q.into(), write }/> }
}

/// The search page's field, status and results, under whatever holds its address.
#[component]
fn SearchView(address: QueryAddress) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    let offline = use_offline();
    let QueryAddress { q, write } = address;
    let typed = RwSignal::new(q.get_untracked());
    let state = RwSignal::new(State::Idle);
    // Each search's number: an answer that arrives after a newer search started is dropped.
    let latest = StoredValue::new(0u64);

    // What the field last wrote into the address: the field is only set from the address when
    // the address changed otherwise (Back, Forward, a link), never under the reader's fingers.
    let written = StoredValue::new(q.get_untracked());

    // How many results to show: a page more with each "More results", a page for a new query.
    let limit = RwSignal::new(RESULTS_PAGE);
    // How far back the search goes: 1, the newest articles; one more with each "Search older
    // articles", back to 1 for a new query.
    let searches = RwSignal::new(1usize);
    // "More results" or "Search older articles" was pressed with this many results shown: the
    // first new one takes the focus when it comes (the button may be gone), so the keyboard
    // reader carries on from there.
    let focus_from = StoredValue::new(None::<usize>);
    // The query the results on screen answer: asking for more of them keeps them on screen.
    let shown_query = StoredValue::new(None::<String>);
    // The reader came to search: the index loads while they type.
    Effect::new(crate::platform::search::preload);

    // The address drives the search (typing, Back and Forward alike).
    Effect::new(move || {
        let raw = q.get();
        let limit = limit.get();
        let searches = searches.get();
        if written.get_value() != raw {
            written.set_value(raw.clone());
            typed.set(raw.clone());
        }
        latest.update_value(|n| *n += 1);
        let ticket = latest.get_value();
        let Some(query) = clean_query(&raw) else {
            shown_query.set_value(None);
            state.set(State::Idle);
            return;
        };
        if !has_words(&query) {
            shown_query.set_value(None);
            state.set(State::NoWords(query));
            return;
        }
        // More of the same results: those on screen stay until the longer list comes.
        if shown_query.get_value().as_deref() != Some(query.as_str()) {
            state.set(State::Searching);
            focus_from.set_value(None);
        }
        let saved = offline.map(|o| o.saved.get_untracked().articles).unwrap_or_default();
        spawn_local(async move {
            let outcome = run(query, limit, searches, saved).await;
            if latest.try_get_value() == Some(ticket) {
                let found = match &outcome {
                    State::Found { query, results, .. } => {
                        Some((query.clone(), results.hits.len(), results.may_search_older()))
                    }
                    _ => None,
                };
                shown_query.set_value(found.as_ref().map(|(q, ..)| q.clone()));
                let _ = state.try_set(outcome);
                if let (Some(from), Some((_, count, older))) = (focus_from.get_value(), found) {
                    focus_from.set_value(None);
                    // The first new result; with none (older articles had none), the button
                    // for still older ones, else the query.
                    let target = if count > from {
                        format!(".search-result:nth-child({}) a", from + 1)
                    } else if older {
                        ".search-older".to_string()
                    } else {
                        "#search-query".to_string()
                    };
                    // Once the answer is on the page.
                    request_animation_frame(move || {
                        crate::platform::focus(&target, true);
                    });
                }
            }
        });
    });

    // Typing: the address follows after a pause, replacing itself (Back leaves the search).
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let on_input = move |e: ev::Event| {
        let text = event_target_value(&e);
        typed.set(text.clone());
        limit.set(RESULTS_PAGE);
        searches.set(1);
        if let Some(query) = clean_query(&text).filter(|q| has_words(q)) {
            prime(&query);
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let go = move || {
            written.set_value(text.clone());
            write.run(text.clone());
        };
        pending.set_value(set_timeout_with_handle(go, std::time::Duration::from_millis(DEBOUNCE_MS)).ok());
    };
    on_cleanup(move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
    });

    let status = move || match state.get() {
        State::Idle => t().search_prompt.to_string(),
        State::Searching => t().searching.to_string(),
        State::NoWords(query) => t().search_no_words(&query),
        State::Found {
            query,
            results,
            saved_only,
        } => {
            let found = if results.total == 0 {
                t().search_none(&query)
            } else {
                t().search_found(results.total, &query)
            };
            let more = if results.total > results.hits.len() {
                t().search_first_shown(&results.hits.len().to_string())
            } else {
                String::new()
            };
            let saved = if saved_only { t().search_saved_only } else { "" };
            let older = if results.unsearched > 0 {
                t().search_unsearched(results.unsearched)
            } else {
                String::new()
            };
            [saved, found.as_str(), more.as_str(), older.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        }
        State::Failed(failure) => failure.message(t()),
    };
    let hits = move || match state.get() {
        State::Found { results, .. } => results.hits,
        _ => Vec::new(),
    };
    // Read in place: the predicates need no copy of the results.
    let more = move || state.with(|s| matches!(s, State::Found { results, .. } if results.total > results.hits.len()));
    let older = move || state.with(|s| matches!(s, State::Found { results, .. } if results.may_search_older()));
    // How many results are on screen.
    let shown = move || {
        state.with_untracked(|s| match s {
            State::Found { results, .. } => results.hits.len(),
            _ => 0,
        })
    };
    let failed = move || state.with(|s| matches!(s, State::Failed(_)));
    let changed = move || state.with(|s| matches!(s, State::Failed(SearchFailure::Changed)));

    view! {
        <DocumentLanguage/>
        <div class="search-page">
            <h1>{move || t().search_title}</h1>
            <form role="search" class="search-form" action=in_app("/search") method="get" on:submit=|e: ev::SubmitEvent| e.prevent_default()>
                <label for="search-query">{move || t().search_label}</label>
                <input
                    type="search"
                    id="search-query"
                    name="q"
                    dir="auto"
                    autocomplete="off"
                    enterkeyhint="search"
                    maxlength=MAX_QUERY_CHARS
                    prop:value=move || typed.get()
                    on:input=on_input
                    aria-describedby="search-status"
                />
            </form>
            <p id="search-status" class="search-status" class:search-error=failed role="status" aria-live="polite">
                {status}
            </p>
            {move || changed().then(|| view! {
                <button type="button" class="search-reload" on:click=|_| crate::platform::page::reload()>{move || t().reload}</button>
            })}
            // A few pages of results, made again for each answer: no keyed list needed.
            <ol class="search-results">{move || hits().into_iter().map(|hit| view! { <SearchResult hit/> }).collect_view()}</ol>
            {move || more().then(|| view! {
                <button
                    type="button"
                    class="search-more"
                    on:click=move |_| {
                        focus_from.set_value(Some(shown()));
                        limit.update(|n| *n += RESULTS_PAGE);
                    }
                >
                    {move || t().search_more}
                </button>
            })}
            // Every result is on screen: the older articles' results come after them.
            {move || older().then(|| view! {
                <button
                    type="button"
                    class="search-older"
                    on:click=move |_| {
                        let from = shown();
                        focus_from.set_value(Some(from));
                        limit.set(from + RESULTS_PAGE);
                        searches.update(|n| *n += 1);
                    }
                >
                    {move || t().search_older}
                </button>
            })}
        </div>
    }
}

#[component]
fn SearchResult(hit: Hit) -> impl IntoView {
    let date = hit.date.as_deref().and_then(|d| display_date(d, &hit.lang));
    let excerpt: Vec<_> = hit
        .excerpt
        .into_iter()
        .map(|s| match s {
            Segment::Text(text) => Either::Left(text),
            Segment::Mark(text) => Either::Right(view! { <mark>{text}</mark> }),
        })
        .collect();
    view! {
        <li class="search-result" lang=hit.lang.clone() dir=hit.dir.as_str()>
            {hit.image.map(|src| view! { <img class="search-image" src=src alt="" loading="lazy" decoding="async"/> })}
            <div class="search-text">
                <h2><a href=hit.url>{hit.title}</a></h2>
                <p class="search-meta">
                    {hit.section.map(|s| view! { <span class="search-section">{s}</span> })}
                    {date.map(|d| view! { <time datetime=hit.date.clone().unwrap_or_default()>{d}</time> })}
                </p>
                <p class="search-excerpt">{excerpt}</p>
            </div>
        </li>
    }
}

crate::split! {
    app chunk search_route, preload preload_search_page;
    /// The search page, as the app's route: its code in a chunk of its own, which the router's
    /// `RouteCode` fetches first.
    pub fn search_page() -> Result<AnyView, crate::platform::chunk::ChunkError> {
        Ok(view! { <SearchPage/> }.into_any())
    }
}
