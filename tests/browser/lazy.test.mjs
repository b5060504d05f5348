// Controls whose code comes on first use (the islands bundle's split chunks): a prerendered page
// loads the main module only; the first click on such a control fetches its chunk, shows that
// it is loading, is never lost, and says so when the chunk cannot come (offline without it, a
// deployment that replaced it), with a retry. Offline, the service worker has the chunks.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { FACTS, ISLANDS_CHUNK, at, isIslandsMain, islandsChunk, live, open, pagedCopy, useApp } from './harness.mjs';

const app = useApp();
// The front page of a paged index, so that it has "More articles".
const pagedSite = pagedCopy();
const paged = useApp({ root: pagedSite.dir });
after(() => pagedSite.remove());
const ARTICLE = '/articles/harbor-bridge-reopens';
const code = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname).filter((p) => /\.(js|wasm)$/.test(p)));
const panelOpen = (page) => page.waitForSelector('#reader-settings:not([hidden])', { timeout: 15_000 });
// What the browser reports when a chunk's request is refused.
const REFUSED = /Failed to load resource|Failed to fetch|TypeError|net::ERR_/i;

/** A route that refuses the chunks `pattern` matches until `allow()`. */
function refusable(pattern) {
  const state = { refuse: true };
  return {
    route: [pattern, (route) => (state.refuse ? route.abort('internetdisconnected') : route.continue())],
    allow: () => { state.refuse = false; },
  };
}

/** Waits until the service worker's precache holds the chunk `name`. */
const precached = (page, name) => page.waitForFunction(async (source) => {
  // (Its address, whatever follows it.)
  const chunk = new RegExp(source.replace(/\$$/, ''));
  for (const cache of await caches.keys()) {
    for (const request of await (await caches.open(cache)).keys()) if (chunk.test(request.url)) return true;
  }
  return false;
}, islandsChunk(name).source, { timeout: 15_000 });

/** The article, read once online with the service worker installed (its precache holding the
 * chunk `chunk`), then reloaded offline and live again. Saving offline may find a picture it
 * cannot download: the browser reports that request. */
