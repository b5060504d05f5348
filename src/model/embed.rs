//! Options of the embed view (`/embed/{id}?theme=…&accent=…&parts=…&lang=…&origin=…`), parsed
//! and validated. Invalid values are ignored with a warning (shown in the console), never an
//! error: an embed on someone else's page must keep working.
//!
//! Who applies what: `index.html`'s script applies `theme`, `accent`, `parts` and `origin` to
//! the page before the first paint, so a prerendered embed needs no app; the app applies
//! `theme`, `accent` (`pages::embed::EmbedFrame`) and `lang` again, and parses every option to
//! warn about invalid values. `parts` and `origin` are parsed here for those warnings (and
//! tested); the app itself does not read them.

use super::lang::is_language_tag;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's system setting.
    Auto,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// The parts of an article an embed can show, in display order.
pub const PARTS: [&str; 8] = crate::facts::EMBED_PARTS;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub theme: Theme,
    /// `#rrggbb`, lower-cased.
    pub accent: Option<String>,
    /// Which of [`PARTS`] to show (hidden by CSS from `index.html`'s script).
    pub parts: Vec<&'static str>,
    /// Overrides the article's language (dates, `lang`, direction).
    pub lang: Option<String>,
    /// The embedding page's origin, to which `index.html`'s script reports the embed's height.
    pub parent_origin: Option<String>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            theme: Theme::Auto,
            accent: None,
            parts: PARTS.to_vec(),
            lang: None,
            parent_origin: None,
        }
    }
}

impl EmbedOptions {
    pub fn shows(&self, part: &str) -> bool {
        self.parts.contains(&part)
    }
}

/// `#rrggbb` (case-insensitive), returned lower-cased.
pub fn parse_hex_color(s: &str) -> Option<String> {
    let hex = s.strip_prefix('#')?;
    (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// Black or white, whichever reads better on `color` (`#rrggbb`), by WCAG contrast.
pub fn contrast_text(color: &str) -> &'static str {
    let luminance = super::site::relative_luminance(color);
    // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05).
    if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) {
        "#000000"
    } else {
        "#ffffff"
    }
}

/// `scheme://host[:port]` with an http(s) scheme and nothing after it; `None` otherwise.
pub fn parse_origin(s: &str) -> Option<String> {
    let (scheme, rest) = s.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || rest.starts_with('[') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.[]:".contains(&b));
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then(|| format!("{scheme}://{}", rest.to_ascii_lowercase()))
}

