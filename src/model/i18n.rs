//! The app's own words, in message catalogues: English, French and Arabic (right to left).
//!
//! Every language fills every field of [`Catalog`], so a missing translation does not compile.
//! Templates name their values in braces (`{n}`), filled with [`fill`]; a test checks that each
//! translation uses the same names as the English text.
//!
//! The language of the interface follows the article being read when it is one of these, and
//! otherwise the browser's preferred languages ([`UiLang::pick`]).

use super::lang::Dir;

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

    pub fn catalog(self) -> &'static Catalog {
        match self {
            UiLang::En => &EN,
            UiLang::Fr => &FR,
            UiLang::Ar => &AR,
        }
    }
}

/// Replaces each `{name}` in `template` with its value.
///
/// ```
/// use article_reader::model::i18n::fill;
/// assert_eq!(fill("Read on {publisher}", &[("publisher", "The Ledger")]), "Read on The Ledger");
/// assert_eq!(fill("{n} min read", &[("n", "4")]), "4 min read");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

macro_rules! catalog {
    ($($field:ident),+ $(,)?) => {
        /// Every string the interface shows (article text aside).
        pub struct Catalog {
            $(pub $field: &'static str,)+
        }

        impl Catalog {
            /// (field name, text) for every entry, for checks.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field)),+]
            }

            /// Whether every text here names the same `{values}` as in `other` (checked when
            /// the app compiles, below).
            const fn agrees_with(&self, other: &Catalog) -> bool {
                $(same_placeholders(self.$field, other.$field) &&)+ true
            }
        }
    };
}

