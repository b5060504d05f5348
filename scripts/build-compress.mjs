#!/usr/bin/env node
// Writes brotli (.br) and gzip (.gz) copies of every compressible file in the output folder,
// for static hosts that serve precompressed files (scripts/serve.mjs does). The app's own files
// (the wasm, its JavaScript, the shell and front page, the service worker) get the strongest,
// slowest settings: every reader downloads them. The files there are one of per article
// (articles/, embed/, oembed/) get brotli 5 and gzip 6: a few per cent larger, some forty times
// faster, so an archive of thousands of articles builds in minutes (scripts/bench-archive.mjs).
// Run by scripts/post-build.mjs, or by hand: node scripts/build-compress.mjs [dir]
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)));
const COMPRESSIBLE = /\.(wasm|js|css|html|json|svg|webmanifest)$/;
const PER_ARTICLE = /^(articles|embed|oembed)\//;
let files = 0;
let saved = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (COMPRESSIBLE.test(entry.name)) {
      const body = readFileSync(path);
      const fast = PER_ARTICLE.test(relative(out, path).split(sep).join('/'));
      const br = brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: fast ? 5 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
      writeFileSync(`${path}.br`, br);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: fast ? 6 : 9 }));
      files += 1;
      saved += body.length - br.length;
    }
  }
}
walk(out);
console.log(`build-compress: ${files} files precompressed (brotli saves ${(saved / 1024).toFixed(0)} KiB)`);
