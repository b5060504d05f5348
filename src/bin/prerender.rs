//! Prerenders every page known at build time to static HTML with the app's own components (a
//! native, server-side render): the front page, every bundled article and its embed view. A
//! reader sees the page, and can use it (the editorial card, share and related links, an embed's
//! size), before the app has downloaded; crawlers and link previews get real content.
//!
//!   cargo run --features ssr --bin prerender -- DIST_DIR
//!
//! It writes, from the built `index.html` (Trunk's output):
//! - `DIST_DIR/shell.html`: that page unchanged, the app shell every other route is served
//!   (`/read`, `/saved`, unknown paths: the SPA fallback, and the service worker's answer to
//!   navigations);
//! - `DIST_DIR/index.html`: the front page;
//! - `DIST_DIR/articles/{id}/index.html` and `DIST_DIR/embed/{id}/index.html` for each entry
//!   of `DIST_DIR/articles/index.json`.
//!
//! Each page has its title and description in the head (articles also Open Graph and Twitter
//! tags, a canonical link, oEmbed discovery and NewsArticle JSON-LD), the rendered page in
//! `<div id="prerendered">`, and its JSON inline (`<script type="application/json"
//! id="reader-data">`), which the app reads instead of fetching it again before it takes over.
//! The app itself is started only after the page's first paint and its hero image, so it never
//! competes with them for the network (see [`defer_app`]). Absolute URLs use READER_PUBLIC_URL
//! (default http://127.0.0.1:8080), like the oEmbed files.

use std::{env, fs, path::Path, process::ExitCode};
use article_reader::{facts, site};

use article_reader::components::{
    embed_card::EmbedCard, progress::ReadingProgress, site_header::SiteHeader, status_bar::StatusBar, ArticleView,
};
use article_reader::model::{
    embed::EmbedOptions,
    links::in_app,
    i18n::UiLang,
    parse_article,
    validate::parse_index_page,
    seo::{canonical_url, json_ld, meta_tags, script_safe_json},
    Article, Summary,
};
use article_reader::pages::{
    embed::EmbedFrame,
    home::{ArticleList, FrontPage},
};
use leptos::prelude::*;

/// The page body is rendered against this origin, then every URL on it is made root-relative,
/// so the static page works on whatever host serves it. (`.invalid` can never be a real host.)
const RENDER_ORIGIN: &str = "https://prerender.invalid";

/// The reader's folder on [`RENDER_ORIGIN`], without the closing `/` (the site's `base_path`).
fn render_root() -> String {
    format!("{RENDER_ORIGIN}{}", site::BASE_PATH.trim_end_matches('/'))
}

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

/// Removes Trunk's two `<link rel=preload|modulepreload>` of the app's JavaScript and wasm,
/// which would fetch them as soon as the page starts.
fn remove_app_preloads(page: &mut String) -> Result<(), String> {
    // Trunk writes them minified, attributes sorted: `<link crossorigin href=/….js … rel=modulepreload>`.
    let mut removed = 0;
    let mut from = 0;
    while let Some(at) = page[from..].find("<link ") {
        let start = from + at;
        let end = start + page[start..].find('>').ok_or("unterminated <link>")? + 1;
        let tag = &page[start..end];
        let preload = tag.contains("rel=modulepreload") || tag.contains("rel=preload");
        if preload && (tag.contains(".js ") || tag.contains(".wasm ")) {
            page.replace_range(start..end, "");
            removed += 1;
            from = start;
        } else {
            from = end;
        }
    }
    if removed != 2 {
        return Err(format!(
            "index.html: expected Trunk's two preloads of the app, found {removed} (Trunk's output changed?)"
        ));
    }
    Ok(())
}

/// Where the body of Trunk's start-up script (`<script type=module>`) is in `page`.
fn app_script(page: &str) -> Result<std::ops::Range<usize>, String> {
    let open = "<script type=module>";
    let start = page
        .find(open)
        .ok_or("index.html has no <script type=module> (Trunk's output changed?)")?
        + open.len();
    let end = start + page[start..].find("</script>").ok_or("unterminated <script>")?;
    Ok(start..end)
}

