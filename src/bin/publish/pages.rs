//! The pages a publish prerenders with the app's own components (a native, server-side render
//! with Leptos islands): the front page, each article's page and its embed view. A reader sees
//! the page, and can use it (the editorial card, share and related links, an embed's size),
//! before any code has downloaded; crawlers and link previews get real content.
//!
//! Each page has its title and description in the head (articles also Open Graph and Twitter
//! tags, a canonical link, oEmbed discovery, the feeds and NewsArticle JSON-LD) and only the
//! inline scripts it runs. Its interactive parts are `#[island]` components, which the islands
//! bundle (scripts/build-islands.mjs) hydrates after the page's first paint and its lead image
//! (see [`islands_start`]): never the whole app. An article page carries its JSON inline for
//! Save.

use article_reader::facts;
use std::{fs, path::Path};

use article_reader::components::{
    embed_card::EmbedCard, progress::ReadingProgress, site_header::SiteHeader, status_bar::StatusBar, ArticleView,
};
use article_reader::contexts::island::EMBED_PAGE;
use article_reader::model::{
    embed::EmbedOptions,
    i18n::UiLang,
    links::in_app,
    seo::{crawler_head, description, json_ld, script_safe_json, HeadTag},
    Article, IndexPage,
};
use article_reader::pages::{
    embed::{EmbedFrame, EmbedOptionsCheck},
    home::FrontPage,
    search::SearchIsland,
};
use leptos::prelude::*;

use super::template::{PageParts, Template};

pub use article_reader::publish::{render_root, RENDER_ORIGIN};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Renders `view` natively with the interface language the app will use for content in
/// `content_lang`, so nothing changes at takeover; URLs on the render origin become
/// root-relative.
fn render<V: IntoView + 'static>(content_lang: &str, view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner
        .with(|| {
            article_reader::contexts::ui::provide_ui_for(content_lang);
            view().to_html()
        })
        .replace(&format!("{RENDER_ORIGIN}/"), "/")
}

/// Waits for the first paint and the page's lead image (an article's hero, the front page's
/// first picture: never a lazy one, which may not load until scrolled to, as a related
/// article's thumbnail under an article whose hero could not be published), whichever comes later, so the page's own content always has the network
/// before any code: a promise to `await` in a module script. With `reported`, the first paint
/// is the one the browser reports (its paint timing entry, when the frame was presented: later
/// than the frame's own callbacks), or at most 3 s after the first frame for a page that
/// paints nothing (a hidden frame); a browser without paint timing waits for a frame. Without
/// it (a page that hides its copy until the app renders it, so nothing would be painted), a
/// frame.
fn after_first_paint(scope: &str, reported: bool) -> String {
    let painted = if reported {
        "var done=false;function once(){if(!done){done=true;setTimeout(go,0)}}\
         requestAnimationFrame(function(){setTimeout(once,3000)});\
         var types=window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes||[];\
         if(types.indexOf('paint')<0)return frame();\
         new PerformanceObserver(function(list,o){o.disconnect();once()}).observe({type:'paint',buffered:true})"
    } else {
        "frame()"
    };
    format!(
        "await new Promise(function(go){{\
         var hero=document.querySelector('{scope}:is(.hero img,img.thumb):not([loading=lazy])');\
         function frame(){{requestAnimationFrame(function(){{setTimeout(go,0)}})}}\
         function painted(){{{painted}}}\
         if(!hero||hero.complete)painted();\
         else{{hero.addEventListener('load',painted);hero.addEventListener('error',painted)}}}});"
    )
}

/// One kind of page's islands bundle (scripts/build-islands.mjs): its JavaScript and wasm, as
/// page addresses.
pub struct Bundle {
    pub js: String,
    wasm: String,
}

/// The islands bundles, one per kind of prerendered page: each has only that page's islands.
pub struct Islands {
    pub front: Bundle,
    pub article: Bundle,
    pub embed: Bundle,
    pub search: Bundle,
}

