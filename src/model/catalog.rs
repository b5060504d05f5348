//! The interface catalogues as data: `src/catalogs/{language}.json`, one file per language, each
//! an object of key → text, or key → plural forms (`{"one": "…", "other": "… {n} …"}`, with
//! exactly the forms the language has by CLDR's rules, [`super::plural`]). Keys starting with
//! `/` are notes for translators and are skipped.
//!
//! `build.rs` reads the files with [`parse_catalogue`], checks them together with [`check`] and
//! stops the build with every problem, each naming its file and key; then it writes them out as
//! the statics of [`super::i18n`]. So no parser reaches the wasm, and a catalogue with a missing
//! key, an unknown value name or a missing plural form does not build.
//!
//! This file is included by `build.rs` as well as compiled into the crate (where its tests run):
//! it uses nothing but `std`, `serde`, `serde_json` and [`super::plural`].

use std::fmt;

use super::plural::{Category, Rule};

/// One entry of a catalogue.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A text, with its `{values}`.
    Text(String),
    /// A counted text: one text per plural form the language has, in CLDR's order. The count is
    /// the value `{n}`.
    Plural(Vec<(Category, String)>),
}

/// A parsed catalogue: a language and its entries, in the file's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    /// The language tag, the file's name (`fr` for `fr.json`).
    pub tag: String,
    pub rule: Rule,
    pub entries: Vec<(String, Entry)>,
}

impl Catalogue {
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, e)| e)
    }

    fn file(&self) -> String {
        format!("{}.json", self.tag)
    }
}

/// What a key's accessor takes: a plain text, or a count, and the other value names
/// (alphabetical, so rewording a text never reorders an accessor's arguments).
#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    pub key: String,
    pub counted: bool,
    pub values: Vec<String>,
}

