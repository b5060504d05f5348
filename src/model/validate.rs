//! Parsing and validation of article JSON (format 1.1, which reads every version 1 document)
//! and of the index's pages (`articles/index.json` and the older pages it leads to).
//!
//! The document is first read as a generic JSON value, then walked field by field. Every problem
//! is collected with its JSON path (`body[3].text: empty`, `image.alt: missing`) instead of
//! stopping at the first, so a publisher can fix a file in one go. Unknown fields are ignored.
//! URLs are resolved against the address of the JSON file and filtered by scheme on the way.

use serde_json::{Map, Value};

use super::article::*;
use super::date::DateTime;
pub use super::error::Problem;
use super::error::{describe_json_error, LoadError};
use super::json;
use super::lang::{direction_of, is_language_tag};
use super::url::{safe_url, FETCH_SCHEMES, LINK_SCHEMES};

/// Largest width or height accepted for an image, in CSS pixels.
pub const MAX_IMAGE_DIMENSION: u64 = 20_000;
/// Most body blocks in one article (the longest demo article has 43).
pub const MAX_BLOCKS: usize = 10_000;
/// The most candidates one picture's `srcset` may list (format 1.2).
pub const MAX_CANDIDATES: usize = 32;
/// The media types a `srcset` candidate may state.
pub const CANDIDATE_TYPES: [&str; 5] = ["image/avif", "image/webp", "image/jpeg", "image/png", "image/gif"];
/// Most entries in any other list: takeaways, tags, authors, related articles, list items,
/// paragraphs of the editorial card, spans of one text.
pub const MAX_ITEMS: usize = 500;
/// Most articles in `articles/index.json`.
pub const MAX_INDEX_ENTRIES: usize = 10_000;
/// Longest headline, in characters.
pub const MAX_HEADLINE_CHARS: usize = 500;
/// Longest value of any other text field, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Problems listed in full; past this many only their number is reported.
pub const MAX_PROBLEMS: usize = 100;
/// How deep lists may nest (a list in a list in a list …).
pub const MAX_LIST_DEPTH: usize = 4;
/// Most columns in a table.
pub const MAX_COLUMNS: usize = 12;

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Joins a path and a key: `join("image", "alt")` is `image.alt`.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Walks a JSON value, collecting problems.
struct Walker<'a> {
    base: &'a str,
    problems: Vec<Problem>,
    /// Problems found past [`MAX_PROBLEMS`], counted only.
    unlisted: usize,
}

