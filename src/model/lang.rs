//! Language tags and writing direction.

use serde::Serialize;

/// Text direction of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    Ltr,
    Rtl,
    Auto,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
            Dir::Auto => "auto",
        }
    }
}

/// Primary language subtags written right to left.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi",
];
/// Script subtags written right to left (ISO 15924).
const RTL_SCRIPTS: &[&str] = &["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand"];

/// A loose BCP 47 check: a 2–8 letter primary subtag followed by 1–8 character alphanumeric
/// subtags separated by hyphens. Enough to keep garbage out of `<html lang>`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The direction a language is written in: a script subtag wins (`az-Arab` is rtl, `ku-Latn`
/// is ltr), then the primary language.
pub fn direction_of(tag: &str) -> Dir {
    let lower = tag.to_ascii_lowercase();
    let mut parts = lower.split('-');
    let primary = parts.next().unwrap_or("");
    for sub in parts {
        if sub.len() == 4 {
            return if RTL_SCRIPTS.contains(&sub) { Dir::Rtl } else { Dir::Ltr };
        }
    }
    if RTL_LANGUAGES.contains(&primary) {
        Dir::Rtl
    } else {
        Dir::Ltr
    }
}

/// The primary language subtag, lower-cased ("pt-BR" → "pt").
pub fn primary(tag: &str) -> String {
    tag.split('-').next().unwrap_or("").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for ok in ["en", "en-GB", "pt-BR", "zh-Hant-TW", "ar", "sr-Latn-RS", "de-CH-1996"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "englishlanguage", "en_US", "en-", "<b>", "en GB", "123"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn directions() {
        assert_eq!(direction_of("ar"), Dir::Rtl);
        assert_eq!(direction_of("he-IL"), Dir::Rtl);
        assert_eq!(direction_of("FA"), Dir::Rtl);
        assert_eq!(direction_of("en"), Dir::Ltr);
        assert_eq!(direction_of("az-Arab"), Dir::Rtl);
        assert_eq!(direction_of("ku-Latn"), Dir::Ltr);
        assert_eq!(direction_of("pa-Arab-PK"), Dir::Rtl);
    }
}
