//! Body HTML to article blocks, by the table in the README ("Importing: how HTML maps to
//! blocks"). Whatever has no block is counted in the [`Report`], never dropped silently; every
//! address goes through the app's own [`safe_url`].
//!
//! ```
//! use article_reader::import::{html::to_blocks, Report};
//! let mut report = Report::default();
//! let blocks = to_blocks(
//!     r#"<p>Crews <a href="/crews">worked</a> all night.</p><hr><form><input></form>"#,
//!     Some("https://news.example/2026/bridge"),
//!     &mut report,
//! );
//! assert_eq!(blocks.len(), 2); // a paragraph, a divider
//! assert_eq!(report.unmapped.get("form"), Some(&1));
//! ```

use dom_query::{Document, NodeRef};

use super::{absolute, Report};
use crate::model::{
    picture::parse_srcset,
    url::{FETCH_SCHEMES, LINK_SCHEMES},
    validate::{CANDIDATE_TYPES, MAX_CANDIDATES, MAX_COLUMNS, MAX_IMAGE_DIMENSION, MAX_LIST_DEPTH},
    Block, Candidate, Embed, Image, Inline, ListItem, Span, SubList, Table,
};

/// Elements that are not content: counted in the report and skipped with everything in them.
const NOT_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "form", "input", "button", "select", "textarea", "label", "svg",
    "canvas", "object", "embed", "video", "audio", "nav", "link", "meta", "map", "dialog", "math", "frameset", "frame",
    "source", "track",
];
/// Elements read as the text inside them: the text is kept, the element's meaning is not.
const INLINE: &[&str] = &[
    "span", "font", "small", "big", "sup", "sub", "abbr", "acronym", "time", "mark", "u", "s", "strike", "del", "ins",
    "q", "kbd", "samp", "var", "bdi", "bdo", "data", "dfn", "label", "wbr", "tt", "code",
];
/// Containers whose children are read in order as blocks.
const CONTAINERS: &[&str] = &[
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "body",
    "html",
    "center",
    "hgroup",
    "address",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "picture",
    "caption",
    "figcaption",
    "fieldset",
    "legend",
];

/// Maps an HTML fragment (an article's body) to blocks. `base` is the address the HTML came
/// from: relative links and images resolve against it; without one they are dropped (and
/// counted).
pub fn to_blocks(html: &str, base: Option<&str>, report: &mut Report) -> Vec<Block> {
    let doc = Document::fragment(html);
    let mut m = Mapper {
        base,
        report,
        out: Vec::new(),
        pending: Vec::new(),
    };
    let root = doc.root();
    m.children(&root, Style::default());
    m.flush();
    m.out
}

#[derive(Clone, Copy, Default)]
struct Style {
    em: bool,
    strong: bool,
}

struct Mapper<'a> {
    base: Option<&'a str>,
    report: &'a mut Report,
    out: Vec<Block>,
    /// Inline text met outside a paragraph (or inside one, before a block interrupts it).
    pending: Vec<Span>,
}

fn name(node: &NodeRef) -> String {
    node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default()
}

fn classes(node: &NodeRef) -> String {
    node.class().map(|c| c.to_ascii_lowercase()).unwrap_or_default()
}

/// Collapses runs of white space to one space, as HTML does.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space && !out.is_empty() {
        out.push(' ');
    }
    if text.starts_with(char::is_whitespace) && !out.is_empty() {
        out.insert(0, ' ');
    }
    out
}

/// Joins neighbouring spans that look the same, trims the ends, drops empty spans.
fn tidy(spans: Vec<Span>) -> Inline {
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if last.href == s.href && last.em == s.em && last.strong == s.strong => {
                if last.text.ends_with(' ') && s.text.starts_with(' ') {
                    last.text.push_str(&s.text[1..]);
                } else {
                    last.text.push_str(&s.text);
                }
            }
            Some(last) if last.text.ends_with(' ') && s.text.starts_with(' ') => {
                out.push(Span {
                    text: s.text[1..].to_string(),
                    ..s
                });
            }
            _ => out.push(s),
        }
    }
    if let Some(first) = out.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = out.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    out.retain(|s| !s.text.is_empty());
    Inline(out)
}