impl<'a> Walker<'a> {
    fn new(base: &'a str) -> Self {
        Walker {
            base,
            problems: Vec::new(),
            unlisted: 0,
        }
    }

    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem {
                path: path.into(),
                message: message.into(),
            });
        } else {
            self.unlisted += 1;
        }
    }

    fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Problems found so far, listed or not.
    fn count(&self) -> usize {
        self.problems.len() + self.unlisted
    }

    /// The problems found, with a last line counting those not listed.
    fn into_problems(mut self) -> Vec<Problem> {
        if self.unlisted > 0 {
            self.problems.push(Problem {
                path: "…".into(),
                message: format!("{} more problems not listed", self.unlisted),
            });
        }
        self.problems
    }

    /// A string within `max` characters, or a problem.
    fn within(&mut self, s: &str, path: &str, max: usize) -> bool {
        // Counting stops just past the limit: a 4 MB string is not walked to the end.
        let n = s.chars().take(max + 1).count();
        if n > max {
            self.problem(path, format!("too long (more than {max} characters)"));
            false
        } else {
            true
        }
    }

    /// An array within `max` entries, or a problem.
    fn not_too_many(&mut self, items: &[Value], path: &str, max: usize) -> bool {
        if items.len() > max {
            self.problem(path, format!("too many entries ({}; at most {max})", items.len()));
            false
        } else {
            true
        }
    }

    fn wrong_type(&mut self, path: impl Into<String>, expected: &str, found: &Value) {
        self.problem(path, format!("expected {expected}, found {}", type_name(found)));
    }

    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(map) => Some(map),
            other => {
                self.wrong_type(if path.is_empty() { "article" } else { path }, "an object", other);
                None
            }
        }
    }

    /// A field that must be a non-empty string.
    fn required_string(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        let p = join(path, key);
        match obj.get(key) {
            None => {
                self.problem(p, "missing");
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.problem(p, "empty");
                None
            }
            Some(Value::String(s)) => self.within(s, &p, MAX_TEXT_CHARS).then(|| s.clone()),
            Some(other) => {
                self.wrong_type(p, "a string", other);
                None
            }
        }
    }

    /// A field that may be absent or null; present, it must be a string. Blank strings count as
    /// absent.
    fn optional_string(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => self.within(s, &join(path, key), MAX_TEXT_CHARS).then(|| s.clone()),
            Some(other) => {
                self.wrong_type(join(path, key), "a string", other);
                None
            }
        }
    }

    /// An optional URL: resolved against the document's address; a URL whose scheme is not in
    /// `allowed` is dropped without a problem (the text around it is kept).
    fn optional_url(&mut self, obj: &Map<String, Value>, key: &str, path: &str, allowed: &[&str]) -> Option<String> {
        let raw = self.optional_string(obj, key, path)?;
        safe_url(&raw, self.base, allowed)
    }

    fn optional_timestamp(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<DateTime> {
        let raw = self.optional_string(obj, key, path)?;
        if let Some(parsed) = DateTime::parse(&raw) {
            Some(parsed)
        } else {
            self.problem(
                join(path, key),
                "not an RFC 3339 timestamp (expected e.g. 2026-03-15T09:30:00Z)",
            );
            None
        }
    }

    fn optional_bool(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> bool {
        match obj.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong_type(join(path, key), "true or false", other);
                false
            }
        }
    }

    /// An optional array of at most [`MAX_ITEMS`] entries; absent or null is empty.
    fn optional_array<'v>(&mut self, obj: &'v Map<String, Value>, key: &str, path: &str) -> &'v [Value] {
        match obj.get(key) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) if !self.not_too_many(items, &join(path, key), MAX_ITEMS) => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(join(path, key), "an array", other);
                &[]
            }
        }
    }

    /// A field that must be a non-empty array of at most `max` entries; `needs` says why empty
    /// is wrong.
    fn required_array<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        path: &str,
        needs: &str,
        max: usize,
    ) -> Option<&'v [Value]> {
        let p = join(path, key);
        match obj.get(key) {
            None => {
                self.problem(p, "missing");
                None
            }
            Some(Value::Array(items)) if items.is_empty() => {
                self.problem(p, format!("empty ({needs})"));
                None
            }
            Some(Value::Array(items)) => self.not_too_many(items, &p, max).then_some(items),
            Some(other) => {
                self.wrong_type(p, "an array", other);
                None
            }
        }
    }

    /// Inline text (a string, or an array of spans) that must not be blank.
    fn inline(&mut self, v: Option<&Value>, path: &str) -> Option<Inline> {
        let inline = match v {
            None => {
                self.problem(path, "missing");
                return None;
            }
            Some(Value::String(s)) => {
                if !self.within(s, path, MAX_TEXT_CHARS) {
                    return None;
                }
                Inline::plain(s.clone())
            }
            Some(Value::Array(spans)) => {
                if !self.not_too_many(spans, path, MAX_ITEMS) {
                    return None;
                }
                let mut out = Vec::with_capacity(spans.len());
                for (i, span) in spans.iter().enumerate() {
                    let sp = format!("{path}[{i}]");
                    let Some(obj) = self.object(span, &sp) else {
                        continue;
                    };
                    let text = match obj.get("text") {
                        Some(Value::String(s)) => {
                            if !self.within(s, &join(&sp, "text"), MAX_TEXT_CHARS) {
                                continue;
                            }
                            s.clone()
                        }
                        None => {
                            self.problem(join(&sp, "text"), "missing");
                            continue;
                        }
                        Some(other) => {
                            self.wrong_type(join(&sp, "text"), "a string", other);
                            continue;
                        }
                    };
                    let href = self.optional_url(obj, "href", &sp, LINK_SCHEMES);
                    let em = self.optional_bool(obj, "em", &sp);
                    let strong = self.optional_bool(obj, "strong", &sp);
                    out.push(Span { text, href, em, strong });
                }
                Inline(out)
            }
            Some(other) => {
                self.wrong_type(path, "a string or an array of text spans", other);
                return None;
            }
        };
        if inline.is_blank() {
            // Spans with their own problems were already reported.
            if !matches!(v, Some(Value::Array(a)) if inline.0.len() < a.len()) {
                self.problem(path, "empty");
            }
            return None;
        }
        Some(inline)
    }

    fn inline_list(&mut self, items: &[Value], path: &str) -> Vec<Inline> {
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.inline(Some(item), &format!("{path}[{i}]")))
            .collect()
    }

    fn dimension(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<u32> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_u64() {
                Some(v) if (1..=MAX_IMAGE_DIMENSION).contains(&v) => Some(v as u32),
                _ => {
                    self.problem(
                        join(path, key),
                        format!("must be a whole number from 1 to {MAX_IMAGE_DIMENSION}"),
                    );
                    None
                }
            },
            Some(other) => {
                self.wrong_type(join(path, key), "a number", other);
                None
            }
        }
    }

    fn image_fields(&mut self, obj: &Map<String, Value>, path: &str) -> Option<Image> {
        // A disallowed scheme (or an explicit null) drops the source: the image shows its
        // fallback box.
        let src = match obj.get("src") {
            Some(Value::Null) => Some(None),
            _ => self
                .required_string(obj, "src", path)
                .map(|raw| safe_url(&raw, self.base, FETCH_SCHEMES)),
        };
        let alt = match obj.get("alt") {
            Some(Value::String(s)) => Some(s.clone()),
            None => {
                self.problem(join(path, "alt"), "missing (use \"\" for a decorative image)");
                None
            }
            Some(other) => {
                self.wrong_type(join(path, "alt"), "a string", other);
                None
            }
        };
        let caption = self.optional_string(obj, "caption", path);
        let credit = self.optional_string(obj, "credit", path);
        let width = self.dimension(obj, "width", path);
        let height = self.dimension(obj, "height", path);
        let srcset = self.srcset(obj, path);
        Some(Image {
            src: src?,
            alt: alt?,
            caption,
            credit,
            width,
            height,
            srcset,
        })
    }

    /// Format 1.2: `srcset`, the picture's other files, each `{"src", "width", "type"?}`. A
    /// candidate whose address has a scheme the reader does not fetch is dropped, as `src` is.
    fn srcset(&mut self, obj: &Map<String, Value>, path: &str) -> Vec<Candidate> {
        let key = join(path, "srcset");
        let items = self.optional_array(obj, "srcset", path);
        if !self.not_too_many(items, &key, MAX_CANDIDATES) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = format!("{key}[{i}]");
            let Some(o) = self.object(item, &p) else { continue };
            let src = self.required_string(o, "src", &p);
            let width = match o.get("width") {
                None => {
                    self.problem(join(&p, "width"), "missing (the file's width in pixels)");
                    None
                }
                Some(_) => self.dimension(o, "width", &p),
            };
            let mime = match o.get("type") {
                None | Some(Value::Null) => None,
                Some(Value::String(t)) if CANDIDATE_TYPES.contains(&t.as_str()) => Some(t.clone()),
                Some(Value::String(t)) => {
                    self.problem(
                        join(&p, "type"),
                        format!("must be one of {} (got {t})", CANDIDATE_TYPES.join(", ")),
                    );
                    None
                }
                Some(other) => {
                    self.wrong_type(join(&p, "type"), "a string", other);
                    None
                }
            };
            let (Some(src), Some(width)) = (src, width) else {
                continue;
            };
            if let Some(src) = safe_url(&src, self.base, FETCH_SCHEMES) {
                out.push(Candidate { src, width, mime });
            }
        }
        out
    }

    fn optional_image(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<Image> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => {
                let p = join(path, key);
                let o = self.object(v, &p)?;
                self.image_fields(o, &p)
            }
        }
    }

    fn block(&mut self, v: &Value, path: &str) -> Option<Block> {
        let obj = self.object(v, path)?;
        let kind = match obj.get("type") {
            Some(Value::String(s)) => s.as_str(),
            None => {
                self.problem(join(path, "type"), "missing");
                return None;
            }
            Some(other) => {
                self.wrong_type(join(path, "type"), "a string", other);
                return None;
            }
        };
        let text_path = join(path, "text");
        match kind {
            "paragraph" => Some(Block::Paragraph {
                text: self.inline(obj.get("text"), &text_path)?,
            }),
            "heading" => {
                let level = match obj.get("level") {
                    Some(Value::Number(n)) if n.as_u64() == Some(2) || n.as_u64() == Some(3) => {
                        n.as_u64().map(|l| l as u8)
                    }
                    None => {
                        self.problem(join(path, "level"), "missing (2 or 3)");
                        None
                    }
                    Some(_) => {
                        self.problem(join(path, "level"), "must be 2 or 3");
                        None
                    }
                };
                let text = self.inline(obj.get("text"), &text_path);
                Some(Block::Heading {
                    level: level?,
                    text: text?,
                })
            }
            "quote" | "pullquote" => {
                let text = self.inline(obj.get("text"), &text_path);
                let cite = self.optional_string(obj, "cite", path);
                let text = text?;
                Some(if kind == "quote" {
                    Block::Quote { text, cite }
                } else {
                    Block::Pullquote { text, cite }
                })
            }
            "list" => self.list(obj, path, 1).map(|l| Block::List {
                ordered: l.ordered,
                items: l.items,
            }),
            "image" => self.image_fields(obj, path).map(Block::Image),
            "table" => self.table(obj, path).map(Block::Table),
            "code" => {
                // Kept exactly as written (not trimmed): whitespace is the point of
                // preformatted text.
                let text = self.required_string(obj, "text", path);
                let language = self.optional_string(obj, "language", path);
                if let Some(l) = language.as_deref().filter(|l| l.chars().count() > 40) {
                    let shown: String = l.chars().take(40).collect();
                    self.problem(
                        join(path, "language"),
                        format!("too long for a label (“{shown}…”; at most 40 characters)"),
                    );
                    return None;
                }
                Some(Block::Code { text: text?, language })
            }
            "divider" => Some(Block::Divider),
            "embed" => {
                let url = self.required_string(obj, "url", path).and_then(|raw| {
                    let url = safe_url(&raw, self.base, FETCH_SCHEMES);
                    if url.is_none() {
                        self.problem(join(path, "url"), "must be an http or https address");
                    }
                    url
                });
                let title = self.required_string(obj, "title", path);
                let provider = self.optional_string(obj, "provider", path);
                let thumbnail = self.optional_image(obj, "thumbnail", path);
                Some(Block::Embed(Embed {
                    url: url?,
                    title: title?,
                    provider,
                    thumbnail,
                }))
            }
            other => {
                let shown: String = other.chars().take(40).collect();
                self.problem(
                    join(path, "type"),
                    format!("unknown block type “{shown}” (expected paragraph, heading, quote, list, image, table, code, divider, embed or pullquote)"),
                );
                None
            }
        }
    }

    /// A list (`ordered`, `items`) at nesting `depth` (1 for a list in the body). An item is
    /// inline text, or (1.1) `{"text": …, "list": {…}}` with a list nested under it.
    fn list(&mut self, obj: &Map<String, Value>, path: &str, depth: usize) -> Option<SubList> {
        let ordered = match obj.get("ordered") {
            Some(Value::Bool(b)) => Some(*b),
            None => {
                self.problem(join(path, "ordered"), "missing (true or false)");
                None
            }
            Some(other) => {
                self.wrong_type(join(path, "ordered"), "true or false", other);
                None
            }
        };
        let items_path = join(path, "items");
        let items = self
            .required_array(obj, "items", path, "a list needs at least one item", MAX_ITEMS)
            .and_then(|a| {
                let before = self.count();
                let mut items = Vec::with_capacity(a.len());
                for (i, item) in a.iter().enumerate() {
                    let p = format!("{items_path}[{i}]");
                    match item {
                        Value::Object(o) => {
                            let text = self.inline(o.get("text"), &join(&p, "text"));
                            let sublist = match o.get("list") {
                                None | Some(Value::Null) => None,
                                Some(_) if depth >= MAX_LIST_DEPTH => {
                                    self.problem(join(&p, "list"), format!("lists nest {MAX_LIST_DEPTH} deep at most"));
                                    None
                                }
                                Some(v) => {
                                    let lp = join(&p, "list");
                                    self.object(v, &lp).and_then(|lo| self.list(lo, &lp, depth + 1))
                                }
                            };
                            if let Some(text) = text {
                                items.push(ListItem { text, sublist });
                            }
                        }
                        other => {
                            if let Some(text) = self.inline(Some(other), &p) {
                                items.push(ListItem::text(text));
                            }
                        }
                    }
                }
                (self.count() == before).then_some(items)
            });
        Some(SubList {
            ordered: ordered?,
            items: items?,
        })
    }

    /// A table: `rows` of inline cells, an optional `header` row and `caption`; every row as
    /// wide as the header (or the first row).
    fn table(&mut self, obj: &Map<String, Value>, path: &str) -> Option<Table> {
        let caption = self.optional_string(obj, "caption", path);
        let cells = |w: &mut Self, row: &[Value], p: &str| -> Option<Vec<Inline>> {
            if !w.not_too_many(row, p, MAX_COLUMNS) {
                return None;
            }
            let before = w.count();
            let out: Vec<Inline> = row
                .iter()
                .enumerate()
                .filter_map(|(i, c)| match c {
                    // An empty cell is allowed (a table has gaps): "", or spans with no text.
                    Value::String(t) if t.trim().is_empty() => Some(Inline::plain("")),
                    Value::Array(spans)
                        if !spans.is_empty()
                            && spans.iter().all(|sp| {
                                sp.get("text")
                                    .and_then(Value::as_str)
                                    .is_some_and(|t| t.trim().is_empty())
                            }) =>
                    {
                        Some(Inline::plain(""))
                    }
                    _ => w.inline(Some(c), &format!("{p}[{i}]")),
                })
                .collect();
            (w.count() == before).then_some(out)
        };
        let header = match obj.get("header") {
            None | Some(Value::Null) => Some(None),
            Some(Value::Array(h)) if h.is_empty() => {
                self.problem(
                    join(path, "header"),
                    "empty (leave it out for a table without a header row)",
                );
                None
            }
            Some(Value::Array(h)) => cells(self, h, &join(path, "header")).map(Some),
            Some(other) => {
                self.wrong_type(join(path, "header"), "an array of cells", other);
                None
            }
        };
        let rows_path = join(path, "rows");
        let rows = self
            .required_array(obj, "rows", path, "a table needs at least one row", MAX_ITEMS)
            .and_then(|rows| {
                let before = self.count();
                let mut out = Vec::with_capacity(rows.len());
                for (i, row) in rows.iter().enumerate() {
                    let p = format!("{rows_path}[{i}]");
                    match row {
                        Value::Array(r) if r.is_empty() => self.problem(&p, "empty (a row needs at least one cell)"),
                        Value::Array(r) => out.extend(cells(self, r, &p)),
                        other => self.wrong_type(&p, "an array of cells", other),
                    }
                }
                (self.count() == before).then_some(out)
            });
        let (header, rows) = (header?, rows?);
        let width = header.as_ref().map_or(rows[0].len(), Vec::len);
        let mut uneven = false;
        for (i, row) in rows.iter().enumerate().filter(|(_, r)| r.len() != width) {
            let against = if header.is_some() {
                "the header"
            } else {
                "the first row"
            };
            self.problem(
                format!("{rows_path}[{i}]"),
                format!("has {} cells, {against} has {width}", row.len()),
            );
            uneven = true;
        }
        (!uneven).then_some(Table { caption, header, rows })
    }

    fn id(&mut self, obj: &Map<String, Value>, path: &str, required: bool) -> Option<String> {
        let id = if required {
            self.required_string(obj, "id", path)?
        } else {
            self.optional_string(obj, "id", path)?
        };
        if is_valid_id(&id) {
            Some(id)
        } else {
            self.problem(
                join(path, "id"),
                "must be 1 to 128 characters of a-z, 0-9 and - (e.g. \"city-budget-2026\")",
            );
            None
        }
    }

    fn article(&mut self, root: &Value) -> Option<Article> {
        let obj = self.object(root, "")?;
        let id = self.id(obj, "", true);
        let headline = self
            .required_string(obj, "headline", "")
            .filter(|h| self.within(h, "headline", MAX_HEADLINE_CHARS));
        let dek = self.optional_string(obj, "dek", "");
        let url = self.optional_url(obj, "url", "", FETCH_SCHEMES);
        let section = self.optional_string(obj, "section", "");
        let tags = self
            .optional_array(obj, "tags", "")
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match t {
                Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
                Value::String(_) => None,
                other => {
                    self.wrong_type(format!("tags[{i}]"), "a string", other);
                    None
                }
            })
            .collect();
        let language = match self.optional_string(obj, "language", "") {
            None => Some("en".to_string()),
            Some(l) if is_language_tag(&l) => Some(l),
            Some(_) => {
                self.problem("language", "not a BCP 47 language tag (e.g. \"en\", \"pt-BR\", \"ar\")");
                None
            }
        };
        let dir = match self.optional_string(obj, "dir", "").as_deref() {
            None => language.as_deref().map(direction_of),
            Some("ltr") => Some(Dir::Ltr),
            Some("rtl") => Some(Dir::Rtl),
            Some("auto") => Some(Dir::Auto),
            Some(_) => {
                self.problem("dir", "must be \"ltr\", \"rtl\" or \"auto\"");
                None
            }
        };
        let published = self.optional_timestamp(obj, "published", "");
        let updated = self.optional_timestamp(obj, "updated", "");
        let authors = self
            .optional_array(obj, "authors", "")
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let p = format!("authors[{i}]");
                let o = self.object(a, &p)?;
                let name = self.required_string(o, "name", &p);
                let url = self.optional_url(o, "url", &p, LINK_SCHEMES);
                Some(Author { name: name?, url })
            })
            .collect();
        let publisher = match obj.get("publisher") {
            None | Some(Value::Null) => None,
            Some(v) => self.object(v, "publisher").and_then(|o| {
                let name = self.required_string(o, "name", "publisher");
                let url = self.optional_url(o, "url", "publisher", LINK_SCHEMES);
                let logo = self.optional_url(o, "logo", "publisher", FETCH_SCHEMES);
                Some(Publisher { name: name?, url, logo })
            }),
        };
        let image = self.optional_image(obj, "image", "");
        let takeaways = {
            let items = self.optional_array(obj, "takeaways", "");
            self.inline_list(items, "takeaways")
        };
        let editorial = match obj.get("editorial") {
            None | Some(Value::Null) => None,
            Some(v) => self.object(v, "editorial").and_then(|o| {
                let label = self.required_string(o, "label", "editorial");
                let title = self.required_string(o, "title", "editorial");
                let body = self
                    .required_array(
                        o,
                        "body",
                        "editorial",
                        "the card needs at least one paragraph",
                        MAX_ITEMS,
                    )
                    .map(|a| self.inline_list(a, "editorial.body"));
                let author = self.optional_string(o, "author", "editorial");
                let role = self.optional_string(o, "role", "editorial");
                Some(Editorial {
                    label: label?,
                    title: title?,
                    body: body?,
                    author,
                    role,
                })
            }),
        };
        let body = self
            .required_array(obj, "body", "", "an article needs at least one block", MAX_BLOCKS)
            .map(|blocks| {
                blocks
                    .iter()
                    .enumerate()
                    .filter_map(|(i, b)| self.block(b, &format!("body[{i}]")))
                    .collect::<Vec<_>>()
            });
        let related = self
            .optional_array(obj, "related", "")
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let p = format!("related[{i}]");
                let o = self.object(r, &p)?;
                let id = self.id(o, &p, false);
                let url = self.optional_url(o, "url", &p, FETCH_SCHEMES);
                let headline = self.required_string(o, "headline", &p);
                let dek = self.optional_string(o, "dek", &p);
                let image = self.optional_image(o, "image", &p);
                let published = self.optional_timestamp(o, "published", &p);
                Some(Related {
                    id,
                    url,
                    headline: headline?,
                    dek,
                    image,
                    published,
                })
            })
            .collect();

        if self.has_problems() {
            return None;
        }
        Some(Article {
            id: id?,
            headline: headline?,
            dek,
            url,
            section,
            tags,
            language: language?,
            dir: dir?,
            published,
            updated,
            authors,
            publisher,
            image,
            takeaways,
            editorial,
            body: body?,
            related,
        })
    }

    fn summary(&mut self, v: &Value, path: &str) -> Option<Summary> {
        let o = self.object(v, path)?;
        let id = self.id(o, path, true);
        let headline = self.required_string(o, "headline", path);
        let dek = self.optional_string(o, "dek", path);
        let image = self.optional_image(o, "image", path);
        let published = self.optional_timestamp(o, "published", path);
        let section = self.optional_string(o, "section", path);
        Some(Summary {
            id: id?,
            headline: headline?,
            dek,
            image,
            published,
            section,
        })
    }
}

