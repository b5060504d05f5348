//! The site's configuration: who publishes this reader and how it looks. Read from one JSON
//! file (`site.json` by default, or the file named by `READER_SITE`) by `build.rs`, which
//! checks it with [`parse_site`] and stops the build with every problem, each naming its field;
//! the app gets the values as constants (`crate::site`), the build scripts read the same file.
//!
//! This file is included by `build.rs` as well as compiled into the crate: it uses nothing but
//! `std` and `serde_json`.

use serde_json::{Map, Value};

/// A checked site configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// The site's name: the header, page titles, the manifest, oEmbed, JSON-LD.
    pub name: String,
    /// A short name for the home screen (12 characters at most).
    pub short_name: String,
    /// One sentence about the site: the manifest and the front page's description.
    pub description: String,
    /// The public address of the deployment: an http(s) origin, no path.
    pub public_url: String,
    /// Where on that origin the reader lives: `/` (the default), or a folder such as
    /// `/reader/` (a GitHub Pages project site). Starts and ends with `/`.
    pub base_path: String,
    /// The origins, besides the site's own, whose article JSON `/read?src=` and `/embed?src=`
    /// may show (with a line naming where it is from). Empty: the site's own origin only.
    pub sources: Vec<String>,
    /// The logo (an SVG or PNG file in the project), shown in the header.
    pub logo: String,
    /// A square image (SVG or PNG in the project) the favicon and the app icons are made from;
    /// the logo when not set.
    pub icon: Option<String>,
    /// The accent colour (`#rrggbb`) on light and sepia pages, and on dark ones.
    pub accent_light: String,
    pub accent_dark: String,
    /// The interface language when neither the article nor the browser names an offered one.
    pub default_language: String,
    /// The interface languages offered (of `en`, `fr`, `ar`).
    pub languages: Vec<String>,
    /// The publisher named in metadata when an article names none.
    pub publisher_name: String,
    pub publisher_url: Option<String>,
    /// The site's account on X/Twitter (`@name`), for Twitter cards and share links.
    pub twitter: Option<String>,
    /// The typefaces (CSS font-family lists) of headlines and of article text; the
    /// stylesheet's own when not set.
    pub font_headline: Option<String>,
    pub font_body: Option<String>,
    /// Font files the site serves itself (`fonts.files`), each for a family named in one of the
    /// lists above.
    pub font_files: Vec<FontFile>,
    /// The corner radius of cards and images, in pixels (0 to 24); the stylesheet's when not set.
    pub radius: Option<u8>,
    /// The header's layout: the logo and the name, or the logo alone (the name then stays for
    /// screen readers).
    pub header: HeaderLayout,
    /// How many of the latest articles each feed carries (`feeds.items`, 1 to 100; 20).
    pub feed_items: usize,
    /// Whether the feeds carry whole articles (`feeds.content`: `"full"`, the default) or
    /// their summaries (`"summary"`).
    pub feed_full_text: bool,
    /// An image service's address template for pictures that live elsewhere (`images.service`):
    /// `{src}` (the picture's address, percent-encoded) and `{width}` are filled in. See
    /// [`crate::model::picture::service_url`].
    pub image_service: Option<String>,
}

/// A font file the site serves itself: one face of `family`.
#[derive(Clone, Debug, PartialEq)]
pub struct FontFile {
    pub family: String,
    /// A `.woff2` or `.woff` file in the project.
    pub src: String,
    /// 100 to 900 (400 when not given).
    pub weight: u16,
    pub italic: bool,
}

/// The header's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderLayout {
    LogoAndName,
    Logo,
}

impl HeaderLayout {
    pub fn as_str(self) -> &'static str {
        match self {
            HeaderLayout::LogoAndName => "logo-and-name",
            HeaderLayout::Logo => "logo",
        }
    }
}

/// The generic families a font list must end with, so that something always shows.
const GENERIC_FAMILIES: [&str; 7] = [
    "serif",
    "sans-serif",
    "system-ui",
    "monospace",
    "cursive",
    "ui-serif",
    "ui-sans-serif",
];

/// One problem in the configuration: the field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteProblem {
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for SiteProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// The interface languages the app has catalogues for.
pub const LANGUAGES: [&str; 3] = ["en", "fr", "ar"];

/// The stylesheet: the one home of the page colours.
const STYLESHEET: &str = include_str!("../../style/main.css");

