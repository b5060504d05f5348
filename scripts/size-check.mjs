#!/usr/bin/env node
// The size ratchets, run by scripts/test.sh after the release build: fails when a bundle (its
// wasm and JavaScript glue, brotli at quality 11, as scripts/bench.mjs measures) grows past its
// limit. Two bundles:
// - the app (article-reader-*): the single-page app, for what exists only at run time;
// - the islands (islands-*): what every prerendered page loads for its interactive parts.
// A limit is the size the last size work reached plus 2 KB. Raising one is a deliberate change,
// with its reason in the commit message; lower it whenever a bundle shrinks.
//   node scripts/size-check.mjs [dir]
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLES = [
  { name: 'the app', prefix: 'article-reader-', limitKb: 290.5, targetKb: 150 },
  { name: 'the islands bundle', prefix: 'islands-', limitKb: 190.0, targetKb: 80 },
];

const dir = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const code = readdirSync(dir).filter((f) => /\.(wasm|js)$/.test(f) && !['sw.js', 'embed.js'].includes(f));
let failed = false;
for (const { name, prefix, limitKb, targetKb } of BUNDLES) {
  const files = code.filter((f) => f.startsWith(prefix));
  if (files.length !== 2 || !files.some((f) => f.endsWith('.wasm'))) {
    console.error(`size-check: ${name}: expected its .js and .wasm in ${dir}, found ${files.join(', ') || 'nothing'}: build the app first`);
    failed = true;
    continue;
  }
  let total = 0;
  for (const f of files) {
    const size = brotliCompressSync(readFileSync(join(dir, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total += size;
    console.log(`size-check: ${f} ${(size / 1024).toFixed(1)} KB brotli`);
  }
  const kb = total / 1024;
  if (kb > limitKb) {
    console.error(`size-check: ${name} is ${kb.toFixed(1)} KB brotli, over its limit of ${limitKb} KB. `
      + 'Make it smaller, or raise its limit in scripts/size-check.mjs with the reason in the commit.');
    failed = true;
  } else {
    console.log(`size-check: ${name} is ${kb.toFixed(1)} KB brotli (limit ${limitKb} KB; target ${targetKb} KB, see scripts/bench.sh)`);
  }
}
const stray = code.filter((f) => !BUNDLES.some((b) => f.startsWith(b.prefix)));
if (stray.length) {
  console.error(`size-check: code that belongs to no bundle: ${stray.join(', ')}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
