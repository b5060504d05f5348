//! The publish's output folder: writes a file only when its bytes change (atomically: a temporary
//! file in `.publish/tmp/` renamed over the old one), its brotli copy beside it, and the
//! manifest of what it holds. Files left by a publish that was stopped (the groups in
//! `.publish/pending.json`) are compared with the disk, not with the manifest; the manifest is
//! written last. A stopped publish's temporary files are all in one folder, which the next
//! publish empties first ([`clear_temporary`]): none is ever left beside a page, where the deploy
//! would take it for one.

use super::manifest::{self, hash, Manifest};
use super::stops;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Keeps freed memory in the process for the next file instead of handing it back to the
/// system: brotli asks for a few hundred kilobytes of tables per file, and with the default
/// (large blocks mapped and unmapped each time) compressing on two cores spent four times as long
/// in the kernel, clearing fresh pages and unmapping them, as compressing. Call once, before the
/// threads start.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets the allocator's thresholds; called before any thread allocates.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 30);
    }
}

/// Turns an I/O error into a message that names the file.
pub fn io<E: std::fmt::Display>(path: &Path) -> impl FnOnce(E) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

/// The folder temporary files are made in (`{output}/.publish/tmp`), set once per run.
static TEMPORARY: OnceLock<PathBuf> = OnceLock::new();
static TEMPORARY_COUNT: AtomicUsize = AtomicUsize::new(0);

/// Empties the output's folder of temporary files (what a stopped publish left) and makes it
/// the place [`write_atomic`] writes into before renaming. Returns how many files it removed.
pub fn clear_temporary(state: &Path) -> Result<usize, String> {
    let dir = state.join("tmp");
    let mut removed = 0;
    if let Ok(entries) = fs::read_dir(&dir) {
        for entry in entries.flatten() {
            if fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    let _ = TEMPORARY.set(dir);
    Ok(removed)
}

/// Writes `bytes` to `path` atomically: into a temporary file, renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = match TEMPORARY.get() {
        Some(dir) => dir.join(format!(
            "{}-{}-{name}",
            std::process::id(),
            TEMPORARY_COUNT.fetch_add(1, Ordering::Relaxed)
        )),
        // Before the output's state folder is known (the first code build's shell).
        None => path.with_file_name(format!("{name}.publish-tmp")),
    };
    {
        let mut f = fs::File::create(&tmp).map_err(io(&tmp))?;
        stops::point(|| format!("created a temporary file for {}", path.display()));
        f.write_all(bytes).map_err(io(&tmp))?;
        stops::point(|| format!("wrote the temporary file for {}", path.display()));
    }
    fs::rename(&tmp, path).map_err(io(path))?;
    stops::point(|| format!("renamed into {}", path.display()));
    Ok(())
}

/// Compares the manifest with the disk: every file it names is there with its hash, and with
/// its brotli copy where it says so. Returns the problems, one line each (none: they agree).
pub fn check(dir: &Path, manifest: &Manifest) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, file) in &manifest.files {
        match fs::read(dir.join(path)) {
            Ok(bytes) if hash(&bytes) == file.hash => {}
            Ok(_) => problems.push(format!("{path}: its bytes differ from the manifest's hash")),
            Err(e) => problems.push(format!("{path}: {e}")),
        }
        if file.br && !dir.join(format!("{path}.br")).is_file() {
            problems.push(format!("{path}.br: missing"));
        }
    }
    problems
}

/// Whether a file gets a brotli copy: text the browser fetches (the search shards' own files
/// are compressed by Pagefind).
fn compressible(path: &str) -> bool {
    !path.starts_with(crate::facts::SEARCH_DIR)
        && [".html", ".json", ".xml", ".svg", ".txt", ".css", ".js"]
            .iter()
            .any(|e| path.ends_with(e))
}

fn brotli(bytes: &[u8], path: &str) -> Vec<u8> {
    // What every reader of the site fetches gets the strongest setting. Per-article files a
    // fast one: quality 4 with a window fitted to the file (a 53 KB page: 0.92 ms, 27.4 % of
    // its size; quality 5 with the default window: 1.56 ms, 25.6 %; quality 11: 25 times
    // slower; measured 2026-12-07, docs/performance.md). These copies serve only a host that
    // sends the files as they are: a bucket behind a CDN never gets them (the deploy keeps
    // them local) and the CDN compresses what it serves itself.
    let (quality, lgwin) = if matches!(path, "index.html" | "articles/index.json") {
        (11, 22)
    } else {
        (
            4,
            (usize::BITS - bytes.len().max(1).leading_zeros()).clamp(10, 22) as i32,
        )
    };
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("compressing into memory");
    out
}