/// The page backgrounds an accent must stand out on, as text (WCAG AA: 4.5:1), read from the
/// stylesheet: for the light accent the light page and its cards (`--bg` and `--surface`, each
/// `light-dark(light, dark)` in `:root`) and the sepia page and its cards (`--bg` and
/// `--surface` under `[data-theme="sepia"]`); for the dark accent the dark page and its cards.
///
/// ```
/// let (light, dark) = article_reader::model::site::page_backgrounds();
/// assert_eq!(light.len(), 4);
/// assert!(dark.iter().all(|c| c.len() == 7 && c.starts_with('#')));
/// ```
pub fn page_backgrounds() -> (Vec<String>, Vec<String>) {
    backgrounds_in(STYLESHEET).expect(
        "style/main.css must set --bg and --surface as light-dark(#rrggbb, #rrggbb) in :root, and as #rrggbb under [data-theme=\"sepia\"]",
    )
}

/// `css` without its comments.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..].find("*/").map_or("", |end| &rest[at + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The declarations of the first top-level rule whose selector is exactly `selector` (rules
/// inside `@media` and other at-rules are not top-level). `css` has no comments.
fn rule_body<'a>(css: &'a str, selector: &str) -> Option<&'a str> {
    let mut depth = 0usize;
    let mut start = 0usize;
    let mut body_start = None;
    for (i, b) in css.bytes().enumerate() {
        match b {
            b'{' => {
                if depth == 0 {
                    body_start = (css[start..i].trim() == selector).then_some(i + 1);
                }
                depth += 1;
            }
            b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(from) = body_start {
                        return Some(&css[from..i]);
                    }
                    start = i + 1;
                }
            }
            b';' if depth == 0 => start = i + 1,
            _ => {}
        }
    }
    None
}

/// The value of the custom property `name` among `declarations`.
fn property<'a>(declarations: &'a str, name: &str) -> Option<&'a str> {
    declarations.split(';').find_map(|d| {
        let (key, value) = d.split_once(':')?;
        (key.trim() == name).then(|| value.trim())
    })
}

fn backgrounds_in(css: &str) -> Option<(Vec<String>, Vec<String>)> {
    let colour = |c: &str| is_hex_color(c.trim()).then(|| c.trim().to_ascii_lowercase());
    let css = without_comments(css);
    let root = rule_body(&css, ":root")?;
    let pair = |name: &str| -> Option<(String, String)> {
        let inner = property(root, name)?.strip_prefix("light-dark(")?.strip_suffix(')')?;
        let (light, dark) = inner.split_once(',')?;
        Some((colour(light)?, colour(dark)?))
    };
    let (bg_light, bg_dark) = pair("--bg")?;
    let (surface_light, surface_dark) = pair("--surface")?;
    let sepia = rule_body(&css, "[data-theme=\"sepia\"]")?;
    let sepia_bg = colour(property(sepia, "--bg")?)?;
    let sepia_surface = colour(property(sepia, "--surface")?)?;
    Some((
        vec![bg_light, surface_light, sepia_bg, sepia_surface],
        vec![bg_dark, surface_dark],
    ))
}

/// WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21).
///
/// ```
/// use article_reader::model::site::contrast_ratio;
/// assert!((contrast_ratio("#000000", "#ffffff") - 21.0).abs() < 0.01);
/// assert!((contrast_ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
/// ```
pub fn contrast_ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG 2 relative luminance of a `#rrggbb` colour (0 for black to 1 for white).
pub fn relative_luminance(color: &str) -> f64 {
    let channel = |i: usize| {
        let v = color
            .get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0) as f64
            / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

struct Reader<'a> {
    obj: &'a Map<String, Value>,
    problems: Vec<SiteProblem>,
}

impl Reader<'_> {
    fn problem(&mut self, field: &str, message: impl Into<String>) {
        self.problems.push(SiteProblem {
            field: field.into(),
            message: message.into(),
        });
    }

    fn get(&self, path: &str) -> Option<&Value> {
        let mut value = None::<&Value>;
        for (i, key) in path.split('.').enumerate() {
            value = if i == 0 { self.obj.get(key) } else { value?.get(key) };
        }
        value.filter(|v| !v.is_null())
    }

    fn text(&mut self, path: &str, required: bool, max_chars: usize) -> Option<String> {
        match self.get(path) {
            None if required => {
                self.problem(path, "is missing");
                None
            }
            None => None,
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.problem(path, "is empty");
                None
            }
            Some(Value::String(s)) if s.chars().count() > max_chars => {
                self.problem(
                    path,
                    format!("is {} characters long; at most {max_chars}", s.chars().count()),
                );
                None
            }
            Some(Value::String(s)) if s.chars().any(char::is_control) => {
                self.problem(path, "contains a control character");
                None
            }
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(other) => {
                self.problem(path, format!("must be text, not {}", kind(other)));
                None
            }
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn http_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !host.contains(['@', ' ', '\\'])
    })
}

