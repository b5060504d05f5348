// Format 1.1's blocks in every view: the prerendered page (before and without the app), the
// app's page, right to left, a phone's width, print, Listen and saving offline. The demo long
// read (soil-carbon-long-read) and the Arabic demo article carry them; a short fixture has
// every block once. Saving offline: the offline tests save the long read; the model's
// image list (with an embed's thumbnail) is tested natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, SITE, at, holdApp, navigate, open, readJson, useApp, settle } from './harness.mjs';

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

test('the long read\'s 1.1 blocks are in the prerendered page before any code', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await holdApp(context);
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
  await context.close();
});

/**
 * The article element as the reader gets it, as plain data to compare: each element's tag, its
 * attributes and its children; text with its spaces collapsed. Not content: the islands'
 * wrappers and their props (`<leptos-island>`, `data-component`, `data-props`), Leptos's
 * markers (comments) and how a text is split into nodes. Addresses are compared resolved, a
 * style by what it sets, and the page's origin in a share link as the site's public address
 * (the prerender writes `public_url`; the app served here shares the address it is served at).
 */
const rendered = (page) => page.evaluate((publicOrigin) => {
  const origins = [location.origin, publicOrigin].map(encodeURIComponent);
  const value = (node, a) => {
    if (a.name === 'style') return node.style.cssText;
    const v = ['src', 'href'].includes(a.name) ? new URL(a.value, document.baseURI).href : a.value;
    return origins.reduce((text, o) => text.replaceAll(o, 'ORIGIN'), v);
  };
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const kids = [];
    for (const kid of [...node.childNodes].flatMap(walk)) {
      if (kid === null) continue;
      if (typeof kid === 'string' && typeof kids.at(-1) === 'string') kids[kids.length - 1] += kid;
      else kids.push(kid);
    }
    const content = kids.map((k) => (typeof k === 'string' ? k.replace(/\s+/g, ' ') : k))
      .filter((k) => typeof k !== 'string' || k.trim() !== '');
    if (node.localName === 'leptos-island' || node.localName === 'leptos-children') return content;
    const attrs = [...node.attributes].filter((a) => !/^data-(component|props|hk)$/.test(a.name))
      .map((a) => `${a.name}=${value(node, a)}`).sort();
    return [{ tag: node.localName, attrs, content }];
  };
  return walk(document.querySelector('main article'))[0];
}, new URL(SITE.public_url).origin);

/** The first difference between two renders, as a path and the two sides. */
function firstDifference(a, b, path = 'article') {
  if (typeof a === 'string' || typeof b === 'string') return a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (a.tag !== b.tag) return `${path}: <${a.tag}> ≠ <${b.tag}>`;
  const here = `${path} > ${a.tag}${a.attrs.find((x) => x.startsWith('class='))?.replace('class=', '.').split(' ')[0] ?? ''}`;
  if (JSON.stringify(a.attrs) !== JSON.stringify(b.attrs)) {
    return `${here}: attributes ${JSON.stringify(a.attrs.filter((x) => !b.attrs.includes(x)))} ≠ ${JSON.stringify(b.attrs.filter((x) => !a.attrs.includes(x)))}`;
  }
  for (let i = 0; i < Math.max(a.content.length, b.content.length); i++) {
    if (a.content[i] === undefined || b.content[i] === undefined) return `${here}: child ${i} only in ${a.content[i] === undefined ? 'the app' : 'the prerender'}`;
    const d = firstDifference(a.content[i], b.content[i], `${here}[${i}]`);
    if (d) return d;
  }
  return null;
}


test('the app renders every bundled article exactly as the prerendered page has it', async () => {
  // A reader who comes from the Saved page, the search or another page of the app gets the
  // app's render of the article: it must be the page the prerender wrote, element for element.
  const ids = readJson(`${DIST}/articles/index.json`).articles.map((a) => a.id);
  assert.ok(ids.includes('soil-carbon-long-read') && ids.length >= 5, ids.join(' '));
  // (No service worker on either side: what it has cached would mark related articles as
  // available offline on one side only.)
  const inApp = await open(app, '/no/such/page', { wait: 'main h1', serviceWorkers: 'block' });
  for (const id of ids) {
    const prerendered = await open(app, `/articles/${id}`, { wait: 'main .article-body', serviceWorkers: 'block' });
    const expected = await rendered(prerendered);
    prerendered.assertClean();
    await prerendered.close();
    await navigate(inApp, `/articles/${id}`);
    await inApp.waitForFunction((h) => document.querySelector('main article h1')?.textContent.trim() === h,
      expected.content.find((c) => c.tag === 'header')?.content.find((c) => c.tag === 'h1')?.content[0]
        ?? readJson(`${DIST}/articles/${id}.json`).headline);
    // The document takes the article's language at once; the interface's words follow once
    // that language's catalogue has come (a fetch: on a busy machine it comes late). So the
    // render is read until it matches, for up to 15 s, and the last difference is reported.
    await inApp.waitForFunction((l) => document.documentElement.lang === l, readJson(`${DIST}/articles/${id}.json`).language);
    let difference = firstDifference(expected, await rendered(inApp));
    for (const until = Date.now() + 15_000; difference && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 200));
      difference = firstDifference(expected, await rendered(inApp));
    }
    assert.equal(difference, null, `${id}: the app's render differs from the prerendered page`);
  }
  inApp.assertClean();
  await inApp.close();
});

test('/read?src= renders the long read as its prerendered page, but for the address it shares', async () => {
  const prerendered = await open(app, LONG, { wait: 'main .article-body', serviceWorkers: 'block' });
  const expected = await rendered(prerendered);
  await prerendered.close();
  const src = at('/articles/soil-carbon-long-read.json');
  const page = await open(app, `/read?src=${encodeURIComponent(src)}`, { wait: 'main .article-body', serviceWorkers: 'block' });
  const actual = await rendered(page);
  // What differs, and only that: the share links name the address the reader is at.
  const shareLinks = (tree) => JSON.stringify(tree).match(/href=https:\/\/x\.com[^"]*/g);
  assert.match(shareLinks(actual)[0], /url=ORIGIN%2Fread%3Fsrc%3D%252Farticles%252Fsoil-carbon-long-read\.json&/);
  const withoutShareLinks = (tree) => JSON.parse(JSON.stringify(tree).replace(/href=(https:\/\/(x\.com|www\.facebook\.com|www\.linkedin\.com|wa\.me)|mailto:)[^"]*/g, 'href=SHARE'));
  assert.equal(firstDifference(withoutShareLinks(expected), withoutShareLinks(actual)), null);
  page.assertClean();
  await page.close();
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
