//! The list of articles saved for offline reading: what is stored about each, and the pure
//! bookkeeping around it (which URLs an article needs, which can go when it is removed).
//!
//! The list is kept as JSON next to the saved files (see `crate::platform::saved_store`), and the service
//! worker updates it when it refreshes a saved article, so its shape is shared with
//! `src/sw/service-worker.js`.

use serde::{Deserialize, Serialize};

use super::stored::{StoredDataError, StoredKind};

use super::article::{Article, Image};
use super::picture::{chosen, Screen, Slot};

/// Version of the stored list's format.
pub const SAVED_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedEntry {
    /// Absolute URL of the article JSON (the key of the saved copy).
    pub json_url: String,
    pub id: String,
    /// In-app path that opens the article.
    pub route: String,
    pub headline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dek: Option<String>,
    /// RFC 3339 time the reader saved it.
    pub saved_at: String,
    /// The article's `published` and `updated` timestamps as saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Every image URL stored with the article.
    #[serde(default)]
    pub images: Vec<String>,
    /// Set by the service worker when a newer version replaced the saved copy.
    #[serde(default)]
    pub refreshed: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedList {
    pub version: u32,
    /// Newest first.
    pub articles: Vec<SavedEntry>,
}

impl SavedList {
    /// Reads the stored list. Anything that is not a list this version understands is an error
    /// (the caller reports it and starts over rather than crash or guess).
    pub fn from_json(text: &str) -> Result<SavedList, StoredDataError> {
        let list: SavedList = super::stored::from_json(text, StoredKind::SavedList)?;
        if list.version != SAVED_FORMAT {
            return Err(StoredDataError::UnknownVersion { version: list.version });
        }
        Ok(list)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{\"version\":1,\"articles\":[]}".into())
    }

    pub fn contains(&self, json_url: &str) -> bool {
        self.articles.iter().any(|a| a.json_url == json_url)
    }

    pub fn get(&self, json_url: &str) -> Option<&SavedEntry> {
        self.articles.iter().find(|a| a.json_url == json_url)
    }

    /// The list with `entry` added (or replacing an entry for the same article), newest first.
    pub fn with(&self, entry: SavedEntry) -> SavedList {
        let mut articles = vec![entry.clone()];
        articles.extend(self.articles.iter().filter(|a| a.json_url != entry.json_url).cloned());
        SavedList {
            version: SAVED_FORMAT,
            articles,
        }
    }

    /// The list without the article at `json_url`.
    pub fn without(&self, json_url: &str) -> SavedList {
        SavedList {
            version: SAVED_FORMAT,
            articles: self
                .articles
                .iter()
                .filter(|a| a.json_url != json_url)
                .cloned()
                .collect(),
        }
    }

    /// URLs stored for `json_url` that no other saved article needs: what removing it frees.
    pub fn urls_only_for(&self, json_url: &str) -> Vec<String> {
        let Some(entry) = self.get(json_url) else {
            return Vec::new();
        };
        let others: Vec<&SavedEntry> = self.articles.iter().filter(|a| a.json_url != json_url).collect();
        std::iter::once(&entry.json_url)
            .chain(entry.images.iter())
            .filter(|url| !others.iter().any(|o| &o.json_url == *url || o.images.contains(url)))
            .cloned()
            .collect()
    }
}

/// Every image an article shows (hero, body images, publisher logo, related thumbnails), each
/// once, in page order: what "save for offline" stores beside the JSON. A picture with
/// several files is stored as the one `screen` shows ([`chosen`]); without a screen (a list
/// rebuilt from the saved copies), as its `src`.
pub fn image_urls(article: &Article, screen: Option<Screen>) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    let mut push = |u: Option<&str>| {
        if let Some(u) = u {
            if !urls.iter().any(|x| x == u) {
                urls.push(u.to_string());
            }
        }
    };
    let pick = |image: &'_ Image, slot: Slot| -> Option<String> {
        match screen {
            Some(screen) => chosen(image, slot, screen).map(str::to_string),
            None => image.src.clone(),
        }
    };
    push(article.image.as_ref().and_then(|i| pick(i, Slot::Figure)).as_deref());
    for block in &article.body {
        let slot = if matches!(block, crate::model::Block::Embed(_)) {
            Slot::LinkCard
        } else {
            Slot::Figure
        };
        for image in block.images() {
            push(pick(image, slot).as_deref());
        }
    }
    push(article.publisher.as_ref().and_then(|p| p.logo.as_deref()));
    for related in &article.related {
        push(related.image.as_ref().and_then(|i| pick(i, Slot::Card)).as_deref());
    }
    urls
}

