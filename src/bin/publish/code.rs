//! The code build in the output, as the publish reads it: its page template (kept as
//! `shell.html`, the app shell), its islands bundles, and a fingerprint of both with this command
//! (another fingerprint renders every article again).

use super::pages::{self, Islands};
use super::template::Template;
use article_reader::publish::manifest::hash;
use article_reader::publish::output::{io, write_atomic};
use article_reader::publish::public_base;
use std::fs;
use std::path::Path;

pub struct Code {
    pub template: Template,
    pub islands: Islands,
    pub fingerprint: String,
}

/// Reads the code build in `out` (the first publish after Trunk keeps its `index.html` as
/// `shell.html`).
pub fn read(out: &Path) -> Result<Code, String> {
    let shell = out.join("shell.html");
    let html = if shell.is_file() {
        fs::read_to_string(&shell).map_err(io(&shell))?
    } else {
        let index = out.join("index.html");
        let html = fs::read_to_string(&index)
            .map_err(|e| format!("{}: {e} (build the reader first: scripts/build.sh)", index.display()))?;
        write_atomic(&shell, html.as_bytes())?;
        html
    };
    let template = Template::read(html.clone())?;
    let islands = Islands::find(out)?;
    // The command itself stands for the components and the configuration compiled into it.
    let binary = std::env::current_exe()
        .ok()
        .and_then(|p| fs::read(p).ok())
        .map(|b| hash(&b))
        .unwrap_or_default();
    let fingerprint = hash(format!("{html}\u{0}{}\u{0}{}\u{0}{binary}", islands.names(), public_base()).as_bytes());
    Ok(Code {
        template,
        islands,
        fingerprint,
    })
}

/// The CSP source of an inline script.
fn script_hash(body: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(body.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The inline scripts the prerendered pages run besides the template's own.
pub fn page_scripts(code: &Code) -> [String; 4] {
    [
        pages::islands_start(&code.islands.front),
        pages::islands_start(&code.islands.article),
        pages::islands_start(&code.islands.search),
        pages::embed_start(&code.template, &code.islands.embed),
    ]
}

/// The pages must run under the code build's policy, unchanged: a page whose scripts it does
/// not allow means the output's code and this command come from different builds.
pub fn check_policy(code: &Code) -> Result<(), String> {
    let Some(policy) = &code.template.policy else {
        return Ok(());
    };
    if page_scripts(code).iter().all(|s| policy.contains(&script_hash(s))) {
        return Ok(());
    }
    Err(
        "the output's security policy does not allow the pages' start-up scripts: its code build and this \
         publish command differ (run the code build again: scripts/build.sh)"
            .into(),
    )
}

/// No page may carry a style attribute: the site-wide policy allows none (it would need a hash
/// for each, in every page).
pub fn check_no_style(path: &str, page: &str) -> Result<(), String> {
    let mut rest = page;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if tag.starts_with(|c: char| c.is_ascii_alphabetic())
            && (tag.contains(" style=") || tag.contains(" style ="))
            && !tag.starts_with("script")
        {
            return Err(format!(
                "{path}: a style attribute in <{}>, which the site's policy does not allow",
                &tag[..tag.len().min(80)]
            ));
        }
    }
    Ok(())
}
