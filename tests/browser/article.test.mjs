// The reader page: every part of an article, the editorial card, related articles, right to
// left, the seed article, layout at 360 px and in dark mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DIST, SHARED_FIXTURES, disclosures, live, open, readJson, texts, useApp, SITE, at } from './harness.mjs';
import { REFERENCE } from './fixtures.mjs';

const app = useApp();
const HARBOR = readJson(`${DIST}/articles/harbor-bridge-reopens.json`);

test('an article renders every part in order', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens');
  await page.waitForSelector('.article-body');
  assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
  assert.equal((await page.locator('h1').textContent()).trim(), HARBOR.headline);
  assert.equal((await page.locator('.section-label').first().textContent()).trim(), 'Local');
  assert.equal((await page.locator('.dek').textContent()).trim(), HARBOR.dek);
  assert.equal((await page.locator('.byline').textContent()).trim(), 'By Dana Okafor and Luis Ferreira');
  assert.equal((await page.locator('time.published').textContent()).trim(), 'November 20, 2026');
  assert.equal((await page.locator('.updated').textContent()).trim(), 'Updated November 20, 2026, 14:40');
  assert.match(await page.locator('.reading-time').textContent(), /^\d+ min read$/);

  // Hero image: alt text, reserved aspect ratio, caption and credit, actually loaded.
  const hero = page.locator('figure.hero img');
  assert.equal(await hero.getAttribute('alt'), HARBOR.image.alt);
  // The box has the picture's shape before it loads (its sizer's width and height), without a style.
  const box = await page.locator('figure.hero .frame').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { ratio: r.width / r.height, style: e.getAttribute('style') };
  });
  assert.ok(Math.abs(box.ratio - 1200 / 675) < 0.01 && box.style === null, JSON.stringify(box));
  await page.waitForFunction(() => document.querySelector('figure.hero img')?.complete);
  assert.ok(await hero.evaluate((img) => img.naturalWidth > 0), 'hero image loaded');
  assert.equal((await page.locator('figure.hero .caption').textContent()).trim(), HARBOR.image.caption);
  assert.equal((await page.locator('figure.hero .credit').textContent()).trim(), HARBOR.image.credit);

  // Takeaways: heading, ordered list, badges 1..4.
  assert.equal((await page.locator('.takeaways h2').textContent()).trim(), 'Key Takeaways');
  assert.equal(await page.locator('.takeaways ol > li').count(), 4);
  assert.deepEqual(await texts(page, '.takeaways .badge'), ['1', '2', '3', '4']);
  // (Leptos leaves empty comments as text markers: they are not content.)
  assert.match((await page.locator('.takeaways li').nth(2).innerHTML()).replace(/<!---->/g, ''), /<strong>\$38\.2 million<\/strong>/);

  // Body: seven paragraphs with inline emphasis.
  assert.equal(await page.locator('.article-body > p').count(), 7);
  assert.equal((await page.locator('.article-body em').textContent()).trim(), 'three-shift schedule');

  // Order of the sections on the page.
  const order = await page.evaluate(() =>
    ['.article-header', 'figure.hero', '.takeaways', '.editorial', '.article-body', '.share', '.related']
      .map((s) => document.querySelector(s).getBoundingClientRect().top));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'sections appear in newsroom order');

  assert.equal((await page.locator('.share h2').textContent()).trim(), 'Share Article');
  assert.equal((await page.locator('.related h2').textContent()).trim(), 'Related Articles');
  assert.equal((await page.locator('.related .empty-state').textContent()).trim(), 'No related articles found');

  // Document metadata follows the article.
  assert.equal(await page.title(), `${HARBOR.headline} · ${SITE.name}`);
  assert.deepEqual(await page.locator('meta[name="description"]').evaluateAll((ms) => ms.map((m) => m.content)), [HARBOR.dek]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  page.assertClean();
  await page.close();
});

