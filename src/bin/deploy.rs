//! Deploys the publish's output to S3-compatible object storage (AWS S3, Cloudflare R2, Garage,
//! MinIO), uploading only what changed since the last deploy to that bucket, with the headers
//! each file needs, in an order that never shows a broken site; writes the list of public
//! addresses a CDN must purge. Compiles nothing: the code build (scripts/build.sh) leaves the
//! binary; scripts/deploy.sh runs it.
//!
//!   deploy --to s3://BUCKET[/PREFIX] [--from DIR] [--endpoint URL] [--region NAME]
//!          [--profile NAME] [--purge-list FILE] [--jobs N] [--retries N] [--timeout SECONDS]
//!          [--dry-run] [--full]
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
//! - `--retries`, `--timeout`: how often one request is tried again (default 10, with a backoff
//!   from 100 ms to 15 s) and how long one attempt may take (default 60 s), by the S3 client's
//!   own retry settings.
//! - `READER_DEPLOY_TIMINGS` (set to anything): prints how long each step took.
//! - `--dry-run`: reads the bucket's record and prints what a deploy would do, writing nothing.
//! - `--full`: compares every file, as if there were no list of changes (below): for an output
//!   changed by other means than the publish.
//!
//! After a deploy that finished, the publishes keep a list of what they change
//! (`article_reader::publish::changes`); the next deploy to the same bucket, if the bucket's
//! state is still the one it left, reads only those files, the code build's files and the
//! record's shards they fall in, never the whole manifest. Otherwise it compares everything.
//!
//! The deploy compares the output (the publish's manifest gives the hashes of the files it
//! wrote; the code build's files are hashed here) with its record in the bucket
//! (`{prefix}.deploy/`, see `article_reader::deploy::record`), so another machine, or a lost
//! local folder, uploads only what differs. The `.br` and `.gz` copies stay local: a bucket
//! cannot choose an encoding by the request's `Accept-Encoding`, so the CDN compresses.
//! A deploy stopped at any point (even `kill -9`), or by a request that failed after its
//! retries, leaves the site as it was or with new articles not yet linked, and keeps its
//! progress: the record is written at checkpoints as uploads succeed, so the next deploy sends
//! only what is left. The bookkeeping is `article_reader::deploy::session`; this file runs the
//! steps in order.

use article_reader::deploy::bucket::{self, Bucket, Patience};
use article_reader::deploy::credentials;
use article_reader::deploy::headers::{cache_control, content_type};
use article_reader::deploy::local::{self, Local};
use article_reader::deploy::plan::Plan;
use article_reader::deploy::purge;
use article_reader::deploy::record::{by_shard, shard_of, state_key, Entries, State, RETIRED_FOR};
use article_reader::deploy::session::{self, Session};
use article_reader::publish::changes::{self, Changes};
use article_reader::publish::manifest::Manifest;
use article_reader::publish::stops::Steps;
use article_reader::publish::{lock_output, pending, public_base, STATE_DIR};
use futures::{stream, StreamExt};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

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
    patience: Patience,
    dry_run: bool,
    full: bool,
}

const USAGE: &str = "usage: deploy --to s3://BUCKET[/PREFIX] [--from DIR] [--endpoint URL] [--region NAME] [--profile NAME] [--purge-list FILE] [--jobs N] [--retries N] [--timeout SECONDS] [--dry-run] [--full]";

/// A number from `range`, or a message naming the option.
fn number(name: &str, text: &str, range: std::ops::RangeInclusive<usize>) -> Result<usize, String> {
    text.parse()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| format!("{name} {text}: give a number from {} to {}", range.start(), range.end()))
}

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
        patience: Patience::default(),
        dry_run: false,
        full: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--from" => args.from = PathBuf::from(value("--from")?),
            "--to" => (args.bucket, args.prefix) = bucket::target(&value("--to")?)?,
            "--endpoint" => args.endpoint = Some(value("--endpoint")?),
            "--region" => args.region = Some(value("--region")?),
            "--profile" => args.profile = Some(value("--profile")?),
            "--purge-list" => args.purge_list = Some(PathBuf::from(value("--purge-list")?)),
            "--jobs" => args.jobs = number("--jobs", &value("--jobs")?, 1..=256)?,
            "--retries" => args.patience.retries = number("--retries", &value("--retries")?, 0..=100)?,
            "--timeout" => {
                let seconds = number("--timeout", &value("--timeout")?, 1..=3600)?;
                args.patience.timeout = Duration::from_secs(seconds as u64);
            }
            "--dry-run" => args.dry_run = true,
            "--full" => args.full = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.bucket.is_empty() {
        return Err("--to s3://BUCKET is needed".into());
    }
    Ok(args)
}

