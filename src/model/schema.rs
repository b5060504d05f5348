//! JSON Schemas (draft 2020-12) of the article format and of the index, built from the
//! validator's own limits ([`super::validate`]) and the id rule of `src/facts.json`, so an
//! editor checks a document by the same numbers the app does.
//!
//! `public/schema/article.schema.json` and `public/schema/index.schema.json` are these values
//! written out (`cargo run --bin validate -- --schema article`). `tests/tools/validate.test.mjs`
//! fails when they differ, and runs the schema, the `validate` command and the app's validator
//! over the hostile corpus and the demo articles and checks that they agree.
//!
//! What JSON Schema cannot say, and only the app (and `validate`) check: that a table's rows are
//! as wide as its header, that a date exists (30 February), that an `embed` or `next` address
//! has a host a browser can parse, that an index's `next` is not the page itself, that a
//! width is written as a whole number (`800.0` is an "integer" to JSON Schema), and what
//! happens before JSON: duplicate keys, nesting depth, size and encoding.
//!
//! ```
//! use article_reader::model::schema::article_schema;
//! let schema = article_schema();
//! assert_eq!(schema["required"], serde_json::json!(["id", "headline", "body"]));
//! ```

use serde_json::{json, Value};

use super::validate::{
    CANDIDATE_TYPES, MAX_BLOCKS, MAX_CANDIDATES, MAX_COLUMNS, MAX_HEADLINE_CHARS, MAX_IMAGE_DIMENSION,
    MAX_INDEX_ENTRIES, MAX_ITEMS, MAX_LIST_DEPTH, MAX_TEXT_CHARS,
};
use crate::facts::ID_MAX_LEN;

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";
/// Longest language label of a `code` block.
pub const MAX_CODE_LANGUAGE_CHARS: usize = 40;

/// A string with something in it: blank strings are "empty" to the validator.
fn text(max: usize) -> Value {
    json!({ "type": "string", "pattern": "\\S", "maxLength": max })
}

/// An optional string: absent, `null` or blank all mean "not given".
fn optional_text(description: &str) -> Value {
    json!({ "type": ["string", "null"], "maxLength": MAX_TEXT_CHARS, "description": description })
}

/// An address the app fetches (http or https, or relative to the document).
fn fetch_url() -> Value {
    json!({
        "type": "string",
        "pattern": "\\S",
        "maxLength": MAX_TEXT_CHARS,
        "not": { "pattern": "^[\\u0000-\\u0020]*(?![hH][tT][tT][pP][sS]?:)[a-zA-Z][a-zA-Z0-9+.\\-]*:" },
    })
}

fn optional_array(items: Value, max: usize) -> Value {
    json!({ "type": ["array", "null"], "maxItems": max, "items": items })
}

