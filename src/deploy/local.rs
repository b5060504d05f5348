//! The output as the deploy sees it: every file but the publish's own folder, the compressed
//! copies (`.br`, `.gz`: a bucket cannot choose an encoding by the request's `Accept-Encoding`,
//! so the CDN compresses) and temporary files, each with the stamp its object must have.

use super::headers::{cache_control, content_type};
use super::record::stamp;
use crate::publish::manifest::{self, Manifest};
use crate::publish::STATE_DIR;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One file of the output to deploy.
pub struct Local {
    pub path: PathBuf,
    pub stamp: String,
    /// What the publish made it from (its manifest's `from`) and the hash it recorded; `None`
    /// for the code build's files (hashed here).
    pub from: Option<String>,
    pub hash: Option<String>,
}

impl Local {
    /// A file the publish wrote at `key` under `root`, with the hash of its bytes and what it was
    /// made from; its stamp carries the table's headers.
    pub fn published(root: &Path, key: &str, hash: String, from: String) -> Local {
        Local {
            path: root.join(key),
            stamp: stamp(&hash, content_type(key), cache_control(key)),
            from: Some(from),
            hash: Some(hash),
        }
    }

    /// The file's bytes, refused when they are not those the publish recorded (the output was
    /// changed by hand, or a publish is half done): the record would otherwise claim them.
    pub fn read(&self, key: &str) -> Result<Vec<u8>, String> {
        let bytes = fs::read(&self.path).map_err(|e| format!("{}: {e}", self.path.display()))?;
        match &self.hash {
            Some(h) if *h != manifest::hash(&bytes) => Err(format!(
                "{key} differs from what the publish wrote (its manifest's hash): publish again, then deploy"
            )),
            _ => Ok(bytes),
        }
    }
}

/// Whether a file name is a temporary file of a publish (never deployed).
///
/// ```
/// assert!(article_reader::deploy::local::is_temporary("feed.xml.publish-tmp"));
/// assert!(!article_reader::deploy::local::is_temporary("feed.xml"));
/// ```
pub fn is_temporary(name: &str) -> bool {
    name.ends_with(".publish-tmp")
}

/// Every file to deploy, by key: what the publish wrote, from its manifest (with its hash; its
/// folders are not listed, which at 100,000 articles would be 1.3 million files), and the code
/// build's files, listed and hashed here.
pub fn scan(root: &Path, manifest: &Manifest) -> Result<BTreeMap<String, Local>, String> {
    let mut files = BTreeMap::new();
    for (key, file) in &manifest.files {
        files.insert(
            key.clone(),
            Local::published(root, key, file.hash.clone(), file.from.clone()),
        );
    }
    let mut folders = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, rel)) = folders.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut names = BTreeSet::new();
        let mut kinds = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_dir = entry
                .file_type()
                .map_err(|e| format!("{}: {e}", entry.path().display()))?
                .is_dir();
            names.insert(name.clone());
            kinds.push((name, is_dir));
        }
        for (name, is_dir) in kinds {
            let key = format!("{rel}{name}");
            if rel.is_empty() && (name == STATE_DIR || (is_dir && manifest::is_publish_folder(&name))) {
                continue;
            }
            if is_dir {
                folders.push((dir.join(&name), format!("{key}/")));
                continue;
            }
            let copy = name.strip_suffix(".br").or_else(|| name.strip_suffix(".gz"));
            if copy.is_some_and(|original| names.contains(original)) || is_temporary(&name) || files.contains_key(&key)
            {
                continue;
            }
            let path = dir.join(&name);
            let hash = manifest::hash(&fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?);
            let stamp = stamp(&hash, content_type(&key), cache_control(&key));
            files.insert(
                key,
                Local {
                    path,
                    stamp,
                    from: None,
                    hash: None,
                },
            );
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_code_and_the_manifest_never_copies_state_or_temporary_files() {
        let dir = std::env::temp_dir().join(format!("reader-local-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (path, text) in [
            ("index.html", "front"),
            ("index.html.br", "x"),
            ("app-0123456789abcdef.js", "code"),
            ("icons/a.png", "png"),
            ("feed.xml.publish-tmp", "half"),
            (".publish/manifest.json", "{}"),
            ("articles/a.json", "a"),
            ("articles/stray.json", "not in the manifest"),
        ] {
            let path = dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        let mut manifest = Manifest::default();
        for (path, text) in [("index.html", "front"), ("articles/a.json", "changed since")] {
            let file = manifest::File {
                hash: manifest::hash(text.as_bytes()),
                from: "index".into(),
                br: false,
            };
            manifest.files.insert(path.into(), file);
        }
        let files = scan(&dir, &manifest).unwrap();
        let keys: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "app-0123456789abcdef.js",
                "articles/a.json",
                "icons/a.png",
                "index.html"
            ]
        );
        assert!(files["index.html"].read("index.html").is_ok());
        let e = files["articles/a.json"].read("articles/a.json").unwrap_err();
        assert!(e.contains("differs from what the publish wrote"), "{e}");
        let _ = fs::remove_dir_all(&dir);
    }
}
