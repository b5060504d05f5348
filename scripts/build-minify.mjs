#!/usr/bin/env node
// Minifies the app's JavaScript glue (wasm-bindgen's output, which Trunk's own minifier leaves
// as it is) with esbuild, and updates its Subresource Integrity hash in index.html. Run by
// scripts/post-build.mjs first, before the prerender copies index.html, or by hand:
//   node scripts/build-minify.mjs [dir]
import { transformSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)));
const sri = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
const glue = readdirSync(out).filter((f) => /^article-reader-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`build-minify: expected one app script in ${out}, found ${glue.length}`);
const file = join(out, glue[0]);
const before = readFileSync(file);
const { code } = transformSync(before.toString('utf8'), { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' });
writeFileSync(file, code);
const page = join(out, 'index.html');
const html = readFileSync(page, 'utf8');
if (!html.includes(sri(before))) throw new Error(`build-minify: index.html has no integrity hash for ${glue[0]}`);
writeFileSync(page, html.replaceAll(sri(before), sri(code)));
console.log(`build-minify: ${glue[0]} ${before.length} → ${code.length} bytes`);
