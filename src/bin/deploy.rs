//! Deploys the publish's output to S3-compatible object storage (AWS S3, Cloudflare R2, Garage,
//! MinIO), uploading only what changed since the last deploy to that bucket, with the headers
//! each file needs, in an order that never shows a broken site; writes the list of public
//! addresses a CDN must purge. Compiles nothing: the code build (scripts/build.sh) leaves the
//! binary; scripts/deploy.sh runs it.
//!
//!   deploy --to s3://BUCKET[/PREFIX] [--from DIR] [--endpoint URL] [--region NAME]
//!          [--profile NAME] [--purge-list FILE] [--jobs N] [--dry-run]
//!
//! - `--from`: the output of the last publish (default `dist`); the deploy holds its lock, so
//!   a publish waits for it and it waits for a publish.
//! - `--to`: the bucket and the folder in it the site is served from.
//! - `--endpoint`, `--region`, `--profile`: the S3 service, when not AWS's own (also from
//!   `AWS_ENDPOINT_URL_S3`/`AWS_ENDPOINT_URL`, `AWS_REGION`, `AWS_PROFILE`). Credentials come
//!   from `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN` or a profile of
//!   `~/.aws/credentials`, and are never printed.
//! - `--purge-list`: where the purge list goes (default `.publish/purge.txt` in the output);
//!   it is printed too.
//! - `--dry-run`: reads the bucket's record and prints what a deploy would do, writing nothing.
//!
//! The deploy compares the output (the publish's manifest gives the hashes of the files it
//! wrote; the code build's files are hashed here) with its record in the bucket
//! (`{prefix}.deploy/`, see `article_reader::deploy::record`), so another machine, or a lost
//! local folder, uploads only what differs. The `.br` and `.gz` copies stay local: a bucket
//! cannot choose an encoding by the request's `Accept-Encoding`, so the CDN compresses.
//! A deploy stopped at any point (even `kill -9`) leaves the site as it was or with new
//! articles not yet linked, and the next deploy finishes the job.

use article_reader::deploy::{
    failure::{classify, Failure},
    headers::{cache_control, content_type},
    plan::{plan, Plan},
    purge,
    record::{self, by_shard, digest, shard_key, shard_of, stamp, state_key, Entries, State},
};
use article_reader::publish::manifest::{self, Manifest};
use article_reader::publish::{lock_output, public_base, STATE_DIR};
use futures::{stream, StreamExt, TryStreamExt};
use object_store::{
    aws::{AmazonS3, AmazonS3Builder},
    path::Path as Key,
    Attribute, Attributes, BackoffConfig, ClientOptions, ObjectStore, ObjectStoreExt, PutOptions, PutPayload,
    RetryConfig,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

#[path = "deploy/credentials.rs"]
mod credentials;

use credentials::Connection;

struct Args {
    from: PathBuf,
    bucket: String,
    /// The folder in the bucket: `""` or ending in `/`.
    prefix: String,
    endpoint: Option<String>,
    region: Option<String>,
    profile: Option<String>,
    purge_list: Option<PathBuf>,
    jobs: usize,
    dry_run: bool,
}

const USAGE: &str = "usage: deploy --to s3://BUCKET[/PREFIX] [--from DIR] [--endpoint URL] [--region NAME] [--profile NAME] [--purge-list FILE] [--jobs N] [--dry-run]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        from: PathBuf::from("dist"),
        bucket: String::new(),
        prefix: String::new(),
        endpoint: None,
        region: None,
        profile: None,
        purge_list: None,
        jobs: 16,
        dry_run: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--from" => args.from = PathBuf::from(value("--from")?),
            "--to" => {
                let to = value("--to")?;
                let rest = to
                    .strip_prefix("s3://")
                    .ok_or_else(|| format!("--to {to}: give the bucket as s3://BUCKET or s3://BUCKET/FOLDER"))?;
                let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
                let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.');
                if bucket.len() < 3 || bucket.len() > 63 || !bucket.chars().all(valid) {
                    return Err(format!(
                        "--to {to}: \"{bucket}\" is no bucket name (3 to 63 lower-case letters, digits, dots and hyphens)"
                    ));
                }
                let prefix = prefix.trim_matches('/');
                if prefix.split('/').any(|s| s == "." || s == "..") || prefix.contains("//") {
                    return Err(format!("--to {to}: the folder may not hold empty, . or .. parts"));
                }
                args.bucket = bucket.to_string();
                args.prefix = if prefix.is_empty() {
                    String::new()
                } else {
                    format!("{prefix}/")
                };
            }
            "--endpoint" => args.endpoint = Some(value("--endpoint")?),
            "--region" => args.region = Some(value("--region")?),
            "--profile" => args.profile = Some(value("--profile")?),
            "--purge-list" => args.purge_list = Some(PathBuf::from(value("--purge-list")?)),
            "--jobs" => {
                let text = value("--jobs")?;
                args.jobs = text
                    .parse()
                    .ok()
                    .filter(|n| (1..=256).contains(n))
                    .ok_or_else(|| format!("--jobs {text}: give a number from 1 to 256"))?;
            }
            "--dry-run" => args.dry_run = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.bucket.is_empty() {
        return Err("--to s3://BUCKET is needed".into());
    }
    Ok(args)
}

