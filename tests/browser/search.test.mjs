// Search: the header's box and the /search page over the real Pagefind index the build made of
// the demo articles. Results come as the reader types, with highlights built as text and <mark>
// (never HTML); the address holds the query and Back returns to it; an Arabic query finds the
// Arabic article, shown right to left; no results, punctuation only, markup and very long
// queries each get a calm answer; offline, the saved articles are searched; a missing index
// and an index replaced by another deployment each have their message; and the whole journey
// works from the keyboard. A page that carries no search downloads nothing of Pagefind.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, BASE, DIST, FACTS, SITE, isIslandsMain, open, publishedCopy, readJson, settle, useApp, at } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const app = useApp();

// A larger archive than the demo's five articles: the build's copy with 14 more English
// articles about bridges and one in French, prerendered and indexed as a build does.
const HARBOR = readJson(`${DIST}/articles/harbor-bridge-reopens.json`);
const BRIDGES = Array.from({ length: 14 }, (_, i) => ({
  ...HARBOR,
  id: `bridge-report-${i + 1}`,
  headline: `Girderwatch ${i + 1}: Inspectors Walk the Bridge Deck Again`,
  url: `https://reader.example/articles/bridge-report-${i + 1}`,
  published: `2026-10-${String(i + 1).padStart(2, '0')}T08:00:00Z`,
  updated: undefined,
}));
const FRENCH = {
  ...HARBOR,
  id: 'pont-tournant-rouvre',
  language: 'fr',
  section: 'Régions',
  headline: 'Le pont tournant du vieux port rouvre après dix mois de travaux',
  dek: 'Les mariniers retrouvent l\u2019écluse et les piétons la passerelle, rénovée pierre par pierre.',
  url: 'https://reader.example/articles/pont-tournant-rouvre',
  published: '2026-10-20T08:00:00+02:00',
  updated: undefined,
  takeaways: ['Le pont a rouvert mardi matin.', 'Les travaux ont coûté 4 millions d\u2019euros.'],
  editorial: undefined,
  body: [
    { type: 'paragraph', text: 'Les mariniers ont retrouvé mardi l\u2019écluse du vieux port, fermée depuis janvier.' },
    { type: 'paragraph', text: 'La passerelle des piétons a été rénovée pierre par pierre par les compagnons tailleurs.' },
  ],
};
// Chinese and Japanese articles, whose words have no spaces between them: their shards are
// processed as their languages, so a word from the middle of a sentence finds them.
const CHINESE = {
  ...HARBOR,
  id: 'harbor-ferry-zh',
  language: 'zh-CN',
  dir: 'ltr',
  section: '本地',
  headline: '港口渡轮恢复夜间航班',
  dek: '市政府宣布渡轮将在周末恢复夜间服务。',
  url: undefined,
  published: '2026-10-22T08:00:00+08:00',
  updated: undefined,
  takeaways: [],
  editorial: undefined,
  authors: [],
  related: [],
  body: [{ type: 'paragraph', text: '经过三个月的维修，港口渡轮码头重新开放，居民可以在晚上乘坐渡轮回家。' }],
};
const JAPANESE = {
  ...CHINESE,
  id: 'library-robot-ja',
  language: 'ja',
  section: '文化',
  headline: '図書館に本を運ぶロボットが登場',
  dek: '中央図書館で新しい配達ロボットが働き始めました。',
  published: '2026-10-23T08:00:00+09:00',
  body: [{ type: 'paragraph', text: '市立図書館では来月から自動配達ロボットが本棚の間を走り、利用者に予約した本を届けます。' }],
};
const archive = publishedCopy((dir) => {
  for (const article of [...BRIDGES, FRENCH, CHINESE, JAPANESE]) {
    writeFileSync(join(dir, `${article.id}.json`), JSON.stringify(article));
  }
});
const large = useApp({ root: archive.dir });
after(() => archive.remove());
const INDEX = at(`/${FACTS.search_dir}`);

