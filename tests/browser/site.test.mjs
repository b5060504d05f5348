// The site's configuration (site.json) names and colours everything the reader shows: the
// header, page titles, the manifest, oEmbed, metadata and the accent. With a configuration
// that names another site, nothing in the build says "Article Reader".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, open, readJson, SITE, useApp } from './harness.mjs';

const app = useApp();

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

test('nothing in the build names another site than the configured one', () => {
  assert.notEqual(SITE.name, 'Article Reader', 'this test needs a configuration that names another site');
  const found = [...files(DIST)]
    .filter((f) => /\.(html|js|json|webmanifest|css|svg|txt|xml|wasm)$/.test(f))
    .filter((f) => readFileSync(f).includes('Article Reader'));
  assert.deepEqual(found, []);
});

test('the header, the title and the favicon are the site\'s', async () => {
  const page = await open(app, '/', { wait: '.article-list' });
  assert.equal((await page.locator('.brand-name').textContent()).trim(), SITE.name);
  const logo = await page.locator('.brand-logo').evaluate((img) => [img.getAttribute('src'), img.naturalWidth > 0, img.alt]);
  assert.deepEqual(logo, ['/brand/logo.svg', true, ''], 'the logo shows, as decoration beside the name');
  assert.equal(await page.title(), `Latest articles · ${SITE.name}`);
  assert.equal(await page.locator('link[rel=icon]').getAttribute('href'), '/brand/logo.svg');
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  assert.match(accent, new RegExp(SITE.accent.light, 'i'));
  page.assertClean();
  await page.close();
});

test('the accent follows the theme: the dark accent on dark pages', async () => {
  const page = await open(app, '/', { wait: '.article-list', colorScheme: 'dark' });
  const label = await page.locator('.section-label').first().evaluate((e) => getComputedStyle(e).color);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(SITE.accent.dark.slice(i, i + 2), 16));
  assert.equal(label, `rgb(${r}, ${g}, ${b})`);
  await page.close();
});

test('the manifest, oEmbed and the article metadata name the site', async () => {
  const manifest = readJson(join(DIST, 'manifest.webmanifest'));
  assert.equal(manifest.name, SITE.name);
  assert.equal(manifest.short_name, SITE.short_name);
  assert.equal(manifest.description, SITE.description);
  assert.equal(manifest.theme_color, SITE.accent.light.toLowerCase());
  const [first] = readJson(join(DIST, 'articles/index.json')).articles;
  const oembed = readJson(join(DIST, `oembed/${first.id}.json`));
  assert.equal(oembed.provider_name, SITE.name);
  assert.equal(oembed.provider_url, `${SITE.public_url.replace(/\/$/, '')}/`);
  const html = readFileSync(join(DIST, `articles/${first.id}/index.html`), 'utf8');
  assert.ok(html.includes(`<meta property="og:site_name" content="${SITE.name}"`), 'og:site_name');
  if (SITE.social?.twitter) assert.ok(html.includes(`<meta name="twitter:site" content="${SITE.social.twitter}"`), 'twitter:site');
});

test('an article that names no publisher is published by the site in its JSON-LD', () => {
  // rain-gauge-volunteers names no publisher.
  assert.equal(readJson(join(DIST, 'articles/rain-gauge-volunteers.json')).publisher, undefined);
  const html = readFileSync(join(DIST, 'articles/rain-gauge-volunteers/index.html'), 'utf8');
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s)[1]);
  assert.equal(ld.publisher.name, SITE.publisher?.name ?? SITE.name);
  assert.equal(ld.publisher.logo.url, `${SITE.public_url.replace(/\/$/, '')}/brand/logo.svg`);
});
