#!/usr/bin/env node
// The size ratchet, run by scripts/test.sh after the release build: fails when the app (its
// wasm and JavaScript glue, brotli at quality 11, as scripts/bench.mjs measures) grows past
// LIMIT_KB. The limit is the size the last size work reached plus 2 KB. Raising it is a
// deliberate change, with its reason in the commit message; lower it whenever the app shrinks.
//   node scripts/size-check.mjs [dir]
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT_KB = 270.0;

const dir = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const files = readdirSync(dir).filter((f) => /\.(wasm|js)$/.test(f) && !['sw.js', 'embed.js'].includes(f));
if (!files.some((f) => f.endsWith('.wasm'))) {
  console.error(`size-check: no .wasm in ${dir}: build the app first`);
  process.exit(1);
}
let total = 0;
for (const f of files) {
  const size = brotliCompressSync(readFileSync(join(dir, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += size;
  console.log(`size-check: ${f} ${(size / 1024).toFixed(1)} KB brotli`);
}
const kb = total / 1024;
if (kb > LIMIT_KB) {
  console.error(`size-check: the app is ${kb.toFixed(1)} KB brotli, over its limit of ${LIMIT_KB} KB. `
    + 'Make it smaller, or raise LIMIT_KB in scripts/size-check.mjs with the reason in the commit.');
  process.exit(1);
}
console.log(`size-check: the app is ${kb.toFixed(1)} KB brotli (limit ${LIMIT_KB} KB; target 150 KB, see scripts/bench.sh)`);
