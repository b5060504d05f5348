//! URL handling without a browser: reference resolution (RFC 3986 §5), the scheme allow-list that
//! keeps `javascript:` and friends out of the DOM, and percent-encoding for share links.
//!
//! This is deliberately small: the reader only needs to resolve references against an absolute
//! http(s) base and to decide whether a scheme is allowed. Browsers normalise what remains.

/// Schemes allowed in article links.
pub const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];
/// Schemes allowed for images and fetched documents.
pub const FETCH_SCHEMES: &[&str] = &["http", "https"];

/// The five parts of a URI reference (RFC 3986 appendix B).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn split(input: &str) -> Parts<'_> {
    let (rest, fragment) = match input.find('#') {
        Some(i) => (&input[..i], Some(&input[i + 1..])),
        None => (input, None),
    };
    let (rest, query) = match rest.find('?') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (scheme, rest) = match rest.find(':') {
        Some(i) if is_scheme(&rest[..i]) && !rest[..i].contains('/') => (Some(&rest[..i]), &rest[i + 1..]),
        _ => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

/// RFC 3986 §5.2.4.
fn remove_dot_segments(path: &str) -> String {
    let mut input = path;
    let mut output: Vec<&str> = Vec::new();
    // Each output entry is a segment including its leading '/', if any.
    while !input.is_empty() {
        if let Some(rest) = input.strip_prefix("../") {
            input = rest;
        } else if let Some(rest) = input.strip_prefix("./") {
            input = rest;
        } else if input.starts_with("/./") {
            input = &input[2..];
        } else if input == "/." {
            input = "/";
        } else if input.starts_with("/../") {
            input = &input[3..];
            output.pop();
        } else if input == "/.." {
            input = "/";
            output.pop();
        } else if input == "." || input == ".." {
            input = "";
        } else {
            let start = usize::from(input.starts_with('/'));
            let end = input[start..].find('/').map_or(input.len(), |i| i + start);
            output.push(&input[..end]);
            input = &input[end..];
        }
    }
    output.concat()
}

fn merge(base: &Parts<'_>, reference_path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        format!("/{reference_path}")
    } else {
        match base.path.rfind('/') {
            Some(i) => format!("{}{}", &base.path[..=i], reference_path),
            None => reference_path.to_string(),
        }
    }
}

fn recompose(scheme: &str, authority: Option<&str>, path: &str, query: Option<&str>, fragment: Option<&str>) -> String {
    let mut out = String::with_capacity(scheme.len() + path.len() + 16);
    out.push_str(scheme);
    out.push(':');
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// Resolves `reference` against the absolute URL `base` (RFC 3986 §5.2.2, strict).
/// Returns `None` when `base` has no scheme.
///
/// ```
/// use article_reader::model::url::resolve;
/// let base = "https://news.example/articles/story.json";
/// assert_eq!(resolve(base, "img/hero.jpg").as_deref(), Some("https://news.example/articles/img/hero.jpg"));
/// assert_eq!(resolve(base, "../index.json").as_deref(), Some("https://news.example/index.json"));
/// assert_eq!(resolve(base, "//cdn.example/a.png").as_deref(), Some("https://cdn.example/a.png"));
/// assert_eq!(resolve("no-scheme", "a"), None);
/// ```
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let b = split(base);
    let base_scheme = b.scheme?;
    let r = split(reference);
    let out = if let Some(scheme) = r.scheme {
        recompose(scheme, r.authority, &remove_dot_segments(r.path), r.query, r.fragment)
    } else if r.authority.is_some() {
        recompose(
            base_scheme,
            r.authority,
            &remove_dot_segments(r.path),
            r.query,
            r.fragment,
        )
    } else if r.path.is_empty() {
        recompose(base_scheme, b.authority, b.path, r.query.or(b.query), r.fragment)
    } else {
        let path = if r.path.starts_with('/') {
            remove_dot_segments(r.path)
        } else {
            remove_dot_segments(&merge(&b, r.path))
        };
        recompose(base_scheme, b.authority, &path, r.query, r.fragment)
    };
    Some(out)
}

/// The lower-cased scheme of an absolute URL, if it has one.
pub fn scheme_of(url: &str) -> Option<String> {
    split(url).scheme.map(|s| s.to_ascii_lowercase())
}

