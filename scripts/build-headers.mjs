#!/usr/bin/env node
// The Content-Security-Policy, delivered twice:
// - as a <meta http-equiv> at the top of index.html and of every prerendered page, so it holds on
//   any static host (and for pages the service worker serves), and
// - in {out}/_headers (with {out}/_redirects, the SPA fallback), the HTTP headers a static host should send, in the format Netlify and
//   Cloudflare Pages read (scripts/serve.mjs applies the same file), with what a <meta> cannot
//   carry: frame-ancestors (app pages refuse to be framed; /embed pages may be framed anywhere;
//   list partner origins instead of * to restrict them).
// The policy allows index.html's inline scripts by their SHA-256 hashes, computed here from the
// real files, and requires Trusted Types (the policy `default` is created in index.html).
// The prerendered pages are not read: the publish command (src/bin/publish.rs) prints the inline
// scripts they run (`--page-scripts`), which are the same for every article, and writes every
// page with this policy, unchanged, whatever the articles. So the policy is the code build's:
// publishing an article never changes it.
// Run by scripts/post-build.mjs after the islands bundle and before the first publish and the
// service worker's precache list, or by hand: node scripts/build-headers.mjs [dir]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE } from './site-config.mjs';
import { CACHE, NAMES, PICTURES_UNDER, SEARCH_EXTENSIONS, SIZED_UNDER, isHashed } from './headers-table.mjs';

const FACTS = JSON.parse(readFileSync(new URL('../src/facts.json', import.meta.url), 'utf8'));
import { execFileSync } from 'node:child_process';
import { publishBinary } from './publish-binary.mjs';
import { ISLANDS_MAIN } from './islands-files.mjs';
import { nativeEnv } from './native-env.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
// The scripts the prerendered pages run (a release build: it has islands bundles); the
// command also keeps Trunk's index.html as shell.html, the app shell and the pages' template.
const islands = readdirSync(out).some((f) => ISLANDS_MAIN.test(f));
const pageScripts = islands
  ? JSON.parse(execFileSync(publishBinary(), ['--page-scripts', '--out', out], { env: nativeEnv() }).toString())
  : [];
