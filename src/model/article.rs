//! The article format, version 1.1 (version 1 plus nested lists, tables, code, dividers,
//! embeds and pull quotes): the typed form every component renders.
//!
//! These types are produced by [`crate::model::parse_article`], which validates a JSON document and
//! resolves every URL in it against the address the JSON was fetched from. By the time an
//! [`Article`] exists, every link and image source in it is absolute and has an allowed scheme,
//! or it has been dropped (`None`). Serialising an [`Article`] gives back format 1.1 JSON.

use serde::{Deserialize, Serialize};

use super::date::DateTime;

pub use super::lang::Dir;

/// One run of inline text. A plain JSON string becomes a single plain span.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    /// Absolute http(s)/mailto URL; `None` when absent or when the scheme was not allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub em: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub strong: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Inline text: a sequence of spans.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Inline(pub Vec<Span>);

impl Inline {
    /// Whether the text is one link and nothing else (blank text around it aside): such a list
    /// item is a link target of its own, and is laid out as one (WCAG 2.2 target size).
    ///
    /// ```
    /// use article_reader::model::{Inline, Span};
    /// let link = |text: &str| Span { text: text.into(), href: Some("https://a.example/".into()), ..Span::default() };
    /// assert!(Inline(vec![link("Change 1677107")]).is_single_link());
    /// assert!(Inline(vec![Span { text: " ".into(), ..Span::default() }, link("x")]).is_single_link());
    /// assert!(!Inline(vec![Span { text: "Volunteers asked for ".into(), ..Span::default() }, link("a way")]).is_single_link());
    /// assert!(!Inline(vec![link("AP"), link("AFP")]).is_single_link());
    /// assert!(!Inline::plain("no link").is_single_link());
    /// ```
    pub fn is_single_link(&self) -> bool {
        let mut links = self.0.iter().filter(|s| s.href.is_some());
        links.next().is_some()
            && links.next().is_none()
            && self.0.iter().all(|s| s.href.is_some() || s.text.trim().is_empty())
    }

    /// Inline text made of one plain span.
    pub fn plain(text: impl Into<String>) -> Self {
        Inline(vec![Span {
            text: text.into(),
            ..Span::default()
        }])
    }

    /// The text with all markup removed.
    pub fn plain_text(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }

    /// True when the spans hold no visible characters.
    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|s| s.text.trim().is_empty())
    }
}

/// `Deserialize` reads back what `Serialize` wrote (a front page island's props), never an
/// article's JSON: that goes through the strict parser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// Absolute URL; `None` when the source is `null` or its scheme was not allowed (the image
    /// then shows its fallback box with the alt text). Serialized as `null` then, which reads
    /// back the same.
    pub src: Option<String>,
    pub alt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Format 1.2: the same picture at other widths and formats (made by the publish for the
    /// archive's own pictures, or by a newsroom's CMS), for `srcset`. Empty: `src` alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub srcset: Vec<Candidate>,
}

/// One candidate of a picture's `srcset`: an absolute URL, its width in pixels and, when known,
/// its media type (`image/avif`, `image/webp`, `image/jpeg`, `image/png`, `image/gif`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub src: String,
    pub width: u32,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub mime: Option<String>,
}

