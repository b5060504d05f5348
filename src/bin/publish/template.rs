//! The prerender's page template: Trunk's built `index.html` (the app shell), read once and
//! filled by element, never by its text, so that a change in how Trunk writes or minifies the
//! page cannot make a page silently wrong. What the prerender relies on is checked when the
//! template is read, and a page that lacks it fails the build:
//! - `<html>`, `<title>` (the page's head tags follow it: a minified page has no `<head>` tag),
//!   `<meta charset>`, `<noscript>` (where the page goes);
//! - the inline scripts of `index.html`, each named by `data-part` (a page keeps those it runs);
//! - Trunk's start-up of the app (`<script type=module>`) and its two preloads, whose addresses
//!   name the app's JavaScript and wasm.

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use std::cell::RefCell;

/// The inline scripts of `index.html` (`<script data-part=…>`), each a page may keep or drop.
pub const PARTS: [&str; 6] = ["policy", "settings", "early-fetch", "sw-messages", "embed", "search"];

/// Trunk's `index.html`, with what the prerender found in it.
pub struct Template {
    html: String,
    /// The app's JavaScript and wasm, as page addresses (from Trunk's preloads).
    pub app_js: String,
    pub app_wasm: String,
    /// The site's security policy, from the `<meta http-equiv>` the code build put in the page
    /// (scripts/build-headers.mjs), if it did.
    pub policy: Option<String>,
}

/// The address of the interface catalogue a page whose content is in `lang` shows its words
/// from, when the browser must load it (any language but English, which the wasm carries).
fn catalog_for(lang: &str) -> Option<String> {
    let ui = article_reader::model::i18n::UiLang::pick(Some(lang), &[]);
    ui.loaded_in_browser().then(|| {
        article_reader::model::links::in_app(&format!(
            "/{}{}",
            article_reader::facts::CATALOGS_DIR,
            ui.catalog_file()
        ))
    })
}

/// What one page puts into the template.
pub struct PageParts<'a> {
    pub title: &'a str,
    pub lang: &'a str,
    pub dir: &'a str,
    /// `<html data-islands>`: the page's islands (its value, e.g. "" or "embed").
    pub islands_mark: &'a str,
    /// Tags for the head, after `<title>`.
    pub head: &'a str,
    /// Right after `<meta charset>` (the page's inline JSON), if any.
    pub first_in_head: Option<&'a str>,
    /// The `data-part` scripts the page keeps (see [`PARTS`]).
    pub parts: &'a [&'a str],
    /// Replaces `<noscript>`.
    pub body: &'a str,
    /// Replaces Trunk's start-up script's text.
    pub start: &'a str,
}

type Handler<'h> = (
    std::borrow::Cow<'static, lol_html::Selector>,
    lol_html::ElementContentHandlers<'h>,
);

fn settings(handlers: Vec<Handler<'_>>) -> RewriteStrSettings<'_, 'static> {
    handlers
        .into_iter()
        .fold(RewriteStrSettings::new(), |s, h| s.append_element_content_handler(h))
}

fn rewrite(html: &str, settings: RewriteStrSettings<'_, '_>) -> Result<String, String> {
    rewrite_str(html, settings).map_err(|e| format!("index.html: {e}"))
}

impl Template {
    /// Reads Trunk's output and checks it has everything a page is filled into.
    pub fn read(html: String) -> Result<Template, String> {
        let counts = RefCell::new(std::collections::BTreeMap::<String, usize>::new());
        let js = RefCell::new(Vec::<String>::new());
        let wasm = RefCell::new(Vec::<String>::new());
        let policy = RefCell::new(None::<String>);
        let seen = |what: &str| *counts.borrow_mut().entry(what.to_string()).or_default() += 1;
        rewrite(
            &html,
            settings(vec![
                element!("html, title, meta[charset], noscript, script[type=module]", |el| {
                    let name = el.tag_name();
                    let what = if name == "script" {
                        "script[type=module]".to_string()
                    } else if name == "meta" {
                        "meta[charset]".to_string()
                    } else {
                        name
                    };
                    seen(&what);
                    Ok(())
                }),
                element!("script[data-part]", |el| {
                    seen(&format!(
                        "script[data-part={}]",
                        el.get_attribute("data-part").unwrap_or_default()
                    ));
                    Ok(())
                }),
                element!("meta[http-equiv=Content-Security-Policy]", |el| {
                    *policy.borrow_mut() = el.get_attribute("content");
                    Ok(())
                }),
                element!("link[rel=modulepreload][href]", |el| {
                    js.borrow_mut().push(el.get_attribute("href").unwrap_or_default());
                    Ok(())
                }),
                element!("link[rel=preload][as=fetch][href]", |el| {
                    wasm.borrow_mut().push(el.get_attribute("href").unwrap_or_default());
                    Ok(())
                }),
            ]),
        )?;
        let counts = counts.into_inner();
        let wanted = ["html", "title", "meta[charset]", "noscript", "script[type=module]"]
            .map(String::from)
            .into_iter()
            .chain(PARTS.iter().map(|p| format!("script[data-part={p}]")));
        let wrong: Vec<String> = wanted
            .filter_map(|w| {
                let n = counts.get(&w).copied().unwrap_or(0);
                (n != 1).then(|| format!("{w} ×{n}"))
            })
            .collect();
        if !wrong.is_empty() {
            return Err(format!(
                "index.html: expected exactly one of each, found {} (Trunk's output or index.html changed?)",
                wrong.join(", ")
            ));
        }
        let (js, wasm) = (js.into_inner(), wasm.into_inner());
        match (js.as_slice(), wasm.as_slice()) {
            ([js], [wasm]) if js.ends_with(".js") && wasm.ends_with(".wasm") => Ok(Template {
                app_js: js.clone(),
                app_wasm: wasm.clone(),
                policy: policy.into_inner(),
                html,
            }),
            _ => Err(format!(
                "index.html: expected Trunk's two preloads of the app (its .js and its .wasm), found {js:?} and {wasm:?}"
            )),
        }
    }

