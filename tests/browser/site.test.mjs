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

// The names of the project's other configurations: none may appear in this build.
const OTHERS = ['site.json', ...readdirSync(new URL('../../sites/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => `sites/${f}`)]
  .map((f) => JSON.parse(readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8')).name)
  .filter((name) => name !== SITE.name);

// A name the bundled articles themselves carry (as their publisher) may appear in their pages:
// that is content. Such a name is looked for everywhere else; any other name, everywhere.
const CONTENT = [...files(join(DIST, 'articles'))].filter((f) => f.endsWith('.json')).map((f) => readFileSync(f, 'utf8')).join('\n');
const isContentPage = (f) => f.startsWith(join(DIST, 'articles')) || f.startsWith(join(DIST, 'embed'));

test('nothing in the build names another site than the configured one', () => {
  assert.ok(OTHERS.length > 0, 'the project has another configuration to compare with');
  const found = [...files(DIST)]
    .filter((f) => /\.(html|js|json|webmanifest|css|svg|txt|xml|wasm)$/.test(f))
    .flatMap((f) => OTHERS
      .filter((name) => !(CONTENT.includes(name) && isContentPage(f)))
      .filter((name) => readFileSync(f).includes(name)).map((name) => `${f}: ${name}`));
  assert.deepEqual(found, []);
});

test('the header, the title and the favicon are the site\'s', async () => {
  const page = await open(app, '/', { wait: '.article-list' });
  assert.equal((await page.locator('.brand-name').textContent()).trim(), SITE.name);
  // The name beside the logo, or (header: "logo") only for screen readers: the link's name.
  assert.equal(await page.locator('.brand-name').evaluate((e) => e.classList.contains('visually-hidden')), SITE.header === 'logo');
  assert.equal(await page.getByRole('link', { name: SITE.name, exact: true }).count(), 1);
  const logo = await page.locator('.brand-logo').evaluate((img) => [img.getAttribute('src'), img.naturalWidth > 0, img.alt]);
  assert.deepEqual(logo, ['/brand/logo.svg', true, ''], 'the logo shows, as decoration beside the name');
  assert.equal(await page.title(), `Latest articles · ${SITE.name}`);
  assert.equal(await page.locator('link[rel=icon]').getAttribute('href'), '/brand/logo.svg');
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  assert.match(accent, new RegExp(SITE.accent.light, 'i'));
  page.assertClean();
  await page.close();
});

test('the typefaces and the corner radius are the site\'s', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', { wait: '.article-body' });
  const [headline, body, radius] = await page.evaluate(() => [
    getComputedStyle(document.querySelector('.headline')).fontFamily,
    getComputedStyle(document.querySelector('.article-body p')).fontFamily,
    getComputedStyle(document.querySelector('.takeaways')).borderTopLeftRadius,
  ]);
  const css = readFileSync(join(DIST, 'index.html'), 'utf8');
  const defaultSerif = css.match(/--font-serif:\s*([^;]+);/)[1].trim();
  const norm = (f) => f.replace(/\s*,\s*/g, ',').replace(/'/g, '"').trim();
  assert.equal(norm(headline), norm(SITE.fonts?.headline ?? defaultSerif));
  assert.equal(norm(body), norm(SITE.fonts?.body ?? defaultSerif));
  assert.equal(radius, `${SITE.radius ?? 10}px`);
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
  assert.equal(manifest.lang, SITE.languages.default);
  // The shortcut to the Saved page, in the default language (the front page's "Saved" link).
  const page = await open(app, '/saved', { wait: 'main h1' });
  assert.deepEqual(manifest.shortcuts.map((s) => [s.url, s.short_name]), [['/saved', (await page.locator('.nav-saved').textContent()).trim()]]);
  assert.ok(manifest.shortcuts[0].name.length > manifest.shortcuts[0].short_name.length);
  page.assertClean();
  await page.close();
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
