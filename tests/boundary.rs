//! Guards of the house's structure, read off the sources:
//! - **layers**: a module never names one above it. From the bottom: `facts` and `site` (generated
//!   constants), `model`, `platform`, `api`, `contexts`, `components`, `pages`, then `crash` and
//!   `app`. So the platform never reaches into the data layer, and the model into nothing.
//! - **the browser boundary**: components, pages, contexts, `app.rs` and the model name no
//!   `web_sys`, `js_sys` or `wasm_bindgen`, and hold no `cfg` of any shape that names
//!   `target_arch` (`cfg(…)`, `cfg!(…)`, `cfg_attr(…)`, inside `any`, `all` or `not`). Every
//!   browser call lives in `src/platform/`.
//!
//! - **the native commands** (`import`, `publish`, `deploy`): the library's tools for a
//!   newsroom's machine. They use only the bottom layers (`facts`, `site`, `model`; the deploy
//!   also the publish's manifest), never the browser's layers, and no app module names them:
//!   they never reach the wasm.
//!
//! Comments and the insides of strings are not code: a doc comment may link upwards, a string
//! may say "web_sys". Each scanner is tested on snippets first, so the guard is known to fail.

use std::path::{Path, PathBuf};

/// The source with comments removed and every string's and char's contents blanked (the quotes
/// stay), so that what is left is code alone.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            // Block comments nest in Rust.
            let mut depth = 0;
            loop {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else if i >= chars.len() {
                    break;
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (at(i + 1) == '"' || at(i + 1) == '#') && !is_ident(at(i.wrapping_sub(1))) {
            // A raw string r"…" or r#"…"#: ends at the quote followed by as many hashes.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < chars.len() && !(chars[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#')) {
                j += 1;
            }
            out.push_str("\"\"");
            i = j + 1 + hashes;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i = j + 1;
        } else if c == '\'' && (at(i + 1) == '\\' || (at(i + 2) == '\'' && at(i + 1) != '\'')) {
            // A char literal ('x', '\n', '\u{…}'); a lifetime ('a) has no closing quote.
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '\'' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            out.push_str("' '");
            i = j + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every `crate::name` the code names, with `use crate::{a, b::c}` read as `a` and `b`.
fn crate_modules(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = code.len() - rest.len() + at;
        rest = &rest[at + "crate::".len()..];
        if code[..before].chars().next_back().is_some_and(is_ident) {
            continue; // `my_crate::…`
        }
        let rest_trim = rest.trim_start();
        if let Some(group) = rest_trim.strip_prefix('{') {
            // Top-level names of the group: split at commas outside nested braces.
            let mut depth = 0;
            let mut name = String::new();
            let mut names = Vec::new();
            let mut taking = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push(std::mem::take(&mut name));
                        taking = true;
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && taking {
                    if is_ident(c) {
                        name.push(c);
                    } else if !name.is_empty() {
                        taking = false;
                    }
                }
            }
            names.push(name);
            found.extend(names.into_iter().filter(|n| !n.is_empty()));
        } else {
            let name: String = rest_trim.chars().take_while(|&c| is_ident(c)).collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    found
}

/// The layer of a top-level module of the crate, from the bottom; `None` for names outside the
/// layering (macros' helpers, `self`).
fn layer(module: &str) -> Option<usize> {
    Some(match module {
        "facts" | "site" => 0,
        "model" => 1,
        "platform" => 2,
        "api" => 3,
        "contexts" => 4,
        "components" => 5,
        "pages" => 6,
        "crash" | "app" => 7,
        _ => return None,
    })
}

/// The modules above `own` that `code` names, each once.
fn names_above(own: &str, code: &str) -> Vec<String> {
    let Some(own_layer) = layer(own) else { return Vec::new() };
    let mut above: Vec<String> = crate_modules(code)
        .into_iter()
        .filter(|m| layer(m).is_some_and(|l| l > own_layer))
        .collect();
    above.sort();
    above.dedup();
    above
}

/// Browser bindings named in `code`: `web_sys`, `js_sys` or `wasm_bindgen` as a path's segment.
fn browser_bindings(code: &str) -> Vec<&'static str> {
    ["web_sys", "js_sys", "wasm_bindgen"]
        .into_iter()
        .filter(|name| {
            code.match_indices(name).any(|(at, _)| {
                let before = code[..at].chars().next_back();
                let after = code[at + name.len()..].chars().next();
                !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
            })
        })
        .collect()
}

/// How many `cfg(…)`, `cfg!(…)` and `cfg_attr(…)` in `code` name `target_arch` anywhere inside
/// their balanced parentheses.
fn target_arch_cfgs(code: &str) -> usize {
    let mut count = 0;
    for (at, _) in code.match_indices("cfg") {
        if code[..at].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let mut rest = &code[at + 3..];
        rest = rest.strip_prefix("_attr").unwrap_or(rest);
        rest = rest.trim_start();
        rest = rest.strip_prefix('!').unwrap_or(rest).trim_start();
        let Some(inside) = rest.strip_prefix('(') else { continue };
        let mut depth = 1;
        let end = inside
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                depth == 0
            })
            .map_or(inside.len(), |(i, _)| i);
        count += usize::from(inside[..end].contains("target_arch"));
    }
    count
}

