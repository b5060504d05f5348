//! The bucket, through the `object_store` crate's S3 client: reads, writes and removals of
//! objects under the deploy's folder, each retried by the client itself (its `RetryConfig`:
//! server errors, 429 and SlowDown, connection failures and, for idempotent requests such as
//! a PUT that replaces an object, timeouts and resets), and failures named by what to fix,
//! never with the secret.

use super::credentials::Connection;
use super::failure::{classify_after, Failure};
use super::record::{shard_key, Entries, FOLDER};
use super::session::ShardWrite;
use crate::publish::stops;
use futures::StreamExt;
use object_store::{
    aws::{AmazonS3, AmazonS3Builder},
    path::Path as Key,
    Attribute, Attributes, BackoffConfig, ClientOptions, ObjectStore, ObjectStoreExt, PutOptions, PutPayload,
    RetryConfig,
};
use std::time::Duration;

/// How hard the client tries before a request fails.
#[derive(Clone, Copy, Debug)]
pub struct Patience {
    /// Retries of one request (object_store's `max_retries`).
    pub retries: usize,
    /// How long one attempt may take before it is given up and retried (the client's timeout).
    pub timeout: Duration,
}

impl Default for Patience {
    fn default() -> Self {
        Patience {
            retries: 10,
            timeout: Duration::from_secs(60),
        }
    }
}

impl Patience {
    /// The client's retry settings: backoff from 100 ms doubling up to 15 s (object_store's
    /// defaults), `retries` retries, and no retry begun after 3 minutes on one request.
    pub fn retry_config(&self) -> RetryConfig {
        RetryConfig {
            backoff: BackoffConfig::default(),
            max_retries: self.retries,
            retry_timeout: Duration::from_secs(180),
        }
    }
}

/// `s3://BUCKET[/FOLDER]` → the bucket and the folder (`""` or ending in `/`), or what is wrong.
///
/// ```
/// use article_reader::deploy::bucket::target;
/// assert_eq!(target("s3://news/www/").unwrap(), ("news".to_string(), "www/".to_string()));
/// assert_eq!(target("s3://news").unwrap(), ("news".to_string(), String::new()));
/// assert!(target("news").unwrap_err().contains("give the bucket as s3://BUCKET"));
/// assert!(target("s3://News_Room").unwrap_err().contains("is no bucket name"));
/// assert!(target("s3://news/a/../b").unwrap_err().contains("may not hold empty, . or .. parts"));
/// ```
pub fn target(to: &str) -> Result<(String, String), String> {
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
    Ok((
        bucket.to_string(),
        if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        },
    ))
}

/// Rounds of reading or writing the record's shards before a deploy gives up (each request
/// also retried by the client): without its record a deploy can do nothing, and a lost
/// checkpoint is progress the next deploy does again.
pub const ROUNDS: usize = 3;

/// What reading an object gave: its bytes, none, or the failure's message.
type Read = Result<Option<Vec<u8>>, String>;

pub struct Bucket {
    store: AmazonS3,
    pub name: String,
    /// The folder in the bucket: `""` or ending in `/`.
    pub prefix: String,
    endpoint: String,
    source: String,
    secret: String,
    /// Whether the store has answered a request of this deploy.
    answered: std::sync::atomic::AtomicBool,
}