// An archive over three years, whose older shards a large archive would leave to "Search older
// articles": a word ("tollkeeper") in two articles of 2026, three of 2025 and two of 2024, and
// one ("zincworks") only in 2024's. The publish puts every shard of so small an archive in the
// first search; the list is then given the searches a large one has (2025's shard the second,
// 2024's the third), as publish::search::tiers would for 1,000 newer articles in each year.
const TOLL = (year, i, words) => ({
  ...HARBOR,
  id: `tollkeeper-${year}-${i}`,
  headline: `Tollkeeper ledger ${year}, part ${i}`,
  dek: `The ${year} ledger of the bridge tolls, part ${i}.`,
  url: undefined,
  published: `${year}-0${i + 1}-10T08:00:00Z`,
  updated: undefined,
  takeaways: [],
  editorial: undefined,
  related: [],
  body: [{ type: 'paragraph', text: `The tollkeeper counted carts ${words}.` }],
});
const TOLLS = [
  TOLL(2026, 1, 'at dawn'), TOLL(2026, 2, 'at noon'),
  TOLL(2025, 1, 'in the rain'), TOLL(2025, 2, 'in the fog'), TOLL(2025, 3, 'in the snow'),
  TOLL(2024, 1, 'beside the zincworks'), TOLL(2024, 2, 'behind the zincworks'),
];
const tieredCopy = publishedCopy((dir) => {
  for (const article of TOLLS) writeFileSync(join(dir, `${article.id}.json`), JSON.stringify(article));
});
const SHARDS = join(tieredCopy.dir, FACTS.search_dir, 'shards.json');
const published = JSON.parse(readFileSync(SHARDS, 'utf8'));
const SEARCHES = { 'en-2025-1-new/': 2, 'en-2024-1-new/': 3 };
writeFileSync(SHARDS, JSON.stringify({ ...published, shards: published.shards.map((s) => ({ ...s, tier: SEARCHES[s.path] ?? s.tier })) }));
const tiered = useApp({ root: tieredCopy.dir });
after(() => tieredCopy.remove());
const status = (page) => page.locator('#search-status');
const headlines = (page) => page.locator('.search-result h2').allTextContents();

/** Types into the search page's field as a reader would, then waits for the answer. */
async function typeQuery(page, text) {
  const field = page.locator('#search-query');
  await field.fill('');
  await field.pressSequentially(text, { delay: 20 });
}

test('results appear as the reader types, highlighted, and the address holds the query', async () => {
  const page = await open(app, '/search', { wait: '.search-page h1' });
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.includes('Type a word'));
  await typeQuery(page, 'harbor bridge');
  await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, { timeout: 15_000 });
  assert.deepEqual((await headlines(page))[0], 'Harbor Bridge Reopens Two Months Early After Round-the-Clock Repairs');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'harbor bridge');
  assert.match(await status(page).textContent(), /articles? found for “harbor bridge”\./);
  // Highlights are <mark> elements holding text, inside a paragraph of text: no other markup.
  const excerpt = await page.locator('.search-result').first().evaluate((li) => {
    const p = li.querySelector('.search-excerpt');
    return {
      marks: [...p.querySelectorAll('mark')].map((m) => m.textContent.toLowerCase()),
      tags: [...new Set([...p.querySelectorAll('*')].map((e) => e.localName))].sort(),
    };
  });
  assert.ok(excerpt.marks.some((m) => m.startsWith('bridge') || m.startsWith('harbor')), JSON.stringify(excerpt));
  assert.deepEqual(excerpt.tags.filter((t) => t !== 'mark'), []);
  // Each result: its link, section, date and picture.
  const first = page.locator('.search-result').first();
  assert.equal(await first.locator('a').getAttribute('href'), at('/articles/harbor-bridge-reopens/'));
  assert.equal((await first.locator('.search-section').textContent()).trim(), 'Local');
  assert.match(await first.locator('time').textContent(), /2026/);
  assert.equal(await first.locator('img').getAttribute('src'), at('/articles/img/harbor-bridge.svg'));
  page.assertClean();
  await page.context().close();
});

