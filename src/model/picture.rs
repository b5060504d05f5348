//! Which file of a picture a view asks for: the `srcset` and `sizes` of each place a picture
//! is shown, the formats grouped for `<picture>`, and an image service's addresses for pictures
//! that live elsewhere. Pure: the components and the publish share it.

use super::article::{Candidate, Image};

/// The widths a picture is made at (and asked of an image service), in pixels: a phone's
/// thumbnail (320) to a wide screen at twice its density (2,048). 828 is a 414-px phone at 2×,
/// 1,200 the width `og:image` asks for, 1,440 the reading column (42rem, 672 CSS pixels) at 2×
/// with little to spare.
pub const WIDTHS: [u32; 6] = [320, 640, 828, 1200, 1440, 2048];

/// The width social cards (`og:image`, `twitter:image`) and feeds name.
pub const SHARE_WIDTH: u32 = 1200;

/// The widths a picture `original` pixels wide is made at: every standard width below it, and
/// the original's own when it is narrower than the widest (a picture is never enlarged).
///
/// ```
/// use article_reader::model::picture::widths_for;
/// assert_eq!(widths_for(5512), [320, 640, 828, 1200, 1440, 2048]);
/// assert_eq!(widths_for(1000), [320, 640, 828, 1000]);
/// assert_eq!(widths_for(200), [200]);
/// ```
pub fn widths_for(original: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|w| *w < original).collect();
    if original < WIDTHS[WIDTHS.len() - 1] || widths.is_empty() {
        widths.push(original.min(WIDTHS[WIDTHS.len() - 1]));
    }
    widths.dedup();
    widths
}

/// Where a picture is shown: each place has its own `sizes`, matching the layout in
/// `style/main.css` (the reading column is `--measure`, 42rem, plus 1rem of padding each side;
/// cards and related items put a 11rem picture beside the text from 40rem, above it below).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The hero and body figures: the column's width.
    Figure,
    /// A front page card or a related article: the card's width on a phone, 11rem beside the text.
    Card,
    /// A search result's picture: 6rem (4.5rem on a phone).
    Search,
    /// A link card's thumbnail in the body: the card's width on a phone, 8rem beside the text.
    LinkCard,
}

impl Slot {
    /// The `sizes` attribute.
    ///
    /// ```
    /// use article_reader::model::picture::Slot;
    /// assert_eq!(Slot::Search.sizes(), "(max-width: 30rem) 4.5rem, 6rem");
    /// ```
    pub fn sizes(self) -> &'static str {
        match self {
            Slot::Figure => "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
            Slot::Card => "(min-width: 40rem) 11rem, calc(100vw - 3.5rem)",
            Slot::Search => "(max-width: 30rem) 4.5rem, 6rem",
            Slot::LinkCard => "(max-width: 30rem) calc(100vw - 3.5rem), 8rem",
        }
    }
}

impl Slot {
    /// The width in CSS pixels the place shows a picture at on a screen `screen_width` CSS
    /// pixels wide (the same layout as [`Slot::sizes`], at 16 px to the rem).
    ///
    /// ```
    /// use article_reader::model::picture::Slot;
    /// assert_eq!(Slot::Figure.shown_width(412.0), 380.0);
    /// assert_eq!(Slot::Figure.shown_width(1280.0), 672.0);
    /// assert_eq!(Slot::Card.shown_width(1280.0), 176.0);
    /// ```
    pub fn shown_width(self, screen_width: f64) -> f64 {
        const REM: f64 = 16.0;
        let w = match self {
            Slot::Figure if screen_width >= 44.0 * REM => 42.0 * REM,
            Slot::Figure => screen_width - 2.0 * REM,
            Slot::Card if screen_width >= 40.0 * REM => 11.0 * REM,
            Slot::Card => screen_width - 3.5 * REM,
            Slot::Search if screen_width <= 30.0 * REM => 4.5 * REM,
            Slot::Search => 6.0 * REM,
            Slot::LinkCard if screen_width <= 30.0 * REM => screen_width - 3.5 * REM,
            Slot::LinkCard => 8.0 * REM,
        };
        w.max(1.0)
    }
}

/// A reader's screen: its width in CSS pixels and its device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub width: f64,
    pub density: f64,
}

