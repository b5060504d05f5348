#!/usr/bin/env node
// The app split by route. Trunk builds and binds the app as ever (index.html's rust link, with
// the `split` feature; scripts/build.sh keeps the linker's relocations), which gives
// index.html its start script and preloads; this step then takes cargo's linked module again,
// cuts it at every `split!` function (scripts/wasm-split.mjs: each route's page, and the
// controls few readers use) and puts the result in place of Trunk's two files, under a name
// hashed from the new bytes (index.html follows: its addresses and integrity hashes). Writes
// DIST/article-reader-{hash}.js and _bg.wasm (the main module: the shell, the router, the
// header), the loader DIST/article-reader-split-{hash}.js and the chunks
// DIST/article-reader-{chunk}-{hash}.wasm (names: scripts/app-files.mjs). Run by
// scripts/post-build.mjs first, or by hand: node scripts/build-app-split.mjs [dir]
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renamed, splitModule } from './wasm-split.mjs';
import { appNames, isAppFile } from './app-files.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
const release = process.env.TRUNK_PROFILE !== 'debug';
const linked = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'article-reader.wasm');

// (Trunk's hash is not always 16 digits.)
const trunkFiles = readdirSync(out).filter((f) => /^article-reader-[0-9a-f]+(?:\.js|_bg\.wasm)$/.test(f));
const trunkJs = trunkFiles.find((f) => f.endsWith('.js'));
const trunkWasm = trunkFiles.find((f) => f.endsWith('_bg.wasm'));
if (trunkFiles.length !== 2 || !trunkJs || !trunkWasm) {
  throw new Error(`build-app-split: expected Trunk's article-reader-{hash}.js and _bg.wasm in ${out}, found ${trunkFiles.join(', ') || 'nothing'}`);
}
const work = mkdtempSync(join(tmpdir(), 'reader-app-'));
try {
  const module = splitModule(linked, work, 'app', { opt: release });
  const hasher = createHash('sha256').update(module.wasm).update(module.main).update(module.loader);
  for (const chunk of module.chunks) hasher.update(chunk.file).update(chunk.bytes);
  const hash = hasher.digest('hex').slice(0, 16);
  const names = appNames(hash);
  // Minified later with the rest of the app's JavaScript (scripts/build-minify.mjs).
  const { main, loader } = renamed(module, 'app', names, { min: release });
  const sri = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
  const page = join(out, 'index.html');
  let html = readFileSync(page, 'utf8');
  for (const [old, body] of [[trunkJs, main], [trunkWasm, module.wasm]]) {
    const before = sri(readFileSync(join(out, old)));
    if (!html.includes(before)) throw new Error(`build-app-split: index.html has no integrity hash for ${old}`);
    html = html.replaceAll(before, sri(body));
  }
  html = html.replaceAll(trunkJs, names.main).replaceAll(trunkWasm, names.wasm);
  for (const old of readdirSync(out).filter((f) => isAppFile(f) || trunkFiles.includes(f))) unlinkSync(join(out, old));
  writeFileSync(join(out, names.main), main);
  writeFileSync(join(out, names.wasm), module.wasm);
  writeFileSync(join(out, names.loader), loader);
  for (const chunk of module.chunks) writeFileSync(join(out, names.chunk(chunk.file)), chunk.bytes);
  writeFileSync(page, html);
  console.log(`build-app-split: ${names.main}, ${names.wasm} ${module.wasm.length} bytes, ${module.chunks.length} chunks (${module.chunks.map((c) => `${names.chunk(c.file)} ${c.bytes.length}`).join(', ')})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
