//! The app's own words, in message catalogues: English, French and Arabic (right to left).
//!
//! The texts live in data files a translator can edit, `src/catalogs/{language}.json`; `build.rs`
//! checks them ([`super::catalog`]: every key in every language, the same `{values}` as the
//! English text, each counted text with its language's plural forms) and writes them out as the
//! statics [`EN`], [`FR`] and [`AR`]. A text that takes values has an accessor of the same name
//! that fills them (`words.read_on("The Ledger")`), its values in alphabetical order and a count
//! first, as a number: `words.more_loaded(3)` picks the form 3 takes by CLDR's rules.
//!
//! The language of the interface follows the article being read when it is one of these, and
//! otherwise the browser's preferred languages ([`UiLang::pick`]).

use super::lang::Dir;
use super::plural::Rule;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiLang {
    En,
    Fr,
    Ar,
}

impl UiLang {
    pub const ALL: [UiLang; 3] = [UiLang::En, UiLang::Fr, UiLang::Ar];

    pub fn tag(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Fr => "fr",
            UiLang::Ar => "ar",
        }
    }

    pub fn dir(self) -> Dir {
        match self {
            UiLang::Ar => Dir::Rtl,
            _ => Dir::Ltr,
        }
    }

    /// The catalogue language for a BCP 47 tag (`fr-CA` → French), if there is one.
    pub fn from_tag(tag: &str) -> Option<UiLang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        UiLang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The article's language if the site offers it, else the first of the browser's languages
    /// it offers, else the site's default (`site.json`'s `languages`).
    pub fn pick(article: Option<&str>, browser: &[String]) -> UiLang {
        UiLang::pick_from(article, browser, &crate::site::LANGUAGES, crate::site::DEFAULT_LANGUAGE)
    }

    /// [`UiLang::pick`] with the offered languages and the default given.
    ///
    /// ```
    /// use article_reader::model::i18n::UiLang;
    /// let browser = vec!["ar-EG".to_string(), "fr".to_string()];
    /// assert_eq!(UiLang::pick_from(Some("fr-CA"), &browser, &["en", "fr"], "en"), UiLang::Fr);
    /// // Arabic is not offered: the browser's next language.
    /// assert_eq!(UiLang::pick_from(None, &browser, &["en", "fr"], "en"), UiLang::Fr);
    /// assert_eq!(UiLang::pick_from(Some("de"), &[], &["en", "fr"], "fr"), UiLang::Fr);
    /// ```
    pub fn pick_from(article: Option<&str>, browser: &[String], offered: &[&str], default: &str) -> UiLang {
        let offered_tag = |tag: &str| UiLang::from_tag(tag).filter(|l| offered.contains(&l.tag()));
        article
            .and_then(offered_tag)
            .or_else(|| browser.iter().find_map(|t| offered_tag(t)))
            .or_else(|| UiLang::from_tag(default))
            .unwrap_or(UiLang::En)
    }

    /// The language's catalogue: one this build carries (English in the browser; every one
    /// natively), else one loaded at run time ([`install`]), else English's.
    pub fn catalog(self) -> &'static Catalog {
        built_in(self.tag()).or_else(|| loaded(self)).unwrap_or(&EN)
    }

    /// Whether the browser must load the language's catalogue: the wasm carries English's only
    /// (`build.rs`), the page's language's comes from the build's `catalogs/` folder.
    ///
    /// ```
    /// use article_reader::model::i18n::UiLang;
    /// assert!(!UiLang::En.loaded_in_browser() && UiLang::Ar.loaded_in_browser());
    /// ```
    pub fn loaded_in_browser(self) -> bool {
        self != UiLang::En
    }

    /// Whether the language's own catalogue is at hand (built in or loaded).
    ///
    /// ```
    /// use article_reader::model::i18n::UiLang;
    /// assert!(UiLang::En.catalog_ready());
    /// ```
    pub fn catalog_ready(self) -> bool {
        built_in(self.tag()).is_some() || loaded(self).is_some()
    }

    /// The file of the language's catalogue in the build (`catalogs/{file}`), which the browser
    /// loads before it shows the interface in that language.
    ///
    /// ```
    /// use article_reader::model::i18n::UiLang;
    /// assert!(UiLang::Fr.catalog_file().starts_with("fr-") && UiLang::Fr.catalog_file().ends_with(".json"));
    /// ```
    pub fn catalog_file(self) -> &'static str {
        CATALOGUE_FILES
            .iter()
            .find(|(tag, _)| *tag == self.tag())
            .map(|(_, file)| *file)
            .unwrap_or_default()
    }
}

