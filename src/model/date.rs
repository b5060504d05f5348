//! RFC 3339 timestamps: strict parsing, ordering, and a date formatted for the article's language.
//!
//! Formatting is done here rather than with the browser's `Intl` so that the same text comes out
//! natively (tests, prerendering) and in the browser. Dates are shown as the publisher wrote them,
//! in the timestamp's own offset.

/// A validated RFC 3339 timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Offset from UTC in minutes.
    pub offset_minutes: i16,
}

fn digits(s: &str, range: std::ops::Range<usize>) -> Option<u32> {
    let part = s.get(range)?;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`. `t` and `z` may be lower case and a space
    /// may replace the `T`, as RFC 3339 allows.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        let year = digits(s, 0..4)? as i32;
        let month = digits(s, 5..7)? as u8;
        let day = digits(s, 8..10)? as u8;
        let hour = digits(s, 11..13)? as u8;
        let minute = digits(s, 14..16)? as u8;
        let second = digits(s, 17..19)? as u8;
        let mut rest = &s[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            rest = &frac[n..];
        }
        let offset_minutes = match rest {
            "Z" | "z" => 0,
            _ if rest.len() == 6 && (rest.starts_with('+') || rest.starts_with('-')) => {
                if rest.as_bytes()[3] != b':' {
                    return None;
                }
                let h = digits(rest, 1..3)? as i16;
                let m = digits(rest, 4..6)? as i16;
                if h > 23 || m > 59 {
                    return None;
                }
                let total = h * 60 + m;
                if rest.starts_with('-') {
                    -total
                } else {
                    total
                }
            }
            _ => return None,
        };
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && hour <= 23
            && minute <= 59
            && second <= 60;
        valid.then_some(Timestamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
            offset_minutes,
        })
    }

    /// Seconds since 1970-01-01T00:00:00Z, for ordering.
    pub fn unix_seconds(&self) -> i64 {
        // Days from civil, after Howard Hinnant's algorithm.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days * 86_400 + i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
            - i64::from(self.offset_minutes) * 60
    }

    /// The calendar date in the article's language, e.g. "March 15, 2026",
    /// "15 de marzo de 2026", "15. März 2026", "15 مارس 2026".
    pub fn format_date(&self, language: &str) -> String {
        let lang = super::lang::primary(language);
        let region = language.split('-').nth(1).unwrap_or("").to_ascii_uppercase();
        let (y, d) = (self.year, self.day);
        let i = usize::from(self.month - 1);
        match lang.as_str() {
            "en" if region == "US" || region.is_empty() => format!("{} {d}, {y}", MONTHS_EN[i]),
            "en" => format!("{d} {} {y}", MONTHS_EN[i]),
            "es" => format!("{d} de {} de {y}", MONTHS_ES[i]),
            "pt" => format!("{d} de {} de {y}", MONTHS_PT[i]),
            "fr" => format!("{d} {} {y}", MONTHS_FR[i]),
            "de" => format!("{d}. {} {y}", MONTHS_DE[i]),
            "it" => format!("{d} {} {y}", MONTHS_IT[i]),
            "nl" => format!("{d} {} {y}", MONTHS_NL[i]),
            "ar" => format!("{d} {} {y}", MONTHS_AR[i]),
            "he" | "iw" => format!("{d} ב{} {y}", MONTHS_HE[i]),
            _ => format!("{y}-{:02}-{d:02}", self.month),
        }
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_PT: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const MONTHS_HE: [&str; 12] = [
    "ינואר",
    "פברואר",
    "מרץ",
    "אפריל",
    "מאי",
    "יוני",
    "יולי",
    "אוגוסט",
    "ספטמבר",
    "אוקטובר",
    "נובמבר",
    "דצמבר",
];

/// A timestamp of an article (`published`, `updated`), parsed once by the validator: its parts,
/// and its text as the publisher wrote it, which the page's `datetime` attributes and metadata
/// repeat unchanged. Serialized as that text.
///
/// ```
/// use article_reader::model::date::DateTime;
/// let t = DateTime::parse("2026-11-20T06:15:00.250-05:00").unwrap();
/// assert_eq!((t.at().year, t.at().hour), (2026, 6));
/// assert_eq!(t.as_str(), "2026-11-20T06:15:00.250-05:00");
/// assert_eq!(t.display("fr"), "20 novembre 2026");
/// assert!(DateTime::parse("last tuesday").is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTime {
    at: Timestamp,
    text: String,
}

impl DateTime {
    /// Parses an RFC 3339 timestamp (see [`Timestamp::parse`]).
    pub fn parse(text: &str) -> Option<DateTime> {
        Timestamp::parse(text).map(|at| DateTime {
            at,
            text: text.to_string(),
        })
    }

    /// The parsed parts.
    pub fn at(&self) -> Timestamp {
        self.at
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The calendar date in `language`, in the timestamp's own offset.
    pub fn display(&self, language: &str) -> String {
        self.at.format_date(language)
    }

    /// Seconds since 1970-01-01T00:00:00Z, for ordering.
    pub fn unix_seconds(&self) -> i64 {
        self.at.unix_seconds()
    }
}

impl std::fmt::Display for DateTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// Reads back what [`serde::Serialize`] wrote (an island's props), by [`DateTime::parse`].
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        DateTime::parse(&text).ok_or_else(|| serde::de::Error::custom("not an RFC 3339 timestamp"))
    }
}