/// Whether `hay[at..]` starts with `{name}`.
const fn braced_at(hay: &[u8], at: usize, name: &[u8]) -> bool {
    if at + name.len() + 2 > hay.len() || hay[at] != b'{' || hay[at + name.len() + 1] != b'}' {
        return false;
    }
    let mut i = 0;
    while i < name.len() {
        if hay[at + 1 + i] != name[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `{name}` occurs in `hay`.
const fn has_placeholder(hay: &[u8], name: &[u8]) -> bool {
    let mut at = 0;
    while at < hay.len() {
        if braced_at(hay, at, name) {
            return true;
        }
        at += 1;
    }
    false
}

/// The end of the placeholder name that starts after the `{` at `open`, if it is closed.
const fn name_end(text: &[u8], open: usize) -> Option<usize> {
    let mut end = open + 1;
    while end < text.len() {
        if text[end] == b'}' {
            return Some(end);
        }
        end += 1;
    }
    None
}

/// `text[start..end]` as its own slice (const code cannot index with ranges).
const fn slice(text: &[u8], start: usize, end: usize) -> &[u8] {
    text.split_at(end).0.split_at(start).1
}

/// Whether every `{value}` named in `a` is named in `b` too.
const fn names_within(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() {
        if a[i] == b'{' {
            let Some(end) = name_end(a, i) else { return true };
            if !has_placeholder(b, slice(a, i + 1, end)) {
                return false;
            }
            i = end;
        }
        i += 1;
    }
    true
}

/// Whether two texts name the same `{values}`.
///
/// ```
/// use article_reader::model::i18n::same_placeholders;
/// assert!(same_placeholders("{n} min read", "{n} min de lecture"));
/// assert!(!same_placeholders("{n} min read", "{count} min de lecture"));
/// ```
pub const fn same_placeholders(a: &str, b: &str) -> bool {
    names_within(a.as_bytes(), b.as_bytes()) && names_within(b.as_bytes(), a.as_bytes())
}

/// Whether `template` names exactly the values `names` (each at least once, no other).
///
/// ```
/// use article_reader::model::i18n::names_exactly;
/// assert!(names_exactly("By {names} and {last}", &["names", "last"]));
/// assert!(!names_exactly("By {names} and {last}", &["names"]));
/// ```
pub const fn names_exactly(template: &str, names: &[&str]) -> bool {
    let text = template.as_bytes();
    let mut n = 0;
    while n < names.len() {
        if !has_placeholder(text, names[n].as_bytes()) {
            return false;
        }
        n += 1;
    }
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'{' {
            let Some(end) = name_end(text, i) else { return true };
            let name = slice(text, i + 1, end);
            let mut known = false;
            let mut n = 0;
            while n < names.len() {
                known = known || braced_at(text, i, names[n].as_bytes()) && names[n].len() == name.len();
                n += 1;
            }
            if !known {
                return false;
            }
            i = end;
        }
        i += 1;
    }
    true
}

/// Typed accessors for the texts that take values: `words.read_last_time("40")` fills `{n}`.
/// (Plain `&str` values, not generic ones: one copy of each accessor in the wasm.)
/// Each checks, when the app compiles, that the English text names exactly these values; the
/// assertions after the catalogues check that every translation names the same ones.
macro_rules! templates {
    ($($(#[$doc:meta])* $field:ident($($name:ident),+);)+) => {
        impl Catalog {
            $(
                $(#[$doc])*
                pub fn $field(&self, $($name: &str),+) -> String {
                    const {
                        assert!(
                            names_exactly(EN_TEXT.$field, &[$(stringify!($name)),+]),
                            concat!("the text `", stringify!($field), "` does not name exactly the values its accessor fills")
                        )
                    };
                    fill(self.$field, &[$((stringify!($name), $name)),+])
                }
            )+
        }
    };
}

templates! {
    settings_unreadable(why);
    settings_not_stored(why);
    reading_time(n);
    read_last_time(n);
    positions_unreadable(why);
    err_bad_source(given);
    err_not_allowed(origin, site);
    err_redirected_away(origin, site);
    from_source(host);
    open_on(provider);
    more_loaded(n);
    embed_privacy(provider);
    err_bad_id(given);
    err_http_title(status);
    err_network(detail);
    err_timeout(n);
    wait_seconds(n);
    wait_minutes(n);
    err_404(status);
    err_410(status);
    err_429(status, wait);
    err_503(status, wait);
    err_5xx(status);
    err_4xx(status);
    err_wrong_type(media_type);
    err_too_large(size, limit);
    err_not_json(detail);
    err_invalid_many(n);
    storage_use(used, quota);
    removed_named(headline);
    remove_named(headline);
    saved_on(date);
    no_page_at(path);
    image_unavailable_alt(alt);
    read_on(publisher);
    share_on(name);
    byline_one(name);
    byline_many(names, last);
    stored_not_format(what);
    stored_no_size_step(n);
    stored_over_read(url, n);
    stored_unknown_version(n);
    saved_list_unreadable(why);
    save_failed(why);
    saved_list_rebuilt_many(n);
    saved_article_updated(headline);
    save_download_failed(url);
    save_download_http(url, status);
}

catalog!(
    skip_to_content,
    site_nav,
    nav_saved,
    settings_button,
    settings_title,
    theme,
    theme_auto,
    theme_light,
    theme_dark,
    theme_sepia,
    text_size,
    smaller,
    larger,
    typeface,
    serif,
    sans_serif,
    line_width,
    narrow,
    normal,
    wide,
    line_spacing,
    tight,
    loose,
    reset_defaults,
    close,
    settings_unreadable,
    settings_not_stored,
    offline_now,
    offline_detail,
    update_available,
    reload,
    dismiss,
    loading_article,
    reading_time,
    updated,
    key_takeaways,
    read_full_analysis,
    show_less,
    share_heading,
    share_button,
    copy_link,
    link_copied,
    copy_manually,
    related_heading,
    no_related,
    available_offline,
    save_offline,
    saved_offline,
    removed_saved,
    listen,
    pause,
    resume,
    stop,
    speed,
    reading_aloud,
    paused,
    continue_region,
    read_last_time,
    continue_reading,
    start_over,
    positions_unreadable,
    retry,
    back_home,
    err_bad_source_title,
    err_no_source,
    err_bad_source,
    err_not_allowed_title,
    err_not_allowed,
    err_redirected_away,
    from_source,
    open_on,
    more_articles,
    loading_more,
    more_loaded,
    embed_privacy,
    table_region,
    code_region,
    err_bad_id,
    err_not_found_title,
    err_gone_title,
    err_busy_title,
    err_unavailable_title,
    err_http_title,
    err_offline_article_title,
    err_offline_article,
    err_offline_list_title,
    err_offline_list,
    err_network_title,
    err_network,
    err_timeout_title,
    err_timeout,
    wait_moment,
    wait_one_second,
    wait_seconds,
    wait_minutes,
    err_404,
    err_410,
    err_429,
    err_503,
    err_5xx,
    err_4xx,
    err_interrupted_title,
    err_interrupted,
    err_html_title,
    err_html,
    err_not_article_title,
    err_wrong_type,
    err_too_large_title,
    err_too_large,
    err_not_json,
    err_invalid_title,
    err_invalid_one,
    err_invalid_many,
    your_saved,
    latest_articles,
    front_description,
    no_articles,
    loading_articles,
    loading_title,
    saved_title,
    saved_description,
    storage_use,
    storage_kept,
    storage_may_go,
    nothing_saved,
    removed_named,
    remove_named,
    saved_on,
    updated_since_saved,
    remove,
    page_not_found,
    no_page_at,
    go_home,
    image_unavailable,
    image_unavailable_alt,
    read_on,
    opens_new_tab,
    share_on,
    share_by_email,
    link_label,
    byline_one,
    byline_many,
    list_separator,
    storage_unavailable,
    storage_refused,
    stored_not_format,
    stored_settings,
    stored_positions,
    stored_saved_list,
    stored_no_size_step,
    stored_over_read,
    stored_unknown_version,
    save_unavailable,
    save_quota,
    saved_list_unreadable,
    save_failed,
    saved_list_reset,
    saved_list_rebuilt_one,
    saved_list_rebuilt_many,
    saved_article_updated,
    a_saved_article,
    save_download_failed,
    save_download_http,
    save_refused,
);

/// The English catalogue.
pub static EN: Catalog = EN_TEXT;

const EN_TEXT: Catalog = Catalog {
    skip_to_content: "Skip to content",
    site_nav: "Site",
    nav_saved: "Saved",
    settings_button: "Reading settings",
    settings_title: "Reading settings",
    theme: "Theme",
    theme_auto: "Automatic",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_sepia: "Sepia",
    text_size: "Text size",
    smaller: "Smaller",
    larger: "Larger",
    typeface: "Typeface",
    serif: "Serif",
    sans_serif: "Sans-serif",
    line_width: "Line width",
    narrow: "Narrow",
    normal: "Normal",
    wide: "Wide",
    line_spacing: "Line spacing",
    tight: "Tight",
    loose: "Loose",
    reset_defaults: "Reset to defaults",
    close: "Close",
    settings_unreadable: "Your reading settings couldn't be read ({why}) and were reset to the defaults.",
    settings_not_stored: "Your reading settings apply to this visit only: the browser did not let the reader store them ({why}).",
    offline_now: "You're offline.",
    offline_detail: "Saved articles and pages you've opened are still available.",
    update_available: "A new version is available —",
    reload: "Reload",
    dismiss: "Dismiss message",
    loading_article: "Loading article…",
    reading_time: "{n} min read",
    updated: "Updated {date}",
    key_takeaways: "Key Takeaways",
    read_full_analysis: "Read the full analysis",
    show_less: "Show less",
    share_heading: "Share Article",
    share_button: "Share",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_manually: "Couldn't copy automatically. The link is selected below: press Ctrl+C (⌘C on a Mac) to copy it.",
    related_heading: "Related Articles",
    no_related: "No related articles found",
    available_offline: "Available offline",
    save_offline: "Save for offline",
    saved_offline: "Saved. You can read this article offline.",
    removed_saved: "Removed from saved articles.",
    listen: "Listen",
    pause: "Pause",
    resume: "Resume",
    stop: "Stop",
    speed: "Speed",
    reading_aloud: "Reading aloud",
    paused: "Paused",
    continue_region: "Continue reading",
    read_last_time: "You read {n}% of this article last time.",
    continue_reading: "Continue where you left off",
    start_over: "Start over",
    positions_unreadable: "Your reading positions couldn't be read ({why}) and were cleared.",
    retry: "Retry",
    back_home: "Back to the front page",
    err_bad_source_title: "This link can't be opened",
    err_no_source: "No article address was given. Add ?src= followed by the URL of an article's JSON file.",
    err_bad_source: "“{given}” is not an http or https address, so the reader won't load it.",
    err_not_allowed_title: "Not a source this site shows",
    err_not_allowed: "{site} shows articles from its own address and from the sources it trusts. {origin} is not one of them, so its article is not shown here.",
    err_redirected_away: "The article's address led on to {origin}. {site} shows articles from its own address and from the sources it trusts, and that is not one of them, so the article is not shown here.",
    from_source: "From {host}",
    open_on: "Open on {provider}",
    more_articles: "More articles",
    loading_more: "Loading more articles…",
    more_loaded: "Articles added below: {n}.",
    embed_privacy: "Nothing from {provider} loads until you open it.",
    table_region: "Table",
    code_region: "Code",
    err_bad_id: "“{given}” is not an article name: names use only a-z, 0-9 and hyphens.",
    err_not_found_title: "Article not found",
    err_gone_title: "This article was removed",
    err_busy_title: "The server is busy",
    err_unavailable_title: "The server is unavailable for now",
    err_http_title: "The server answered with an error (HTTP {status})",
    err_offline_article_title: "You're offline and this article hasn't been saved",
    err_offline_article: "Articles you have opened or saved are available without a connection. This one will load when you're back online.",
    err_offline_list_title: "You're offline and the article list isn't stored yet",
    err_offline_list: "The list of articles will load when you're back online. Articles you saved are on the Saved page.",
    err_network_title: "Couldn't reach the server",
    err_network: "The request failed before any answer arrived ({detail}). Check your connection and try again. An article on another site can only be read here if that site allows it (CORS).",
    err_timeout_title: "The server took too long to answer",
    err_timeout: "No complete answer arrived within {n} seconds, so the request was stopped.",
    wait_moment: "Try again in a moment.",
    wait_one_second: "It asked to wait 1 second before trying again.",
    wait_seconds: "It asked to wait {n} seconds before trying again.",
    wait_minutes: "It asked to wait about {n} minutes before trying again.",
    err_404: "The server has no article at this address (HTTP {status}). Check the link.",
    err_410: "The publisher has taken this article down for good (HTTP {status}).",
    err_429: "It is receiving too many requests (HTTP {status}). {wait}",
    err_503: "It is overloaded or down for maintenance (HTTP {status}). {wait}",
    err_5xx: "The server failed to deliver the article (HTTP {status}). This is usually temporary.",
    err_4xx: "The server refused the request (HTTP {status}).",
    err_interrupted_title: "The connection broke",
    err_interrupted: "The article started to arrive, but the connection broke before all of it did. Try again.",
    err_html_title: "The server sent a web page, not an article",
    err_html: "The address leads to a web page (it may be a login, error or paywall page) instead of the article's JSON data.",
    err_not_article_title: "This isn't an article file",
    err_wrong_type: "The server says it sent “{media_type}”, not JSON, so the reader did not read it.",
    err_too_large_title: "This article file is too large",
    err_too_large: "It is {size} MB; the reader opens article files of up to {limit} MB.",
    err_not_json: "The server sent something that isn't valid JSON: {detail}.",
    err_invalid_title: "This article file has problems",
    err_invalid_one: "It can't be shown because of this problem:",
    err_invalid_many: "It can't be shown because of these {n} problems:",
    your_saved: "Your saved articles",
    latest_articles: "Latest articles",
    front_description: "The latest articles, read in your browser.",
    no_articles: "No articles yet.",
    loading_articles: "Loading articles…",
    loading_title: "Loading…",
    saved_title: "Saved articles",
    saved_description: "Articles saved for reading offline.",
    storage_use: "Saved articles and the app use {used} of about {quota} available.",
    storage_kept: "The browser keeps them even when space runs low.",
    storage_may_go: "The browser may remove them if the device runs out of space.",
    nothing_saved: "Nothing saved yet. Use “Save for offline” on an article to read it without a connection.",
    removed_named: "Removed “{headline}”.",
    remove_named: "Remove “{headline}” from saved articles",
    saved_on: "Saved {date}",
    updated_since_saved: "Updated since you saved it",
    remove: "Remove",
    page_not_found: "Page not found",
    no_page_at: "There is no page at {path}.",
    go_home: "Go to the front page",
    image_unavailable: "Image unavailable",
    image_unavailable_alt: "Image unavailable: {alt}",
    read_on: "Read on {publisher}",
    opens_new_tab: "(opens in a new tab)",
    share_on: "Share on {name} (opens in a new tab)",
    share_by_email: "Share by email (opens your mail app)",
    link_label: "Link",
    byline_one: "By {name}",
    byline_many: "By {names} and {last}",
    list_separator: ", ",
    storage_unavailable: "local storage is not available here",
    storage_refused: "the storage is full or blocked",
    stored_not_format: "the stored data is not {what}",
    stored_settings: "reader settings",
    stored_positions: "reading positions",
    stored_saved_list: "a list of saved articles",
    stored_no_size_step: "text size step {n} does not exist",
    stored_over_read: "{url} is {n}% read",
    stored_unknown_version: "it has an unknown format (version {n})",
    save_unavailable: "Saving for offline isn't available here: this browser or page doesn't allow the site to store files.",
    save_quota: "Couldn't save: this device has no more storage space for the reader. Remove saved articles or free some space, then try again. Nothing you saved before was affected.",
    saved_list_unreadable: "The list of saved articles couldn't be read ({why}).",
    save_failed: "Couldn't save the article: {why}.",
    saved_list_reset: "It was reset; no saved articles could be recovered.",
    saved_list_rebuilt_one: "It was rebuilt from your saved copies: 1 article recovered.",
    saved_list_rebuilt_many: "It was rebuilt from your saved copies: {n} articles recovered.",
    saved_article_updated: "“{headline}” was updated since you saved it. Your saved copy now has the latest version.",
    a_saved_article: "A saved article",
    save_download_failed: "{url} could not be downloaded",
    save_download_http: "{url} answered HTTP {status}",
    save_refused: "the browser refused",
};

/// The French catalogue.
pub static FR: Catalog = FR_TEXT;

const FR_TEXT: Catalog = Catalog {
    skip_to_content: "Aller au contenu",
    site_nav: "Site",
    nav_saved: "Enregistrés",
    settings_button: "Réglages de lecture",
    settings_title: "Réglages de lecture",
    theme: "Thème",
    theme_auto: "Automatique",
    theme_light: "Clair",
    theme_dark: "Sombre",
    theme_sepia: "Sépia",
    text_size: "Taille du texte",
    smaller: "Plus petit",
    larger: "Plus grand",
    typeface: "Police",
    serif: "Avec empattements",
    sans_serif: "Sans empattements",
    line_width: "Largeur des lignes",
    narrow: "Étroite",
    normal: "Normale",
    wide: "Large",
    line_spacing: "Interligne",
    tight: "Serré",
    loose: "Aéré",
    reset_defaults: "Rétablir les réglages par défaut",
    close: "Fermer",
    settings_unreadable: "Vos réglages de lecture n'ont pas pu être lus ({why}) et ont été rétablis par défaut.",
    settings_not_stored: "Vos réglages de lecture valent pour cette visite seulement : le navigateur n'a pas permis de les enregistrer ({why}).",
    offline_now: "Vous êtes hors ligne.",
    offline_detail: "Les articles enregistrés et les pages déjà ouvertes restent disponibles.",
    update_available: "Une nouvelle version est disponible —",
    reload: "Recharger",
    dismiss: "Fermer le message",
    loading_article: "Chargement de l'article…",
    reading_time: "{n} min de lecture",
    updated: "Mis à jour le {date}",
    key_takeaways: "Points clés",
    read_full_analysis: "Lire l'analyse complète",
    show_less: "Réduire",
    share_heading: "Partager l'article",
    share_button: "Partager",
    copy_link: "Copier le lien",
    link_copied: "Lien copié",
    copy_manually: "La copie automatique a échoué. Le lien est sélectionné ci-dessous : appuyez sur Ctrl+C (⌘C sur Mac) pour le copier.",
    related_heading: "Articles liés",
    no_related: "Aucun article lié",
    available_offline: "Disponible hors ligne",
    save_offline: "Enregistrer hors ligne",
    saved_offline: "Enregistré. Vous pouvez lire cet article hors ligne.",
    removed_saved: "Retiré des articles enregistrés.",
    listen: "Écouter",
    pause: "Pause",
    resume: "Reprendre",
    stop: "Arrêter",
    speed: "Vitesse",
    reading_aloud: "Lecture à voix haute",
    paused: "En pause",
    continue_region: "Reprendre la lecture",
    read_last_time: "La dernière fois, vous avez lu {n} % de cet article.",
    continue_reading: "Reprendre là où vous en étiez",
    start_over: "Recommencer",
    positions_unreadable: "Vos positions de lecture n'ont pas pu être lues ({why}) et ont été effacées.",
    retry: "Réessayer",
    back_home: "Retour à la une",
    err_bad_source_title: "Ce lien ne peut pas être ouvert",
    err_no_source: "Aucune adresse d'article n'a été donnée. Ajoutez ?src= suivi de l'URL du fichier JSON d'un article.",
    err_bad_source: "« {given} » n'est pas une adresse http ou https : le lecteur ne la chargera pas.",
    err_not_allowed_title: "Source non reconnue par ce site",
    err_not_allowed: "{site} affiche les articles de sa propre adresse et des sources qu'il reconnaît. {origin} n'en fait pas partie : son article n'est pas affiché ici.",
    err_redirected_away: "L'adresse de l'article renvoie vers {origin}. {site} affiche les articles de sa propre adresse et des sources qu'il reconnaît, et celle-ci n'en fait pas partie : l'article n'est pas affiché ici.",
    from_source: "Source : {host}",
    open_on: "Ouvrir sur {provider}",
    more_articles: "Plus d'articles",
    loading_more: "Chargement d'autres articles…",
    more_loaded: "Articles ajoutés ci-dessous : {n}.",
    embed_privacy: "Rien de {provider} ne se charge avant que vous l'ouvriez.",
    table_region: "Tableau",
    code_region: "Code",
    err_bad_id: "« {given} » n'est pas un nom d'article : les noms n'utilisent que a-z, 0-9 et des tirets.",
    err_not_found_title: "Article introuvable",
    err_gone_title: "Cet article a été retiré",
    err_busy_title: "Le serveur est surchargé",
    err_unavailable_title: "Le serveur est momentanément indisponible",
    err_http_title: "Le serveur a répondu par une erreur (HTTP {status})",
    err_offline_article_title: "Vous êtes hors ligne et cet article n'a pas été enregistré",
    err_offline_article: "Les articles ouverts ou enregistrés restent disponibles sans connexion. Celui-ci se chargera quand vous serez de nouveau en ligne.",
    err_offline_list_title: "Vous êtes hors ligne et la liste des articles n'est pas encore enregistrée",
    err_offline_list: "La liste des articles se chargera quand vous serez de nouveau en ligne. Vos articles enregistrés sont sur la page Enregistrés.",
    err_network_title: "Impossible de joindre le serveur",
    err_network: "La requête a échoué avant toute réponse ({detail}). Vérifiez votre connexion et réessayez. Un article d'un autre site ne peut être lu ici que si ce site l'autorise (CORS).",
    err_timeout_title: "Le serveur a mis trop de temps à répondre",
    err_timeout: "Aucune réponse complète n'est arrivée en {n} secondes : la requête a été arrêtée.",
    wait_moment: "Réessayez dans un instant.",
    wait_one_second: "Il demande d'attendre 1 seconde avant de réessayer.",
    wait_seconds: "Il demande d'attendre {n} secondes avant de réessayer.",
    wait_minutes: "Il demande d'attendre environ {n} minutes avant de réessayer.",
    err_404: "Le serveur n'a pas d'article à cette adresse (HTTP {status}). Vérifiez le lien.",
    err_410: "L'éditeur a définitivement retiré cet article (HTTP {status}).",
    err_429: "Il reçoit trop de requêtes (HTTP {status}). {wait}",
    err_503: "Il est surchargé ou en maintenance (HTTP {status}). {wait}",
    err_5xx: "Le serveur n'a pas pu fournir l'article (HTTP {status}). C'est généralement passager.",
    err_4xx: "Le serveur a refusé la requête (HTTP {status}).",
    err_interrupted_title: "La connexion a été coupée",
    err_interrupted: "L'article commençait à arriver, mais la connexion a été coupée avant la fin. Réessayez.",
    err_html_title: "Le serveur a envoyé une page web, pas un article",
    err_html: "L'adresse mène à une page web (peut-être une page de connexion, d'erreur ou d'abonnement) au lieu des données JSON de l'article.",
    err_not_article_title: "Ce n'est pas un fichier d'article",
    err_wrong_type: "Le serveur indique avoir envoyé « {media_type} », pas du JSON : le lecteur ne l'a pas lu.",
    err_too_large_title: "Ce fichier d'article est trop volumineux",
    err_too_large: "Il fait {size} Mo ; le lecteur ouvre les fichiers d'article jusqu'à {limit} Mo.",
    err_not_json: "Le serveur a envoyé quelque chose qui n'est pas du JSON valide : {detail}.",
    err_invalid_title: "Ce fichier d'article comporte des erreurs",
    err_invalid_one: "Il ne peut pas être affiché à cause de ce problème :",
    err_invalid_many: "Il ne peut pas être affiché à cause de ces {n} problèmes :",
    your_saved: "Vos articles enregistrés",
    latest_articles: "Derniers articles",
    front_description: "Les derniers articles, à lire dans votre navigateur.",
    no_articles: "Pas encore d'articles.",
    loading_articles: "Chargement des articles…",
    loading_title: "Chargement…",
    saved_title: "Articles enregistrés",
    saved_description: "Articles enregistrés pour une lecture hors ligne.",
    storage_use: "Les articles enregistrés et l'application occupent {used} sur environ {quota} disponibles.",
    storage_kept: "Le navigateur les conserve même quand l'espace manque.",
    storage_may_go: "Le navigateur peut les supprimer si l'appareil manque d'espace.",
    nothing_saved: "Rien d'enregistré pour l'instant. Utilisez « Enregistrer hors ligne » sur un article pour le lire sans connexion.",
    removed_named: "« {headline} » a été retiré.",
    remove_named: "Retirer « {headline} » des articles enregistrés",
    saved_on: "Enregistré le {date}",
    updated_since_saved: "Mis à jour depuis l'enregistrement",
    remove: "Retirer",
    page_not_found: "Page introuvable",
    no_page_at: "Il n'y a pas de page à l'adresse {path}.",
    go_home: "Aller à la une",
    image_unavailable: "Image indisponible",
    image_unavailable_alt: "Image indisponible : {alt}",
    read_on: "Lire sur {publisher}",
    opens_new_tab: "(s'ouvre dans un nouvel onglet)",
    share_on: "Partager sur {name} (s'ouvre dans un nouvel onglet)",
    share_by_email: "Partager par e-mail (ouvre votre messagerie)",
    link_label: "Lien",
    byline_one: "Par {name}",
    byline_many: "Par {names} et {last}",
    list_separator: ", ",
    storage_unavailable: "le stockage local n'est pas disponible ici",
    storage_refused: "l'espace de stockage est plein ou bloqué",
    stored_not_format: "les données enregistrées ne sont pas {what}",
    stored_settings: "des réglages de lecture",
    stored_positions: "des positions de lecture",
    stored_saved_list: "une liste d'articles enregistrés",
    stored_no_size_step: "le cran de taille de texte {n} n'existe pas",
    stored_over_read: "{url} serait lu à {n} %",
    stored_unknown_version: "son format est inconnu (version {n})",
    save_unavailable: "L'enregistrement hors ligne n'est pas disponible ici : ce navigateur ou cette page ne permet pas au site de stocker des fichiers.",
    save_quota: "Enregistrement impossible : cet appareil n'a plus d'espace de stockage pour le lecteur. Supprimez des articles enregistrés ou libérez de l'espace, puis réessayez. Rien de ce que vous aviez enregistré n'a été touché.",
    saved_list_unreadable: "La liste des articles enregistrés n'a pas pu être lue ({why}).",
    save_failed: "Impossible d'enregistrer l'article : {why}.",
    saved_list_reset: "Elle a été réinitialisée ; aucun article enregistré n'a pu être récupéré.",
    saved_list_rebuilt_one: "Elle a été reconstruite à partir de vos copies enregistrées : 1 article récupéré.",
    saved_list_rebuilt_many: "Elle a été reconstruite à partir de vos copies enregistrées : {n} articles récupérés.",
    saved_article_updated: "« {headline} » a été mis à jour depuis que vous l'avez enregistré. Votre copie enregistrée est maintenant la plus récente.",
    a_saved_article: "Un article enregistré",
    save_download_failed: "{url} n'a pas pu être téléchargé",
    save_download_http: "{url} a répondu HTTP {status}",
    save_refused: "le navigateur a refusé",
};

/// The Arabic catalogue.
pub static AR: Catalog = AR_TEXT;

const AR_TEXT: Catalog = Catalog {
    skip_to_content: "انتقل إلى المحتوى",
    site_nav: "الموقع",
    nav_saved: "المحفوظات",
    settings_button: "إعدادات القراءة",
    settings_title: "إعدادات القراءة",
    theme: "المظهر",
    theme_auto: "تلقائي",
    theme_light: "فاتح",
    theme_dark: "داكن",
    theme_sepia: "بني داكن",
    text_size: "حجم النص",
    smaller: "أصغر",
    larger: "أكبر",
    typeface: "نوع الخط",
    serif: "خط مذيل",
    sans_serif: "خط غير مذيل",
    line_width: "عرض السطر",
    narrow: "ضيق",
    normal: "عادي",
    wide: "عريض",
    line_spacing: "تباعد الأسطر",
    tight: "متقارب",
    loose: "متباعد",
    reset_defaults: "استعادة الإعدادات الافتراضية",
    close: "إغلاق",
    settings_unreadable: "تعذرت قراءة إعدادات القراءة ({why})، فأعيدت إلى الإعدادات الافتراضية.",
    settings_not_stored: "تسري إعدادات القراءة على هذه الزيارة فقط: لم يسمح المتصفح بحفظها ({why}).",
    offline_now: "أنت غير متصل بالإنترنت.",
    offline_detail: "المقالات المحفوظة والصفحات التي فتحتها ما زالت متاحة.",
    update_available: "يتوفر إصدار جديد —",
    reload: "إعادة التحميل",
    dismiss: "إغلاق الرسالة",
    loading_article: "جارٍ تحميل المقال…",
    reading_time: "وقت القراءة: {n} د",
    updated: "حُدّث في {date}",
    key_takeaways: "أبرز النقاط",
    read_full_analysis: "اقرأ التحليل كاملًا",
    show_less: "عرض أقل",
    share_heading: "شارك المقال",
    share_button: "مشاركة",
    copy_link: "نسخ الرابط",
    link_copied: "نُسخ الرابط",
    copy_manually: "تعذر النسخ تلقائيًا. الرابط محدد أدناه: اضغط Ctrl+C (أو ⌘C على ماك) لنسخه.",
    related_heading: "مقالات ذات صلة",
    no_related: "لا توجد مقالات ذات صلة",
    available_offline: "متاح دون اتصال",
    save_offline: "حفظ للقراءة دون اتصال",
    saved_offline: "حُفظ المقال. يمكنك قراءته دون اتصال.",
    removed_saved: "أزيل من المقالات المحفوظة.",
    listen: "استمع",
    pause: "إيقاف مؤقت",
    resume: "متابعة",
    stop: "إيقاف",
    speed: "السرعة",
    reading_aloud: "جارٍ القراءة بصوت عالٍ",
    paused: "متوقف مؤقتًا",
    continue_region: "متابعة القراءة",
    read_last_time: "قرأت {n}٪ من هذا المقال في المرة السابقة.",
    continue_reading: "تابع من حيث توقفت",
    start_over: "ابدأ من جديد",
    positions_unreadable: "تعذرت قراءة مواضع القراءة ({why})، فحُذفت.",
    retry: "إعادة المحاولة",
    back_home: "العودة إلى الصفحة الرئيسية",
    err_bad_source_title: "لا يمكن فتح هذا الرابط",
    err_no_source: "لم يُحدَّد عنوان لمقال. أضف ?src= متبوعًا بعنوان ملف JSON الخاص بالمقال.",
    err_bad_source: "«{given}» ليس عنوان http أو https، لذلك لن يحمّله القارئ.",
    err_not_allowed_title: "مصدر لا يعرضه هذا الموقع",
    err_not_allowed: "يعرض {site} المقالات من عنوانه ومن المصادر التي يثق بها. و{origin} ليس منها، لذلك لا تُعرض مقالته هنا.",
    err_redirected_away: "أحال عنوان المقالة إلى {origin}. يعرض {site} المقالات من عنوانه ومن المصادر التي يثق بها، وهذا ليس منها، لذلك لا تُعرض المقالة هنا.",
    from_source: "من {host}",
    open_on: "افتح على {provider}",
    more_articles: "مزيد من المقالات",
    loading_more: "جارٍ تحميل مزيد من المقالات…",
    more_loaded: "مقالات أُضيفت في الأسفل: {n}.",
    embed_privacy: "لا يُحمَّل شيء من {provider} قبل أن تفتحه.",
    table_region: "جدول",
    code_region: "شيفرة",
    err_bad_id: "«{given}» ليس اسم مقال: تتكون الأسماء من a-z و0-9 والشرطات فقط.",
    err_not_found_title: "المقال غير موجود",
    err_gone_title: "أُزيل هذا المقال",
    err_busy_title: "الخادم مشغول",
    err_unavailable_title: "الخادم غير متاح حاليًا",
    err_http_title: "ردّ الخادم بخطأ (HTTP {status})",
    err_offline_article_title: "أنت غير متصل ولم يُحفظ هذا المقال",
    err_offline_article: "المقالات التي فتحتها أو حفظتها متاحة دون اتصال. سيُحمَّل هذا المقال عند عودة الاتصال.",
    err_offline_list_title: "أنت غير متصل ولم تُحفظ قائمة المقالات بعد",
    err_offline_list: "ستُحمَّل قائمة المقالات عند عودة الاتصال. المقالات التي حفظتها موجودة في صفحة المحفوظات.",
    err_network_title: "تعذّر الوصول إلى الخادم",
    err_network: "فشل الطلب قبل وصول أي رد ({detail}). تحقّق من اتصالك وحاول مجددًا. لا يمكن قراءة مقال من موقع آخر هنا إلا إذا سمح ذلك الموقع (CORS).",
    err_timeout_title: "استغرق الخادم وقتًا طويلًا للرد",
    err_timeout: "لم يصل رد كامل خلال {n} ثوانٍ، فأوقف الطلب.",
    wait_moment: "حاول مجددًا بعد قليل.",
    wait_one_second: "طلب الانتظار ثانية واحدة قبل المحاولة مجددًا.",
    wait_seconds: "طلب الانتظار {n} ثانية قبل المحاولة مجددًا.",
    wait_minutes: "طلب الانتظار نحو {n} دقيقة قبل المحاولة مجددًا.",
    err_404: "لا يوجد لدى الخادم مقال بهذا العنوان (HTTP {status}). تحقّق من الرابط.",
    err_410: "أزال الناشر هذا المقال نهائيًا (HTTP {status}).",
    err_429: "يتلقى الخادم طلبات كثيرة جدًا (HTTP {status}). {wait}",
    err_503: "الخادم مثقل أو قيد الصيانة (HTTP {status}). {wait}",
    err_5xx: "أخفق الخادم في تقديم المقال (HTTP {status}). عادةً ما يكون ذلك مؤقتًا.",
    err_4xx: "رفض الخادم الطلب (HTTP {status}).",
    err_interrupted_title: "انقطع الاتصال",
    err_interrupted: "بدأ المقال بالوصول، لكن الاتصال انقطع قبل اكتماله. حاول مجددًا.",
    err_html_title: "أرسل الخادم صفحة ويب وليس مقالًا",
    err_html: "يؤدي العنوان إلى صفحة ويب (قد تكون صفحة تسجيل دخول أو خطأ أو اشتراك) بدلًا من بيانات JSON الخاصة بالمقال.",
    err_not_article_title: "هذا ليس ملف مقال",
    err_wrong_type: "يقول الخادم إنه أرسل «{media_type}» وليس JSON، لذلك لم يقرأه القارئ.",
    err_too_large_title: "ملف المقال كبير جدًا",
    err_too_large: "حجمه {size} ميغابايت؛ يفتح القارئ ملفات المقالات حتى {limit} ميغابايت.",
    err_not_json: "أرسل الخادم شيئًا ليس JSON صالحًا: {detail}.",
    err_invalid_title: "في ملف المقال مشكلات",
    err_invalid_one: "لا يمكن عرضه بسبب هذه المشكلة:",
    err_invalid_many: "لا يمكن عرضه بسبب هذه المشكلات ({n}):",
    your_saved: "مقالاتك المحفوظة",
    latest_articles: "أحدث المقالات",
    front_description: "أحدث المقالات، تُقرأ في متصفحك.",
    no_articles: "لا توجد مقالات بعد.",
    loading_articles: "جارٍ تحميل المقالات…",
    loading_title: "جارٍ التحميل…",
    saved_title: "المقالات المحفوظة",
    saved_description: "مقالات محفوظة للقراءة دون اتصال.",
    storage_use: "تشغل المقالات المحفوظة والتطبيق {used} من نحو {quota} متاحة.",
    storage_kept: "يحتفظ بها المتصفح حتى عند نفاد المساحة.",
    storage_may_go: "قد يحذفها المتصفح إذا نفدت مساحة الجهاز.",
    nothing_saved: "لم يُحفظ شيء بعد. استخدم «حفظ للقراءة دون اتصال» في أي مقال لقراءته دون اتصال.",
    removed_named: "أُزيل «{headline}».",
    remove_named: "إزالة «{headline}» من المقالات المحفوظة",
    saved_on: "حُفظ في {date}",
    updated_since_saved: "حُدّث منذ أن حفظته",
    remove: "إزالة",
    page_not_found: "الصفحة غير موجودة",
    no_page_at: "لا توجد صفحة على العنوان {path}.",
    go_home: "انتقل إلى الصفحة الرئيسية",
    image_unavailable: "الصورة غير متاحة",
    image_unavailable_alt: "الصورة غير متاحة: {alt}",
    read_on: "اقرأ على {publisher}",
    opens_new_tab: "(يُفتح في علامة تبويب جديدة)",
    share_on: "شارك على {name} (يُفتح في علامة تبويب جديدة)",
    share_by_email: "شارك عبر البريد الإلكتروني (يفتح تطبيق البريد)",
    link_label: "الرابط",
    byline_one: "بقلم {name}",
    byline_many: "بقلم {names} و{last}",
    list_separator: "، ",
    storage_unavailable: "التخزين المحلي غير متاح هنا",
    storage_refused: "مساحة التخزين ممتلئة أو محظورة",
    stored_not_format: "البيانات المخزنة ليست {what}",
    stored_settings: "إعدادات قراءة",
    stored_positions: "مواضع قراءة",
    stored_saved_list: "قائمة مقالات محفوظة",
    stored_no_size_step: "درجة حجم النص {n} غير موجودة",
    stored_over_read: "{url} مقروء بنسبة {n}٪",
    stored_unknown_version: "صيغتها غير معروفة (الإصدار {n})",
    save_unavailable: "الحفظ للقراءة دون اتصال غير متاح هنا: هذا المتصفح أو هذه الصفحة لا يسمحان للموقع بتخزين الملفات.",
    save_quota: "تعذّر الحفظ: لم تعد في هذا الجهاز مساحة تخزين للقارئ. أزل مقالات محفوظة أو أفرغ بعض المساحة ثم حاول مجددًا. لم يتأثر شيء مما حفظته من قبل.",
    saved_list_unreadable: "تعذّرت قراءة قائمة المقالات المحفوظة ({why}).",
    save_failed: "تعذّر حفظ المقال: {why}.",
    saved_list_reset: "أُعيد ضبطها؛ لم يمكن استرداد أي مقال محفوظ.",
    saved_list_rebuilt_one: "أُعيد بناؤها من نسخك المحفوظة: استُردّ مقال واحد.",
    saved_list_rebuilt_many: "أُعيد بناؤها من نسخك المحفوظة: استُردّت {n} مقالات.",
    saved_article_updated: "حُدّث «{headline}» منذ أن حفظته. نسختك المحفوظة هي الآن أحدث نسخة.",
    a_saved_article: "مقال محفوظ",
    save_download_failed: "تعذّر تنزيل {url}",
    save_download_http: "أجاب {url} بالرمز HTTP {status}",
    save_refused: "رفض المتصفح ذلك",
};

// Every translation names the same values as the English text, or the app does not compile
// (the unit test below says which text differs).
const _: () = assert!(
    FR_TEXT.agrees_with(&EN_TEXT),
    "a French text names other {{values}} than the English one"
);
const _: () = assert!(
    AR_TEXT.agrees_with(&EN_TEXT),
    "an Arabic text names other {{values}} than the English one"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<String> {
        let mut names: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_translation_is_there_and_uses_the_same_values() {
        let en = EN.entries();
        for lang in [UiLang::Fr, UiLang::Ar] {
            for ((field, english), (_, translated)) in en.iter().zip(lang.catalog().entries()) {
                assert!(!translated.trim().is_empty(), "{lang:?}.{field} is empty");
                assert_eq!(placeholders(english), placeholders(translated), "{lang:?}.{field}");
            }
        }
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
    fn fill_replaces_named_values() {
        assert_eq!(fill(FR.reading_time, &[("n", "4")]), "4 min de lecture");
        assert_eq!(fill(EN.updated, &[("date", "May 2")]), "Updated May 2");
    }
}
