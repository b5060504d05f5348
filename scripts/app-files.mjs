// The app's file names (the single-page app, split by route: scripts/build-app-split.mjs), one
// source for the build steps, the size ratchet, the benchmark and the browser tests. One hash
// for the set:
// - article-reader-{hash}.js and article-reader-{hash}_bg.wasm: the main module and its glue
//   (Trunk's names, which index.html's start script and preloads keep);
// - article-reader-split-{hash}.js: the loader of the chunks, imported by the glue;
// - article-reader-{chunk}-{hash}.wasm: a chunk (a route's page, or a control's code), fetched
//   on first use (`chunk-{n}`: code two chunks share).

/** What the app shell loads first: the glue, the main module and the loader. */
export const APP_MAIN = /^article-reader-(?:split-)?[0-9a-f]{16}(?:\.js|_bg\.wasm)$/;
/** A chunk; its group is the chunk's name. */
export const APP_CHUNK = /^article-reader-([a-z0-9-]+)-[0-9a-f]{16}\.wasm$/;
/** Any file of the set. */
export const isAppFile = (name) => APP_MAIN.test(name) || APP_CHUNK.test(name);

/** The set's names for `hash`; `chunk` names the splitter's output file. */
export const appNames = (hash) => ({
  main: `article-reader-${hash}.js`,
  wasm: `article-reader-${hash}_bg.wasm`,
  loader: `article-reader-split-${hash}.js`,
  chunk: (file) => `article-reader-${file.replace(/\.wasm$/, '').replace(/^split_/, '').replace(/_/g, '-')}-${hash}.wasm`,
});