/// The native commands' modules, and what each may name of the crate.
const TOOLS: [(&str, &[&str]); 3] = [
    ("import", &["facts", "site", "model"]),
    ("publish", &["facts", "site", "model"]),
    ("deploy", &["facts", "site", "model", "publish"]),
];

/// What is wrong with `code`, a file of `module`, about the native commands: a command naming
/// a layer or command it may not, or the app naming a command.
fn tool_problems(module: &str, code: &str) -> Vec<String> {
    let is_tool = |name: &str| TOOLS.iter().any(|(t, _)| *t == name);
    let mut problems = Vec::new();
    let mut names = crate_modules(code);
    names.sort();
    names.dedup();
    match TOOLS.iter().find(|(t, _)| *t == module) {
        Some((_, allowed)) => {
            for name in names
                .iter()
                .filter(|n| *n != module && (layer(n).is_some() || is_tool(n)))
            {
                if !allowed.contains(&name.as_str()) {
                    problems.push(format!(
                        "names crate::{name}: the {module} command uses only {allowed:?}"
                    ));
                }
            }
            for binding in browser_bindings(code) {
                problems.push(format!("names {binding}: a native command has no browser"));
            }
        }
        None => {
            for name in names.iter().filter(|n| is_tool(n)) {
                problems.push(format!(
                    "names crate::{name}, a native command: it never reaches the app"
                ));
            }
        }
    }
    problems
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The crate's files by top-level module: `src/model/x.rs` and `src/model.rs` belong to `model`.
fn files_by_module() -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(src()).ok()?;
            let first = relative.components().next()?.as_os_str().to_str()?;
            let module = first.strip_suffix(".rs").unwrap_or(first).to_string();
            Some((module, path))
        })
        .collect()
}