/// The origin of an absolute http(s) URL as a browser gives it (`https://news.example`,
/// `http://127.0.0.1:8080`): scheme and host lower-cased, user info and the default port left
/// out. `None` for anything else, and for an address whose host a browser could read
/// differently (a backslash or a character that is no part of a host name): the reader then
/// refuses it rather than guess.
///
/// ```
/// use article_reader::model::url::origin_of;
/// assert_eq!(origin_of("HTTPS://Wire.Example:443/a.json").as_deref(), Some("https://wire.example"));
/// assert_eq!(origin_of("https://wire.example@evil.example/a.json").as_deref(), Some("https://evil.example"));
/// assert_eq!(origin_of("http://127.0.0.1:8080/x?y").as_deref(), Some("http://127.0.0.1:8080"));
/// assert_eq!(origin_of("https://evil.example\\@wire.example/"), None);
/// assert_eq!(origin_of("/relative"), None);
/// ```
pub fn origin_of(url: &str) -> Option<String> {
    let cleaned = browser_clean(url);
    let parts = split(&cleaned);
    let scheme = parts.scheme?.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => "80",
        "https" => "443",
        _ => return None,
    };
    let authority = parts.authority?;
    // A browser ends the host at a backslash in http(s) addresses; this parser would not.
    if authority.contains('\\') {
        return None;
    }
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_');
    if host_port.is_empty() || !host_port.chars().all(allowed) {
        return None;
    }
    let (host, port) = match host_port.rfind(':') {
        Some(i) if !host_port[i..].contains(']') => (&host_port[..i], &host_port[i + 1..]),
        _ => (host_port, ""),
    };
    if host.is_empty() || !port.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let host = host.to_ascii_lowercase();
    if port.is_empty() {
        return Some(format!("{scheme}://{host}"));
    }
    let port: u32 = port.parse().ok().filter(|p| *p <= 65535)?;
    Some(if port.to_string() == default_port {
        format!("{scheme}://{host}")
    } else {
        format!("{scheme}://{host}:{port}")
    })
}

/// Cleans a URL the way a browser's URL parser would before looking at its scheme: strips
/// leading and trailing C0 controls and spaces, and removes tabs and newlines anywhere.
/// Without this, `" java\tscript:alert(1)"` would slip past a naive prefix check.
fn browser_clean(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// Resolves `raw` against `base` and returns it only if the result's scheme is in `allowed`.
/// Relative references are fine (they take the base's scheme); `javascript:`, `data:`,
/// `vbscript:` and every other scheme not listed are refused with `None`.
///
/// ```
/// use article_reader::model::url::{safe_url, LINK_SCHEMES};
/// let base = "https://news.example/articles/story.json";
/// assert_eq!(safe_url("/about", base, LINK_SCHEMES).as_deref(), Some("https://news.example/about"));
/// assert_eq!(safe_url("mailto:desk@news.example", base, LINK_SCHEMES).as_deref(), Some("mailto:desk@news.example"));
/// // Hidden with case, whitespace or control characters, or not: refused.
/// assert_eq!(safe_url("javascript:alert(1)", base, LINK_SCHEMES), None);
/// assert_eq!(safe_url(" JaVa\tScRiPt:alert(1)", base, LINK_SCHEMES), None);
/// assert_eq!(safe_url("data:text/html,<b>", base, LINK_SCHEMES), None);
/// ```
pub fn safe_url(raw: &str, base: &str, allowed: &[&str]) -> Option<String> {
    let cleaned = browser_clean(raw);
    if cleaned.is_empty() {
        return None;
    }
    // Browsers treat '\' as '/' in http(s) URLs; do the same so "/\host" cannot hide a host.
    let cleaned = match split(&cleaned).scheme {
        None => cleaned.replace('\\', "/"),
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => cleaned.replace('\\', "/"),
        Some(_) => cleaned,
    };
    let absolute = resolve(base, &cleaned)?;
    let scheme = scheme_of(&absolute)?;
    if !allowed.contains(&scheme.as_str()) {
        return None;
    }
    // Normalise the scheme's case so later checks (and the DOM) see one spelling.
    let rest = &absolute[scheme.len()..];
    let normalised = format!("{scheme}{rest}");
    // http(s) URLs need a host a browser can parse; any other URL that names a host (after
    // `//`) needs one it can parse too (found by the url_reference property test:
    // `mailto://<` passed, and no browser can open it).
    let host_ok = match split(&normalised).authority {
        Some(authority) => valid_host(authority),
        None => scheme != "http" && scheme != "https",
    };
    if !host_ok {
        return None;
    }
    Some(normalised)
}

/// Whether an http(s) authority (`user@host:port`) names a host the URL Standard accepts: not
/// empty, none of its forbidden code points, a numeric port. (Found by comparing with the `url`
/// crate: `\/|` resolved to `https://|`, which no browser can open.)
fn valid_host(authority: &str) -> bool {
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if host_port.starts_with('[') {
        match host_port.split_once(']') {
            Some((v6, rest)) => (
                &v6[1..],
                rest.strip_prefix(':').unwrap_or(if rest.is_empty() { "" } else { "x" }),
            ),
            None => return false,
        }
    } else {
        host_port.rsplit_once(':').unwrap_or((host_port, ""))
    };
    let forbidden = |c: char| {
        c.is_control()
            || matches!(
                c,
                ' ' | '#' | '%' | '/' | ':' | '<' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '|' | '\u{7f}'
            )
    };
    let v6 = host_port.starts_with('[');
    !host.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit())
        && if v6 {
            host.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        } else {
            !host.chars().any(forbidden) && (!ends_in_a_number(host) || is_ipv4(host))
        }
}