/// One file of the output to deploy.
struct Local {
    path: PathBuf,
    stamp: String,
    /// What the publish made it from (its manifest's `from`); `None` for the code build's files.
    from: Option<String>,
}

/// Every file of the output but the publish's own folder and the compressed copies, with its
/// stamp: what the publish wrote from its manifest (with its hash; its folders are not listed,
/// which at 100,000 articles would be 1.3 million files), and the code build's files, listed
/// and hashed here.
fn scan(root: &Path, manifest: &Manifest) -> Result<BTreeMap<String, Local>, String> {
    let mut files = BTreeMap::new();
    for (key, file) in &manifest.files {
        let stamp = stamp(&file.hash, content_type(key), cache_control(key));
        let from = Some(file.from.clone());
        files.insert(
            key.clone(),
            Local {
                path: root.join(key),
                stamp,
                from,
            },
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
            if copy.is_some_and(|original| names.contains(original)) {
                continue;
            }
            if files.contains_key(&key) {
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
                },
            );
        }
    }
    Ok(files)
}

/// Writes done so far (uploads, removals, records), for the kill test
/// (`READER_DEPLOY_KILL_AFTER=N` stops the process at once after the Nth).
static WRITES: AtomicUsize = AtomicUsize::new(0);

fn count_write() {
    let done = WRITES.fetch_add(1, Ordering::SeqCst) + 1;
    if std::env::var("READER_DEPLOY_KILL_AFTER")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        == Some(done)
    {
        eprintln!("deploy: stopped after {done} writes (READER_DEPLOY_KILL_AFTER)");
        std::process::abort();
    }
}

/// The bucket, and how to name it and its failures in messages.
struct Bucket {
    store: AmazonS3,
    name: String,
    prefix: String,
    endpoint: String,
    source: String,
    secret: String,
}

impl Bucket {
    fn open(args: &Args, connection: Connection) -> Result<Bucket, String> {
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(&args.bucket)
            .with_region(&connection.region)
            .with_access_key_id(&connection.key_id)
            .with_secret_access_key(&connection.secret)
            .with_retry(RetryConfig {
                backoff: BackoffConfig::default(),
                max_retries: 3,
                retry_timeout: Duration::from_secs(30),
            })
            .with_client_options(
                ClientOptions::new()
                    .with_connect_timeout(Duration::from_secs(5))
                    .with_timeout(Duration::from_secs(120)),
            );
        if let Some(token) = &connection.token {
            builder = builder.with_token(token);
        }
        let endpoint = match &connection.endpoint {
            Some(url) => {
                builder = builder.with_endpoint(url).with_allow_http(url.starts_with("http://"));
                url.clone()
            }
            None => format!("AWS S3 ({})", connection.region),
        };
        let store = builder
            .build()
            .map_err(|e| format!("cannot use bucket {}: {e}", args.bucket))?;
        Ok(Bucket {
            store,
            name: args.bucket.clone(),
            prefix: args.prefix.clone(),
            endpoint,
            source: connection.source,
            secret: connection.secret,
        })
    }

    fn key(&self, key: &str) -> Result<Key, String> {
        Key::parse(format!("{}{key}", self.prefix)).map_err(|e| format!("{key}: no object name: {e}"))
    }

