//! Plural forms by CLDR's rules, for whole numbers: which form of a counted text ("1 article",
//! "2 articles") a number takes in each interface language.
//!
//! English has two forms (one, other), French three (one, many, other: "1 000 000 d'articles"),
//! Arabic six. The rules are CLDR's (`plurals.xml`) for integers; a native test compares them with
//! ICU4X (`icu_plurals`).
//!
//! This file is included by `build.rs` as well as compiled into the crate (the build checks that
//! each catalogue gives exactly its language's forms): it uses nothing but `std`.

/// A plural category, as CLDR names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// The name a catalogue file uses for it (`"few"`).
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    /// The category a catalogue file names, if it is one.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The plural rule of one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    English,
    French,
    Arabic,
}

impl Rule {
    /// The rule for a language tag's primary language, if this file has it.
    ///
    /// ```
    /// use article_reader::model::plural::Rule;
    /// assert_eq!(Rule::for_tag("fr-CA"), Some(Rule::French));
    /// assert_eq!(Rule::for_tag("de"), None);
    /// ```
    pub fn for_tag(tag: &str) -> Option<Rule> {
        match tag.split(['-', '_']).next()?.to_ascii_lowercase().as_str() {
            "en" => Some(Rule::English),
            "fr" => Some(Rule::French),
            "ar" => Some(Rule::Arabic),
            _ => None,
        }
    }

    /// The forms a counted text has in this language, in CLDR's order.
    pub fn categories(self) -> &'static [Category] {
        use Category::*;
        match self {
            Rule::English => &[One, Other],
            Rule::French => &[One, Many, Other],
            Rule::Arabic => &[Zero, One, Two, Few, Many, Other],
        }
    }

    /// The form `n` takes.
    ///
    /// ```
    /// use article_reader::model::plural::{Category, Rule};
    /// assert_eq!(Rule::English.category(1), Category::One);
    /// assert_eq!(Rule::French.category(0), Category::One);
    /// assert_eq!(Rule::French.category(2_000_000), Category::Many);
    /// assert_eq!(Rule::Arabic.category(2), Category::Two);
    /// assert_eq!(Rule::Arabic.category(105), Category::Few);
    /// assert_eq!(Rule::Arabic.category(111), Category::Many);
    /// assert_eq!(Rule::Arabic.category(100), Category::Other);
    /// ```
    pub fn category(self, n: u64) -> Category {
        match self {
            Rule::English if n == 1 => Category::One,
            Rule::English => Category::Other,
            Rule::French if n <= 1 => Category::One,
            Rule::French if n.is_multiple_of(1_000_000) => Category::Many,
            Rule::French => Category::Other,
            Rule::Arabic => match (n, n % 100) {
                (0, _) => Category::Zero,
                (1, _) => Category::One,
                (2, _) => Category::Two,
                (_, 3..=10) => Category::Few,
                (_, 11..=99) => Category::Many,
                _ => Category::Other,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use icu_plurals::{PluralCategory, PluralRules};

    fn cldr(c: PluralCategory) -> Category {
        match c {
            PluralCategory::Zero => Category::Zero,
            PluralCategory::One => Category::One,
            PluralCategory::Two => Category::Two,
            PluralCategory::Few => Category::Few,
            PluralCategory::Many => Category::Many,
            PluralCategory::Other => Category::Other,
        }
    }

    #[test]
    fn the_rules_are_cldrs() {
        for (tag, rule) in [("en", Rule::English), ("fr", Rule::French), ("ar", Rule::Arabic)] {
            let locale: icu_locale_core::Locale = tag.parse().unwrap();
            let reference = PluralRules::try_new(locale.into(), Default::default()).unwrap();
            let mut seen = Vec::new();
            // Every number to 20,000, and around each hundred thousand and million up to 30 million.
            let around = |step: u64| (1..=30_000_000 / step).flat_map(move |m| m * step - 1..=m * step + 1);
            let numbers = (0..=20_000u64).chain(around(100_000)).chain(around(1_000_000));
            for n in numbers {
                let expected = cldr(reference.category_for(n));
                assert_eq!(rule.category(n), expected, "{tag} {n}");
                if !seen.contains(&expected) {
                    seen.push(expected);
                }
            }
            seen.sort();
            assert_eq!(seen, rule.categories(), "{tag}: the categories its numbers take");
        }
    }

    #[test]
    fn names_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_name(c.name()), Some(c));
        }
        assert_eq!(Category::from_name("several"), None);
    }
}