/// The URL Standard's "ends in a number": a host whose last label is a number is read as an IPv4
/// address, and refused when it is not one. (Found by comparing with the `url` crate: `/\.0`
/// resolved to `https://.0`, which no browser can open.)
fn ends_in_a_number(host: &str) -> bool {
    let mut labels: Vec<&str> = host.split('.').collect();
    if labels.len() > 1 && labels.last() == Some(&"") {
        labels.pop();
    }
    let last = labels.last().copied().unwrap_or("");
    (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())) || ipv4_number(last).is_some()
}

/// One part of an IPv4 address as the URL Standard reads it: decimal, `0x` hexadecimal or
/// leading-zero octal.
fn ipv4_number(part: &str) -> Option<u64> {
    if part.is_empty() {
        return None;
    }
    let (digits, radix) = if let Some(hex) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
        (hex, 16)
    } else if part.len() > 1 && part.starts_with('0') {
        (&part[1..], 8)
    } else {
        (part, 10)
    };
    if digits.is_empty() {
        return Some(0);
    }
    if !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    // Longer than any address: the browser refuses it as out of range, so do we.
    u64::from_str_radix(digits, radix).ok().or(Some(u64::MAX))
}

/// Whether a host that ends in a number is an IPv4 address the URL Standard accepts
/// (`127.1`, `0x7f.0.0.1` and `2130706433` are; `.0` and `1.2.3.256` are not).
fn is_ipv4(host: &str) -> bool {
    let mut parts: Vec<&str> = host.split('.').collect();
    if parts.len() > 1 && parts.last() == Some(&"") {
        parts.pop();
    }
    if parts.len() > 4 {
        return false;
    }
    let Some(numbers) = parts.iter().map(|p| ipv4_number(p)).collect::<Option<Vec<u64>>>() else {
        return false;
    };
    let (last, rest) = numbers.split_last().expect("split gives at least one part");
    rest.iter().all(|&n| n <= 255) && *last < 256u64.pow(5 - numbers.len() as u32)
}

/// `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` is percent-encoded as UTF-8.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The decoded `key=value` pairs of `url`'s query, in order (a key without `=` has an empty
/// value; the fragment is not part of the query).
///
/// ```
/// use article_reader::model::url::query_pairs;
/// let pairs = query_pairs("https://a.example/embed/x?theme=dark&lang=%3Cb%3E&parts#top");
/// assert_eq!(pairs, [("theme".into(), "dark".into()), ("lang".into(), "<b>".into()), ("parts".into(), String::new())]);
/// assert!(query_pairs("https://a.example/").is_empty());
/// ```
pub fn query_pairs(url: &str) -> Vec<(String, String)> {
    let query = url
        .split('#')
        .next()
        .unwrap_or("")
        .split_once('?')
        .map_or("", |(_, q)| q);
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(key), decode_component(value))
        })
        .collect()
}