/// The file a browser on `screen` shows for `image` in `slot`: among the first modern
/// format's candidates (else the plain ones), the narrowest that covers the place at the
/// screen's density, else the widest (as Chromium picks from a `srcset` with `sizes`). Without
/// candidates, `src`. What "save for offline" stores.
///
/// ```
/// use article_reader::model::{picture::{chosen, Screen, Slot}, Candidate, Image};
/// let c = |width| Candidate { src: format!("a-{width}.webp"), width, mime: Some("image/webp".into()) };
/// let image = Image { src: Some("a.jpg".into()), alt: String::new(), caption: None, credit: None,
///     width: None, height: None, srcset: vec![c(320), c(640), c(828), c(1200), c(1440), c(2048)] };
/// // A 412-px phone at 1.75: the column is 380 pixels, 665 on the screen.
/// assert_eq!(chosen(&image, Slot::Figure, Screen { width: 412.0, density: 1.75 }), Some("a-828.webp"));
/// // A 1,280-px screen at 2: 1,344.
/// assert_eq!(chosen(&image, Slot::Figure, Screen { width: 1280.0, density: 2.0 }), Some("a-1440.webp"));
/// // A card beside its text at 1: 176.
/// assert_eq!(chosen(&image, Slot::Card, Screen { width: 1280.0, density: 1.0 }), Some("a-320.webp"));
/// ```
pub fn chosen(image: &Image, slot: Slot, screen: Screen) -> Option<&str> {
    if image.srcset.is_empty() {
        return image.src.as_deref();
    }
    let is_modern = |c: &&Candidate| c.mime.as_deref().is_some_and(|m| MODERN.contains(&m));
    let modern = MODERN
        .iter()
        .map(|m| {
            image
                .srcset
                .iter()
                .filter(|c| c.mime.as_deref() == Some(m))
                .collect::<Vec<_>>()
        })
        .find(|s| !s.is_empty());
    let set: Vec<&Candidate> = modern.unwrap_or_else(|| image.srcset.iter().filter(|c| !is_modern(c)).collect());
    let needed = slot.shown_width(screen.width) * screen.density.max(0.1);
    set.iter()
        .filter(|c| f64::from(c.width) >= needed)
        .min_by_key(|c| c.width)
        .or_else(|| set.iter().max_by_key(|c| c.width))
        .map(|c| c.src.as_str())
}

/// What an `<img>` (and its `<picture>`'s `<source>`s) is given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    /// The `src`: for a browser that reads neither `srcset` nor the modern formats.
    pub src: String,
    /// The `<img>`'s own `srcset` (JPEG, PNG, GIF or an unstated type), if any.
    pub srcset: Option<String>,
    /// One `<source>` per modern format, best first: its media type and `srcset`.
    pub modern: Vec<(String, String)>,
}

/// Formats a browser may lack, best first: each gets its own `<source type>`.
const MODERN: [&str; 2] = ["image/avif", "image/webp"];

