// Reading progress and "continue where you left off", per article, with a way to start over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, useApp, FACTS } from './harness.mjs';

const app = useApp();
const LONG = '/articles/soil-carbon-long-read';
const KEY = FACTS.progress_key;

const bar = (page) => page.evaluate(() => {
  const m = getComputedStyle(document.querySelector('.reading-progress-bar')).transform.match(/matrix\(([^,]+)/);
  return m ? Number(m[1]) : 0;
});

test('the bar follows the reading, and a reopened article offers to continue or start over', async () => {
  const page = await open(app, LONG, { wait: '.article-body', width: 800, height: 700 });
  assert.equal(await page.locator('.resume').count(), 0, 'nothing to continue the first time');
  assert.ok(await bar(page) < 0.05);
  // Read about half-way.
  await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
  await page.waitForFunction((k) => localStorage.getItem(k), KEY);
  const progress = await bar(page);
  assert.ok(progress > 0.3 && progress < 0.7, `bar at ${progress}`);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  const position = Object.values(stored.articles)[0];
  assert.ok(position.block > 3, `block ${position.block}`);
  const topText = await page.evaluate((i) => document.querySelectorAll('.article-body > *')[i].textContent, position.block);

  // Reopen: the offer, then Continue brings that block to the top and focuses it.
  await page.reload();
  await page.waitForSelector('.resume');
  assert.match(await page.locator('.resume p').textContent(), new RegExp(`You read ${position.percent}% of this article last time`));
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  await page.waitForFunction(() => scrollY > 100);
  const landed = await page.evaluate(() => {
    const el = document.activeElement;
    return { text: el.textContent, top: el.getBoundingClientRect().top, inBody: el.parentElement?.classList.contains('article-body') };
  });
  assert.ok(landed.inBody, 'focus is on the block');
  assert.equal(landed.text, topText);
  assert.ok(Math.abs(landed.top) < 50, `the block is at the top (${landed.top})`);
  assert.equal(await page.locator('.resume').count(), 0);

  // Start over: the offer goes, and so does the stored position.
  await page.reload();
  await page.waitForSelector('.resume');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Start over' }).click();
  assert.equal(await page.locator('.resume').count(), 0);
  assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).articles, {});
  await page.reload();
  await page.waitForSelector('.article-body');
  assert.equal(await page.locator('.resume').count(), 0);
  page.assertClean();
  await page.close();
});

test('damaged reading positions are cleared and the reader is told', async () => {
  const page = await open(app, LONG, {
    wait: '.article-body',
    initScript: `sessionStorage.getItem('seeded') || (localStorage.setItem('${KEY}', '{"articles": 7}'), sessionStorage.setItem('seeded', '1'))`,
  });
  await page.locator('.status-bar .notice').waitFor();
  assert.match(await page.locator('.status-bar .notice').textContent(), /reading positions couldn't be read \(.+\) and were cleared/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  page.assertClean();
  await page.close();
});