/// Decodes `%XX` escapes (and `+` as a space, as in query strings). Invalid escapes are kept
/// as they are; invalid UTF-8 is replaced.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() && bytes[i + 1].is_ascii_hexdigit() && bytes[i + 2].is_ascii_hexdigit() => {
                out.push(hex_value(bytes[i + 1]) << 4 | hex_value(bytes[i + 2]));
                i += 3;
                continue;
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b - b'A' + 10,
    }
}

/// How a refused address is named in a message: at most its scheme and host, never its path,
/// query or payload, so a crafted address (`data:application/json,{"headline":"…"}`) cannot put
/// its own words on the site's page. Text that is not an address at all is cut to a short
/// excerpt. Whatever was left out is marked with `…`; controls and direction marks are dropped.
///
/// ```
/// use article_reader::model::url::address_excerpt;
/// assert_eq!(address_excerpt("data:application/json,{\"headline\":\"Mayor Resigns\"}"), "data:…");
/// assert_eq!(address_excerpt("https://user:pw@wire.example:8443/story.json?x=1"), "https://wire.example:8443/…");
/// assert_eq!(address_excerpt("ftp://files.example"), "ftp://files.example");
/// assert_eq!(address_excerpt("Mayor Resigns After Bribery Arrest, police say"), "Mayor Resigns After Brib…");
/// assert_eq!(address_excerpt("short"), "short");
/// ```
pub fn address_excerpt(raw: &str) -> String {
    /// Characters of a host, or of text that is no address, shown at most.
    const HOST_CHARS: usize = 64;
    const TEXT_CHARS: usize = 24;
    let cleaned: String = browser_clean(raw)
        .chars()
        .filter(|c| !c.is_control() && !is_direction_mark(*c))
        .collect();
    let cut = |s: &str, max: usize| -> String {
        if s.chars().count() <= max {
            s.to_string()
        } else {
            format!("{}…", s.chars().take(max).collect::<String>().trim_end())
        }
    };
    let parts = split(&cleaned);
    match (parts.scheme, parts.authority) {
        (Some(scheme), Some(authority)) => {
            let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
            let shown = format!("{}://{}", cut(scheme, 16), cut(host, HOST_CHARS));
            let whole =
                !parts.path.trim_start_matches('/').is_empty() || parts.query.is_some() || parts.fragment.is_some();
            if whole {
                format!("{shown}/…")
            } else {
                shown
            }
        }
        (Some(scheme), None) => {
            let rest = &cleaned[scheme.len() + 1..];
            if rest.is_empty() {
                format!("{}:", cut(scheme, 16))
            } else {
                format!("{}:…", cut(scheme, 16))
            }
        }
        (None, _) => cut(&cleaned, TEXT_CHARS),
    }
}