    /// A failure, named by what to fix; never with the secret.
    fn explain(&self, what: &str, error: object_store::Error) -> String {
        let detail = error
            .to_string()
            .replace(&self.secret, "***")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let refused = matches!(
            error,
            object_store::Error::Unauthenticated { .. } | object_store::Error::PermissionDenied { .. }
        );
        let message = match classify(refused, &detail) {
            Failure::NoBucket => format!(
                "the bucket {} does not exist at {}: create it, or fix --to (or --endpoint)",
                self.name, self.endpoint
            ),
            Failure::Refused => format!(
                "{} refused the credentials from {} for bucket {}: check the key id, the secret and their rights on the bucket",
                self.endpoint, self.source, self.name
            ),
            Failure::Unreachable => format!(
                "cannot reach {}: check --endpoint (or AWS_ENDPOINT_URL) and the network",
                self.endpoint
            ),
            Failure::Other => format!("{what} in bucket {} at {} failed", self.name, self.endpoint),
        };
        format!("{message}\n  ({what}: {detail})")
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        match self.store.get(&self.key(key)?).await {
            Ok(result) => Ok(Some(
                result
                    .bytes()
                    .await
                    .map_err(|e| self.explain(&format!("reading {key}"), e))?
                    .to_vec(),
            )),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(self.explain(&format!("reading {key}"), e)),
        }
    }

    async fn put(
        &self,
        key: &str,
        bytes: Vec<u8>,
        content_type: &'static str,
        cache_control: &'static str,
    ) -> Result<(), String> {
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, content_type.into());
        attributes.insert(Attribute::CacheControl, cache_control.into());
        self.store
            .put_opts(
                &self.key(key)?,
                PutPayload::from(bytes),
                PutOptions {
                    attributes,
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| self.explain(&format!("writing {key}"), e))?;
        count_write();
        Ok(())
    }

    async fn delete(&self, key: &str) -> Result<(), String> {
        match self.store.delete(&self.key(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => {
                count_write();
                Ok(())
            }
            Err(e) => Err(self.explain(&format!("removing {key}"), e)),
        }
    }

    async fn put_json<T: serde::Serialize>(&self, key: &str, value: &T) -> Result<(), String> {
        let bytes = serde_json::to_vec(value).map_err(|e| e.to_string())?;
        self.put(key, bytes, "application/json", "no-cache").await
    }

    /// Fails, naming what to fix, when the bucket is missing, the credentials are refused or
    /// the endpoint cannot be reached; asked only when the bucket holds no record yet (one
    /// request, one page of the listing).
    async fn check(&self) -> Result<(), String> {
        let prefix = Key::parse(&self.prefix).map_err(|e| e.to_string())?;
        match self.store.list(Some(&prefix)).next().await {
            None | Some(Ok(_)) => Ok(()),
            Some(Err(e)) => Err(self.explain("listing the folder", e)),
        }
    }
}

#[derive(Default)]
struct Report {
    uploaded: Vec<String>,
    removed: Vec<String>,
    retired: Vec<String>,
    purge: String,
    purge_path: PathBuf,
    objects: usize,
    records_read: usize,
    records_written: usize,
}

/// Seconds since the epoch (READER_DEPLOY_NOW sets them, for the test of retired files).
fn now() -> i64 {
    std::env::var("READER_DEPLOY_NOW")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or_default()
        })
}