fn defs() -> Value {
    let id = json!({
        "type": "string",
        "pattern": format!("^[a-z0-9-]{{1,{ID_MAX_LEN}}}$"),
        "description": "a-z, 0-9 and -; the article's file is articles/{id}.json",
    });
    let optional_id = json!({
        "anyOf": [
            { "type": "null" },
            { "type": "string", "pattern": "^\\s*$" },
            { "$ref": "#/$defs/id" },
        ],
    });
    let timestamp = json!({
        "type": ["string", "null"],
        "pattern": "^(\\s*|\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[Tt ]([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d))$",
        "description": "RFC 3339, e.g. 2026-03-15T09:30:00Z",
    });
    let span = json!({
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": { "type": "string", "maxLength": MAX_TEXT_CHARS },
            "href": optional_text("a link: http, https or mailto (other schemes are dropped, the text kept)"),
            "em": { "type": ["boolean", "null"] },
            "strong": { "type": ["boolean", "null"] },
        },
    });
    let inline = json!({
        "description": "a string, or an array of text spans; not blank",
        "anyOf": [
            text(MAX_TEXT_CHARS),
            {
                "type": "array",
                "maxItems": MAX_ITEMS,
                "items": { "$ref": "#/$defs/span" },
                "contains": { "type": "object", "properties": { "text": { "pattern": "\\S" } } },
            },
        ],
    });
    // A table cell may be empty ("" or spans without text); an empty array is not a cell.
    let cell = json!({
        "anyOf": [
            { "$ref": "#/$defs/inline" },
            { "type": "string", "pattern": "^\\s*$" },
            { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/span", "properties": { "text": { "pattern": "^\\s*$" } } } },
        ],
    });
    let dimension = json!({ "type": ["integer", "null"], "minimum": 1, "maximum": MAX_IMAGE_DIMENSION });
    let image = json!({
        "type": "object",
        "required": ["src", "alt"],
        "properties": {
            "src": { "anyOf": [{ "type": "null" }, text(MAX_TEXT_CHARS)], "description": "http(s), or relative to the document; null shows the alt text in a box" },
            "alt": { "type": "string", "description": "\"\" for a decorative image" },
            "caption": optional_text("shown under the image"),
            "credit": optional_text("who made the image"),
            "width": dimension,
            "height": dimension,
            "srcset": {
                "type": ["array", "null"],
                "maxItems": MAX_CANDIDATES,
                "description": "(1.2) the same picture at other widths and formats",
                "items": {
                    "type": "object",
                    "required": ["src", "width"],
                    "properties": {
                        "src": text(MAX_TEXT_CHARS),
                        "width": { "type": "integer", "minimum": 1, "maximum": MAX_IMAGE_DIMENSION },
                        "type": { "enum": CANDIDATE_TYPES },
                    },
                },
            },
        },
    });
    let mut defs = json!({
        "id": id,
        "optionalId": optional_id,
        "timestamp": timestamp,
        "span": span,
        "inline": inline,
        "cell": cell,
        "image": image,
        "block": block(),
    });
    // A list nests MAX_LIST_DEPTH deep: list1 is in the body, the last level has no "list".
    for depth in 1..=MAX_LIST_DEPTH {
        let nested = if depth < MAX_LIST_DEPTH {
            json!({ "anyOf": [{ "type": "null" }, { "$ref": format!("#/$defs/list{}", depth + 1) }] })
        } else {
            json!({ "type": "null" })
        };
        defs[format!("list{depth}")] = json!({
            "type": "object",
            "required": ["ordered", "items"],
            "properties": {
                "ordered": { "type": "boolean" },
                "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": MAX_ITEMS,
                    "items": {
                        "anyOf": [
                            { "$ref": "#/$defs/inline" },
                            {
                                "type": "object",
                                "required": ["text"],
                                "properties": { "text": { "$ref": "#/$defs/inline" }, "list": nested },
                            },
                        ],
                    },
                },
            },
        });
    }
    defs
}

/// One body block: `type` picks the fields.
fn block() -> Value {
    let cite = optional_text("who said it");
    let row = json!({ "type": "array", "minItems": 1, "maxItems": MAX_COLUMNS, "items": { "$ref": "#/$defs/cell" } });
    let kinds = [
        (
            "paragraph",
            json!({ "required": ["text"], "properties": { "text": { "$ref": "#/$defs/inline" } } }),
        ),
        (
            "heading",
            json!({ "required": ["level", "text"], "properties": { "level": { "enum": [2, 3] }, "text": { "$ref": "#/$defs/inline" } } }),
        ),
        (
            "quote",
            json!({ "required": ["text"], "properties": { "text": { "$ref": "#/$defs/inline" }, "cite": cite } }),
        ),
        (
            "pullquote",
            json!({ "required": ["text"], "properties": { "text": { "$ref": "#/$defs/inline" }, "cite": cite } }),
        ),
        ("list", json!({ "$ref": "#/$defs/list1" })),
        ("image", json!({ "$ref": "#/$defs/image" })),
        (
            "table",
            json!({
                "required": ["rows"],
                "properties": {
                    "caption": optional_text("what the table shows"),
                    "header": { "anyOf": [{ "type": "null" }, row] },
                    "rows": { "type": "array", "minItems": 1, "maxItems": MAX_ITEMS, "items": row },
                },
            }),
        ),
        (
            "code",
            json!({
                "required": ["text"],
                "properties": {
                    "text": text(MAX_TEXT_CHARS),
                    "language": { "type": ["string", "null"], "maxLength": MAX_CODE_LANGUAGE_CHARS },
                },
            }),
        ),
        ("divider", json!({})),
        (
            "embed",
            json!({
                "required": ["url", "title"],
                "properties": {
                    "url": fetch_url(),
                    "title": text(MAX_TEXT_CHARS),
                    "provider": optional_text("e.g. YouTube; the address's host when absent"),
                    "thumbnail": { "anyOf": [{ "type": "null" }, { "$ref": "#/$defs/image" }] },
                },
            }),
        ),
    ];
    let names: Vec<&str> = kinds.iter().map(|(name, _)| *name).collect();
    let cases: Vec<Value> = kinds
        .into_iter()
        .map(|(name, then)| json!({ "if": { "properties": { "type": { "const": name } } }, "then": then }))
        .collect();
    json!({
        "type": "object",
        "required": ["type"],
        "properties": { "type": { "enum": names } },
        "allOf": cases,
    })
}