test('/search is a page before its code: the address fills the box, and the form searches by loading the page', async () => {
  // No wasm at all: the page as the host sends it.
  const page = await open(app, '/search?q=harbor', {
    wait: '.search-page h1', takeover: false, serviceWorkers: 'block',
    routes: [['**/*.wasm', (route) => route.abort()]],
    allowConsoleErrors: [/wasm|WebAssembly|Failed to load|net::ERR_FAILED/i],
  });
  assert.equal(await page.locator('html').getAttribute('data-islands'), '', 'a prerendered page of islands');
  await page.waitForFunction(() => document.querySelector('#search-query')?.value === 'harbor');
  assert.match(await status(page).textContent(), /Type a word/);
  assert.equal(await page.locator('#site-search').count(), 1, 'the header is there');
  // The form is a form: Enter loads the page with the new query.
  await page.locator('#search-query').fill('library');
  await Promise.all([page.waitForEvent('load'), page.locator('#search-query').press('Enter')]);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'library');
  await page.waitForFunction(() => document.querySelector('#search-query')?.value === 'library');
  await page.context().close();
});

test('/search?q= answers from the page\'s own islands: no app, only the search page\'s bundle and Pagefind', async () => {
  const page = await open(app, '/search?q=harbor%20bridge', { wait: '.search-page h1', serviceWorkers: 'block' });
  await page.waitForSelector('.search-result', { timeout: 15_000 });
  assert.deepEqual((await headlines(page))[0], 'Harbor Bridge Reopens Two Months Early After Round-the-Clock Repairs');
  assert.equal(await page.locator('#search-query').inputValue(), 'harbor bridge');
  const code = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
    .filter((p) => /\.(js|wasm)$/.test(p)));
  const own = code.filter((p) => !p.startsWith(INDEX));
  assert.ok(isIslandsMain(own, 'search'), own.join(' '));
  assert.ok(code.some((p) => p.startsWith(INDEX) && p.endsWith('/pagefind.js')), 'Pagefind, for the results');
  // Typing replaces the address in place: no page load, no history entry.
  await page.evaluate(() => { window.__stillHere = true; });
  const entries = await page.evaluate(() => history.length);
  await typeQuery(page, 'library');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'library');
  await page.waitForFunction(() => [...document.querySelectorAll('.search-result h2')].some((h) => /Central Library/.test(h.textContent)));
  assert.equal(await page.evaluate(() => window.__stillHere), true, 'no page load');
  assert.equal(await page.evaluate(() => history.length), entries, 'no new history entry');
  assert.equal(await page.title(), `Search · ${SITE.name}`);
  page.assertClean();
  await page.context().close();
});

test('Back from a result returns to the search, with its results', async () => {
  const page = await open(app, '/search?q=rain', { wait: '.search-result' });
  const link = page.locator('.search-result a').first();
  const target = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction((t) => location.pathname === t, target);
  await page.waitForSelector('.article h1');
  await page.goBack();
  await page.waitForFunction(() => location.pathname.endsWith('/search') && new URL(location.href).searchParams.get('q') === 'rain');
  await page.waitForSelector('.search-result');
  assert.equal(await page.locator('#search-query').inputValue(), 'rain');
  assert.ok((await headlines(page)).some((h) => /Rain Gauges/.test(h)));
  await page.context().close();
});

test('an Arabic query finds the Arabic article, shown right to left in an English interface', async () => {
  const page = await open(app, `/search?q=${encodeURIComponent('شمسية')}`, { wait: '.search-result' });
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const hit = page.locator('.search-result').first();
  assert.equal(await hit.getAttribute('lang'), 'ar');
  assert.equal(await hit.getAttribute('dir'), 'rtl');
  assert.match(await hit.locator('h2').textContent(), /تعاونية شمسية/);
  assert.equal(await hit.evaluate((e) => getComputedStyle(e).direction), 'rtl');
  assert.ok((await hit.locator('mark').allTextContents()).some((m) => m.includes('شمسية')));
  await page.context().close();
});