async fn deploy(args: &Args, bucket: &Bucket, manifest: &Manifest) -> Result<Report, String> {
    let local = scan(&args.from, manifest)?;
    let local_entries: Entries = local.iter().map(|(k, f)| (k.clone(), f.stamp.clone())).collect();
    let local_shards = by_shard(&local_entries);

    let state_bytes = bucket.get(&state_key()).await?;
    let mut state: State = match &state_bytes {
        Some(bytes) => serde_json::from_slice(bytes)
            .ok()
            .filter(|s: &State| s.version == record::VERSION)
            .unwrap_or_default(),
        None => {
            bucket.check().await?;
            State::default()
        }
    };
    let fresh = state.version != record::VERSION;
    state.version = record::VERSION;

    // The shards to compare: whose digest differs, and those a stopped deploy was changing.
    let empty = Entries::new();
    let mut to_read: BTreeSet<String> = state.unsettled.clone();
    for shard in local_shards.keys().chain(state.shards.keys()) {
        let mine = local_shards.get(shard).map(digest).unwrap_or_else(|| digest(&empty));
        let theirs = state.shards.get(shard).cloned().unwrap_or_else(|| digest(&empty));
        if mine != theirs {
            to_read.insert(shard.clone());
        }
    }
    let records: BTreeMap<String, Entries> = if fresh {
        BTreeMap::new()
    } else {
        stream::iter(to_read.iter().cloned())
            .map(|shard| async move {
                let bytes = bucket.get(&shard_key(&shard)).await?;
                let entries: Entries = match bytes {
                    Some(b) => serde_json::from_slice(&b).map_err(|e| format!("the record's shard {shard} is damaged ({e}): remove {}.deploy/ from the bucket to start over", bucket.prefix))?,
                    None => Entries::new(),
                };
                Ok::<_, String>((shard, entries))
            })
            .buffer_unordered(args.jobs)
            .try_collect()
            .await?
    };
    let mut report = Report {
        objects: local.len(),
        records_read: records.len() + usize::from(state_bytes.is_some()),
        ..Default::default()
    };
    let compared_local: Entries = local_entries
        .iter()
        .filter(|(k, _)| to_read.contains(&shard_of(k)))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let remote: Entries = records
        .values()
        .flat_map(|e| e.iter().map(|(k, v)| (k.clone(), v.clone())))
        .collect();
    let started = now();
    let work: Plan = plan(&compared_local, &remote, &state.retired, started, |key| {
        local.get(key).and_then(|f| f.from.as_deref())
    });

    // Changed or removed objects the CDN may hold, with those of a deploy that stopped.
    let mut purge_keys: BTreeSet<String> = state.purge.clone();
    purge_keys.extend(
        work.uploads
            .iter()
            .flat_map(|(_, keys)| keys.iter())
            .filter(|k| remote.contains_key(*k))
            .cloned(),
    );
    purge_keys.extend(work.removals.iter().cloned());
    report.purge_path = args
        .purge_list
        .clone()
        .unwrap_or_else(|| args.from.join(STATE_DIR).join("purge.txt"));

    if args.dry_run {
        for (phase, keys) in &work.uploads {
            for key in keys {
                println!("would upload ({}) {key}", phase.name());
            }
        }
        for key in &work.removals {
            println!("would remove {key}");
        }
        report.uploaded = work.uploads.into_iter().flat_map(|(_, k)| k).collect();
        report.removed = work.removals;
        report.purge = purge::list(&public_base(), purge_keys.iter());
        return Ok(report);
    }
    if work.is_empty() && state.unsettled.is_empty() && state.purge.is_empty() && !fresh {
        report.purge = purge::list(&public_base(), purge_keys.iter());
        write_purge(&report)?;
        return Ok(report);
    }

    // Before anything changes: mark the shards this deploy touches, and what it may change.
    let touched: BTreeSet<String> = work
        .uploads
        .iter()
        .flat_map(|(_, keys)| keys.iter())
        .chain(work.removals.iter())
        .chain(work.retiring.iter())
        .map(|k| shard_of(k))
        .collect();
    state.unsettled.extend(touched.iter().cloned());
    state.purge = purge_keys.clone();
    bucket.put_json(&state_key(), &state).await?;
    report.records_written += 1;

    // The records are written once, after the uploads and removals: a deploy stopped before
    // that leaves its shards unsettled, and the next one compares them file by file.
    let mut records = records;
    let mut changed = BTreeSet::new();
    let local = &local;
    for (phase, keys) in &work.uploads {
        stream::iter(keys.iter())
            .map(|key| async move {
                let file = &local[key];
                let bytes = tokio::fs::read(&file.path)
                    .await
                    .map_err(|e| format!("{}: {e}", file.path.display()))?;
                bucket.put(key, bytes, content_type(key), cache_control(key)).await
            })
            .buffer_unordered(args.jobs)
            .try_collect::<Vec<()>>()
            .await?;
        for key in keys {
            let shard = shard_of(key);
            records
                .entry(shard.clone())
                .or_default()
                .insert(key.clone(), local[key].stamp.clone());
            changed.insert(shard);
        }
        report.uploaded.extend(keys.iter().cloned());
        eprintln!("deploy: {} {} uploaded", keys.len(), phase.name());
    }

    // Last, what nothing names any more.
    stream::iter(work.removals.iter())
        .map(|key| bucket.delete(key))
        .buffer_unordered(args.jobs)
        .try_collect::<Vec<()>>()
        .await?;
    // Only shards that were read name these keys (a retired file's key left its shard when it
    // was retired): their records lose them.
    for key in work.removals.iter().chain(work.retiring.iter()) {
        let shard = shard_of(key);
        if let Some(entries) = records.get_mut(&shard) {
            if entries.remove(key).is_some() {
                changed.insert(shard);
            }
        }
        state.retired.remove(key);
    }
    for key in &work.retiring {
        state.retired.insert(key.clone(), started);
    }
    for key in local.keys() {
        state.retired.remove(key);
    }
    report.records_written += write_records(bucket, &records, &changed, args.jobs).await?;
    report.removed = work.removals.clone();
    report.retired = work.retiring.clone();

    for shard in &to_read {
        match records.get(shard).filter(|e| !e.is_empty()) {
            Some(entries) => state.shards.insert(shard.clone(), digest(entries)),
            None => state.shards.remove(shard),
        };
    }
    report.purge = purge::list(&public_base(), purge_keys.iter());
    // The purge list is safe on disk before the record forgets it.
    write_purge(&report)?;
    state.unsettled.clear();
    state.purge.clear();
    state.finished = chrono::DateTime::from_timestamp(now(), 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default();
    bucket.put_json(&state_key(), &state).await?;
    report.records_written += 1;
    Ok(report)
}

/// Writes the records of the shards in `changed` (an emptied shard is removed).
async fn write_records(
    bucket: &Bucket,
    records: &BTreeMap<String, Entries>,
    changed: &BTreeSet<String>,
    jobs: usize,
) -> Result<usize, String> {
    stream::iter(changed.iter())
        .map(|shard| async move {
            let key = shard_key(shard);
            match records.get(shard) {
                Some(entries) if !entries.is_empty() => bucket.put_json(&key, entries).await,
                Some(_) => bucket.delete(&key).await,
                // A shard this deploy never read is never written.
                None => Ok(()),
            }
        })
        .buffer_unordered(jobs)
        .try_collect::<Vec<()>>()
        .await?;
    Ok(changed.len())
}

fn write_purge(report: &Report) -> Result<(), String> {
    let path = &report.purge_path;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, &report.purge).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(args: &Args) -> Result<Report, String> {
    let state = args.from.join(STATE_DIR);
    let manifest_path = state.join("manifest.json");
    if !manifest_path.is_file() {
        return Err(format!(
            "{} holds no publish (no {}): build and publish first (scripts/build.sh, scripts/publish.sh)",
            args.from.display(),
            manifest_path.display()
        ));
    }
    // One writer of the output at a time: a publish waits for the deploy, and it for a publish.
    let _lock = lock_output(
        &state,
        &format!(
            "deploy: a publish is writing {}: waiting for it to finish…",
            args.from.display()
        ),
    )?;
    if state.join("pending.json").exists() {
        return Err(format!(
            "the last publish into {} did not finish: run scripts/publish.sh again, then deploy",
            args.from.display()
        ));
    }
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(&manifest_path).map_err(|e| format!("{}: {e}", manifest_path.display()))?)
            .map_err(|e| format!("{}: {e}: publish again", manifest_path.display()))?;
    let connection = credentials::connection(
        args.profile.as_deref(),
        args.endpoint.as_deref(),
        args.region.as_deref(),
    )?;
    let bucket = Bucket::open(args, connection)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(deploy(args, &bucket, &manifest))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("deploy: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    match run(&args) {
        Ok(report) => {
            let listed = |verb: &str, keys: &[String]| {
                if keys.len() <= 200 {
                    for key in keys {
                        println!("{verb} {key}");
                    }
                }
            };
            listed("uploaded", &report.uploaded);
            listed("removed", &report.removed);
            listed("kept a week (no longer in the output)", &report.retired);
            let urls = report.purge.lines().count();
            if urls > 0 && urls <= 200 {
                print!(
                    "{}",
                    report.purge.lines().map(|u| format!("purge {u}\n")).collect::<String>()
                );
            }
            println!(
                "deploy: {} of {} files uploaded, {} removed{} to s3://{}/{} in {:.1} s ({} record objects read, {} written); {} addresses to purge in {}",
                report.uploaded.len(),
                report.objects,
                report.removed.len(),
                if args.dry_run { " (dry run: nothing written)" } else { "" },
                args.bucket,
                args.prefix,
                started.elapsed().as_secs_f64(),
                report.records_read,
                report.records_written,
                urls,
                report.purge_path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("deploy: {e}");
            ExitCode::FAILURE
        }
    }
}
