// Whose words are these? /read?src= and /embed?src= show article JSON from the page's own
// origin and from the sources site.json allows, nothing else: a source outside the list, a
// lookalike of an allowed one, or an address that redirects away is refused with a clear
// message, and nothing is fetched from it. An allowed source from another origin is shown with
// a line naming it, and its own page is the canonical and shared address.
//
// The other origins are not real: the browser's requests to them are answered by the test
// (Playwright routes), so no network is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, useApp, SITE } from './harness.mjs';
import { VALID } from './fixtures.mjs';

const app = useApp();
const httpNoise = [/Failed to load resource/];
const [SOURCE] = SITE.sources ?? [];
const EVIL = 'https://evil.example';
const FOREIGN = {
  ...VALID,
  id: 'wire-story',
  headline: 'Wire Story Headline',
  url: 'https://story.example/2026/wire-story',
  body: [{ type: 'paragraph', text: 'Reported by the wire.' }],
};

// Own origin, then a redirect to another origin outside the list: the same test server under
// the name localhost (a browser does not let a test answer a request it was redirected to).
const away = () => new URL(app.url).origin.replace('127.0.0.1', 'localhost');
app.routes['/fixtures/redirect-away.json'] = (req, res) => {
  res.writeHead(302, { location: `${away()}/fixtures/valid.json` }).end();
};

/** A browser context whose requests to `origins` are answered with FOREIGN (CORS allowed);
 * `asked` collects every URL requested from them. */
async function contextWith(origins) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const asked = [];
  for (const origin of origins) {
    await context.route(`${origin}/**`, (route) => {
      asked.push(route.request().url());
      route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(FOREIGN) });
    });
  }
  return { context, asked };
}

test('the configuration lists a source to test with', () => {
  assert.ok(SOURCE && /^https?:\/\/[^/]+$/.test(SOURCE), `site.json's "sources" names an origin (got ${SOURCE})`);
});

test('a source outside the list, or a lookalike of an allowed one, is refused in the page and the embed', async () => {
  const host = new URL(SOURCE).host;
  const otherScheme = SOURCE.startsWith('https:') ? SOURCE.replace('https:', 'http:') : SOURCE.replace('http:', 'https:');
  const cases = [
    [`${EVIL}/story.json`, EVIL],
    // A longer host name that starts with the allowed one.
    [`https://${host}.evil.example/story.json`, `https://${host}.evil.example`],
    // The allowed name as user info: the host is evil.example.
    [`https://${host}@evil.example/story.json`, EVIL],
    // The allowed host on another port, and over the other scheme.
    [`https://${host}:8443/story.json`, `https://${host}:8443`],
    [`${otherScheme}/story.json`, otherScheme],
  ];
  const { context, asked } = await contextWith([EVIL, `https://${host}.evil.example`, `https://${host}:8443`, otherScheme]);
  for (const view of ['read', 'embed']) {
    for (const [src, origin] of cases) {
      const page = await open(app, `/${view}?src=${encodeURIComponent(src)}`, { context, wait: '[data-error]', allowConsoleErrors: httpNoise });
      assert.equal(await page.locator('[data-error]').getAttribute('data-error'), 'not-allowed', `${view}: ${src}`);
      assert.equal((await page.locator('[data-error] h1').textContent()).trim(), 'Not a source this site shows');
      const message = (await page.locator('.error-message').textContent()).trim();
      assert.ok(message.includes(origin) && message.includes(SITE.name), `${src}: ${message}`);
      assert.equal(await page.locator('.article-body, .embed-card').count(), 0, 'nothing of it is shown');
      assert.equal(await page.locator('[data-error] button.retry').count(), 0, 'no Retry: trying again cannot help');
      page.assertClean();
      await page.close();
    }
  }
  assert.deepEqual(asked, [], 'nothing was fetched from a source outside the list');
  await context.close();
});

test('an address that redirects outside the list is refused, and says where it led', async () => {
  const { context } = await contextWith([]);
  for (const view of ['read', 'embed']) {
    app.requests.length = 0;
    const page = await open(app, `/${view}?src=/fixtures/redirect-away.json`, { context, wait: '[data-error]', allowConsoleErrors: httpNoise });
    assert.ok(app.requests.includes('/fixtures/valid.json'), 'the redirect was followed: the check is on where the answer came from');
    assert.equal(await page.locator('[data-error]').getAttribute('data-error'), 'not-allowed');
    const message = (await page.locator('.error-message').textContent()).trim();
    assert.ok(message.startsWith(`The article's address led on to ${away()}.`), message);
    assert.equal(await page.locator('h1', { hasText: 'Fixture Headline' }).count(), 0, 'the article it led to is not shown');
    page.assertClean();
    await page.close();
  }
  await context.close();
});

test('an allowed source is shown with where it comes from; its own page is canonical and shared', async () => {
  const host = new URL(SOURCE).host;
  const src = `${SOURCE}/feed/wire-story.json`;
  const { context, asked } = await contextWith([SOURCE]);
  const page = await open(app, `/read?src=${encodeURIComponent(src)}`, { context, wait: '.article-body' });
  assert.deepEqual(asked, [src]);
  assert.equal((await page.locator('h1').textContent()).trim(), FOREIGN.headline);
  assert.equal((await page.locator('.article .provenance').textContent()).trim(), `From ${host}`);
  assert.ok(await page.locator('.article .provenance').isVisible());
  assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), FOREIGN.url);
  const shared = await page.locator('#share-menu a').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(shared.length > 0 && shared.every((h) => h.includes(encodeURIComponent(FOREIGN.url))), shared.join('\n'));
  page.assertClean();
  await page.close();

  // The same in the embed: the line, and "Read on" the source, leading to its own page.
  const embed = await open(app, `/embed?src=${encodeURIComponent(src)}`, { context, wait: '.embed-card' });
  assert.equal((await embed.locator('.embed-card .provenance').textContent()).trim(), `From ${host}`);
  const readOn = embed.locator('.read-on a');
  assert.equal(await readOn.getAttribute('href'), FOREIGN.url);
  assert.match((await readOn.textContent()).trim(), new RegExp(`^Read on ${host.replace(/\./g, '\\.')}`));
  embed.assertClean();
  await embed.close();

  // The site's own articles carry no such line.
  const own = await open(app, '/read?src=/fixtures/valid.json', { context, wait: '.article-body' });
  assert.equal(await own.locator('.provenance').count(), 0);
  await own.close();
  await context.close();
});