/// A file ready to be put ([`Output::prepare`]).
pub struct Prepared {
    path: String,
    file: manifest::File,
    /// `None`: unchanged; `Some(copy)`: to be written, with its brotli copy if it gets one.
    write: Option<Option<Vec<u8>>>,
}

pub struct Output {
    pub dir: PathBuf,
    old: Manifest,
    /// What this run's manifest will hold.
    pub files: BTreeMap<String, manifest::File>,
    /// Groups a stopped publish was writing: their files are compared with the disk.
    uncertain: BTreeSet<String>,
    pub written: Vec<String>,
    pub removed: Vec<String>,
    pub unchanged: usize,
}

impl Output {
    pub fn new(dir: &Path, old: Manifest, uncertain: BTreeSet<String>) -> Self {
        Output {
            dir: dir.to_path_buf(),
            old,
            files: BTreeMap::new(),
            uncertain,
            written: Vec::new(),
            removed: Vec::new(),
            unchanged: 0,
        }
    }

    /// Whether a stopped publish was writing the files of `from`.
    pub fn is_uncertain(&self, from: &str) -> bool {
        self.uncertain.contains(from)
    }

    pub fn old(&self) -> &Manifest {
        &self.old
    }

    /// Puts `bytes` at `path` (relative to the output, `/`-separated), made `from` a source:
    /// written only if they differ from what is there.
    pub fn put(&mut self, path: &str, bytes: &[u8], from: &str) -> Result<(), String> {
        let prepared = self.prepare(path, bytes, from)?;
        self.commit(prepared, bytes)
    }

    /// Puts many files at once: what each needs (its hash, whether it changed, its brotli copy)
    /// is worked out on every core, then the files are written one by one in the order given,
    /// so a stopped publish leaves what a sequential one would. The bytes are the same as
    /// [`Output::put`]'s one file at a time.
    pub fn put_all(&mut self, files: &[(String, Vec<u8>, String)]) -> Result<(), String> {
        use rayon::prelude::*;
        let prepared: Vec<Result<Prepared, String>> = files
            .par_iter()
            .map(|(path, bytes, from)| self.prepare(path, bytes, from))
            .collect();
        for (p, (_, bytes, _)) in prepared.into_iter().zip(files) {
            self.commit(p?, bytes)?;
        }
        Ok(())
    }

    /// What [`Output::commit`] needs to put a file: reads the disk only where the manifest
    /// cannot tell, and compresses only a file that changed. Changes nothing.
    pub fn prepare(&self, path: &str, bytes: &[u8], from: &str) -> Result<Prepared, String> {
        if !manifest::is_publish_path(path) {
            return Err(format!(
                "{path}: outside the publish's folders ({:?} and the search index's)",
                manifest::FOLDERS
            ));
        }
        let h = hash(bytes);
        let br = compressible(path);
        let target = self.dir.join(path);
        let same = match self.old.files.get(path) {
            _ if self.uncertain.contains(from) => {
                fs::read(&target).is_ok_and(|disk| disk == bytes)
                    && (!br || self.dir.join(format!("{path}.br")).is_file())
            }
            Some(f) => f.hash == h && f.br == br && target.is_file(),
            None => {
                fs::read(&target).is_ok_and(|disk| disk == bytes)
                    && (!br || self.dir.join(format!("{path}.br")).is_file())
            }
        };
        Ok(Prepared {
            path: path.to_string(),
            file: manifest::File {
                hash: h,
                from: from.to_string(),
                br,
            },
            write: (!same).then(|| br.then(|| brotli(bytes, path))),
        })
    }

