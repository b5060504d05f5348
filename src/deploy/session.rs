//! One deploy's bookkeeping, apart from the bucket: which record shards it reads, what it plans,
//! what it must purge, and how the record follows each upload and removal, so that what the
//! record claims is never more than the bucket holds, and a deploy that stops keeps what it
//! finished.
//!
//! The steps, each a method: [`Session::open`] with the state the bucket holds; [`Session::read`]
//! each shard of [`Session::to_read`]; [`Session::plan`]; [`Session::begin`] (the state to write
//! before anything changes: the shards it touches are unsettled, the keys it may change are in
//! the purge list); then [`Session::uploaded`] and [`Session::removed`] as requests succeed, with
//! [`Session::take_dirty`] at each checkpoint (the shards' records to write); last
//! [`Session::finish`] and [`Session::final_state`].

use super::plan::{plan, Plan};
use super::record::{digest, shard_of, Entries, State, VERSION};
use std::collections::{BTreeMap, BTreeSet};

/// Seconds since the epoch: when a deploy begins (`READER_DEPLOY_NOW` sets them, for the test of
/// retired files).
pub fn now() -> i64 {
    std::env::var("READER_DEPLOY_NOW")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or_default()
        })
}

pub struct Session {
    state: State,
    /// No usable record in the bucket: everything is uploaded, nothing is removed.
    pub fresh: bool,
    /// The shards whose records this deploy reads and compares.
    pub to_read: BTreeSet<String>,
    records: BTreeMap<String, Entries>,
    /// Shards whose records changed since they were last written.
    dirty: BTreeSet<String>,
    /// When the deploy began (seconds since the epoch).
    pub started: i64,
}

/// A record shard to write at a checkpoint: its entries, or `None` when it is empty (removed).
pub type ShardWrite = (String, Option<Entries>);

impl Session {
    /// The deploy's start: `state` is what the bucket holds (`None`: no state, or one of another
    /// version), `local` the output's entries by shard. Reads the shards whose digest differs
    /// from the output's, and those a stopped deploy was changing.
    ///
    /// ```
    /// use article_reader::deploy::{record::{by_shard, Entries}, session::Session};
    /// let local: Entries = [("index.html".to_string(), "s1".to_string())].into();
    /// let first = Session::open(None, &by_shard(&local), 0);
    /// assert!(first.fresh && first.to_read.len() == 1);
    /// ```
    pub fn open(state: Option<State>, local: &BTreeMap<String, Entries>, started: i64) -> Session {
        Self::open_within(state, local, started, None)
    }

    /// [`Session::open`] for a deploy that knows which shards can differ (`within`: those the
    /// publishes' list of changes falls in), and whose `local` holds only those: no other
    /// shard is compared, read or written.
    pub fn open_within(
        state: Option<State>,
        local: &BTreeMap<String, Entries>,
        started: i64,
        within: Option<&BTreeSet<String>>,
    ) -> Session {
        let fresh = state.as_ref().is_none_or(|s| s.version != VERSION);
        let mut state = state.filter(|s| s.version == VERSION).unwrap_or_default();
        state.version = VERSION;
        let empty = digest(&Entries::new());
        let mut to_read = state.unsettled.clone();
        let considered: Box<dyn Iterator<Item = &String>> = match within {
            Some(shards) => Box::new(shards.iter()),
            None => Box::new(local.keys().chain(state.shards.keys())),
        };
        for shard in considered {
            let mine = local.get(shard).map(digest).unwrap_or_else(|| empty.clone());
            let theirs = state.shards.get(shard).cloned().unwrap_or_else(|| empty.clone());
            if mine != theirs {
                to_read.insert(shard.clone());
            }
        }
        Session {
            state,
            fresh,
            to_read,
            records: BTreeMap::new(),
            dirty: BTreeSet::new(),
            started,
        }
    }

    /// A shard's record as read from the bucket (empty when it has none).
    pub fn read(&mut self, shard: String, entries: Entries) {
        self.records.insert(shard, entries);
    }

    /// The record's entries of the shards read, together.
    pub fn remote(&self) -> Entries {
        self.records
            .values()
            .flat_map(|e| e.iter().map(|(k, v)| (k.clone(), v.clone())))
            .collect()
    }