/// Unicode's bidirectional controls (embeddings, overrides, isolates, marks): they could turn a
/// quoted excerpt around on the page.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The directory part of a URL (everything up to and including the last '/' of its path),
/// used to tell whether an article JSON lives in the app's own `articles/` folder.
pub fn directory_of(url: &str) -> String {
    let p = split(url);
    let dir_path = match p.path.rfind('/') {
        Some(i) => &p.path[..=i],
        None => "/",
    };
    recompose(p.scheme.unwrap_or(""), p.authority, dir_path, None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://a/b/c/d;p?q";

    #[test]
    fn rfc3986_normal_examples() {
        let cases = [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
        ];
        for (reference, expected) in cases {
            assert_eq!(resolve(BASE, reference).as_deref(), Some(expected), "{reference}");
        }
    }

    #[test]
    fn rfc3986_abnormal_examples() {
        let cases = [
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
        ];
        for (reference, expected) in cases {
            assert_eq!(resolve(BASE, reference).as_deref(), Some(expected), "{reference}");
        }
    }

    #[test]
    fn resolve_needs_an_absolute_base() {
        assert_eq!(resolve("/relative/base", "x"), None);
    }

    #[test]
    fn relative_urls_resolve_against_the_article_json() {
        let base = "https://news.example/feeds/world/story.json";
        assert_eq!(
            safe_url("hero.jpg", base, FETCH_SCHEMES).as_deref(),
            Some("https://news.example/feeds/world/hero.jpg")
        );
        assert_eq!(
            safe_url("../img/a.png", base, FETCH_SCHEMES).as_deref(),
            Some("https://news.example/feeds/img/a.png")
        );
        assert_eq!(
            safe_url("//cdn.example/x.png", base, FETCH_SCHEMES).as_deref(),
            Some("https://cdn.example/x.png")
        );
    }

    #[test]
    fn dangerous_schemes_are_refused_however_they_are_written() {
        let base = "https://news.example/a.json";
        for raw in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://news.example/x",
        ] {
            assert_eq!(safe_url(raw, base, LINK_SCHEMES), None, "{raw:?}");
        }
    }

    #[test]
    fn entity_encoded_schemes_stay_harmless_relative_paths() {
        // In a DOM attribute set from script, entities are not decoded: this is a path.
        let out = safe_url("&#106;avascript:alert(1)", "https://n.example/a/b.json", LINK_SCHEMES).unwrap();
        assert!(out.starts_with("https://n.example/a/"), "{out}");
    }

    #[test]
    fn allowed_schemes_pass_and_are_lower_cased() {
        let base = "https://news.example/a.json";
        assert_eq!(
            safe_url("HTTPS://Example.org/x", base, LINK_SCHEMES).as_deref(),
            Some("https://Example.org/x")
        );
        assert_eq!(
            safe_url("mailto:desk@example.org", base, LINK_SCHEMES).as_deref(),
            Some("mailto:desk@example.org")
        );
        assert_eq!(safe_url("mailto:desk@example.org", base, FETCH_SCHEMES), None);
        assert_eq!(safe_url("https:///nohost", base, FETCH_SCHEMES), None);
        assert_eq!(safe_url("   ", base, FETCH_SCHEMES), None);
        // Any scheme that names a host (`//`) needs one a browser can parse.
        assert_eq!(safe_url("mailto://<", base, LINK_SCHEMES), None);
        assert_eq!(
            safe_url("mailto://desk@news.example", base, LINK_SCHEMES).as_deref(),
            Some("mailto://desk@news.example")
        );
    }

    #[test]
    fn backslashes_cannot_smuggle_a_host() {
        assert_eq!(
            safe_url("/\\evil.example/x", "https://news.example/a.json", FETCH_SCHEMES).as_deref(),
            Some("https://evil.example/x")
        );
    }

    #[test]
    fn a_host_ending_in_a_number_must_be_an_ipv4_address() {
        let base = "https://news.example/a.json";
        for ok in [
            "http://127.0.0.1:8080/x",
            "http://127.1/x",
            "http://0x7f.0.0.1/x",
            "http://2130706433/x",
            "http://1.2.3.4./x",
        ] {
            assert!(safe_url(ok, base, FETCH_SCHEMES).is_some(), "{ok}");
        }
        for bad in [
            "/\\.0",
            "http://.0/x",
            "http://1.2.3.256/x",
            "http://a.0x/x",
            "http://1.2.3.4.5/x",
            "http://09/x",
            "http://4294967296/x",
        ] {
            assert_eq!(safe_url(bad, base, FETCH_SCHEMES), None, "{bad}");
        }
        assert!(safe_url("https://news.example.0a/x", base, FETCH_SCHEMES).is_some());
    }

    #[test]
    fn encode_component_matches_encode_uri_component() {
        assert_eq!(encode_component("a b&c=d/é?"), "a%20b%26c%3Dd%2F%C3%A9%3F");
        assert_eq!(encode_component("-_.!~*'()"), "-_.!~*'()");
        assert_eq!(encode_component("Iran’s #1"), "Iran%E2%80%99s%20%231");
    }

    #[test]
    fn decode_component_reverses_encoding() {
        for s in ["a b&c=d/é?", "https://x.example/a.json?x=1&y=2", "%zz", "100%"] {
            assert_eq!(decode_component(&encode_component(s)), s);
        }
        assert_eq!(decode_component("%zz%"), "%zz%");
        assert_eq!(decode_component("%+1"), "% 1");
        assert_eq!(decode_component("a+b"), "a b");
    }

    #[test]
    fn directory_of_drops_file_query_and_fragment() {
        assert_eq!(
            directory_of("http://127.0.0.1:8080/articles/x.json?v=1#f"),
            "http://127.0.0.1:8080/articles/"
        );
    }
}
