#!/usr/bin/env node
// Takes a full-page screenshot of a URL in Debian's headless Chromium.
//   node scripts/screenshot.mjs URL OUT.png [--width 1280] [--dark] [--full]
import { chromium } from 'playwright-core';

const [url, out, ...rest] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [--width N] [--dark] [--full]');
  process.exit(2);
}
const width = Number(rest[rest.indexOf('--width') + 1]) || 1280;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({
    viewport: { width, height: 900 },
    colorScheme: rest.includes('--dark') ? 'dark' : 'light',
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.screenshot({ path: out, fullPage: rest.includes('--full') });
  if (errors.length) console.error(errors.join('\n'));
} finally {
  await browser.close();
}
