#!/usr/bin/env node
// Trunk's post-build hook: runs the static build steps one after the other on the output
// folder (Trunk would start separate hooks at the same time): oEmbed responses, the headers
// file, the service worker (whose precache list must see the finished output), and last the
// precompressed copies of everything, the service worker included.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));
for (const step of ['build-oembed.mjs', 'build-headers.mjs', 'build-sw.mjs', 'build-compress.mjs']) {
  execFileSync(process.execPath, [fileURLToPath(new URL(step, import.meta.url)), dir], { stdio: 'inherit' });
}
