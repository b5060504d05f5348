#!/usr/bin/env node
// Bundles the pages' own scripts (src/page/{part}.js for each <script data-part>: the Trusted Types policy and crash screen, the
// reader's settings before the first paint, the early download of the page's JSON, the service
// worker's early messages, an embed's options and sizing) with esbuild, each importing the
// shared names of src/facts.json and the site's folder and sources (site.json), and puts each
// inline in its `<script data-part=…>` of every page in the output. They run before the app,
// so they are inline (the policy allows them by hash, scripts/build-headers.mjs); a prerendered
// page keeps only the parts it runs (src/bin/prerender/template.rs).
// Run by scripts/post-build.mjs, or by hand: node scripts/build-page-scripts.mjs [dir]
import { buildSync } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { BASE, SOURCES } from './site-config.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);

/** Each part's code: src/page/{part}.js bundled (cached by part). */
const bundled = new Map();
function bundle(part) {
  if (!bundled.has(part)) {
    const entry = `${root}/src/page/${part}.js`;
    if (!existsSync(entry)) {
      console.error(`build-page-scripts: a page has <script data-part="${part}">, but there is no src/page/${part}.js`);
      process.exit(1);
    }
    const { outputFiles } = buildSync({
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      write: false,
      define: { BASE_PATH: JSON.stringify(BASE), SOURCES: JSON.stringify(SOURCES) },
      logLevel: 'warning',
    });
    // Inline in HTML: no "</script" may appear in it.
    bundled.set(part, outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1'));
  }
  return bundled.get(part);
}

let filled = 0;
for (const name of readdirSync(out).filter((f) => f.endsWith('.html'))) {
  const path = `${out}/${name}`;
  const page = readFileSync(path, 'utf8');
  const seen = new Set();
  const next = page.replace(/(<script data-part="?([a-z-]+)"?>)([\s\S]*?)(<\/script>)/g, (all, open, part, body, close) => {
    if (body.trim()) {
      console.error(`build-page-scripts: ${name}'s <script data-part="${part}"> is not empty: its code belongs in src/page/${part}.js`);
      process.exit(1);
    }
    seen.add(part);
    return open + bundle(part) + close;
  });
  if (seen.size === 0) continue;
  writeFileSync(path, next);
  filled += seen.size;
}
console.log(`build-page-scripts: ${filled} page scripts in the pages (${[...bundled].map(([p, c]) => `${p} ${c.length} B`).join(', ')})`);
