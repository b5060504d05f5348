//! Turns `src/facts.json`, the one definition of the names the Rust app shares with the service
//! worker, `embed.js`, `index.html` and the build scripts, into Rust constants
//! (`$OUT_DIR/facts.rs`, included by `src/facts.rs`). Each key becomes an upper-case constant:
//! a string is `&str`, a whole number `usize`, a list of strings `[&str; N]` and a list of
//! whole numbers `[u16; N]`. Keys starting with `/` are comments.

use std::{env, fmt::Write as _, fs, path::Path};

use serde_json::Value;

fn main() {
    let source = "src/facts.json";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let facts: serde_json::Map<String, Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source} is not a JSON object: {e}"));
    let mut out = String::new();
    for (key, value) in &facts {
        if key.starts_with('/') {
            continue;
        }
        let name = key.to_ascii_uppercase();
        let (ty, literal) = match value {
            Value::String(s) => ("&str".to_string(), format!("{s:?}")),
            Value::Number(n) if n.is_u64() => ("usize".to_string(), n.to_string()),
            Value::Array(items) if items.iter().all(Value::is_string) => (
                format!("[&str; {}]", items.len()),
                format!("[{}]", items.iter().map(|v| format!("{:?}", v.as_str().unwrap_or_default())).collect::<Vec<_>>().join(", ")),
            ),
            Value::Array(items) if items.iter().all(|v| v.as_u64().is_some_and(|n| n <= u64::from(u16::MAX))) => (
                format!("[u16; {}]", items.len()),
                format!("[{}]", items.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")),
            ),
            other => panic!("{source}: {key} is neither a string, a whole number nor a list of either: {other}"),
        };
        let _ = writeln!(out, "/// `{key}` in `src/facts.json`.\npub const {name}: {ty} = {literal};");
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("facts.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
