//! Reading positions: where the reader stopped in each article, so reopening it can offer to
//! continue there. A position is the body block at the top of the screen (robust to a changed
//! text size or window) plus how far through the article that was, for display.
//!
//! Stored as JSON in local storage under [`STORAGE_KEY`]; at most [`MAX_ARTICLES`] articles are
//! remembered (the least recently read go first). Damaged or foreign data is reported so it can
//! be cleared.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::stored::{StoredDataError, StoredKind};

pub const STORAGE_KEY: &str = crate::facts::PROGRESS_KEY;
pub const MAX_ARTICLES: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Index of the body block at the top of the screen.
    pub block: usize,
    /// How far through the article, 0 to 100.
    pub percent: u8,
    /// When it was read (RFC 3339), to forget the oldest first.
    pub at: String,
}

impl Position {
    /// Whether reopening the article should offer to continue: past the opening, not finished.
    pub fn worth_resuming(&self) -> bool {
        self.block > 0 && (3..=95).contains(&self.percent)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Positions {
    /// Article JSON address → position.
    pub articles: BTreeMap<String, Position>,
}

impl Positions {
    pub fn from_json(text: &str) -> Result<Positions, StoredDataError> {
        let positions: Positions = super::stored::from_json(text, StoredKind::Positions)?;
        if let Some((url, p)) = positions.articles.iter().find(|(_, p)| p.percent > 100) {
            return Err(StoredDataError::OverRead {
                url: url.clone(),
                percent: p.percent,
            });
        }
        Ok(positions)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("positions serialize")
    }

    pub fn get(&self, json_url: &str) -> Option<&Position> {
        self.articles.get(json_url)
    }

    /// Records a position, forgetting the least recently read articles past the limit.
    pub fn with(mut self, json_url: &str, position: Position) -> Positions {
        self.articles.insert(json_url.to_string(), position);
        while self.articles.len() > MAX_ARTICLES {
            let oldest = self
                .articles
                .iter()
                .min_by(|a, b| a.1.at.cmp(&b.1.at))
                .map(|(k, _)| k.clone())
                .expect("not empty");
            self.articles.remove(&oldest);
        }
        self
    }

    pub fn without(mut self, json_url: &str) -> Positions {
        self.articles.remove(json_url);
        self
    }
}

/// How far through a page of `total` pixels the reader is, scrolled to `top` with a window
/// `viewport` pixels high: 0 at the top, 100 when the end is on screen.
pub fn percent_read(top: f64, viewport: f64, total: f64) -> u8 {
    let scrollable = total - viewport;
    // (NaN counts as nothing to scroll.)
    if scrollable.is_nan() || scrollable <= 0.0 || !top.is_finite() {
        return if total > 0.0 { 100 } else { 0 };
    }
    ((top / scrollable).clamp(0.0, 1.0) * 100.0).round() as u8
}

/// The progress bar's CSS transform for `percent` (0 to 100): `scaleX(0.42)`. Written with
/// integers: formatting a float would bring the float formatter into the wasm.
///
/// ```
/// use article_reader::model::progress::bar_transform;
/// assert_eq!(bar_transform(42), "scaleX(0.42)");
/// assert_eq!(bar_transform(7), "scaleX(0.07)");
/// assert_eq!(bar_transform(100), "scaleX(1)");
/// ```
pub fn bar_transform(percent: u8) -> String {
    match percent.min(100) {
        100 => "scaleX(1)".to_string(),
        p => format!("scaleX(0.{p:02})"),
    }
}

/// The index of the first block whose bottom edge is below `line` (the top of the screen),
/// given the blocks' bottom edges in document order (as the browser reports them, relative to
/// the screen). Binary search: a 2,000-block article is looked up in a dozen reads.
pub fn block_at(count: usize, line: f64, bottom_of: impl Fn(usize) -> f64) -> usize {
    let (mut lo, mut hi) = (0, count);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if bottom_of(mid) <= line {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo.min(count.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(block: usize, percent: u8, when: &str) -> Position {
        Position {
            block,
            percent,
            at: when.into(),
        }
    }

    #[test]
    fn percent_read_covers_the_edges() {
        assert_eq!(percent_read(0.0, 800.0, 4800.0), 0);
        assert_eq!(percent_read(2000.0, 800.0, 4800.0), 50);
        assert_eq!(percent_read(4000.0, 800.0, 4800.0), 100);
        assert_eq!(percent_read(9000.0, 800.0, 4800.0), 100);
        assert_eq!(percent_read(0.0, 800.0, 600.0), 100, "all on screen");
        assert_eq!(percent_read(f64::NAN, 800.0, 4800.0), 100);
    }

    #[test]
    fn block_at_finds_the_block_at_the_top() {
        // Blocks 100 px tall, the screen scrolled so the line is at 250 px of the body.
        let bottoms = |i: usize| (i as f64 + 1.0) * 100.0 - 250.0;
        assert_eq!(block_at(10, 0.0, bottoms), 2);
        assert_eq!(block_at(10, 0.0, |i| (i as f64 + 1.0) * 100.0), 0);
        assert_eq!(block_at(10, 0.0, |_| -5.0), 9, "past the end: the last block");
        assert_eq!(block_at(0, 0.0, |_| 0.0), 0);
    }

    #[test]
    fn positions_round_trip_and_forget_the_oldest() {
        let mut p = Positions::default();
        for i in 0..(MAX_ARTICLES + 5) {
            p = p.with(
                &format!("https://x.example/{i}.json"),
                at(3, 40, &format!("2026-01-01T00:{:02}:{:02}Z", i / 60, i % 60)),
            );
        }
        assert_eq!(p.articles.len(), MAX_ARTICLES);
        assert!(p.get("https://x.example/0.json").is_none());
        assert!(p.get(&format!("https://x.example/{}.json", MAX_ARTICLES + 4)).is_some());
        assert_eq!(Positions::from_json(&p.to_json()), Ok(p.clone()));
        assert!(p
            .without("https://x.example/10.json")
            .get("https://x.example/10.json")
            .is_none());
    }

    #[test]
    fn damaged_or_foreign_data_is_reported() {
        for bad in [
            "",
            "{",
            "[]",
            r#"{"theme":"dark"}"#,
            r#"{"articles":{"u":{"block":1,"percent":300,"at":"x"}}}"#,
            r#"{"articles":{"u":{"block":-1,"percent":3,"at":"x"}}}"#,
        ] {
            assert!(Positions::from_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_a_real_middle_is_worth_resuming() {
        assert!(at(5, 40, "").worth_resuming());
        assert!(!at(0, 40, "").worth_resuming());
        assert!(!at(5, 1, "").worth_resuming());
        assert!(!at(5, 99, "").worth_resuming());
    }
}
