// A keyboard-only journey: front page → article → editorial card → share → copy the link →
// larger text → back, with only Tab, Shift+Tab, Enter, Space, Escape and Back. After every
// key, focus must be on an element (never lost to <body>) and visibly marked. (Between
// prerendered pages a link is a page load; in the app, focus moves to the new page's main.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, useApp } from './harness.mjs';

const app = useApp();

/** Where focus is, and whether it shows. */
const focusState = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { lost: true };
  const style = getComputedStyle(el);
  return {
    lost: false,
    tag: el.tagName.toLowerCase(),
    id: el.id,
    className: typeof el.className === 'string' ? el.className : '',
    text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
    // The main landmark is focused by the app after navigation (tabindex=-1), not by the
    // reader; everything reached by keyboard must show its focus ring.
    visible: el.id === 'main' || (el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2),
  };
});

async function press(page, key) {
  await page.keyboard.press(key);
  const state = await focusState(page);
  assert.equal(state.lost, false, `focus lost after ${key}`);
  assert.ok(state.visible, `focus not visible after ${key}: ${JSON.stringify(state)}`);
  return state;
}

/** Presses `key` until the focused element matches `selector` (at most `max` times). */
async function tabTo(page, selector, { key = 'Tab', max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    await press(page, key);
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`${selector} not reached with ${key}`);
}

test('in the app, a link followed by keyboard moves focus to the new page, not lost', async () => {
  const page = await open(app, '/no/such/page');
  await tabTo(page, '.not-found a.home-link');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.article-list');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal((await focusState(page)).id, 'main');
  page.assertClean();
  await page.close();
});

test('a keyboard-only reader can do the whole journey, focus always visible', async () => {
  const page = await open(app, '/', { wait: '.article-list', permissions: ['clipboard-read', 'clipboard-write'] });

  // The skip link comes first and is visible when focused.
  await tabTo(page, 'a.skip-link');
  assert.ok(await page.locator('a.skip-link').isVisible());

  // Front page → first article.
  await tabTo(page, '.article-list a');
  const headline = (await page.evaluate(() => document.activeElement.textContent)).trim();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.article-body');
  await page.waitForFunction(() => document.documentElement.dataset.live === 'islands');
  assert.equal((await page.locator('h1').textContent()).trim(), headline);
  // A page of islands is a new page: the next Tab starts from its top, at the skip link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link', 'the new page is read from its top');

  // The editorial card, with Space.
  await tabTo(page, 'summary.editorial-toggle');
  await press(page, 'Space');
  assert.equal(await page.locator('details.editorial-details').evaluate((d) => d.open), true);

  // Share → Copy link, with Enter.
  await tabTo(page, 'summary.share-button');
  await press(page, 'Enter');
  assert.equal(await page.locator('details.share-details').evaluate((d) => d.open), true);
  await tabTo(page, 'button.copy-link');
  await press(page, 'Enter');
  await page.waitForFunction(() => /copied/i.test(document.querySelector('.share-status')?.textContent ?? ''));
  // The link copied is the article's canonical address.
  const id = await page.evaluate(() => location.pathname.split('/').pop());
  const { url } = await (await fetch(`${app.url}/articles/${id}.json`)).json();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  // Escape closes the menu and returns to its button.
  await press(page, 'Escape');
  assert.equal(await page.locator('details.share-details').evaluate((d) => d.open), false);

  // Back up to the reading settings, larger text, and out again with Escape.
  await tabTo(page, 'button.settings-toggle', { key: 'Shift+Tab', max: 120 });
  await press(page, 'Enter');
  // The panel's code comes from its own chunk on a prerendered page: a Tab before it is there
  // goes on into the article, past where the panel will be.
  await page.locator('#reader-settings').waitFor({ state: 'visible' });
  await tabTo(page, 'button.size-larger');
  await press(page, 'Enter');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.size), '112');
  const afterEscape = await press(page, 'Escape');
  assert.match(afterEscape.className, /settings-toggle/);

  // Back to the front page (the browser's Back, Alt+Left, which headless Chromium has no
  // shortcut for: the same history step).
  await page.goBack();
  await page.waitForSelector('.article-list');
  // The front page is a page load of its own (islands): the browser puts the reader at its
  // start, and the keyboard carries on from there.
  await press(page, 'Tab');
  page.assertClean();
  await page.close();
});
