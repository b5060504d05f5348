#!/usr/bin/env node
// The islands bundle: the wasm a prerendered article page loads to bring its interactive parts
// (`#[island]` components) to life, instead of the whole app. Built from the same crate as the
// app, as a library with the `hydrate` feature (`cargo rustc --crate-type cdylib`: the islands'
// hydrate functions are its exports), in a target folder of its own (its features and flags
// differ from the app's), then wasm-bindgen, wasm-opt and esbuild as for the app. Writes
// DIST/islands-{hash}.js and DIST/islands-{hash}_bg.wasm; the prerender finds them there.
// Run by scripts/post-build.mjs before the prerender, or by hand: node scripts/build-islands.mjs [dir]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
const targetDir = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'islands');
const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root, env });

// The app's size levers (scripts/build.sh) except `erase_components`, which breaks island
// hydration (a panic: "entered unreachable code").
const env = {
  ...process.env,
  RUSTC_BOOTSTRAP: '1',
  CARGO_UNSTABLE_BUILD_STD: 'std,panic_abort',
  CARGO_UNSTABLE_BUILD_STD_FEATURES: 'optimize_for_size',
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: '-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none',
};
run('cargo', ['rustc', '--locked', '--release', '--quiet', '--target', 'wasm32-unknown-unknown', '--lib', '--crate-type', 'cdylib',
  '--features', 'hydrate', '--target-dir', targetDir], env);

const work = mkdtempSync(join(tmpdir(), 'reader-islands-'));
try {
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, '--out-name', 'islands',
    join(targetDir, 'wasm32-unknown-unknown/release/article_reader.wasm')]);
  // The same passes Trunk runs on the app (index.html's data-wasm-opt-params).
  run('wasm-opt', ['-Oz', '--converge', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    '-o', join(work, 'islands.wasm'), join(work, 'islands_bg.wasm')]);
  const wasm = readFileSync(join(work, 'islands.wasm'));
  const { code } = transformSync(readFileSync(join(work, 'islands.js'), 'utf8'), { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' });
  const hash = createHash('sha256').update(wasm).update(code).digest('hex').slice(0, 16);
  for (const old of readdirSync(out).filter((f) => /^islands-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f))) unlinkSync(join(out, old));
  writeFileSync(join(out, `islands-${hash}.js`), code);
  writeFileSync(join(out, `islands-${hash}_bg.wasm`), wasm);
  console.log(`build-islands: islands-${hash}.js ${code.length} bytes, islands-${hash}_bg.wasm ${wasm.length} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