/// The id rule of `src/facts.json`: 1 to [`ID_MAX_LEN`](crate::facts::ID_MAX_LEN) characters
/// from [`ID_CHARS`](crate::facts::ID_CHARS) (`a-z`, `0-9` and `-`; `tests/facts.rs` checks the
/// two agree).
///
/// ```
/// use article_reader::model::validate::is_valid_id;
/// assert!(is_valid_id("harbor-bridge-2026"));
/// assert!(!is_valid_id("Harbor_Bridge") && !is_valid_id("") && !is_valid_id(&"a".repeat(129)));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    (1..=crate::facts::ID_MAX_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses a document's JSON (strictly: no duplicate keys), without validating it; then
/// [`article_from_value`] validates it, once per base it is resolved against.
pub fn parse_json(text: &str) -> Result<Value, LoadError> {
    json::parse_strict(text).map_err(|e| LoadError::NotJson {
        detail: describe_json_error(&e, text),
    })
}

/// Checks a fetched document's size and encoding (see [`json::decode`]).
fn decode(bytes: &[u8]) -> Result<&str, LoadError> {
    json::decode(bytes).map_err(|e| match e {
        json::DecodeError::TooLarge { bytes } => LoadError::TooLarge {
            bytes: bytes as u64,
            limit: json::MAX_DOCUMENT_BYTES as u64,
        },
        other => LoadError::NotJson {
            detail: other.to_string(),
        },
    })
}