impl Image {
    /// The width and height whose shape reserves the image's box before it loads (and keeps it
    /// when the image fails): a sizer's attributes, never a style. Without both dimensions the
    /// box falls back to 16:9.
    ///
    /// ```
    /// use article_reader::model::Image;
    /// let mut image = Image {
    ///     src: None,
    ///     alt: String::new(),
    ///     caption: None,
    ///     credit: None,
    ///     width: Some(1200),
    ///     height: None,
    ///     srcset: Vec::new(),
    /// };
    /// assert_eq!(image.shape(), (16, 9));
    /// image.height = Some(675);
    /// assert_eq!(image.shape(), (1200, 675));
    /// ```
    pub fn shape(&self) -> (u32, u32) {
        match (self.width, self.height) {
            (Some(w), Some(h)) if w > 0 && h > 0 => (w, h),
            _ => (16, 9),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Author {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Publisher {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Editorial {
    pub label: String,
    pub title: String,
    pub body: Vec<Inline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        text: Inline,
    },
    Heading {
        level: u8,
        text: Inline,
    },
    Quote {
        text: Inline,
        #[serde(skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    Image(Image),
    /// 1.1: a table of inline cells, with an optional caption and header row.
    Table(Table),
    /// 1.1: preformatted text (program code, data), with an optional language label.
    Code {
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<String>,
    },
    /// 1.1: a thematic break between parts of the body.
    Divider,
    /// 1.1: a video or social post, shown as a link card; nothing of the provider loads until
    /// the reader follows the link.
    Embed(Embed),
    /// 1.1: a passage of the article set large to draw the eye (it repeats the body's words).
    Pullquote {
        text: Inline,
        #[serde(skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
}

impl Block {
    /// The block's `type` in the format (`"paragraph"`, `"pullquote"` …).
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Paragraph { .. } => "paragraph",
            Block::Heading { .. } => "heading",
            Block::Quote { .. } => "quote",
            Block::Pullquote { .. } => "pullquote",
            Block::List { .. } => "list",
            Block::Image(_) => "image",
            Block::Table(_) => "table",
            Block::Code { .. } => "code",
            Block::Divider => "divider",
            Block::Embed(_) => "embed",
        }
    }

    /// Every piece of inline text the block shows, in reading order (nested list items
    /// included, table header first).
    pub fn inlines(&self) -> Vec<&Inline> {
        fn items<'a>(list: &'a [ListItem], out: &mut Vec<&'a Inline>) {
            for item in list {
                out.push(&item.text);
                if let Some(sub) = &item.sublist {
                    items(&sub.items, out);
                }
            }
        }
        let mut out = Vec::new();
        match self {
            Block::Paragraph { text }
            | Block::Heading { text, .. }
            | Block::Quote { text, .. }
            | Block::Pullquote { text, .. } => out.push(text),
            Block::List { items: list, .. } => items(list, &mut out),
            Block::Table(t) => {
                out.extend(t.header.iter().flatten());
                out.extend(t.rows.iter().flatten());
            }
            Block::Image(_) | Block::Code { .. } | Block::Divider | Block::Embed(_) => {}
        }
        out
    }

    /// The images the block shows (a body image, an embed's thumbnail).
    pub fn images(&self) -> Vec<&Image> {
        match self {
            Block::Image(i) => vec![i],
            Block::Embed(Embed { thumbnail: Some(t), .. }) => vec![t],
            _ => Vec::new(),
        }
    }
}

impl Embed {
    /// The provider's name, or the host of the URL when the article names none.
    pub fn provider_name(&self) -> String {
        self.provider.clone().unwrap_or_else(|| {
            super::url::origin_of(&self.url)
                .and_then(|o| {
                    o.split_once("://")
                        .map(|(_, h)| h.trim_start_matches("www.").to_string())
                })
                .unwrap_or_default()
        })
    }
}

/// One entry of a list: its text, and (1.1) a list nested under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListItem {
    pub text: Inline,
    pub sublist: Option<SubList>,
}

/// A list inside a list item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SubList {
    pub ordered: bool,
    pub items: Vec<ListItem>,
}

impl ListItem {
    /// An item with text only, as in version 1.
    pub fn text(text: Inline) -> Self {
        ListItem { text, sublist: None }
    }
}

/// An item without a nested list is written as its text (version 1's form); one with a nested
/// list as `{"text": …, "list": {"ordered": …, "items": […]}}`.
impl Serialize for ListItem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.sublist {
            None => self.text.serialize(serializer),
            Some(list) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("text", &self.text)?;
                map.serialize_entry("list", list)?;
                map.end()
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The column headings, if the table has a header row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<Vec<Inline>>,
    /// Every row has as many cells as the header (or the first row).
    pub rows: Vec<Vec<Inline>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Embed {
    /// Absolute http(s) URL of the video or post on its provider's site.
    pub url: String,
    pub title: String,
    /// The provider's name ("YouTube"); the URL's host when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<Image>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Absolute URL of the related article's JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub headline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dek: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Article {
    pub id: String,
    pub headline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dek: Option<String>,
    /// Canonical page URL used for sharing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub language: String,
    pub dir: Dir,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Publisher>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub takeaways: Vec<Inline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editorial: Option<Editorial>,
    pub body: Vec<Block>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

impl Article {
    /// The authors in the catalogue's words ("By A, B and C", "Par A et B"), or the publisher's
    /// name when there are none.
    pub fn byline_in(&self, c: &super::i18n::Catalog) -> Option<String> {
        let names: Vec<&str> = self.authors.iter().map(|a| a.name.as_str()).collect();
        match names.as_slice() {
            [] => self.publisher.as_ref().map(|p| p.name.clone()),
            [one] => Some(c.byline_one(one)),
            [init @ .., last] => Some(c.byline_many(last, &init.join(c.list_separator))),
        }
    }
}

/// One page of the index: its articles, and where the next (older) page is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexPage {
    pub articles: Vec<Summary>,
    /// Absolute http(s) URL of the next page; `None` on the last.
    pub next: Option<String>,
}

/// One entry of `articles/index.json`. `Deserialize`: as for [`Image`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub headline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dek: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}