/// A JSON value that keeps an object's keys in order, duplicates included (serde_json's own
/// `Value` keeps the last of two equal keys silently).
enum Raw {
    Text(String),
    Object(Vec<(String, Raw)>),
    Other(&'static str),
}

impl<'de> serde::Deserialize<'de> for Raw {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw::Text(v.to_string()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Raw, E> {
                Ok(Raw::Other("true or false"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Raw, E> {
                Ok(Raw::Other("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Raw, E> {
                Ok(Raw::Other("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Raw, E> {
                Ok(Raw::Other("a number"))
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::Other("null"))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                while seq.next_element::<Raw>()?.is_some() {}
                Ok(Raw::Other("a list"))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, Raw>()? {
                    entries.push(entry);
                }
                Ok(Raw::Object(entries))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// Rust's keywords, which a key cannot be (each key becomes a field of `Catalog`).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "yield",
];

/// Whether `name` is lower-case letters, digits and `_`, starting with a letter.
fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The `{values}` a text names, each once, in the order they first appear.
///
/// ```
/// use article_reader::model::catalog::values;
/// assert_eq!(values("By {names} and {last}, {names}"), Ok(vec!["names".to_string(), "last".to_string()]));
/// assert!(values("{n min read").unwrap_err().contains("not closed"));
/// assert!(values("{Count} read").unwrap_err().contains("{Count}"));
/// ```
pub fn values(text: &str) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        if rest[i..].starts_with('}') {
            return Err("has a \"}\" that no \"{\" opens".to_string());
        }
        let Some(len) = rest[i + 1..].find('}') else {
            return Err("has a \"{\" that is not closed".to_string());
        };
        let name = &rest[i + 1..i + 1 + len];
        if !is_name(name) {
            return Err(format!(
                "names {{{name}}}, which is not a value name (lower-case letters, digits and _)"
            ));
        }
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        rest = &rest[i + 2 + len..];
    }
    Ok(names)
}

/// Reads one catalogue file's text. `tag` is the file's name without `.json`.
pub fn parse_catalogue(tag: &str, text: &str) -> Result<Catalogue, Vec<String>> {
    let file = format!("{tag}.json");
    let Some(rule) = Rule::for_tag(tag) else {
        return Err(vec![format!(
            "{file}: there is no plural rule for the language \"{tag}\" (add it to src/model/plural.rs)"
        )]);
    };
    let raw: Raw = serde_json::from_str(text).map_err(|e| vec![format!("{file} is not valid JSON: {e}")])?;
    let Raw::Object(items) = raw else {
        return Err(vec![format!("{file} must be one JSON object of texts")]);
    };
    let mut problems = Vec::new();
    let mut entries: Vec<(String, Entry)> = Vec::new();
    for (key, value) in items {
        if key.starts_with('/') {
            continue;
        }
        let at = format!("{file}: \"{key}\"");
        if !is_name(&key) || KEYWORDS.contains(&key.as_str()) {
            problems.push(format!(
                "{at} is not a usable key (lower-case letters, digits and _, not a Rust keyword)"
            ));
            continue;
        }
        if entries.iter().any(|(k, _)| *k == key) {
            problems.push(format!("{at} is there twice"));
            continue;
        }
        let entry = match value {
            Raw::Text(text) => Entry::Text(text),
            Raw::Object(forms) => {
                let mut parsed: Vec<(Category, String)> = Vec::new();
                for (name, form) in forms {
                    match (Category::from_name(&name), form) {
                        (None, _) => problems.push(format!(
                            "{at} has the form \"{name}\", which is no plural form (zero, one, two, few, many, other)"
                        )),
                        (Some(c), _) if parsed.iter().any(|(p, _)| *p == c) => {
                            problems.push(format!("{at} has the form \"{name}\" twice"))
                        }
                        (Some(c), Raw::Text(text)) => parsed.push((c, text)),
                        (Some(_), _) => problems.push(format!("{at}: the form \"{name}\" must be a text")),
                    }
                }
                parsed.sort_by_key(|(c, _)| *c);
                Entry::Plural(parsed)
            }
            Raw::Other(what) => {
                problems.push(format!("{at} must be a text or an object of plural forms, not {what}"));
                continue;
            }
        };
        entries.push((key, entry));
    }
    if problems.is_empty() {
        Ok(Catalogue {
            tag: tag.to_string(),
            rule,
            entries,
        })
    } else {
        Err(problems)
    }
}

fn rule_name(rule: Rule) -> String {
    let names: Vec<&str> = rule.categories().iter().map(|c| c.name()).collect();
    format!("{rule:?} has {}", names.join(", "))
}

/// The values an English entry names, checked: every text well formed, and a counted text names
/// `{n}` in its `other` form.
fn english_values(key: &str, entry: &Entry, problems: &mut Vec<String>) -> Option<(bool, Vec<String>)> {
    let at = format!("en.json: \"{key}\"");
    match entry {
        Entry::Text(text) => match values(text) {
            Ok(v) => Some((false, v)),
            Err(e) => {
                problems.push(format!("{at} {e}"));
                None
            }
        },
        Entry::Plural(forms) => {
            let other = forms.iter().find(|(c, _)| *c == Category::Other)?;
            match values(&other.1) {
                Ok(v) if v.iter().any(|n| n == "n") => Some((true, v)),
                Ok(_) => {
                    problems.push(format!("{at}: the form \"other\" must name the count, {{n}}"));
                    None
                }
                Err(e) => {
                    problems.push(format!("{at}: the form \"other\" {e}"));
                    None
                }
            }
        }
    }
}

/// Checks one entry of any catalogue against the values its English entry names.
fn check_entry(c: &Catalogue, key: &str, entry: &Entry, english: &(bool, Vec<String>), problems: &mut Vec<String>) {
    let at = format!("{}: \"{key}\"", c.file());
    let same_set = |a: &[String], b: &[String]| a.len() == b.len() && a.iter().all(|n| b.contains(n));
    let list = |names: &[String]| {
        if names.is_empty() {
            "no values".to_string()
        } else {
            names.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ")
        }
    };
    let (counted, expected) = english;
    match entry {
        Entry::Text(_) if *counted => problems.push(format!(
            "{at} is a single text, but en.json gives plural forms: give the forms ({})",
            rule_name(c.rule)
        )),
        Entry::Plural(_) if !counted => problems.push(format!(
            "{at} gives plural forms, but en.json has a single text: give one text"
        )),
        Entry::Text(text) => {
            if text.trim().is_empty() {
                problems.push(format!("{at} is empty"));
            }
            match values(text) {
                Err(e) => problems.push(format!("{at} {e}")),
                Ok(v) if !same_set(&v, expected) => problems.push(format!(
                    "{at} names {}, but the English text names {}",
                    list(&v),
                    list(expected)
                )),
                Ok(_) => {}
            }
        }
        Entry::Plural(forms) => {
            let given: Vec<Category> = forms.iter().map(|(c, _)| *c).collect();
            for needed in c.rule.categories() {
                if !given.contains(needed) {
                    problems.push(format!(
                        "{at} lacks the plural form \"{}\" ({})",
                        needed.name(),
                        rule_name(c.rule)
                    ));
                }
            }
            for (category, text) in forms {
                let at = format!("{at}, form \"{}\"", category.name());
                if !c.rule.categories().contains(category) {
                    problems.push(format!("{at}: {} has no such form ({})", c.tag, rule_name(c.rule)));
                    continue;
                }
                if text.trim().is_empty() {
                    problems.push(format!("{at} is empty"));
                }
                match values(text) {
                    Err(e) => problems.push(format!("{at} {e}")),
                    // Every form may leave the count out ("one article"), but only "other"
                    // must name every value.
                    Ok(v) if v.iter().any(|n| !expected.contains(n)) => problems.push(format!(
                        "{at} names {}, but the English text names only {}",
                        list(&v),
                        list(expected)
                    )),
                    Ok(v) if *category == Category::Other && !same_set(&v, expected) => {
                        problems.push(format!("{at} names {}, but must name {}", list(&v), list(expected)))
                    }
                    Ok(_) => {}
                }
            }
        }
    }
}

/// Checks the catalogues together, English (`en`) first: every language has every English key
/// and no other, each text names the same `{values}` as the English one, and each counted text
/// has exactly the plural forms of its language. Returns the accessors' signatures, in English's
/// order, or every problem.
pub fn check(catalogues: &[Catalogue]) -> Result<Vec<Signature>, Vec<String>> {
    let mut problems = Vec::new();
    let Some(en) = catalogues.iter().find(|c| c.tag == "en") else {
        return Err(vec![
            "there is no en.json: English is the reference catalogue".to_string()
        ]);
    };
    let mut signatures = Vec::new();
    let mut english = Vec::new();
    for (key, entry) in &en.entries {
        if let Some(values) = english_values(key, entry, &mut problems) {
            signatures.push(Signature {
                key: key.clone(),
                counted: values.0,
                values: {
                    let mut v: Vec<String> = values.1.iter().filter(|n| !(values.0 && *n == "n")).cloned().collect();
                    v.sort();
                    v
                },
            });
            english.push((key, values));
        }
    }
    for c in catalogues {
        for (key, values) in &english {
            match c.get(key) {
                Some(entry) => check_entry(c, key, entry, values, &mut problems),
                None => problems.push(format!("{}: \"{key}\" is missing (en.json has it)", c.file())),
            }
        }
        for (key, _) in &c.entries {
            if en.get(key).is_none() {
                problems.push(format!("{}: \"{key}\" is not a key of en.json", c.file()));
            }
        }
    }
    if problems.is_empty() {
        Ok(signatures)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(tag: &str, json: &str) -> Catalogue {
        parse_catalogue(tag, json).unwrap()
    }

    fn problems(en: &str, fr: &str, ar: &str) -> Vec<String> {
        check(&[parse("en", en), parse("fr", fr), parse("ar", ar)])
            .err()
            .unwrap_or_default()
    }

    const EN: &str = r#"{
        "/title": "a note for translators",
        "title": "Saved",
        "read_on": "Read on {publisher}",
        "loaded": { "one": "1 article added.", "other": "{n} articles added to {place}." }
    }"#;
    const FR: &str = r#"{
        "title": "Enregistrés",
        "read_on": "Lire sur {publisher}",
        "loaded": { "one": "{n} article ajouté.", "many": "{n} d'articles ajoutés à {place}.", "other": "{n} articles ajoutés à {place}." }
    }"#;
    const AR: &str = r#"{
        "title": "المحفوظة",
        "read_on": "اقرأ على {publisher}",
        "loaded": { "zero": "لا مقال", "one": "مقال واحد", "two": "مقالان", "few": "{n} مقالات في {place}", "many": "{n} مقالًا", "other": "{n} مقال في {place}" }
    }"#;

    #[test]
    fn good_catalogues_give_the_accessors() {
        let signatures = check(&[parse("en", EN), parse("fr", FR), parse("ar", AR)]).unwrap();
        let summary: Vec<(&str, bool, Vec<&str>)> = signatures
            .iter()
            .map(|s| (s.key.as_str(), s.counted, s.values.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("title", false, vec![]),
                ("read_on", false, vec!["publisher"]),
                ("loaded", true, vec!["place"])
            ]
        );
        assert_eq!(
            parse("fr", FR).get("loaded"),
            Some(&Entry::Plural(vec![
                (Category::One, "{n} article ajouté.".into()),
                (Category::Many, "{n} d'articles ajoutés à {place}.".into()),
                (Category::Other, "{n} articles ajoutés à {place}.".into()),
            ]))
        );
    }

    #[test]
    fn each_mistake_is_named_with_its_file_and_key() {
        const TITLE: &str = r#""title": "Enregistrés","#;
        const READ_ON: &str = r#""read_on": "Lire sur {publisher}","#;
        const LOADED: &str = r#""loaded": { "one": "{n} article ajouté.", "many": "{n} d'articles ajoutés à {place}.", "other": "{n} articles ajoutés à {place}." }"#;
        let cases: &[(&str, &str, &str)] = &[
            (TITLE, "", "fr.json: \"title\" is missing (en.json has it)"),
            (
                TITLE,
                r#""title": "Enregistrés", "extra": "x","#,
                "fr.json: \"extra\" is not a key of en.json",
            ),
            (
                TITLE,
                r#""title": "a", "title": "b","#,
                "fr.json: \"title\" is there twice",
            ),
            (TITLE, r#""title": "  ","#, "fr.json: \"title\" is empty"),
            (
                TITLE,
                r#""title": 3,"#,
                "fr.json: \"title\" must be a text or an object of plural forms, not a number",
            ),
            (
                TITLE,
                r#""title": "x", "type": "a","#,
                "fr.json: \"type\" is not a usable key",
            ),
            (
                READ_ON,
                r#""read_on": "Lire sur {editeur}","#,
                "fr.json: \"read_on\" names {editeur}, but the English text names {publisher}",
            ),
            (
                READ_ON,
                r#""read_on": "Lire sur {publisher","#,
                "fr.json: \"read_on\" has a \"{\" that is not closed",
            ),
            (
                READ_ON,
                r#""read_on": "Lire sur publisher}","#,
                "fr.json: \"read_on\" has a \"}\" that no \"{\" opens",
            ),
            (
                LOADED,
                r#""loaded": "{n} articles""#,
                "fr.json: \"loaded\" is a single text, but en.json gives plural forms",
            ),
            (
                LOADED,
                r#""loaded": { "one": "x", "other": "{n} à {place}" }"#,
                "fr.json: \"loaded\" lacks the plural form \"many\" (French has one, many, other)",
            ),
            (
                LOADED,
                r#""loaded": { "one": "x", "two": "y", "many": "{n} {place}", "other": "{n} à {place}" }"#,
                "fr.json: \"loaded\", form \"two\": fr has no such form",
            ),
            (
                LOADED,
                r#""loaded": { "one": "x", "many": "{n} {place}", "other": "{n} articles" }"#,
                "fr.json: \"loaded\", form \"other\" names {n}, but must name {n}, {place}",
            ),
            (
                LOADED,
                r#""loaded": { "one": "{who}", "many": "{n} {place}", "other": "{n} à {place}" }"#,
                "fr.json: \"loaded\", form \"one\" names {who}, but the English text names only {n}, {place}",
            ),
            (
                LOADED,
                r#""loaded": { "one": "x", "one": "y", "many": "{n} {place}", "other": "{n} à {place}" }"#,
                "fr.json: \"loaded\" has the form \"one\" twice",
            ),
            (
                LOADED,
                r#""loaded": { "one": "x", "several": "y", "many": "{n} {place}", "other": "{n} à {place}" }"#,
                "fr.json: \"loaded\" has the form \"several\", which is no plural form",
            ),
        ];
        for (from, to, expected) in cases {
            assert!(FR.contains(from), "{from}");
            let found = match parse_catalogue("fr", &FR.replace(from, to)) {
                Err(p) => p,
                Ok(fr) => check(&[parse("en", EN), fr, parse("ar", AR)]).err().unwrap_or_default(),
            };
            assert!(
                found.iter().any(|p| p.starts_with(expected)),
                "expected “{expected}…” in {found:#?}"
            );
        }
    }

    #[test]
    fn english_is_the_reference() {
        let p = problems(EN, FR, &AR.replace("\"title\": \"المحفوظة\",", ""));
        assert_eq!(p, vec!["ar.json: \"title\" is missing (en.json has it)"]);
        let p = problems(&EN.replace("{n} articles added", "Articles added"), FR, AR);
        assert_eq!(
            p,
            vec!["en.json: \"loaded\": the form \"other\" must name the count, {n}"]
        );
        assert!(parse_catalogue("de", "{}").unwrap_err()[0].contains("no plural rule for the language \"de\""));
        assert!(parse_catalogue("fr", "[1]").unwrap_err()[0].contains("one JSON object"));
        assert!(parse_catalogue("fr", "{\"a\": }").unwrap_err()[0].starts_with("fr.json is not valid JSON: "));
    }
}