/// Text for the "Updated …" line: the date, plus the time of day (24-hour, in the timestamp's
/// own offset) when the update happened on the day of publication, where the date alone would
/// say nothing new.
///
/// ```
/// use article_reader::model::date::{display_updated, DateTime};
/// let at = |s| DateTime::parse(s).unwrap();
/// let published = at("2026-11-20T06:15:00-05:00");
/// assert_eq!(display_updated(&at("2026-11-20T14:05:00-05:00"), Some(&published), "en"), "November 20, 2026, 14:05");
/// assert_eq!(display_updated(&at("2026-11-21T09:00:00-05:00"), Some(&published), "en"), "November 21, 2026");
/// ```
pub fn display_updated(updated: &DateTime, published: Option<&DateTime>, language: &str) -> String {
    let u = updated.at;
    let date = u.format_date(language);
    let same_day = published.is_some_and(|p| (p.at.year, p.at.month, p.at.day) == (u.year, u.month, u.day));
    if same_day {
        format!("{date}, {:02}:{:02}", u.hour, u.minute)
    } else {
        date
    }
}

/// Formats an RFC 3339 string for display in `language`, in the timestamp's own offset;
/// `None` if it does not parse.
///
/// ```
/// use article_reader::model::date::display_date;
/// assert_eq!(display_date("2026-11-20T06:15:00-05:00", "en").as_deref(), Some("November 20, 2026"));
/// assert_eq!(display_date("2026-11-20T06:15:00-05:00", "fr").as_deref(), Some("20 novembre 2026"));
/// assert_eq!(display_date("yesterday", "en"), None);
/// ```
pub fn display_date(timestamp: &str, language: &str) -> Option<String> {
    Timestamp::parse(timestamp).map(|t| t.format_date(language))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_timestamps() {
        let t = Timestamp::parse("2026-03-15T09:30:00Z").unwrap();
        assert_eq!((t.year, t.month, t.day, t.hour, t.minute), (2026, 3, 15, 9, 30));
        let t = Timestamp::parse("2024-02-29t23:59:60.123-05:30").unwrap();
        assert_eq!(t.offset_minutes, -330);
        assert!(Timestamp::parse("2026-03-15 09:30:00+01:00").is_some());
    }

    #[test]
    fn rejects_invalid_timestamps() {
        for bad in [
            "",
            "2026-03-15",
            "2026-03-15T09:30:00",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z",
            "2026-03-15T24:00:00Z",
            "2026-03-15T09:30:00+0100",
            "2026-03-15T09:30:00.Z",
            "2026-03-15T09:30:00Zjunk",
            "yesterday at noon, roughly",
            "2026-0３-15T09:30:00Z",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ordering_accounts_for_offsets() {
        let a = Timestamp::parse("2026-03-15T10:00:00+02:00").unwrap();
        let b = Timestamp::parse("2026-03-15T09:00:00Z").unwrap();
        assert!(a.unix_seconds() < b.unix_seconds());
        assert_eq!(Timestamp::parse("1970-01-01T00:00:00Z").unwrap().unix_seconds(), 0);
        assert_eq!(
            Timestamp::parse("2000-03-01T00:00:00Z").unwrap().unix_seconds(),
            951_868_800
        );
    }

    #[test]
    fn formats_for_the_language() {
        let t = Timestamp::parse("2026-03-05T09:30:00Z").unwrap();
        assert_eq!(t.format_date("en"), "March 5, 2026");
        assert_eq!(t.format_date("en-GB"), "5 March 2026");
        assert_eq!(t.format_date("es"), "5 de marzo de 2026");
        assert_eq!(t.format_date("de-AT"), "5. März 2026");
        assert_eq!(t.format_date("fr"), "5 mars 2026");
        assert_eq!(t.format_date("ar"), "5 مارس 2026");
        assert_eq!(t.format_date("he"), "5 במרץ 2026");
        assert_eq!(t.format_date("ja"), "2026-03-05");
    }

    #[test]
    fn same_day_updates_show_the_time() {
        let at = |s: &str| DateTime::parse(s).unwrap();
        let published = at("2026-11-20T06:15:00-05:00");
        assert_eq!(
            display_updated(&at("2026-11-20T14:40:00-05:00"), Some(&published), "en"),
            "November 20, 2026, 14:40"
        );
        assert_eq!(
            display_updated(&at("2026-11-21T09:05:00-05:00"), Some(&published), "en"),
            "November 21, 2026"
        );
        assert_eq!(
            display_updated(&at("2026-11-21T09:05:00Z"), None, "en"),
            "November 21, 2026"
        );
        assert!(DateTime::parse("soon").is_none());
    }

    #[test]
    fn a_timestamp_keeps_the_publishers_text() {
        let t = DateTime::parse("2026-11-20T06:15:00.5+01:00").unwrap();
        assert_eq!(t.to_string(), "2026-11-20T06:15:00.5+01:00");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"2026-11-20T06:15:00.5+01:00\"");
        assert_eq!(t.unix_seconds(), t.at().unix_seconds());
    }

    #[test]
    fn dates_are_shown_in_the_publishers_offset() {
        assert_eq!(
            display_date("2026-03-15T23:30:00-05:00", "en").as_deref(),
            Some("March 15, 2026")
        );
    }
}
