// HTML first: every page known at build time (the front page, each bundled article and its
// embed) is prerendered and usable before, and without, any wasm: reading, the editorial card,
// share and related links, an embed's options and height. An article page then brings only its
// islands to life (the page stays the one the reader has); the front page and an embed are
// taken over by the app without a flash, a shift or a lost state. Code is fetched only after the
// page's first paint.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, disclosures, holdApp, isIslandsMain, live, open, pagedCopy, readJson, settle, until, useApp, watchTakeover, FACTS, SITE, at } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
const root = new URL('../../', import.meta.url).pathname;

const app = useApp();

const HARBOR = readJson(`${DIST}/articles/harbor-bridge-reopens.json`);
const INDEX = readJson(`${DIST}/articles/index.json`).articles;
const enc = encodeURIComponent;

/** A page whose wasm never arrives (the request is refused), so only the HTML works. */
async function withoutApp(path, { width = 1280, colorScheme = 'light' } = {}) {
  const context = await app.browser.newContext({ viewport: { width, height: 900 }, colorScheme, serviceWorkers: 'block' });
  const wasmRequests = [];
  await context.route('**/*.wasm', (route) => { wasmRequests.push(route.request().url()); return route.abort(); });
  const page = await open(app, path, { context, takeover: false, wait: 'main h1',
    allowConsoleErrors: [/wasm|Failed to load|ERR_FAILED|WebAssembly/i] });
  page.close = async () => context.close();
  page.wasmRequests = wasmRequests;
  return page;
}

test('without the app, the editorial card opens and closes by mouse and keyboard', async () => {
  const page = await withoutApp('/articles/harbor-bridge-reopens');
  const toggle = page.locator('summary.editorial-toggle');
  const isOpen = () => page.locator('details.editorial-details').evaluate((d) => d.open);
  const body = page.locator('#editorial-body');
  assert.equal(await isOpen(), false);
  assert.equal(await body.isVisible(), false);
  assert.equal((await toggle.innerText()).trim(), 'Read the full analysis');
  await toggle.click();
  assert.equal(await isOpen(), true);
  assert.ok(await body.isVisible());
  assert.equal((await toggle.innerText()).trim(), 'Show less');
  assert.equal(await page.locator('.editorial-teaser').isVisible(), false, 'the teaser gives way');
  await page.keyboard.press('Enter');
  assert.equal(await isOpen(), false);
  await page.keyboard.press('Space');
  assert.equal(await isOpen(), true);
  assert.deepEqual(await disclosures(page), [{ name: 'Show less', expanded: true }, { name: 'Share', expanded: false }],
    'screen readers are told each control and its state');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.live), undefined, 'still the static page: no code ran');
  await page.close();
});