test('no results, punctuation, markup and very long queries each get a calm answer', async () => {
  const page = await open(app, '/search?q=zeppelin', { wait: '.search-page h1' });
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.includes('No articles found for “zeppelin”.'));
  assert.equal(await page.locator('.search-result').count(), 0);

  await typeQuery(page, '?!…');
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.includes('has no letters or digits'));

  // Markup is a query like any other: shown as text, nothing runs, no policy violation.
  const markup = '<img src=x onerror=alert(1)>';
  await typeQuery(page, markup);
  await page.waitForFunction(() => /found for “<img src=x onerror=alert\(1\)>”/.test(document.querySelector('#search-status')?.textContent ?? ''));
  assert.equal(await page.locator('.search-page img[src=x]').count(), 0);

  // A script no article uses.
  await typeQuery(page, 'ᚠᚢᚦᚨᚱᚲ');
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.includes('No articles found for “ᚠᚢᚦᚨᚱᚲ”.'));

  page.assertClean();
  await page.context().close();
});

test('a very long query is searched as its first 200 characters', async () => {
  // From the address (the field itself stops at 200): its first 200 characters are "harbor"
  // 28 times and "brid" (one article has both words); the rest ends "bridge" and adds a word no
  // article has. Searched whole it would find nothing; cut at 200 it finds the bridge.
  const searched = `${'harbor '.repeat(28)}brid`;
  assert.equal(searched.length, 200);
  const raw = `${searched}ge zeppelin ${'zeppelin '.repeat(100)}`;
  const page = await open(app, `/search?q=${encodeURIComponent(raw)}`, { wait: '.search-page h1' });
  await page.waitForFunction(() => /found for “/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 15_000 });
  assert.equal((await status(page).textContent()).trim(), `1 article found for “${searched}”.`);
  assert.deepEqual(await headlines(page), ['Harbor Bridge Reopens Two Months Early After Round-the-Clock Repairs']);
  page.assertClean();
  await page.context().close();
});

test('"More results" shows ten more at a time, after the ten already shown', async () => {
  // (A word only the added articles have: 14 results.)
  const page = await open(large, '/search?q=girderwatch', { wait: '.search-result' });
  const total = BRIDGES.length;
  await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 10);
  assert.equal((await status(page).textContent()).trim(), `${total} articles found for “girderwatch”. The first 10 are shown.`);
  const first = await headlines(page);
  const more = page.locator('button.search-more');
  assert.equal((await more.textContent()).trim(), 'More results');
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, total);
  const all = await headlines(page);
  assert.deepEqual(all.slice(0, 10), first, 'the first ten stay, in their order');
  assert.equal(new Set(all).size, total, 'every article once');
  assert.equal((await status(page).textContent()).trim(), `${total} articles found for “girderwatch”.`);
  assert.equal(await more.count(), 0, 'nothing more to show');
  // The keyboard reader carries on from the first new result, not from the top of the page.
  await page.waitForFunction(() => document.activeElement?.closest('.search-result') !== null, null, { timeout: 5_000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.search-result')?.querySelector('h2')?.textContent.trim()), all[10]);
  page.assertClean();
  await page.context().close();
});