test('in the app, the head names the article as the prerendered page does: description, canonical, oEmbed', async () => {
  const page = await open(app, `/read?src=${at('/articles/harbor-bridge-reopens.json')}`, { wait: '.article-body' });
  await page.waitForFunction((t) => document.title.startsWith(t), HARBOR.headline);
  const head = await page.evaluate(() => ({
    description: [...document.querySelectorAll('meta[name="description"]')].map((m) => m.content),
    canonical: [...document.querySelectorAll('link[rel="canonical"]')].map((l) => l.href),
    oembed: [...document.querySelectorAll('link[rel="alternate"][type="application/json+oembed"]')].map((l) => [l.getAttribute('href'), l.title]),
  }));
  assert.deepEqual(head.description, [HARBOR.dek]);
  assert.deepEqual(head.canonical, [HARBOR.url ?? page.url()]);
  assert.deepEqual(head.oembed, [[`${app.url}${at('/oembed/harbor-bridge-reopens.json')}`, HARBOR.headline]]);
  page.assertClean();
  await page.close();
});

test('the editorial card is a disclosure toggled by mouse, Enter and Space', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', { wait: 'main .article-body' });
  // A native disclosure: <summary> is the control, <details open> its state (which the
  // browser gives screen readers as expanded / collapsed).
  const toggle = page.locator('summary.editorial-toggle');
  const details = page.locator('details.editorial-details');
  const isOpen = () => details.evaluate((d) => d.open);
  const body = page.locator('#editorial-body');
  await toggle.waitFor();
  assert.equal(await isOpen(), false);
  assert.equal(await body.isVisible(), false);
  assert.equal((await toggle.innerText()).trim(), 'Read the full analysis');
  assert.equal((await page.locator('.editorial-label').textContent()).trim(), "Editor's Desk");
  assert.equal((await page.locator('.editorial-title').textContent()).trim(), 'Strategic Analysis');
  assert.ok(await page.locator('.editorial-teaser').isVisible(), 'teaser shows while collapsed');

  await toggle.click();
  assert.equal(await isOpen(), true);
  assert.ok(await body.isVisible());
  assert.equal((await toggle.innerText()).trim(), 'Show less');
  assert.equal((await page.locator('.editorial-attribution').textContent()).trim(),
    'Morning Ledger Editorial · Strategic Insight');
  assert.equal(await page.locator('.editorial-teaser').isVisible(), false);

  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await isOpen(), false);
  assert.equal(await body.isVisible(), false);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('details.editorial-details').open);
  assert.ok(await body.isVisible());
  assert.deepEqual((await disclosures(page))[0], { name: 'Show less', expanded: true });

  // Moving to another page and back starts collapsed again. (Page loads: each new page's
  // islands are waited for, so that an error while they start is seen.)
  await Promise.all([page.waitForEvent('load'), page.locator('a.brand').click()]);
  await page.waitForSelector('.article-list');
  await live(page);
  await Promise.all([page.waitForEvent('load'), page.locator(`a[href="${at('/articles/harbor-bridge-reopens')}"]`).click()]);
  await page.waitForSelector('summary.editorial-toggle');
  await live(page);
  assert.equal(await page.locator('details.editorial-details').evaluate((d) => d.open), false);
  page.assertClean();
  await page.close();
});

test('related articles link inside the reader', async () => {
  const page = await open(app, '/articles/library-night-hours');
  await page.waitForSelector('.related-list');
  const links = page.locator('.related-list a');
  assert.equal(await links.count(), 3);
  assert.deepEqual(
    await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['/articles/harbor-bridge-reopens', '/articles/rain-gauge-volunteers', '/articles/soil-carbon-long-read'].map(at),
  );
  assert.equal(await page.locator('.related-item .thumb').count(), 2);
  await page.locator('.related-list').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('.related-item .thumb')].every((i) => i.complete && i.naturalWidth > 0));
  assert.deepEqual(await texts(page, '.related-item time'), ['20 November 2026', '12 November 2026', '5 November 2026']);
  // A page of islands has no router: the link loads the next page.
  await page.locator('.related-list').scrollIntoViewIfNeeded();
  await Promise.all([page.waitForEvent('load'), links.nth(1).click()]);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('Rain Gauges'));
  await live(page);
  assert.equal(new URL(page.url()).pathname, at('/articles/rain-gauge-volunteers'));
  // No image and no editorial: those parts are simply absent.
  assert.equal(await page.locator('figure.hero').count(), 0);
  assert.equal(await page.locator('.editorial').count(), 0);
  assert.equal(await page.locator('.takeaways').count(), 0);
  page.assertClean();
  await page.close();
});

