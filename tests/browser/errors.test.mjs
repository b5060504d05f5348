// Every way a load can fail gets its own message and a Retry where retrying can help; hostile
// content renders as text; /read?src= only accepts http(s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, useApp, SITE } from './harness.mjs';

const app = useApp();
// The browser itself logs failed requests to the console; those are expected here.
const httpNoise = [/Failed to load resource/];

// Counts the app's retries: it logs "… trying again in …" before each.
const countRetries = () => {
  window.__retries = 0;
  const warn = console.warn;
  console.warn = (...args) => {
    if (/trying again/.test(String(args[0]))) window.__retries += 1;
    warn.apply(console, args);
  };
};

async function errorState(path, options = {}) {
  // No service worker: it would fetch completed resources again to cache them, and these tests
  // count the app's own requests.
  const page = await open(app, path, { allowConsoleErrors: httpNoise, wait: '[data-error]', initScript: countRetries,
    serviceWorkers: 'block', ...options });
  const state = {
    kind: await page.locator('[data-error]').getAttribute('data-error'),
    title: (await page.locator('[data-error] h1').textContent()).trim(),
    message: (await page.locator('.error-message').textContent()).trim(),
    problems: await page.locator('.problems li').allTextContents(),
    retry: await page.locator('button.retry').count(),
    role: await page.locator('[data-error]').getAttribute('role'),
  };
  return { page, state };
}