test('the first search covers the newest articles; "Search older articles" adds the older ones after them', async () => {
  // The publish lists every shard with its search: here, all in the first.
  assert.deepEqual(published.shards.map((s) => [s.path, s.articles, s.tier]),
    [['en-2026-1-new/', 6, 1], ['ar-2026-1-new/', 1, 1], ['en-2025-1-new/', 3, 1], ['en-2024-1-new/', 2, 1]]);
  tiered.requests.length = 0;
  const loaded = (year) => tiered.requests.some((u) => u.startsWith(`${INDEX}en-${year}-1-new/`));
  const page = await open(tiered, '/search?q=tollkeeper', { wait: '.search-result' });
  await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 2);
  assert.deepEqual((await headlines(page)).sort(), ['Tollkeeper ledger 2026, part 1', 'Tollkeeper ledger 2026, part 2']);
  assert.equal((await status(page).textContent()).trim(),
    '2 articles found for “tollkeeper”. Only the newest articles were searched: 5 older articles were not.');
  assert.ok(!loaded(2025) && !loaded(2024), 'nothing of the older shards yet');
  const newest = await headlines(page);

  // From the keyboard: the older articles' results come after those on screen, and the first
  // of them takes the focus.
  const older = page.locator('button.search-older');
  assert.equal((await older.textContent()).trim(), 'Search older articles');
  await older.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 5);
  const five = await headlines(page);
  assert.deepEqual(five.slice(0, 2), newest, 'the newest results stay first, in their order');
  assert.deepEqual(five.slice(2).sort(), ['Tollkeeper ledger 2025, part 1', 'Tollkeeper ledger 2025, part 2', 'Tollkeeper ledger 2025, part 3']);
  assert.equal((await status(page).textContent()).trim(),
    '5 articles found for “tollkeeper”. Only the newest articles were searched: 2 older articles were not.');
  assert.ok(loaded(2025) && !loaded(2024), "2025's shard only");
  await page.waitForFunction(() => document.activeElement?.closest('.search-result') !== null, null, { timeout: 5_000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.search-result')?.querySelector('h2')?.textContent.trim()), five[2]);
  assert.match(await page.locator('.search-result').nth(2).locator('time').textContent(), /2025/);

  await page.locator('button.search-older').click();
  await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 7);
  assert.deepEqual((await headlines(page)).slice(0, 5), five);
  assert.equal((await status(page).textContent()).trim(), '7 articles found for “tollkeeper”.');
  assert.equal(await page.locator('button.search-older').count(), 0, 'everything searched');
  assert.ok(loaded(2024));

  // A new query starts from the newest articles again. Older articles without results: the
  // focus goes to the button for still older ones, and their results come after.
  await typeQuery(page, 'zincworks');
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.startsWith('No articles found for “zincworks”.'));
  assert.equal((await status(page).textContent()).trim(),
    'No articles found for “zincworks”. Only the newest articles were searched: 5 older articles were not.');
  assert.deepEqual(await axe(page), [], 'the page with its "Search older articles" button');
  await page.locator('button.search-older').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /2 older articles were not/.test(document.querySelector('#search-status')?.textContent ?? ''));
  assert.equal(await page.locator('.search-result').count(), 0);
  await page.waitForFunction(() => document.activeElement?.classList.contains('search-older'), null, { timeout: 5_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 2);
  assert.equal((await status(page).textContent()).trim(), '2 articles found for “zincworks”.');
  await page.waitForFunction(() => document.activeElement?.closest('.search-result') !== null, null, { timeout: 5_000 });
  page.assertClean();
  await page.context().close();
});

test('a French word finds the French article, shown in French in an English interface', async () => {
  const page = await open(large, `/search?q=${encodeURIComponent('rénovée')}`, { wait: '.search-result' });
  // First: the French shard stems it as French. (The English shards read the same letters as
  // English and may match an English article further down.)
  assert.equal((await headlines(page))[0], FRENCH.headline);
  const hit = page.locator('.search-result').first();
  assert.equal(await hit.getAttribute('lang'), 'fr');
  assert.equal((await hit.locator('.search-section').textContent()).trim(), 'Régions');
  assert.ok((await hit.locator('mark').allTextContents()).some((m) => m.toLowerCase().includes('rénovée')));
  assert.match((await status(page).textContent()).trim(), /^\d+ articles? found for “rénovée”\.$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  page.assertClean();
  await page.context().close();
});

for (const [name, article, query] of [
  ['A Chinese word', CHINESE, '维修'],
  ['A Japanese word', JAPANESE, '配達'],
]) {
  test(`${name} from the middle of a sentence finds its article, in an English interface`, async () => {
    const page = await open(large, `/search?q=${encodeURIComponent(query)}`, { wait: '.search-result' });
    assert.deepEqual(await headlines(page), [article.headline]);
    assert.equal(await page.locator('.search-result').first().getAttribute('lang'), article.language);
    assert.ok((await page.locator('.search-result mark').allTextContents()).some((m) => m.includes(query)), 'the word is marked');
    page.assertClean();
    await page.context().close();
  });
}

test('focusing the header\'s search box starts loading the index, before a word is typed', async () => {
  app.requests.length = 0;
  const page = await open(app, '/saved', { wait: '.saved-page h1' });
  await settle(page);
  assert.deepEqual(page.requests.filter((u) => u.startsWith(INDEX)), [], 'nothing of the index before');
  const loading = page.waitForRequest((r) => /\/pagefind\.js$/.test(new URL(r.url()).pathname), { timeout: 10_000 });
  await page.locator('#site-search').focus();
  await loading;
  assert.equal(await page.locator('#site-search').inputValue(), '', 'nothing typed');
  assert.ok(app.requests.some((u) => u.startsWith(`${INDEX}shards.json`)), 'the list of shards first');
  page.assertClean();
  await page.context().close();
});

test('a page that carries no search downloads nothing of Pagefind; the search page loads it', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', { wait: '.article h1' });
  await page.waitForSelector('html[data-live]');
  await settle(page);
  // What this page fetched, by its own account (the server's log would also hold what an earlier
  // test's closed page was still fetching).
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.deepEqual(fetched.filter((u) => u.startsWith(INDEX)), [], 'an article page fetches nothing of the index');
  assert.ok(fetched.length > 0, 'the page reports what it fetched');
  app.requests.length = 0;
  // The header's box is a form that works before and without the app.
  const box = page.locator('form.site-search');
  assert.equal(await box.getAttribute('action'), at('/search'));
  assert.equal(await box.getAttribute('role'), 'search');
  await page.locator('#site-search').fill('library');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname.endsWith('/search') && location.search === '?q=library');
  await page.waitForSelector('.search-result');
  assert.ok((await headlines(page)).some((h) => /Central Library/.test(h)));
  assert.ok(app.requests.some((u) => u.startsWith(INDEX) && u.endsWith('/pagefind.js')), 'the search page loads Pagefind');
  await page.context().close();
});

