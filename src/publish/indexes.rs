//! Writing the index pages (`articles/archive/{n}.json`, then `articles/index.json`) into the
//! output: an archive page whose articles, next page and code are unchanged is kept without being
//! made again. The pages themselves are [`super::order`]'s, a pure function of the archive.

use super::order::{index_plan, Entry, IndexFile, PER_PAGE};

/// Writes the index pages into `output`: every archive page, then `articles/index.json`. A page
/// whose articles (with their hashes), next page and code (`code`, the code build's
/// fingerprint) are those of the last publish is kept without being made again. Returns each
/// archive page's fingerprint, for the manifest.
pub fn publish(
    output: &mut super::output::Output,
    entries: &[Entry],
    sources: &std::collections::BTreeMap<String, super::manifest::Source>,
    code: &str,
) -> Result<std::collections::BTreeMap<String, String>, String> {
    let plan = index_plan(entries.len(), PER_PAGE);
    let mut prints = std::collections::BTreeMap::new();
    for file in plan.iter().skip(1) {
        let print = page_fingerprint(code, file, entries, |id| sources[id].hash.as_str());
        let old = output.old();
        if old.pages.get(&file.path) == Some(&print)
            && old.files.get(&file.path).is_some_and(|f| f.from == "index")
            && !output.is_uncertain("index")
        {
            output.keep("index", std::slice::from_ref(&file.path));
        } else {
            output.put(&file.path, file.json(entries).as_bytes(), "index")?;
        }
        prints.insert(file.path.clone(), print);
    }
    output.put(&plan[0].path, plan[0].json(entries).as_bytes(), "index")?;
    Ok(prints)
}

/// An archive page's fingerprint: the code, its path, its next page, and its articles with
/// their hashes.
///
/// ```
/// use article_reader::publish::{indexes::page_fingerprint, order::{index_plan, Entry}};
/// use article_reader::model::Summary;
/// let entry = |id: &str| Entry {
///     summary: Summary { id: id.into(), headline: id.into(), dek: None, image: None, published: None, section: None },
///     language: "en".into(),
///     updated: None,
/// };
/// let entries: Vec<Entry> = (0..3).map(|i| entry(&format!("a{i}"))).collect();
/// let plan = index_plan(3, 2);
/// let print = |hash: &'static str| page_fingerprint("code", &plan[1], &entries, |_| hash);
/// assert_eq!(print("h1"), print("h1"));
/// assert_ne!(print("h1"), print("h2"), "a corrected article makes its page again");
/// assert_ne!(print("h1"), page_fingerprint("code", &plan[2], &entries, |_| "h1"));
/// ```
pub fn page_fingerprint<'a>(
    code: &str,
    file: &IndexFile,
    entries: &'a [Entry],
    hash: impl Fn(&'a str) -> &'a str,
) -> String {
    let mut print = format!("{code}\u{0}{}\u{0}{:?}", file.path, file.next);
    for e in &entries[file.range.clone()] {
        super::add_member(&mut print, &e.summary.id, hash(&e.summary.id));
    }
    super::manifest::hash(print.as_bytes())
}