/// The saved-list entry for an article read from `json_url`, its pictures as `screen` shows
/// them.
pub fn entry_for(article: &Article, json_url: &str, route: &str, saved_at: &str, screen: Option<Screen>) -> SavedEntry {
    SavedEntry {
        json_url: json_url.to_string(),
        id: article.id.clone(),
        route: route.to_string(),
        headline: article.headline.clone(),
        dek: article.dek.clone(),
        saved_at: saved_at.to_string(),
        published: article.published.as_ref().map(ToString::to_string),
        updated: article.updated.as_ref().map(ToString::to_string),
        images: image_urls(article, screen),
        refreshed: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::links::related_json_url;
    use crate::model::parse_article;

    const BASE: &str = "https://n.example/articles/a.json";

    fn article() -> Article {
        parse_article(
            r#"{"id":"a","headline":"A","image":{"src":"img/hero.svg","alt":""},
               "publisher":{"name":"P","logo":"logo.svg"},
               "body":[{"type":"paragraph","text":"x"},
                       {"type":"image","src":"img/one.svg","alt":""},
                       {"type":"image","src":"img/hero.svg","alt":"again"},
                       {"type":"image","src":"javascript:alert(1)","alt":"dropped"}],
               "related":[{"id":"b","headline":"B","image":{"src":"img/b.svg","alt":""}},
                          {"headline":"no link"}]}"#,
            BASE,
        )
        .unwrap()
    }

    fn entry(url: &str, images: &[&str]) -> SavedEntry {
        SavedEntry {
            json_url: url.into(),
            id: "x".into(),
            route: "/articles/x".into(),
            headline: "X".into(),
            dek: None,
            saved_at: "2026-11-24T10:00:00Z".into(),
            published: None,
            updated: None,
            images: images.iter().map(|s| s.to_string()).collect(),
            refreshed: false,
        }
    }

    #[test]
    fn image_urls_lists_each_image_once_in_page_order() {
        assert_eq!(
            image_urls(&article(), None),
            [
                "https://n.example/articles/img/hero.svg",
                "https://n.example/articles/img/one.svg",
                "https://n.example/articles/logo.svg",
                "https://n.example/articles/img/b.svg",
            ]
        );
    }

    #[test]
    fn related_urls_follow_ids() {
        assert_eq!(
            article()
                .related
                .iter()
                .map(|r| related_json_url(r, BASE))
                .collect::<Vec<_>>(),
            [Some("https://n.example/articles/b.json".to_string()), None]
        );
    }

    #[test]
    fn list_round_trips_and_keeps_newest_first() {
        let list = SavedList::default()
            .with(entry("a", &[]))
            .with(entry("b", &[]))
            .with(entry("a", &["i"]));
        let urls: Vec<_> = list.articles.iter().map(|a| a.json_url.as_str()).collect();
        assert_eq!(urls, ["a", "b"]);
        assert_eq!(list.articles[0].images, ["i"]);
        assert_eq!(SavedList::from_json(&list.to_json()).unwrap(), list);
        assert_eq!(list.without("a").articles.len(), 1);
    }

    #[test]
    fn removing_keeps_files_other_articles_need() {
        let list = SavedList::default()
            .with(entry("a.json", &["shared.svg", "only-a.svg"]))
            .with(entry("b.json", &["shared.svg"]));
        assert_eq!(list.urls_only_for("a.json"), ["a.json", "only-a.svg"]);
        assert_eq!(list.urls_only_for("missing.json"), Vec::<String>::new());
    }

    #[test]
    fn damaged_or_foreign_lists_are_errors() {
        assert!(matches!(
            SavedList::from_json("not json"),
            Err(StoredDataError::NotFormat {
                kind: StoredKind::SavedList,
                ..
            })
        ));
        assert!(SavedList::from_json(r#"{"articles": 3}"#).is_err());
        let err = SavedList::from_json(r#"{"version": 9, "articles": []}"#).unwrap_err();
        assert_eq!(err, StoredDataError::UnknownVersion { version: 9 });
        assert!(err.to_string().contains("version 9"), "{err}");
    }
}