/// Validates an already-parsed JSON value as an article. `base` is the absolute URL the JSON
/// came from; relative URLs inside the article resolve against it.
pub fn article_from_value(value: &Value, base: &str) -> Result<Article, Vec<Problem>> {
    let mut w = Walker::new(base);
    match w.article(value) {
        Some(article) => Ok(article),
        None => Err(w.into_problems()),
    }
}

/// Parses and validates article JSON fetched from `base`: every problem is reported with its
/// JSON path, and relative URLs are resolved against `base`.
///
/// ```
/// use article_reader::model::{parse_article, LoadError};
/// let base = "https://news.example/articles/a.json";
/// let article = parse_article(
///     r#"{"id": "a", "headline": "Bridge reopens",
///         "body": [{"type": "paragraph", "text": "Crews worked all night."}],
///         "image": {"src": "img/a.jpg", "alt": ""}}"#,
///     base,
/// )
/// .unwrap();
/// assert_eq!(article.headline, "Bridge reopens");
/// assert_eq!(article.image.unwrap().src.as_deref(), Some("https://news.example/articles/img/a.jpg"));
///
/// let Err(LoadError::Invalid { problems }) = parse_article(r#"{"id": "a", "body": []}"#, base) else {
///     panic!("not an article")
/// };
/// let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
/// assert!(problems.contains(&"headline: missing".to_string()), "{problems:?}");
/// ```
pub fn parse_article(text: &str, base: &str) -> Result<Article, LoadError> {
    let value = parse_json(text)?;
    article_from_value(&value, base).map_err(|problems| LoadError::Invalid { problems })
}