/// Parses the query of an embed URL. Returns the options and a warning for every value that
/// was ignored.
pub fn parse_options<'a>(query: impl IntoIterator<Item = (&'a str, &'a str)>) -> (EmbedOptions, Vec<String>) {
    let mut options = EmbedOptions::default();
    let mut warnings = Vec::new();
    for (key, value) in query {
        match key {
            "theme" => match value {
                "light" => options.theme = Theme::Light,
                "dark" => options.theme = Theme::Dark,
                "auto" => options.theme = Theme::Auto,
                _ => warnings.push(format!("theme=“{value}” ignored: use light, dark or auto")),
            },
            "accent" => match parse_hex_color(value) {
                Some(c) => options.accent = Some(c),
                None => warnings.push(format!("accent=“{value}” ignored: use a colour like #1a73e8")),
            },
            "parts" => {
                let mut parts = Vec::new();
                for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                    match PARTS.iter().find(|p| **p == name) {
                        Some(p) if !parts.contains(p) => parts.push(*p),
                        Some(_) => {}
                        None => warnings.push(format!("parts: “{name}” ignored: use any of {}", PARTS.join(", "))),
                    }
                }
                if parts.is_empty() {
                    warnings.push("parts: nothing valid to show, showing every part".into());
                } else {
                    options.parts = PARTS.iter().copied().filter(|p| parts.contains(p)).collect();
                }
            }
            "lang" => {
                if is_language_tag(value) {
                    options.lang = Some(value.to_string());
                } else {
                    warnings.push(format!("lang=“{value}” ignored: use a language tag like en or pt-BR"));
                }
            }
            "origin" => match parse_origin(value) {
                Some(o) => options.parent_origin = Some(o),
                None => warnings.push(format!(
                    "origin=“{value}” ignored: the embed's height will not be reported"
                )),
            },
            _ => {}
        }
    }
    (options, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page script's copy of the rule (src/page/contrast.mjs) passes the same cases
    /// (tests/tools/page-scripts.test.mjs).
    #[test]
    fn contrast_text_gives_the_shared_cases() {
        let cases: serde_json::Value = serde_json::from_str(include_str!("../../tests/cases/contrast.json")).unwrap();
        let cases = cases["cases"].as_array().unwrap();
        assert!(cases.len() > 20);
        for case in cases {
            assert_eq!(contrast_text(case[0].as_str().unwrap()), case[1], "{case}");
        }
    }

    #[test]
    fn defaults_show_everything() {
        let (o, w) = parse_options([]);
        assert_eq!(o, EmbedOptions::default());
        assert!(w.is_empty());
        assert!(PARTS.iter().all(|p| o.shows(p)));
    }

    #[test]
    fn valid_options_apply() {
        let (o, w) = parse_options([
            ("theme", "dark"),
            ("accent", "#1A73E8"),
            ("parts", "takeaways, headline,takeaways"),
            ("lang", "pt-BR"),
            ("origin", "https://Partner.example:8443"),
            ("src", "ignored-here"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.accent.as_deref(), Some("#1a73e8"));
        assert_eq!(o.parts, ["headline", "takeaways"], "display order, no duplicates");
        assert_eq!(o.lang.as_deref(), Some("pt-BR"));
        assert_eq!(o.parent_origin.as_deref(), Some("https://partner.example:8443"));
    }

    #[test]
    fn invalid_values_are_ignored_with_a_warning() {
        let (o, w) = parse_options([
            ("theme", "neon"),
            ("accent", "red;background:url(javascript:alert(1))"),
            ("parts", "headline,comments"),
            ("lang", "<script>"),
            ("origin", "*"),
        ]);
        assert_eq!(o.theme, Theme::Auto);
        assert_eq!(o.accent, None);
        assert_eq!(o.parts, ["headline"]);
        assert_eq!(o.lang, None);
        assert_eq!(o.parent_origin, None);
        assert_eq!(w.len(), 5, "{w:?}");
        assert!(w[2].contains("“comments” ignored"));
        let (o, w) = parse_options([("parts", "nope")]);
        assert_eq!(o.parts, PARTS);
        assert_eq!(w.len(), 2);
    }

    #[test]
    fn colours_and_contrast() {
        assert_eq!(parse_hex_color("#ABCDEF").as_deref(), Some("#abcdef"));
        for bad in ["abcdef", "#abc", "#abcdeg", "#abcdef00", "", "#"] {
            assert_eq!(parse_hex_color(bad), None, "{bad}");
        }
        assert_eq!(contrast_text("#ffffff"), "#000000");
        assert_eq!(contrast_text("#ffd700"), "#000000");
        assert_eq!(contrast_text("#000000"), "#ffffff");
        assert_eq!(contrast_text("#8a1c1c"), "#ffffff");
        assert_eq!(contrast_text("#0b57d0"), "#ffffff");
    }

    #[test]
    fn origins() {
        assert_eq!(
            parse_origin("http://localhost:5173").as_deref(),
            Some("http://localhost:5173")
        );
        assert_eq!(
            parse_origin("https://news.example").as_deref(),
            Some("https://news.example")
        );
        assert_eq!(parse_origin("http://[::1]:8080").as_deref(), Some("http://[::1]:8080"));
        for bad in [
            "*",
            "null",
            "https://x.example/path",
            "javascript://x",
            "https://",
            "https://x:99999999",
            "ftp://x",
        ] {
            assert_eq!(parse_origin(bad), None, "{bad}");
        }
    }
}