impl Islands {
    /// Finds the bundles in `dir`: for each page exactly one `islands-{page}-{hash}.js` and its
    /// `_bg.wasm`, all of one build (one hash).
    pub fn find(dir: &Path) -> Result<Self, String> {
        let names: Vec<String> = fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let mut hashes = Vec::new();
        let mut bundle = |page: &str| -> Result<Bundle, String> {
            // `islands-{page}-{hash}.js`: the main module's glue (the split's loader and chunks
            // carry a name before their hash).
            let found: Vec<&String> = names
                .iter()
                .filter(|n| {
                    n.strip_prefix(&format!("islands-{page}-"))
                        .and_then(|n| n.strip_suffix(".js"))
                        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
                })
                .collect();
            let [js] = found.as_slice() else {
                return Err(format!(
                    "{}: expected one islands bundle for the {page} page (islands-{page}-{{hash}}.js, from scripts/build-islands.mjs), found {}",
                    dir.display(),
                    found.len()
                ));
            };
            let wasm = js.replace(".js", "_bg.wasm");
            if !dir.join(&wasm).is_file() {
                return Err(format!("{}: {js} has no {wasm}", dir.display()));
            }
            hashes.push(js[js.len() - 19..js.len() - 3].to_string());
            Ok(Bundle {
                js: in_app(&format!("/{js}")),
                wasm: in_app(&format!("/{wasm}")),
            })
        };
        let islands = Islands {
            front: bundle("front")?,
            article: bundle("article")?,
            embed: bundle("embed")?,
            search: bundle("search")?,
        };
        if hashes.iter().any(|h| *h != hashes[0]) {
            return Err(format!(
                "{}: the islands bundles come from different builds ({}): run the code build again (scripts/build.sh)",
                dir.display(),
                hashes.join(", ")
            ));
        }
        Ok(islands)
    }

    /// The bundles' addresses, for a fingerprint of the code build.
    pub fn names(&self) -> String {
        format!(
            "{} {} {} {}",
            self.front.js, self.article.js, self.embed.js, self.search.js
        )
    }
}

/// Islands hydrated later than the page's others, each when it is first needed: `visible`, as
/// it comes near the screen; `idle`, when the browser has nothing else to do. Only islands whose
/// first render cannot differ from the page's HTML, whatever the shared state has become
/// meanwhile (the network state, the interface language, a settings notice):
/// - `OfflineMark` (a related article's "Available offline"): its first render is an empty
///   `<span>` whatever the state (the mark comes from a cache lookup after it runs), and it
///   sits in the related list at the foot of the article, seldom on the first screen.
/// - `EmbedOptionsCheck` (an embed's ignored options, reported in the console): it renders
///   nothing, and its report is for the partner's developer, not the reader.
///
/// Every other island renders words or states from the shared state at once (the header, the
/// status line, Save, Listen, Share, the reading progress and its resume offer, the front
/// page's list), so it hydrates with the page's first task.
pub const LATER: [(&str, &str); 2] = [("OfflineMark", "visible"), ("EmbedOptionsCheck", "idle")];

/// How a prerendered page comes to life, after [`after_first_paint`]: the interface catalogue
/// the page names (`<html data-catalog>`, for any language but English) is fetched with the
/// code and kept before anything renders (the islands' first render is in the page's
/// language); one that cannot come is an error the page reports, and nothing hydrates: the
/// page stays what it is. Then its page's islands bundle hydrates every `<leptos-island>` (each is one exported function of the bundle) and nothing
/// else, then marks `<html data-live>`. The page's HTML stays what the reader already has.
/// The mark means that every island on the page ran, or waits for its moment ([`LATER`]: such
/// an island is marked `data-later` until it runs): an island whose function the bundle lacks
/// (a bundle from another build) is an error the page reports, naming each one, and the page
/// is never marked live; the islands found still run, so what works keeps working.
/// All in one task, never yielding between two islands: the islands share state that effects
/// change after the first render (the network state, a settings problem's notice), and an
/// island hydrated after such an effect would not find the HTML it expects (those of
/// [`LATER`] render the same whatever that state).
pub fn islands_start(islands: &Bundle) -> String {
    let later = LATER
        .iter()
        .map(|(name, when)| format!("{name}:\"{when}\""))
        .collect::<Vec<_>>()
        .join(",");
    format!(
        "{wait}const c=document.documentElement.dataset.catalog,words=c?fetch(c).then(function(r){{if(!r.ok)throw new Error(\"the interface's words (\"+c+\"): HTTP \"+r.status);return r.text()}}):null;\
         const m=await import(\"{js}\");await m.default({{module_or_path:\"{wasm}\"}});\
         if(words&&!m.install_catalog(await words))throw new Error(\"the interface's words (\"+c+\") are not this build's\");\
         m.hydrate();\
         const later={{{later}}},missing=[],seen=[],idle=[];\
         for(const el of document.querySelectorAll(\"leptos-island\")){{const name=el.dataset.component,f=m[name];\
         if(typeof f!==\"function\"){{missing.push(name);continue}}\
         const when=later[name.replace(/_\\d+$/,\"\")];\
         if(!when){{f(el);continue}}\
         el.dataset.later=when;const run=function(){{if(el.dataset.later){{delete el.dataset.later;f(el)}}}};\
         if(when===\"idle\")idle.push(run);else seen.push([el.parentElement,run])}}\
         if(seen.length){{const io=new IntersectionObserver(function(entries){{for(const e of entries)if(e.isIntersecting){{io.unobserve(e.target);for(const s of seen)if(s[0]===e.target)s[1]()}}}},{{rootMargin:\"300px\"}});for(const s of seen)io.observe(s[0])}}\
         if(idle.length)(window.requestIdleCallback||function(f){{setTimeout(f,200)}})(function(){{for(const run of idle)run()}});\
         if(missing.length)throw new Error(\"islands missing from the bundle {js}: \"+missing.join(\", \"));\
         document.documentElement.setAttribute(\"data-live\",\"islands\");",
        wait = after_first_paint("", true),
        js = islands.js,
        wasm = islands.wasm,
    )
}