    /// What to do: the output's entries in the shards read, against their records.
    pub fn plan<'a>(&self, local: &Entries, from: impl Fn(&str) -> Option<&'a str>) -> Plan {
        let compared: Entries = local
            .iter()
            .filter(|(k, _)| self.to_read.contains(&shard_of(k)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        plan(&compared, &self.remote(), &self.state.retired, self.started, from)
    }

    /// The keys a CDN must purge: what a stopped deploy may have changed, the keys this one
    /// replaces (a new key was never cached) and those it removes.
    ///
    /// ```
    /// use article_reader::deploy::{plan::{Phase, Plan}, record::{by_shard, Entries}, session::Session};
    /// let local: Entries = [("index.html".to_string(), "s2".to_string()), ("new.html".to_string(), "s1".to_string())].into();
    /// let mut session = Session::open(None, &by_shard(&local), 0);
    /// session.read(article_reader::deploy::record::shard_of("index.html"), [("index.html".to_string(), "s1".to_string())].into());
    /// let plan = Plan { uploads: vec![(Phase::Indexes, vec!["index.html".into(), "new.html".into()])], removals: vec!["gone.html".into()], retiring: vec![] };
    /// assert_eq!(session.purge_keys(&plan).into_iter().collect::<Vec<_>>(), ["gone.html", "index.html"]);
    /// ```
    pub fn purge_keys(&self, plan: &Plan) -> BTreeSet<String> {
        let in_record = |key: &String| self.records.get(&shard_of(key)).is_some_and(|e| e.contains_key(key));
        let mut keys = self.state.purge.clone();
        keys.extend(
            plan.uploads
                .iter()
                .flat_map(|(_, keys)| keys.iter())
                .filter(|k| in_record(k))
                .cloned(),
        );
        keys.extend(plan.removals.iter().cloned());
        keys
    }

    /// Whether there is anything to write at all.
    pub fn is_idle(&self, plan: &Plan) -> bool {
        plan.is_empty() && self.state.unsettled.is_empty() && self.state.purge.is_empty() && !self.fresh
    }

    /// The state to write before anything changes: the shards the plan touches are unsettled
    /// (the next deploy reads them whatever their digest) and `purge` is kept until a deploy
    /// finishes and lists it.
    pub fn begin(&mut self, plan: &Plan, purge: BTreeSet<String>) -> &State {
        let touched = plan
            .uploads
            .iter()
            .flat_map(|(_, keys)| keys.iter())
            .chain(plan.removals.iter())
            .chain(plan.retiring.iter())
            .map(|k| shard_of(k));
        self.state.unsettled.extend(touched);
        self.state.purge = purge;
        &self.state
    }

    /// `key` now holds `stamp` in the bucket.
    pub fn uploaded(&mut self, key: &str, stamp: &str) {
        let shard = shard_of(key);
        self.records
            .entry(shard.clone())
            .or_default()
            .insert(key.to_string(), stamp.to_string());
        self.dirty.insert(shard);
    }

    /// `key` is gone from the bucket.
    pub fn removed(&mut self, key: &str) {
        let shard = shard_of(key);
        if let Some(entries) = self.records.get_mut(&shard) {
            if entries.remove(key).is_some() {
                self.dirty.insert(shard);
            }
        }
        self.state.retired.remove(key);
    }

    /// The records changed since the last checkpoint: write each (or remove an emptied one).
    /// Only shards this deploy read or wrote are ever written.
    pub fn take_dirty(&mut self) -> Vec<ShardWrite> {
        std::mem::take(&mut self.dirty)
            .into_iter()
            .map(|shard| {
                let entries = self.records.get(&shard).filter(|e| !e.is_empty()).cloned();
                (shard, entries)
            })
            .collect()
    }

    /// After every upload and removal: the retiring keys leave their records and wait in the
    /// state's `retired`; whatever the output has again is no longer retired. Then
    /// [`Session::take_dirty`] gives the last records to write.
    pub fn finish<'a>(&mut self, plan: &Plan, local: impl IntoIterator<Item = &'a String>) {
        for key in &plan.retiring {
            self.removed(key);
            self.state.retired.insert(key.clone(), self.started);
        }
        for key in local {
            self.state.retired.remove(key);
        }
    }

    /// The state to write last, once the records are written and the purge list is safe on
    /// disk: each shard's digest, nothing unsettled, nothing left to purge.
    pub fn final_state(&mut self, finished: String) -> &State {
        for shard in &self.to_read {
            match self.records.get(shard).filter(|e| !e.is_empty()) {
                Some(entries) => self.state.shards.insert(shard.clone(), digest(entries)),
                None => self.state.shards.remove(shard),
            };
        }
        self.state.unsettled.clear();
        self.state.purge.clear();
        self.state.finished = finished;
        &self.state
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deploy::record::by_shard;

    fn entries(pairs: &[(&str, &str)]) -> Entries {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// A bucket whose record holds `remote`, deployed to from `local`.
    fn session(remote: &Entries, local: &Entries) -> Session {
        let mut state = State {
            version: VERSION,
            ..Default::default()
        };
        for (shard, e) in by_shard(remote) {
            state.shards.insert(shard, digest(&e));
        }
        let mut s = Session::open(Some(state), &by_shard(local), 1_000);
        for shard in s.to_read.clone() {
            let e = by_shard(remote).remove(&shard).unwrap_or_default();
            s.read(shard, e);
        }
        s
    }

    #[test]
    fn reads_only_the_shards_that_differ() {
        let remote = entries(&[("index.html", "1"), ("articles/a.json", "1"), ("articles/b.json", "1")]);
        let local = entries(&[("index.html", "2"), ("articles/a.json", "1"), ("articles/b.json", "1")]);
        let s = session(&remote, &local);
        assert_eq!(s.to_read, [shard_of("index.html")].into());
        assert!(!s.fresh);
    }

    #[test]
    fn a_stopped_deploy_keeps_what_it_finished_and_the_next_compares_its_shards() {
        let remote = entries(&[("index.html", "1"), ("articles/b.json", "1")]);
        let local = entries(&[
            ("index.html", "2"),
            ("articles/a.json", "1"),
            ("articles/a/index.html", "1"),
        ]);
        let mut s = session(&remote, &local);
        let plan = s.plan(&local, |_| None);
        assert_eq!(plan.removals, ["articles/b.json"]);
        let purge = s.purge_keys(&plan);
        let begun = s.begin(&plan, purge).clone();
        assert!(begun.unsettled.contains(&shard_of("articles/a.json")) && begun.purge.contains("index.html"));
        // One upload succeeds, then the deploy stops at a checkpoint.
        s.uploaded("articles/a.json", "1");
        let written = s.take_dirty();
        assert_eq!(
            written,
            vec![(shard_of("articles/a.json"), Some(entries(&[("articles/a.json", "1")])))]
        );
        assert!(s.take_dirty().is_empty(), "written once");

        // The next deploy: the state as the first left it, the records it wrote.
        let mut bucket = by_shard(&remote);
        for (shard, e) in written {
            bucket.insert(shard, e.unwrap());
        }
        let mut next = Session::open(Some(begun), &by_shard(&local), 2_000);
        assert!(
            next.to_read.contains(&shard_of("articles/a.json")),
            "an unsettled shard is read"
        );
        for shard in next.to_read.clone() {
            next.read(shard.clone(), bucket.get(&shard).cloned().unwrap_or_default());
        }
        let plan = next.plan(&local, |_| None);
        let uploads: Vec<&String> = plan.uploads.iter().flat_map(|(_, k)| k).collect();
        assert_eq!(
            uploads,
            ["articles/a/index.html", "index.html"],
            "what the first finished is not sent again"
        );
        assert!(
            next.purge_keys(&plan).contains("index.html"),
            "the purge list carries over"
        );
    }

    #[test]
    fn removals_and_retired_keys_leave_the_record_and_the_state_settles() {
        let hashed = "app-0123456789abcdef.js";
        let remote = entries(&[("index.html", "1"), ("articles/b.json", "1"), (hashed, "1")]);
        let local = entries(&[("index.html", "1")]);
        let mut s = session(&remote, &local);
        let plan = s.plan(&local, |_| None);
        assert_eq!(
            (plan.removals.clone(), plan.retiring.clone()),
            (vec!["articles/b.json".to_string()], vec![hashed.to_string()])
        );
        let purge = s.purge_keys(&plan);
        s.begin(&plan, purge);
        s.removed("articles/b.json");
        s.finish(&plan, local.keys());
        let dirty = s.take_dirty();
        assert!(
            dirty.iter().all(|(_, e)| e.is_none()),
            "emptied shards are removed: {dirty:?}"
        );
        let state = s.final_state("then".into()).clone();
        assert_eq!(state.retired.get(hashed), Some(&1_000));
        assert!(state.unsettled.is_empty() && state.purge.is_empty());
        assert_eq!(
            state.shards.get(&shard_of("index.html")),
            Some(&digest(&entries(&[("index.html", "1")]))),
            "index.html's shard was not read: its digest stays as it was"
        );
        assert!(
            !state.shards.contains_key(&shard_of("articles/b.json")),
            "an emptied shard has no digest"
        );
    }

    #[test]
    fn a_fresh_bucket_uploads_everything_and_records_every_shard() {
        let local = entries(&[("index.html", "1"), ("articles/a.json", "1")]);
        let mut s = Session::open(None, &by_shard(&local), 0);
        let plan = s.plan(&local, |_| None);
        assert_eq!(plan.upload_count(), 2);
        assert!(!s.is_idle(&plan));
        let purge = s.purge_keys(&plan);
        assert!(purge.is_empty(), "nothing was cached");
        s.begin(&plan, purge);
        for (_, keys) in &plan.uploads {
            for k in keys {
                s.uploaded(k, "1");
            }
        }
        s.finish(&plan, local.keys());
        assert_eq!(s.take_dirty().len(), by_shard(&local).len());
        let state = s.final_state(String::new());
        assert_eq!(state.shards.len(), by_shard(&local).len());
    }
}
