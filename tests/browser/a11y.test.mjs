// Accessibility: axe-core (the npm package, injected into the page) on every kind of page and
// state, in the light, dark and sepia themes, must report no violations of WCAG 2.0/2.1/2.2 A
// and AA (colour contrast included), nor of axe's best practices (one h1, heading order,
// landmarks, all content in landmarks, skip link target).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { open, useApp, FACTS, at } from './harness.mjs';

const app = useApp();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const httpNoise = [/Failed to load resource/];

/** Runs axe on the page as it is; returns violations as readable lines. */
async function axe(page) {
  // page.evaluate is exempt from the page's CSP, so axe needs no policy change.
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}`));
}

// The theme to check, and a reading position so the long article offers to continue.
const settings = (theme) => `
  localStorage.setItem(${JSON.stringify(FACTS.settings_key)}, ${JSON.stringify(JSON.stringify({ theme, size: 1, font: 'serif', width: 'normal', leading: 'normal' }))});
  localStorage.setItem(${JSON.stringify(FACTS.progress_key)}, JSON.stringify({ articles: {
    [location.origin + ${JSON.stringify(at('/articles/soil-carbon-long-read.json'))}]: { block: 12, percent: 40, at: '2026-11-24T10:00:00Z' } } }));`;

// [name, path, element to wait for, what to do before checking]
const states = [
  ['front page', '/', '.article-list', null],
  ['article, card collapsed', '/articles/harbor-bridge-reopens', '.article-body', null],
  ['article, card expanded', '/articles/harbor-bridge-reopens', '.article-body',
    (page) => page.locator('summary.editorial-toggle').click()],
  ['article, share menu open', '/articles/harbor-bridge-reopens', '.article-body',
    (page) => page.locator('summary.share-button').click()],
  ['article, settings open', '/articles/harbor-bridge-reopens', '.article-body',
    (page) => page.locator('.settings-toggle').click()],
  ['right-to-left article', '/articles/desert-solar-cooperative', '.article-body', null],
  ['saved page', '/saved', 'main h1', null],
  ['not found', '/no/such/page', 'main h1', null],
  ['error: 404', '/read?src=/fixtures/not-found.json', '[data-error]', null],
  ['error: invalid article', '/read?src=/fixtures/many-problems.json', '[data-error]', null],
  ['error: not JSON', '/read?src=/fixtures/truncated.json', '[data-error]', null],
  ['error: a web page', '/read?src=/fixtures/html.json', '[data-error]', null],
  ['error: bad address', '/read?src=javascript:alert(1)', '[data-error]', null],
  ['error: a source outside the allow-list', '/read?src=https%3A%2F%2Fevil.example%2Fx.json', '[data-error="not-allowed"]', null],
  ['error: server error', '/read?src=/fixtures/server-error.json', '[data-error]', null],
  ['error: wrong type', '/read?src=/fixtures/image.json', '[data-error]', null],
  ['article, continue offered', '/articles/soil-carbon-long-read', '.resume', null],
  ['Arabic interface, settings open', '/articles/desert-solar-cooperative', '.article-body',
    (page) => page.locator('.settings-toggle').click()],
  ['hostile article', '/read?src=/fixtures/hostile.json', '.article-body', null],
  ['every block of format 1.1', '/read?src=/fixtures/format-1-1.json', '.article-body', null],
  ['a list of links (target size)', '/read?src=/fixtures/link-list.json', '.article-body', null],
];

for (const theme of ['light', 'dark', 'sepia']) {
  test(`axe finds nothing on any page in the ${theme} theme`, async () => {
    const found = [];
    for (const [name, path, wait, act] of states) {
      const page = await open(app, path, { wait, initScript: settings(theme), allowConsoleErrors: httpNoise, serviceWorkers: 'block' });
      if (act) await act(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      found.push(...(await axe(page)).map((v) => `${name}: ${v}`));
      await page.close();
    }
    assert.deepEqual(found, []);
  });
}

for (const theme of ['light', 'dark']) {
  test(`axe finds nothing in the embed view (${theme})`, async () => {
    const page = await open(app, `/embed/harbor-bridge-reopens?theme=${theme}`, { wait: '.article-body, .embed-card', serviceWorkers: 'block' });
    assert.deepEqual(await axe(page), []);
    await page.close();
  });
}

test('reduced motion: the loading shimmer only moves for readers who have not asked for less motion', async () => {
  for (const [reducedMotion, expected] of [['reduce', 'none'], ['no-preference', 'shimmer']]) {
    const context = await app.browser.newContext({ reducedMotion, serviceWorkers: 'block' });
    const page = await open(app, '/read?src=/fixtures/slow.json', { context, wait: '.skeleton .sk' });
    assert.equal(await page.locator('.skeleton .sk').first().evaluate((e) => getComputedStyle(e).animationName), expected, reducedMotion);
    await context.close();
  }
});