// The code build's pages (the app shell, and index.html until the publish writes the front
// page; a build run again over its own output also has the published pages, which carry the
// same scripts).
const pagePaths = [];
(function scan(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) scan(path);
    else if (entry.name.endsWith('.html') && entry.name !== 'embed-demo.html') pagePaths.push(path);
  }
})(out);
const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
// Inline scripts that run (not JSON data blocks), inline <style> elements (the stylesheet is
// inlined by Trunk): each allowed by its hash. No page may carry a style attribute: the policy
// is one for the whole site, in every page, and must stay the same however large the archive
// grows (pictures take their shape from a sizer's width and height attributes, the reading progress starts empty from
// the stylesheet, and the app styles through the CSSOM, which the policy does not govern).
const hashes = new Set(pageScripts.map((body) => sha(body)));
const styleElementHashes = new Set();
const styleAttributes = [];
// The demo partner page is served under the same site-wide policy: its own <style> is allowed
// by hash too (its header adds a policy of its own, which both must satisfy).
const demo = join(out, 'embed-demo.html');
if (existsSync(demo)) {
  for (const [, body] of readFileSync(demo, 'utf8').matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styleElementHashes.add(sha(body));
}
for (const path of pagePaths) {
  const page = readFileSync(path, 'utf8');
  for (const [, tag, body] of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!body.trim() || /\ssrc=/i.test(` ${tag}`) || /type=["']?application\/(ld\+)?json/i.test(tag)) continue;
    hashes.add(sha(body));
  }
  for (const [, body] of page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styleElementHashes.add(sha(body));
  for (const [attribute] of page.matchAll(/<[a-z][^>]*\sstyle=("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
    styleAttributes.push(`${relative(out, path)}: ${attribute.slice(0, 120)}`);
  }
}
if (styleAttributes.length) {
  console.error('build-headers: pages carry style attributes, which the site-wide policy does not allow '
    + '(it would need a hash for each, in every page). Style through a class or the CSSOM instead:\n  '
    + styleAttributes.slice(0, 20).join('\n  ') + (styleAttributes.length > 20 ? `\n  … and ${styleAttributes.length - 20} more` : ''));
  process.exit(1);
}

const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${[...hashes].sort().join(' ')}`.trim(),
  `style-src 'self' ${[...styleElementHashes].sort().join(' ')}`.trim(),
  // Articles show images from anywhere, and saving one offline downloads them. Which origins
  // articles themselves come from is site.json's `sources`, checked by the app.
  "img-src 'self' https: http:",
  "connect-src 'self' https: http:",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  // The one form is the search box, which opens the site's own search page.
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types default",
].join('; ');

// The <meta> copy, first thing after the charset, in every HTML page the app serves.
const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}">`;
for (const path of pagePaths) {
  const page = readFileSync(path, 'utf8')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  // Trunk minifies index.html: `<meta charset=utf-8>`.
  const charset = /<meta charset="?utf-8"?>/i;
  if (!charset.test(page)) throw new Error(`${path}: no <meta charset="utf-8">`);
  writeFileSync(path, page.replace(charset, (tag) => `${tag}${meta}`));
}
const pages = pagePaths.length;

// The folder the reader is served from (site.json's base_path): every path below is in it.
const at = (path) => `${BASE}${path.replace(/^\//, '')}`;
const rules = {
  '/*': {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Public files: a strictly sandboxed embed (an opaque origin) must still load them.
    'Access-Control-Allow-Origin': '*',
  },
  // The reader's own pages are never framed…
  [at('/')]: { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' },
  [at('/articles/*')]: { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' },
  [at('/read')]: { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' },
  [at('/saved')]: { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' },
  // …embeds are.
  [at('/embed')]: { 'Content-Security-Policy': 'frame-ancestors *' },
  [at('/embed/*')]: { 'Content-Security-Policy': 'frame-ancestors *' },
  // The demo partner page has its own inline styles.
  [at('/embed-demo.html')]: { 'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'" },
  [at('/sw.js')]: { 'Cache-Control': CACHE.other },
};
// Caching and the types hosts guess wrong, from the one table of headers (src/headers.json,
// which the deploy and the local server read too): the code build's hashed files a year, the
// search index's files a year, pictures an hour; the feeds by their kind. (No two of these
// rules match one path: a host that joins the values of a header named twice would break it.)
for (const name of readdirSync(out).filter((f) => isHashed(f)).sort()) rules[at(`/${name}`)] = { 'Cache-Control': CACHE.hashed };
for (const extension of SEARCH_EXTENSIONS) rules[at(`/${FACTS.search_dir}*.${extension}`)] = { 'Cache-Control': CACHE.hashed };
rules[at(`/${PICTURES_UNDER}*`)] = { 'Cache-Control': CACHE.pictures };
rules[at(`/${SIZED_UNDER}*`)] = { 'Cache-Control': CACHE.hashed };
for (const [name, type] of NAMES.filter(([n]) => !n.startsWith('_'))) rules[at(`/*${name}`)] = { 'Content-Type': type };

const text = Object.entries(rules)
  .map(([path, headers]) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'))
  .join('\n\n');
writeFileSync(`${out}/_headers`, `${text}\n`);
// Netlify and Cloudflare Pages: every path that is no file gets the app shell (the SPA
// fallback); files, and folders' index.html (the prerendered pages), are served first.
if (existsSync(`${out}/shell.html`)) writeFileSync(`${out}/_redirects`, `${at('/*')} ${at('/shell.html')} 200\n`);
// GitHub Pages serves 404.html for every path that is no file: the app shell there is the
// SPA fallback (with status 404, which browsers ignore for a page that renders).
if (existsSync(`${out}/shell.html`)) writeFileSync(`${out}/404.html`, readFileSync(`${out}/shell.html`, 'utf8'));
console.log(`build-headers: ${out}/_headers and a <meta> policy in ${pages} pages (${hashes.size} inline scripts, ${styleElementHashes.size} style elements allowed by hash)`);