async function articleOffline(chunk) {
  const page = await open(app, '/', { wait: '.article-list', allowConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await precached(page, chunk);
  await page.goto(app.url + ARTICLE);
  await live(page);
  // The article's JSON, which the app shell reads offline, cached from the page's own data.
  await page.waitForFunction(async (path) => Boolean(await caches.match(path)), at(`${ARTICLE}.json`), { timeout: 15_000 });
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('main h1');
  await live(page);
  return page;
}

test('a cold page loads no chunk; the first click on the settings fetches it, shows it is loading, and opens the panel', async () => {
  // The chunk is held back until the test lets it go, so the loading state can be seen.
  let release;
  const held = new Promise((r) => { release = r; });
  const page = await open(app, ARTICLE, {
    serviceWorkers: 'block',
    routes: [[ISLANDS_CHUNK, async (route) => { await held; await route.continue(); }]],
  });
  assert.ok(isIslandsMain(await code(page)), (await code(page)).join(' '));
  await page.locator('.settings-toggle').click();
  // Busy, and saying so, while the code is on its way; the click is kept.
  await page.waitForSelector('.settings-toggle[aria-busy="true"]');
  assert.equal((await page.locator('.chunk-status[role="status"]').textContent()).trim(), 'Loading this control…');
  // Not expanded until the panel is there: `aria-controls` names nothing before.
  assert.equal(await page.locator('.settings-toggle').getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#reader-settings').count(), 0);
  release();
  await panelOpen(page);
  assert.equal(await page.locator('.settings-toggle').getAttribute('aria-expanded'), 'true');
  await page.waitForSelector('.chunk-status', { state: 'detached' });
  assert.equal(await page.locator('.settings-toggle').getAttribute('aria-busy'), null);
  // The settings' chunk, and any chunk of code it shares with another control (chunk-{n}).
  const loaded = (await code(page)).filter((p) => ISLANDS_CHUNK.test(p));
  const named = loaded.map((p) => p.match(ISLANDS_CHUNK)[2]).filter((name) => !/^chunk-\d+$/.test(name));
  assert.deepEqual(named, ['settings'], loaded.join(' '));
  // The panel works: a theme applies at once.
  await page.locator('.settings-choice', { hasText: 'Dark' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  // Escape closes it and gives focus back to its button; opening again fetches nothing more.
  await page.keyboard.press('Escape');
  await page.waitForSelector('#reader-settings[hidden]', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'settings-toggle');
  await page.locator('.settings-toggle').click();
  await panelOpen(page);
  assert.equal((await code(page)).filter((p) => ISLANDS_CHUNK.test(p)).length, loaded.length);
  page.assertClean();
  await page.close();
});

test('a chunk that cannot be fetched is reported with a retry, and the retry opens the panel', async () => {
  const chunks = refusable(ISLANDS_CHUNK);
  const page = await open(app, ARTICLE, {
    serviceWorkers: 'block',
    // The browser's own report of the failed fetch, and the loader's, are expected.
    allowConsoleErrors: [REFUSED],
    routes: [chunks.route],
  });
  await page.locator('.settings-toggle').click();
  const alert = page.locator('.chunk-failed[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This control could not be loaded: the page could not fetch its code\. Check your connection/);
  assert.equal(await page.locator('#reader-settings').count(), 0, 'no half-made panel');
  // The page still works, and is still live.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.live), 'islands');
  chunks.allow();
  await alert.locator('button.chunk-retry').click();
  await panelOpen(page);
  await page.waitForSelector('.chunk-failed', { state: 'detached' });
  // Nothing but the refused fetch was reported (no crash, no policy violation).
  page.assertClean();
  await page.close();
});

test('offline, a page the service worker serves gets its chunks from the cache', async () => {
  const page = await articleOffline('settings');
  await page.locator('.settings-toggle').click();
  await panelOpen(page);
  await page.locator('.settings-choice', { hasText: 'Sepia' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'sepia');
  // Save's code comes from the cache too: whatever the store then says, it is not that the
  // control could not be loaded.
  await page.locator('button.save-toggle').click();
  await page.waitForFunction(() => document.querySelector('.save-status')?.textContent.trim());
  const said = await page.locator('.save-status').textContent();
  assert.doesNotMatch(said, /could not be loaded/);
  assert.match(said, /^(Saved\. You can read this article offline\.|Couldn't save the article: )/, said);
  page.assertClean();
  await page.close();
});

test('Save fetches its code on the first press, and says so when the code cannot come', async () => {
  const chunk = refusable(islandsChunk('save'));
  const page = await open(app, ARTICLE, { serviceWorkers: 'block', allowConsoleErrors: [REFUSED], routes: [chunk.route] });
  assert.ok(isIslandsMain(await code(page)), (await code(page)).join(' '));
  const button = page.locator('button.save-toggle');
  await button.click();
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('.save-status')?.textContent));
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  assert.equal(await button.getAttribute('aria-busy'), 'false');
  // Pressing again tries again: the article is saved.
  chunk.allow();
  await button.click();
  await page.waitForFunction(() => document.querySelector('.save-toggle')?.getAttribute('aria-pressed') === 'true');
  assert.equal((await page.locator('.save-status').textContent()).trim(), 'Saved. You can read this article offline.');
  const chunks = (await code(page)).filter((p) => ISLANDS_CHUNK.test(p)).map((p) => p.match(ISLANDS_CHUNK)[2]);
  assert.ok(chunks.includes('save'), chunks.join(' '));
  page.assertClean();
  await page.close();
});

test('"More articles" fetches its code on the first press; refused, it says so with a Retry that works', async () => {
  const chunk = refusable(islandsChunk('more'));
  const page = await open(paged, '/', { wait: '.article-list', serviceWorkers: 'block', allowConsoleErrors: [REFUSED], routes: [chunk.route] });
  assert.ok(isIslandsMain(await code(page)), (await code(page)).join(' '));
  await page.locator('button.more-button').click();
  const error = page.locator('.front-page .error-state[data-error="code-unavailable"]');
  await error.waitFor();
  assert.match(await error.textContent(), /This control could not be loaded/);
  assert.equal(await page.locator('.card').count(), pagedSite.front, 'nothing half-added');
  chunk.allow();
  await error.locator('button.retry').click();
  await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, pagedSite.total, { timeout: 10_000 });
  assert.equal((await page.locator('.front-page [role=status]').textContent()).trim(), `${pagedSite.total - pagedSite.front} articles added below.`);
  // Focus went to the first new article, as without the split.
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.article-list-more') !== null), true);
  const chunks = (await code(page)).filter((p) => ISLANDS_CHUNK.test(p)).map((p) => p.match(ISLANDS_CHUNK)[2]);
  assert.ok(chunks.includes('more'), chunks.join(' '));
  page.assertClean();
  await page.close();
});

test('offline, "More articles" gets its code from the cache, and says the next page needs a connection', async () => {
  const page = await open(paged, '/', { wait: '.article-list', allowConsoleErrors: [/ERR_INTERNET_DISCONNECTED|Failed to load resource/] });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await precached(page, 'more');
  // The front page's index, which the app shell reads offline, cached from the page's own data.
  await page.waitForFunction(async (path) => Boolean(await caches.match(path)), at('/articles/index.json'), { timeout: 15_000 });
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('.article-list');
  await live(page);
  await page.locator('button.more-button').click();
  // The code came (from the cache): what fails is the next page of the index, which was never
  // fetched, and the reader is told that, not that the control could not be loaded.
  const error = page.locator('.front-page .error-state');
  await error.waitFor();
  assert.equal(await error.getAttribute('data-error'), 'offline');
  page.assertClean();
  await page.close();
});

// The saved list's recovery: its own chunk, fetched when Save finds the list damaged.
/** Damages the list of saved articles in the page's cache (as a failed write or another app would). */
const damageSavedList = (page) => page.evaluate(async ([name, path]) => {
  const cache = await caches.open(name);
  await cache.put(path, new Response('{"articles": [{"json_url": ', { headers: { 'content-type': 'application/json' } }));
}, [FACTS.saved_cache, at(FACTS.saved_list_path)]);
const RECOVERED = /^The list of saved articles couldn't be read \(.+\)\. It was (reset|rebuilt)/;

test('Save that finds the saved list damaged fetches the recovery\'s code, is busy meanwhile, and rebuilds the list', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const page = await open(app, ARTICLE, {
    serviceWorkers: 'block',
    routes: [[islandsChunk('recover'), async (route) => { await held; await route.continue(); }]],
  });
  await damageSavedList(page);
  const button = page.locator('button.save-toggle');
  await button.click();
  // The save chunk came; the recovery's is held: the button stays busy, nothing is said yet.
  await page.waitForSelector('button.save-toggle[aria-busy="true"]');
  release();
  await page.waitForFunction(() => document.querySelector('.save-status')?.textContent.trim());
  assert.match((await page.locator('.save-status').textContent()).trim(), RECOVERED);
  assert.equal(await button.getAttribute('aria-busy'), 'false');
  const chunks = (await code(page)).filter((p) => ISLANDS_CHUNK.test(p)).map((p) => p.match(ISLANDS_CHUNK)[2]);
  assert.ok(chunks.includes('recover'), chunks.join(' '));
  page.assertClean();
  await page.close();
});

test('the recovery\'s code refused: Save says the control could not be loaded, and pressing again recovers', async () => {
  const chunk = refusable(islandsChunk('recover'));
  const page = await open(app, ARTICLE, { serviceWorkers: 'block', allowConsoleErrors: [REFUSED], routes: [chunk.route] });
  await damageSavedList(page);
  const button = page.locator('button.save-toggle');
  await button.click();
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('.save-status')?.textContent));
  assert.match(await page.locator('.save-status').textContent(), /couldn't be read .*This control could not be loaded: the page could not fetch its code/s);
  assert.equal(await button.getAttribute('aria-busy'), 'false');
  chunk.allow();
  await button.click();
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('.save-status')?.textContent.trim())
    || document.querySelector('.save-toggle')?.getAttribute('aria-pressed') === 'true', RECOVERED.source);
  assert.doesNotMatch(await page.locator('.save-status').textContent(), /could not be loaded/);
  page.assertClean();
  await page.close();
});

test('offline, the recovery\'s code comes from the cache', async () => {
  const page = await articleOffline('recover');
  await damageSavedList(page);
  await page.locator('button.save-toggle').click();
  await page.waitForFunction(() => document.querySelector('.save-status')?.textContent.trim());
  const said = (await page.locator('.save-status').textContent()).trim();
  assert.doesNotMatch(said, /could not be loaded/);
  assert.match(said, RECOVERED);
  page.assertClean();
  await page.close();
});

// The app split by route: its main module (the shell, the router, the header) and each route's
// page from a chunk of its own (names: scripts/app-files.mjs).
const APP_MAIN = /\/article-reader-(?:split-)?[0-9a-f]{16}(?:\.js|_bg\.wasm)$/;
const APP_CHUNK = /\/article-reader-([a-z0-9-]+)-[0-9a-f]{16}\.wasm$/;
const appChunks = (paths) => paths.filter((p) => APP_CHUNK.test(p)).map((p) => p.match(APP_CHUNK)[1]);

test('/read?src= loads the app\'s main module and its own route\'s code, then nothing until the reader acts', async () => {
  const page = await open(app, `/read?src=${at('/articles/harbor-bridge-reopens.json')}`, { serviceWorkers: 'block', wait: 'main .article-body' });
  const loaded = await code(page);
  assert.equal(loaded.filter((p) => APP_MAIN.test(p)).length, 3, loaded.join(' '));
  const chunks = appChunks(loaded);
  assert.ok(chunks.includes('read-route'), chunks.join(' '));
  // Nothing of another route's page (the shared chunks hold code the read route needs).
  assert.deepEqual(chunks.filter((c) => c.endsWith('-route') && c !== 'read-route'), []);
  assert.ok(!chunks.includes('save'), 'Save\'s code comes on the first press');
  assert.equal(loaded.filter((p) => ISLANDS_CHUNK.test(p) || /\/islands-/.test(p)).length, 0, 'no islands');
  // The saved list is another route: its code comes when the reader goes there.
  await page.locator('a.nav-saved').click();
  await page.waitForSelector('.saved-page h1');
  assert.ok(appChunks(await code(page)).includes('saved-route'));
  page.assertClean();
  await page.close();
});

test('a route whose code cannot come says so in the page, with a Retry that works', async () => {
  const chunk = refusable(/\/article-reader-read-route-[0-9a-f]{16}\.wasm$/);
  const page = await open(app, `/read?src=${at('/articles/harbor-bridge-reopens.json')}`, {
    serviceWorkers: 'block', wait: '[data-error]', routes: [chunk.route], allowConsoleErrors: [REFUSED],
  });
  assert.equal(await page.locator('[data-error]').getAttribute('data-error'), 'page-code-unavailable');
  assert.match(await page.locator('main').textContent(), /This page could not be loaded/);
  // The shell stays: the header and its navigation work.
  assert.equal(await page.locator('.site-header .nav-saved').count(), 1);
  assert.equal(await page.locator('#crash').isVisible(), false, 'no crash screen');
  chunk.allow();
  await page.locator('button.retry').click();
  await page.waitForSelector('main .article-body');
  assert.match(await page.locator('main h1').textContent(), /Harbor Bridge/);
  await page.close();
});
