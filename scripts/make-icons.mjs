#!/usr/bin/env node
// Renders the app icons (public/icons/*.png) from SVG with headless Chromium. The PNGs are
// committed; run this again only when the design changes: node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
// `any` icons: rounded tile. `maskable`: full-bleed background, glyph inside the 80% safe zone.
const glyph = (scale) => `<g transform="translate(${32 - 32 * scale} ${32 - 32 * scale}) scale(${scale})">
  <path d="M16 18h32v5H16zm0 10h32v3H16zm0 8h32v3H16zm0 8h22v3H16z" fill="#fff"/></g>`;
const svgs = {
  'icon-192.png': [192, `<rect width="64" height="64" rx="14" fill="#8a1c1c"/>${glyph(1)}`],
  'icon-512.png': [512, `<rect width="64" height="64" rx="14" fill="#8a1c1c"/>${glyph(1)}`],
  'maskable-512.png': [512, `<rect width="64" height="64" fill="#8a1c1c"/>${glyph(0.8)}`],
  'apple-touch-icon.png': [180, `<rect width="64" height="64" fill="#8a1c1c"/>${glyph(0.85)}`],
};
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [name, [size, body]] of Object.entries(svgs)) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="${size}" height="${size}">${body}</svg>`);
    await page.screenshot({ path: dir + name, omitBackground: true });
    await page.close();
    console.log(`wrote public/icons/${name}`);
  }
} finally {
  await browser.close();
}