    /// The template filled with one page. Trunk's preloads of the app go: a prerendered page
    /// starts what it needs itself, after its first paint.
    pub fn render_page(&self, page: &PageParts) -> Result<String, String> {
        let title = article_reader::model::seo::page_title(page.title)
            .replace('&', "&amp;")
            .replace('<', "&lt;");
        let page_html = rewrite(
            &self.html,
            settings(vec![
                element!("html", |el| {
                    el.set_attribute("lang", page.lang)?;
                    el.set_attribute("dir", page.dir)?;
                    el.set_attribute("data-islands", page.islands_mark)?;
                    // The interface catalogue the islands need, if the wasm does not carry it:
                    // the start script fetches it with the code.
                    if let Some(catalog) = catalog_for(page.lang) {
                        el.set_attribute("data-catalog", &catalog)?;
                    }
                    Ok(())
                }),
                element!("title", |el| {
                    el.set_inner_content(&title, ContentType::Html);
                    el.after(page.head, ContentType::Html);
                    Ok(())
                }),
                // The page's first data goes after the policy (or the charset when the page has
                // none yet): the policy is the first thing the browser reads.
                element!("meta[charset], meta[http-equiv=Content-Security-Policy]", |el| {
                    let is_policy = el.get_attribute("http-equiv").is_some();
                    if let Some(first) = page.first_in_head.filter(|_| is_policy == self.policy.is_some()) {
                        el.after(first, ContentType::Html);
                    }
                    Ok(())
                }),
                element!("script[data-part]", |el| {
                    let part = el.get_attribute("data-part").unwrap_or_default();
                    if !page.parts.contains(&part.as_str()) {
                        el.remove();
                    }
                    Ok(())
                }),
                element!("link[rel=modulepreload], link[rel=preload][as=fetch]", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("noscript", |el| {
                    el.replace(page.body, ContentType::Html);
                    Ok(())
                }),
                element!("script[type=module]", |el| {
                    el.set_inner_content(page.start, ContentType::Html);
                    Ok(())
                }),
            ]),
        );
        page_html
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_reader::model::i18n::UiLang;

    /// A page as Trunk writes it, minified: no `<head>` or `<body>` tags, attributes unquoted.
    fn trunk_page() -> String {
        let parts: String = PARTS
            .iter()
            .map(|p| format!("<script data-part={p}>var {}=1</script>", p.replace('-', "_")))
            .collect();
        format!(
            "<!doctype html><html dir=ltr lang=en><meta charset=utf-8><title>Site</title>{parts}\
             <link crossorigin href=/app-1.js rel=modulepreload><link as=fetch crossorigin href=/app-1_bg.wasm rel=preload type=application/wasm>\
             <script type=module>import init from '/app-1.js';await init()</script><style>p{{}}</style>\
             <div id=crash hidden></div><noscript><p>Needs JavaScript</p></noscript>"
        )
    }

    fn parts_of<'a>(parts: &'a [&'a str]) -> PageParts<'a> {
        PageParts {
            title: "A & <b>",
            lang: "ar",
            dir: "rtl",
            islands_mark: "",
            head: "<meta name=description content=x>",
            first_in_head: Some("<script type=application/json id=data>{}</script>"),
            parts,
            body: "<main><h1>Hello</h1></main>",
            start: "start()",
        }
    }

    #[test]
    fn fills_a_minified_page_by_element() {
        let template = Template::read(trunk_page()).unwrap();
        assert_eq!(
            (template.app_js.as_str(), template.app_wasm.as_str()),
            ("/app-1.js", "/app-1_bg.wasm")
        );
        let page = template.render_page(&parts_of(&["policy", "embed"])).unwrap();
        // An Arabic page's islands speak Arabic: its catalogue is named for the start script.
        let catalog = format!(
            r#"<html dir="rtl" lang="ar" data-islands="" data-catalog="{}"#,
            article_reader::model::links::in_app(&format!("/catalogs/{}", UiLang::Ar.catalog_file()))
        );
        assert!(page.contains(&catalog), "{page}");
        assert!(
            page.contains(&format!(
                "<title>A &amp; &lt;b> · {}</title><meta name=description content=x>",
                article_reader::site::NAME
            )),
            "{page}"
        );
        assert!(page.contains("<meta charset=utf-8><script type=application/json id=data>{}</script>"));
        assert!(page.contains("<script data-part=policy>") && page.contains("<script data-part=embed>"));
        assert!(!page.contains("data-part=settings") && !page.contains("data-part=early-fetch"));
        assert!(!page.contains("modulepreload") && !page.contains("rel=preload"));
        assert!(page.contains("<script type=module>start()</script>"));
        assert!(page.contains("<div id=crash hidden></div><main><h1>Hello</h1></main>") && !page.contains("noscript"));
    }

    #[test]
    fn a_template_missing_what_a_page_needs_is_refused_by_name() {
        let without = |what: &str| Template::read(trunk_page().replace(what, "")).err().unwrap_or_default();
        assert!(without("<noscript><p>Needs JavaScript</p></noscript>").contains("noscript ×0"));
        assert!(without("<script data-part=settings>var settings=1</script>").contains("script[data-part=settings] ×0"));
        assert!(without("<link crossorigin href=/app-1.js rel=modulepreload>").contains("two preloads"));
        let twice = trunk_page().replace("<title>Site</title>", "<title>Site</title><title>Again</title>");
        assert!(Template::read(twice).err().unwrap_or_default().contains("title ×2"));
    }
}