impl Mapper<'_> {
    fn url(&mut self, raw: &str, schemes: &[&str]) -> Option<String> {
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        let url = absolute(raw, self.base, schemes);
        if url.is_none() {
            self.report.dropped_urls += 1;
        }
        url
    }

    fn flush(&mut self) {
        let spans = std::mem::take(&mut self.pending);
        let text = tidy(spans);
        if !text.is_blank() {
            self.out.push(Block::Paragraph { text });
        }
    }

    fn block(&mut self, block: Block) {
        self.flush();
        self.out.push(block);
    }

    fn children(&mut self, node: &NodeRef, style: Style) {
        for child in node.children() {
            self.node(&child, style);
        }
    }

    /// One node in flow content: text and inline elements gather into the pending paragraph,
    /// block elements end it.
    fn node(&mut self, node: &NodeRef, style: Style) {
        if node.is_text() {
            let text = collapse(&node.text());
            if !text.is_empty() {
                self.pending.push(Span {
                    text,
                    href: None,
                    em: style.em,
                    strong: style.strong,
                });
            }
            return;
        }
        if !node.is_element() {
            return; // comments, doctypes
        }
        let tag = name(node);
        let class = classes(node);
        match tag.as_str() {
            "p" => {
                self.flush();
                self.children(node, style);
                self.flush();
            }
            "br" => self.pending.push(Span {
                text: " ".into(),
                href: None,
                em: style.em,
                strong: style.strong,
            }),
            "a" => {
                let href = node.attr("href").and_then(|h| self.url(&h, LINK_SCHEMES));
                let mut inner = Mapper {
                    base: self.base,
                    report: self.report,
                    out: Vec::new(),
                    pending: Vec::new(),
                };
                inner.children(node, style);
                let (spans, blocks) = (inner.pending, inner.out);
                for mut s in spans {
                    if s.href.is_none() {
                        s.href = href.clone();
                    }
                    self.pending.push(s);
                }
                for b in blocks {
                    self.block(b);
                }
            }
            "em" | "i" | "cite" | "dfn" => self.children(node, Style { em: true, ..style }),
            "strong" | "b" => self.children(node, Style { strong: true, ..style }),
            "h1" | "h2" => self.heading(node, 2),
            "h3" | "h4" | "h5" | "h6" => self.heading(node, 3),
            "ul" | "ol" => {
                if let Some(list) = self.list(node, 1) {
                    self.block(Block::List {
                        ordered: list.ordered,
                        items: list.items,
                    });
                }
            }
            "li" => {
                // An item outside any list: its text as a paragraph.
                self.flush();
                self.children(node, style);
                self.flush();
            }
            "blockquote" => self.blockquote(node),
            "figure" => self.figure(node),
            "img" => {
                if let Some(image) = self.image(node, None, None) {
                    self.block(Block::Image(image));
                }
            }
            "pre" => self.code(node),
            "table" => self.table(node, None),
            "hr" => self.block(Block::Divider),
            "iframe" => {
                if let Some(embed) = self.iframe(node) {
                    self.block(Block::Embed(embed));
                }
            }
            _ if class
                .split_whitespace()
                .any(|c| c == "pullquote" || c.ends_with("-pullquote")) =>
            {
                self.quote(node, true);
            }
            t if NOT_CONTENT.contains(&t) => self.report.unmapped(t),
            t if INLINE.contains(&t) => self.children(node, style),
            t if CONTAINERS.contains(&t) => {
                let block_level = !matches!(t, "summary" | "dt" | "caption" | "legend");
                if block_level {
                    self.flush();
                }
                self.children(node, style);
                if block_level {
                    self.flush();
                }
            }
            t => {
                // Unknown (custom elements, old tags): their text is kept, counted.
                self.report.flattened(t);
                self.children(node, style);
            }
        }
    }

    /// The inline text of `node` (its blocks, if any, are counted and dropped).
    fn inline_of(&mut self, node: &NodeRef) -> Inline {
        let mut inner = Mapper {
            base: self.base,
            report: self.report,
            out: Vec::new(),
            pending: Vec::new(),
        };
        inner.children(node, Style::default());
        let mut spans = inner.pending;
        // Paragraphs inside (a quote's, a list item's) run on with a space between them.
        for b in inner.out {
            if let Block::Paragraph { text } = b {
                spans.push(Span {
                    text: " ".into(),
                    ..Span::default()
                });
                spans.extend(text.0);
            } else {
                self.report.unmapped(&format!("{} inside {}", b.kind(), name(node)));
            }
        }
        tidy(spans)
    }

    fn heading(&mut self, node: &NodeRef, level: u8) {
        let text = self.inline_of(node);
        if !text.is_blank() {
            self.block(Block::Heading { level, text });
        }
    }

    fn list(&mut self, node: &NodeRef, depth: usize) -> Option<SubList> {
        let ordered = name(node) == "ol";
        let mut items = Vec::new();
        for li in node.element_children() {
            if name(&li) != "li" {
                self.report.unmapped(&format!("{} inside a list", name(&li)));
                continue;
            }
            // The item's own text, and the lists nested in it.
            let mut sub: Option<SubList> = None;
            let mut text_spans = Vec::new();
            let mut inner = Mapper {
                base: self.base,
                report: self.report,
                out: Vec::new(),
                pending: Vec::new(),
            };
            for child in li.children() {
                let t = name(&child);
                if child.is_element() && (t == "ul" || t == "ol") {
                    if depth >= MAX_LIST_DEPTH {
                        // Deeper than the format allows: its items join this one's text.
                        inner
                            .report
                            .flattened(&format!("list nested deeper than {MAX_LIST_DEPTH}"));
                        let flat = inner.inline_of(&child);
                        inner.pending.push(Span {
                            text: " ".into(),
                            ..Span::default()
                        });
                        inner.pending.extend(flat.0);
                    } else if let Some(l) = inner.list(&child, depth + 1) {
                        match &mut sub {
                            Some(s) => s.items.extend(l.items),
                            None => sub = Some(l),
                        }
                    }
                } else {
                    inner.node(&child, Style::default());
                }
            }
            text_spans.extend(inner.pending);
            for b in inner.out {
                if let Block::Paragraph { text } = b {
                    text_spans.push(Span {
                        text: " ".into(),
                        ..Span::default()
                    });
                    text_spans.extend(text.0);
                } else {
                    self.report.unmapped(&format!("{} inside a list item", b.kind()));
                }
            }
            let text = tidy(text_spans);
            match (text.is_blank(), sub) {
                (false, sublist) => items.push(ListItem { text, sublist }),
                (true, Some(l)) => items.extend(l.items), // an item that only holds a list
                (true, None) => {}
            }
        }
        (!items.is_empty()).then_some(SubList { ordered, items })
    }

    /// A quote, a pull quote, or a social post (an embed).
    fn blockquote(&mut self, node: &NodeRef) {
        let class = classes(node);
        let social = [
            ("twitter-tweet", "X"),
            ("instagram-media", "Instagram"),
            ("tiktok-embed", "TikTok"),
            ("bluesky-embed", "Bluesky"),
            ("mastodon-embed", "Mastodon"),
        ]
        .into_iter()
        .find(|(c, _)| class.split_whitespace().any(|x| x == *c));
        if let Some((_, provider)) = social {
            let link = node
                .find(&["a"])
                .into_iter()
                .filter_map(|a| a.attr("href"))
                .filter_map(|h| absolute(&h, self.base, FETCH_SCHEMES))
                .last()
                .or_else(|| node.attr("cite").and_then(|c| absolute(&c, self.base, FETCH_SCHEMES)))
                .or_else(|| {
                    node.attr("data-instgrm-permalink")
                        .and_then(|c| absolute(&c, self.base, FETCH_SCHEMES))
                });
            let title = collapse(
                &node
                    .find(&["p"])
                    .first()
                    .map(|p| p.text().to_string())
                    .unwrap_or_else(|| node.text().to_string()),
            );
            match link {
                Some(url) => {
                    let title = if title.trim().is_empty() {
                        format!("{provider} post")
                    } else {
                        title.trim().to_string()
                    };
                    self.block(Block::Embed(Embed {
                        url,
                        title,
                        provider: Some(provider.into()),
                        thumbnail: None,
                    }));
                }
                None => self.report.unmapped(&format!("{provider} post without an address")),
            }
            return;
        }
        self.quote(node, class.contains("pullquote"));
    }

    fn quote(&mut self, node: &NodeRef, pull: bool) {
        // A pull quote's figure holds a blockquote: read that.
        let inner = if name(node) != "blockquote" {
            node.find(&["blockquote"]).into_iter().next()
        } else {
            None
        };
        let node = inner.as_ref().unwrap_or(node);
        // The citation: <cite>, <footer> or a "citation" paragraph; kept apart from the text.
        let mut cite = None;
        for c in node.descendants() {
            let t = name(&c);
            if c.is_element() && (t == "cite" || t == "footer" || classes(&c).contains("citation")) {
                let text = collapse(&c.text())
                    .trim()
                    .trim_start_matches(['—', '–', '-'])
                    .trim()
                    .to_string();
                if !text.is_empty() {
                    cite = Some(text);
                }
                c.remove_from_parent();
                break;
            }
        }
        let text = self.inline_of(node);
        if text.is_blank() {
            return;
        }
        self.block(if pull {
            Block::Pullquote { text, cite }
        } else {
            Block::Quote { text, cite }
        });
    }

    fn figure(&mut self, node: &NodeRef) {
        let class = classes(node);
        let caption_node = node.find(&["figcaption"]).into_iter().next();
        if class.contains("wp-block-embed")
            || class.contains("embed") && node.find(&["iframe"]).is_empty() && node.find(&["img"]).is_empty()
        {
            // WordPress: the provider's address is the text of the wrapper.
            let wrapper = node
                .find(&["div"])
                .into_iter()
                .find(|d| classes(d).contains("wp-block-embed__wrapper"));
            let raw = wrapper.map(|w| w.text().trim().to_string()).unwrap_or_default();
            let url = absolute(&raw, self.base, FETCH_SCHEMES).or_else(|| {
                node.find(&["a"])
                    .into_iter()
                    .filter_map(|a| a.attr("href"))
                    .find_map(|h| absolute(&h, self.base, FETCH_SCHEMES))
            });
            if let Some(url) = url {
                let provider = provider_of(&url, &class);
                let title = caption_node
                    .as_ref()
                    .map(|c| collapse(&c.text()).trim().to_string())
                    .filter(|t| !t.is_empty());
                let title = title.unwrap_or_else(|| provider.clone().unwrap_or_else(|| url.clone()));
                self.block(Block::Embed(Embed {
                    url,
                    title,
                    provider,
                    thumbnail: None,
                }));
                return;
            }
        }
        if class.contains("pullquote") {
            return self.quote(node, true);
        }
        let caption = caption_node.as_ref().map(|c| {
            let credit = c
                .descendants()
                .into_iter()
                .find(|d| {
                    d.is_element()
                        && (classes(d).contains("credit") || name(d) == "small" || classes(d).contains("copyright"))
                })
                .map(|d| {
                    let t = collapse(&d.text()).trim().to_string();
                    d.remove_from_parent();
                    t
                })
                .filter(|t| !t.is_empty());
            let text = collapse(&c.text()).trim().to_string();
            c.remove_from_parent();
            (Some(text).filter(|t| !t.is_empty()), credit)
        });
        let (caption, credit) = caption.unwrap_or((None, None));
        if let Some(table) = node.find(&["table"]).into_iter().next() {
            return self.table(&table, caption);
        }
        if let Some(img) = node.find(&["img"]).into_iter().next() {
            let others = node.find(&["img"]).len() - 1;
            if others > 0 {
                self.report
                    .unmapped_n("img after the first in a figure (gallery)", others);
            }
            if let Some(image) = self.image(&img, caption, credit) {
                self.block(Block::Image(image));
            }
            return;
        }
        if let Some(iframe) = node.find(&["iframe"]).into_iter().next() {
            if let Some(mut embed) = self.iframe(&iframe) {
                if let Some(c) = caption {
                    embed.title = c;
                }
                self.block(Block::Embed(embed));
            }
            return;
        }
        // Anything else (a quote, code, a video): its content, and the caption as text.
        self.flush();
        self.children(node, Style::default());
        if let Some(c) = caption {
            self.pending.push(Span {
                text: c,
                ..Span::default()
            });
        }
        self.flush();
    }

    fn image(&mut self, img: &NodeRef, caption: Option<String>, credit: Option<String>) -> Option<Image> {
        // Lazy-loading pages keep the real address in data-src; srcset's first entry otherwise.
        let raw = ["src", "data-src", "data-lazy-src", "data-original"]
            .iter()
            .filter_map(|a| img.attr(a))
            .map(|s| s.to_string())
            .find(|s| !s.trim().is_empty() && !s.trim_start().starts_with("data:"))
            .or_else(|| {
                img.attr("srcset").and_then(|s| {
                    s.split(',')
                        .next()
                        .and_then(|c| c.split_whitespace().next())
                        .map(str::to_string)
                })
            });
        let Some(raw) = raw else {
            self.report.unmapped("img without an address");
            return None;
        };
        let src = absolute(&raw, self.base, FETCH_SCHEMES);
        let Some(src) = src else {
            self.report.dropped_urls += 1;
            self.report.unmapped("img with an unsafe or relative address");
            return None;
        };
        let dim = |a: &str| {
            img.attr(a)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .filter(|v| (1..=20_000).contains(v))
        };
        Some(Image {
            src: Some(src),
            alt: img
                .attr("alt")
                .map(|a| collapse(&a).trim().to_string())
                .unwrap_or_default(),
            caption,
            credit,
            width: dim("width"),
            height: dim("height"),
            srcset: self.candidates(img),
        })
    }

    /// The picture's other files (format 1.2): the `<img>`'s `srcset` (or a lazy page's
    /// `data-srcset`) and its `<picture>`'s `<source type srcset>`, width descriptors only,
    /// absolute and with a fetchable scheme.
    fn candidates(&mut self, img: &NodeRef) -> Vec<Candidate> {
        let mut sets: Vec<(Option<String>, String)> = Vec::new();
        if let Some(picture) = img.parent().filter(|p| p.node_name().as_deref() == Some("picture")) {
            for source in picture
                .children()
                .iter()
                .filter(|c| c.node_name().as_deref() == Some("source"))
            {
                if source.attr("media").is_some() {
                    // Art direction (another crop for another screen) is not the same picture.
                    continue;
                }
                let mime = source.attr("type").map(|t| t.trim().to_ascii_lowercase());
                if let (Some(set), true) = (
                    source.attr("srcset"),
                    mime.as_deref().is_none_or(|m| CANDIDATE_TYPES.contains(&m)),
                ) {
                    sets.push((mime, set.to_string()));
                }
            }
        }
        if let Some(set) = img.attr("srcset").or_else(|| img.attr("data-srcset")) {
            sets.push((None, set.to_string()));
        }
        let mut out = Vec::new();
        for (mime, set) in sets {
            for (url, width) in parse_srcset(&set) {
                match absolute(&url, self.base, FETCH_SCHEMES) {
                    Some(src) if out.len() < MAX_CANDIDATES && width as u64 <= MAX_IMAGE_DIMENSION => {
                        out.push(Candidate {
                            src,
                            width,
                            mime: mime.clone(),
                        })
                    }
                    Some(_) => {}
                    None => self.report.dropped_urls += 1,
                }
            }
        }
        out
    }

    fn iframe(&mut self, node: &NodeRef) -> Option<Embed> {
        let raw = node
            .attr("src")
            .or_else(|| node.attr("data-src"))
            .map(|s| s.to_string())
            .unwrap_or_default();
        let Some(src) = absolute(&raw, self.base, FETCH_SCHEMES) else {
            self.report.unmapped("iframe without a safe address");
            return None;
        };
        let url = page_of_player(&src);
        let provider = provider_of(&url, "");
        let title = node
            .attr("title")
            .map(|t| collapse(&t).trim().to_string())
            .filter(|t| !t.is_empty());
        let title = title.unwrap_or_else(|| provider.clone().unwrap_or_else(|| url.clone()));
        Some(Embed {
            url,
            title,
            provider,
            thumbnail: None,
        })
    }

    fn code(&mut self, node: &NodeRef) {
        // Kept exactly: <pre> is the one place where white space is content.
        let text = node.text().to_string();
        let text = text.trim_matches('\n').to_string();
        if text.trim().is_empty() {
            return;
        }
        let mut language = None;
        for n in std::iter::once(*node).chain(node.find(&["code"])) {
            for c in classes(&n).split_whitespace() {
                if let Some(l) = c.strip_prefix("language-").or_else(|| c.strip_prefix("lang-")) {
                    language = Some(l.to_string());
                }
            }
            if let Some(l) = n.attr("data-lang").or_else(|| n.attr("data-language")) {
                language = Some(l.to_string());
            }
        }
        let language = language.filter(|l| !l.is_empty() && l.chars().count() <= 40);
        self.block(Block::Code { text, language });
    }

    fn table(&mut self, node: &NodeRef, caption: Option<String>) {
        if !node.find(&["table"]).is_empty() {
            // A table in a table is layout, not data: its text is kept as paragraphs.
            self.report.flattened("table used for layout (a table inside it)");
            self.flush();
            for cell in node.find(&["td"]).into_iter().chain(node.find(&["th"])) {
                if cell.find(&["table"]).is_empty() {
                    self.children(&cell, Style::default());
                    self.flush();
                }
            }
            return;
        }
        let caption = caption.or_else(|| {
            node.find(&["caption"])
                .into_iter()
                .next()
                .map(|c| collapse(&c.text()).trim().to_string())
                .filter(|c| !c.is_empty())
        });
        let mut header: Option<Vec<Inline>> = None;
        let mut rows: Vec<Vec<Inline>> = Vec::new();
        for tr in node.find(&["tr"]) {
            let in_head = tr.ancestors(Some(3)).iter().any(|a| name(a) == "thead");
            let cells: Vec<NodeRef> = tr
                .element_children()
                .into_iter()
                .filter(|c| matches!(name(c).as_str(), "td" | "th"))
                .collect();
            if cells.is_empty() {
                continue;
            }
            let all_th = cells.iter().all(|c| name(c) == "th");
            let mut row = Vec::new();
            for c in &cells {
                let text = self.inline_of(c);
                let span = c
                    .attr("colspan")
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_COLUMNS);
                row.push(if text.is_blank() { Inline::plain("") } else { text });
                if span > 1 {
                    self.report
                        .flattened("table cell spanning columns (padded with empty cells)");
                    row.extend(std::iter::repeat_n(Inline::plain(""), span - 1));
                }
            }
            if (in_head || (all_th && rows.is_empty())) && header.is_none() {
                header = Some(row);
            } else {
                rows.push(row);
            }
        }
        if rows.is_empty() {
            if let Some(h) = header.take() {
                rows.push(h);
            } else {
                return;
            }
        }
        let width = header.iter().chain(rows.iter()).map(Vec::len).max().unwrap_or(1);
        if width > MAX_COLUMNS {
            self.report
                .unmapped_n("table columns past the 12th", width - MAX_COLUMNS);
        }
        let width = width.min(MAX_COLUMNS);
        let fit = |r: &mut Vec<Inline>| {
            r.truncate(width);
            r.resize(width, Inline::plain(""));
        };
        header.iter_mut().for_each(fit);
        rows.iter_mut().for_each(fit);
        self.block(Block::Table(Table { caption, header, rows }));
    }
}

