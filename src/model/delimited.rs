//! Replacing delimited names in text: the catalogues' `{values}` and the search excerpts'
//! `&entities;`. A leaf: it knows nothing of articles or catalogues, so both can use it.

/// Replaces each `{open}name{close}` in `text` for which `replace` writes a replacement into the
/// output (and returns `true`); any other, and every replacement, stays as it is: the output is
/// never scanned again.
///
/// ```
/// use article_reader::model::delimited::replace_delimited;
/// let upper = |name: &str, out: &mut String| name == "x" && { out.push('X'); true };
/// assert_eq!(replace_delimited("a[x] [y] [x", '[', ']', upper), "aX [y] [x");
/// ```
pub fn replace_delimited(
    text: &str,
    open: char,
    close: char,
    mut replace: impl FnMut(&str, &mut String) -> bool,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        out.push_str(&rest[..at]);
        let after = &rest[at + open.len_utf8()..];
        match after.find(close) {
            Some(end) if replace(&after[..end], &mut out) => rest = &after[end + close.len_utf8()..],
            _ => {
                out.push(open);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::replace_delimited;

    #[test]
    fn a_replacement_is_never_scanned_again() {
        let braces = |name: &str, out: &mut String| {
            name == "a" && {
                out.push_str("{a}");
                true
            }
        };
        assert_eq!(replace_delimited("{a}{a}", '{', '}', braces), "{a}{a}");
    }

    #[test]
    fn unknown_and_unclosed_names_stay() {
        let none = |_: &str, _: &mut String| false;
        assert_eq!(replace_delimited("x {y} {z", '{', '}', none), "x {y} {z");
        let ent = |name: &str, out: &mut String| {
            name == "amp" && {
                out.push('&');
                true
            }
        };
        assert_eq!(replace_delimited("a &amp; b &amp c", '&', ';', ent), "a & b &amp c");
    }
}
