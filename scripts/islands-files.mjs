// The islands bundle's file names, one source for the build step that writes them
// (scripts/build-islands.mjs), the size ratchets, the benchmark and the browser tests. One hash
// for the whole set (so a deployment never mixes two builds):
// - islands-{hash}.js and islands-{hash}_bg.wasm: the main module and its glue;
// - islands-split-{hash}.js: the loader of the chunks, imported by the glue;
// - islands-{chunk}-{hash}.wasm: a chunk, fetched on first use (`chunk-{n}`: code two chunks share).
// (The prerender, in Rust, finds islands-{hash}.js by the same rule: src/bin/prerender.rs.)

/** What every prerendered page loads: the glue, the main module and the loader. */
export const ISLANDS_MAIN = /^islands-(split-)?[0-9a-f]{16}(\.js|_bg\.wasm)$/;
/** A chunk; its first group is the chunk's name. */
export const ISLANDS_CHUNK = /^islands-([a-z0-9-]+)-[0-9a-f]{16}\.wasm$/;
/** Any file of the set (a build replaces them all). */
export const isIslandsFile = (name) => ISLANDS_MAIN.test(name) || ISLANDS_CHUNK.test(name);

/** The set's names for `hash`; `chunk` names the splitter's output file (split_{name}.wasm,
 * chunk_{n}.wasm). */
export const islandsNames = (hash) => ({
  main: `islands-${hash}.js`,
  wasm: `islands-${hash}_bg.wasm`,
  loader: `islands-split-${hash}.js`,
  chunk: (file) => `islands-${file.replace(/\.wasm$/, '').replace(/^split_/, '').replace(/_/g, '-')}-${hash}.wasm`,
});
