#!/usr/bin/env node
// The islands bundles: the wasm a prerendered page loads to bring its interactive parts
// (`#[island]` components) to life, instead of the whole app; one per kind of page (the front
// page, an article, an embed), with only that page's islands. Built from the same crate as the
// app, as a library with the `hydrate` feature and the page's (`cargo rustc --crate-type cdylib`:
// the islands' hydrate functions are its exports), in a target folder of its own (its features
// and flags differ from the app's), then wasm-bindgen, wasm-opt and esbuild as for the app.
// Writes, for each page, DIST/islands-{page}-{hash}.js and its _bg.wasm (the prerender finds
// them there), the split's loader DIST/islands-{page}-split-{hash}.js and its chunks
// DIST/islands-{page}-{chunk}-{hash}.wasm (names: scripts/islands-files.mjs).
// Run by scripts/post-build.mjs before the prerender, or by hand: node scripts/build-islands.mjs [dir]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { PAGES, isIslandsFile, islandsNames } from './islands-files.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
const targetDir = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'islands');
const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root, env });

// The app's size levers (scripts/build.sh) except `erase_components`, which breaks island
// hydration (a panic: "entered unreachable code"); the linker keeps its relocations
// (`--emit-relocs`), which the split reads.
const env = {
  ...process.env,
  RUSTC_BOOTSTRAP: '1',
  CARGO_UNSTABLE_BUILD_STD: 'std,panic_abort',
  CARGO_UNSTABLE_BUILD_STD_FEATURES: 'optimize_for_size',
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: '-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Clink-args=--emit-relocs',
};
// One bundle per kind of prerendered page (`page-{page}`: only its islands are exported, so
// only their code is in it), each compiled as its own file (`-C extra-filename`: the three
// builds share the target folder and its dependencies, and never overwrite each other).
const built = PAGES.map((page) => {
  run('cargo', ['rustc', '--locked', '--release', '--quiet', '--target', 'wasm32-unknown-unknown', '--lib', '--crate-type', 'cdylib',
    '--features', `page-${page}`, '--target-dir', targetDir, '--', '-C', `extra-filename=-${page}`], env);
  return { page, wasm: join(targetDir, `wasm32-unknown-unknown/release/deps/article_reader-${page}.wasm`) };
});

const work = mkdtempSync(join(tmpdir(), 'reader-islands-'));
try {
  const minify = (code) => transformSync(code, { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' }).code;
  // The same passes Trunk runs on the app (index.html's data-wasm-opt-params), on every module.
  const opt = (from, to) => run('wasm-opt', ['-Oz', '--converge', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '-o', to, from]);
  const bundles = built.map(({ page, wasm }) => {
    const dir = join(work, page);
    // The split: code reached only through a `split!` function (src/platform/chunk.rs) leaves the
    // main module for a chunk of its own (split_{name}.wasm; code two splits share goes into a
    // chunk_*.wasm both load), with __wasm_split.js, which fetches them on first use.
    const split = join(dir, 'split');
    run('wasm-split-cli', [wasm, split, '--target', 'web', '--out-name', 'islands']);
    // wasm-bindgen on the main module only, keeping the exports the chunks link against.
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', dir, '--out-name', 'islands',
      join(split, 'islands.wasm')]);
    opt(join(dir, 'islands_bg.wasm'), join(dir, 'islands.wasm'));
    const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== 'islands.wasm').sort();
    for (const chunk of chunks) opt(join(split, chunk), join(dir, chunk));
    return {
      page,
      wasm: readFileSync(join(dir, 'islands.wasm')),
      main: readFileSync(join(dir, 'islands.js'), 'utf8'),
      loader: readFileSync(join(split, '__wasm_split.js'), 'utf8'),
      chunks: chunks.map((file) => ({ file, bytes: readFileSync(join(dir, file)) })),
    };
  });

  // One hash for the set (each file's name carries it: cached for good, like Trunk's files).
  const hasher = createHash('sha256');
  for (const b of bundles) {
    hasher.update(b.page).update(b.wasm).update(b.main).update(b.loader);
    for (const chunk of b.chunks) hasher.update(chunk.file).update(chunk.bytes);
  }
  const hash = hasher.digest('hex').slice(0, 16);
  // The files name each other by these names: the main module's glue imports the loader (the
  // wasm's import module keeps its own name), the loader imports the glue and fetches chunks.
  const swap = (code, from, to) => {
    if (!code.includes(from)) throw new Error(`build-islands: expected ${from} in the split's JavaScript`);
    return code.split(from).join(to);
  };
  for (const old of readdirSync(out).filter(isIslandsFile)) unlinkSync(join(out, old));
  const sizes = [];
  for (const b of bundles) {
    const name = islandsNames(b.page, hash);
    const mainCode = minify(swap(b.main, 'from "./__wasm_split.js"', `from "./${name.loader}"`));
    let loaderCode = swap(b.loader, '"./islands.js"', `"./${name.main}"`);
    for (const chunk of b.chunks) loaderCode = swap(loaderCode, `"./${chunk.file}"`, `"./${name.chunk(chunk.file)}"`);
    loaderCode = minify(loaderCode);
    writeFileSync(join(out, name.main), mainCode);
    writeFileSync(join(out, name.wasm), b.wasm);
    writeFileSync(join(out, name.loader), loaderCode);
    sizes.push(`${name.main} ${mainCode.length}`, `${name.wasm} ${b.wasm.length}`, `${name.loader} ${loaderCode.length}`);
    for (const chunk of b.chunks) {
      writeFileSync(join(out, name.chunk(chunk.file)), chunk.bytes);
      sizes.push(`${name.chunk(chunk.file)} ${chunk.bytes.length}`);
    }
  }
  console.log(`build-islands: ${sizes.join(', ')} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
