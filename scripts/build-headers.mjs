#!/usr/bin/env node
// Writes {out}/_headers: the HTTP headers a static host should send, in the format Netlify and
// Cloudflare Pages read (scripts/serve.mjs applies the same file). The Content-Security-Policy
// allows the inline bootstrap script Trunk writes into index.html by its SHA-256 hash, computed
// here from the real file. App pages refuse to be framed; /embed pages may be framed anywhere
// (list partner origins instead of * to restrict them).
// Run by Trunk after each build, or by hand: node scripts/build-headers.mjs [dir]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
const html = readFileSync(`${out}/index.html`, 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
  .filter(([tag, body]) => body.trim() && !/\ssrc=/i.test(tag.split('>')[0]))
  .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);

const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  // Articles may come from any feed and show images from anywhere.
  "img-src 'self' https: http:",
  "connect-src 'self' https: http:",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

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
console.log(`build-headers: ${out}/_headers (${hashes.length} inline script hash${hashes.length === 1 ? '' : 'es'})`);
