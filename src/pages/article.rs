//! `/articles/{id}`: an article bundled with the app. Also home of [`ArticleLoader`], which
//! `/read?src=` shares.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::{fetch_article, Loads};
use crate::components::{progress::ReadingProgress, ArticleSkeleton, ArticleView, ErrorView};
use crate::contexts::document_language::DocumentLanguage;
use crate::model::{
    links::{in_app, provenance, reader_path},
    seo::{article_head, HeadTag},
    url::resolve,
    validate::is_valid_id,
    Article, LoadError,
};
use crate::platform::{articles_dir, page_url};

/// The JSON address of the bundled article `id`.
pub fn bundled_source(id: &str) -> Result<String, LoadError> {
    if is_valid_id(id) {
        Ok(format!("{}{id}.json", articles_dir()))
    } else {
        Err(LoadError::BadId { given: id.to_string() })
    }
}

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let source = Memo::new(move |_| bundled_source(&params.read().get("id").unwrap_or_default()));
    view! { <ArticleLoader source/> }
}

/// A loaded article and the URL it was read from.
pub type Loaded = Result<(Article, String), LoadError>;

/// What a page showing one article needs.
pub struct ArticleLoad {
    pub article: LocalResource<Loaded>,
    pub retry: Callback<()>,
    /// Whether the editorial card is open. It belongs to the page so it survives re-renders
    /// (a retry, a refetch); it is reset whenever the page moves to another article.
    pub card_open: RwSignal<bool>,
}

/// Loads the article at `source` whenever it changes, aborting a load still running.
/// Used by the reader and the embed view.
pub fn use_article(source: Memo<Result<String, LoadError>>) -> ArticleLoad {
    // A card the reader opened on the prerendered copy stays open when the app takes over.
    let card_open = RwSignal::new(crate::platform::static_copy_open(".editorial-details"));
    Effect::watch(move || source.get(), move |_, _, _| card_open.set(false), false);
    let loads = Loads::new();
    let article = LocalResource::new(move || {
        let source = source.get();
        let cancel = loads.next();
        async move {
            let url = source?;
            fetch_article(url.clone(), cancel).await.map(|article| (article, url))
        }
    });
    ArticleLoad {
        article,
        retry: Callback::new(move |()| article.refetch()),
        card_open,
    }
}

/// Loads the article JSON at `source` and shows the skeleton, the article or a specific error.
#[component]
pub fn ArticleLoader(source: Memo<Result<String, LoadError>>) -> impl IntoView {
    let ArticleLoad {
        article,
        retry,
        card_open,
    } = use_article(source);

    let t = crate::contexts::ui::use_text();
    view! {
        <Suspense fallback=move || view! { <Title text=move || t().loading_title.to_string()/> <ArticleSkeleton/> }>
            {move || Suspend::new(async move {
                match article.await {
                    Ok((article, json_url)) => {
                        let from = provenance(&json_url, &page_url());
                        let head = article_head(&article, &page_url(), oembed_href(&json_url));
                        view! {
                            <TakeOver/>
                            <Title text=article.headline.clone()/>
                            {head_tags(head)}
                            <DocumentLanguage lang=article.language.clone() dir=article.dir/>
                            <ReadingProgress json_url=json_url.clone()/>
                            <ArticleView article json_url articles_dir=articles_dir() card_open from/>
                        }
                        .into_any()
                    }
                    Err(error) => view! {
                        <TakeOver/>
                        <Title text={
                            let e = error.clone();
                            move || e.title_in(t())
                        }/>
                        <DocumentLanguage/>
                        <ErrorView error on_retry=retry/>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// The address of a bundled article's oEmbed response (generated at build time), if it is one.
fn oembed_href(json_url: &str) -> Option<String> {
    let path = reader_path(json_url, &articles_dir());
    let id = path.strip_prefix(&in_app("/articles/"))?;
    resolve(&page_url(), &in_app(&format!("/oembed/{id}.json")))
}

/// The page's head tags (`seo::article_head`, which the prerender writes as HTML too).
fn head_tags(tags: Vec<HeadTag>) -> impl IntoView {
    tags.into_iter()
        .map(|tag| match tag {
            HeadTag::Meta {
                attr: "property",
                name,
                content,
            } => view! { <Meta property=name content/> }.into_any(),
            HeadTag::Meta { name, content, .. } => view! { <Meta name content/> }.into_any(),
            HeadTag::Link { rel, href } => view! { <Link rel href/> }.into_any(),
            HeadTag::Alternate {
                type_,
                href,
                title: Some(title),
            } => view! { <Link rel="alternate" type_ href title/> }.into_any(),
            HeadTag::Alternate {
                type_,
                href,
                title: None,
            } => view! { <Link rel="alternate" type_ href/> }.into_any(),
        })
        .collect_view()
}

/// On a prerendered page (an article, the front page, an embed), the static copy
/// (`#prerendered`) stays on screen, and the app hidden (style/main.css), until the app has
/// rendered the same content; then the static copy goes, in the same frame, so nothing flashes
/// or moves. The static description goes too: the app sets its own (the other static head tags
/// stay until the reader moves on, see `app::FocusOnNavigate`).
#[component]
pub fn TakeOver() -> impl IntoView {
    Effect::new(crate::platform::remove_static_copy);
}

crate::split! {
    app chunk article_route, preload preload_article_page;
    /// An article of the archive, as the app's route: its code in a chunk of its own, which the router's
    /// `RouteCode` fetches first.
    pub fn article_page() -> Result<AnyView, crate::platform::chunk::ChunkError> {
        Ok(view! { <ArticlePage/> }.into_any())
    }
}