/// Waits for the first paint and the page's lead image (an article's hero, the front page's
/// first picture), whichever comes later, so the page's own content always has the network
/// before any code: a promise to `await` in a module script.
fn after_first_paint(scope: &str) -> String {
    format!(
        "await new Promise(function(go){{\
         var hero=document.querySelector('{scope}:is(.hero img,img.thumb)');\
         function painted(){{requestAnimationFrame(function(){{setTimeout(go,0)}})}}\
         if(!hero||hero.complete)painted();\
         else{{hero.addEventListener('load',painted);hero.addEventListener('error',painted)}}}});"
    )
}

/// Trunk's start-up: the module script that imports the app's JavaScript and instantiates the
/// wasm, and the two preloads that fetch them as soon as the page starts. On a prerendered page
/// that the app takes over (the front page, an embed) the app is an enhancement: the preloads
/// go, and the script waits for [`after_first_paint`] before it imports the app. The import
/// becomes a dynamic `import()`, since a static one is fetched before the module runs at all.
fn defer_app(page: &mut String) -> Result<(), String> {
    remove_app_preloads(page)?;
    let range = app_script(page)?;
    let script = &page[range.clone()];
    // `import init, * as bindings from '/article-reader-….js';`
    let import_start = script
        .find("import init, * as bindings from ")
        .ok_or("Trunk's start-up script has no `import init, * as bindings from`")?;
    let import_end = import_start + script[import_start..].find(';').ok_or("no ';'")? + 1;
    let from = script[import_start..import_end]
        .trim_start_matches("import init, * as bindings from ")
        .trim_end_matches(';')
        .to_string();
    let rest = format!("{}{}", &script[..import_start], &script[import_end..]);
    let deferred = format!(
        "{}const bindings=await import({from});const init=bindings.default;{rest}",
        after_first_paint(&format!("#{} ", facts::PRERENDERED_ID)),
    );
    page.replace_range(range, &deferred);
    Ok(())
}

/// The islands bundle (scripts/build-islands.mjs): its JavaScript and wasm, as page addresses.
struct Islands {
    js: String,
    wasm: String,
}

impl Islands {
    /// Finds the bundle in `dir`: exactly one `islands-{hash}.js` and its `_bg.wasm`.
    fn find(dir: &Path) -> Result<Self, String> {
        let names: Vec<String> = fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("islands-") && n.ends_with(".js"))
            .collect();
        let [js] = names.as_slice() else {
            return Err(format!(
                "{}: expected one islands bundle (islands-{{hash}}.js, from scripts/build-islands.mjs), found {}",
                dir.display(),
                names.len()
            ));
        };
        let wasm = js.replace(".js", "_bg.wasm");
        if !dir.join(&wasm).is_file() {
            return Err(format!("{}: {js} has no {wasm}", dir.display()));
        }
        Ok(Islands { js: in_app(&format!("/{js}")), wasm: in_app(&format!("/{wasm}")) })
    }
}

/// A page whose interactive parts are islands: Trunk's start-up script (and its preloads) give
/// way to the islands bundle, which waits for [`after_first_paint`], hydrates every
/// `<leptos-island>` (each is one exported function of the bundle) and nothing else, then marks
/// `<html data-live>`. The page's HTML stays what the reader already has.
fn islands_app(page: &mut String, islands: &Islands) -> Result<(), String> {
    remove_app_preloads(page)?;
    let range = app_script(page)?;
    let loader = format!(
        "{wait}const m=await import(\"{js}\");await m.default({{module_or_path:\"{wasm}\"}});m.hydrate();\
         for(const el of document.querySelectorAll(\"leptos-island\")){{const f=m[el.dataset.component];if(f)f(el)}}\
         document.documentElement.setAttribute(\"data-live\",\"islands\");",
        wait = after_first_paint(""),
        js = islands.js,
        wasm = islands.wasm,
    );
    page.replace_range(range, &loader);
    Ok(())
}

/// A page from the template: `head` goes before `</head>`, `title` replaces the title,
/// `body` the "needs JavaScript" notice (the crash screen stays, before it), and the JSON at
/// `data_path` is inlined for the app.
struct Page<'a> {
    /// How the page comes to life: the islands bundle, or the app taking it over.
    islands: Option<&'a Islands>,
    title: &'a str,
    lang: &'a str,
    dir: &'a str,
    head: String,
    data_path: &'a str,
    data: &'a str,
    body: String,
}

