#!/usr/bin/env node
// Trunk's post-build hook: runs the static build steps one after the other on the output
// folder (Trunk would start separate hooks at the same time): the shared names (facts), the
// app's JavaScript minified,
// oEmbed responses, the prerendered
// article pages and their search index, the security policy (headers file and <meta> in every page, which must see the
// prerendered pages), the service worker (whose precache list must see the finished
// index.html), and last the precompressed copies of everything.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nativeEnv } from './native-env.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));
const node = (step) => execFileSync(process.execPath, [fileURLToPath(new URL(step, import.meta.url)), dir], { stdio: 'inherit' });
// The shared names of src/facts.json into the pages and embed.js, before anything copies
// index.html.
node('build-facts.mjs');
// The pages' own scripts (src/page/), bundled into their <script data-part> elements.
node('build-page-scripts.mjs');
// The site's configuration (site.json): logo, manifest, name and colours in the pages.
node('build-site.mjs');
// The app's JavaScript glue, minified (release builds), before anything copies index.html.
if (process.env.TRUNK_PROFILE !== 'debug') node('build-minify.mjs');
node('build-oembed.mjs');
// Release builds prerender the bundled articles with the app's components (a native build),
// their interactive parts as islands, which the islands bundle (built first) brings to life.
if (process.env.TRUNK_PROFILE !== 'debug') {
  node('build-islands.mjs');
  execFileSync('cargo', ['run', '--quiet', '--features', 'ssr,islands', '--bin', 'prerender', '--', dir], {
    stdio: 'inherit',
    // The wasm's size levers (scripts/build.sh) are not for this native build.
    env: nativeEnv(),
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  // The search index over the prerendered articles.
  node('build-search.mjs');
}
// After prerendering: the policy allows the inline styles the prerendered pages carry.
node('build-headers.mjs');
node('build-sw.mjs');
node('build-compress.mjs');
