//! The deploy command's own logic (`src/bin/deploy.rs` talks to the bucket): what a deploy of
//! the publish's output to object storage uploads, in which order, with which headers, what it
//! deletes, how it remembers what the bucket holds, and which public addresses a CDN must purge.
//! Pure functions, tested natively.
//!
//! - [`headers`]: each object's `Content-Type` and `Cache-Control`, and which files are hashed;
//! - [`record`]: the deploy's record in the bucket, split in shards so that a deploy reads and
//!   writes only the shards its changes fall in;
//! - [`plan`]: what changed since the record, in the order that never shows a broken site
//!   (pictures and hashed code first, articles next, indexes, feeds and sitemaps last, removals
//!   after everything);
//! - [`purge`]: the public addresses of changed files, for the CDN.
//!
//! Only with the `publish` feature: native, never in the wasm.

pub mod bucket;
pub mod credentials;
pub mod failure;
pub mod headers;
pub mod local;
pub mod plan;
pub mod purge;
pub mod record;
pub mod session;
