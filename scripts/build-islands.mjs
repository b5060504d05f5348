#!/usr/bin/env node
// The islands bundle: the wasm a prerendered article page loads to bring its interactive parts
// (`#[island]` components) to life, instead of the whole app. Built from the same crate as the
// app, as a library with the `hydrate` feature (`cargo rustc --crate-type cdylib`: the islands'
// hydrate functions are its exports), in a target folder of its own (its features and flags
// differ from the app's), then wasm-bindgen, wasm-opt and esbuild as for the app. Writes
// DIST/islands-{hash}.js and DIST/islands-{hash}_bg.wasm (the prerender finds them there), the
// split's loader DIST/islands-split-{hash}.js and its chunks DIST/islands-{chunk}-{hash}.wasm.
// Run by scripts/post-build.mjs before the prerender, or by hand: node scripts/build-islands.mjs [dir]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { isIslandsFile, islandsNames } from './islands-files.mjs';

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
run('cargo', ['rustc', '--locked', '--release', '--quiet', '--target', 'wasm32-unknown-unknown', '--lib', '--crate-type', 'cdylib',
  '--features', 'hydrate', '--target-dir', targetDir], env);

const work = mkdtempSync(join(tmpdir(), 'reader-islands-'));
try {
  // The split: code reached only through a `split!` function (src/platform/chunk.rs) leaves the
  // main module for a chunk of its own (split_{name}.wasm; code two splits share goes into a
  // chunk_*.wasm both load), with __wasm_split.js, which fetches them on first use.
  const split = join(work, 'split');
  run('wasm-split-cli', [join(targetDir, 'wasm32-unknown-unknown/release/article_reader.wasm'), split, '--target', 'web', '--out-name', 'islands']);
  // wasm-bindgen on the main module only, keeping the exports the chunks link against.
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', work, '--out-name', 'islands',
    join(split, 'islands.wasm')]);
  // The same passes Trunk runs on the app (index.html's data-wasm-opt-params), on every module.
  const opt = (from, to) => run('wasm-opt', ['-Oz', '--converge', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '-o', to, from]);
  opt(join(work, 'islands_bg.wasm'), join(work, 'islands.wasm'));
  const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== 'islands.wasm').sort();
  for (const chunk of chunks) opt(join(split, chunk), join(work, chunk));
  const minify = (code) => transformSync(code, { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' }).code;
  const main = readFileSync(join(work, 'islands.js'), 'utf8');
  const loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');

  // One hash for the set (each file's name carries it: cached for good, like Trunk's files).
  const wasm = readFileSync(join(work, 'islands.wasm'));
  const hasher = createHash('sha256').update(wasm).update(main).update(loader);
  for (const chunk of chunks) hasher.update(readFileSync(join(work, chunk)));
  const hash = hasher.digest('hex').slice(0, 16);
  const name = islandsNames(hash);
  // The files name each other by these names: the main module's glue imports the loader (the
  // wasm's import module keeps its own name), the loader imports the glue and fetches chunks.
  const swap = (code, from, to) => {
    if (!code.includes(from)) throw new Error(`build-islands: expected ${from} in the split's JavaScript`);
    return code.split(from).join(to);
  };
  const mainCode = minify(swap(main, 'from "./__wasm_split.js"', `from "./${name.loader}"`));
  let loaderCode = swap(loader, '"./islands.js"', `"./${name.main}"`);
  for (const chunk of chunks) loaderCode = swap(loaderCode, `"./${chunk}"`, `"./${name.chunk(chunk)}"`);
  loaderCode = minify(loaderCode);

  for (const old of readdirSync(out).filter(isIslandsFile)) unlinkSync(join(out, old));
  writeFileSync(join(out, name.main), mainCode);
  writeFileSync(join(out, name.wasm), wasm);
  writeFileSync(join(out, name.loader), loaderCode);
  const sizes = [`${name.main} ${mainCode.length}`, `${name.wasm} ${wasm.length}`, `${name.loader} ${loaderCode.length}`];
  for (const chunk of chunks) {
    const bytes = readFileSync(join(work, chunk));
    writeFileSync(join(out, name.chunk(chunk)), bytes);
    sizes.push(`${name.chunk(chunk)} ${bytes.length}`);
  }
  console.log(`build-islands: ${sizes.join(', ')} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
