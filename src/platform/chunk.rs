//! Code fetched on first use: parts of the islands bundles that few readers reach for (the
//! reading settings, Save, "More articles", the saved list's recovery), and in the app each
//! route's page and those same controls, live in wasm chunks of their own, split off the
//! module at build time (scripts/wasm-split.mjs, with `wasm_split_cli_support`), and are
//! fetched the first time a reader asks for them.
//!
//! A split function is declared with [`split!`](crate::split): in a build with the `split`
//! feature (the islands bundles, the app) it becomes a call that first fetches its chunk;
//! everywhere else (the prerender, `cargo test`) it is a plain async function. Its result is a `Result` whose error is
//! [`ChunkError`]: a chunk that cannot be fetched (offline without it in the cache, a
//! deployment that replaced it) is reported, never a crash.
//!
//! [`Chunk`] keeps one chunk's state for a control: idle, loading, ready or failed. The control
//! shows it (busy while loading, a message and a retry after a failure) and calls into the chunk
//! with [`ready_now`] once it is there. A split function builds its part of the page itself
//! (into a slot the control renders) rather than return a view: a boxed view (`AnyView`) would
//! bring hydration code for a part that is never hydrated.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

/// A chunk could not be fetched or instantiated (the details are in the browser's console).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares functions whose code lives in the chunk `$chunk` of the islands bundle. Each
/// becomes `async` and returns `Result<T, ChunkError>` (write the body's value as `Ok(..)`);
/// a `preload` function of the given name fetches the chunk without calling anything.
///
/// ```
/// use article_reader::platform::chunk::{ready_now, ChunkError};
/// article_reader::split! {
///     chunk words, preload preload_words;
///     /// How many words `text` has (in the islands bundle, from the chunk `words`).
///     pub fn count_words(text: String) -> Result<usize, ChunkError> {
///         Ok(text.split_whitespace().count())
///     }
/// }
/// // Outside the islands bundle, and once the chunk is there, the answer comes at once.
/// assert_eq!(ready_now(count_words("three little words".into())), Some(Ok(3)));
/// ```
///
/// `app chunk …` splits only in the app (a route's page): in an islands bundle, which has no
/// router, the function is a plain one that nothing calls, left out with its code (a split
/// function's body is an export of the module, which would keep the whole page in the bundle).
///
/// `chunk … when <cfg>` splits only in builds where `<cfg>` holds too (the pages whose islands
/// call the function, and the app); in the other islands bundles the function is a plain one
/// nothing calls, left out with its code for the same reason.
#[macro_export]
macro_rules! split {
    (chunk $chunk:ident, preload $preload:ident, when $when:meta;
     $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(all(feature = "split", $when))]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(#[allow(dead_code)] $preload))]
        $(#[$meta])* $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(all(feature = "split", $when)))]
        $(#[$meta])* $vis async fn $name($($arg: $ty),*) -> $ret $body

        /// Fetches the chunk without calling into it (nothing to fetch in a build without chunks).
        #[cfg(not(all(feature = "split", $when)))]
        #[allow(dead_code)]
        $vis async fn $preload() -> ::std::result::Result<(), $crate::platform::chunk::ChunkError> {
            Ok(())
        }
    };
    // A route's page: split only in the app.
    (app chunk $chunk:ident, preload $preload:ident; $($function:tt)*) => {
        $crate::split! { chunk $chunk, preload $preload, when not(feature = "islands"); $($function)* }
    };
    // Split in every build with chunks.
    (chunk $chunk:ident, preload $preload:ident; $($function:tt)*) => {
        $crate::split! { chunk $chunk, preload $preload, when all(); $($function)* }
    };
}

/// A boxed piece of asynchronous work, as a split function returns it (a split function cannot
/// be `async` itself; the work's code is in the chunk).
pub type Work<T> = std::pin::Pin<Box<dyn Future<Output = T>>>;

/// Where a control's chunk is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkState {
    /// Not asked for yet.
    Idle,
    /// Being fetched.
    Loading,
    /// Fetched: its functions answer at once.
    Ready,
    /// The fetch failed; asking again retries.
    Failed,
}

/// One chunk's state for a control, and its loading.
#[derive(Clone, Copy)]
pub struct Chunk(RwSignal<ChunkState>);

impl Chunk {
    /// A chunk not asked for yet.
    pub fn new() -> Self {
        Chunk(RwSignal::new(ChunkState::Idle))
    }

    /// The state, tracked.
    pub fn state(self) -> ChunkState {
        self.0.get()
    }

    /// Fetches the chunk with `preload` unless it is there or on its way (a failed fetch is
    /// tried again), then runs `done`, once: when the chunk has come. Outside the islands
    /// bundle, and once the chunk is there, that is at once, with no loading state between.
    ///
    /// ```
    /// use article_reader::platform::chunk::{Chunk, ChunkError, ChunkState};
    /// let chunk = Chunk::new();
    /// chunk.load(|| async { Err::<(), _>(ChunkError) }, || unreachable!("not loaded"));
    /// assert_eq!(chunk.state(), ChunkState::Failed);
    /// let done = std::rc::Rc::new(std::cell::Cell::new(0));
    /// let seen = done.clone();
    /// chunk.load(|| async { Ok::<(), ChunkError>(()) }, move || seen.set(seen.get() + 1));
    /// assert_eq!((chunk.state(), done.get()), (ChunkState::Ready, 1));
    /// // There: nothing to fetch, and `done` does not run again.
    /// chunk.load(|| async { Ok::<(), ChunkError>(()) }, || unreachable!("once"));
    /// ```
    pub fn load<F, E>(self, preload: impl FnOnce() -> F, done: impl FnOnce() + 'static)
    where
        F: Future<Output = Result<(), E>> + 'static,
    {
        if !matches!(self.0.get_untracked(), ChunkState::Idle | ChunkState::Failed) {
            return;
        }
        let mut fetch = Box::pin(preload());
        let settle = move |ok: bool| {
            self.0.try_set(if ok { ChunkState::Ready } else { ChunkState::Failed });
            if ok {
                done();
            }
        };
        match ready_now(fetch.as_mut()) {
            Some(result) => settle(result.is_ok()),
            None => {
                self.0.set(ChunkState::Loading);
                leptos::task::spawn_local(async move { settle(fetch.await.is_ok()) });
            }
        }
    }
}

impl Default for Chunk {
    fn default() -> Self {
        Self::new()
    }
}

/// The value of a split function whose chunk is [`ChunkState::Ready`], now: such a call
/// finishes without waiting. `None` if it would wait (the chunk is not there).
///
/// ```
/// use article_reader::platform::chunk::ready_now;
/// assert_eq!(ready_now(async { 7 }), Some(7));
/// assert_eq!(ready_now(std::future::pending::<u8>()), None);
/// ```
pub fn ready_now<T>(future: impl Future<Output = T>) -> Option<T> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}
