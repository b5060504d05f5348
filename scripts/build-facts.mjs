#!/usr/bin/env node
// Puts the shared names of src/facts.json (cache names, message types, the id rule, embed
// options, element ids, settings keys and values) where the JavaScript needs them, so that no
// copy is written by hand:
//   - index.html's markup names them as __FACT_<key>__ (the crash screen's element id),
//     replaced here by their JSON value in every .html page of the output (before the prerender
//     copies the page);
//   - the pages' own scripts (src/page/) import them, bundled by build-page-scripts.mjs;
//   - embed.js (src/embed/embed.js) imports them and is bundled here with esbuild;
//   - the service worker imports them too (scripts/build-sw.mjs bundles it).
// The Rust app gets them from build.rs. tests/facts.rs fails if a copy appears anywhere else.
// Run by scripts/post-build.mjs first, or by hand: node scripts/build-facts.mjs [dir]
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
const facts = JSON.parse(readFileSync(`${root}/src/facts.json`, 'utf8'));

let replaced = 0;
for (const name of readdirSync(out).filter((f) => f.endsWith('.html'))) {
  const path = `${out}/${name}`;
  const page = readFileSync(path, 'utf8');
  const filled = page.replace(/__FACT_([a-z0-9_]+)__/g, (token, key) => {
    if (!(key in facts) || key.startsWith('/')) {
      console.error(`build-facts: ${name} names ${token}, but src/facts.json has no "${key}"`);
      process.exit(1);
    }
    replaced += 1;
    return JSON.stringify(facts[key]);
  });
  if (filled !== page) writeFileSync(path, filled);
}

await build({
  entryPoints: [`${root}/src/embed/embed.js`],
  bundle: true,
  format: 'iife',
  target: 'es2017',
  minify: true,
  legalComments: 'inline',
  outfile: `${out}/embed.js`,
  logLevel: 'warning',
});
console.log(`build-facts: ${replaced} names written into the pages; embed.js bundled`);
