//! Browser entry point: mounts the app. Natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Release builds abort at once on a panic (`-Cpanic=immediate-abort`, scripts/build.sh):
    // no hook runs, and the crash screen shows the trap. Debug builds keep the message.
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| {
        // The console gets the full report; the crash screen (index.html) gets the message.
        // With `panic = "abort"` the module stops right after this hook, and the page's script
        // shows the screen when the resulting `RuntimeError` reaches it.
        console_error_panic_hook::hook(info);
        article_reader::crash::record(&info.to_string());
    }));
    leptos::mount::mount_to_body(article_reader::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("article-reader runs in the browser: build it with `trunk build` (see README).");
}