/// [`parse_article`] for the raw bytes of a response: checks size and encoding first.
pub fn parse_article_bytes(bytes: &[u8], base: &str) -> Result<Article, LoadError> {
    parse_article(decode(bytes)?, base)
}

/// Parses one page of the index (`articles/index.json` and the older pages it leads to)
/// fetched from `base`: its articles, newest first (undated entries last), and the
/// address of the next (older) page, `next`, resolved against `base` (like JSON Feed's
/// `next_url`). The front page shows the first page and loads the next one on request.
///
/// ```
/// use article_reader::model::validate::parse_index_page;
/// let page = parse_index_page(
///     r#"{ "articles": [{ "id": "a", "headline": "A" }], "next": "index-2.json" }"#,
///     "https://news.example/articles/index.json",
/// ).unwrap();
/// assert_eq!(page.articles[0].id, "a");
/// assert_eq!(page.next.as_deref(), Some("https://news.example/articles/index-2.json"));
/// ```
pub fn parse_index_page(text: &str, base: &str) -> Result<IndexPage, LoadError> {
    let value = parse_json(text)?;
    let mut w = Walker::new(base);
    let mut summaries = Vec::new();
    let mut next = None;
    if let Some(root) = w.object(&value, "index") {
        next = w.optional_string(root, "next", "").and_then(|raw| {
            let url = safe_url(&raw, base, FETCH_SCHEMES);
            if url.is_none() {
                w.problem("next", "must be an http or https address (relative to this index)");
            }
            url
        });
        if next.as_deref() == Some(base) {
            w.problem("next", "names this same page (the archive would never end)");
        }
        match root.get("articles") {
            Some(Value::Array(items)) if w.not_too_many(items, "articles", MAX_INDEX_ENTRIES) => {
                for (i, item) in items.iter().enumerate() {
                    if let Some(s) = w.summary(item, &format!("articles[{i}]")) {
                        summaries.push(s);
                    }
                }
            }
            Some(Value::Array(_)) => {}
            None => w.problem("articles", "missing"),
            Some(other) => w.wrong_type("articles", "an array", other),
        }
    }
    if w.has_problems() {
        return Err(LoadError::Invalid {
            problems: w.into_problems(),
        });
    }
    sort_newest_first(&mut summaries);
    Ok(IndexPage {
        articles: summaries,
        next,
    })
}