/// A player's address (youtube.com/embed/ID) as the page a reader can open.
fn page_of_player(src: &str) -> String {
    let no_query = src.split(['?', '#']).next().unwrap_or(src);
    for (player, page) in [
        ("https://www.youtube.com/embed/", "https://www.youtube.com/watch?v="),
        (
            "https://www.youtube-nocookie.com/embed/",
            "https://www.youtube.com/watch?v=",
        ),
        ("https://youtube.com/embed/", "https://www.youtube.com/watch?v="),
        ("https://player.vimeo.com/video/", "https://vimeo.com/"),
    ] {
        if let Some(id) = no_query
            .strip_prefix(player)
            .or_else(|| no_query.strip_prefix(&player.replace("https:", "http:")))
        {
            if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                return format!("{page}{id}");
            }
        }
    }
    src.to_string()
}

/// The provider's name for well-known hosts (WordPress also names it in a class).
fn provider_of(url: &str, class: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.trim_start_matches("www.").trim_start_matches("m.");
    let known = [
        ("youtube.com", "YouTube"),
        ("youtu.be", "YouTube"),
        ("vimeo.com", "Vimeo"),
        ("x.com", "X"),
        ("twitter.com", "X"),
        ("instagram.com", "Instagram"),
        ("tiktok.com", "TikTok"),
        ("facebook.com", "Facebook"),
        ("soundcloud.com", "SoundCloud"),
        ("spotify.com", "Spotify"),
        ("open.spotify.com", "Spotify"),
        ("bsky.app", "Bluesky"),
        ("dailymotion.com", "Dailymotion"),
    ];
    known
        .iter()
        .find(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
        .map(|(_, n)| n.to_string())
        .or_else(|| {
            class
                .split_whitespace()
                .find_map(|c| c.strip_prefix("is-provider-").map(str::to_string))
        })
}
