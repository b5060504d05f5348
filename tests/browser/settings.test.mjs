// Reading settings: chosen in the panel, applied at once, remembered, applied before the first
// paint, and robust to damaged storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { open, useApp, FACTS } from './harness.mjs';

const app = useApp();
const KEY = FACTS.settings_key;
const ARTICLE = '/articles/harbor-bridge-reopens';

/** The colour of the first pixel of a PNG (any filter leaves pixel 0 of row 0 as stored). */
function firstPixel(png) {
  let at = 8;
  const idat = [];
  let colorType = 0;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IHDR') colorType = png[at + 8 + 9];
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  assert.ok(colorType === 2 || colorType === 6, `an RGB(A) screenshot (${colorType})`);
  return [raw[1], raw[2], raw[3]];
}

test('settings apply at once, persist, and apply before the first paint', async () => {
  const page = await open(app, ARTICLE, { wait: '.article-body' });
  const toggle = page.locator('.settings-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#reader-settings').isHidden(), true);
  await toggle.click();
  // Expanded once the panel is there (on a prerendered page its code comes after the click).
  await page.locator('#reader-settings').waitFor({ state: 'visible' });
  await page.waitForSelector('.settings-toggle[aria-expanded="true"]');
  await page.getByLabel('Dark').check();
  await page.getByLabel('Sans-serif').check();
  await page.getByLabel('Wide').check();
  await page.getByLabel('Loose').check();
  await page.getByRole('button', { name: 'Larger' }).click();
  await page.getByRole('button', { name: 'Larger' }).click();
  await page.getByRole('button', { name: 'Larger' }).click();
  assert.equal((await page.locator('.size-value').textContent()).trim(), '150 %');
  // The reading settings on <html> (not the page's own marks: islands, live).
  const applied = () => page.evaluate(() => ({
    ...Object.fromEntries(Object.entries(document.documentElement.dataset).filter(([k]) => !['islands', 'live'].includes(k))),
    rootPx: getComputedStyle(document.documentElement).fontSize,
    bodyFont: getComputedStyle(document.querySelector('.article-body') ?? document.body).fontFamily,
    bg: getComputedStyle(document.body).backgroundColor,
  }));
  const now = await applied();
  assert.deepEqual([now.theme, now.size, now.font, now.width, now.leading], ['dark', '150', 'sans', 'wide', 'loose']);
  assert.equal(now.rootPx, '24px');
  assert.match(now.bodyFont, /system-ui/);
  assert.equal(now.bg, 'rgb(22, 24, 29)');
  assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)),
    { theme: 'dark', size: 4, font: 'sans', width: 'wide', leading: 'loose' });

  // Escape closes the panel and returns focus to its button.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#reader-settings').isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'settings-toggle');

  // A reload keeps everything, and the panel shows the stored choices.
  await page.reload();
  await page.waitForSelector('.article-body');
  assert.deepEqual(await applied(), now);
  await page.locator('.settings-toggle').click();
  assert.equal(await page.getByLabel('Dark').isChecked(), true);
  assert.equal(await page.getByLabel('Wide').isChecked(), true);
  page.assertClean();

  // Before the first paint: the same page with the app unable to start still shows the stored
  // theme and size (index.html applies them); its first frame is already dark.
  const early = await page.context().newPage();
  await early.route('**/*.wasm', (route) => route.abort());
  await early.addInitScript(() => {
    requestAnimationFrame(() => {
      window.__firstFrame = { ...Object.fromEntries(Object.entries(document.documentElement.dataset).filter(([k]) => !['islands', 'live'].includes(k))),
        bg: getComputedStyle(document.documentElement).colorScheme };
    });
  });
  await early.goto(app.url + ARTICLE, { waitUntil: 'commit' });
  // The very first capture can come before the page has a frame to capture: try again.
  let shot;
  for (let i = 0; !shot; i++) {
    shot = await early.screenshot({ clip: { x: 2, y: 600, width: 1, height: 1 } })
      .catch((e) => { if (i >= 20 || !/Unable to capture/.test(e.message)) throw e; });
  }
  await early.waitForFunction(() => window.__firstFrame);
  const first = await early.evaluate(() => window.__firstFrame);
  assert.equal(first.theme, 'dark');
  assert.equal(first.size, '150');
  assert.deepEqual(firstPixel(shot), [22, 24, 29], 'the first screenshot is dark');
  await early.close();

  // Reset goes back to the defaults.
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'auto');
  await page.close();
});

for (const [what, stored, reason] of [
  ['damaged', '{"theme": "dark", "size": ', /isn't|not reader settings/],
  ['foreign', '{"user": "someone else", "token": "abc"}', /not reader settings/],
  ['out-of-range', '{"theme":"dark","size":42,"font":"serif","width":"normal","leading":"normal"}', /size step 42/],
]) {
  test(`${what} stored settings are cleared and the reader is told`, async () => {
    const page = await open(app, ARTICLE, {
      wait: '.article-body',
      initScript: `localStorage.getItem('${KEY}') === null && !sessionStorage.getItem('seeded') && (localStorage.setItem('${KEY}', ${JSON.stringify(stored)}), sessionStorage.setItem('seeded', '1'))`,
    });
    const notice = page.locator('.status-bar .notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Your reading settings couldn't be read \(.+\) and were reset to the defaults\./);
    assert.match(await notice.textContent(), reason);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'cleared');
    // Whatever index.html applied from it is undone.
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'auto');
    // The panel still works and stores valid settings again.
    await page.locator('.settings-toggle').click();
    await page.getByLabel('Sepia').check();
    assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).theme, 'sepia');
    page.assertClean();
    await page.close();
  });
}

test('a browser that refuses storage keeps the settings for the visit and says so', async () => {
  const page = await open(app, ARTICLE, {
    wait: '.article-body',
    initScript: () => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    },
  });
  await page.locator('.settings-toggle').click();
  await page.getByLabel('Sepia').check();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'sepia');
  await page.locator('.status-bar .notice').waitFor();
  assert.match(await page.locator('.status-bar .notice').textContent(), /apply to this visit only/);
  page.assertClean();
  await page.close();
});

test('at 320 px wide with the largest text nothing scrolls sideways', async () => {
  const largest = `localStorage.setItem('${KEY}', '{"theme":"sepia","size":6,"font":"serif","width":"wide","leading":"loose"}')`;
  for (const [path, wait] of [['/', '.article-list'], [ARTICLE, '.article-body'], ['/articles/desert-solar-cooperative', '.article-body'],
    ['/saved', 'main h1'], ['/read?src=/fixtures/many-problems.json', '[data-error]']]) {
    const page = await open(app, path, { wait, width: 320, height: 640, initScript: largest, allowConsoleErrors: [/Failed to load resource/] });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.size), '200');
    if (path === ARTICLE) {
      await page.locator('.settings-toggle').click();
      await page.locator('#reader-settings').waitFor({ state: 'visible' });
      await page.locator('summary.editorial-toggle').click();
      await page.locator('summary.share-button').click();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path}: ${overflow}px of sideways scrolling`);
    await page.close();
  }
});