#[derive(Default)]
struct Report {
    uploaded: Vec<String>,
    removed: Vec<String>,
    retired: Vec<String>,
    purge: String,
    purge_path: PathBuf,
    objects: usize,
    /// Following the publishes' list of changes: how many files it named.
    listed: Option<usize>,
    records_read: usize,
    records_written: usize,
}

/// How often the record is written while a phase uploads (and always at its end).
const CHECKPOINT_EVERY: Duration = Duration::from_secs(20);
/// Uploads sent before the deploy looks whether a checkpoint is due.
const CHUNK: usize = 1000;

/// A mark of the deploy a list of changes counts from: the target and the state it left there.
fn mark(args: &Args, state: &[u8]) -> String {
    let target = format!(
        "{}\n{}\n{}\n",
        args.endpoint.as_deref().unwrap_or_default(),
        args.bucket,
        args.prefix
    );
    article_reader::publish::manifest::hash(&[target.as_bytes(), state].concat())
}

/// What a deploy that follows the list compares: the files of the shards the changes fall in,
/// those shards, their records as read, and every code file's stamp.
type Followed = (
    BTreeMap<String, Local>,
    BTreeSet<String>,
    BTreeMap<String, Entries>,
    BTreeMap<String, String>,
);

/// The output as a deploy that follows the publishes' list of changes sees it: the files of the
/// record's shards the changes fall in (those shards' records, with the changes applied, and the
/// code build's files as they are now), those shards, and their records. `None`: the list
/// cannot be followed (the manifest's parts it needs are missing).
async fn listed_local(args: &Args, bucket: &Bucket, list: &Changes, state: &State) -> Result<Option<Followed>, String> {
    use article_reader::publish::manifest::{self, bucket as part_of};
    let state_dir = args.from.join(STATE_DIR);
    // The top-level files the publish wrote are in the parts of the groups that make them.
    let parts = ["index", "feeds", "sitemaps"].map(part_of);
    let Some(tops) = manifest::load_buckets(&state_dir, &parts) else {
        return Ok(None);
    };
    let partial = Manifest {
        files: tops,
        ..Default::default()
    };
    let listed = local::scan(&args.from, &partial)?;
    let code = code_stamps(&listed);
    let mut changed: BTreeSet<&String> = list.written.keys().chain(list.removed.iter()).collect();
    changed.extend(
        code.iter()
            .filter(|(k, s)| list.code.get(*k) != Some(*s))
            .map(|(k, _)| k),
    );
    changed.extend(list.code.keys().filter(|k| !code.contains_key(*k)));
    let now = session::now();
    changed.extend(
        state
            .retired
            .iter()
            .filter(|(_, since)| now - **since >= RETIRED_FOR)
            .map(|(k, _)| k),
    );
    let within: BTreeSet<String> = changed.iter().map(|k| shard_of(k)).collect();
    let records = bucket.read_shards(&within, args.jobs).await?;
    let mut local: BTreeMap<String, Local> = BTreeMap::new();
    for (key, stamp) in records.values().flatten() {
        let path = args.from.join(key);
        let stamp = stamp.clone();
        local.insert(
            key.clone(),
            Local {
                path,
                stamp,
                from: None,
                hash: None,
            },
        );
    }
    for key in list
        .removed
        .iter()
        .chain(list.code.keys().filter(|k| !code.contains_key(*k)))
    {
        local.remove(key);
    }
    for (key, from) in &list.written {
        let path = args.from.join(key);
        let bytes = std::fs::read(&path).map_err(|e| {
            format!(
                "{}: {e} (the publishes' list of changes names it: publish again, or deploy with --full)",
                path.display()
            )
        })?;
        let hash = article_reader::publish::manifest::hash(&bytes);
        local.insert(key.clone(), Local::published(&args.from, key, hash, from.clone()));
    }
    for (key, file) in listed {
        if within.contains(&shard_of(&key)) {
            local.insert(key, file);
        }
    }
    Ok(Some((local, within, records, code)))
}

/// The code build's files (those the publish did not write) and their stamps.
fn code_stamps(local: &BTreeMap<String, Local>) -> BTreeMap<String, String> {
    local
        .iter()
        .filter(|(_, f)| f.from.is_none())
        .map(|(k, f)| (k.clone(), f.stamp.clone()))
        .collect()
}

