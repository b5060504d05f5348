// Format 1.1's blocks in every view: the prerendered page (before and without the app), the
// app's page, right to left, a phone's width, print, Listen and saving offline. The demo long
// read (soil-carbon-long-read) and the Arabic demo article carry them; a short fixture has
// every block once. Saving offline: the offline tests save the long read; the model's
// image list (with an embed's thumbnail) is tested natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdApp, open, useApp, settle } from './harness.mjs';

const app = useApp();
const LONG = '/articles/soil-carbon-long-read';

/** What the body shows of each 1.1 block, as plain data to compare. */
const structure = (page) => page.evaluate(() => {
  const body = document.querySelector('main .article-body');
  const text = (e) => e?.textContent.trim().replace(/\s+/g, ' ');
  const table = body.querySelector('.table-scroll table');
  return {
    table: table && {
      region: [body.querySelector('.table-scroll').getAttribute('role'), body.querySelector('.table-scroll').tabIndex],
      caption: text(table.querySelector('caption')),
      header: [...table.querySelectorAll('thead th[scope=col]')].map(text),
      rows: [...table.querySelectorAll('tbody tr')].map((r) => [...r.cells].map(text)),
    },
    nested: [...body.querySelectorAll(':scope > :is(ul, ol) > li > :is(ul, ol)')].map((l) => [l.tagName, l.children.length]),
    code: body.querySelector('.code pre code')?.textContent ?? null,
    codeLabel: text(body.querySelector('.code .code-language')),
    dividers: body.querySelectorAll(':scope > hr').length,
    pullquote: text(body.querySelector('.pullquote blockquote')),
    embed: body.querySelector('.embed-link a') && {
      href: body.querySelector('.embed-link a').getAttribute('href'),
      target: body.querySelector('.embed-link a').target,
      rel: body.querySelector('.embed-link a').rel,
      text: text(body.querySelector('.embed-link a')),
    },
    frames: document.querySelectorAll('main iframe, main object, main embed').length,
  };
});

test('the long read\'s 1.1 blocks are in the prerendered page before any code, and the same after', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const release = await holdApp(context);
  const page = await context.newPage();
  await page.goto(`${app.url}${LONG}`);
  await page.waitForSelector('main .article-body');
  const before = await structure(page);
  assert.deepEqual(before.table.region, ['region', 0]);
  assert.equal(before.table.caption, 'Soil organic carbon in the top 30 cm, tonnes per hectare (plot averages, rounded)');
  assert.deepEqual(before.table.header, ['Practice', 'Spring 2024', 'Spring 2026', 'Change']);
  assert.equal(before.table.rows.length, 4);
  assert.deepEqual(before.table.rows[3], ['Conventional (control)', '40.1', '39.9', '−0.2']);
  assert.deepEqual(before.nested, [['UL', 2], ['UL', 2]], 'two list items carry a list of their own');
  assert.equal(before.code, 'plot,date,depth_cm,carbon_pct,bulk_density\nA3,2026-04-14,30,1.42,1.31\nA4,2026-04-14,30,1.38,1.29');
  assert.equal(before.codeLabel, 'csv');
  assert.equal(before.dividers, 1);
  assert.match(before.pullquote, /^The spread between neighbouring plots/);
  assert.deepEqual(before.embed, {
    href: 'https://video.example/watch/soil-core-sampling', target: '_blank', rel: 'external noopener noreferrer',
    text: 'Field Notes Video How a soil core is taken, step by step Open on Field Notes Video',
  });
  assert.equal(before.frames, 0, 'no frame of the provider\'s');
  release();
  await page.waitForFunction(() => document.documentElement.dataset.live === 'islands', null, { timeout: 15_000 });
  assert.deepEqual(await structure(page), before, 'the blocks stay as they are once the islands are live');
  await context.close();
});

