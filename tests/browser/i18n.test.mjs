// The interface speaks English, French and Arabic: it follows the article's language when it is
// one of those, and the browser's languages otherwise. Arabic is laid out right to left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, texts, useApp } from './harness.mjs';

const app = useApp();

test('an Arabic article gets an Arabic interface, right to left', async () => {
  const page = await open(app, '/articles/desert-solar-cooperative', { wait: '.article-body' });
  const ui = await page.evaluate(() => ({
    html: [document.documentElement.lang, document.documentElement.dir],
    skip: document.querySelector('.skip-link').textContent,
    saved: document.querySelector('.nav-saved').textContent,
    save: document.querySelector('.save-toggle').textContent.trim(),
    listen: document.querySelector('.listen-toggle').textContent.trim(),
    share: document.querySelector('#share-heading').textContent,
    related: document.querySelector('#related-heading').textContent,
    langs: [...new Set([...document.querySelectorAll('.save-control, .share, .listen')].map((e) => e.lang))],
  }));
  assert.deepEqual(ui.html, ['ar', 'rtl']);
  assert.equal(ui.skip, 'انتقل إلى المحتوى');
  assert.equal(ui.saved, 'المحفوظات');
  assert.equal(ui.save, 'حفظ للقراءة دون اتصال');
  assert.equal(ui.listen, 'استمع');
  assert.equal(ui.share, 'شارك المقال');
  assert.equal(ui.related, 'مقالات ذات صلة');
  assert.deepEqual(ui.langs, ['ar'], 'the app words are marked as Arabic');
  // Mirrored: the brand sits at the right edge, the navigation at the left.
  const [brand, nav] = await page.evaluate(() => ['.brand', '.site-header nav'].map((s) => document.querySelector(s).getBoundingClientRect().left));
  assert.ok(brand > nav, 'header mirrored');
  assert.match(await page.locator('.byline').textContent(), /^بقلم /, 'the byline in Arabic too');
  // The prerendered copy, shown before the app starts, already speaks Arabic.
  const html = await (await fetch(`${app.url}/articles/desert-solar-cooperative`)).text();
  assert.ok(html.includes('حفظ للقراءة دون اتصال') && html.includes('انتقل إلى المحتوى'), 'prerendered in Arabic');
  // Settings panel in Arabic too.
  await page.locator('.settings-toggle').click();
  assert.equal((await page.locator('#reader-settings-title').textContent()).trim(), 'إعدادات القراءة');
  page.assertClean();
  await page.close();
});

test('a French browser gets a French interface; an English article switches it to English', async () => {
  const context = await app.browser.newContext({ locale: 'fr-FR' });
  const page = await open(app, '/', { context, wait: '.article-list' });
  // The French words come with their catalogue (the code carries English's only), then the
  // interface switches.
  await page.waitForFunction(() => document.querySelector('.nav-saved')?.textContent.trim() === 'Enregistrés');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.ok(page.requests.some((u) => /\/catalogs\/fr-[0-9a-f]{16}\.json$/.test(u)), 'the French catalogue was fetched');
  assert.equal((await page.locator('.skip-link').textContent()).trim(), 'Aller au contenu');
  await page.goto(`${app.url}/articles/harbor-bridge-reopens`);
  await page.waitForSelector('.article-body');
  assert.equal((await page.locator('.takeaways h2').textContent()).trim(), 'Key Takeaways');
  assert.equal((await page.locator('.nav-saved').textContent()).trim(), 'Saved');
  // An error page is the app's own: French again.
  await page.goto(`${app.url}/read?src=/fixtures/not-found.json`);
  await page.waitForSelector('[data-error]');
  await page.waitForFunction(() => document.querySelector('button.retry')?.textContent.trim() === 'Réessayer');
  assert.deepEqual(await texts(page, '.skip-link'), ['Aller au contenu']);
  await context.close();
});

test('an updated Arabic article says "updated" in Arabic too', async () => {
  const page = await open(app, '/read?src=/fixtures/arabic-updated.json', { wait: 'main .article-body' });
  const updated = (await page.locator('.updated').textContent()).trim();
  assert.doesNotMatch(updated, /Updated/, updated);
  assert.ok(updated.startsWith('حُدّث في'), updated);
  page.assertClean();
  await page.close();
});
