#!/usr/bin/env node
// The Content-Security-Policy, delivered twice:
// - as a <meta http-equiv> at the top of index.html and of every prerendered page, so it holds on
//   any static host (and for pages the service worker serves), and
// - in {out}/_headers, the HTTP headers a static host should send, in the format Netlify and
//   Cloudflare Pages read (scripts/serve.mjs applies the same file), with what a <meta> cannot
//   carry: frame-ancestors (app pages refuse to be framed; /embed pages may be framed anywhere;
//   list partner origins instead of * to restrict them).
// The policy allows index.html's inline scripts by their SHA-256 hashes, computed here from the
// real files, and requires Trusted Types (the policy `default` is created in index.html).
// Run by scripts/post-build.mjs after prerendering, before the service worker's precache list is
// made (which must see the final index.html), or by hand: node scripts/build-headers.mjs [dir]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
const html = readFileSync(`${out}/index.html`, 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
  .filter(([tag, body]) => body.trim() && !/\ssrc=/i.test(tag.split('>')[0]))
  .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);

// Prerendered pages carry a few inline style attributes (the images' aspect ratios, which the
// app itself sets through the CSSOM): allow exactly those values.
const styleHashes = new Set();
(function scan(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) scan(path);
    else if (entry.name.endsWith('.html') && entry.name !== 'embed-demo.html') {
      for (const [, value] of readFileSync(path, 'utf8').matchAll(/\sstyle="([^"]*)"/g)) {
        styleHashes.add(`'sha256-${createHash('sha256').update(value.replace(/&quot;/g, '"').replace(/&amp;/g, '&')).digest('base64')}'`);
      }
    }
  }
})(out);

const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  styleHashes.size ? `style-src 'self' 'unsafe-hashes' ${[...styleHashes].sort().join(' ')}` : "style-src 'self'",
  // Articles may come from any feed and show images from anywhere.
  "img-src 'self' https: http:",
  "connect-src 'self' https: http:",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types default",
].join('; ');

// The <meta> copy, first thing after the charset, in every HTML page the app serves.
const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}">`;
let pages = 0;
(function insert(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) insert(path);
    else if (entry.name.endsWith('.html') && entry.name !== 'embed-demo.html') {
      const page = readFileSync(path, 'utf8')
        .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      // Trunk minifies index.html: `<meta charset=utf-8>`.
      const charset = /<meta charset="?utf-8"?>/i;
      if (!charset.test(page)) throw new Error(`${path}: no <meta charset="utf-8">`);
      writeFileSync(path, page.replace(charset, (tag) => `${tag}${meta}`));
      pages += 1;
    }
  }
})(out);

const rules = {
  '/*': {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Public files: a strictly sandboxed embed (an opaque origin) must still load them.
    'Access-Control-Allow-Origin': '*',
  },
  // The reader's own pages are never framed…
  '/': { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' },
  '/articles/*': { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' },
  '/read': { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' },
  '/saved': { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' },
  // …embeds are.
  '/embed': { 'Content-Security-Policy': 'frame-ancestors *' },
  '/embed/*': { 'Content-Security-Policy': 'frame-ancestors *' },
  // The demo partner page has its own inline styles.
  '/embed-demo.html': { 'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'" },
  '/sw.js': { 'Cache-Control': 'no-cache' },
};

const text = Object.entries(rules)
  .map(([path, headers]) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'))
  .join('\n\n');
writeFileSync(`${out}/_headers`, `${text}\n`);
console.log(`build-headers: ${out}/_headers and a <meta> policy in ${pages} pages (${hashes.length} inline scripts, ${styleHashes.size} inline styles allowed by hash)`);