/** Where keyboard focus is: `#id`, or the tag and class. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e.id ? `#${e.id}` : `${e.localName}${e.className ? `.${String(e.className).split(' ')[0]}` : ''}`;
});

test('after following a related link, a keyboard reader starts at the new article', async () => {
  // The prerendered page: a page load. The new page starts at its top, nothing on it takes the
  // focus, the first Tab reaches "Skip to content", and that leads into the article.
  const page = await open(app, '/articles/library-night-hours', { wait: '.related-list' });
  await page.locator('.related-list').scrollIntoViewIfNeeded();
  await page.locator(`.related-list a[href="${at('/articles/rain-gauge-volunteers')}"]`).focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('Rain Gauges'));
  await live(page);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the new article starts at the top');
  assert.equal(await focused(page), 'body', 'nothing on the new page took the focus');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'a.skip-link', 'the first Tab reaches the skip link');
  assert.ok(await page.locator('a.skip-link').isVisible(), 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), '#main', 'the skip link leads into the content');
  page.assertClean();
  await page.close();

  // The app: the same link is an in-app navigation, and the app moves focus to the content (a
  // link that is gone keeps none) and the new article starts at its top.
  const inApp = await open(app, `/read?src=${encodeURIComponent(at('/articles/library-night-hours.json'))}`, { wait: '.related-list' });
  await inApp.evaluate(() => { window.__samePage = true; });
  await inApp.locator('.related-list').scrollIntoViewIfNeeded();
  assert.ok(await inApp.evaluate(() => window.scrollY) > 0, 'the reader had scrolled down to the related links');
  await inApp.locator(`.related-list a[href="${at('/articles/rain-gauge-volunteers')}"]`).focus();
  await inApp.keyboard.press('Enter');
  await inApp.waitForFunction(() => document.querySelector('h1')?.textContent.includes('Rain Gauges'));
  assert.equal(await inApp.evaluate(() => window.__samePage), true, 'no page load');
  await inApp.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 5_000 })
    .catch(() => {});
  assert.equal(await focused(inApp), '#main', 'focus moved to the new article');
  assert.equal(await inApp.evaluate(() => window.scrollY), 0, 'the new article starts at the top');
  inApp.assertClean();
  await inApp.close();
});

test('a long article renders headings, quotes, lists and images', async () => {
  const page = await open(app, '/articles/soil-carbon-long-read');
  await page.waitForSelector('.article-body');
  const blocks = await page.locator('.article-body > *').count();
  assert.ok(blocks >= 40, `${blocks} blocks`);
  assert.ok(await page.locator('.article-body > h2').count() >= 5);
  assert.ok(await page.locator('.article-body > h3').count() >= 2);
  assert.ok(await page.locator('.article-body blockquote').count() >= 3);
  assert.equal(await page.locator('.article-body > ol').count(), 2, 'the original numbered list, and the 1.1 one with nested lists');
  assert.ok(await page.locator('.article-body > ul').count() >= 2);
  assert.equal(await page.locator('.article-body figure.body-image').count(), 2);
  assert.match(await page.locator('.reading-time').textContent(), /^[5-9] min read$/);
  page.assertClean();
  await page.close();
});

test('a right-to-left article sets lang and dir on the document', async () => {
  const page = await open(app, '/articles/desert-solar-cooperative');
  await page.waitForSelector('.article-body');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('article').getAttribute('dir'), 'rtl');
  assert.equal((await page.locator('time.published').textContent()).trim(), '16 نوفمبر 2026');
  assert.equal(await page.locator('.editorial-label').textContent(), 'مكتب التحرير');
  // The takeaway badges sit on the right in a right-to-left layout.
  const [badge, text] = await Promise.all([
    page.locator('.takeaways .badge').first().boundingBox(),
    page.locator('.takeaways .takeaway-text').first().boundingBox(),
  ]);
  assert.ok(badge.x > text.x, 'badge is to the right of its text');
  // Going back to the front page restores the document's language.
  await Promise.all([page.waitForEvent('load'), page.locator('a.brand').click()]);
  await page.waitForSelector('.article-list');
  await live(page);
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  page.assertClean();
  await page.close();
});

test('a failing image shows a fallback box that keeps its space', async () => {
  const page = await open(app, '/read?src=/fixtures/broken-image.json');
  await page.waitForSelector('.img-fallback');
  assert.equal(await page.locator('.img-fallback').getAttribute('aria-label'), 'Image unavailable: A picture that fails');
  const box = await page.locator('figure.hero .frame').boundingBox();
  assert.ok(Math.abs(box.width / box.height - 4 / 3) < 0.02, 'the 4:3 box is kept');
  await page.close();
});

// The project's reference article, and the team's seed article where `../shared` is beside the
// project (as in CI): each part rendered exactly.
const REFERENCES = [
  { src: '/fixtures/reference/reference-article.json', article: REFERENCE, date: 'April 2, 2026' },
  ...(existsSync(SHARED_FIXTURES)
    ? [{ src: '/fixtures/seed/seed-article.json', article: readJson(`${SHARED_FIXTURES}/seed-article.json`), date: 'March 15, 2026' }]
    : []),
];

test('a reference article renders every part', async (t) => {
  if (REFERENCES.length === 1) t.diagnostic('no ../shared/fixtures beside the project: the seed article is not rendered');
  for (const { src, article: seed, date } of REFERENCES) {
    const page = await open(app, `/read?src=${src}`);
    await page.waitForSelector('.article-body');
    assert.equal((await page.locator('h1').textContent()).trim(), seed.headline);
    assert.equal((await page.locator('.dek').textContent()).trim(), seed.dek);
    assert.equal((await page.locator('.section-label').textContent()).trim(), seed.section);
    assert.equal((await page.locator('.byline').textContent()).trim(), seed.publisher.name);
    assert.equal((await page.locator('time.published').textContent()).trim(), date);
    await page.waitForFunction(() => document.querySelector('figure.hero img')?.complete);
    assert.ok(await page.locator('figure.hero img').evaluate((i) => i.naturalWidth > 0), `${src}: hero loaded`);
    assert.equal(await page.locator('figure.hero img').getAttribute('alt'), seed.image.alt);
    assert.deepEqual(await texts(page, '.takeaway-text'), seed.takeaways);
    assert.deepEqual(await texts(page, '.takeaways .badge'), seed.takeaways.map((_, i) => String(i + 1)));
    assert.equal((await page.locator('.editorial-title').textContent()).trim(), seed.editorial.title);
    await page.locator('summary.editorial-toggle').click();
    assert.equal((await page.locator('.editorial-body p').first().textContent()).trim(), seed.editorial.body[0]);
    assert.equal((await page.locator('.editorial-attribution').textContent()).trim(),
      `${seed.editorial.author} · ${seed.editorial.role}`);
    assert.deepEqual(await texts(page, '.article-body > p'), seed.body.map((b) => b.text));
    assert.equal((await page.locator('.related .empty-state').textContent()).trim(), 'No related articles found');
    page.assertClean();
    await page.close();
  }
});

test('at 360 px wide nothing scrolls sideways, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const path of ['/', '/articles/harbor-bridge-reopens', '/articles/desert-solar-cooperative', '/articles/soil-carbon-long-read']) {
      const page = await open(app, path, { width: 360, height: 740, colorScheme });
      await page.waitForSelector(path === '/' ? '.article-list' : '.article-body');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} (${colorScheme}) overflows by ${overflow}px`);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (colorScheme === 'dark') assert.equal(bg, 'rgb(22, 24, 29)', 'dark background');
      else assert.equal(bg, 'rgb(247, 245, 240)', 'light background');
      page.assertClean();
      await page.close();
    }
  }
});
