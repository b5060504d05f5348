//! Browser entry point: mounts the app. Natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(article_reader::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("article-reader runs in the browser: build it with `trunk build` (see README).");
}
