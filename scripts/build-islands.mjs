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
import { mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renamed, splitModule } from './wasm-split.mjs';
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
  const bundles = built.map(({ page, wasm }) => {
    const dir = join(work, page);
    mkdirSync(dir);
    return { page, ...splitModule(wasm, dir, 'islands') };
  });

  // One hash for the set (each file's name carries it: cached for good, like Trunk's files).
  const hasher = createHash('sha256');
  for (const b of bundles) {
    hasher.update(b.page).update(b.wasm).update(b.main).update(b.loader);
    for (const chunk of b.chunks) hasher.update(chunk.file).update(chunk.bytes);
  }
  const hash = hasher.digest('hex').slice(0, 16);
  for (const old of readdirSync(out).filter(isIslandsFile)) unlinkSync(join(out, old));
  const sizes = [];
  for (const b of bundles) {
    const name = islandsNames(b.page, hash);
    const { main, loader } = renamed(b, 'islands', name);
    writeFileSync(join(out, name.main), main);
    writeFileSync(join(out, name.wasm), b.wasm);
    writeFileSync(join(out, name.loader), loader);
    sizes.push(`${name.main} ${main.length}`, `${name.wasm} ${b.wasm.length}`, `${name.loader} ${loader.length}`);
    for (const chunk of b.chunks) {
      writeFileSync(join(out, name.chunk(chunk.file)), chunk.bytes);
      sizes.push(`${name.chunk(chunk.file)} ${chunk.bytes.length}`);
    }
  }
  console.log(`build-islands: ${sizes.join(', ')} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
