//! The URL resolver (`src/model/url.rs`) is on the security path: it decides which links and
//! images reach the page. Here it is compared with the `url` crate, an implementation of the
//! WHATWG URL Standard (what browsers do), on generated and hostile input:
//! - for ordinary references, `resolve` gives the same URL as the browser would;
//! - whatever `safe_url` lets through, the browser reads as a URL of an allowed scheme (with a
//!   host for http and https), whatever the input hides (case, tabs, newlines, control
//!   characters, backslashes, percent-encoding, nested schemes); it parses, except that a host
//!   written in Unicode is not checked against IDNA (an invalid one makes an inert link);
//! - a link the browser would read as `javascript:` (or any scheme not allowed) never passes.

use article_reader::model::url::{resolve, safe_url, FETCH_SCHEMES, LINK_SCHEMES};
use proptest::prelude::*;
use url::Url;

const BASES: &[&str] = &[
    "https://news.example/articles/story.json",
    "https://news.example/a/b/c/d;p?q#f",
    "http://127.0.0.1:8080/read?src=x",
    "https://news.example/",
];

/// What the browser makes of an `href`/`src` value on a page at `base`.
fn browser(base: &str, value: &str) -> Option<Url> {
    Url::parse(base).ok()?.join(value).ok()
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z0-9_~-]{1,8}(\\.[a-z]{1,4})?",
        1 => Just(".".to_string()),
        1 => Just("..".to_string()),
    ]
}

/// Relative references made of plain characters (which neither side re-encodes).
fn reference() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just(""),
            Just("/"),
            Just("//cdn.example/"),
            Just("https://other.example/")
        ],
        prop::collection::vec(segment(), 0..6),
        any::<bool>(),
        prop::option::of("[a-z0-9=&]{0,8}"),
        prop::option::of("[a-z0-9-]{0,8}"),
    )
        .prop_map(|(start, segments, trailing, query, fragment)| {
            let mut r = format!("{start}{}", segments.join("/"));
            if trailing && !segments.is_empty() {
                r.push('/');
            }
            if let Some(q) = query {
                r.push('?');
                r.push_str(&q);
            }
            if let Some(f) = fragment {
                r.push('#');
                r.push_str(&f);
            }
            r
        })
}

/// Link values an attacker would try: schemes hidden by case, whitespace, control characters,
/// entities left unexpanded, backslashes and slashes; plus anything printable.
fn hostile() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        Just("javascript"),
        Just("JaVaScRiPt"),
        Just("vbscript"),
        Just("data"),
        Just("file"),
        Just("http"),
        Just("https"),
        Just("mailto"),
        Just("blob"),
        Just("about"),
    ];
    let noise = prop_oneof![
        Just(""),
        Just("\t"),
        Just("\n"),
        Just("\r"),
        Just(" "),
        Just("\u{0}"),
        Just("\u{1f}"),
        Just("\u{a0}"),
        Just("&#x09;"),
        Just("%09"),
        Just("\\"),
        Just("/"),
    ];
    prop_oneof![
        (noise.clone(), scheme, noise.clone(), noise.clone(), "[ -~]{0,12}").prop_map(|(a, s, b, c, rest)| {
            let cut = s.len() / 2;
            format!("{a}{}{b}{}:{c}{rest}", &s[..cut], &s[cut..])
        }),
        "[ -~]{0,24}",
        "\\PC{0,16}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn resolves_as_the_browser_does(base in prop::sample::select(BASES), r in reference()) {
        let ours = resolve(base, &r);
        let theirs = browser(base, &r).map(|u| u.to_string());
        prop_assert_eq!(ours, theirs, "base {} reference {:?}", base, r);
    }

    #[test]
    fn what_passes_is_what_the_browser_reads_as_allowed(base in prop::sample::select(BASES), raw in hostile()) {
        for allowed in [LINK_SCHEMES, FETCH_SCHEMES] {
            if let Some(ours) = safe_url(&raw, base, allowed) {
                let read = browser(base, &ours);
                // Hosts in Unicode are passed to the browser as they are: whether one is a valid
                // internationalised name (IDNA) is not checked here, and one that is not makes
                // an inert link. Every other URL that passes must parse.
                let idn = ours.split('/').nth(2).is_some_and(|host| !host.is_ascii());
                prop_assert!(read.is_some() || idn, "{:?} → {:?}, which the browser cannot parse", raw, ours);
                let Some(read) = read else { continue };
                prop_assert!(allowed.contains(&read.scheme()), "{:?} → {:?} reads as {}", raw, ours, read.scheme());
                if matches!(read.scheme(), "http" | "https") {
                    prop_assert!(read.host_str().is_some_and(|h| !h.is_empty()), "{:?} → {:?} has no host", raw, ours);
                }
            }
        }
    }

    #[test]
    fn what_the_browser_reads_as_a_forbidden_scheme_never_passes(base in prop::sample::select(BASES), raw in hostile()) {
        if let Some(read) = browser(base, &raw) {
            if !LINK_SCHEMES.contains(&read.scheme()) {
                prop_assert_eq!(safe_url(&raw, base, LINK_SCHEMES), None, "the browser reads {:?} as {}", raw, read.scheme());
            }
        }
    }
}

#[test]
fn known_hostile_links_are_refused_as_the_browser_would_run_them() {
    let base = BASES[0];
    for raw in [
        "javascript:alert(1)",
        " JaVa\tScRiPt:alert(1)",
        "java\nscript:alert(1)",
        "\u{1}javascript:x",
        "data:text/html,<b>",
        "vbscript:msgbox(1)",
    ] {
        assert!(
            browser(base, raw).is_some_and(|u| !LINK_SCHEMES.contains(&u.scheme())),
            "{raw:?}"
        );
        assert_eq!(safe_url(raw, base, LINK_SCHEMES), None, "{raw:?}");
    }
}
