//! `/articles/{id}`: an article bundled with the app. Also home of [`ArticleLoader`], which
//! `/read?src=` shares.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::{articles_dir, fetch_article, Loads};
use crate::app::DocumentLanguage;
use crate::components::{ArticleSkeleton, ArticleView, ErrorView};
use crate::model::{validate::is_valid_id, Dir, LoadError};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let source = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        if is_valid_id(&id) {
            Ok(format!("{}{id}.json", articles_dir()))
        } else {
            Err(LoadError::BadId { given: id })
        }
    });
    view! { <ArticleLoader source/> }
}

/// Loads the article JSON at `source` and shows the skeleton, the article or a specific error.
#[component]
pub fn ArticleLoader(source: Memo<Result<String, LoadError>>) -> impl IntoView {
    // The card's state belongs to the page so it survives re-renders (a retry, a refetch);
    // it is reset whenever the reader moves to another article.
    let card_open = RwSignal::new(false);
    Effect::watch(
        move || source.get(),
        move |_, _, _| card_open.set(false),
        false,
    );

    let loads = Loads::new();
    let article = LocalResource::new(move || {
        let source = source.get();
        let cancel = loads.next();
        async move {
            let url = source?;
            fetch_article(url.clone(), cancel)
                .await
                .map(|article| (article, url))
        }
    });
    let retry = Callback::new(move |()| article.refetch());

    view! {
        <Suspense fallback=|| view! { <Title text="Loading…"/> <ArticleSkeleton/> }>
            {move || Suspend::new(async move {
                match article.await {
                    Ok((article, json_url)) => {
                        let description = article
                            .dek
                            .clone()
                            .unwrap_or_else(|| article.headline.clone());
                        view! {
                            <Title text=article.headline.clone()/>
                            <Meta name="description" content=description/>
                            <DocumentLanguage lang=article.language.clone() dir=article.dir/>
                            <ArticleView article json_url articles_dir=articles_dir() card_open/>
                        }
                        .into_any()
                    }
                    Err(error) => view! {
                        <Title text=error.title()/>
                        <DocumentLanguage lang="en".to_string() dir=Dir::Ltr/>
                        <ErrorView error on_retry=retry/>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
