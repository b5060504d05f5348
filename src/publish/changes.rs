//! What the publishes changed since the last deploy (`.publish/changes.json`), so that the next
//! deploy reads those files and the record's shards they fall in, not the whole manifest.
//!
//! A finished deploy writes the list, empty, with its mark: the bucket it deployed to and a hash
//! of the state it left there (`base`), and the code build's files as it deployed them. Each
//! publish then adds what it wrote (with what each file was made from) and what it removed, before
//! its manifest. The next deploy to the same bucket uses the list only when the bucket's state is
//! still the one it left; otherwise (another machine deployed, the list is missing, a publish was
//! stopped) it compares everything, as without the list. A publish that finds a stopped one's
//! work forgets the list (what the stopped run wrote is not known), and so does one into an
//! output without a list: nothing is collected for an output that is not deployed.

use super::output::{io, write_atomic};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Changes {
    /// The deploy the list counts from: its target and a hash of the state it wrote there.
    pub base: String,
    /// The code build's files (every file the publish did not write) as that deploy sent them:
    /// key → stamp.
    pub code: BTreeMap<String, String>,
    /// Files written since, with what each was made from (the manifest's `from`).
    pub written: BTreeMap<String, String>,
    /// Files removed since.
    pub removed: BTreeSet<String>,
}

/// The list's place in the publish's state folder.
pub fn path(state: &Path) -> PathBuf {
    state.join("changes.json")
}

/// The list, if there is one and it reads.
pub fn read(state: &Path) -> Option<Changes> {
    serde_json::from_slice(&std::fs::read(path(state)).ok()?).ok()
}

/// Writes the list (atomically).
pub fn write(state: &Path, changes: &Changes) -> Result<(), String> {
    let text = serde_json::to_string(changes).map_err(|e| e.to_string())?;
    write_atomic(&path(state), text.as_bytes())
}

/// Forgets the list: the next deploy compares everything.
pub fn forget(state: &Path) -> Result<(), String> {
    let p = path(state);
    match std::fs::remove_file(&p) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(&p)(e)),
    }
}

impl Changes {
    /// Adds one publish's work: `written` (path and what it was made from), then `removed`.
    ///
    /// ```
    /// use article_reader::publish::changes::Changes;
    /// let mut c = Changes::default();
    /// c.add([("a.html".to_string(), "article:a".to_string())], ["b.html".to_string()]);
    /// c.add([("b.html".to_string(), "article:b".to_string())], ["a.html".to_string()]);
    /// assert_eq!(c.written.keys().collect::<Vec<_>>(), ["b.html"]);
    /// assert_eq!(c.removed.iter().collect::<Vec<_>>(), ["a.html"]);
    /// ```
    pub fn add(
        &mut self,
        written: impl IntoIterator<Item = (String, String)>,
        removed: impl IntoIterator<Item = String>,
    ) {
        for (path, from) in written {
            self.removed.remove(&path);
            self.written.insert(path, from);
        }
        for path in removed {
            self.written.remove(&path);
            self.removed.insert(path);
        }
    }
}
