//! The app's own words, in message catalogues: English, French and Arabic (right to left).
//!
//! Every language fills every field of [`Catalog`], so a missing translation does not compile.
//! Templates name their values in braces (`{n}`), filled with [`fill`]; a test checks that each
//! translation uses the same names as the English text.
//!
//! The language of the interface follows the article being read when it is one of these, and
//! otherwise the browser's preferred languages ([`UiLang::pick`]).

use super::article::Dir;

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

    /// The article's language if the app speaks it, else the first of the browser's languages
    /// it speaks, else English.
    pub fn pick(article: Option<&str>, browser: &[String]) -> UiLang {
        article
            .and_then(UiLang::from_tag)
            .or_else(|| browser.iter().find_map(|t| UiLang::from_tag(t)))
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
        }
    };
}

catalog!(
    skip_to_content,
    site_name,
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
);

pub static EN: Catalog = Catalog {
    skip_to_content: "Skip to content",
    site_name: "Article Reader",
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
};

pub static FR: Catalog = Catalog {
    skip_to_content: "Aller au contenu",
    site_name: "Article Reader",
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
};

pub static AR: Catalog = Catalog {
    skip_to_content: "انتقل إلى المحتوى",
    site_name: "Article Reader",
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
    reading_time: "{n} دقائق للقراءة",
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
};

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
        assert_eq!(UiLang::pick(Some("ar"), &browser(&["fr-FR"])), UiLang::Ar);
        assert_eq!(UiLang::pick(Some("fr-CA"), &[]), UiLang::Fr);
        assert_eq!(UiLang::pick(Some("de"), &browser(&["de-DE", "fr"])), UiLang::Fr);
        assert_eq!(UiLang::pick(None, &browser(&["ja", "en-GB"])), UiLang::En);
        assert_eq!(UiLang::pick(None, &[]), UiLang::En);
        assert_eq!(UiLang::Ar.dir(), Dir::Rtl);
    }

    #[test]
    fn fill_replaces_named_values() {
        assert_eq!(fill(FR.reading_time, &[("n", "4")]), "4 min de lecture");
        assert_eq!(fill(EN.updated, &[("date", "May 2")]), "Updated May 2");
    }
}