/// The whole app instead, which takes the page over (it renders the page again and removes the
/// static copy in `#prerendered`): for an embed opened with another language than its own.
fn app_start(template: &Template) -> String {
    format!(
        "{wait}const m=await import(\"{js}\");await m.default({{module_or_path:\"{wasm}\"}});",
        wait = after_first_paint(&format!("#{} ", facts::PRERENDERED_ID), false),
        js = template.app_js,
        wasm = template.app_wasm,
    )
}

/// An embed's start: the whole app when the page's script asked for another language (it marks
/// `html.embed-lang`), else its islands.
pub fn embed_start(template: &Template, islands: &Bundle) -> String {
    format!(
        "if(document.documentElement.classList.contains(\"embed-lang\")){{{}}}else{{{}}}",
        app_start(template),
        islands_start(islands)
    )
}

/// The `index.html` scripts an article page or the front page runs: the Trusted Types policy
/// and crash screen, the reader's settings before the first paint, and the service worker's
/// early messages. Not the early fetch (the page has its data) nor the embed's options.
const PAGE_PARTS: [&str; 3] = ["policy", "settings", "sw-messages"];

/// An embed's: the policy and crash screen, and its options and sizing.
const EMBED_PARTS: [&str; 2] = ["policy", "embed"];

/// The search page's: an article page's, and the bridge to the search index (which also fills
/// the box from the address before any code runs).
const SEARCH_PARTS: [&str; 4] = ["policy", "settings", "sw-messages", "search"];

/// The page's head tags as HTML, each marked `data-prerendered` (the app removes them when it
/// shows another page, and renders `seo::article_head` itself).
pub fn head_html(tags: &[HeadTag]) -> String {
    let mut html = String::new();
    for tag in tags {
        html.push_str(&match tag {
            HeadTag::Meta { attr, name, content } => {
                format!(
                    "<meta {attr}=\"{name}\" content=\"{}\" data-prerendered>",
                    escape(content)
                )
            }
            HeadTag::Link { rel, href } => format!("<link rel=\"{rel}\" href=\"{}\" data-prerendered>", escape(href)),
            HeadTag::Alternate { type_, href, title } => format!(
                "<link rel=\"alternate\" type=\"{type_}\" href=\"{}\"{} data-prerendered>",
                escape(href),
                title
                    .as_ref()
                    .map(|t| format!(" title=\"{}\"", escape(t)))
                    .unwrap_or_default()
            ),
        });
    }
    html
}

/// `/articles/{id}`. `article` has its URLs resolved against the public base (for meta tags);
/// `rendered` is the same article resolved against [`RENDER_ORIGIN`] (for the body).
pub fn article_page(
    template: &Template,
    islands: &Islands,
    article: &Article,
    rendered: &Article,
    json_text: &str,
    base: &str,
    extra_head: &str,
) -> Result<String, String> {
    let page_url = format!("{base}/articles/{}", article.id);
    let oembed = format!("{base}/oembed/{}.json", article.id);
    let head = format!(
        "{}{extra_head}<script type=\"application/ld+json\" data-prerendered>{}</script>",
        head_html(&crawler_head(article, &page_url, Some(oembed))),
        script_safe_json(&json_ld(article, &page_url).to_string())
    );
    article_reader::platform::render_at(&page_url);
    let rendered = rendered.clone();
    let body = render(&article.language, move || {
        let json_url = format!("{}/articles/{}.json", render_root(), rendered.id);
        view! {
            <SiteHeader/>
            <StatusBar/>
            <main id="main" tabindex="-1">
                <ReadingProgress json_url=json_url/>
                <ArticleView
                    article=rendered.clone()
                    json_url=format!("{}/articles/{}.json", render_root(), rendered.id)
                    articles_dir=format!("{}/articles/", render_root())
                    card_open=RwSignal::new(false)
                />
            </main>
        }
    });
    // Save reads the article's JSON: it is inline, where the app's fetch finds it.
    let data = format!(
        "<script type=\"application/json\" id=\"{}\" data-url=\"{}\">{}</script>",
        facts::READER_DATA_ID,
        escape(&in_app(&format!("/articles/{}.json", article.id))),
        script_safe_json(json_text.trim())
    );
    template.render_page(&PageParts {
        title: &article.headline,
        lang: &article.language,
        dir: article.dir.as_str(),
        islands_mark: "",
        head: &head,
        first_in_head: Some(&data),
        parts: &PAGE_PARTS,
        body: &body,
        start: &islands_start(&islands.article),
    })
}

