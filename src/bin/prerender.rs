//! Prerenders every bundled article to static HTML with the app's own components (a native,
//! server-side render), so a reader sees the article before the app has downloaded, and crawlers
//! and link previews get real content.
//!
//!   cargo run --features ssr --bin prerender -- DIST_DIR
//!
//! For each entry of `DIST_DIR/articles/index.json` it writes `DIST_DIR/articles/{id}/index.html`:
//! the built `index.html` with the article's title, description, Open Graph and Twitter tags,
//! canonical link and NewsArticle JSON-LD in the head, the rendered page in
//! `<div id="prerendered">`, and the article JSON inline (`<script type="application/json"
//! id="reader-data">`), which the app reads instead of fetching it again before it takes over.
//! Absolute URLs use READER_PUBLIC_URL (default http://127.0.0.1:8080), like the oEmbed files.

use std::{env, fs, path::Path, process::ExitCode};

use article_reader::components::{site_header::SiteHeader, ArticleView};
use article_reader::model::{
    parse_article, parse_index,
    seo::{canonical_url, json_ld, meta_tags, script_safe_json},
    Article,
};
use leptos::prelude::*;

/// The page body is rendered against this origin, then every URL on it is made root-relative,
/// so the static page works on whatever host serves it. (`.invalid` can never be a real host.)
const RENDER_ORIGIN: &str = "https://prerender.invalid";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Replaces the first occurrence of `from`, failing loudly if the template lacks it.
fn replace_once(page: &mut String, from: &str, to: &str) -> Result<(), String> {
    let at = page
        .find(from)
        .ok_or_else(|| format!("index.html has no {from:?}"))?;
    page.replace_range(at..at + from.len(), to);
    Ok(())
}

fn render_body(article: &Article, json_url: &str, articles_dir: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        // The interface words the app will show for this article (its language, when the app
        // speaks it), so nothing changes at takeover.
        article_reader::i18n::provide_ui_for(&article.language);
        let card_open = RwSignal::new(false);
        let article = article.clone();
        view! {
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <ArticleView
                    article
                    json_url=json_url.to_string()
                    articles_dir=articles_dir.to_string()
                    card_open
                />
            </main>
        }
        .to_html()
    })
}

/// `article` has its URLs resolved against the public base (for meta tags); `rendered` is the
/// same article resolved against [`RENDER_ORIGIN`] (for the body).
fn page_for(
    template: &str,
    article: &Article,
    rendered: &Article,
    json_text: &str,
    base: &str,
) -> Result<String, String> {
    let data_path = format!("/articles/{}.json", article.id);
    let page_url = format!("{base}/articles/{}", article.id);
    let mut page = template.to_string();

    let mut head = String::new();
    head.push_str(&format!(
        "<script type=\"application/json\" id=\"reader-data\" data-url=\"{}\">{}</script>",
        escape(&data_path),
        script_safe_json(json_text.trim())
    ));
    replace_once(
        &mut page,
        "<meta charset=utf-8>",
        &format!("<meta charset=utf-8>{head}"),
    )?;

    let mut tail = String::new();
    for (attr, name, content) in meta_tags(article, &page_url) {
        tail.push_str(&format!(
            "<meta {attr}=\"{name}\" content=\"{}\" data-prerendered>",
            escape(&content)
        ));
    }
    tail.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\" data-prerendered>",
        escape(&canonical_url(article, &page_url))
    ));
    tail.push_str(&format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\" data-prerendered>",
        escape(&format!("{base}/oembed/{}.json", article.id)),
        escape(&article.headline)
    ));
    tail.push_str(&format!(
        "<script type=\"application/ld+json\" data-prerendered>{}</script>",
        script_safe_json(&json_ld(article, &page_url).to_string())
    ));
    replace_once(&mut page, "</head>", &format!("{tail}</head>"))?;

    replace_once(
        &mut page,
        "<title>Article Reader</title>",
        &format!(
            "<title>{} · Article Reader</title>",
            escape(&article.headline)
        ),
    )?;
    replace_once(
        &mut page,
        "<html dir=ltr lang=en>",
        &format!(
            "<html dir={} lang=\"{}\">",
            article.dir.as_str(),
            escape(&article.language)
        ),
    )?;

    // The article replaces the "needs JavaScript" notice: without JavaScript it is readable.
    let body = render_body(
        &rendered,
        &format!("{RENDER_ORIGIN}{data_path}"),
        &format!("{RENDER_ORIGIN}/articles/"),
    )
    .replace(&format!("{RENDER_ORIGIN}/"), "/");
    // The rest of the body (the crash screen) stays, before the static copy.
    let start = page.find("<noscript>").ok_or("index.html has no <noscript>")?;
    let end = page[start..]
        .find("</noscript>")
        .ok_or("index.html has no </noscript>")?
        + start
        + "</noscript>".len();
    page.replace_range(start..end, &format!("<div id=\"prerendered\">{body}</div>"));
    Ok(page)
}

fn run(dir: &Path) -> Result<usize, String> {
    let base = env::var("READER_PUBLIC_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let base = base.trim_end_matches('/');
    let read = |p: &Path| fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let template = read(&dir.join("index.html"))?;
    let articles = dir.join("articles");
    let index = parse_index(
        &read(&articles.join("index.json"))?,
        &format!("{base}/articles/index.json"),
    )
    .map_err(|e| format!("articles/index.json: {}", e.title()))?;
    for summary in &index {
        let json_text = read(&articles.join(format!("{}.json", summary.id)))?;
        let json_url = format!("{base}/articles/{}.json", summary.id);
        let article = parse_article(&json_text, &json_url).map_err(|e| {
            let problems: Vec<String> = e.problems().iter().map(ToString::to_string).collect();
            format!(
                "articles/{}.json: {} {}",
                summary.id,
                e.title(),
                problems.join("; ")
            )
        })?;
        let out = articles.join(&summary.id);
        fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let rendered = parse_article(
            &json_text,
            &format!("{RENDER_ORIGIN}/articles/{}.json", summary.id),
        )
        .map_err(|e| e.title())?;
        let page = page_for(&template, &article, &rendered, &json_text, base)?;
        fs::write(out.join("index.html"), page).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    Ok(index.len())
}

fn main() -> ExitCode {
    let Some(dir) = env::args().nth(1) else {
        eprintln!("usage: prerender DIST_DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(&dir)) {
        Ok(n) => {
            println!("prerender: {n} articles written to {dir}/articles/{{id}}/index.html");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
