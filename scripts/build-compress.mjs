#!/usr/bin/env node
// Writes brotli (.br) and gzip (.gz) copies of every compressible file in the output folder,
// for static hosts that serve precompressed files (scripts/serve.mjs does). Run by
// scripts/post-build.mjs, or by hand: node scripts/build-compress.mjs [dir]
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)));
const COMPRESSIBLE = /\.(wasm|js|css|html|json|svg|webmanifest)$/;
let files = 0;
let saved = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (COMPRESSIBLE.test(entry.name)) {
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