/// Checks a site configuration and returns it, or every problem in it, each naming its field.
///
/// ```
/// use article_reader::model::site::parse_site;
/// let site = parse_site(r##"{
///   "name": "The Harbor Ledger", "short_name": "Ledger",
///   "description": "News from the harbor.", "public_url": "https://ledger.example",
///   "logo": "sites/ledger.svg", "accent": { "light": "#8a1c1c", "dark": "#f08a7e" },
///   "languages": { "default": "en", "offered": ["en", "fr"] }
/// }"##).unwrap();
/// assert_eq!(site.publisher_name, "The Harbor Ledger");
///
/// let problems = parse_site(r##"{ "name": "", "accent": { "light": "#ffff00" } }"##).unwrap_err();
/// assert!(problems.iter().any(|p| p.field == "name" && p.message == "is empty"));
/// assert!(problems.iter().any(|p| p.field == "accent.light" && p.message.contains("needs at least 4.5:1")));
/// ```
pub fn parse_site(text: &str) -> Result<Site, Vec<SiteProblem>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![SiteProblem {
            field: "(file)".into(),
            message: format!("is not valid JSON: {e}"),
        }]
    })?;
    let Some(obj) = value.as_object() else {
        return Err(vec![SiteProblem {
            field: "(file)".into(),
            message: format!("must be a JSON object, not {}", kind(&value)),
        }]);
    };
    let mut r = Reader {
        obj,
        problems: Vec::new(),
    };
    const KNOWN: [&str; 18] = [
        "$schema",
        "name",
        "short_name",
        "description",
        "public_url",
        "base_path",
        "sources",
        "logo",
        "icon",
        "accent",
        "languages",
        "publisher",
        "social",
        "fonts",
        "radius",
        "header",
        "feeds",
        "images",
    ];
    for key in obj.keys() {
        if !KNOWN.contains(&key.as_str()) {
            r.problem(key, format!("is not a setting (known: {})", KNOWN[1..].join(", ")));
        }
    }
    let name = r.text("name", true, 60);
    let short_name = r.text("short_name", true, 12);
    let description = r.text("description", true, 200);
    let public_url = r.text("public_url", true, 200).and_then(|u| {
        let u = u.trim_end_matches('/').to_string();
        let origin_only = http_url(&u) && u.splitn(4, '/').nth(3).is_none() && !u.contains(['?', '#']);
        if origin_only {
            Some(u)
        } else {
            r.problem(
                "public_url",
                format!("must be an http or https origin such as https://news.example, without a path (got {u})"),
            );
            None
        }
    });
    let base_path = r.text("base_path", false, 100).map_or(Some("/".to_string()), |b| {
        let segments_ok = b
            .split('/')
            .filter(|s| !s.is_empty())
            .all(|s| s != "." && s != ".." && s.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~')));
        if b.starts_with('/') && b.ends_with('/') && !b.contains("//") && segments_ok {
            Some(b)
        } else {
            r.problem("base_path", format!("must be a folder such as /reader/: starting and ending with /, letters, digits, - _ . ~ between (got {b})"));
            None
        }
    });
    let sources = match r.get("sources").cloned() {
        None => Some(Vec::new()),
        Some(Value::Array(items)) => {
            let mut out = Vec::new();
            for item in &items {
                match item.as_str().map(|u| u.trim_end_matches('/').to_ascii_lowercase()) {
                    Some(u)
                        if http_url(&u) && u.splitn(4, '/').nth(3).is_none() && !u.contains(['?', '#', '@', '*']) =>
                    {
                        out.push(u)
                    }
                    _ => r.problem(
                        "sources",
                        format!("{item} must be an http or https origin such as https://wire.example, without a path"),
                    ),
                }
            }
            Some(out)
        }
        Some(other) => {
            r.problem(
                "sources",
                format!(
                    "must be a list of origins such as [\"https://wire.example\"], not {}",
                    kind(&other)
                ),
            );
            None
        }
    };
    let mut image = |field: &str, required: bool| {
        r.text(field, required, 200).and_then(|l| {
            let lower = l.to_ascii_lowercase();
            if (lower.ends_with(".svg") || lower.ends_with(".png")) && !l.contains("..") && !l.starts_with('/') {
                Some(l)
            } else {
                r.problem(
                    field,
                    format!("must be an .svg or .png file inside the project, as a relative path (got {l})"),
                );
                None
            }
        })
    };
    let logo = image("logo", true);
    let icon = image("icon", false);
    let (light_backgrounds, dark_backgrounds) = page_backgrounds();
    let mut accent = |field: &str, backgrounds: &[String], theme: &str| -> Option<String> {
        let c = r.text(field, true, 7)?;
        if !is_hex_color(&c) {
            r.problem(field, format!("must be a colour written #rrggbb (got {c})"));
            return None;
        }
        let c = c.to_ascii_lowercase();
        let worst = backgrounds
            .iter()
            .map(|bg| (contrast_ratio(&c, bg), bg.as_str()))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap_or((21.0, ""));
        if worst.0 < 4.5 {
            r.problem(
                field,
                format!(
                    "{c} has a contrast of {:.1}:1 against the {theme} background {}; text needs at least 4.5:1 (WCAG AA)",
                    (worst.0 * 10.0).floor() / 10.0,
                    worst.1
                ),
            );
            return None;
        }
        Some(c)
    };
    let accent_light = accent("accent.light", &light_backgrounds, "light");
    let accent_dark = accent("accent.dark", &dark_backgrounds, "dark");
    let offered = r.get("languages.offered").cloned();
    let languages = match offered.as_ref() {
        None => {
            r.problem("languages.offered", "is missing");
            None
        }
        Some(Value::Array(items)) if !items.is_empty() => {
            let mut out = Vec::new();
            for item in items {
                match item.as_str() {
                    Some(l) if LANGUAGES.contains(&l) && !out.contains(&l.to_string()) => out.push(l.to_string()),
                    Some(l) if LANGUAGES.contains(&l) => r.problem("languages.offered", format!("names {l} twice")),
                    _ => r.problem(
                        "languages.offered",
                        format!("{item} is not a language the reader speaks ({})", LANGUAGES.join(", ")),
                    ),
                }
            }
            Some(out)
        }
        Some(other) => {
            r.problem(
                "languages.offered",
                format!(
                    "must be a list of languages such as [\"en\", \"fr\"], not {}",
                    kind(other)
                ),
            );
            None
        }
    };
    let default_language = r.text("languages.default", true, 8).and_then(|d| match &languages {
        Some(offered) if !offered.contains(&d) => {
            r.problem(
                "languages.default",
                format!("{d} is not one of the offered languages ({})", offered.join(", ")),
            );
            None
        }
        _ => Some(d),
    });
    let publisher_name = r.text("publisher.name", false, 100);
    let publisher_url = r.text("publisher.url", false, 200).and_then(|u| {
        if http_url(&u) {
            Some(u)
        } else {
            r.problem("publisher.url", format!("must be an http or https address (got {u})"));
            None
        }
    });
    let twitter = r.text("social.twitter", false, 16).and_then(|t| {
        let handle = t.strip_prefix('@').unwrap_or(&t);
        if !handle.is_empty() && handle.len() <= 15 && handle.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            Some(format!("@{handle}"))
        } else {
            r.problem(
                "social.twitter",
                format!("must be an X/Twitter handle such as @newsroom (got {t})"),
            );
            None
        }
    });
    let mut font = |field: &str| -> Option<String> {
        let list = r.text(field, false, 200)?;
        let safe = list
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '"' | '\'' | '-' | '_'));
        let last = list.rsplit(',').next().unwrap_or("").trim().trim_matches(['"', '\'']);
        if !safe {
            r.problem(
                field,
                format!("must be a CSS font-family list: names, quotes, commas and hyphens only (got {list})"),
            );
            None
        } else if !GENERIC_FAMILIES.contains(&last) {
            r.problem(
                field,
                format!(
                    "must end with a generic family ({}) so that text shows before and without the fonts (got {list})",
                    GENERIC_FAMILIES.join(", ")
                ),
            );
            None
        } else {
            Some(list)
        }
    };
    let font_headline = font("fonts.headline");
    let font_body = font("fonts.body");
    let mut font_files = Vec::new();
    match r.get("fonts.files").cloned() {
        None => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let field = format!("fonts.files[{i}]");
                let text = |key: &str| {
                    item.get(key)
                        .and_then(Value::as_str)
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                };
                let family = text("family");
                let src = text("src");
                let used = |f: &str| {
                    [&font_headline, &font_body].iter().any(|list| {
                        list.as_deref()
                            .is_some_and(|l| l.split(',').any(|name| name.trim().trim_matches(['"', '\'']) == f))
                    })
                };
                match family {
                    Some(f) if !f.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_')) => r.problem(
                        &format!("{field}.family"),
                        format!("must be a font name: letters, digits, spaces and hyphens (got {f})"),
                    ),
                    Some(f) if !used(f) => r.problem(
                        &format!("{field}.family"),
                        format!("{f} is not named in fonts.headline or fonts.body, so this file would never be used"),
                    ),
                    Some(_) => {}
                    None => r.problem(&format!("{field}.family"), "is missing"),
                }
                let lower = src.map(str::to_ascii_lowercase).unwrap_or_default();
                match src {
                    Some(s)
                        if (lower.ends_with(".woff2") || lower.ends_with(".woff"))
                            && !s.contains("..")
                            && !s.starts_with('/') => {}
                    Some(s) => r.problem(
                        &format!("{field}.src"),
                        format!("must be a .woff2 or .woff file inside the project, as a relative path (got {s})"),
                    ),
                    None => r.problem(&format!("{field}.src"), "is missing"),
                }
                let weight = match item.get("weight") {
                    None => Some(400),
                    Some(Value::Number(n)) if n.as_u64().is_some_and(|w| (100..=900).contains(&w) && w % 100 == 0) => {
                        n.as_u64().map(|w| w as u16)
                    }
                    Some(other) => {
                        r.problem(
                            &format!("{field}.weight"),
                            format!("must be 100, 200 … 900 (got {other})"),
                        );
                        None
                    }
                };
                let italic = match item.get("style").and_then(Value::as_str) {
                    None | Some("normal") => Some(false),
                    Some("italic") => Some(true),
                    Some(other) => {
                        r.problem(
                            &format!("{field}.style"),
                            format!("must be \"normal\" or \"italic\" (got {other})"),
                        );
                        None
                    }
                };
                if let (Some(family), Some(src), Some(weight), Some(italic)) = (family, src, weight, italic) {
                    font_files.push(FontFile {
                        family: family.to_string(),
                        src: src.to_string(),
                        weight,
                        italic,
                    });
                }
            }
        }
        Some(other) => r.problem(
            "fonts.files",
            format!("must be a list of font files, not {}", kind(&other)),
        ),
    }
    let radius = match r.get("radius") {
        None => None,
        Some(Value::Number(n)) if n.as_u64().is_some_and(|n| n <= 24) => n.as_u64().map(|n| n as u8),
        Some(other) => {
            r.problem(
                "radius",
                format!("must be a whole number of pixels from 0 to 24 (got {other})"),
            );
            None
        }
    };
    let header = match r.text("header", false, 20).as_deref() {
        None | Some("logo-and-name") => Some(HeaderLayout::LogoAndName),
        Some("logo") => Some(HeaderLayout::Logo),
        Some(other) => {
            r.problem("header", format!("must be \"logo-and-name\" or \"logo\" (got {other})"));
            None
        }
    };
    let (mut feed_items, mut feed_full_text) = (20, true);
    match r.get("feeds").cloned() {
        None => {}
        Some(Value::Object(feeds)) => {
            for key in feeds.keys().filter(|k| !matches!(k.as_str(), "items" | "content")) {
                r.problem(
                    &format!("feeds.{key}"),
                    "is not a setting (known: items, content)".to_string(),
                );
            }
            match feeds.get("items") {
                None => {}
                Some(Value::Number(n)) if n.as_u64().is_some_and(|n| (1..=100).contains(&n)) => {
                    feed_items = n.as_u64().unwrap_or(20) as usize;
                }
                Some(other) => r.problem(
                    "feeds.items",
                    format!("must be a whole number from 1 to 100 (got {other})"),
                ),
            }
            match feeds.get("content").and_then(Value::as_str) {
                None if feeds.get("content").is_none() => {}
                Some("full") => feed_full_text = true,
                Some("summary") => feed_full_text = false,
                _ => r.problem(
                    "feeds.content",
                    format!(
                        "must be \"full\" or \"summary\" (got {})",
                        feeds.get("content").cloned().unwrap_or_default()
                    ),
                ),
            }
        }
        Some(other) => r.problem(
            "feeds",
            format!(
                "must be an object such as {{\"items\": 20, \"content\": \"full\"}}, not {}",
                kind(&other)
            ),
        ),
    }
    let image_service = image_service(&mut r);
    if !r.problems.is_empty() {
        return Err(r.problems);
    }
    let name = name.unwrap_or_default();
    Ok(Site {
        publisher_name: publisher_name.unwrap_or_else(|| name.clone()),
        name,
        short_name: short_name.unwrap_or_default(),
        description: description.unwrap_or_default(),
        public_url: public_url.unwrap_or_default(),
        base_path: base_path.unwrap_or_default(),
        sources: sources.unwrap_or_default(),
        logo: logo.unwrap_or_default(),
        icon,
        accent_light: accent_light.unwrap_or_default(),
        accent_dark: accent_dark.unwrap_or_default(),
        default_language: default_language.unwrap_or_default(),
        languages: languages.unwrap_or_default(),
        publisher_url,
        twitter,
        font_headline,
        font_body,
        font_files,
        radius,
        header: header.unwrap_or(HeaderLayout::LogoAndName),
        feed_items,
        feed_full_text,
        image_service,
    })
}