/// [`parse_index_page`] for the raw bytes of a response: checks size and encoding first.
pub fn parse_index_page_bytes(bytes: &[u8], base: &str) -> Result<IndexPage, LoadError> {
    parse_index_page(decode(bytes)?, base)
}

/// What a document checked by [`check_document`] turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Article,
    /// A page of the index (its root has `articles`).
    Index,
}

/// Checks the raw bytes of a document exactly as the app does when it fetches one: an object
/// with `articles` is a page of the index ([`parse_index_page_bytes`]), anything else an
/// article ([`parse_article_bytes`]). The `validate` command runs this on every file.
///
/// ```
/// use article_reader::model::validate::{check_document, DocumentKind};
/// let base = "https://news.example/articles/index.json";
/// assert_eq!(check_document(br#"{"articles": []}"#, base), Ok(DocumentKind::Index));
/// let err = check_document(br#"{"id": "a"}"#, base).unwrap_err();
/// assert_eq!(err.problems()[0].to_string(), "headline: missing");
/// ```
pub fn check_document(bytes: &[u8], base: &str) -> Result<DocumentKind, LoadError> {
    let text = decode(bytes)?;
    let value = parse_json(text)?;
    if value.get("articles").is_some() {
        parse_index_page(text, base).map(|_| DocumentKind::Index)
    } else {
        article_from_value(&value, base)
            .map(|_| DocumentKind::Article)
            .map_err(|problems| LoadError::Invalid { problems })
    }
}