test('every 1.1 block read through /read?src=, and what Listen says of them', async () => {
  const fake = () => {
    window.__said = [];
    const engine = {
      speak(u) { window.__said.push(u.text); setTimeout(() => u.onend?.(), 20); },
      cancel() {}, pause() {}, resume() {}, getVoices() { return []; },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
  };
  const page = await open(app, '/read?src=/fixtures/format-1-1.json', { wait: '.article-body', initScript: fake });
  const s = await structure(page);
  assert.deepEqual(s.table, { region: ['region', 0], caption: 'Scores', header: ['Team', 'Points'], rows: [['Ashby', '3'], ['Brill', '1']] });
  assert.equal(await page.locator('.table-scroll tbody strong').textContent(), '1', 'cells are inline text');
  assert.deepEqual(s.nested, [['OL', 2]]);
  assert.equal(s.code, 'echo "a  b"\n  indented', 'code keeps its spaces and line breaks');
  assert.equal(s.embed.href, 'https://video.example/v/1');
  assert.equal(s.frames, 0);
  // Listen reads every block but the pull quote (it repeats the body) and the divider.
  await page.locator('button.listen-toggle').click();
  await page.waitForFunction(() => window.__said.some((t) => t.includes('Closing paragraph')), null, { timeout: 10_000 });
  const said = await page.evaluate(() => window.__said);
  assert.ok(!said.some((t) => t.includes('A repeated passage')), said.join(' | '));
  assert.ok(said.every((t) => t.trim() !== ''), 'no empty utterance');
  for (const part of ['Opening paragraph.', 'Outer one', 'Inner two', 'Scores', 'echo', 'A video', 'Closing paragraph.']) {
    assert.ok(said.some((t) => t.includes(part)), `${part} is read: ${said.join(' | ')}`);
  }
  page.assertClean();
  await page.close();
});

test('on a phone the table and the code scroll in their own box, never the page, and take the keyboard', async () => {
  const page = await open(app, LONG, { width: 360, height: 740, wait: '.article-body' });
  const widths = await page.evaluate(() => {
    const box = document.querySelector('.table-scroll');
    box.scrollIntoView();
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      table: box.scrollWidth > box.clientWidth,
      code: document.querySelector('.code pre').scrollWidth > document.querySelector('.code pre').clientWidth,
    };
  });
  assert.deepEqual(widths, { page: 0, table: true, code: true });
  // The focused box scrolls with the arrow keys.
  await page.locator('.table-scroll').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.table-scroll').scrollLeft > 0);
  page.assertClean();
  await page.close();
});

test('right to left: the Arabic article\'s table and nested list run from the right', async () => {
  const page = await open(app, '/articles/desert-solar-cooperative', { wait: '.article-body' });
  const rtl = await page.evaluate(() => {
    const th = [...document.querySelectorAll('.table-scroll thead th')].map((e) => e.getBoundingClientRect().left);
    const nested = document.querySelector('.article-body li > ul');
    return {
      direction: getComputedStyle(document.querySelector('.table-scroll table')).direction,
      firstColumnRightmost: th[0] > th[th.length - 1],
      nestedIndentedFromRight: nested.firstElementChild.getBoundingClientRect().right < nested.parentElement.getBoundingClientRect().right,
      align: getComputedStyle(document.querySelector('.table-scroll th')).textAlign,
    };
  });
  assert.deepEqual(rtl, { direction: 'rtl', firstColumnRightmost: true, nestedIndentedFromRight: true, align: 'start' });
  page.assertClean();
  await page.close();
});

test('printed, the table and the code print whole and the embed shows where it leads', async () => {
  const page = await open(app, LONG, { wait: '.article-body' });
  await page.emulateMedia({ media: 'print' });
  await settle(page);
  const printed = await page.evaluate(() => ({
    table: getComputedStyle(document.querySelector('.table-scroll')).overflowX,
    code: getComputedStyle(document.querySelector('.code pre')).whiteSpace,
    embed: getComputedStyle(document.querySelector('.embed-link a'), '::after').content,
    note: getComputedStyle(document.querySelector('.embed-link-note')).display,
  }));
  assert.deepEqual({ ...printed, embed: undefined }, { table: 'visible', code: 'pre-wrap', embed: undefined, note: 'none' });
  assert.match(printed.embed, /attr\(href\)|video\.example/, 'the link card prints its address');
  await page.close();
});

test('an article with every 1.1 block embeds like any other (the card shows no body)', async () => {
  const page = await open(app, '/embed?src=/fixtures/format-1-1.json', { wait: '.embed-card' });
  assert.equal((await page.locator('.embed-card h1').textContent()).trim(), 'Format Eleven');
  assert.equal(await page.locator('.embed-card .article-body, .embed-card iframe').count(), 0);
  page.assertClean();
  await page.close();
});