fn page_from(template: &str, p: Page) -> Result<String, String> {
    let mut page = template.to_string();
    replace_once(
        &mut page,
        "<meta charset=utf-8>",
        &format!(
            "<meta charset=utf-8><script type=\"application/json\" id=\"{}\" data-url=\"{}\">{}</script>",
            facts::READER_DATA_ID,
            escape(p.data_path),
            script_safe_json(p.data.trim())
        ),
    )?;
    replace_once(&mut page, "</head>", &format!("{}</head>", p.head))?;
    replace_once(
        &mut page,
        &format!("<title>{}</title>", escape(site::NAME)),
        &format!("<title>{} · {}</title>", escape(p.title), escape(site::NAME)),
    )?;
    replace_once(
        &mut page,
        "<html dir=ltr lang=en>",
        &format!(
            "<html dir={} lang=\"{}\"{}>",
            p.dir,
            escape(p.lang),
            if p.islands.is_some() { " data-islands" } else { "" }
        ),
    )?;
    let start = page.find("<noscript>").ok_or("index.html has no <noscript>")?;
    let end = page[start..]
        .find("</noscript>")
        .ok_or("index.html has no </noscript>")?
        + start
        + "</noscript>".len();
    match p.islands {
        Some(islands) => {
            page.replace_range(start..end, &p.body);
            islands_app(&mut page, islands)?;
        }
        None => {
            page.replace_range(start..end, &format!("<div id=\"{}\">{}</div>", facts::PRERENDERED_ID, p.body));
            defer_app(&mut page)?;
        }
    }
    Ok(page)
}

/// A page showing `article` (its title, language and direction), with its JSON inline.
fn article_page_from(
    template: &str,
    islands: Option<&Islands>,
    article: &Article,
    head: String,
    json_text: &str,
    body: String,
) -> Result<String, String> {
    page_from(
        template,
        Page {
            islands,
            title: &article.headline,
            lang: &article.language,
            dir: article.dir.as_str(),
            head,
            data_path: &in_app(&format!("/articles/{}.json", article.id)),
            data: json_text,
            body,
        },
    )
}

fn description_tag(text: &str) -> String {
    format!(
        "<meta name=\"description\" content=\"{}\" data-prerendered>",
        escape(text)
    )
}

/// `/articles/{id}`. `article` has its URLs resolved against the public base (for meta tags);
/// `rendered` is the same article resolved against [`RENDER_ORIGIN`] (for the body).
fn article_page(
    template: &str,
    islands: &Islands,
    article: &Article,
    rendered: &Article,
    json_text: &str,
    base: &str,
) -> Result<String, String> {
    let page_url = format!("{base}/articles/{}", article.id);
    let mut head = String::new();
    for (attr, name, content) in meta_tags(article, &page_url) {
        head.push_str(&format!(
            "<meta {attr}=\"{name}\" content=\"{}\" data-prerendered>",
            escape(&content)
        ));
    }
    head.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\" data-prerendered>",
        escape(&canonical_url(article, &page_url))
    ));
    head.push_str(&format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\" data-prerendered>",
        escape(&format!("{base}/oembed/{}.json", article.id)),
        escape(&article.headline)
    ));
    head.push_str(&format!(
        "<script type=\"application/ld+json\" data-prerendered>{}</script>",
        script_safe_json(&json_ld(article, &page_url).to_string())
    ));
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
    article_page_from(template, Some(islands), article, head, json_text, body)
}

/// `/embed/{id}`, with the default options: the page's script applies the query's `theme`,
/// `accent` and `parts` to it before the first paint.
fn embed_page(
    template: &str,
    article: &Article,
    rendered: &Article,
    json_text: &str,
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
            </main>
        }
    });
    let head = description_tag(article.dek.as_deref().unwrap_or(&article.headline));
    article_page_from(template, None, article, head, json_text, body)
}

/// `/`: the front page, in the interface's default language (the app follows the browser's).
fn front_page(template: &str, list: &[Summary], index_text: &str) -> Result<String, String> {
    let catalog = UiLang::En.catalog();
    let list = list.to_vec();
    let body = render("en", move || {
        view! {
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <FrontPage>
                    <ArticleList list=list.clone()/>
                </FrontPage>
            </main>
        }
    });
    page_from(
        template,
        Page {
            islands: None,
            title: catalog.latest_articles,
            lang: UiLang::En.tag(),
            dir: "ltr",
            head: description_tag(catalog.front_description),
            data_path: &in_app("/articles/index.json"),
            data: index_text,
            body,
        },
    )
}