async fn deploy(args: &Args, bucket: &Bucket, steps: &mut Steps) -> Result<Report, String> {
    let state_dir = args.from.join(STATE_DIR);
    steps.begin("record read");
    let state_bytes = bucket.get(&state_key()).await?;
    let state: Option<State> = state_bytes.as_ref().and_then(|b| serde_json::from_slice(b).ok());
    if state_bytes.is_none() {
        bucket.check().await?;
    }
    // The publishes' list of changes, if it counts from the state the bucket holds.
    let list = changes::read(&state_dir)
        .filter(|_| !args.full)
        .filter(|l| state_bytes.as_deref().is_some_and(|b| l.base == mark(args, b)));

    steps.begin("scan");
    let followed = match (&list, &state) {
        (Some(list), Some(state)) => listed_local(args, bucket, list, state).await?,
        _ => None,
    };
    let (local, within, mut records, code) = match followed {
        Some((local, within, records, code)) => (local, Some(within), records, code),
        None => {
            let manifest = article_reader::publish::manifest::load(&state_dir).ok_or_else(|| {
                format!(
                    "{}: not a whole manifest of this version: publish again",
                    state_dir.join("manifest.json").display()
                )
            })?;
            let local = local::scan(&args.from, &manifest)?;
            let code = code_stamps(&local);
            (local, None, BTreeMap::new(), code)
        }
    };
    let local_entries: Entries = local.iter().map(|(k, f)| (k.clone(), f.stamp.clone())).collect();
    let mut session = Session::open_within(state, &by_shard(&local_entries), session::now(), within.as_ref());
    let mut report = Report {
        objects: local.len(),
        listed: within
            .as_ref()
            .and(list.as_ref())
            .map(|l| l.written.len() + l.removed.len()),
        records_read: usize::from(state_bytes.is_some()) + records.len(),
        purge_path: args
            .purge_list
            .clone()
            .unwrap_or_else(|| args.from.join(STATE_DIR).join("purge.txt")),
        ..Default::default()
    };
    if !session.fresh {
        let unread: BTreeSet<String> = session
            .to_read
            .iter()
            .filter(|s| !records.contains_key(*s))
            .cloned()
            .collect();
        for (shard, entries) in bucket.read_shards(&unread, args.jobs).await? {
            records.insert(shard, entries);
            report.records_read += 1;
        }
        for shard in session.to_read.clone() {
            session.read(shard.clone(), records.remove(&shard).unwrap_or_default());
        }
    }
    let work: Plan = session.plan(&local_entries, |key| local.get(key).and_then(|f| f.from.as_deref()));
    let purge_keys = session.purge_keys(&work);
    report.purge = purge::list(&public_base(), purge_keys.iter());
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
        return Ok(report);
    }
    if session.is_idle(&work) {
        purge::write(&report.purge_path, &report.purge)?;
        // The bucket mirrors the output: the list counts from here.
        if let Some(bytes) = &state_bytes {
            remember(args, bytes, code)?;
        }
        return Ok(report);
    }

    // Before anything changes: the shards this deploy touches, and what it may change.
    steps.begin("state");
    bucket.put_json(&state_key(), session.begin(&work, purge_keys)).await?;
    report.records_written += 1;

    // Pictures and code, articles, then what names them; the record follows at checkpoints.
    for (phase, keys) in &work.uploads {
        steps.begin(phase.name());
        upload(args, bucket, &local, keys, &mut session, &mut report).await?;
        eprintln!("deploy: {} {} uploaded", keys.len(), phase.name());
    }

    // Last, what nothing names any more.
    steps.begin("removals");
    let results: Vec<(&String, Result<(), String>)> = stream::iter(work.removals.iter())
        .map(|key| async move { (key, bucket.delete(key).await) })
        .buffer_unordered(args.jobs)
        .collect()
        .await;
    let failed = settle(results, |key| session.removed(key));
    report.records_written += bucket.write_shards(session.take_dirty(), args.jobs).await?;
    if let Some(message) = failed {
        return Err(message);
    }
    report.removed = work.removals.clone();
    report.retired = work.retiring.clone();

    steps.begin("records");
    session.finish(&work, local.keys());
    report.records_written += bucket.write_shards(session.take_dirty(), args.jobs).await?;
    // The purge list is safe on disk before the record forgets it.
    steps.begin("purge list");
    purge::write(&report.purge_path, &report.purge)?;
    let finished = chrono::DateTime::from_timestamp(session::now(), 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default();
    let state_bytes = serde_json::to_vec(session.final_state(finished)).map_err(|e| e.to_string())?;
    // From now on the publishes list what they change, for the next deploy. The list is written
    // before the state it counts from: a deploy stopped in between leaves a list the bucket's
    // state does not match (the next deploy compares everything and still has the record's
    // purge keys), never a finished deploy whose purge list a later one forgets.
    steps.begin("list of changes");
    remember(args, &state_bytes, code)?;
    steps.begin("state");
    bucket
        .put(&state_key(), state_bytes, "application/json", "no-cache")
        .await?;
    report.records_written += 1;
    steps.end();
    Ok(report)
}

