// The site's configuration (site.json) names and colours everything the reader shows: the
// header, page titles, the manifest, oEmbed, metadata and the accent. With a configuration
// that names another site, nothing in the build says "Article Reader".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, CHROMIUM, DIST, open, readJson, settle, SITE, useApp, watchPolicy, at } from './harness.mjs';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

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
// The feeds carry whole articles (their credits too), and the publish's manifest their entries.
const isContentPage = (f) => ['articles', 'embed', 'sections', '.publish', 'feed.xml', 'atom.xml', 'feed.json']
  .some((p) => f.startsWith(join(DIST, p)));

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
  assert.deepEqual(logo, [at('/brand/logo.svg'), true, ''], 'the logo shows, as decoration beside the name');
  assert.equal(await page.title(), `Latest articles · ${SITE.name}`);
  assert.equal(await page.locator('link[rel=icon]').getAttribute('href'), at('/brand/logo.svg'));
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
  // The page's own background, light and dark, as the stylesheet paints it.
  const page0 = await open(app, '/', { wait: '.article-list', colorScheme: 'light' });
  const themeColors = await page0.evaluate(() => [...document.querySelectorAll('meta[name=theme-color]')].map((m) => m.content));
  const painted = [];
  for (const scheme of ['light', 'dark']) {
    await page0.emulateMedia({ colorScheme: scheme });
    painted.push(await page0.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    }));
  }
  assert.deepEqual(themeColors, painted, 'theme-color follows the stylesheet');
  assert.equal(manifest.background_color, painted[0]);
  await page0.close();
  assert.equal(manifest.lang, SITE.languages.default);
  // The shortcut to the Saved page, in the default language (the front page's "Saved" link).
  const page = await open(app, '/saved', { wait: 'main h1' });
  assert.deepEqual(manifest.shortcuts.map((s) => [s.url, s.short_name]), [[at('/saved'), (await page.locator('.nav-saved').textContent()).trim()]]);
  assert.ok(manifest.shortcuts[0].name.length > manifest.shortcuts[0].short_name.length);
  page.assertClean();
  await page.close();
  const [first] = readJson(join(DIST, 'articles/index.json')).articles;
  const oembed = readJson(join(DIST, `oembed/${first.id}.json`));
  assert.equal(oembed.provider_name, SITE.name);
  assert.equal(oembed.provider_url, `${SITE.public_url.replace(/\/$/, '')}${BASE}`);
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
  assert.equal(ld.publisher.logo.url, `${SITE.public_url.replace(/\/$/, '')}${at('/brand/logo.svg')}`);
});

/** Every same-origin address the page refers to or has loaded (links, images, scripts, styles,
 * fetches), which must all be inside the reader's folder. */
async function addressesOutside(page, folder) {
  return page.evaluate((folder) => {
    const all = [...document.querySelectorAll('[href], [src]')].map((e) => e.href || e.src)
      .concat(performance.getEntriesByType('resource').map((e) => e.name));
    return all.filter((u) => {
      try {
        const url = new URL(u, location.href);
        return url.origin === location.origin && !url.pathname.startsWith(folder) && !url.pathname.startsWith('/fixtures/');
      } catch {
        return false;
      }
    });
  }, folder);
}

