//! Reading untrusted JSON documents: from raw bytes to a `serde_json::Value`, refusing what a
//! lenient reader would silently accept.
//!
//! - Size: documents over [`MAX_DOCUMENT_BYTES`] are refused before parsing.
//! - Encoding: UTF-8 only. A UTF-8 byte order mark is skipped; UTF-16/32 and invalid UTF-8 are
//!   reported with the byte offset (a browser's `response.text()` would replace bad bytes with
//!   U+FFFD without a word).
//! - Duplicate keys in an object are refused: different JSON readers keep different copies (the
//!   first, the last), so a document with duplicates can mean different things to the reader and
//!   to the publisher's tools.
//! - Nesting deeper than `serde_json`'s limit (128) and numbers it cannot hold are refused by
//!   `serde_json` itself; [`super::error::describe_json_error`] words those errors.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Largest article or index document accepted, in bytes (5 MiB: some thirty times the longest
/// demo article).
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;

/// Why bytes could not become JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    TooLarge { bytes: usize },
    Utf16Or32,
    InvalidUtf8 { at: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge { bytes } => write!(
                f,
                "the document is {bytes} bytes, over the limit of {MAX_DOCUMENT_BYTES}"
            ),
            DecodeError::Utf16Or32 => {
                write!(f, "it is encoded as UTF-16 or UTF-32; article files must be UTF-8")
            }
            DecodeError::InvalidUtf8 { at } => {
                write!(f, "it is not valid UTF-8 text (bad byte at offset {at})")
            }
        }
    }
}

/// Checks size and encoding and returns the text, without a UTF-8 byte order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, DecodeError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(DecodeError::Utf16Or32);
    }
    // Offsets in errors count from the start of the document, byte order mark included.
    let (offset, bytes) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    std::str::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
        at: offset + e.valid_up_to(),
    })
}

/// A `serde_json` error's words without its " at line L column C" suffix (for messages that
/// place the error themselves, or where the position means nothing to the reader).
pub fn error_text(err: &serde_json::Error) -> String {
    let full = err.to_string();
    full.split(" at line ").next().unwrap_or(&full).to_string()
}

/// Parses JSON text into a value, refusing duplicate keys. A leading byte order mark is skipped.
pub fn parse_strict(text: &str) -> Result<Value, serde_json::Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict::deserialize(&mut de)?.0;
    de.end()?;
    Ok(value)
}

/// A `Value` whose objects were checked for duplicate keys while parsing.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number is out of range"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let shown: String = key.chars().take(40).collect();
                return Err(de::Error::custom(format!(
                    "the key “{shown}” appears twice in one object"
                )));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_serde_json_when_there_is_nothing_wrong() {
        let text = r#"{"a": [1, -2, 3.5, "x", null, true, {"b": {}}], "c": "\u00e9"}"#;
        assert_eq!(
            parse_strict(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn duplicate_keys_are_refused_at_any_depth() {
        let err = parse_strict(r#"{"a": 1, "a": 2}"#).unwrap_err();
        assert!(err.to_string().contains("“a” appears twice"), "{err}");
        let err = parse_strict(r#"{"x": [{"k": 1, "j": 2, "k": 3}]}"#).unwrap_err();
        assert!(err.to_string().contains("“k” appears twice"), "{err}");
        // Equal after escapes: still the same key.
        assert!(parse_strict(r#"{"a": 1, "\u0061": 2}"#).is_err());
    }

    #[test]
    fn trailing_garbage_and_deep_nesting_are_refused() {
        assert!(parse_strict(r#"{"a": 1} x"#).is_err());
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse_strict(&deep).unwrap_err();
        assert!(err.to_string().contains("recursion limit"), "{err}");
    }

    #[test]
    fn out_of_range_numbers_are_refused() {
        assert!(parse_strict("1e400").is_err());
        assert!(parse_strict("-1e400").is_err());
        // Big integers become floats, like serde_json.
        assert!(parse_strict("123456789012345678901234567890").unwrap().is_f64());
    }

    #[test]
    fn decode_checks_size_encoding_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}"), Ok("{}"));
        assert_eq!(decode(b"\xFF\xFE{\x00}\x00"), Err(DecodeError::Utf16Or32));
        assert_eq!(
            decode(b"{\"a\": \"\xC3\x28\"}"),
            Err(DecodeError::InvalidUtf8 { at: 7 })
        );
        let big = vec![b' '; MAX_DOCUMENT_BYTES + 1];
        assert_eq!(
            decode(&big),
            Err(DecodeError::TooLarge {
                bytes: MAX_DOCUMENT_BYTES + 1
            })
        );
        assert!(decode(&big[1..]).is_ok());
    }
}
