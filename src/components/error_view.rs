//! A specific, actionable error state (never a blank page).

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::links::in_app;
use crate::model::LoadError;

#[component]
pub fn ErrorView(
    error: LoadError,
    /// Called by the Retry button; no button when the error cannot be fixed by retrying.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
    /// Inside a page that already has its h1: the title becomes an h2.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let t = crate::contexts::ui::use_text();
    let problems = error.problems().to_vec();
    let retry = on_retry.filter(|_| error.retryable()).map(|cb| {
        view! {
            <button type="button" class="retry" on:click=move |_| cb.run(())>{move || t().retry}</button>
        }
    });
    view! {
        <div class="error-state" role="alert" data-error=error.kind()>
            {
                let e = error.clone();
                let title = move || e.title_in(t());
                if nested {
                    Either::Left(view! { <h2>{title}</h2> })
                } else {
                    Either::Right(view! { <h1>{title}</h1> })
                }
            }
            <p class="error-message">{
                let e = error.clone();
                move || e.message_in(t())
            }</p>
            {(!problems.is_empty())
                .then(|| {
                    view! {
                        <ul class="problems">
                            {problems
                                .into_iter()
                                .map(|p| view! { <li><code>{p.path}</code> ": " {p.message}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
            <p class="error-actions">
                {retry}
                <a href=in_app("/") class="home-link">{move || t().back_home}</a>
                {matches!(error, LoadError::Offline { .. })
                    .then(|| view! { <a href=in_app("/saved") class="saved-link">{move || t().your_saved}</a> })}
            </p>
        </div>
    }
}
