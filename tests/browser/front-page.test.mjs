// The front page and routing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, live, open, readJson, texts, useApp, FACTS, SITE, at } from './harness.mjs';

const app = useApp();

test('the front page lists every article newest first', async () => {
  const index = readJson(`${DIST}/articles/index.json`).articles;
  const page = await open(app, '/');
  await page.waitForSelector('.article-list');
  assert.equal((await page.locator('h1').textContent()).trim(), 'Latest articles');
  const expected = [...index].sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
  assert.deepEqual(await texts(page, '.card h2'), expected.map((a) => a.headline));
  assert.deepEqual(
    await page.locator('.card h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    expected.map((a) => at(`/articles/${a.id}`)),
  );
  assert.equal(await page.locator('.card .card-dek').count(), expected.filter((a) => a.dek).length);
  assert.equal(await page.locator('.card .section-label').count(), expected.filter((a) => a.section).length);
  assert.equal(await page.locator('.card time').count(), expected.length);
  assert.equal(await page.locator('.card .thumb').count(), expected.filter((a) => a.image).length);
  assert.equal(await page.title(), `Latest articles · ${SITE.name}`);
  page.assertClean();
  await page.close();
});

test('a headline on the prerendered front page opens its article, and Back returns to the list', async () => {
  // A page of islands has no router: the article is a page load.
  const page = await open(app, '/', { wait: '.article-list' });
  const first = (await page.locator('.card h2 a').first().textContent()).trim();
  await Promise.all([page.waitForEvent('load'), page.locator('.card h2 a').first().click()]);
  await page.waitForSelector('.article-body');
  assert.equal((await page.locator('main h1').textContent()).trim(), first);
  // The article's islands start before its errors are read.
  await live(page);
  page.assertClean();
  await page.goBack();
  await page.waitForSelector('.article-list');
  await live(page);
  page.assertClean();
  await page.close();
});

test('in the app, a headline opens the article without a page load', async () => {
  // The app's own front page: reached from a page the app renders (not found), by its link home.
  const page = await open(app, '/no/such/page');
  await page.evaluate(() => { window.__samePage = true; });
  await page.locator('.not-found a.home-link').click();
  await page.waitForSelector('.article-list');
  await page.locator('.card h2 a').first().click();
  await page.waitForSelector('.article-body');
  assert.ok(await page.evaluate(() => window.__samePage), 'client-side navigation');
  // The app fetched the index (what the page records is what the test below relies on).
  assert.ok(page.requests.some((u) => u.startsWith(at('/articles/index.json'))), 'the app fetched the index');
  await page.goBack();
  await page.waitForSelector('.article-list');
  page.assertClean();
  await page.close();
});

test('the prerendered front page carries its index: its island downloads nothing more', async () => {
  const page = await open(app, '/', { serviceWorkers: 'block', wait: '.article-list' });
  assert.deepEqual(page.requests.filter((u) => u.startsWith(at('/articles/index.json'))), [],
    'the index came with the page');
  // The list is the island's props: the page carries no second copy of it.
  assert.equal(await page.locator(`#${FACTS.reader_data_id}`).count(), 0);
  assert.equal(await page.locator('leptos-island[data-component^="FrontPage"]').count(), 1);
  page.assertClean();
  await page.close();
});

test('unknown paths show a proper not-found page with a way home', async () => {
  const page = await open(app, '/no/such/page');
  assert.equal((await page.locator('h1').textContent()).trim(), 'Page not found');
  assert.match(await page.locator('.not-found').textContent(), /\/no\/such\/page/);
  assert.equal(await page.title(), `Page not found · ${SITE.name}`);
  await page.locator('.not-found a.home-link').click();
  await page.waitForSelector('.article-list');
  page.assertClean();
  await page.close();
});

test('an article name that cannot exist is reported as not found', async () => {
  const page = await open(app, '/articles/Not_A_Valid%20Id');
  assert.equal((await page.locator('h1').textContent()).trim(), 'Article not found');
  assert.equal(await page.locator('[data-error]').getAttribute('data-error'), 'bad-id');
  assert.equal(await page.locator('button.retry').count(), 0);
  page.assertClean();
  await page.close();
});

test('a missing bundled article says so', async () => {
  const page = await open(app, '/articles/does-not-exist', { allowConsoleErrors: [/404/] });
  assert.equal((await page.locator('h1').textContent()).trim(), 'Article not found');
  assert.match(await page.locator('.error-message').textContent(), /HTTP 404/);
  page.assertClean();
  await page.close();
});