test(`the reader lives in its folder (${BASE}): pages, files, manifest, service worker, oEmbed`, async () => {
  const manifest = readJson(join(DIST, 'manifest.webmanifest'));
  assert.deepEqual([manifest.id, manifest.start_url, manifest.scope], [BASE, BASE, BASE]);
  assert.deepEqual(manifest.icons.concat(manifest.shortcuts).filter((i) => !(i.src ?? i.url).startsWith(BASE)), []);
  const origin = new URL(app.url).origin;
  for (const [path, wait] of [['/', '.article-list'], ['/articles/library-night-hours', '.related-list'], ['/saved', 'main h1'],
    ['/read?src=/fixtures/valid.json', '.article-body'], ['/embed/harbor-bridge-reopens', '.embed-card'], ['/no/such/page', 'main h1']]) {
    const page = await open(app, path, { wait });
    assert.equal(new URL(page.url()).pathname.startsWith(BASE), true);
    assert.deepEqual(await addressesOutside(page, BASE), [], `${path}: everything it refers to is in ${BASE}`);
    page.assertClean();
    await page.close();
  }
  // In-app navigation stays in the folder too: the header's links, an article's related links.
  const page = await open(app, '/articles/library-night-hours', { wait: '.related-list' });
  await page.locator('.related-list a').first().click();
  await page.waitForFunction((n) => location.pathname.startsWith(n) && document.querySelector('h1')?.textContent !== '', at('/articles/'));
  await page.locator('a.nav-saved').click();
  await page.waitForFunction((p) => location.pathname === p, at('/saved'));
  await page.locator('a.brand').click();
  await page.waitForSelector('.article-list');
  assert.equal(new URL(page.url()).pathname, BASE);
  // The service worker's scope is the folder.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${origin}${BASE}`);
  page.assertClean();
  await page.close();
  // oEmbed responses point into the folder of the public address.
  const site = `${SITE.public_url.replace(/\/$/, '')}${BASE}`;
  const oembed = readJson(join(DIST, 'oembed/harbor-bridge-reopens.json'));
  assert.ok(oembed.html.includes(`src="${site}embed.js"`) && oembed.html.includes(`href="${site}articles/harbor-bridge-reopens"`), oembed.html);
  // The static hosts' SPA fallback files name the folder.
  assert.equal(readFileSync(join(DIST, '_redirects'), 'utf8'), `${BASE}* ${BASE}shell.html 200\n`);
  assert.equal(readFileSync(join(DIST, '404.html'), 'utf8'), readFileSync(join(DIST, 'shell.html'), 'utf8'));
});

test('served as GitHub Pages serves a project site: files only, 404.html for the rest, no headers', async () => {
  const pages = await startServer({ root: DIST, base: BASE, githubPages: true });
  const browser = await chromium.launch(CHROMIUM);
  try {
    for (const [path, wait, check] of [
      ['', '.article-list', null],
      // A prerendered article: GitHub Pages adds the folder's closing "/".
      ['/articles/harbor-bridge-reopens', '.article-body', 'Harbor Bridge'],
      // Routes that are no file: 404.html (the app shell) takes over.
      ['/saved', 'main h1', null],
      [`/read?src=${encodeURIComponent(at('/articles/rain-gauge-volunteers.json'))}`, '.article-body', 'Rain Gauges'],
      ['/no/such/page', 'main h1', null],
    ]) {
      const context = watchPolicy(app, await browser.newContext());
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error' && !/404 \(Not Found\)|status of 404/.test(m.text())) errors.push(m.text()); });
      await page.goto(pages.url + path);
      await page.waitForSelector(wait, { timeout: 15_000 });
      await page.waitForFunction(() => (document.documentElement.hasAttribute('data-islands')
        ? document.documentElement.dataset.live === 'islands' : !document.getElementById('prerendered')), null, { timeout: 15_000 });
      if (check) assert.match(await page.locator('main h1').textContent(), new RegExp(check));
      assert.deepEqual(errors, [], `${path}: no errors, no policy violations`);
      await context.close();
    }
  } finally {
    await browser.close();
    await pages.close();
  }
});

test('the app icons are made from the site\'s icon (its logo unless it names one)', async () => {
  const source = SITE.icon ?? SITE.logo;
  const page = await open(app, '/saved', { wait: 'main h1' });
  // Each icon drawn on a canvas beside the source image drawn the same way: the same picture.
  const compare = async (icon, source, size, scale, background) => page.evaluate(async ([icon, source, size, scale, background]) => {
    const load = (src) => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i); i.onerror = fail; i.src = src; });
    const draw = (img, s, inner, bg) => {
      const c = new OffscreenCanvas(s, s);
      const g = c.getContext('2d');
      if (bg) { g.fillStyle = bg; g.fillRect(0, 0, s, s); }
      const off = (s - inner) / 2;
      g.drawImage(img, off, off, inner, inner);
      return g.getImageData(0, 0, s, s).data;
    };
    const made = await load(icon);
    const original = await load(source);
    const a = draw(made, 64, 64, null);
    const b = draw(original, 64, Math.round(64 * scale), background);
    let diff = 0;
    for (let i = 0; i < a.length; i += 1) diff += Math.abs(a[i] - b[i]);
    return { width: made.naturalWidth, height: made.naturalHeight, meanDiff: diff / a.length };
  }, [icon, source, size, scale, background]);
  // The favicon is the icon source itself.
  const favicon = await page.locator('link[rel=icon]').getAttribute('href');
  assert.equal(favicon, at(`/brand/${SITE.icon ? 'icon' : 'logo'}.${source.endsWith('.png') ? 'png' : 'svg'}`));
  for (const [name, size, scale, background] of [['icon-192.png', 192, 1, null], ['icon-512.png', 512, 1, null],
    ['maskable-512.png', 512, 0.8, SITE.accent.light], ['apple-touch-icon.png', 180, 0.85, SITE.accent.light]]) {
    const result = await compare(at(`/icons/${name}`), favicon, size, scale, background);
    assert.equal(result.width, size, `${name}: ${size} px wide`);
    assert.equal(result.height, size, `${name}: square`);
    assert.ok(result.meanDiff < 8, `${name} is the site's icon (mean difference ${result.meanDiff.toFixed(1)} of 255)`);
  }
  page.assertClean();
  await page.close();
});