/// Starts the publishes' list of changes from this deploy: the state it left in the bucket, and
/// every code build's file as it sent them.
fn remember(args: &Args, state: &[u8], code: BTreeMap<String, String>) -> Result<(), String> {
    let state_dir = args.from.join(STATE_DIR);
    let list = Changes {
        base: mark(args, state),
        code,
        ..Default::default()
    };
    changes::write(&state_dir, &list)
}

/// Uploads one phase's keys, a chunk at a time. Each success is recorded in the session, and
/// the record is written every [`CHECKPOINT_EVERY`], at the phase's end, and before a failure
/// stops the deploy: the next deploy sends only what is left.
async fn upload(
    args: &Args,
    bucket: &Bucket,
    local: &BTreeMap<String, Local>,
    keys: &[String],
    session: &mut Session,
    report: &mut Report,
) -> Result<(), String> {
    let mut checkpoint = Instant::now();
    for (n, chunk) in keys.chunks(CHUNK).enumerate() {
        let results: Vec<(&String, Result<(), String>)> = stream::iter(chunk.iter())
            .map(|key| async move {
                let file = &local[key];
                let sent = match file.read(key) {
                    Ok(bytes) => bucket.put(key, bytes, content_type(key), cache_control(key)).await,
                    Err(e) => Err(e),
                };
                (key, sent)
            })
            .buffer_unordered(args.jobs)
            .collect()
            .await;
        let failed = settle(results, |key| {
            session.uploaded(key, &local[key].stamp);
            report.uploaded.push(key.clone());
        });
        let last = (n + 1) * CHUNK >= keys.len();
        if failed.is_some() || last || checkpoint.elapsed() >= CHECKPOINT_EVERY {
            report.records_written += bucket.write_shards(session.take_dirty(), args.jobs).await?;
            checkpoint = Instant::now();
        }
        if let Some(message) = failed {
            return Err(message);
        }
    }
    Ok(())
}

/// Records each success with `done`; returns the message for the failures, if any.
fn settle(results: Vec<(&String, Result<(), String>)>, mut done: impl FnMut(&String)) -> Option<String> {
    let total = results.len();
    let mut failures = Vec::new();
    for (key, result) in results {
        match result {
            Ok(()) => done(key),
            Err(e) => failures.push(e),
        }
    }
    let first = failures.first()?;
    Some(format!(
        "{} of {total} requests failed after their retries; what succeeded is recorded and the site is whole \
         (nothing names what is missing): run the deploy again to finish.\n  first failure: {first}",
        failures.len()
    ))
}

fn run(args: &Args, steps: &mut Steps) -> Result<Report, String> {
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
    let waiting = format!(
        "deploy: a publish is writing {}: waiting for it to finish…",
        args.from.display()
    );
    let _lock = lock_output(&state, &waiting)?;
    if pending::path(&state).exists() {
        return Err(format!(
            "the last publish into {} did not finish: run scripts/publish.sh again, then deploy",
            args.from.display()
        ));
    }
    let connection = credentials::connection(
        args.profile.as_deref(),
        args.endpoint.as_deref(),
        args.region.as_deref(),
    )?;
    let bucket = Bucket::open(&args.bucket, &args.prefix, connection, args.patience)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(deploy(args, &bucket, steps))
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
    let mut steps = Steps::start();
    let result = run(&args, &mut steps);
    if std::env::var_os("READER_DEPLOY_TIMINGS").is_some() {
        eprintln!("deploy: {}", steps.line());
    }
    match result {
        Ok(report) => {
            let urls: Vec<String> = report.purge.lines().map(str::to_string).collect();
            for (verb, keys) in [
                ("uploaded", &report.uploaded),
                ("removed", &report.removed),
                ("kept a week (no longer in the output)", &report.retired),
                ("purge", &urls),
            ] {
                if keys.len() <= 200 {
                    keys.iter().for_each(|key| println!("{verb} {key}"));
                }
            }
            let urls = urls.len();
            println!(
                "deploy: {} of {} files uploaded, {} removed{} to s3://{}/{} in {:.1} s ({} record objects read, {} written); {} addresses to purge in {}{}",
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
                report.purge_path.display(),
                match report.listed {
                    Some(n) => format!(
                        "; followed the publishes' list of {n} changes (the files counted are those of the record's shards they fall in)"
                    ),
                    None => String::new(),
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("deploy: {e}");
            ExitCode::FAILURE
        }
    }
}