std::thread_local! {
    /// The catalogues loaded at run time, kept for the page's lifetime.
    static LOADED: std::cell::RefCell<Vec<(UiLang, &'static Catalog)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn loaded(lang: UiLang) -> Option<&'static Catalog> {
    LOADED.with(|l| l.borrow().iter().find(|(l, _)| *l == lang).map(|(_, c)| *c))
}

/// Reads `json`, the data of `lang`'s catalogue (its file in the build), and keeps it for the
/// page's lifetime: [`UiLang::catalog`] answers with it from then on. `false` when `json` is
/// not such a catalogue (another build's, a damaged file), which changes nothing.
///
/// ```
/// use article_reader::model::i18n::{install, UiLang};
/// assert!(!install(UiLang::Fr, "[\"too short\"]"));
/// assert!(!install(UiLang::Fr, "<html>"));
/// ```
pub fn install(lang: UiLang, json: &str) -> bool {
    let Some(rule) = Rule::for_tag(lang.tag()) else {
        return false;
    };
    let Some(catalog) = Catalog::from_data(rule, json) else {
        return false;
    };
    let catalog: &'static Catalog = Box::leak(Box::new(catalog));
    LOADED.with(|l| l.borrow_mut().push((lang, catalog)));
    true
}

/// Replaces each `{name}` in `template` with its value.
///
/// ```
/// use article_reader::model::i18n::fill;
/// assert_eq!(fill("Read on {publisher}", &[("publisher", "The Ledger")]), "Read on The Ledger");
/// assert_eq!(fill("{n} min read", &[("n", "4")]), "4 min read");
/// // A value is never read as a template: a headline may contain braces.
/// assert_eq!(fill("By {names} and {last}", &[("names", "{last}"), ("last", "Ana")]), "By {last} and Ana");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    super::delimited::replace_delimited(template, '{', '}', |name, out| {
        let value = values.iter().find(|(n, _)| *n == name);
        value.map(|(_, v)| out.push_str(v)).is_some()
    })
}

/// The forms of a counted text: one per plural category its language has, in the order of
/// [`Rule::categories`] (the build checks that they are all there).
#[derive(Debug, PartialEq)]
pub struct Plural {
    forms: &'static [&'static str],
}

impl Plural {
    pub const fn new(forms: &'static [&'static str]) -> Plural {
        Plural { forms }
    }

    /// The forms in `joined`, separated by U+001F (a loaded catalogue's), kept for the page's
    /// lifetime.
    pub fn from_joined(joined: &'static str) -> Plural {
        Plural {
            forms: Box::leak(joined.split('\u{1f}').collect::<Vec<_>>().into_boxed_slice()),
        }
    }

    /// The form `n` takes under `rule`.
    pub fn form(&self, rule: Rule, n: u64) -> &'static str {
        let category = rule.category(n);
        let at = rule.categories().iter().position(|c| *c == category).unwrap_or(0);
        self.forms.get(at).copied().unwrap_or_default()
    }
}

