#!/usr/bin/env node
// The size ratchets, run by scripts/test.sh after the release build: fails when a bundle (its
// wasm and JavaScript glue, brotli at quality 11, as scripts/bench.mjs measures) grows past its
// limit, or when a chunk it should have is missing. By name:
// - the app (article-reader-*): the single-page app, for what exists only at run time;
// - each page's islands (islands-{page}-{hash}.js, its _bg.wasm and the split's loader
//   islands-{page}-split-{hash}.js): what a prerendered front page, article or embed loads for
//   its interactive parts;
// - each chunk split off a page's islands (islands-{page}-{chunk}-{hash}.wasm): what a rarely
//   used control fetches the first time a reader reaches for it.
// A limit is the size the last size work reached plus 2 KB. Raising one is a deliberate change,
// with its reason in the commit message; lower it whenever a bundle shrinks.
//   node scripts/size-check.mjs [dir]
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISLANDS_CHUNK, PAGES } from './islands-files.mjs';
import { APP_CHUNK, APP_MAIN } from './app-files.mjs';

// Measured 2026-12-07, each page with only its islands (one bundle for all three before:
// 165.3 KB), and English's words only (the other catalogues are fetched by the page that needs
// one): the front page 143.9 KB, an article 148.5, an embed 128.6; the search page 149.3 (the
// app's 297.1 before it was prerendered). Then each split function exported only by the pages
// that call it (an export keeps its code in the module even where nothing imports it): the
// front page 124.9, an article 132.9, an embed 92.0, the search page 139.0.
const ISLANDS = { front: 126.9, article: 134.9, embed: 94.0, search: 141.0 };
const BUNDLES = [
  // Measured 2026-12-07: 294.5 KB with English's words only (296.9 with every catalogue; 293.1
  // before pictures in every view).
  // The app's main module (the shell: router, header, status line, contexts), its glue and the
  // split's loader; each route's page is a chunk. Measured 2026-12-07: 173.4 KB (the whole app,
  // unsplit, was 294.5); 169.9 with the settings panel a chunk.
  { name: 'the app\'s main module', match: APP_MAIN, files: 3, limitKb: 172.0, targetKb: 150 },
  ...PAGES.map((page) => ({ name: `the ${page} page's islands`, match: new RegExp(`^islands-${page}-(?:split-)?[0-9a-f]{16}(?:\\.js|_bg\\.wasm)$`),
    files: 3, limitKb: ISLANDS[page], targetKb: 80 })),
];
// The chunks: each its own limit, by page and name (a new chunk needs one here); `shared` is
// each chunk of code that two split functions share (wasm-split numbers them: chunk-{n}). Each
// named chunk must be there: a build that stopped splitting one fails, even if the bundle stays
// small. Measured 2026-12-07 (each page's chunks only): front: settings 7.1, more 3.1, recover
// 10.7, shared 7.1; article: settings 5.5, save 14.7, Listen 1.6, recover 1.9, shared 17.1;
// embed: recover 18.3 (the saved list's reading and rebuilding, which no embed needs until a
// damaged list is found); search: settings 6.2, recover 4.3 KB.
const CHUNKS = {
  'front/settings': 9.1, 'front/more': 5.1, 'front/recover': 12.7, 'front/shared': 9.1,
  'article/settings': 7.5, 'article/save': 16.7, 'article/listen': 3.6, 'article/recover': 3.9, 'article/shared': 19.1,
  'embed/recover': 20.3,
  'search/settings': 8.2, 'search/recover': 6.3,
  // The app's (measured 2026-12-07): each route's page (article 0.6, read 0.6, embed 9.6, home
  // 12.3, saved 18.7, search 22.0; the article view itself is in chunks the three article routes
  // share), the settings panel 5.8, Save 3.6, Listen 1.6, "More" 1.4, recovery 1.5, and shared
  // chunks up to 44.2 KB each.
  'app/article-route': 2.6, 'app/read-route': 2.6, 'app/embed-route': 11.6, 'app/home-route': 14.3,
  'app/saved-route': 20.7, 'app/search-route': 24.0, 'app/settings': 7.8, 'app/save': 5.6, 'app/listen': 3.6, 'app/more': 3.4,
  'app/recover': 3.5,
  'app/shared': 46.5,
};
const CHUNK_TARGET_KB = 40;

const dir = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const code = readdirSync(dir).filter((f) => /\.(wasm|js)$/.test(f) && !['sw.js', 'embed.js'].includes(f));
const isChunk = (f) => ISLANDS_CHUNK.test(f) || APP_CHUNK.test(f);
const chunkName = (f) => {
  const [page, chunk] = ISLANDS_CHUNK.test(f) ? f.match(ISLANDS_CHUNK).slice(1) : ['app', f.match(APP_CHUNK)[1]];
  return `${page}/${chunk.replace(/^chunk-\d+$/, 'shared')}`;
};
let failed = false;
for (const f of code.filter(isChunk)) {
  const chunk = chunkName(f);
  BUNDLES.push({ name: `the chunk “${chunk}”`, match: new RegExp(`^${f.replace(/\./g, '\\.')}$`), files: 1,
    limitKb: CHUNKS[chunk] ?? 0, targetKb: CHUNK_TARGET_KB });
  if (!(chunk in CHUNKS)) console.error(`size-check: the chunk “${chunk}” (${f}) has no limit: add one to CHUNKS in scripts/size-check.mjs`);
}
for (const chunk of Object.keys(CHUNKS)) {
  if (!code.some((f) => isChunk(f) && chunkName(f) === chunk)) {
    console.error(`size-check: the chunk “${chunk}” is missing from ${dir}: its code went back into the bundle, or the split failed`);
    failed = true;
  }
}
// No single file of code over 150 KB: reported, not failed, while the app's is (see
// docs/performance.md).
for (const f of code.filter((f) => f.endsWith('.wasm'))) {
  const size = brotliCompressSync(readFileSync(join(dir, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (size > 150 * 1024) console.log(`size-check: note: ${f} is ${(size / 1024).toFixed(1)} KB brotli, over the 150 KB a wasm file should stay under`);
}
for (const { name, match, files: count, limitKb, targetKb } of BUNDLES) {
  const files = code.filter((f) => match.test(f));
  if (files.length !== count || !files.some((f) => f.endsWith('.wasm'))) {
    console.error(`size-check: ${name}: expected ${count} files (its .wasm${count > 1 ? ' and JavaScript' : ''}) in ${dir}, found ${files.join(', ') || 'nothing'}: build the app first`);
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
const stray = code.filter((f) => !BUNDLES.some((b) => b.match.test(f)));
if (stray.length) {
  console.error(`size-check: code that belongs to no bundle: ${stray.join(', ')}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
