// Offline reading with the real service worker: installability, the precache list, reading
// offline, saving, storage errors, refreshed saved copies and updates to a new deployment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, DIST, open, readJson, texts, useApp, waitOrTell, watchPolicy, FACTS, at, BASE } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { fixtureRoutes } from './fixtures.mjs';

// Two deployments of the app: v1 is the build, v2 the same build with a changed app shell
// (shell.html, and the prerendered pages) and its own service worker built from it (the real
// build step, run again).
const work = mkdtempSync(join(tmpdir(), 'reader-deploys-'));
const V1 = join(work, 'v1');
const V2 = join(work, 'v2');
cpSync(DIST, V1, { recursive: true });
cpSync(DIST, V2, { recursive: true });
for (const page of ['shell.html', 'index.html', 'articles/harbor-bridge-reopens/index.html']) {
  writeFileSync(join(V2, page),
    readFileSync(join(V2, page), 'utf8').replace(/<meta charset=["']?utf-8["']?>/i, '$&<meta name="build" content="v2">'));
  if (!readFileSync(join(V2, page), 'utf8').includes('content="v2"')) throw new Error(`could not mark v2's ${page}`);
}
for (const page of ['index.html', 'articles/harbor-bridge-reopens/index.html']) {
  // A published page's brotli copy is the publish's to write (the build's compression step
  // leaves it alone): made again here from the changed page, as a publish would.
  writeFileSync(join(V2, `${page}.br`), brotliCompressSync(readFileSync(join(V2, page))));
}
execFileSync('node', [new URL('../../scripts/build-sw.mjs', import.meta.url).pathname, V2], { stdio: 'pipe' });
// …and its precompressed copies, which static hosts (and scripts/serve.mjs) prefer.
execFileSync('node', [new URL('../../scripts/build-compress.mjs', import.meta.url).pathname, V2], { stdio: 'pipe' });
if (readFileSync(join(V1, 'sw.js'), 'utf8') === readFileSync(join(V2, 'sw.js'), 'utf8')) throw new Error('v2 has the same service worker');
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

let deployed = V1;
const app = useApp({ root: () => deployed });

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

/** Opens the front page, waits for the service worker to control it, then goes to `path`. */
async function openControlled(path, { wait = 'main h1', ...options } = {}) {
  const page = await open(app, '/', { ...options, wait: '.article-list' });
  await controlled(page);
  if (path !== '/') {
    await page.goto(app.url + path);
    await page.waitForSelector(wait);
  }
  return page;
}

// The confirmation is in the interface language, which follows the article's (Arabic here).
const SAVED_WORDS = { en: 'Saved. You can read this article offline.', ar: 'حُفظ المقال. يمكنك قراءته دون اتصال.' };

async function save(page) {
  const button = page.locator('button.save-toggle');
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  await button.click();
  await page.waitForFunction(() => document.querySelector('.save-toggle')?.getAttribute('aria-pressed') === 'true');
  const lang = await page.locator('.save-control').getAttribute('lang');
  assert.equal((await page.locator('.save-control .save-status').textContent()).trim(), SAVED_WORDS[lang]);
}

test('the manifest makes the app installable and its icons load', async () => {
  // Installing needs a real (not incognito) profile.
  const profile = mkdtempSync(join(tmpdir(), 'reader-install-'));
  const context = await chromium.launchPersistentContext(profile, CHROMIUM);
  const page = await open(app, '/', { context, wait: '.article-list' });
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], 'Chromium sees no reason not to install');
  const { url, errors } = await cdp.send('Page.getAppManifest');
  assert.equal(url, `${app.url}/manifest.webmanifest`);
  assert.deepEqual(errors, []);
  const manifest = readJson(join(DIST, 'manifest.webmanifest'));
  for (const key of ['name', 'short_name', 'description', 'start_url', 'scope', 'theme_color', 'background_color']) {
    assert.ok(manifest[key], `manifest.${key}`);
  }
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512'));
  for (const size of [192, 512]) assert.ok(manifest.icons.some((i) => i.sizes === `${size}x${size}`));
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, app.url).href);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()['content-type'], icon.type, icon.src);
    // The site's logo (site.json) in any size, when it is an SVG.
    if (icon.type === 'image/svg+xml') {
      assert.equal(icon.sizes, 'any');
      assert.match((await response.body()).toString(), /<svg[\s>]/);
      continue;
    }
    const png = await response.body();
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is really ${icon.sizes}`);
  }
  page.assertClean();
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('the precache holds exactly what dist/ needs to start', async () => {
  const page = await openControlled('/');
  const cached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('workbox-precache'));
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname).sort();
  });
  // The app shell: every top-level page asset (the app's and the islands' chunks among them)
  // except the service worker itself, the files
  // for partner sites (the embed loader and its demo page), the prerendered front page
  // (offline, the shell renders the front page from the cached index) and GitHub Pages' copy of
  // the shell (404.html).
  const notShell = ['sw.js', 'embed.js', 'embed-demo.html', 'index.html', '404.html'];
  const files = readdirSync(DIST).filter((f) => /\.(html|js|wasm|css|svg|png|webmanifest)$/.test(f) && !notShell.includes(f))
    .concat(readdirSync(join(DIST, 'icons')).map((f) => `icons/${f}`))
    .concat(readdirSync(join(DIST, 'brand')).filter((f) => /\.(svg|png)$/.test(f)).map((f) => `brand/${f}`))
    .concat(existsSync(join(DIST, 'fonts')) ? readdirSync(join(DIST, 'fonts')).filter((f) => /\.woff2?$/.test(f)).map((f) => `fonts/${f}`) : [])
    // The interface catalogues a page in another language than English loads.
    .concat(readdirSync(join(DIST, FACTS.catalogs_dir)).filter((f) => f.endsWith('.json')).map((f) => `${FACTS.catalogs_dir}${f}`))
    .map((f) => at(`/${f}`)).sort();
  assert.deepEqual(cached, files);
  assert.ok(files.some((f) => f.endsWith('_bg.wasm')) && files.includes(at('/shell.html')));
  page.assertClean();
  await page.close();
});

test('offline: visited pages and saved articles read, others say they are not saved', async () => {
  const page = await openControlled('/articles/harbor-bridge-reopens', { wait: '.article-body' });
  // The front page was loaded before the service worker took control: the app handed its
  // files over to be cached.
  await page.waitForFunction(async (path) => Boolean(await caches.match(path)), at('/articles/index.json'));
  await page.goto(`${app.url}/articles/library-night-hours`);
  await page.waitForSelector('.article-body');
  await save(page);
  await page.context().setOffline(true);

  await page.reload();
  // The prerendered copy is on screen before the app starts: wait for the app's own state.
  await waitOrTell(page, '.offline-indicator', { state: 'visible' });
  await waitOrTell(page, '.article-body');
  assert.match(await page.locator('h1').textContent(), /Central Library/);
  // The related article opened before is marked as available offline; the others are not.
  // (Each mark's island comes to life as the list nears the screen.)
  await page.locator('.related-list').scrollIntoViewIfNeeded();
  await page.waitForSelector('.offline-mark');
  assert.deepEqual(await texts(page, '.related-item:has(.offline-mark) h3'), [
    'Harbor Bridge Reopens Two Months Early After Round-the-Clock Repairs',
  ]);

  await page.goto(`${app.url}/`);
  await page.waitForSelector('.article-list');
  await page.goto(`${app.url}/articles/harbor-bridge-reopens`);
  await page.waitForSelector('.article-body');
  await page.waitForFunction(() => document.querySelector('figure.hero img')?.complete);
  assert.ok(await page.locator('figure.hero img').evaluate((i) => i.naturalWidth > 0), 'hero image from cache');

  await page.goto(`${app.url}/articles/rain-gauge-volunteers`);
  await page.waitForSelector('[data-error]');
  assert.equal(await page.locator('[data-error]').getAttribute('data-error'), 'offline');
  assert.equal((await page.locator('[data-error] h1').textContent()).trim(), "You're offline and this article hasn't been saved");
  assert.equal(await page.locator('[data-error] a.saved-link').getAttribute('href'), at('/saved'));
  await page.close();
});

test('save, reload, unsave; the Saved page lists and removes', async () => {
  const page = await openControlled('/articles/soil-carbon-long-read', { wait: '.article-body' });
  await save(page);
  await page.reload();
  await page.waitForSelector('.article-body');
  await page.waitForFunction(() => document.querySelector('.save-toggle').getAttribute('aria-pressed') === 'true');

  await page.locator('a.nav-saved').click();
  await page.waitForSelector('.saved-item');
  assert.deepEqual(await texts(page, '.saved-item h2'), ['The Slow Science of Counting Carbon in Farm Soil']);
  assert.match(await page.locator('.saved-item .saved-meta').textContent(), /Saved [A-Z][a-z]+ \d{1,2}, \d{4}/);
  await page.waitForFunction(() => /use .+ of about .+ available/.test(document.querySelector('.storage-use').textContent));
  const stored = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), FACTS.saved_cache);
  for (const path of ['/articles/soil-carbon-long-read.json', '/articles/img/soil-field.svg', '/articles/img/soil-core.svg'].map(at)) {
    assert.ok(stored.includes(path), `${path} stored`);
  }

  await page.locator('.saved-item a').click();
  await page.waitForSelector('.article-body');
  await page.locator('button.save-toggle').click();
  await page.waitForFunction(() => document.querySelector('.save-toggle').getAttribute('aria-pressed') === 'false');
  assert.equal((await page.locator('.save-control .save-status').textContent()).trim(), 'Removed from saved articles.');
  await page.locator('a.nav-saved').click();
  await page.waitForSelector('.saved-page .empty-state');
  const left = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), FACTS.saved_cache);
  assert.deepEqual(left, [at(FACTS.saved_list_path)], 'the article and its images were removed');
  page.assertClean();
  await page.close();
});

test('a quota error while saving says so and loses nothing already saved', async () => {
  const page = await openControlled('/articles/rain-gauge-volunteers', { wait: '.article-body' });
  await save(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(app.url).origin, quotaSize: usage + 512 });

  await page.goto(`${app.url}/articles/soil-carbon-long-read`);
  await page.waitForSelector('.article-body');
  await page.locator('button.save-toggle').click();
  await page.waitForFunction(() => /no more storage space/.test(document.querySelector('.save-control .save-status').textContent));
  assert.match(await page.locator('.save-control .save-status').textContent(), /Nothing you saved before was affected/);
  assert.equal(await page.locator('button.save-toggle').getAttribute('aria-pressed'), 'false');

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(app.url).origin });
  const stored = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort(), FACTS.saved_cache);
  assert.deepEqual(stored, [at(FACTS.saved_list_path), at('/articles/rain-gauge-volunteers.json')], 'no half-saved article left behind');
  await page.locator('a.nav-saved').click();
  await page.waitForSelector('.saved-item');
  assert.deepEqual(await texts(page, '.saved-item h2'), ["Backyard Rain Gauges Are Filling Gaps in the Region's Flood Maps"]);
  await page.close();
});

test('a saved article that was updated is refreshed and the reader is told', async () => {
  const page = await openControlled('/read?src=/fixtures/changing.json', { wait: '.article-body' });
  assert.equal((await page.locator('h1').textContent()).trim(), 'Changing Story');
  await save(page);
  await (await fetch(`${app.url}/fixtures/changing/next`)).text();
  await page.reload();
  await page.waitForSelector('.status-bar .notice', { timeout: 10_000 });
  assert.equal((await page.locator('.status-bar .notice span').textContent()).trim(),
    '“Changing Story (corrected)” was updated since you saved it. Your saved copy now has the latest version.');
  const saved = await page.evaluate(async ([name, url]) => (await (await caches.open(name)).match(url)).json(),
    [FACTS.saved_cache, new URL('/fixtures/changing.json', app.url).href]);
  assert.equal(saved.updated, '2026-11-02T12:00:00Z');
  await page.locator('a.nav-saved').click();
  await page.waitForSelector('.saved-item .saved-refreshed');
  assert.equal((await page.locator('.saved-item h2').textContent()).trim(), 'Changing Story (corrected)');
  page.assertClean();
  await page.close();
});

test('a broken new version of a saved article does not replace the saved copy', async () => {
  const page = await openControlled('/read?src=/fixtures/breaking.json', { wait: '.article-body' });
  await save(page);
  await (await fetch(`${app.url}/fixtures/breaking/next`)).text();
  // Stale-while-revalidate: the next visit shows the cached copy while the service worker
  // fetches the broken version; the visit after that still shows the saved copy, not the
  // broken version's problems…
  await page.reload();
  await page.waitForSelector('.article-body');
  await page.waitForTimeout(500);
  const cached = await page.evaluate(async ([name, url]) => (await (await caches.open(name)).match(url)).json(),
    [FACTS.article_cache, new URL('/fixtures/breaking.json', app.url).href]);
  assert.equal(cached.headline, 'Broken', 'the broken version did arrive');
  await page.reload();
  await page.waitForSelector('.article-body');
  assert.equal((await page.locator('h1').textContent()).trim(), 'Breaking Story');
  // …and the saved copy is unchanged.
  const saved = await page.evaluate(async ([name, url]) => (await (await caches.open(name)).match(url)).json(),
    [FACTS.saved_cache, new URL('/fixtures/breaking.json', app.url).href]);
  assert.equal(saved.headline, 'Breaking Story');
  assert.equal(saved.body.length, 1);
  // Offline, the saved copy reads (and /read?src=….json is an app route for the service worker).
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('.article-body');
  assert.equal((await page.locator('h1').textContent()).trim(), 'Breaking Story');
  await page.context().setOffline(false);
  await page.close();
});

for (const [what, list] of [
  ['corrupt', '{"articles": [{"json_url": '],
  ['foreign', '{"theme": "dark", "articles": "all of them"}'],
  ['binary', '\u0000\u00ff\u00fe garbage'],
]) {
  test(`a ${what} list of saved articles is detected, rebuilt from the saved copies and reported`, async () => {
    const page = await openControlled('/read?src=/fixtures/valid.json', { wait: '.article-body' });
    await save(page);
    await page.evaluate(async ([body, name, path]) => {
      const cache = await caches.open(name);
      await cache.put(path, new Response(body, { headers: { 'content-type': 'application/json' } }));
    }, [list, FACTS.saved_cache, at(FACTS.saved_list_path)]);
    await page.goto(`${app.url}/saved`);
    await page.waitForSelector('.status-bar .notice');
    assert.match(await page.locator('.status-bar .notice').textContent(),
      /The list of saved articles couldn't be read \(.+\)\. It was rebuilt from your saved copies: 1 article recovered\./);
    // Nothing saved was lost: the list holds the article again and the Saved page shows it.
    const stored = await page.evaluate(async ([name, path]) => (await (await caches.open(name)).match(path)).json(), [FACTS.saved_cache, at(FACTS.saved_list_path)]);
    assert.deepEqual(stored.articles.map((a) => a.headline), ['Fixture Headline']);
    await page.waitForSelector('.saved-item');
    assert.deepEqual(await texts(page, '.saved-item h2'), ['Fixture Headline']);
    // …and it still reads offline.
    await page.context().setOffline(true);
    await page.goto(`${app.url}/read?src=/fixtures/valid.json`);
    await page.waitForSelector('.article-body');
    await page.context().setOffline(false);
    page.assertClean();
    await page.close();
  });
}

test('a new deployment prompts to reload and keeps saved articles', async () => {
  const page = await openControlled('/articles/harbor-bridge-reopens', { wait: '.article-body' });
  await save(page);
  deployed = V2;
  try {
    // A prerendered page is the news as published now: it comes from the new deployment…
    await page.reload();
    await page.waitForSelector('.update-banner', { timeout: 15_000 });
    assert.match(await page.locator('.update-banner').textContent(), /A new version is available — Reload/);
    assert.equal(await page.locator('meta[name="build"]').getAttribute('content'), 'v2');
    // …while the app's own pages stay the old version's until the reader agrees.
    await page.locator('a.nav-saved').click();
    await page.waitForSelector('.saved-page');
    await page.waitForSelector('.update-banner');
    assert.equal(await page.locator('meta[name="build"]').count(), 0);
    await Promise.all([page.waitForEvent('load'), page.locator('button.update-reload').click()]);
    await page.waitForSelector('main h1');
    assert.equal(await page.locator('meta[name="build"]').getAttribute('content'), 'v2');
    await page.waitForSelector('.saved-item');
    assert.ok((await texts(page, '.saved-item h2')).includes('Harbor Bridge Reopens Two Months Early After Round-the-Clock Repairs'));
    const precache = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith('workbox-precache'));
      const keys = await (await caches.open(names[0])).keys();
      return { names: names.length, index: keys.map((r) => r.url).filter((u) => u.includes('shell.html')) };
    });
    assert.equal(precache.names, 1, 'one precache');
    assert.equal(precache.index.length, 1, 'no stale shell.html entry');
    page.assertClean();
  } finally {
    deployed = V1;
    await page.close();
  }
});

test('saved articles read with their images after closing and reopening the app offline', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'reader-profile-'));
  const server = await startServer({ root: V1, base: BASE, routes: fixtureRoutes() });
  try {
    let context = watchPolicy(app, await chromium.launchPersistentContext(profile, { ...CHROMIUM, viewport: { width: 1000, height: 800 } }));
    let page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.article-list');
    await controlled(page);
    for (const id of ['desert-solar-cooperative', 'soil-carbon-long-read']) {
      await page.goto(`${server.url}/articles/${id}`);
      await page.waitForSelector('.article-body');
      await save(page);
    }
    await context.close();
    await server.close();

    context = watchPolicy(app, await chromium.launchPersistentContext(profile, { ...CHROMIUM, offline: true, viewport: { width: 1000, height: 800 } }));
    page = await context.newPage();
    await page.goto(`${server.url}/saved`);
    await page.waitForSelector('.saved-item');
    assert.equal(await page.locator('.saved-item').count(), 2);
    for (const [i, headline] of [[0, 'The Slow Science'], [1, 'تعاونية شمسية']]) {
      await page.goto(`${server.url}/saved`);
      await page.waitForSelector('.saved-item');
      await page.locator('.saved-item a').nth(i).click();
      await page.waitForSelector('.article-body');
      assert.match(await page.locator('h1').textContent(), new RegExp(headline));
      await page.waitForFunction(() => [...document.querySelectorAll('figure img')].every((img) => {
        img.scrollIntoView();
        return img.complete && img.naturalWidth > 0;
      }), null, { timeout: 10_000 });
    }
    await context.close();
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