impl Catalog {
    /// A counted text in the form `n` takes, with `{n}` and its other values filled (what the
    /// generated accessors of counted texts call).
    fn counted(&self, text: &Plural, n: usize, values: &[(&str, &str)]) -> String {
        let count = n.to_string();
        let mut all = vec![("n", count.as_str())];
        all.extend_from_slice(values);
        fill(text.form(self.plural, n as u64), &all)
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_is_a_catalogue_for_each_interface_language() {
        let mut ours = UiLang::ALL.map(UiLang::tag);
        let mut files = CATALOGUE_TAGS;
        ours.sort();
        files.sort();
        assert_eq!(
            ours, files,
            "a UiLang for each file in src/catalogs, and a file for each UiLang"
        );
        for lang in UiLang::ALL {
            assert_eq!(lang.catalog().plural, Rule::for_tag(lang.tag()).unwrap());
        }
    }

    #[test]
    fn each_catalogues_file_reads_back_as_its_catalogue() {
        for ((tag, file), data) in CATALOGUE_FILES.iter().zip(CATALOGUE_DATA) {
            let lang = UiLang::from_tag(tag).unwrap();
            assert!(file.starts_with(&format!("{tag}-")), "{file}");
            let read = Catalog::from_data(Rule::for_tag(tag).unwrap(), data).expect(file);
            assert_eq!(&read, built_in(tag).unwrap(), "{file}");
            assert!(install(lang, data), "{file}");
        }
        // A file from another build (one text fewer) is refused.
        let short: Vec<String> = serde_json::from_str::<Vec<String>>(CATALOGUE_DATA[1]).unwrap()[1..].to_vec();
        assert!(Catalog::from_data(Rule::for_tag("fr").unwrap(), &serde_json::to_string(&short).unwrap()).is_none());
    }

    #[test]
    fn counted_texts_take_their_languages_forms() {
        assert_eq!(EN.more_loaded(1), "1 article added below.");
        assert_eq!(EN.more_loaded(3), "3 articles added below.");
        assert_eq!(FR.more_loaded(0), "0 article ajouté ci-dessous.");
        assert_eq!(FR.more_loaded(1_000_000), "1000000 d'articles ajoutés ci-dessous.");
        assert_eq!(AR.more_loaded(2), "أُضيف مقالان في الأسفل.");
        assert_eq!(AR.more_loaded(4), "أُضيفت 4 مقالات في الأسفل.");
        assert_eq!(AR.more_loaded(12), "أُضيف 12 مقالًا في الأسفل.");
        assert_eq!(AR.more_loaded(100), "أُضيف 100 مقال في الأسفل.");
    }

    /// The search page's count, in each form each language has (English one/other; French
    /// one/many/other; Arabic zero/one/two/few/many/other).
    #[test]
    fn the_search_count_takes_its_languages_forms() {
        let q = "pont";
        assert_eq!(EN.search_found(1, q), "1 article found for “pont”.");
        assert_eq!(EN.search_found(0, q), "0 articles found for “pont”.");
        assert_eq!(EN.search_found(21, q), "21 articles found for “pont”.");
        assert_eq!(FR.search_found(0, q), "0 article trouvé pour « pont ».");
        assert_eq!(FR.search_found(1, q), "1 article trouvé pour « pont ».");
        assert_eq!(FR.search_found(2, q), "2 articles trouvés pour « pont ».");
        assert_eq!(
            FR.search_found(2_000_000, q),
            "2000000 d'articles trouvés pour « pont »."
        );
        assert_eq!(AR.search_found(0, q), "لم يُعثر على أي مقال عن «pont».");
        assert_eq!(AR.search_found(1, q), "عُثر على مقال واحد عن «pont».");
        assert_eq!(AR.search_found(2, q), "عُثر على مقالين عن «pont».");
        assert_eq!(AR.search_found(3, q), "عُثر على 3 مقالات عن «pont».");
        assert_eq!(AR.search_found(11, q), "عُثر على 11 مقالًا عن «pont».");
        assert_eq!(AR.search_found(100, q), "عُثر على 100 مقال عن «pont».");
        assert_eq!(
            EN.search_unsearched(1),
            "Only the newest articles were searched: 1 older article was not."
        );
        assert_eq!(
            EN.search_unsearched(41_000),
            "Only the newest articles were searched: 41000 older articles were not."
        );
        assert_eq!(
            FR.search_unsearched(2),
            "Seuls les articles les plus récents ont été cherchés : 2 articles plus anciens ne l'ont pas été."
        );
        assert_eq!(
            AR.search_unsearched(2),
            "بُحث في أحدث المقالات فقط، ولم يُبحث في مقالين أقدم."
        );
        assert_eq!(
            AR.search_unsearched(3),
            "بُحث في أحدث المقالات فقط، ولم يُبحث في 3 مقالات أقدم."
        );
    }

    #[test]
    fn the_interface_follows_the_article_then_the_browser() {
        let browser = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let all = ["en", "fr", "ar"];
        let pick = |article, b: &[String]| UiLang::pick_from(article, b, &all, "en");
        assert_eq!(pick(Some("ar"), &browser(&["fr-FR"])), UiLang::Ar);
        assert_eq!(pick(Some("fr-CA"), &[]), UiLang::Fr);
        assert_eq!(pick(Some("de"), &browser(&["de-DE", "fr"])), UiLang::Fr);
        assert_eq!(pick(None, &browser(&["ja", "en-GB"])), UiLang::En);
        assert_eq!(pick(None, &[]), UiLang::En);
        // A site that offers French and English only, French first.
        assert_eq!(
            UiLang::pick_from(Some("ar"), &browser(&["ja"]), &["fr", "en"], "fr"),
            UiLang::Fr
        );
        assert_eq!(UiLang::Ar.dir(), Dir::Rtl);
    }

    #[test]
    fn accessors_fill_named_values() {
        assert_eq!(FR.reading_time(4), "4 min de lecture");
        assert_eq!(AR.reading_time(2), "وقت القراءة: دقيقتان");
        assert_eq!(
            EN.err_too_large("12", "14.2"),
            "It is 14.2 MB; the reader opens article files of up to 12 MB."
        );
        assert_eq!(fill(EN.updated, &[("date", "May 2")]), "Updated May 2");
    }
}
