//! Pure text helpers: word counts, reading time and the editorial teaser.

use super::article::{Article, Block, Inline};

/// Average silent reading speed used for the estimate, in words per minute.
pub const WORDS_PER_MINUTE: usize = 230;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF) // CJK Compatibility Ideographs
}

/// Counts words. Whitespace separates words; in scripts written without spaces (Chinese,
/// Japanese) every two characters count as one word, which matches their reading speed better
/// than counting whole sentences as one word.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .map(|token| {
            let cjk = token.chars().filter(|&c| is_cjk(c)).count();
            let other = token.chars().any(|c| c.is_alphanumeric() && !is_cjk(c));
            cjk.div_ceil(2) + usize::from(other)
        })
        .sum()
}

fn inline_words(inline: &Inline) -> usize {
    // Spans may split a word ("un" + "believable"), so count the joined text.
    count_words(&inline.plain_text())
}

/// Words in the article's body (the part a reader reads from top to bottom).
pub fn body_words(article: &Article) -> usize {
    article
        .body
        .iter()
        .map(|block| match block {
            // A pull quote repeats words the body has already counted.
            Block::Pullquote { .. } | Block::Divider => 0,
            Block::Quote { text, cite } => inline_words(text) + cite.as_deref().map_or(0, count_words),
            Block::Image(image) => image.caption.as_deref().map_or(0, count_words),
            Block::Code { text, .. } => count_words(text),
            Block::Embed(e) => count_words(&e.title),
            other => other.inlines().into_iter().map(inline_words).sum(),
        })
        .sum()
}

/// Estimated minutes to read the body, never less than one.
pub fn reading_minutes(article: &Article) -> usize {
    body_words(article).div_ceil(WORDS_PER_MINUTE).max(1)
}

/// The first `max_chars` characters of `text`, cut at a word boundary with an ellipsis when
/// anything was cut. Used for the collapsed editorial card.
pub fn teaser(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i > max_chars / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    let trimmed = at_word.trim_end_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c));
    format!("{trimmed}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  one  two\nthree\t"), 3);
        assert_eq!(count_words("— dash — counts not"), 3);
        assert_eq!(count_words("北京欢迎你"), 3);
        assert_eq!(count_words("مرحبا بالعالم"), 2);
    }

    #[test]
    fn teaser_cuts_at_a_word() {
        assert_eq!(teaser("short text", 50), "short text");
        assert_eq!(
            teaser("The quick brown fox jumps over the lazy dog", 20),
            "The quick brown fox…"
        );
        assert_eq!(teaser("one, two, three, four", 10), "one, two…");
        let long_word = "a".repeat(30);
        assert_eq!(teaser(&long_word, 10), format!("{}…", "a".repeat(10)));
    }
}
