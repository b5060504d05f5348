// Prerendered article pages: readable without JavaScript, complete for crawlers and link
// previews, and taken over by the app without a flash, a layout shift or a second download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, holdApp, live, open, readJson, settle, useApp, waitOrTell, watchTakeover, SITE, at } from './harness.mjs';

const app = useApp();
const HARBOR = readJson(`${DIST}/articles/harbor-bridge-reopens.json`);

test('without JavaScript a prerendered article is complete', async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${app.url}/articles/harbor-bridge-reopens`);
  assert.equal((await page.locator('h1').textContent()).trim(), HARBOR.headline);
  assert.equal(await page.locator('.takeaways li').count(), 4);
  assert.equal(await page.locator('.article-body > p').count(), 7);
  assert.equal(await page.locator('figure.hero img').getAttribute('src'), at('/articles/img/harbor-bridge.svg'));
  assert.equal(await page.title(), `${HARBOR.headline} · ${SITE.name}`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const meta = async (selector) => page.locator(selector).getAttribute('content');
  assert.equal(await meta('meta[name="description"]'), HARBOR.dek);
  assert.equal(await meta('meta[property="og:title"]'), HARBOR.headline);
  assert.equal(await meta('meta[property="og:type"]'), 'article');
  assert.equal(await meta('meta[name="twitter:card"]'), 'summary_large_image');
  assert.match(await meta('meta[property="og:image"]'), /\/articles\/img\/harbor-bridge\.svg$/);
  assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), HARBOR.url);
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, HARBOR.headline);
  assert.equal(ld.datePublished, HARBOR.published);
  assert.deepEqual(ld.author.map((a) => a.name), ['Dana Okafor', 'Luis Ferreira']);
  await context.close();
});

test('an article\'s islands come alive without a flash, a shift or downloading the article again', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const release = await holdApp(context);
  const page = await open(app, '/articles/desert-solar-cooperative', {
    context,
    wait: 'main h1',
    takeover: false,
    // Where the main parts sit: hydrating the islands must leave them exactly where they are
    // (a moved hero would become a new, later LCP).
    initScript: watchTakeover(['h1', 'figure.hero img', '.article-tools', '.takeaways', '.article-body']),
  });
  // The page, laid out, is measured before any code may start.
  await page.waitForLoadState('load');
  await settle(page);
  await page.evaluate(() => { window.__staticRects = window.__rects(); });
  release();
  await page.waitForFunction(() => document.documentElement.dataset.live === 'islands');
  const seen = await page.evaluate(() => window.__seen);
  assert.equal(seen.skeleton, false, 'the loading skeleton never showed');
  assert.ok(!seen.twoHeadlines, 'never two visible copies');
  // Under load the second site's self-hosted font can land meanwhile: a shift of 0.0003 was
  // seen (0.1 is "poor"). Anything the islands move is caught by the rectangles, to the pixel.
  assert.ok(seen.shift < 0.001, `no layout shift (${seen.shift})`);
  await settle(page);
  const [before, after] = await page.evaluate(() => [window.__staticRects, window.__rects()]);
  assert.ok(before['h1'], 'the page was measured');
  assert.deepEqual(after, before, 'every part is where it was');
  assert.equal(await page.locator('h1').count(), 1);
  assert.deepEqual(page.requests.filter((u) => u.includes('desert-solar-cooperative.json')), [], 'no second download');
  assert.deepEqual(await page.locator('meta[name="description"]').evaluateAll((ms) => ms.map((m) => m.content)),
    [readJson(`${DIST}/articles/desert-solar-cooperative.json`).dek]);
  // Live: the islands answer (Listen, the settings), and links are plain links.
  await page.locator('.settings-toggle').click();
  // (The panel is made when first opened.)
  await page.locator('#reader-settings').waitFor({ state: 'visible' });
  await page.locator('summary.editorial-toggle').click();
  assert.equal(await page.locator('details.editorial-details').evaluate((d) => d.open), true);
  await Promise.all([page.waitForEvent('load'), page.locator('a.brand').click()]);
  await page.waitForSelector('.article-list');
  await live(page);
  page.assertClean();
  await context.close();
});

test('a prerendered article opened once reads offline', async () => {
  const page = await open(app, '/articles/library-night-hours', { wait: '.article-body' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.waitForFunction(async (path) => Boolean(await caches.match(path)), at('/articles/library-night-hours.json'), { timeout: 10_000 });
  await page.context().setOffline(true);
  await page.reload();
  // (Timed out once, under the second configuration with both cores kept busy: on a timeout
  // the wait says what the page was doing.)
  await waitOrTell(page, 'main .article-body');
  assert.match(await page.locator('h1').textContent(), /Central Library/);
  await page.close();
});

test('with the service worker in control, a prerendered page still comes as HTML with islands; run-time pages as the app', async () => {
  const page = await open(app, '/', { wait: '.article-list' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  // A return visit: the service worker answers, with the page's own HTML from the network.
  const article = await page.goto(`${app.url}/articles/library-night-hours`);
  assert.ok(article.fromServiceWorker(), 'the service worker answered the navigation');
  assert.match(await article.text(), /<leptos-island/, 'the prerendered page, not the app shell');
  await page.waitForFunction(() => document.documentElement.dataset.live === 'islands');
  assert.ok(await page.locator('.article-body').isVisible());
  // A page that exists only at run time is the app shell, straight from the cache.
  // (The server's own answer for it, which navigation preload may still fetch, goes unused.)
  app.routes[at('/saved')] = (req, res) => res.end('<!doctype html><title>the network</title>');
  const saved = await page.goto(`${app.url}/saved`);
  assert.ok(saved.fromServiceWorker());
  assert.doesNotMatch(await saved.text(), /the network|<leptos-island/);
  await page.waitForSelector('.saved-page');
  await live(page);
  page.assertClean();
  await page.close();
});