/// `/embed/{id}`, with the default options: the page's script applies the query's `theme`,
/// `accent` and `parts` to it before the first paint. Its islands are the share controls and
/// the options check. Opened with `lang` (the page's script marks `html.embed-lang` and hides
/// the copy), the app renders it instead: its words and dates follow any language tag, which
/// no page prepared at build time can.
pub fn embed_page(
    template: &Template,
    islands: &Islands,
    article: &Article,
    rendered: &Article,
    base: &str,
) -> Result<String, String> {
    // Where "Read on …" and the share links lead: the article's canonical URL, else its page.
    let read_url = article
        .url
        .clone()
        .unwrap_or_else(|| format!("{base}/articles/{}", article.id));
    article_reader::platform::render_at(&format!("{base}/embed/{}", article.id));
    let rendered = rendered.clone();
    let body = render(&article.language, move || {
        view! {
            <main id="main" tabindex="-1">
                <EmbedFrame options=Signal::stored(EmbedOptions::default())>
                    <EmbedCard
                        article=rendered.clone()
                        lang=None
                        read_url=read_url.clone()
                        card_open=RwSignal::new(false)
                    />
                </EmbedFrame>
                <EmbedOptionsCheck/>
            </main>
        }
    });
    let head = head_html(&[description(article.dek.as_deref().unwrap_or(&article.headline))]);
    let body = format!("<div id=\"{}\">{body}</div>", facts::PRERENDERED_ID);
    let start = embed_start(template, &islands.embed);
    template.render_page(&PageParts {
        title: &article.headline,
        lang: &article.language,
        dir: article.dir.as_str(),
        islands_mark: EMBED_PAGE,
        head: &head,
        first_in_head: None,
        parts: &EMBED_PARTS,
        body: &body,
        start: &start,
    })
}

/// `/`: the front page, in the interface's default language (its island then follows the
/// browser's). The first page of the index is the island's props: no other copy of it.
pub fn front_page(template: &Template, islands: &Islands, first: &IndexPage) -> Result<String, String> {
    let catalog = UiLang::En.catalog();
    let (list, next) = (first.articles.clone(), first.next.clone());
    article_reader::platform::render_at(&format!("{}/", render_root()));
    let body = render("en", move || {
        view! {
            <SiteHeader/>
            <StatusBar/>
            <main id="main" tabindex="-1">
                <FrontPage list=list.clone() next=next.clone()/>
            </main>
        }
    });
    template.render_page(&PageParts {
        title: catalog.latest_articles,
        lang: UiLang::En.tag(),
        dir: "ltr",
        islands_mark: "",
        // The JSON the page is made from, named for the service worker to cache (`platform::fetch::inline_data_urls`).
        head: &head_html(&[
            description(catalog.front_description),
            HeadTag::Alternate {
                type_: "application/json",
                href: in_app("/articles/index.json"),
                title: None,
            },
        ]),
        first_in_head: None,
        parts: &PAGE_PARTS,
        body: &body,
        start: &islands_start(&islands.front),
    })
}

/// `/search`: the box, the header and the empty state, in the interface's default language (its
/// island then follows the browser's, as the front page's does). A form before and without any
/// code (`?q=` fills the box); the island brings the search, Pagefind and the results. The same
/// page for every query: a host serves it for `/search?q=…`.
pub fn search_page(template: &Template, islands: &Islands) -> Result<String, String> {
    let catalog = UiLang::En.catalog();
    article_reader::platform::render_at(&format!("{}/search", render_root()));
    let body = render("en", move || {
        view! {
            <SiteHeader/>
            <StatusBar/>
            <main id="main" tabindex="-1">
                <SearchIsland/>
            </main>
        }
    });
    template.render_page(&PageParts {
        title: catalog.search_title,
        lang: UiLang::En.tag(),
        dir: "ltr",
        islands_mark: "",
        head: &head_html(&[description(catalog.search_description)]),
        first_in_head: None,
        parts: &SEARCH_PARTS,
        body: &body,
        start: &islands_start(&islands.search),
    })
}