test('without the app, the share links and related links work', async () => {
  const page = await withoutApp('/articles/harbor-bridge-reopens');
  await page.locator('summary.share-button').click();
  const links = await page.locator('#share-menu a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const u = enc(HARBOR.url);
  assert.deepEqual(links.slice(0, 3), [
    `https://x.com/intent/post?url=${u}&text=${enc(HARBOR.headline)}${SITE.social?.twitter ? `&via=${SITE.social.twitter.replace(/^@/, '')}` : ''}`,
    `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
  ]);
  assert.equal(links.length, 5);
  assert.ok(await page.locator('#share-menu a').first().isVisible());
  assert.equal(await page.locator('button.copy-link').isVisible(), false, 'Copy link needs code: not offered');
  await page.keyboard.press('Escape');
  await page.close();

  // Related articles are plain links to prerendered pages.
  const related = await withoutApp('/articles/library-night-hours');
  const href = await related.locator('.related-list a').first().getAttribute('href');
  assert.match(href, new RegExp(`^${at('/articles/')}[a-z0-9-]+$`));
  await Promise.all([related.waitForEvent('load'), related.locator('.related-list a').first().click()]);
  assert.equal(new URL(related.url()).pathname, href);
  await related.waitForSelector('main h1');
  await related.close();
});

test('without the app, the front page is complete', async () => {
  const page = await withoutApp('/');
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Latest articles');
  assert.equal(await page.title(), `Latest articles · ${SITE.name}`);
  const cards = await page.locator('main .article-list .card h2 a').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
  assert.deepEqual(cards.map(([, h]) => h).sort(), INDEX.map((a) => at(`/articles/${a.id}`)).sort());
  for (const [text] of cards) assert.ok(text.length > 0);
  assert.equal(await page.locator('main .card time').count(), INDEX.filter((a) => a.published).length);
  // A headline opens the prerendered article.
  await Promise.all([page.waitForEvent('load'), page.locator('main .card h2 a').first().click()]);
  await page.waitForSelector('main .article-body');
  await page.close();
});

test('without the app, an embed shows its options and sizes its frame', async () => {
  const page = await withoutApp('/embed/soil-carbon-long-read?parts=headline,takeaways,editorial&theme=dark&accent=%23f5c518');
  assert.equal(await page.locator('#prerendered h1').isVisible(), true);
  assert.equal(await page.locator('#prerendered .takeaways').isVisible(), true);
  for (const hidden of ['.dek', '.meta', 'figure', '.share', '.read-on']) {
    assert.equal(await page.locator(`#prerendered ${hidden}`).isVisible(), false, `${hidden} hidden`);
  }
  assert.equal(await page.locator('#prerendered .embed').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(22, 24, 29)');
  const badge = page.locator('#prerendered .badge').first();
  assert.equal(await badge.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(245, 197, 24)');
  // A light accent gets black text, as the app would choose.
  assert.equal(await badge.evaluate((e) => getComputedStyle(e).color), 'rgb(0, 0, 0)');
  await page.close();
});

// A partner page on another origin, the embed's wasm refused: the frame still takes the
// card's height, reported by the page's own script.
let partner;
const empty = mkdtempSync(join(tmpdir(), 'reader-partner-'));
before(async () => {
  partner = await startServer({
    root: empty,
    routes: {
      '/partner.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><title>partner</title><h1>Partner</h1>
          <div data-article-embed="harbor-bridge-reopens" data-height="200"></div>
          <script src="${app.url}/embed.js" async></script>`);
      },
    },
  });
  partner.url = partner.url.replace('127.0.0.1', 'localhost');
});
after(async () => {
  await partner?.close();
  rmSync(empty, { recursive: true, force: true });
});

test('without the app, an embed sizes itself on a partner page', async () => {
  const context = await app.browser.newContext({ viewport: { width: 800, height: 900 } });
  const refused = [];
  await context.route('**/*.wasm', (route) => { refused.push(route.request().url()); return route.abort(); });
  const page = await context.newPage();
  await page.goto(`${partner.url}/partner.html`);
  const handle = await page.waitForSelector('iframe[src*="/embed/"]');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('#prerendered .embed h1');
  const heights = async () => ({
    outer: (await handle.boundingBox()).height,
    inner: await frame.evaluate(() => document.querySelector('#prerendered .embed').getBoundingClientRect().height),
  });
  let h;
  for (let i = 0; i < 50; i++) {
    h = await heights();
    if (h.outer !== 200 && Math.abs(h.outer - Math.ceil(h.inner)) <= 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(Math.abs(h.outer - Math.ceil(h.inner)) <= 1 && h.inner > 300, `frame ${h.outer}px, card ${h.inner}px`);
  assert.equal(await handle.getAttribute('title'), `Article: ${HARBOR.headline}`);
  // Opening the card grows the frame, still without the app.
  await frame.locator('#prerendered summary.editorial-toggle').click();
  let grown;
  for (let i = 0; i < 50 && !grown; i++) {
    const now = await heights();
    if (now.outer > h.outer + 50 && Math.abs(now.outer - Math.ceil(now.inner)) <= 1) grown = now;
    else await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(grown, 'the frame grew with the opened card');
  // The page asks for its code after the first paint, when the browser is idle: under load,
  // after the sizing above. Wait for that request rather than assume it came first.
  for (let i = 0; i < 100 && !refused.length; i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(refused.length > 0, 'the app was asked for and refused');
  assert.equal(await frame.locator('#prerendered').count(), 1, 'the app never ran');
  await context.close();
});

test('an article\'s islands come alive in the page the reader has: nothing rendered again, nothing lost', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const release = await holdApp(context);
  const page = await open(app, '/articles/harbor-bridge-reopens', { context, takeover: false,
    initScript: watchTakeover(['main h1', 'figure.hero img', '.article-tools', '.share h2']) });
  page.close = async () => context.close();
  await page.waitForLoadState('load');
  await settle(page);
  await page.locator('summary.editorial-toggle').click();
  await page.locator('summary.share-button').click();
  // The same elements before and after: marked now, looked for later.
  await page.evaluate(() => {
    window.__staticRects = window.__rects();
    for (const s of ['main h1', '.article-body', 'details.editorial-details', 'details.share-details']) document.querySelector(s).__before = true;
  });
  release();
  await page.waitForFunction(() => document.documentElement.dataset.live === 'islands', null, { timeout: 15_000 });
  await settle(page);
  assert.deepEqual(await page.evaluate(() => ['main h1', '.article-body', 'details.editorial-details', 'details.share-details']
    .filter((s) => !document.querySelector(s).__before)), [], 'the page\'s own elements are kept, not rendered again');
  assert.equal(await page.locator('details.editorial-details').evaluate((d) => d.open), true, 'card still open');
  assert.ok(await page.locator('#editorial-body').isVisible());
  assert.equal(await page.locator('details.share-details').evaluate((d) => d.open), true, 'share menu still open');
  assert.ok(await page.locator('button.copy-link').isVisible(), 'the island offers Copy link');
  const seen = await page.evaluate(() => window.__seen);
  assert.equal(seen.skeleton, false, 'no loading skeleton');
  assert.ok(!seen.twoHeadlines, 'never two copies');
  // (The open share menu gains Copy link, which may move what follows it: that is the reader's
  // own menu growing, so only what comes before it is compared.)
  assert.deepEqual(await page.evaluate(() => window.__rects()), await page.evaluate(() => window.__staticRects), 'nothing moved');
  // Only the article page's islands bundle's main module was fetched: never the app, no chunk,
  // nothing of the front page's or an embed's islands.
  const code = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\.(js|wasm)$/.test(p)));
  assert.ok(isIslandsMain(code, 'article'), code.join(' '));
  page.assertClean();
  await page.close();
});

// The front page of a paged index (a copy of the build with its index in two pages, rendered
// again by the prerender), so that its island has "More articles" to bring to life.
const pagedSite = pagedCopy();
const paged = useApp({ root: pagedSite.dir });
after(() => pagedSite.remove());

for (const [name, site, path, parts, kept, behaviour] of [
  ['the front page', paged, '/', ['main h1', '.article-list', '.card:last-child'], ['main h1', '.article-list', '.card:last-child h2 a'],
    // Its island's own work: "More articles" loads the index's next page.
    async (page) => {
      assert.equal(await page.locator('.card').count(), pagedSite.front);
      await page.locator('button.more-button').click();
      await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, pagedSite.total, { timeout: 10_000 });
      assert.equal((await page.locator('.front-page [role=status]').textContent()).trim(), `${pagedSite.total - pagedSite.front} articles added below.`);
    }],
  ['an embed', app, '/embed/harbor-bridge-reopens?theme=dark&parts=headline,image,takeaways,editorial,share,ticker',
    ['.embed', 'h1', 'figure.hero img', '.takeaways'], ['.embed', 'h1', 'details.editorial-details', 'details.share-details'],
    // Its options island: the option the page's script ignored is reported to the partner's
    // developer in the console (the page's script says nothing).
    async (page, warnings) => {
      await until(() => warnings.some((w) => w.includes('“ticker” ignored')));
      assert.ok(warnings.some((w) => /^article embed: parts: “ticker” ignored/.test(w)), warnings.join(' | '));
    }],
]) {
  test(`${name}: its islands come alive in the page the reader has, without a flash or a shift, and work`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const release = await holdApp(context);
    const page = await open(site, path, { context, wait: 'main h1', takeover: false, initScript: watchTakeover(parts) });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.waitForLoadState('load');
    await settle(page);
    await page.evaluate((kept) => {
      window.__staticRects = window.__rects();
      for (const s of kept) document.querySelector(s).__before = true;
    }, kept);
    assert.deepEqual(warnings, [], 'nothing is reported before the code runs');
    release();
    await live(page);
    await settle(page);
    assert.deepEqual(await page.evaluate((kept) => kept.filter((s) => !document.querySelector(s).__before), kept), [],
      'the page\'s own elements are kept, not rendered again');
    const seen = await page.evaluate(() => window.__seen);
    assert.equal(seen.skeleton, false, 'the loading skeleton never showed');
    assert.ok(!seen.twoHeadlines, 'never two visible copies');
    // Under load the second site's self-hosted font can land meanwhile: a shift of about 0.0001
    // was seen (0.1 is "poor"). Anything the islands move is caught by the rectangles, to the pixel.
    assert.ok(seen.shift < 0.001, `no layout shift (${seen.shift})`);
    const [staticRects, liveRects] = await page.evaluate(() => [window.__staticRects, window.__rects()]);
    assert.ok(staticRects[parts[0]], 'the static copy was measured');
    assert.deepEqual(liveRects, staticRects, 'every part is where the static copy had it');
    // Only this page's islands bundle's main module was fetched: never the app, no chunk,
    // nothing of another page's islands.
    const code = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\.(js|wasm)$/.test(p)));
    assert.ok(isIslandsMain(code, path === '/' ? 'front' : 'embed'), code.join(' '));
    await behaviour(page, warnings);
    page.assertClean();
    await context.close();
  });
}

test('a related article\'s offline mark comes to life only as it nears the screen, from the code already there', async () => {
  const page = await open(app, '/articles/library-night-hours', { width: 360, height: 640, serviceWorkers: 'block', wait: '.related-list' });
  // Live: every island ran but the marks, which wait to be seen (the list is at the article's foot).
  const marks = page.locator('leptos-island[data-component^="OfflineMark_"]');
  assert.ok(await marks.count() > 0, 'the related list has its marks');
  assert.equal(await page.locator('leptos-island[data-later="visible"]').count(), await marks.count(), 'every mark waits');
  assert.equal(await page.locator('leptos-island[data-later]:not([data-component^="OfflineMark_"])').count(), 0, 'nothing else waits');
  await page.locator('.related-list').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('leptos-island[data-later]'));
  // Coming to life fetched no code: the page's bundle had it.
  const code = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\.(js|wasm)$/.test(p)));
  assert.ok(isIslandsMain(code, 'article'), code.join(' '));
  page.assertClean();
  await page.close();
});

// The interface catalogues: English is in the code; any other language's comes from the build's
// catalogs/ folder, fetched with the code by the page that needs it.
const CATALOGS = readdirSync(`${DIST}/${FACTS.catalogs_dir}`);
const catalogText = (tag, key) => JSON.parse(readFileSync(`${root}src/catalogs/${tag}.json`, 'utf8'))[key];

test('the code carries English\'s words only: an Arabic page fetches its catalogue, an English one none', async () => {
  assert.deepEqual(CATALOGS.filter((f) => f.endsWith('.json')).map((f) => f.replace(/-[0-9a-f]{16}\.json$/, '')).sort(), ['ar', 'fr']);
  for (const file of readdirSync(DIST).filter((f) => f.endsWith('.wasm'))) {
    const bytes = readFileSync(`${DIST}/${file}`);
    for (const tag of ['fr', 'ar']) {
      assert.ok(!bytes.includes(Buffer.from(catalogText(tag, 'save_offline'))), `${file} carries the ${tag} catalogue`);
    }
  }
  const arabic = await open(app, '/articles/desert-solar-cooperative', { serviceWorkers: 'block', wait: '.article-body' });
  // What the islands write once running is in Arabic too: Save's message.
  await arabic.locator('button.save-toggle').click();
  await arabic.waitForFunction(() => document.querySelector('.save-toggle')?.getAttribute('aria-pressed') === 'true');
  await arabic.waitForFunction((text) => document.querySelector('.save-status')?.textContent.trim() === text, catalogText('ar', 'saved_offline'));
  assert.deepEqual(arabic.requests.filter((u) => u.includes(`/${FACTS.catalogs_dir}`)).map((u) => u.replace(/-[0-9a-f]{16}\.json$/, '')),
    [at(`/${FACTS.catalogs_dir}ar`)]);
  arabic.assertClean();
  await arabic.close();
  const english = await open(app, '/articles/harbor-bridge-reopens', { serviceWorkers: 'block', wait: '.article-body' });
  assert.equal((await english.locator('button.save-toggle').textContent()).trim(), catalogText('en', 'save_offline'));
  assert.deepEqual(english.requests.filter((u) => u.includes(`/${FACTS.catalogs_dir}`)), []);
  english.assertClean();
  await english.close();
});

test('a catalogue that cannot come leaves the page as it is, readable, and says why', async () => {
  const page = await open(app, '/articles/desert-solar-cooperative', {
    serviceWorkers: 'block', takeover: false, wait: '.article-body',
    routes: [[`**/${FACTS.catalogs_dir}**`, (route) => route.fulfill({ status: 503, body: 'down' })]],
    allowConsoleErrors: [/503/],
  });
  await until(() => page.problems.length > 0);
  assert.match(page.problems.join(' '), /the interface's words \(.*ar-[0-9a-f]{16}\.json\): HTTP 503/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.live), undefined, 'not marked live');
  assert.ok((await page.locator('.article-body').textContent()).length > 200, 'the article is there');
  await page.close();
});

test('an island the bundle lacks is an error the page reports, and the page is never marked live', async () => {
  // The islands bundle of another build: its JavaScript without the Save button's island.
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  let removed = '';
  await context.route(/\/islands-article-[0-9a-f]{16}\.js$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/\b\w+ as (SaveButton_\d+),?/, (_, name) => {
      removed = name;
      return '';
    });
    await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
  });
  const page = await open(app, '/articles/harbor-bridge-reopens', { context, takeover: false, wait: 'main h1' });
  await until(() => page.problems.length > 0);
  assert.ok(removed, 'the bundle had an island to take away');
  assert.deepEqual(page.problems.map((e) => e.replace(/\/islands-article-[0-9a-f]{16}\.js/, '/islands.js')),
    [`page error: islands missing from the bundle ${at('/islands.js')}: ${removed}`]);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.live), undefined, 'not marked live');
  // The islands it has still run: the share menu offers Copy link.
  await page.locator('summary.share-button').click();
  await page.locator('button.copy-link').waitFor({ state: 'visible' });
  await context.close();
});

test('an embed opened in another language is rendered by the app, never shown in the wrong one', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const release = await holdApp(context);
  const page = await open(app, '/embed/harbor-bridge-reopens?lang=fr', { context, wait: null });
  await page.waitForLoadState('load');
  // Before the app: the English copy is not shown.
  assert.equal(await page.locator('#prerendered').isVisible(), false);
  release();
  await page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('main .embed-card h1'), null, { timeout: 15_000 });
  assert.equal(await page.locator('article').getAttribute('lang'), 'fr');
  // Its words once the French catalogue has come (the code carries English's only).
  await page.waitForFunction(() => document.querySelector('.takeaways h2')?.textContent.trim() === 'Points clés');
  page.assertClean();
  await context.close();
});

test('on a prerendered page the app is fetched after the first paint, not preloaded', async () => {
  const html = readFileSync(`${DIST}/articles/harbor-bridge-reopens/index.html`, 'utf8');
  assert.doesNotMatch(html, /rel="?(modulepreload|preload)"?[^>]*(\.wasm|\.js)/, 'no preload of the app');
  assert.match(html, /<img[^>]*fetchpriority="?high/, 'the hero image comes first');
  assert.match(html, /<style[^>]*>/, 'the stylesheet is inline');
  assert.doesNotMatch(html, /<link[^>]*rel="?stylesheet/, 'no stylesheet request');
  const page = await open(app, '/articles/harbor-bridge-reopens', { serviceWorkers: 'block', wait: 'main .article-body' });
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-paint')[0]?.startTime;
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    const hero = performance.getEntriesByType('resource').find((e) => e.name.includes('harbor-bridge.svg'));
    // (The article page's wasm is the islands bundle.)
    return { paint, wasmStart: wasm?.startTime, heroEnd: hero?.responseEnd };
  });
  assert.ok(timing.paint > 0 && timing.wasmStart > 0, JSON.stringify(timing));
  assert.ok(timing.wasmStart >= timing.paint, `wasm requested at ${timing.wasmStart} ms, first paint at ${timing.paint} ms`);
  assert.ok(timing.wasmStart >= timing.heroEnd, `wasm requested at ${timing.wasmStart} ms, hero image done at ${timing.heroEnd} ms`);
  page.assertClean();
  await page.close();
});

test('/read?src= fetches its JSON in parallel with the app, once', async () => {
  app.requests.length = 0;
  const json = at('/articles/rain-gauge-volunteers.json');
  const page = await open(app, `/read?src=${encodeURIComponent(json)}`, { serviceWorkers: 'block', wait: 'main .article-body' });
  assert.deepEqual(app.requests.filter((u) => u.startsWith(json)), [json],
    'one request: the page\'s own, taken over by the app');
  const started = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const json = entries.find((e) => e.name.endsWith('/articles/rain-gauge-volunteers.json'));
    const wasm = entries.find((e) => e.name.endsWith('.wasm'));
    return { json: json?.startTime, wasm: wasm?.startTime };
  });
  assert.ok(started.json <= started.wasm, `the JSON was requested before the app (${JSON.stringify(started)})`);
  page.assertClean();
  await page.close();
});

test('the page script and the app choose the same text colour on an embed\'s accent', async () => {
  // index.html applies accent= before the app (JavaScript); the app applies it again with
  // model::embed::contrast_text (Rust). The two copies of the rule must agree.
  for (const accent of ['#0b57d0', '#f5c518', '#777777', '#767676', '#000000', '#ffffff', '#8a1c1c', '#00ff00']) {
    // (The app's own embed view: a prerendered embed is not rendered again by the app.)
    const page = await open(app, `/embed?src=${encodeURIComponent(at('/articles/harbor-bridge-reopens.json'))}&accent=${encodeURIComponent(accent)}`,
      { serviceWorkers: 'block', wait: '.embed h1' });
    const [script, appChoice] = await page.evaluate(() => [
      getComputedStyle(document.documentElement).getPropertyValue('--accent-contrast').trim(),
      document.querySelector('.embed').style.getPropertyValue('--accent-contrast').trim(),
    ]);
    assert.ok(script && appChoice, `both set for ${accent}`);
    assert.equal(script, appChoice, `text on ${accent}`);
    await page.close();
  }
});