/// `path` as the project names it (`src/…`).
fn shown(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn the_scanners_see_code_and_only_code() {
    let code = code_only("let a = \"web_sys // crate::pages\"; // crate::api\n/* crate::contexts /* nested */ */ x");
    assert!(!code.contains("web_sys") && !code.contains("crate::"), "{code}");
    assert!(code.ends_with(" x"), "code after a string with // is kept: {code}");
    let code =
        code_only("let r = r#\"crate::api \"quoted\" \"#; let c = '\"'; fn f<'a>(x: &'a str) { crate::api::go() }");
    assert_eq!(crate_modules(&code), ["api"], "{code}");
    assert_eq!(
        crate_modules("use crate::{api::{fetch, Cancel}, model::Article};"),
        ["api", "model"]
    );
    assert_eq!(crate_modules("use my_crate::pages; crate :: x"), Vec::<String>::new());
}

#[test]
fn the_layer_guard_catches_a_reach_upwards() {
    assert_eq!(names_above("platform", "crate::api::fetch_article(u, c)"), ["api"]);
    assert_eq!(names_above("model", "use crate::{platform::x, site::Y};"), ["platform"]);
    assert_eq!(names_above("contexts", "use crate::components::Save;"), ["components"]);
    assert!(names_above("pages", "use crate::{components::A, contexts::B, api::C, model::D};").is_empty());
    assert!(names_above("platform", &code_only("//! see `crate::api`\nuse crate::model::X;")).is_empty());
}

#[test]
fn the_boundary_guard_catches_every_shape() {
    for bad in [
        "#[cfg(target_arch = \"wasm32\")] fn f() {}",
        "#[cfg(not(target_arch = \"wasm32\"))] fn f() {}",
        "#[cfg(any(test, target_arch = \"wasm32\"))] fn f() {}",
        "#[cfg(all(feature = \"x\", not(target_arch = \"wasm32\")))] fn f() {}",
        "if cfg!(target_arch = \"wasm32\") {}",
        "if cfg! ( any(target_arch = \"wasm32\") ) {}",
        "#[cfg_attr(target_arch = \"wasm32\", inline)] fn f() {}",
    ] {
        assert_eq!(target_arch_cfgs(&code_only(bad)), 1, "missed: {bad}");
    }
    assert_eq!(
        target_arch_cfgs("#[cfg(feature = \"islands\")] #[cfg_attr(test, x)] cfg!(test)"),
        0
    );
    assert_eq!(
        target_arch_cfgs(&code_only("// cfg(target_arch)\nlet s = \"cfg(target_arch)\";")),
        0
    );
    assert_eq!(browser_bindings("use web_sys::Window;"), ["web_sys"]);
    assert_eq!(browser_bindings("let d = ::js_sys::Date::now();"), ["js_sys"]);
    assert_eq!(browser_bindings("use leptos::wasm_bindgen::JsCast;"), ["wasm_bindgen"]);
    assert!(browser_bindings("let my_web_sys_like = 1; web_sysx();").is_empty());
    assert!(browser_bindings(&code_only("/// calls web_sys for you\nlet s = \"js_sys\";")).is_empty());
}

#[test]
fn no_module_names_one_above_it() {
    let mut problems = Vec::new();
    for (module, path) in files_by_module() {
        for above in names_above(&module, &code_only(&read(&path))) {
            problems.push(format!(
                "{} ({module}) uses crate::{above}, a layer above it",
                shown(&path)
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the layers are model < platform < api < contexts < components < pages < app:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_browser_call_outside_the_platform() {
    let guarded = ["components", "pages", "contexts", "app", "model", "api"];
    let mut problems = Vec::new();
    for (module, path) in files_by_module()
        .into_iter()
        .filter(|(m, _)| guarded.contains(&m.as_str()))
    {
        let code = code_only(&read(&path));
        for binding in browser_bindings(&code) {
            problems.push(format!(
                "{} ({module}) names {binding}: move the call into src/platform/",
                shown(&path)
            ));
        }
        let cfgs = target_arch_cfgs(&code);
        if cfgs > 0 {
            problems.push(format!(
                "{} ({module}) has {cfgs} cfg naming target_arch: src/platform/ has the native stubs",
                shown(&path)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_command_guard_catches_each_reach() {
    assert!(tool_problems("publish", &code_only("use crate::model::Article; use super::order;")).is_empty());
    assert!(tool_problems("deploy", &code_only("use crate::publish::stops; use crate::facts;")).is_empty());
    assert_eq!(
        tool_problems("publish", &code_only("use crate::components::ArticleView;")).len(),
        1
    );
    assert_eq!(
        tool_problems("publish", &code_only("crate::deploy::plan::plan()")).len(),
        1
    );
    assert_eq!(
        tool_problems("import", &code_only("use crate::{platform, publish};")).len(),
        2
    );
    assert_eq!(
        tool_problems("deploy", &code_only("let w = web_sys::window();")).len(),
        1
    );
    assert_eq!(
        tool_problems("components", &code_only("use crate::publish::escape;")).len(),
        1
    );
    assert!(tool_problems(
        "components",
        &code_only("// crate::publish\nlet s = \"crate::deploy\";")
    )
    .is_empty());
}

#[test]
fn the_native_commands_stay_beside_the_app() {
    let mut problems = Vec::new();
    for (module, path) in files_by_module() {
        for problem in tool_problems(&module, &code_only(&read(&path))) {
            problems.push(format!("{} ({module}) {problem}", shown(&path)));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_guards_read_every_layer() {
    // A guard that finds no files passes for nothing.
    let modules: Vec<String> = files_by_module().into_iter().map(|(m, _)| m).collect();
    for needed in [
        "model",
        "platform",
        "api",
        "contexts",
        "components",
        "pages",
        "app",
        "import",
        "publish",
        "deploy",
    ] {
        assert!(
            modules.iter().any(|m| m == needed),
            "no file of {needed} found under src/"
        );
    }
}