    /// Writes a prepared file if it changed (its brotli copy first: a page is never newer than
    /// its copy) and records it.
    pub fn commit(&mut self, prepared: Prepared, bytes: &[u8]) -> Result<(), String> {
        let Prepared { path, file, write } = prepared;
        match write {
            None => self.unchanged += 1,
            Some(copy) => {
                if let Some(copy) = copy {
                    write_atomic(&self.dir.join(format!("{path}.br")), &copy)?;
                }
                write_atomic(&self.dir.join(&path), bytes)?;
                self.written.push(path.clone());
            }
        }
        self.files.insert(path, file);
        Ok(())
    }

    /// Keeps the files of `from` (an unchanged article) as the last publish recorded them.
    pub fn keep(&mut self, from: &str, paths: &[String]) {
        for path in paths {
            if let Some(f) = self.old.files.get(path).filter(|f| f.from == from) {
                self.files.insert(path.clone(), f.clone());
                self.unchanged += 1;
            }
        }
    }

    /// Keeps every file under `folder` (`/`-terminated) the last publish made `from` a source (a
    /// search shard left as it was): a range of the sorted manifest, not a walk through it.
    pub fn keep_under(&mut self, from: &str, folder: &str) {
        let found = self
            .old
            .files
            .range::<str, _>((std::ops::Bound::Included(folder), std::ops::Bound::Unbounded))
            .take_while(|(path, _)| path.starts_with(folder))
            .filter(|(_, f)| f.from == from);
        for (path, f) in found {
            self.files.insert(path.clone(), f.clone());
            self.unchanged += 1;
        }
    }

    /// Removes a file (and its copy) this run does not make.
    pub fn remove(&mut self, path: &str) -> Result<(), String> {
        let mut gone = false;
        for p in [path.to_string(), format!("{path}.br")] {
            match fs::remove_file(self.dir.join(&p)) {
                Ok(()) => {
                    gone = true;
                    stops::point(|| format!("removed {p}"));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("{}: {e}", self.dir.join(&p).display())),
            }
        }
        if gone {
            self.removed.push(path.to_string());
        }
        // Empty folders of removed articles go too.
        let mut dir = self.dir.join(path);
        while dir.pop() && dir != self.dir {
            if fs::remove_dir(&dir).is_err() {
                break;
            }
        }
        Ok(())
    }

    /// Removes every file the last publish wrote that this run did not make.
    pub fn remove_stale(&mut self) -> Result<(), String> {
        let stale: Vec<String> = self
            .old
            .files
            .keys()
            .filter(|p| !self.files.contains_key(*p))
            .cloned()
            .collect();
        for path in stale {
            self.remove(&path)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("reader-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join(".publish/tmp")).unwrap();
        dir
    }

    #[test]
    fn writes_only_what_changes_with_its_copy_and_checks_the_disk() {
        let dir = folder("put");
        // What a killed run left in the temporary folder goes first.
        fs::write(dir.join(".publish/tmp/1-2-index.html"), "half").unwrap();
        assert_eq!(clear_temporary(&dir.join(".publish")).unwrap(), 1);
        let mut output = Output::new(&dir, Manifest::default(), BTreeSet::new());
        output.put("feed.xml", b"<rss/>", "feeds").unwrap();
        output.put("articles/a.json", b"{}", "article:a").unwrap();
        assert_eq!(output.written, ["feed.xml", "articles/a.json"]);
        assert!(dir.join("feed.xml.br").is_file() && dir.join("articles/a.json.br").is_file());
        assert!(
            output.put("icons/x.png", b"png", "asset").is_err(),
            "outside the publish's folders"
        );
        assert_eq!(
            fs::read_dir(dir.join(".publish/tmp")).unwrap().count(),
            0,
            "no temporary file left"
        );

        let manifest = Manifest {
            files: std::mem::take(&mut output.files),
            ..Default::default()
        };
        assert!(check(&dir, &manifest).is_empty());
        // The same bytes again: nothing written.
        let mut again = Output::new(&dir, manifest.clone(), BTreeSet::new());
        again.put("feed.xml", b"<rss/>", "feeds").unwrap();
        assert!(again.written.is_empty());
        // A file changed by hand, a copy gone: the check names both.
        fs::write(dir.join("feed.xml"), "<rss>edited</rss>").unwrap();
        fs::remove_file(dir.join("articles/a.json.br")).unwrap();
        let problems = check(&dir, &manifest);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("articles/a.json.br") || problems[1].contains("articles/a.json.br"));
        let _ = fs::remove_dir_all(&dir);
    }
}
