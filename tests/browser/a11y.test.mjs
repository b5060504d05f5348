// Accessibility: axe-core (the npm package, injected into the page) on every kind of page and
// state, in the light, dark and sepia themes, must report no violations of WCAG 2.0/2.1/2.2 A
// and AA (colour contrast included), nor of axe's best practices (one h1, heading order,
// landmarks, all content in landmarks, skip link target).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, open, useApp, FACTS, at } from './harness.mjs';

const app = useApp();
const httpNoise = [/Failed to load resource/];

// The theme to check, and a reading position so the long article offers to continue.
const settings = (theme) => `
  localStorage.setItem(${JSON.stringify(FACTS.settings_key)}, ${JSON.stringify(JSON.stringify({ theme, size: 1, font: 'serif', width: 'normal', leading: 'normal' }))});
  localStorage.setItem(${JSON.stringify(FACTS.progress_key)}, JSON.stringify({ articles: {
    [location.origin + ${JSON.stringify(at('/articles/soil-carbon-long-read.json'))}]: { block: 12, percent: 40, at: '2026-11-24T10:00:00Z' } } }));`;

// Opens the reading settings and waits for the panel: on a prerendered page its code comes
// from its own chunk after the click.
const settingsOpen = async (page) => {
  await page.locator('.settings-toggle').click();
  await page.waitForSelector('#reader-settings:not([hidden])');
  await page.waitForSelector('.settings-toggle[aria-expanded="true"]');
};

// [name, path, element to wait for, what to do before checking]
const states = [
  ['front page', '/', '.article-list', null],
  ['article, card collapsed', '/articles/harbor-bridge-reopens', '.article-body', null],
  ['article, card expanded', '/articles/harbor-bridge-reopens', '.article-body',
    (page) => page.locator('summary.editorial-toggle').click()],
  ['article, share menu open', '/articles/harbor-bridge-reopens', '.article-body',
    (page) => page.locator('summary.share-button').click()],
  ['article, settings open', '/articles/harbor-bridge-reopens', '.article-body',
    settingsOpen],
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
    settingsOpen],
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

// Link targets at a phone's width: a list of links after many paragraphs, checked where the
// reader first sees the page (the list far below, its blocks not yet rendered) and scrolled to it.
test('links in lists are big enough and never overlap at 360 px, scrolled or not', async () => {
  const found = [];
  for (const theme of ['light', 'dark']) {
    for (const scrolled of [false, true]) {
      const page = await open(app, '/read?src=/fixtures/record-links.json', { wait: '.article-body', width: 360, height: 740,
        initScript: settings(theme), allowConsoleErrors: httpNoise, serviceWorkers: 'block' });
      await page.waitForSelector('.article-body li.link-item');
      // Every link lies inside its list's box, and no two links' boxes overlap: a list whose
      // layout is skipped while far off screen must not spill its links out of a placeholder.
      const layout = await page.evaluate(() => [...document.querySelectorAll('.article-body > :is(ul, ol)')].flatMap((list) => {
        const box = list.getBoundingClientRect();
        const links = [...list.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
        const outside = links.filter((r) => r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5).map((r) => `a link at ${Math.round(r.top)} outside its list (${Math.round(box.top)}–${Math.round(box.bottom)})`);
        const overlaps = links.flatMap((a, i) => links.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
          .map((b) => `links at ${Math.round(a.top)} and ${Math.round(b.top)} overlap`));
        return [...outside, ...overlaps];
      }));
      found.push(...layout.map((v) => `${theme}, ${scrolled ? 'scrolled' : 'unscrolled'}: ${v}`));
      if (scrolled) {
        await page.locator('.article-body ul').last().scrollIntoViewIfNeeded();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      found.push(...(await axe(page)).map((v) => `${theme}, ${scrolled ? 'scrolled' : 'unscrolled'}: ${v}`));
      // "Needs review" counts too: a target axe could not prove big enough is a failure here.
      const unsure = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['target-size'], resultTypes: ['incomplete'] }))
        .incomplete.flatMap((v) => v.nodes.map((n) => `${v.id} (needs review): ${n.target.join(' ')} — ${n.any.map((c) => c.message).join(' ')}`)));
      found.push(...unsure.map((v) => `${theme}, ${scrolled ? 'scrolled' : 'unscrolled'}: ${v}`));
      // The three items that are links and nothing else are laid out as targets of their own.
      assert.equal(await page.locator('.article-body li.link-item').count(), 3);
      await page.close();
    }
  }
  assert.deepEqual(found, []);
});

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
    // (The route's placeholder shows while its code comes, then the page's own while the
    // article comes: whichever is on screen.)
    const animation = await page.waitForFunction(() => {
      const sk = document.querySelector('.skeleton .sk');
      return (sk && getComputedStyle(sk).animationName) || false;
    });
    assert.equal(await animation.jsonValue(), expected, reducedMotion);
    await context.close();
  }
});