/// A `srcset` attribute of candidates: `a.webp 320w, b.webp 640w`.
///
/// ```
/// use article_reader::model::{picture::srcset_attr, Candidate};
/// let c = |src: &str, width| Candidate { src: src.into(), width, mime: None };
/// assert_eq!(srcset_attr(&[c("https://x.example/a b.jpg", 320), c("b.jpg", 640)]),
///            "https://x.example/a%20b.jpg 320w, b.jpg 640w");
/// ```
pub fn srcset_attr(candidates: &[Candidate]) -> String {
    candidates
        .iter()
        .map(|c| format!("{} {}w", escape_candidate(&c.src), c.width))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A comma or a space would split a candidate: both are percent-encoded (an address keeps its
/// meaning).
fn escape_candidate(src: &str) -> String {
    src.replace(' ', "%20").replace(',', "%2C")
}

/// The files to ask for: the picture's own candidates grouped by format, or an image
/// service's (`service`, site.json's `images.service`) for a picture that lives elsewhere and
/// names none. `None` without a source.
///
/// ```
/// use article_reader::model::{picture::sources, Image};
/// let image = Image { src: Some("https://cms.example/p/a.jpg".into()), alt: String::new(),
///     caption: None, credit: None, width: Some(900), height: Some(600), srcset: vec![] };
/// let s = sources(&image, Some("https://img.example/{src}?w={width}")).unwrap();
/// assert_eq!(s.src, "https://cms.example/p/a.jpg");
/// assert_eq!(s.srcset.unwrap(), "https://img.example/https%3A%2F%2Fcms.example%2Fp%2Fa.jpg?w=320 320w, \
///     https://img.example/https%3A%2F%2Fcms.example%2Fp%2Fa.jpg?w=640 640w, \
///     https://img.example/https%3A%2F%2Fcms.example%2Fp%2Fa.jpg?w=828 828w, \
///     https://img.example/https%3A%2F%2Fcms.example%2Fp%2Fa.jpg?w=900 900w");
/// ```
pub fn sources(image: &Image, service: Option<&str>) -> Option<Sources> {
    let src = image.src.clone()?;
    let mut out = Sources {
        src: src.clone(),
        ..Sources::default()
    };
    if image.srcset.is_empty() {
        if let Some(template) = service.filter(|_| serviceable(&src)) {
            let widths = image.width.map_or_else(|| WIDTHS.to_vec(), widths_for);
            let candidates: Vec<Candidate> = widths
                .into_iter()
                .map(|w| Candidate {
                    src: service_url(template, &src, w),
                    width: w,
                    mime: None,
                })
                .collect();
            out.srcset = Some(srcset_attr(&candidates));
        }
        return Some(out);
    }
    for mime in MODERN {
        let set: Vec<Candidate> = image
            .srcset
            .iter()
            .filter(|c| c.mime.as_deref() == Some(mime))
            .cloned()
            .collect();
        if !set.is_empty() {
            out.modern.push((mime.to_string(), srcset_attr(&set)));
        }
    }
    let plain: Vec<Candidate> = image
        .srcset
        .iter()
        .filter(|c| !c.mime.as_deref().is_some_and(|m| MODERN.contains(&m)))
        .cloned()
        .collect();
    if !plain.is_empty() {
        out.srcset = Some(srcset_attr(&plain));
    }
    Some(out)
}

/// Whether an image service is asked for a picture: an http(s) address that is not one of
/// the publish's own (they come with their sizes), nor a drawing or a GIF (which a service
/// would flatten).
fn serviceable(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or_default();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !lower.contains(".invalid/")
        && !path.ends_with(".svg")
        && !path.ends_with(".gif")
}

/// An image service's address for `src` at `width`: `{src}` becomes the address,
/// percent-encoded as a URL component, and `{width}` the number.
///
/// ```
/// use article_reader::model::picture::service_url;
/// assert_eq!(service_url("https://cdn.example/cdn-cgi/image/width={width}/{src}", "https://a.example/x y.jpg", 640),
///            "https://cdn.example/cdn-cgi/image/width=640/https%3A%2F%2Fa.example%2Fx%20y.jpg");
/// ```
pub fn service_url(template: &str, src: &str, width: u32) -> String {
    template
        .replace("{width}", &width.to_string())
        .replace("{src}", &encode_component(src))
}

fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The candidates of a `srcset` attribute with width descriptors (`a.jpg 320w, b.jpg 640w`),
/// in their order; candidates with a density (`2x`) or no descriptor are left out.
///
/// ```
/// use article_reader::model::picture::parse_srcset;
/// assert_eq!(parse_srcset("a.jpg 320w, b.jpg 2x, https://x.example/c,d.jpg 640w"),
///            [("a.jpg".to_string(), 320), ("https://x.example/c,d.jpg".to_string(), 640)]);
/// ```
pub fn parse_srcset(attr: &str) -> Vec<(String, u32)> {
    let separators = |c: char| c.is_ascii_whitespace() || c == ',';
    let mut out = Vec::new();
    let mut rest = attr;
    loop {
        rest = rest.trim_start_matches(separators);
        if rest.is_empty() {
            return out;
        }
        // The address runs to the next space; commas at its end end the candidate.
        let end = rest.find(|c: char| c.is_ascii_whitespace()).unwrap_or(rest.len());
        let url = &rest[..end];
        rest = &rest[end..];
        let descriptor = if url.ends_with(',') {
            ""
        } else {
            let comma = rest.find(',').unwrap_or(rest.len());
            let d = &rest[..comma];
            rest = &rest[comma..];
            d
        };
        let url = url.trim_end_matches(',');
        if let Some(w) = descriptor
            .trim()
            .strip_suffix('w')
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|w| *w > 0)
        {
            out.push((url.to_string(), w));
        }
    }
}

/// The candidate of `srcset` a share card or a feed names (and the publish makes a sized
/// picture's `src`): the smallest JPEG or PNG at least [`SHARE_WIDTH`] wide, else the widest;
/// `None` without candidates of those types.
pub fn share_candidate(srcset: &[Candidate]) -> Option<&Candidate> {
    let plain = srcset
        .iter()
        .filter(|c| matches!(c.mime.as_deref(), Some("image/jpeg" | "image/png")));
    plain
        .clone()
        .filter(|c| c.width >= SHARE_WIDTH)
        .min_by_key(|c| c.width)
        .or_else(|| plain.max_by_key(|c| c.width))
}

/// The smallest candidate at least `width` pixels wide (a modern format first at one width),
/// for a place too small to need a `srcset` (a search result's 6rem picture).
///
/// ```
/// use article_reader::model::{picture::smallest_from, Candidate, Image};
/// let c = |src: &str, width, mime: &str| Candidate { src: src.into(), width, mime: Some(mime.into()) };
/// let image = Image { src: Some("a.jpg".into()), alt: String::new(), caption: None, credit: None,
///     width: None, height: None,
///     srcset: vec![c("a-320.jpg", 320, "image/jpeg"), c("a-320.webp", 320, "image/webp"), c("a-640.webp", 640, "image/webp")] };
/// assert_eq!(smallest_from(&image, 192).unwrap().src, "a-320.webp");
/// assert_eq!(smallest_from(&image, 1000), None);
/// ```
pub fn smallest_from(image: &Image, width: u32) -> Option<&Candidate> {
    image
        .srcset
        .iter()
        .filter(|c| c.width >= width)
        .min_by_key(|c| (c.width, !c.mime.as_deref().is_some_and(|m| MODERN.contains(&m))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(src: &str, width: u32, mime: &str) -> Candidate {
        Candidate {
            src: src.into(),
            width,
            mime: Some(mime.into()),
        }
    }

    fn image(srcset: Vec<Candidate>) -> Image {
        Image {
            src: Some("https://news.example/articles/sized/a-1200.jpg".into()),
            alt: String::new(),
            caption: None,
            credit: None,
            width: Some(4000),
            height: Some(3000),
            srcset,
        }
    }

    #[test]
    fn groups_candidates_by_format_best_first() {
        let s = sources(
            &image(vec![
                candidate("a-320.webp", 320, "image/webp"),
                candidate("a-320.jpg", 320, "image/jpeg"),
                candidate("a-320.avif", 320, "image/avif"),
                candidate("a-640.webp", 640, "image/webp"),
            ]),
            Some("https://img.example/{src}?w={width}"),
        )
        .unwrap();
        assert_eq!(
            s.modern,
            [
                ("image/avif".to_string(), "a-320.avif 320w".to_string()),
                ("image/webp".to_string(), "a-320.webp 320w, a-640.webp 640w".to_string())
            ]
        );
        // The picture's own candidates win over the service.
        assert_eq!(s.srcset.as_deref(), Some("a-320.jpg 320w"));
    }

    #[test]
    fn the_service_is_never_asked_for_drawings_gifs_or_the_publishs_own() {
        let service = Some("https://img.example/{src}?w={width}");
        for src in [
            "https://cms.example/a.svg",
            "https://cms.example/a.GIF?x=1",
            "https://prerender.invalid/articles/img/a.jpg",
            "data:image/png;base64,AA",
        ] {
            let mut i = image(vec![]);
            i.src = Some(src.into());
            assert_eq!(sources(&i, service).unwrap().srcset, None, "{src}");
        }
        let mut i = image(vec![]);
        i.width = None;
        i.src = Some("https://cms.example/a.jpg".into());
        assert!(sources(&i, service).unwrap().srcset.unwrap().ends_with("w=2048 2048w"));
        assert_eq!(sources(&i, None).unwrap().srcset, None);
    }

    #[test]
    fn the_share_candidate_is_the_smallest_plain_one_from_1200() {
        let i = image(vec![
            candidate("a-1600.jpg", 1600, "image/jpeg"),
            candidate("a-1200.webp", 1200, "image/webp"),
            candidate("a-1200.jpg", 1200, "image/jpeg"),
            candidate("a-640.jpg", 640, "image/jpeg"),
        ]);
        assert_eq!(share_candidate(&i.srcset).unwrap().src, "a-1200.jpg");
        let small = image(vec![
            candidate("s-640.jpg", 640, "image/jpeg"),
            candidate("s-320.jpg", 320, "image/jpeg"),
        ]);
        assert_eq!(share_candidate(&small.srcset).unwrap().src, "s-640.jpg");
        assert_eq!(share_candidate(&image(vec![]).srcset), None);
    }

    #[test]
    fn parses_srcsets_as_browsers_do() {
        assert_eq!(parse_srcset(""), []);
        assert_eq!(parse_srcset(" a.jpg 1x "), []);
        assert_eq!(
            parse_srcset("a.jpg 100w,b.jpg 200w"),
            [("a.jpg".to_string(), 100), ("b.jpg".to_string(), 200)]
        );
        assert_eq!(parse_srcset("a.jpg 0w, b.jpg -5w, c.jpg"), []);
    }
}