test('the header box searches inside the app without loading the page again', async () => {
  const page = await open(app, '/saved', { wait: '.saved-page h1' });
  await page.evaluate(() => { window.stillHere = true; });
  await page.locator('#site-search').fill('carbon');
  await page.locator('.site-search-button').click();
  await page.waitForSelector('.search-result');
  assert.equal(await page.evaluate(() => window.stillHere), true, 'the router navigated; no page load');
  assert.ok((await headlines(page)).some((h) => /Carbon/.test(h)));
  await page.context().close();
});

test('keyboard only: from the box to a result and back', async () => {
  const page = await open(app, '/search', { wait: '.search-page h1' });
  await page.locator('#search-query').focus();
  await page.keyboard.type('solar', { delay: 20 });
  await page.waitForSelector('.search-result');
  // Tab from the field reaches the first result's link.
  let reached = false;
  for (let i = 0; i < 5 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.closest('.search-result') !== null);
  }
  assert.ok(reached, 'Tab reaches a result');
  const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => location.pathname === h, href);
  await page.waitForSelector('.article h1');
  // The browser's Back (its keyboard shortcut is the browser's own, outside the page).
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'solar');
  await page.waitForSelector('.search-result');
  await page.context().close();
});

test('a missing index and one replaced by another deployment each say so', async () => {
  const missing = await open(app, '/search?q=bridge', {
    wait: '.search-page h1',
    routes: [[`**${INDEX}**`, (route) => route.fulfill({ status: 404, body: 'not found' })]],
    allowConsoleErrors: [/404/],
  });
  await missing.waitForFunction(() => document.querySelector('#search-status')?.textContent.includes('no search index'));
  await missing.context().close();

  // The list of shards changes under the page and the old index's files are gone.
  let replaced = false;
  const page = await open(app, '/search?q=bridge', {
    wait: '.search-result',
    routes: [[`**${INDEX}**`, async (route) => {
      const url = new URL(route.request().url());
      if (replaced && url.pathname.endsWith('shards.json')) {
        return route.fulfill({ status: 200, contentType: 'application/json', body: '{"version":1,"shards":[{"path":"en-2027-1/","language":"en","articles":1}]}' });
      }
      if (replaced && !url.pathname.endsWith('shards.json')) return route.fulfill({ status: 404, body: '' });
      return route.fallback();
    }]],
    allowConsoleErrors: [/404/],
  });
  replaced = true;
  // A word whose index files this page has not loaded yet.
  await typeQuery(page, 'library');
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.includes('Reload the page'), null, { timeout: 15_000 });
  assert.equal(await page.locator('button.search-reload').count(), 1);
  await page.context().close();
});

