// A paged index (`next`, like JSON Feed's next_url): the front page shows the first page, and
// "More articles" loads the next one when the reader asks, by keyboard or pointer; focus moves
// to the first new card and a status message says how many came. An article already listed is
// not listed twice; a page that fails shows its error with Retry; the last page has no button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE, DIST, open, useApp, at } from './harness.mjs';

const app = useApp();
const story = (n) => ({ id: `archive-${n}`, headline: `Archive story ${n}`, published: `2026-01-${String(30 - n).padStart(2, '0')}T08:00:00Z` });
const json = (res, body, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};
let thirdPageCalls = 0;
// The app shell at the front page (not the prerendered one, which carries the build's index).
app.routes[BASE] = (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(readFileSync(`${DIST}/shell.html`));
};
app.routes[at('/articles/index.json')] = (req, res) => json(res, { articles: [1, 2, 3].map(story), next: 'archive/index-2.json' });
// The archive moved on between two pages: story 3 comes again.
app.routes[at('/articles/archive/index-2.json')] = (req, res) => json(res, { articles: [3, 4, 5, 6].map(story), next: 'index-3.json' });
app.routes[at('/articles/archive/index-3.json')] = (req, res) => {
  thirdPageCalls += 1;
  if (thirdPageCalls === 1) json(res, { error: 'not yet' }, 404);
  else json(res, { articles: [story(7)] });
};

test('"More articles" loads the next page of a paged index, by keyboard, and focus follows', async () => {
  const page = await open(app, '/', { wait: '.article-list', serviceWorkers: 'block', allowConsoleErrors: [/status of 404/] });
  const headlines = () => page.locator('.card h2').allTextContents();
  assert.deepEqual(await headlines(), ['Archive story 1', 'Archive story 2', 'Archive story 3']);
  assert.equal(page.requests.filter((u) => u.includes('/archive/')).length, 0, 'no older page is fetched before the reader asks');

  const more = page.locator('button.more-button');
  assert.equal((await more.textContent()).trim(), 'More articles');
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 6);
  assert.deepEqual(await headlines(), [1, 2, 3, 4, 5, 6].map((n) => `Archive story ${n}`), 'story 3 is not listed twice');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Archive story 4');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), at('/articles/archive-4'));
  assert.equal((await page.locator('.front-page [role=status]').textContent()).trim(), '3 articles added below.');

  // The third page fails once: its error, with Retry, in place of the button.
  await more.click();
  await page.waitForSelector('.front-page [data-error]');
  assert.equal(await page.locator('button.more-button').count(), 0);
  await page.locator('.front-page [data-error] button.retry').click();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 7);
  await page.waitForFunction(() => document.activeElement?.textContent === 'Archive story 7');
  assert.equal(await page.locator('.front-page [data-error]').count(), 0);
  assert.equal(await page.locator('button.more-button').count(), 0, 'the last page has no "More"');
  assert.equal((await page.locator('.front-page [role=status]').textContent()).trim(), '1 article added below.');
  assert.equal(thirdPageCalls, 2);
  page.assertClean();
  await page.close();
});
