#!/usr/bin/env node
// Trunk's post-build hook, the rest of a code release: runs the static build steps one after
// the other on the output folder (Trunk would start separate hooks at the same time): the
// shared names (facts), the pages' own scripts, the site's configuration, the app's JavaScript
// minified, the islands bundle, the security policy (headers file and <meta> in the app shell;
// it must know the scripts the prerendered pages run), then the first publish of the archive
// (src/bin/publish.rs: every article's pages, the indexes, feeds, sitemaps and search shards,
// each with its brotli copy), the service worker (whose precache list must see the finished
// app shell), and last the compressed copies of the code build's own files.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nativeEnv } from './native-env.mjs';
import { publishBinary } from './publish-binary.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const release = process.env.TRUNK_PROFILE !== 'debug';
const node = (step) => execFileSync(process.execPath, [fileURLToPath(new URL(step, import.meta.url)), dir], { stdio: 'inherit' });
// The shared names of src/facts.json into the pages and embed.js, before anything copies
// index.html.
node('build-facts.mjs');
// The pages' own scripts (src/page/), bundled into their <script data-part> elements.
node('build-page-scripts.mjs');
// The site's configuration (site.json): logo, manifest, name and colours in the pages.
node('build-site.mjs');
// The app split by route (Trunk built and bound it whole), then its JavaScript glue minified
// (release builds), before anything copies index.html.
node('build-app-split.mjs');
if (release) node('build-minify.mjs');
// The publish and deploy commands, native (a code release builds them; a content release only
// runs them).
execFileSync('cargo', ['build', '--quiet', '--profile', 'native', '--features', 'publish', '--bin', 'publish', '--bin', 'deploy'], {
  stdio: 'inherit',
  // The wasm's size levers (scripts/build.sh) are not for this native build.
  env: nativeEnv(),
  cwd: root,
});
const publish = (...args) => execFileSync(publishBinary(), [...args, '--out', dir], { stdio: 'inherit', env: nativeEnv(), cwd: root });
// The interface catalogues the browser loads (every language but English, which the wasm carries).
publish('--catalogs');
if (release) {
  // The islands bundle the prerendered pages start.
  node('build-islands.mjs');
  // The policy, from the app shell and the scripts the prerendered pages will run; every page
  // the publish writes carries it unchanged, whatever the articles.
  node('build-headers.mjs');
  publish('--archive', process.env.READER_ARCHIVE ?? `${root}public/articles`);
} else {
  // A debug build prerenders nothing: the articles' JSON and the index pages only.
  publish('--archive', process.env.READER_ARCHIVE ?? `${root}public/articles`, '--json-only');
  node('build-headers.mjs');
}
node('build-sw.mjs');
node('build-compress.mjs');