test('offline, the saved articles are searched, and the page says so', async () => {
  // Save an article, with the service worker in control.
  const page = await open(app, '/', { wait: '.article-list' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.goto(`${app.url}/articles/rain-gauge-volunteers`);
  await page.waitForSelector('.article-body');
  await page.locator('button.save-toggle').click();
  await page.waitForFunction(() => document.querySelector('.save-toggle')?.getAttribute('aria-pressed') === 'true');
  await page.goto(`${app.url}/search`);
  await page.waitForSelector('.search-page h1');
  await page.context().setOffline(true);
  await typeQuery(page, 'gauge');
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.includes('only your saved articles'), null, { timeout: 15_000 });
  assert.deepEqual(await headlines(page), ["Backyard Rain Gauges Are Filling Gaps in the Region's Flood Maps"]);
  assert.ok((await page.locator('.search-result mark').allTextContents()).some((m) => /gauge/i.test(m)));
  await typeQuery(page, 'harbor');
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.includes('No articles found for “harbor”.'));
  await page.context().setOffline(false);
  await page.context().close();
});

// Every theme: light and dark (the system's), and sepia (the reader's setting).
const sepia = `localStorage.setItem(${JSON.stringify(FACTS.settings_key)}, JSON.stringify({ theme: 'sepia', size: 1, font: 'serif', width: 'normal', leading: 'normal' }))`;
for (const [width, scheme] of [[360, 'light'], [1280, 'dark'], [360, 'dark'], [1280, 'light'], [360, 'sepia'], [1280, 'sepia']]) {
  test(`axe finds nothing on the search page with results at ${width} px, ${scheme}`, async () => {
    const found = [];
    for (const [path, wait] of [['/search?q=bridge', '.search-result'], ['/search?q=zeppelin', '.search-page h1'], [`/search?q=${encodeURIComponent('شمسية')}`, '.search-result']]) {
      const theme = scheme === 'sepia' ? { initScript: sepia } : { colorScheme: scheme };
      const page = await open(app, path, { wait, width, ...theme });
      if (scheme === 'sepia') assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'sepia');
      await page.waitForFunction(() => !/…$/.test(document.querySelector('#search-status')?.textContent ?? '…'));
      await settle(page);
      found.push(...(await axe(page)).map((v) => `${path}: ${v}`));
      await page.context().close();
    }
    assert.deepEqual(found, []);
  });
}

test('the index holds the articles, in a shard per language, not embeds, the shell or error pages', () => {
  const { shards } = JSON.parse(readFileSync(`${DIST}/${FACTS.search_dir}shards.json`, 'utf8'));
  let pages = 0;
  for (const shard of shards) {
    const entry = JSON.parse(readFileSync(`${DIST}/${FACTS.search_dir}${shard.path}pagefind-entry.json`, 'utf8'));
    assert.deepEqual(Object.keys(entry.languages), [shard.language], `${shard.path}: one language`);
    assert.equal(entry.languages[shard.language].page_count, shard.articles);
    pages += shard.articles;
  }
  const articles = JSON.parse(readFileSync(`${DIST}/articles/index.json`, 'utf8')).articles.length;
  assert.equal(pages, articles);
  assert.deepEqual(shards.map((s) => s.language).sort(), ['ar', 'en']);
});

test('over HTTP/2 (as CDNs and static hosts serve, and as the benchmark measures), a search answers from the same files', async () => {
  const server = await startServer({ root: DIST, base: BASE, http2: true });
  const context = await app.browser.newContext({ ignoreHTTPSErrors: true, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/search?q=harbor`);
    await page.waitForSelector('.search-result', { timeout: 15_000 });
    assert.match(await page.locator('.search-result h2').first().textContent(), /Harbor/i);
    // The page's own requests for the index came over HTTP/2.
    const protocols = await page.evaluate((dir) => [...new Set(performance.getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.includes(`/${dir}`)).map((e) => e.nextHopProtocol))], FACTS.search_dir);
    assert.deepEqual(protocols, ['h2']);
  } finally {
    await context.close();
    await server.close();
  }
});