test('self-hosted font files: swap, preloaded, used by the text, cached for offline', async () => {
  const files = SITE.fonts?.files ?? [];
  const page = await open(app, '/articles/harbor-bridge-reopens', { wait: '.article-body' });
  const preloads = await page.locator('link[rel=preload][as=font]').evaluateAll((ls) => ls.map((l) => [l.getAttribute('href'), l.crossOrigin]));
  assert.deepEqual(preloads, files.map((f) => [at(`/fonts/${f.src.split('/').pop()}`), 'anonymous']), 'each file is preloaded');
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].map((f) => ({ family: f.family.replace(/^"|"$/g, ''), weight: f.weight, style: f.style, display: f.display, status: f.status }));
  });
  assert.deepEqual(faces, files.map((f) => ({ family: f.family, weight: String(f.weight ?? 400), style: f.style ?? 'normal', display: 'swap', status: 'loaded' })));
  for (const f of files) {
    // The text set in it is drawn with the file (no fallback, no synthesised bold).
    const used = await page.evaluate(async (f) => document.fonts.check(`${f.style ?? 'normal'} ${f.weight ?? 400} 32px "${f.family}"`), f);
    assert.ok(used, `${f.family} is available to the page`);
  }
  if (files.length) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.headline' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    assert.deepEqual(fonts.map((f) => [f.familyName, f.isCustomFont]), [[files[0].family, true]], 'the headline is drawn with the site\'s file');
  }
  page.assertClean();
  await page.close();
  if (!files.length) return;

  // A font that arrives after the page has painted (a slow connection): the text shows at
  // once in the fallback, and the swap moves nothing that matters (CLS well under 0.01, on a
  // desktop and a phone width).
  for (const width of [1280, 360]) {
    const context = await app.browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: 'block' });
    let release;
    const held = new Promise((ok) => { release = ok; });
    await context.route('**/fonts/*', async (route) => { await held; await route.continue(); });
    await context.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
    });
    const late = await context.newPage();
    await late.goto(`${app.url}/articles/harbor-bridge-reopens`, { waitUntil: 'domcontentloaded' });
    await late.waitForSelector('.headline');
    await settle(late);
    const before = await late.evaluate(() => document.fonts.check(`700 32px "${document.fonts.values().next().value.family.replace(/"/g, '')}"`));
    release();
    await late.evaluate(() => document.fonts.ready);
    await settle(late);
    const shift = await late.evaluate(() => window.__shift);
    assert.equal(before, false, 'the page painted before the font arrived');
    assert.ok(shift < 0.01, `${width} px: the late font shifted the layout by ${shift.toFixed(4)}`);
    await context.close();
  }
});

test('the JSON Schemas of the format are published in the site\'s folder, as JSON', async () => {
  const origin = new URL(app.url).origin;
  for (const name of ['article', 'index']) {
    const res = await fetch(`${origin}${at(`/schema/${name}.schema.json`)}`);
    assert.equal(res.status, 200, `${name}.schema.json`);
    assert.match(res.headers.get('content-type') ?? '', /json/);
    const schema = await res.json();
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.deepEqual(schema, readJson(new URL(`../../public/schema/${name}.schema.json`, import.meta.url).pathname));
  }
});
