//! Stop points: the places where the publish and the deploy can be stopped from outside, for the
//! tests that kill them (tests/browser/stops.test.mjs). Nothing happens unless a test asks:
//!
//! - `READER_STOP_TRACE=FILE`: each point appends a line `{n}\t{phase}\t{what}` to `FILE`, so
//!   a test first counts a whole run's points and learns which phase each falls in;
//! - `READER_STOP_AT=N`: at the `N`th point the process stops itself (`SIGSTOP`) and waits for
//!   the test to kill it with `SIGKILL` from another process. Nothing is cleaned up or flushed:
//!   what a `kill -9` at that moment leaves.
//!
//! The points sit between every two steps that change the disk or the bucket: after a
//! temporary file is created, after it is written, after it is renamed into place, after an
//! upload, a removal or a record is written.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

struct Settings {
    trace: Option<Mutex<std::fs::File>>,
    stop_at: Option<usize>,
}

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| Settings {
        trace: std::env::var_os("READER_STOP_TRACE").and_then(|path| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .ok()
                .map(Mutex::new)
        }),
        stop_at: std::env::var("READER_STOP_AT").ok().and_then(|n| n.parse().ok()),
    })
}

static COUNT: AtomicUsize = AtomicUsize::new(0);
static PHASE: Mutex<&'static str> = Mutex::new("start");

/// Names the phase the next points belong to (`articles`, `search`, `indexes` …).
///
/// ```
/// article_reader::publish::stops::phase("feeds");
/// assert_eq!(article_reader::publish::stops::current_phase(), "feeds");
/// ```
pub fn phase(name: &'static str) {
    if let Ok(mut p) = PHASE.lock() {
        *p = name;
    }
}

/// The phase named last.
pub fn current_phase() -> &'static str {
    PHASE.lock().map(|p| *p).unwrap_or("?")
}

/// A stop point: `what` just happened (`renamed articles/x/index.html`, `uploaded index.html`).
/// Without the test's variables it only counts: `what` is made only for a trace, so the points
/// cost a publish of 100,000 articles no formatting.
///
/// ```
/// article_reader::publish::stops::point(|| "renamed feed.xml".into());
/// ```
pub fn point(what: impl FnOnce() -> String) {
    let n = COUNT.fetch_add(1, Ordering::SeqCst) + 1;
    let settings = settings();
    if let Some(trace) = &settings.trace {
        if let Ok(mut file) = trace.lock() {
            let _ = writeln!(file, "{n}\t{}\t{}", current_phase(), what());
            let _ = file.flush();
        }
    }
    if settings.stop_at == Some(n) {
        // Stopped here until the test kills the process (or lets it go on with SIGCONT).
        let _ = std::process::Command::new("kill")
            .args(["-STOP", &std::process::id().to_string()])
            .status();
    }
}

/// A command's steps, one after another: each names the phase its stop points belong to, and
/// how long it took (`--timings`).
///
/// ```
/// let mut steps = article_reader::publish::stops::Steps::start();
/// steps.begin("articles");
/// steps.begin("search");
/// assert!(steps.line().starts_with("timings: articles "));
/// ```
pub struct Steps {
    current: Option<(&'static str, std::time::Instant)>,
    done: Vec<(&'static str, f64)>,
}

impl Steps {
    pub fn start() -> Self {
        Steps {
            current: None,
            done: Vec::new(),
        }
    }

    /// Ends the step under way, if any, and begins `name`.
    pub fn begin(&mut self, name: &'static str) {
        self.end();
        phase(name);
        self.current = Some((name, std::time::Instant::now()));
    }

    /// Ends the step under way.
    pub fn end(&mut self) {
        if let Some((name, started)) = self.current.take() {
            self.done.push((name, started.elapsed().as_secs_f64()));
        }
    }

    /// `timings: {step} {seconds} s, …`.
    pub fn line(&self) -> String {
        let steps: Vec<String> = self.done.iter().map(|(n, s)| format!("{n} {s:.2} s")).collect();
        format!("timings: {}", steps.join(", "))
    }
}