impl Bucket {
    pub fn open(name: &str, prefix: &str, connection: Connection, patience: Patience) -> Result<Bucket, String> {
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(name)
            .with_region(&connection.region)
            .with_access_key_id(&connection.key_id)
            .with_secret_access_key(&connection.secret)
            .with_retry(patience.retry_config())
            .with_client_options(
                ClientOptions::new()
                    .with_connect_timeout(Duration::from_secs(5))
                    .with_timeout(patience.timeout),
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
        let store = builder.build().map_err(|e| format!("cannot use bucket {name}: {e}"))?;
        Ok(Bucket {
            store,
            name: name.to_string(),
            prefix: prefix.to_string(),
            endpoint,
            source: connection.source,
            secret: connection.secret,
            answered: std::sync::atomic::AtomicBool::new(false),
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
        let answered = self.answered.load(std::sync::atomic::Ordering::Relaxed);
        let message = match classify_after(refused, answered, &detail) {
            Failure::NoBucket => format!(
                "the bucket {} does not exist at {}: create it, or fix --to (or --endpoint)",
                self.name, self.endpoint
            ),
            Failure::Refused => format!(
                "{} refused the credentials from {} for bucket {}: check the key id, the secret and their rights on the bucket",
                self.endpoint, self.source, self.name
            ),
            Failure::Unreachable => format!(
                "cannot reach {}: check --endpoint (or AWS_ENDPOINT_URL) and the network; if they are right, the \
                 store is not answering: run the deploy again later",
                self.endpoint
            ),
            Failure::Stopped => format!(
                "{} stopped answering (after the client's retries): what this deploy did is kept and the site is whole; \
                 run the deploy again to finish",
                self.endpoint
            ),
            Failure::Other => format!(
                "{what} in bucket {} at {} failed: what this deploy did is kept and the site is whole; run the deploy \
                 again to finish",
                self.name, self.endpoint
            ),
        };
        format!("{message}\n  ({what}: {detail})")
    }

    /// Remembers that the store answered (a success, or an answer such as "not found").
    fn note_answer<T>(&self, result: &Result<T, object_store::Error>) {
        if matches!(result, Ok(_) | Err(object_store::Error::NotFound { .. })) {
            self.answered.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// An object's bytes; `None` when there is none.
    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        let found = self.store.get(&self.key(key)?).await;
        self.note_answer(&found);
        match found {
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

    /// Writes an object with its headers.
    pub async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str, cache_control: &str) -> Result<(), String> {
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, content_type.to_string().into());
        attributes.insert(Attribute::CacheControl, cache_control.to_string().into());
        let options = PutOptions {
            attributes,
            ..Default::default()
        };
        let written = self
            .store
            .put_opts(&self.key(key)?, PutPayload::from(bytes), options)
            .await;
        self.note_answer(&written);
        written.map_err(|e| self.explain(&format!("writing {key}"), e))?;
        stops::point(|| format!("wrote {key}"));
        Ok(())
    }

    /// Removes an object (one already gone is fine).
    pub async fn delete(&self, key: &str) -> Result<(), String> {
        let removed = self.store.delete(&self.key(key)?).await;
        self.note_answer(&removed);
        match removed {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => {
                stops::point(|| format!("removed {key}"));
                Ok(())
            }
            Err(e) => Err(self.explain(&format!("removing {key}"), e)),
        }
    }

    /// Writes a JSON object of the deploy's record (never cached).
    pub async fn put_json<T: serde::Serialize>(&self, key: &str, value: &T) -> Result<(), String> {
        let bytes = serde_json::to_vec(value).map_err(|e| e.to_string())?;
        self.put(key, bytes, "application/json", "no-cache").await
    }

    /// Fails, naming what to fix, when the bucket is missing, the credentials are refused or
    /// the endpoint cannot be reached; asked only when the bucket holds no record yet (one
    /// request, one page of the listing).
    pub async fn check(&self) -> Result<(), String> {
        let prefix = Key::parse(&self.prefix).map_err(|e| e.to_string())?;
        match self.store.list(Some(&prefix)).next().await {
            None | Some(Ok(_)) => Ok(()),
            Some(Err(e)) => Err(self.explain("listing the folder", e)),
        }
    }

    /// Reads the record's shards `shards` (`jobs` at a time); a shard with no object is empty.
    /// A read that fails after the client's retries is tried again in up to [`ROUNDS`] rounds:
    /// every later step needs the whole record of what it compares.
    pub async fn read_shards(
        &self,
        shards: &std::collections::BTreeSet<String>,
        jobs: usize,
    ) -> Result<std::collections::BTreeMap<String, Entries>, String> {
        let mut found = std::collections::BTreeMap::new();
        let mut left: Vec<String> = shards.iter().cloned().collect();
        for round in 1..=ROUNDS {
            let results: Vec<(String, Read)> = futures::stream::iter(left)
                .map(|shard| async move {
                    let read = self.get(&shard_key(&shard)).await;
                    (shard, read)
                })
                .buffer_unordered(jobs)
                .collect()
                .await;
            left = Vec::new();
            let mut failure = None;
            for (shard, read) in results {
                match read {
                    Ok(Some(bytes)) => {
                        let entries: Entries = serde_json::from_slice(&bytes).map_err(|e| {
                            format!(
                                "the record's shard {shard} is damaged ({e}): remove {}{}/ from the bucket to start over",
                                self.prefix, FOLDER
                            )
                        })?;
                        found.insert(shard, entries);
                    }
                    Ok(None) => {
                        found.insert(shard, Entries::new());
                    }
                    Err(e) => {
                        failure = Some(e);
                        left.push(shard);
                    }
                }
            }
            if let Some(e) = failure {
                if round == ROUNDS {
                    return Err(format!(
                        "{} of the record's shards could not be read in {ROUNDS} rounds; nothing was changed: \
                         run the deploy again.\n  last failure: {e}",
                        left.len()
                    ));
                }
                eprintln!("deploy: {} record reads failed; reading them again", left.len());
            }
        }
        Ok(found)
    }

    /// Writes the record's shards (an emptied one is removed), `jobs` at a time, a failed write
    /// tried again in up to [`ROUNDS`] rounds; returns how many.
    pub async fn write_shards(&self, shards: Vec<ShardWrite>, jobs: usize) -> Result<usize, String> {
        let count = shards.len();
        let mut left = shards;
        for round in 1..=ROUNDS {
            let results: Vec<(ShardWrite, Result<(), String>)> = futures::stream::iter(left)
                .map(|(shard, entries)| async move {
                    let key = shard_key(&shard);
                    let written = match &entries {
                        Some(entries) => self.put_json(&key, entries).await,
                        None => self.delete(&key).await,
                    };
                    ((shard, entries), written)
                })
                .buffer_unordered(jobs)
                .collect()
                .await;
            let mut failure = None;
            left = Vec::new();
            for (write, result) in results {
                if let Err(e) = result {
                    failure = Some(e);
                    left.push(write);
                }
            }
            match failure {
                None => break,
                Some(e) if round == ROUNDS => {
                    return Err(format!(
                        "{} of the record's shards could not be written in {ROUNDS} rounds; the site is whole, and \
                         the next deploy compares them file by file: run it again.\n  last failure: {e}",
                        left.len()
                    ))
                }
                Some(_) => eprintln!("deploy: {} record writes failed; writing them again", left.len()),
            }
        }
        Ok(count)
    }
}
