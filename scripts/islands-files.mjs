// The islands bundles' file names, one source for the build step that writes them
// (scripts/build-islands.mjs), the size ratchets, the benchmark and the browser tests. A bundle
// per kind of prerendered page (`PAGES`), one hash for the whole set (so a deployment never
// mixes two builds):
// - islands-{page}-{hash}.js and islands-{page}-{hash}_bg.wasm: the main module and its glue;
// - islands-{page}-split-{hash}.js: the loader of the chunks, imported by the glue;
// - islands-{page}-{chunk}-{hash}.wasm: a chunk, fetched on first use (`chunk-{n}`: code two
//   chunks share).
// (The publish, in Rust, finds islands-{page}-{hash}.js by the same rule: src/bin/publish/pages.rs.)

/** The kinds of prerendered page, each with its bundle: its islands only (the search page's is
 * `/search`). */
export const PAGES = ['front', 'article', 'embed', 'search'];

/** What a prerendered page loads: its bundle's glue, main module and loader; the first group is
 * the page. */
export const ISLANDS_MAIN = /^islands-(front|article|embed|search)-(?:split-)?[0-9a-f]{16}(?:\.js|_bg\.wasm)$/;
/** A chunk; its groups are the page and the chunk's name. */
export const ISLANDS_CHUNK = /^islands-(front|article|embed|search)-([a-z0-9-]+)-[0-9a-f]{16}\.wasm$/;
/** Any file of the set (a build replaces them all). */
export const isIslandsFile = (name) => ISLANDS_MAIN.test(name) || ISLANDS_CHUNK.test(name);

/** The names of `page`'s bundle for `hash`; `chunk` names the splitter's output file
 * (split_{name}.wasm, chunk_{n}.wasm). */
export const islandsNames = (page, hash) => ({
  main: `islands-${page}-${hash}.js`,
  wasm: `islands-${page}-${hash}_bg.wasm`,
  loader: `islands-${page}-split-${hash}.js`,
  chunk: (file) => `islands-${page}-${file.replace(/\.wasm$/, '').replace(/^split_/, '').replace(/_/g, '-')}-${hash}.wasm`,
});