/// Orders summaries newest first; entries without a date go last, in their original order.
pub fn sort_newest_first(summaries: &mut [Summary]) {
    summaries.sort_by_key(|s| std::cmp::Reverse(s.published.as_ref().map(DateTime::unix_seconds)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BASE: &str = "https://news.example/articles/story.json";

    fn minimal() -> Value {
        json!({
            "id": "a-1",
            "headline": "Headline",
            "body": [{ "type": "paragraph", "text": "Hello world." }]
        })
    }

    fn problems(v: Value) -> Vec<String> {
        article_from_value(&v, BASE)
            .unwrap_err()
            .iter()
            .map(Problem::to_string)
            .collect()
    }

    #[test]
    fn a_srcset_is_checked_candidate_by_candidate() {
        let mut v = minimal();
        v["image"] = json!({ "src": "img/a.jpg", "alt": "", "srcset": [
            { "src": "sized/a-320.webp", "width": 320, "type": "image/webp" },
            { "src": "https://cms.example/a-640.jpg", "width": 640 },
            { "src": "javascript:alert(1)", "width": 800 }
        ] });
        let a = article_from_value(&v, BASE).unwrap();
        let srcset = a.image.unwrap().srcset;
        assert_eq!(srcset.len(), 2, "the candidate with a refused scheme is dropped");
        assert_eq!(srcset[0].src, "https://news.example/articles/sized/a-320.webp");
        assert_eq!(srcset[0].mime.as_deref(), Some("image/webp"));
        assert_eq!(srcset[1].mime, None);

        v["image"]["srcset"] = json!([
            { "src": "a.webp", "width": 0 },
            { "src": "a.bmp", "width": 300, "type": "image/bmp" },
            { "width": 300 },
            { "src": "a.jpg" },
            "a.jpg 300w"
        ]);
        let p = problems(v.clone());
        for expected in [
            "image.srcset[0].width",
            "image.srcset[1].type",
            "image.srcset[2].src",
            "image.srcset[3].width",
            "image.srcset[4]",
        ] {
            assert!(p.iter().any(|x| x.starts_with(expected)), "{expected}: {p:?}");
        }
        v["image"]["srcset"] = Value::Array((0..33).map(|i| json!({ "src": "a.jpg", "width": i + 1 })).collect());
        assert!(problems(v)
            .iter()
            .any(|x| x.contains("too many entries (33; at most 32)")));
    }

    #[test]
    fn minimal_article_gets_defaults() {
        let a = article_from_value(&minimal(), BASE).unwrap();
        assert_eq!(a.language, "en");
        assert_eq!(a.dir, Dir::Ltr);
        assert!(a.takeaways.is_empty() && a.related.is_empty() && a.editorial.is_none());
        assert_eq!(
            a.body,
            vec![Block::Paragraph {
                text: Inline::plain("Hello world.")
            }]
        );
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let mut v = minimal();
        v["futureField"] = json!({"anything": [1, 2, 3]});
        v["body"][0]["style"] = json!("fancy");
        assert!(article_from_value(&v, BASE).is_ok());
    }

    #[test]
    fn missing_headline_is_named() {
        let mut v = minimal();
        v.as_object_mut().unwrap().remove("headline");
        assert_eq!(problems(v), ["headline: missing"]);
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let v = json!({
            "id": "Bad ID!",
            "headline": "",
            "language": "english please",
            "dir": "sideways",
            "published": "last tuesday",
            "image": { "src": "hero.jpg", "width": -3 },
            "takeaways": ["ok", "  ", 7],
            "editorial": { "label": "Editor's Desk", "body": [] },
            "body": [
                { "type": "paragraph", "text": "fine" },
                { "type": "heading", "level": 4, "text": "x" },
                { "type": "quote" },
                { "type": "paragraph", "text": "" },
                { "type": "list", "ordered": "yes", "items": [] },
                { "type": "video", "src": "x.mp4" },
                "just a string"
            ],
            "related": [{ "dek": "no headline" }]
        });
        assert_eq!(
            problems(v),
            [
                "id: must be 1 to 128 characters of a-z, 0-9 and - (e.g. \"city-budget-2026\")",
                "headline: empty",
                "language: not a BCP 47 language tag (e.g. \"en\", \"pt-BR\", \"ar\")",
                "dir: must be \"ltr\", \"rtl\" or \"auto\"",
                "published: not an RFC 3339 timestamp (expected e.g. 2026-03-15T09:30:00Z)",
                "image.alt: missing (use \"\" for a decorative image)",
                "image.width: must be a whole number from 1 to 20000",
                "takeaways[1]: empty",
                "takeaways[2]: expected a string or an array of text spans, found a number",
                "editorial.title: missing",
                "editorial.body: empty (the card needs at least one paragraph)",
                "body[1].level: must be 2 or 3",
                "body[2].text: missing",
                "body[3].text: empty",
                "body[4].ordered: expected true or false, found a string",
                "body[4].items: empty (a list needs at least one item)",
                "body[5].type: unknown block type “video” (expected paragraph, heading, quote, list, image, table, code, divider, embed or pullquote)",
                "body[6]: expected an object, found a string",
                "related[0].headline: missing",
            ]
        );
    }

    /// Format 1.1's blocks read, and write back as they came.
    #[test]
    fn format_1_1_blocks_read_and_round_trip() {
        let mut v = minimal();
        v["body"] = json!([
            { "type": "list", "ordered": false, "items": [
                "Plain item",
                { "text": "With a nested list", "list": { "ordered": true, "items": [
                    "First", { "text": "Second", "list": { "ordered": false, "items": ["Deep"] } }
                ] } }
            ] },
            { "type": "table", "caption": "Rainfall", "header": ["Town", "mm"], "rows": [["Ashby", "94"], ["Brill", ""]] },
            { "type": "code", "text": "fn main() {\n    println!(\"hi\");\n}", "language": "rust" },
            { "type": "divider" },
            { "type": "embed", "url": "https://www.youtube.com/watch?v=abc", "title": "The bridge at night",
              "thumbnail": { "src": "img/thumb.jpg", "alt": "" } },
            { "type": "pullquote", "text": "Every gauge counts.", "cite": "Abdi Warsame" },
            { "type": "image", "src": "img/a.jpg", "alt": "A gauge", "caption": "A gauge.", "credit": "Photo: R. K." }
        ]);
        let a = article_from_value(&v, BASE).unwrap();
        match &a.body[0] {
            Block::List { items, .. } => {
                assert_eq!(items[0], ListItem::text(Inline::plain("Plain item")));
                let sub = items[1].sublist.as_ref().unwrap();
                assert!(sub.ordered);
                assert_eq!(
                    sub.items[1].sublist.as_ref().unwrap().items[0].text.plain_text(),
                    "Deep"
                );
            }
            other => panic!("{other:?}"),
        }
        let Block::Embed(e) = &a.body[4] else { panic!() };
        assert_eq!(e.provider_name(), "youtube.com");
        assert_eq!(
            e.thumbnail.as_ref().unwrap().src.as_deref(),
            Some("https://news.example/articles/img/thumb.jpg")
        );
        assert!(matches!(&a.body[2], Block::Code { text, .. } if text.contains("\n    println!")));
        // Saving offline stores the embed's thumbnail with the body image; links are all seen.
        assert_eq!(
            crate::model::saved::image_urls(&a, None),
            [
                "https://news.example/articles/img/thumb.jpg",
                "https://news.example/articles/img/a.jpg"
            ]
        );
        assert!(crate::model::links::all_urls(&a).contains(&"https://www.youtube.com/watch?v=abc"));
        // Reading time: the pull quote repeats the body and counts nothing.
        // list 9, table cells 5, code 3 (fn, main(), println!…), embed title 4, caption 2.
        assert_eq!(crate::model::text::body_words(&a), 9 + 5 + 3 + 4 + 2);
        // Written back (text as spans, URLs resolved), the body keeps its shape and reads again
        // the same.
        let written = serde_json::to_value(&a).unwrap();
        assert_eq!(
            written["body"][0]["items"][1]["list"]["items"][1]["list"]["items"][0],
            json!([{ "text": "Deep" }])
        );
        assert_eq!(
            written["body"][1]["header"],
            json!([[{ "text": "Town" }], [{ "text": "mm" }]])
        );
        assert_eq!(written["body"][1]["rows"][1][1], json!([{ "text": "" }]));
        assert_eq!(written["body"][3], json!({ "type": "divider" }));
        assert_eq!(article_from_value(&written, BASE).unwrap(), a);
        // Nothing new in a version-1 document: an old list reads as items without nesting.
        let mut old = minimal();
        old["body"] = json!([{ "type": "list", "ordered": true, "items": ["a", [{ "text": "b", "em": true }]] }]);
        let a = article_from_value(&old, BASE).unwrap();
        assert_eq!(
            serde_json::to_value(&a).unwrap()["body"][0]["items"][0],
            json!([{ "text": "a" }])
        );
    }

    /// Each problem in a 1.1 block is named by its path.
    #[test]
    fn format_1_1_problems_are_named() {
        let mut v = minimal();
        v["body"] = json!([
            { "type": "list", "ordered": false, "items": [{ "text": "a", "list": { "items": ["x"] } }, { "list": { "ordered": true, "items": ["y"] } }] },
            { "type": "list", "ordered": false, "items": [{ "text": "1", "list": { "ordered": false, "items": [{ "text": "2", "list": { "ordered": false, "items": [
                { "text": "3", "list": { "ordered": false, "items": [{ "text": "4", "list": { "ordered": false, "items": ["5"] } }] } }] } }] } }] },
            { "type": "table", "header": ["A", "B"], "rows": [["1", "2"], ["3"], []] },
            { "type": "table", "rows": "none" },
            { "type": "code", "text": "   " },
            { "type": "code", "text": "x", "language": "a very long language label that goes on and on" },
            { "type": "embed", "url": "javascript:alert(1)", "title": "" },
            { "type": "pullquote" }
        ]);
        assert_eq!(
            problems(v),
            [
                "body[0].items[0].list.ordered: missing (true or false)",
                "body[0].items[1].text: missing",
                "body[1].items[0].list.items[0].list.items[0].list.items[0].list: lists nest 4 deep at most",
                "body[2].rows[2]: empty (a row needs at least one cell)",
                "body[3].rows: expected an array, found a string",
                "body[4].text: empty",
                "body[5].language: too long for a label (“a very long language label that goes on …”; at most 40 characters)",
                "body[6].url: must be an http or https address",
                "body[6].title: empty",
                "body[7].text: missing",
            ]
        );
        // Uneven rows are named once the cells themselves are fine.
        let mut v = minimal();
        v["body"] = json!([{ "type": "table", "header": ["A", "B"], "rows": [["1", "2"], ["3"]] }]);
        assert_eq!(problems(v), ["body[0].rows[1]: has 1 cells, the header has 2"]);
    }

    /// A paged index names its next page; a bad or self-naming `next` is a problem by name.
    #[test]
    fn index_pages_name_the_next_one() {
        let base = "https://news.example/articles/index.json";
        let page = parse_index_page(r#"{ "articles": [], "next": "archive/2.json" }"#, base).unwrap();
        assert_eq!(
            page.next.as_deref(),
            Some("https://news.example/articles/archive/2.json")
        );
        assert_eq!(parse_index_page(r#"{ "articles": [] }"#, base).unwrap().next, None);
        let said = |text: &str| match parse_index_page(text, base) {
            Err(LoadError::Invalid { problems }) => problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            said(r#"{ "articles": [], "next": "javascript:alert(1)" }"#),
            ["next: must be an http or https address (relative to this index)"]
        );
        assert_eq!(
            said(r#"{ "articles": [], "next": "index.json" }"#),
            ["next: names this same page (the archive would never end)"]
        );
        assert_eq!(
            said(r#"{ "articles": [], "next": 2 }"#),
            ["next: expected a string, found a number"]
        );
    }

    #[test]
    fn root_must_be_an_object() {
        assert_eq!(problems(json!([1, 2])), ["article: expected an object, found an array"]);
    }

    #[test]
    fn body_is_required_and_non_empty() {
        let mut v = minimal();
        v["body"] = json!([]);
        assert_eq!(
            problems(v.clone()),
            ["body: empty (an article needs at least one block)"]
        );
        v.as_object_mut().unwrap().remove("body");
        assert_eq!(problems(v), ["body: missing"]);
    }

    #[test]
    fn inline_spans_parse_and_unsafe_links_are_dropped_keeping_text() {
        let mut v = minimal();
        v["body"][0]["text"] = json!([
            { "text": "Read " },
            { "text": "the report", "href": "../reports/r.html", "em": true },
            { "text": " or ", "strong": true },
            { "text": "this", "href": "javascript:alert(1)" }
        ]);
        let a = article_from_value(&v, BASE).unwrap();
        let Block::Paragraph { text } = &a.body[0] else {
            panic!()
        };
        assert_eq!(text.plain_text(), "Read the report or this");
        assert_eq!(text.0[1].href.as_deref(), Some("https://news.example/reports/r.html"));
        assert!(text.0[1].em && text.0[2].strong);
        assert_eq!(text.0[3].href, None);
    }

    #[test]
    fn image_urls_resolve_and_unsafe_sources_are_dropped() {
        let mut v = minimal();
        v["image"] = json!({ "src": "img/hero.jpg", "alt": "A street", "width": 1200, "height": 675 });
        v["body"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "type": "image", "src": "data:image/svg+xml,<svg onload=alert(1)>", "alt": "x" }));
        let a = article_from_value(&v, BASE).unwrap();
        let hero = a.image.unwrap();
        assert_eq!(hero.src.as_deref(), Some("https://news.example/articles/img/hero.jpg"));
        assert_eq!(hero.shape(), (1200, 675));
        let Block::Image(img) = &a.body[1] else { panic!() };
        assert_eq!(img.src, None);
    }

    #[test]
    fn direction_follows_language_unless_given() {
        let mut v = minimal();
        v["language"] = json!("ar");
        assert_eq!(article_from_value(&v, BASE).unwrap().dir, Dir::Rtl);
        v["dir"] = json!("ltr");
        assert_eq!(article_from_value(&v, BASE).unwrap().dir, Dir::Ltr);
    }

    #[test]
    fn canonical_url_must_be_http() {
        let mut v = minimal();
        v["url"] = json!("javascript:alert(1)");
        assert_eq!(article_from_value(&v, BASE).unwrap().url, None);
        v["url"] = json!("https://news.example/world/a-1");
        assert_eq!(
            article_from_value(&v, BASE).unwrap().url.as_deref(),
            Some("https://news.example/world/a-1")
        );
    }

    #[test]
    fn not_json_is_reported_as_such() {
        assert!(matches!(
            parse_article("<html></html>", BASE),
            Err(LoadError::NotJson { .. })
        ));
        assert!(matches!(
            parse_article("{\"id\": \"x\"", BASE),
            Err(LoadError::NotJson { .. })
        ));
        let with_bom = format!("\u{feff}{}", minimal());
        assert!(parse_article(&with_bom, BASE).is_ok());
    }

    #[test]
    fn byline_joins_authors_or_falls_back_to_publisher() {
        let mut v = minimal();
        v["publisher"] = json!({ "name": "NewsWeb" });
        assert_eq!(
            article_from_value(&v, BASE)
                .unwrap()
                .byline_in(&crate::model::i18n::EN)
                .as_deref(),
            Some("NewsWeb")
        );
        v["authors"] = json!([{ "name": "A" }, { "name": "B" }, { "name": "C" }]);
        assert_eq!(
            article_from_value(&v, BASE)
                .unwrap()
                .byline_in(&crate::model::i18n::EN)
                .as_deref(),
            Some("By A, B and C")
        );
    }

    #[test]
    fn index_is_sorted_newest_first() {
        let text = json!({ "articles": [
            { "id": "old", "headline": "Old", "published": "2025-01-01T00:00:00Z" },
            { "id": "undated", "headline": "Undated" },
            { "id": "new", "headline": "New", "published": "2026-01-01T00:00:00+01:00" },
        ]})
        .to_string();
        let ids: Vec<_> = parse_index_page(&text, BASE)
            .unwrap()
            .articles
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, ["new", "old", "undated"]);
        let err = parse_index_page("{\"articles\": [{\"id\": \"x\"}]}", BASE).unwrap_err();
        assert_eq!(err.problems()[0].to_string(), "articles[0].headline: missing");
    }

    #[test]
    fn valid_articles_round_trip_through_json() {
        let mut v = minimal();
        v["takeaways"] = json!(["One", [{ "text": "Two", "strong": true }]]);
        v["image"] = json!({ "src": "https://cdn.example/h.jpg", "alt": "", "caption": "Cap" });
        v["body"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "type": "list", "ordered": true, "items": ["a", "b"] }));
        let a = article_from_value(&v, BASE).unwrap();
        let again = parse_article(&serde_json::to_string(&a).unwrap(), BASE).unwrap();
        assert_eq!(a, again);
    }
}