fn read(p: &Path) -> Result<String, String> {
    fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn write(p: &Path, text: String) -> Result<(), String> {
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(p, text).map_err(|e| format!("{}: {e}", p.display()))
}

fn run(dir: &Path) -> Result<(usize, usize, usize), String> {
    // The site's public address (site.json), which READER_PUBLIC_URL overrides (as for oEmbed).
    // `base` is the reader's folder there (`base_path`), without the closing `/`.
    let origin = env::var("READER_PUBLIC_URL").unwrap_or_else(|_| site::PUBLIC_URL.into());
    let base = format!("{}{}", origin.trim_end_matches('/'), site::BASE_PATH.trim_end_matches('/'));
    let base = base.as_str();
    // Trunk's index.html is the template; a second run (Trunk re-running its hooks) finds it
    // already kept as shell.html.
    let shell = dir.join("shell.html");
    let template = if shell.exists() {
        read(&shell)?
    } else {
        read(&dir.join("index.html"))?
    };
    write(&shell, template.clone())?;

    let islands = Islands::find(dir)?;
    let articles = dir.join("articles");
    let index_text = read(&articles.join("index.json"))?;
    let first = parse_index_page(&index_text, &format!("{}/articles/index.json", render_root()))
        .map_err(|e| format!("articles/index.json: {}", e.title()))?;
    write(
        &dir.join("index.html"),
        front_page(&template, &first.articles, &index_text)?,
    )?;
    // Every page of a paged index (`next`), each a file of this build; each article once.
    let mut index = first.articles.clone();
    let mut next = first.next.clone();
    let mut pages = vec![format!("{}/articles/index.json", render_root())];
    while let Some(url) = next.take() {
        let file = url
            .strip_prefix(&format!("{}/", render_root()))
            .filter(|f| !f.contains("..") && !f.contains(['?', '#']))
            .ok_or_else(|| format!("{}: its next page {url} is not a file of this build", pages[pages.len() - 1]))?;
        if pages.contains(&url) {
            return Err(format!("{file}: the index's pages go round in a circle"));
        }
        let text = read(&dir.join(file))?;
        let page = parse_index_page(&text, &url).map_err(|e| format!("{file}: {}", e.title()))?;
        pages.push(url);
        for s in page.articles {
            if !index.iter().any(|known| known.id == s.id) {
                index.push(s);
            }
        }
        next = page.next;
    }
    // The islands bundle's name (its hash) is part of the article pages too.
    let mut cache = Cache::open(&format!("{template}{}", islands.js), base);
    for summary in &index {
        let json_text = read(&articles.join(format!("{}.json", summary.id)))?;
        // Unchanged since a build with the same template: the pages are taken from the cache.
        let targets = [articles.join(&summary.id).join("index.html"), dir.join("embed").join(&summary.id).join("index.html")];
        if cache.restore(&json_text, &targets)? {
            continue;
        }
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
        let rendered = parse_article(
            &json_text,
            &format!("{}/articles/{}.json", render_root(), summary.id),
        )
        .map_err(|e| e.title())?;
        let pages = [
            article_page(&template, &islands, &article, &rendered, &json_text, base)?,
            embed_page(&template, &article, &rendered, &json_text, base)?,
        ];
        for (target, page) in targets.iter().zip(pages) {
            cache.store(&json_text, target, &page)?;
            write(target, page)?;
        }
    }
    let reused = cache.finish();
    manifest_shortcuts(dir)?;
    Ok((index.len(), reused, pages.len()))
}

/// FNV-1a, 64 bits: a stable fingerprint of a page's inputs (not for security).
fn fingerprint(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The prerendered pages of earlier builds, by the fingerprint of everything that makes them:
/// the app's template (which changes with the app), the public address, the site's
/// configuration (compiled in: part of the binary, hence of its path's modification) and the
/// article's JSON. A build after one article changed renders that article's pages only.
/// Kept in `target/prerender-cache/` (`READER_PRERENDER_CACHE` to move it); entries this build
/// did not use are removed at the end.
struct Cache {
    dir: Option<std::path::PathBuf>,
    salt: String,
    used: std::collections::HashSet<std::path::PathBuf>,
    reused: usize,
}

impl Cache {
    fn open(template: &str, base: &str) -> Self {
        let dir = env::var("READER_PRERENDER_CACHE")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/prerender-cache"));
        // The binary itself (its size and time) stands for the components and the site's
        // configuration compiled into it.
        let binary = env::current_exe()
            .ok()
            .and_then(|p| fs::metadata(p).ok())
            .map(|m| format!("{}:{:?}", m.len(), m.modified().ok()))
            .unwrap_or_default();
        let salt = format!("{:016x}", fingerprint(&[template, base, &binary]));
        let dir = fs::create_dir_all(&dir).ok().map(|()| dir);
        Cache { dir, salt, used: Default::default(), reused: 0 }
    }

    fn entry(&self, json_text: &str, target: &Path) -> Option<std::path::PathBuf> {
        let kind = target.parent()?.parent()?.file_name()?.to_string_lossy().to_string();
        let key = fingerprint(&[&self.salt, &kind, json_text]);
        Some(self.dir.as_ref()?.join(format!("{key:016x}.html")))
    }

    /// Copies the cached pages to `targets` when every one of them is cached.
    fn restore(&mut self, json_text: &str, targets: &[std::path::PathBuf]) -> Result<bool, String> {
        let entries: Option<Vec<_>> = targets.iter().map(|t| self.entry(json_text, t).filter(|e| e.is_file())).collect();
        let Some(entries) = entries else { return Ok(false) };
        for (entry, target) in entries.iter().zip(targets) {
            write(target, read(entry)?)?;
            self.used.insert(entry.clone());
        }
        self.reused += 1;
        Ok(true)
    }

    fn store(&mut self, json_text: &str, target: &Path, page: &str) -> Result<(), String> {
        if let Some(entry) = self.entry(json_text, target) {
            // A cache that cannot be written only makes the next build slower.
            let _ = fs::write(&entry, page);
            self.used.insert(entry);
        }
        Ok(())
    }

    /// Removes the entries this build did not use; returns how many articles came from it.
    fn finish(self) -> usize {
        if let Some(entries) = self.dir.as_ref().and_then(|d| fs::read_dir(d).ok()) {
            for entry in entries.flatten() {
                if !self.used.contains(&entry.path()) {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
        self.reused
    }
}

/// Adds the installed app's shortcut to the Saved page to the manifest (written by
/// scripts/build-site.mjs), named in the site's default language from the catalogues.
fn manifest_shortcuts(dir: &Path) -> Result<(), String> {
    let path = dir.join("manifest.webmanifest");
    let mut manifest: serde_json::Value =
        serde_json::from_str(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    let words = UiLang::from_tag(site::DEFAULT_LANGUAGE).unwrap_or(UiLang::En).catalog();
    manifest["shortcuts"] = serde_json::json!([{
        "name": words.saved_title,
        "short_name": words.nav_saved,
        "url": in_app("/saved"),
        "icons": [{ "src": in_app("/icons/icon-192.png"), "sizes": "192x192", "type": "image/png" }],
    }]);
    let pretty = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    write(&path, pretty + "\n")
}

fn main() -> ExitCode {
    let Some(dir) = env::args().nth(1) else {
        eprintln!("usage: prerender DIST_DIR | prerender --catalogues");
        return ExitCode::from(2);
    };
    // For the language tests: every interface text, per language, as JSON.
    if dir == "--catalogues" {
        let all: serde_json::Map<String, serde_json::Value> = article_reader::model::i18n::UiLang::ALL
            .iter()
            .map(|l| {
                let texts = l.catalog().entries().into_iter().map(|(k, v)| (k.to_string(), v.into())).collect();
                (l.tag().to_string(), serde_json::Value::Object(texts))
            })
            .collect();
        println!("{}", serde_json::Value::Object(all));
        return ExitCode::SUCCESS;
    }
    match run(Path::new(&dir)) {
        Ok((n, reused, pages)) => {
            println!(
                "prerender: the front page, {n} articles ({reused} unchanged, from the cache) and their embeds written to {dir}/ from {pages} index page(s) (app shell: {dir}/shell.html)"
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