/// The JSON Schema of one article (`articles/{id}.json`), format 1.1.
pub fn article_schema() -> Value {
    json!({
        "$schema": DRAFT,
        "$id": "article.schema.json",
        "title": "Article (format 1.1)",
        "description": "One article for the reader. Unknown fields are ignored.",
        "type": "object",
        "required": ["id", "headline", "body"],
        "properties": {
            "id": { "$ref": "#/$defs/id" },
            "headline": text(MAX_HEADLINE_CHARS),
            "dek": optional_text("the standfirst under the headline"),
            "url": optional_text("the article's canonical address (http or https)"),
            "section": optional_text("e.g. Local"),
            "tags": optional_array(json!({ "type": "string" }), MAX_ITEMS),
            "language": {
                "type": ["string", "null"],
                "pattern": "^(\\s*|[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*)$",
                "description": "BCP 47, e.g. en, pt-BR, ar (default en)",
            },
            "dir": { "anyOf": [{ "type": "null" }, { "enum": ["ltr", "rtl", "auto"] }, { "type": "string", "pattern": "^\\s*$" }] },
            "published": { "$ref": "#/$defs/timestamp" },
            "updated": { "$ref": "#/$defs/timestamp" },
            "authors": optional_array(json!({
                "type": "object",
                "required": ["name"],
                "properties": { "name": text(MAX_TEXT_CHARS), "url": optional_text("the author's page") },
            }), MAX_ITEMS),
            "publisher": {
                "anyOf": [{ "type": "null" }, {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": text(MAX_TEXT_CHARS),
                        "url": optional_text("the publisher's home page"),
                        "logo": optional_text("an image address"),
                    },
                }],
            },
            "image": { "anyOf": [{ "type": "null" }, { "$ref": "#/$defs/image" }] },
            "takeaways": optional_array(json!({ "$ref": "#/$defs/inline" }), MAX_ITEMS),
            "editorial": {
                "anyOf": [{ "type": "null" }, {
                    "type": "object",
                    "required": ["label", "title", "body"],
                    "properties": {
                        "label": text(MAX_TEXT_CHARS),
                        "title": text(MAX_TEXT_CHARS),
                        "body": { "type": "array", "minItems": 1, "maxItems": MAX_ITEMS, "items": { "$ref": "#/$defs/inline" } },
                        "author": optional_text("who wrote the card"),
                        "role": optional_text("their role"),
                    },
                }],
            },
            "body": { "type": "array", "minItems": 1, "maxItems": MAX_BLOCKS, "items": { "$ref": "#/$defs/block" } },
            "related": optional_array(json!({
                "type": "object",
                "required": ["headline"],
                "properties": {
                    "id": { "$ref": "#/$defs/optionalId" },
                    "url": optional_text("another site's article"),
                    "headline": text(MAX_TEXT_CHARS),
                    "dek": optional_text("its standfirst"),
                    "image": { "anyOf": [{ "type": "null" }, { "$ref": "#/$defs/image" }] },
                    "published": { "$ref": "#/$defs/timestamp" },
                },
            }), MAX_ITEMS),
        },
        "$defs": defs(),
    })
}

/// The JSON Schema of one page of the index (`articles/index.json` and the pages its `next`
/// names).
pub fn index_schema() -> Value {
    let mut defs = defs();
    defs["summary"] = json!({
        "type": "object",
        "required": ["id", "headline"],
        "properties": {
            "id": { "$ref": "#/$defs/id" },
            "headline": text(MAX_TEXT_CHARS),
            "dek": optional_text("the standfirst"),
            "image": { "anyOf": [{ "type": "null" }, { "$ref": "#/$defs/image" }] },
            "published": { "$ref": "#/$defs/timestamp" },
            "section": optional_text("e.g. Local"),
        },
    });
    json!({
        "$schema": DRAFT,
        "$id": "index.schema.json",
        "title": "Index page",
        "description": "The articles on one page of the archive, and the next (older) page.",
        "type": "object",
        "required": ["articles"],
        "properties": {
            "articles": { "type": "array", "maxItems": MAX_INDEX_ENTRIES, "items": { "$ref": "#/$defs/summary" } },
            "next": { "anyOf": [{ "type": "null" }, { "type": "string", "pattern": "^\\s*$" }, fetch_url()] },
        },
        "$defs": defs,
    })
}