/// `images`: `{"service": "https://img.example/{src}?w={width}"}`, an https address (http only
/// on this machine's loopback) naming both `{src}` and `{width}`.
fn image_service(r: &mut Reader) -> Option<String> {
    let images = r.get("images").cloned()?;
    let Value::Object(images) = images else {
        r.problem(
            "images",
            format!(
                "must be an object such as {{\"service\": \"https://img.example/{{src}}?w={{width}}\"}}, not {}",
                kind(&images)
            ),
        );
        return None;
    };
    for key in images.keys().filter(|k| k.as_str() != "service") {
        r.problem(
            &format!("images.{key}"),
            "is not a setting (known: service)".to_string(),
        );
    }
    let service = match images.get("service") {
        None => return None,
        Some(Value::String(s)) => s.trim().to_string(),
        Some(other) => {
            r.problem("images.service", format!("must be a string, not {}", kind(other)));
            return None;
        }
    };
    let loopback = [
        "http://127.0.0.1:",
        "http://localhost:",
        "http://127.0.0.1/",
        "http://localhost/",
    ];
    if !(service.starts_with("https://") || loopback.iter().any(|l| service.starts_with(l))) {
        r.problem("images.service", format!("must be an https:// address (got {service})"));
        return None;
    }
    let missing: Vec<&str> = ["{src}", "{width}"]
        .into_iter()
        .filter(|p| !service.contains(p))
        .collect();
    if !missing.is_empty() {
        r.problem(
            "images.service",
            format!(
                "must name {} (the picture's address and the width to make), such as https://img.example/{{src}}?w={{width}} (got {service})",
                missing.join(" and ")
            ),
        );
        return None;
    }
    if service.contains(['"', '<', '>', ' ', '\\']) {
        r.problem(
            "images.service",
            format!("has a character an address cannot hold (got {service})"),
        );
        return None;
    }
    Some(service)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r##"{
      "name": "The Harbor Ledger", "short_name": "Ledger",
      "description": "News from the harbor.", "public_url": "https://ledger.example/",
      "logo": "sites/ledger.svg", "accent": { "light": "#8A1C1C", "dark": "#f08a7e" },
      "languages": { "default": "fr", "offered": ["en", "fr"] },
      "publisher": { "name": "Harbor Media", "url": "https://media.example/" },
      "social": { "twitter": "harborledger" }
    }"##;

    #[test]
    fn a_good_configuration_is_read() {
        let site = parse_site(GOOD).unwrap();
        assert_eq!(site.public_url, "https://ledger.example");
        assert_eq!(site.accent_light, "#8a1c1c");
        assert_eq!(site.default_language, "fr");
        assert_eq!(site.publisher_name, "Harbor Media");
        assert_eq!(site.twitter.as_deref(), Some("@harborledger"));
        assert_eq!(site.base_path, "/");
        assert!(site.sources.is_empty());
        let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
        v["base_path"] = "/news/reader/".into();
        v["sources"] = serde_json::json!(["HTTPS://Wire.Example/", "http://127.0.0.1:9000"]);
        let site = parse_site(&v.to_string()).unwrap();
        assert_eq!(site.base_path, "/news/reader/");
        assert_eq!(site.sources, ["https://wire.example", "http://127.0.0.1:9000"]);
    }

    #[test]
    fn the_project_configurations_are_valid() {
        for file in ["site.json", "sites/article-reader.json"] {
            let text = std::fs::read_to_string(file).unwrap();
            let site = parse_site(&text).unwrap_or_else(|p| panic!("{file}: {p:?}"));
            assert!(std::path::Path::new(&site.logo).is_file(), "{file}: logo {}", site.logo);
        }
    }

    /// Each broken setting gets its own message, naming its field.
    #[test]
    fn every_problem_names_its_field() {
        let with = |field: &str, value: serde_json::Value| {
            let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
            let mut target = &mut v;
            let parts: Vec<&str> = field.split('.').collect();
            for part in &parts[..parts.len() - 1] {
                target = &mut target[*part];
            }
            target[parts[parts.len() - 1]] = value;
            v.to_string()
        };
        let cases: &[(&str, serde_json::Value, &str)] = &[
            ("name", serde_json::json!(null), "is missing"),
            ("name", serde_json::json!("  "), "is empty"),
            ("name", serde_json::json!(7), "must be text, not a number"),
            ("short_name", serde_json::json!("The Harbor Ledger Daily"), "at most 12"),
            (
                "public_url",
                serde_json::json!("ledger.example"),
                "must be an http or https origin",
            ),
            (
                "public_url",
                serde_json::json!("https://ledger.example/news"),
                "without a path",
            ),
            (
                "base_path",
                serde_json::json!("reader"),
                "must be a folder such as /reader/",
            ),
            (
                "base_path",
                serde_json::json!("/reader"),
                "must be a folder such as /reader/",
            ),
            (
                "base_path",
                serde_json::json!("/a/../b/"),
                "must be a folder such as /reader/",
            ),
            (
                "base_path",
                serde_json::json!("/news room/"),
                "must be a folder such as /reader/",
            ),
            (
                "sources",
                serde_json::json!("https://wire.example"),
                "must be a list of origins",
            ),
            (
                "sources",
                serde_json::json!(["https://wire.example/feed"]),
                "without a path",
            ),
            (
                "sources",
                serde_json::json!(["ftp://wire.example"]),
                "must be an http or https origin",
            ),
            (
                "sources",
                serde_json::json!(["https://*.example"]),
                "must be an http or https origin",
            ),
            ("logo", serde_json::json!("../secret.svg"), "inside the project"),
            ("logo", serde_json::json!("sites/logo.gif"), "an .svg or .png file"),
            ("icon", serde_json::json!("/etc/icon.png"), "inside the project"),
            ("accent.light", serde_json::json!("red"), "#rrggbb"),
            (
                "accent.light",
                serde_json::json!("#f5d76e"),
                "contrast of 1.2:1 against the light background #f4ecd8",
            ),
            (
                "accent.dark",
                serde_json::json!("#1d2a6b"),
                "contrast of 1.2:1 against the dark background #1f2228",
            ),
            (
                "languages.offered",
                serde_json::json!(["en", "de"]),
                "\"de\" is not a language the reader speaks",
            ),
            ("languages.offered", serde_json::json!("en"), "must be a list"),
            (
                "languages.default",
                serde_json::json!("ar"),
                "ar is not one of the offered languages",
            ),
            (
                "publisher.url",
                serde_json::json!("javascript:alert(1)"),
                "must be an http or https address",
            ),
            ("social.twitter", serde_json::json!("@not a handle"), "X/Twitter handle"),
            ("colour", serde_json::json!("#000000"), "is not a setting"),
            (
                "fonts.headline",
                serde_json::json!("Inter"),
                "must end with a generic family",
            ),
            (
                "fonts.body",
                serde_json::json!("x; } body { display: none"),
                "must be a CSS font-family list",
            ),
            (
                "fonts.files",
                serde_json::json!({ "family": "Inter" }),
                "must be a list of font files",
            ),
            ("radius", serde_json::json!(40), "from 0 to 24"),
            ("radius", serde_json::json!("8px"), "from 0 to 24"),
            (
                "header",
                serde_json::json!("name"),
                "must be \"logo-and-name\" or \"logo\"",
            ),
        ];
        for (field, value, expected) in cases {
            let problems = parse_site(&with(field, value.clone())).expect_err(field);
            assert!(
                problems
                    .iter()
                    .any(|p| p.field == *field && p.message.contains(expected)),
                "{field} = {value}: {problems:?}"
            );
        }
        assert_eq!(parse_site("not json").unwrap_err()[0].field, "(file)");
    }

    /// Self-hosted font files: each names a family the font lists use, a web font file, a
    /// weight and a style.
    #[test]
    fn font_files_are_checked() {
        let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
        v["fonts"] = serde_json::json!({
            "headline": "\"Ledger Serif\", Georgia, serif",
            "files": [{ "family": "Ledger Serif", "src": "sites/fonts/ledger.woff2", "weight": 600 }]
        });
        let site = parse_site(&v.to_string()).unwrap();
        assert_eq!(
            site.font_files,
            [FontFile {
                family: "Ledger Serif".into(),
                src: "sites/fonts/ledger.woff2".into(),
                weight: 600,
                italic: false
            }]
        );
        v["fonts"]["files"] = serde_json::json!([
            { "family": "Ledger Serif", "src": "sites/fonts/ledger.woff2", "style": "italic" },
            { "family": "Unused Sans", "src": "fonts/a.ttf", "weight": 650, "style": "oblique" },
            { "src": "../a.woff2" }
        ]);
        let problems = parse_site(&v.to_string()).unwrap_err();
        let said: Vec<String> = problems.iter().map(|p| format!("{}: {}", p.field, p.message)).collect();
        for expected in [
            "fonts.files[1].family: Unused Sans is not named in fonts.headline or fonts.body",
            "fonts.files[1].src: must be a .woff2 or .woff file",
            "fonts.files[1].weight: must be 100, 200 … 900 (got 650)",
            "fonts.files[1].style: must be \"normal\" or \"italic\" (got oblique)",
            "fonts.files[2].family: is missing",
            "fonts.files[2].src: must be a .woff2 or .woff file inside the project",
        ] {
            assert!(said.iter().any(|s| s.starts_with(expected)), "{expected}: {said:?}");
        }
        assert_eq!(said.len(), 6, "{said:?}");
    }

    /// The backgrounds an accent is checked against are read from the rules that set them, and
    /// from nowhere else: a stylesheet with known colours, decoys around them.
    #[test]
    fn the_contrast_check_reads_the_backgrounds_from_their_rules() {
        let known = r#"
/* --bg: light-dark(#000001, #000002) in a comment */
body { --bg: light-dark(#000003, #000004); }
:root {
  /* a comment; --surface: light-dark(#000005, #000006) */
  --surface-2: light-dark(#000007, #000008);
  --surface: light-dark(#A1A2A3, #b1b2b3);
  --bg: light-dark( #c1c2c3 , #d1d2d3 );
}
@media print { [data-theme="sepia"] { --bg: #000009; --surface: #00000a; } }
[data-theme="dark"] { --bg: #00000b; }
[data-theme="sepia"] { color-scheme: light; --surface: #e4e5e6; --bg: #E1E2E3; }
"#;
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            backgrounds_in(known),
            Some((
                strings(&["#c1c2c3", "#a1a2a3", "#e1e2e3", "#e4e5e6"]),
                strings(&["#d1d2d3", "#b1b2b3"])
            ))
        );
        // A rule that lacks a colour is refused, never filled from another rule.
        for broken in [
            known.replace("--bg: light-dark( #c1c2c3 , #d1d2d3 );", ""),
            known.replace("--surface: #e4e5e6;", ""),
            known.replace("#A1A2A3", "red"),
            known.replace("[data-theme=\"sepia\"] { color", "[data-theme=\"paper\"] { color"),
        ] {
            assert_eq!(backgrounds_in(&broken), None, "{broken}");
        }
    }

    /// The project's stylesheet has every rule the check needs.
    #[test]
    fn the_stylesheet_has_the_backgrounds() {
        let (light, dark) = page_backgrounds();
        assert_eq!((light.len(), dark.len()), (4, 2));
    }

    #[test]
    fn an_image_service_names_its_source_and_width_over_https() {
        let with = |images: serde_json::Value| {
            let mut v: serde_json::Value = serde_json::from_str(MINIMAL_FOR_IMAGES).unwrap();
            v["images"] = images;
            parse_site(&v.to_string())
        };
        let ok = with(serde_json::json!({ "service": "https://img.example/{src}?w={width}" })).unwrap();
        assert_eq!(ok.image_service.as_deref(), Some("https://img.example/{src}?w={width}"));
        for (images, says) in [
            (
                serde_json::json!({ "service": "http://img.example/{src}?w={width}" }),
                "must be an https:// address",
            ),
            (
                serde_json::json!({ "service": "https://img.example/{src}" }),
                "must name {width}",
            ),
            (
                serde_json::json!({ "service": "https://img.example/?w={width}" }),
                "must name {src}",
            ),
            (serde_json::json!({ "service": 3 }), "must be a string"),
            (serde_json::json!({ "servce": "x" }), "images.servce: is not a setting"),
            (serde_json::json!("https://img.example/{src}"), "must be an object"),
        ] {
            let problems = with(images.clone()).unwrap_err();
            let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
            assert!(text.iter().any(|t| t.contains(says)), "{images}: {text:?}");
        }
    }

    const MINIMAL_FOR_IMAGES: &str = r##"{
      "name": "N", "short_name": "N", "description": "D", "public_url": "https://n.example",
      "logo": "sites/morning-ledger.svg", "accent": { "light": "#0b5563", "dark": "#7cc8d6" },
      "languages": { "default": "en", "offered": ["en"] }
    }"##;
}
