#!/usr/bin/env node
// Builds dist/sw.js: bundles src/sw/service-worker.js with esbuild, then lets Workbox's
// injectManifest write the precache list (URL + revision hash of every file the app needs to
// start) from what is really in the output folder. Run by Trunk as a post-build hook (on its
// staging folder) or by hand: node scripts/build-sw.mjs [dir]
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const FACTS = JSON.parse(readFileSync(new URL('../src/facts.json', import.meta.url), 'utf8'));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);

const bundled = `${out}/sw.js`;
// The page every navigation is answered with: the app shell that the prerender keeps
// (shell.html; index.html is the prerendered front page), or index.html in a debug build,
// which is not prerendered.
const shell = existsSync(`${out}/shell.html`) ? 'shell.html' : 'index.html';
await build({
  entryPoints: [`${root}/src/sw/service-worker.js`],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', SHELL_URL: JSON.stringify(shell) },
  outfile: bundled,
  logLevel: 'warning',
});

const { count, size, warnings } = await injectManifest({
  swSrc: bundled,
  swDest: bundled,
  globDirectory: out,
  // The app shell: the shell page, its hashed wasm/js/css, icons and manifest. Articles are cached at
  // run time (stale-while-revalidate) and saved on request.
  globPatterns: [shell, '*.{js,wasm,css,svg,png,webmanifest}', 'icons/*.png', 'brand/*', `${FACTS.catalogs_dir}*.json`, ...(existsSync(`${out}/fonts`) ? ['fonts/*.{woff2,woff}'] : [])],
  // (The precompressed copies are not files the app asks for: on a build run again over its
  // own output they are already there.)
  globIgnores: ['sw.js', 'embed.js', '**/*.br', '**/*.gz'],
  // Trunk's file names carry a content hash: no extra revision needed for them.
  dontCacheBustURLsMatching: /-[0-9a-f]{12,20}(_bg)?\.(js|wasm|css|svg)$/,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
});
for (const w of warnings) console.warn(`build-sw: ${w}`);
if (count === 0) {
  console.error('build-sw: the precache list is empty');
  process.exit(1);
}
console.log(`build-sw: ${out}/sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KiB)`);
