#!/usr/bin/env node
// Trunk's post-build hook: runs the static build steps one after the other on the output
// folder (Trunk would start separate hooks at the same time): oEmbed responses, the headers
// file, then the service worker, whose precache list must see the finished output.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));
for (const step of ['build-oembed.mjs', 'build-headers.mjs', 'build-sw.mjs']) {
  execFileSync(process.execPath, [fileURLToPath(new URL(step, import.meta.url)), dir], { stdio: 'inherit' });
}
