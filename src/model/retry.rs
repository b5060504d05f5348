//! When a failed GET is tried again, and after how long.
//!
//! Only failures that a second attempt can cure are retried: the connection dropping (before or
//! during the response), and the statuses that say "not now" (408, 429, 500, 502, 503, 504).
//! A missing article (404, 410), a refused request, a wrong or broken document and a timeout
//! (the reader already waited its full limit) are not. Waits grow 0.5 s, then 1.5 s; a
//! `Retry-After` the server sends is obeyed when it is at most [`MAX_WAIT_SECONDS`], and a
//! longer one stops the retries (the reader is told how long the server asked to wait).

use std::time::Duration;

use super::date::Timestamp;
use super::LoadError;

/// Attempts in all, the first included.
pub const MAX_ATTEMPTS: u32 = 3;
/// The longest `Retry-After` the reader waits for on its own.
pub const MAX_WAIT_SECONDS: u32 = 10;

/// How long to wait before attempt `attempt + 1`, after `error` ended attempt `attempt`
/// (1-based); `None` when the error is final. `jitter` in `[0, 1)` spreads the waits of many
/// readers (up to a quarter longer).
pub fn retry_delay(error: &LoadError, attempt: u32, jitter: f64) -> Option<Duration> {
    if attempt >= MAX_ATTEMPTS {
        return None;
    }
    let backoff = || {
        let base = 500.0 * 3f64.powi(attempt.saturating_sub(1) as i32);
        Duration::from_millis((base * (1.0 + 0.25 * jitter.clamp(0.0, 1.0))) as u64)
    };
    match error {
        LoadError::Network { .. } | LoadError::Interrupted => Some(backoff()),
        LoadError::Http {
            status: 408 | 429 | 500 | 502 | 503 | 504,
            retry_after,
            ..
        } => match retry_after {
            Some(s) if *s > MAX_WAIT_SECONDS => None,
            Some(s) => Some(Duration::from_secs(u64::from(*s)).max(backoff())),
            None => Some(backoff()),
        },
        _ => None,
    }
}

/// Reads a `Retry-After` header: whole seconds, or an HTTP date (`Wed, 21 Oct 2026 07:28:00
/// GMT`) compared with `now_ms` (milliseconds since the Unix epoch). A date in the past is 0.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u32> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .map_or(u32::MAX, |s| s.min(u64::from(u32::MAX)) as u32),
        );
    }
    let at = http_date_ms(value)?;
    let seconds = ((at - now_ms) / 1000.0).ceil();
    Some(if seconds <= 0.0 {
        0
    } else {
        seconds.min(f64::from(u32::MAX)) as u32
    })
}

/// IMF-fixdate (RFC 9110 §5.6.7), the only date form servers may send: `Sun, 06 Nov 1994
/// 08:49:37 GMT`. Milliseconds since the epoch.
fn http_date_ms(value: &str) -> Option<f64> {
    let parts: Vec<&str> = value.split_ascii_whitespace().collect();
    let [_weekday, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == month)? + 1;
    if day.len() != 2 || year.len() != 4 || time.len() != 8 {
        return None;
    }
    let rfc3339 = format!("{year}-{month:02}-{day}T{time}Z");
    Timestamp::parse(&rfc3339).map(|t| t.unix_seconds() as f64 * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http(status: u16, retry_after: Option<u32>) -> LoadError {
        LoadError::Http {
            status,
            status_text: String::new(),
            retry_after,
        }
    }

    #[test]
    fn only_what_a_retry_can_cure_is_retried() {
        for e in [
            LoadError::Network { detail: String::new() },
            LoadError::Interrupted,
            http(429, None),
            http(500, None),
            http(502, None),
            http(503, None),
            http(504, None),
        ] {
            assert!(retry_delay(&e, 1, 0.0).is_some(), "{e:?}");
        }
        for e in [
            http(404, None),
            http(410, None),
            http(403, None),
            http(400, None),
            LoadError::Timeout { seconds: 10 },
            LoadError::Offline { article: true },
            LoadError::NotJson { detail: String::new() },
            LoadError::WrongType {
                content_type: "text/html".into(),
            },
            LoadError::TooLarge { bytes: 1, limit: 0 },
            LoadError::Invalid { problems: vec![] },
        ] {
            assert_eq!(retry_delay(&e, 1, 0.0), None, "{e:?}");
        }
    }

    #[test]
    fn waits_grow_and_stop() {
        let e = http(503, None);
        assert_eq!(retry_delay(&e, 1, 0.0), Some(Duration::from_millis(500)));
        assert_eq!(retry_delay(&e, 2, 0.0), Some(Duration::from_millis(1500)));
        assert_eq!(retry_delay(&e, 3, 0.0), None);
        assert_eq!(retry_delay(&e, 1, 0.999), Some(Duration::from_millis(624)));
    }

    #[test]
    fn retry_after_is_obeyed_up_to_a_limit() {
        assert_eq!(retry_delay(&http(429, Some(2)), 1, 0.0), Some(Duration::from_secs(2)));
        assert_eq!(
            retry_delay(&http(429, Some(0)), 1, 0.0),
            Some(Duration::from_millis(500))
        );
        assert_eq!(retry_delay(&http(429, Some(11)), 1, 0.0), None);
        assert_eq!(retry_delay(&http(503, Some(3600)), 1, 0.0), None);
    }

    #[test]
    fn retry_after_values() {
        let now = Timestamp::parse("2026-11-24T10:00:00Z").unwrap().unix_seconds() as f64 * 1000.0;
        assert_eq!(parse_retry_after("120", now), Some(120));
        assert_eq!(parse_retry_after(" 0 ", now), Some(0));
        assert_eq!(parse_retry_after("99999999999999999999", now), Some(u32::MAX));
        assert_eq!(parse_retry_after("Tue, 24 Nov 2026 10:00:30 GMT", now), Some(30));
        assert_eq!(parse_retry_after("Tue, 24 Nov 2026 09:00:00 GMT", now), Some(0));
        for bad in [
            "",
            "-1",
            "1.5",
            "soon",
            "Tue, 24 Nov 2026 10:00:30 UTC",
            "Tue, 24 Foo 2026 10:00:30 GMT",
        ] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad}");
        }
    }
}
