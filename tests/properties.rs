//! Property tests of the article parser and validator (stable Rust, run by `cargo test`; the
//! coverage-guided fuzzer is `scripts/fuzz.sh`):
//! - any valid article round-trips: validated, serialized to JSON and validated again, it is the
//!   same article;
//! - validation never panics, whatever the bytes or JSON values, and what it accepts carries
//!   only http(s)/mailto URLs.

use article_reader::model::{
    links::all_urls, parse_article, parse_article_bytes, parse_index_page_bytes, validate::article_from_value,
};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const BASE: &str = "https://news.example/feeds/a.json";

fn text() -> impl Strategy<Value = String> {
    // Letters, spaces, markup-looking and right-to-left characters; never blank.
    "[a-zA-Z<>&\"' \u{5d0}-\u{5ea}\u{627}-\u{64a}é]{0,30}[a-z]".prop_map(|s| s)
}

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}\\.jpg",
        "https://[a-z]{1,8}\\.example/[a-z]{0,8}",
        "/[a-z]{1,8}",
        Just("javascript:alert(1)".to_string()),
        Just(" JaVa\tScRiPt:alert(1)".to_string()),
        Just("data:text/html,<script>alert(1)</script>".to_string()),
        Just("vbscript:msgbox(1)".to_string()),
    ]
}

fn inline() -> impl Strategy<Value = Value> {
    prop_oneof![
        text().prop_map(Value::String),
        prop::collection::vec(
            (text(), prop::option::of(url()), any::<bool>(), any::<bool>()).prop_map(|(t, href, em, strong)| {
                let mut o = json!({ "text": t, "em": em, "strong": strong });
                if let Some(h) = href {
                    o["href"] = Value::String(h);
                }
                o
            }),
            1..4
        )
        .prop_map(Value::Array),
    ]
}

fn image() -> impl Strategy<Value = Value> {
    (
        url(),
        text(),
        prop::option::of(text()),
        prop::option::of((1u32..5000, 1u32..5000)),
    )
        .prop_map(|(src, alt, caption, size)| {
            let mut o = json!({ "src": src, "alt": alt });
            if let Some(c) = caption {
                o["caption"] = Value::String(c);
            }
            if let Some((w, h)) = size {
                o["width"] = json!(w);
                o["height"] = json!(h);
            }
            o
        })
}

fn block() -> impl Strategy<Value = Value> {
    prop_oneof![
        inline().prop_map(|t| json!({ "type": "paragraph", "text": t })),
        (2u8..=3, inline()).prop_map(|(l, t)| json!({ "type": "heading", "level": l, "text": t })),
        (inline(), prop::option::of(text())).prop_map(|(t, c)| match c {
            Some(c) => json!({ "type": "quote", "text": t, "cite": c }),
            None => json!({ "type": "quote", "text": t }),
        }),
        (any::<bool>(), prop::collection::vec(inline(), 1..4))
            .prop_map(|(o, items)| json!({ "type": "list", "ordered": o, "items": items })),
        image().prop_map(|mut i| {
            i["type"] = json!("image");
            i
        }),
    ]
}

fn article() -> impl Strategy<Value = Value> {
    (
        "[a-z0-9][a-z0-9-]{0,20}",
        text(),
        prop::option::of(text()),
        prop::option::of(image()),
        prop::collection::vec(inline(), 0..4),
        prop::option::of(prop::collection::vec(inline(), 1..3)),
        prop::collection::vec(block(), 1..12),
        prop::collection::vec((text(), prop::option::of(url())), 0..3),
        prop::sample::select(vec!["en", "ar", "he", "pt-BR", "fr"]),
    )
        .prop_map(
            |(id, headline, dek, image, takeaways, editorial, body, related, lang)| {
                let mut a = Map::new();
                a.insert("id".into(), json!(id));
                a.insert("headline".into(), json!(headline));
                a.insert("language".into(), json!(lang));
                a.insert("published".into(), json!("2026-03-15T09:30:00+01:00"));
                if let Some(d) = dek {
                    a.insert("dek".into(), json!(d));
                }
                if let Some(i) = image {
                    a.insert("image".into(), i);
                }
                a.insert("takeaways".into(), Value::Array(takeaways));
                if let Some(body) = editorial {
                    a.insert(
                        "editorial".into(),
                        json!({ "label": "Editor's Desk", "title": "Why", "body": body }),
                    );
                }
                a.insert("body".into(), Value::Array(body));
                let related: Vec<Value> = related
                    .into_iter()
                    .map(|(h, u)| match u {
                        Some(u) => json!({ "headline": h, "url": u }),
                        None => json!({ "headline": h }),
                    })
                    .collect();
                a.insert("related".into(), Value::Array(related));
                Value::Object(a)
            },
        )
}

/// Any JSON value, nested a few levels, with the article format's keys among the random ones.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,20}".prop_map(Value::String),
        url().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let key = prop_oneof![
            prop::sample::select(vec![
                "id",
                "headline",
                "body",
                "type",
                "text",
                "src",
                "alt",
                "href",
                "items",
                "level",
                "ordered",
                "image",
                "editorial",
                "related",
                "takeaways",
                "authors",
                "language",
                "dir",
                "published",
                "width",
                "height",
                "url",
            ])
            .prop_map(String::from),
            "[a-z]{1,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn assert_safe_urls(article: &article_reader::model::Article) {
    for u in all_urls(article) {
        let l = u.to_ascii_lowercase();
        assert!(
            l.starts_with("https://") || l.starts_with("http://") || l.starts_with("mailto:"),
            "unsafe URL accepted: {u}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn valid_articles_round_trip(value in article()) {
        let article = article_from_value(&value, BASE).expect("the generator makes valid articles");
        assert_safe_urls(&article);
        let json = serde_json::to_string(&article).unwrap();
        let again = parse_article(&json, BASE).expect("re-validates");
        prop_assert_eq!(again, article);
    }

    #[test]
    fn validation_never_panics_on_any_json(value in any_json()) {
        if let Ok(article) = article_from_value(&value, BASE) {
            assert_safe_urls(&article);
        }
        let _ = parse_index_page_bytes(value.to_string().as_bytes(), BASE);
    }

    #[test]
    fn a_valid_article_with_one_field_replaced_never_panics(
        value in article(),
        key in prop::sample::select(vec!["id", "headline", "body", "image", "editorial", "related", "takeaways", "language", "published"]),
        replacement in any_json(),
    ) {
        let mut value = value;
        value[key] = replacement;
        if let Ok(article) = article_from_value(&value, BASE) {
            assert_safe_urls(&article);
        }
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_article_bytes(&bytes, BASE);
        let _ = parse_index_page_bytes(&bytes, BASE);
    }
}