// [src, kind, title, message, requests the app should make (its own retries included)]
const cases = [
  ['/fixtures/not-found.json', 'http', 'Article not found', /no article at this address \(HTTP 404/, 1],
  ['/fixtures/gone.json', 'http', 'This article was removed', /taken this article down for good \(HTTP 410/, 1],
  ['/fixtures/rate-limited.json', 'http', 'The server is busy', /too many requests \(HTTP 429.*wait about 2 minutes/, 1],
  ['/fixtures/server-error.json', 'http', 'The server answered with an error (HTTP 500)', /HTTP 500 Internal Server Error/, 3],
  ['/fixtures/maintenance.json', 'http', 'The server is unavailable for now', /HTTP 503.*wait about 60 minutes/, 1],
  ['/fixtures/cut-off.json', 'interrupted', 'The connection broke', /connection broke before all of it/, 3],
  ['/fixtures/truncated.json', 'not-json', "This isn't an article file", /ends too early .* truncated/, 1],
  ['/fixtures/html.json', 'wrong-type', 'The server sent a web page, not an article', /leads to a web page/, 1],
  ['/fixtures/image.json', 'wrong-type', "This isn't an article file", /says it sent “image\/png”, not JSON/, 1],
  ['/fixtures/reset.json', 'network', "Couldn't reach the server", /before any answer arrived/, 3],
  ['/fixtures/no-headline.json', 'invalid', 'This article file has problems', /this problem/, 1],
  // An allowed source on another origin whose server refuses the connection.
  [`${SITE.sources[0]}/unreachable.json`, 'network', "Couldn't reach the server", /before any answer arrived/, null],
];
const refused = [[`${SITE.sources[0]}/**`, (route) => route.abort('connectionrefused')]];

const requestsTo = async (path) => (await (await fetch(`${app.url}/fixtures/count?path=${encodeURIComponent(path)}`)).json()).count;

for (const [src, kind, title, message, requests] of cases) {
  test(`${src} shows a ${kind} error`, async () => {
    const before = requests === null ? 0 : await requestsTo(src);
    const { page, state } = await errorState(`/read?src=${encodeURIComponent(src)}`, { routes: refused });
    assert.equal(state.kind, kind);
    assert.equal(state.title, title);
    assert.match(state.message, message);
    assert.equal(state.retry, 1, 'Retry offered');
    assert.equal(state.role, 'alert');
    if (kind === 'invalid') assert.deepEqual(state.problems, ['headline: missing']);
    if (requests === 1) {
      assert.equal(await requestsTo(src) - before, 1, 'not retried');
    } else if (requests !== null) {
      // Chromium itself re-sends a GET when a kept-alive connection drops, so the server's
      // count is not the app's: count the app's own retries (it logs each one).
      assert.equal(await page.evaluate(() => window.__retries), requests - 1, 'retried');
    }
    page.assertClean();
    await page.close();
  });
}

test('a 429 asking for a short wait is retried after that wait', async () => {
  const page = await open(app, '/read?src=/fixtures/rate-limited-briefly.json', { allowConsoleErrors: httpNoise, wait: '.article-body' });
  assert.equal((await page.locator('h1').textContent()).trim(), 'Waited Politely');
  const [first, second] = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('/fixtures/rate-limited-briefly.json')).map((e) => e.startTime));
  assert.ok(second - first >= 1_000, `retried after ${Math.round(second - first)} ms, asked for 1 s`);
  page.assertClean();
  await page.close();
});

test('every validation problem is listed with its path', async () => {
  const { page, state } = await errorState('/read?src=/fixtures/many-problems.json');
  assert.deepEqual(state.problems, [
    'id: must be 1 to 128 characters of a-z, 0-9 and - (e.g. "city-budget-2026")',
    'headline: missing',
    'image.alt: missing (use "" for a decorative image)',
    'body[0].text: empty',
  ]);
  await page.close();
});

test('Retry loads the article again', async () => {
  const { page, state } = await errorState('/read?src=/fixtures/flaky.json');
  assert.equal(state.title, 'The server is unavailable for now');
  await page.locator('button.retry').click();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Second Time Lucky');
  page.assertClean();
  await page.close();
});

test('a slow answer shows the skeleton, then the article', async () => {
  const page = await open(app, '/read?src=/fixtures/slow.json', { wait: '.skeleton' });
  assert.equal(await page.locator('.skeleton [role="status"]').textContent(), 'Loading article…');
  await page.waitForSelector('.article-body', { timeout: 10_000 });
  assert.equal(await page.locator('.skeleton').count(), 0);
  page.assertClean();
  await page.close();
});

test('an answer that never ends is aborted after 10 seconds and reported', async () => {
  const started = Date.now();
  const page = await open(app, '/read?src=/fixtures/never.json', { wait: '.skeleton' });
  await page.waitForSelector('[data-error]', { timeout: 20_000 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 9_500, `aborted after ${elapsed} ms`);
  assert.equal(await page.locator('[data-error]').getAttribute('data-error'), 'timeout');
  assert.match(await page.locator('.error-message').textContent(), /within 10 seconds/);
  assert.equal(await page.locator('button.retry').count(), 1);
  await page.close();
});

test('leaving the page aborts the pending request', async () => {
  const page = await open(app, '/read?src=/fixtures/never.json', { wait: '.skeleton' });
  const openRequests = async () => (await (await fetch(`${app.url}/fixtures/never-open`)).json()).open;
  const waitFor = async (n) => {
    const until = Date.now() + 3_000;
    while ((await openRequests()) !== n && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  };
  await waitFor(1);
  assert.equal(await openRequests(), 1, 'the request is pending');
  await page.locator('a.brand').click();
  await page.waitForSelector('.article-list');
  await waitFor(0);
  assert.equal(await openRequests(), 0, 'the request was aborted, not left to time out');
  page.assertClean();
  await page.close();
});

test('/read?src= accepts absolute http URLs', async () => {
  const page = await open(app, `/read?src=${encodeURIComponent(`${app.url}/fixtures/valid.json`)}`);
  await page.waitForSelector('.article-body');
  assert.equal((await page.locator('h1').textContent()).trim(), 'Fixture Headline');
  page.assertClean();
  await page.close();
});

test('/read refuses anything but http(s) and says why', async () => {
  for (const src of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd', '']) {
    const { page, state } = await errorState(`/read?src=${encodeURIComponent(src)}`);
    assert.equal(state.kind, 'bad-source', src);
    assert.equal(state.retry, 0, 'retrying cannot help');
    page.assertClean();
    await page.close();
  }
  const { page, state } = await errorState('/read');
  assert.match(state.message, /No article address was given/);
  await page.close();
});

// A refusal names at most the address's scheme and host: a planted headline in a data: address,
// a far host's path or a bogus article name never appears on the site's page (content spoofing).
test('a refused address is not replayed on the page', async () => {
  const planted = 'Mayor Resigns After Bribery Arrest';
  const doc = JSON.stringify({ headline: planted, dek: 'Police say the mayor took bribes for years.', body: [] });
  for (const [path, kind] of [
    [`/read?src=${encodeURIComponent(`data:application/json,${doc}`)}`, 'bad-source'],
    [`/embed?src=${encodeURIComponent(`data:application/json,${doc}`)}`, 'bad-source'],
    [`/read?src=${encodeURIComponent(`https://elsewhere.example/${planted}.json`)}`, 'not-allowed'],
    [`/articles/${encodeURIComponent(planted)}`, 'bad-id'],
  ]) {
    const { page, state } = await errorState(path);
    assert.equal(state.kind, kind, path);
    const shown = await page.locator('body').innerText();
    assert.ok(!shown.includes('Bribery') && !shown.includes('Police say'), `${path} shows: ${shown}`);
    page.assertClean();
    await page.close();
  }
});

test('hostile content is shown as text and runs nothing', async () => {
  const page = await open(app, '/read?src=/fixtures/hostile.json', { allowConsoleErrors: httpNoise });
  await page.waitForSelector('.article-body');
  assert.equal((await page.locator('h1').textContent()).trim(), '<script>window.__pwned = 1; alert("headline")</script>');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('article script, article iframe, article svg, article [onerror], article [onload]').count(), 0);
  const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(hrefs.every((h) => !/^\s*(javascript|data|vbscript):/i.test(h.replace(/[\t\n\r]/g, ''))), hrefs.join(' | '));
  assert.ok(hrefs.includes('https://example.org/safe'));
  const srcs = await page.locator('article img').evaluateAll((is) => is.map((i) => i.getAttribute('src') ?? ''));
  assert.ok(srcs.every((s) => /^https?:/.test(s)), srcs.join(' | '));
  // Unsafe links keep their text.
  assert.match(await page.locator('.article-body').textContent(), /tab-obfuscated and vbscript and a safe link/);
  await page.locator('summary.editorial-toggle').click();
  await page.locator('a.brand').click();
  await page.waitForSelector('.article-list');
  page.assertClean();
  await page.close();
});
