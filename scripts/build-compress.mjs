#!/usr/bin/env node
// Writes brotli (.br) and gzip (.gz) copies of the code build's compressible files (the wasm,
// its JavaScript, the app shell, the service worker…), with the strongest, slowest settings:
// every reader downloads them. For static hosts that serve precompressed files
// (scripts/serve.mjs does). The files a publish writes (its manifest, .publish/manifest.json and
// its parts, lists them) are left alone: the publish writes their brotli copies itself, as it writes them.
// Run by scripts/post-build.mjs, or by hand: node scripts/build-compress.mjs [dir]
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedFiles } from './published-files.mjs';

const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)));
const { search_dir: SEARCH_DIR } = JSON.parse(readFileSync(new URL('../src/facts.json', import.meta.url), 'utf8'));
const COMPRESSIBLE = /\.(wasm|js|css|html|json|svg|webmanifest)$/;
let published = new Set();
try {
  published = new Set(publishedFiles(out));
} catch {
  // No publish yet (or a debug build's): every file is the code build's.
}
let files = 0;
let saved = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(out, path).split(sep).join('/');
    if (entry.isDirectory()) {
      if (rel !== '.publish' && `${rel}/` !== SEARCH_DIR) walk(path);
    } else if (COMPRESSIBLE.test(entry.name) && !published.has(rel)) {
      const body = readFileSync(path);
      const br = brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
      writeFileSync(`${path}.br`, br);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      files += 1;
      saved += body.length - br.length;
    }
  }
}
walk(out);
console.log(`build-compress: ${files} files precompressed (brotli saves ${(saved / 1024).toFixed(0)} KiB)`);
