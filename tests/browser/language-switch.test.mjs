// Every interface word follows the interface language, on every page: the app's own pages
// follow the browser's languages as the reader changes them (the `languagechange` event), an
// article page follows the article's language as the reader goes from one article to another,
// and an embed follows its `lang` option. After each switch, no text of the other two
// catalogues may remain anywhere a reader sees or hears it (the text, the title, labels).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { navigate, open, settle, useApp } from './harness.mjs';

const app = useApp();
const LANGS = ['en', 'fr', 'ar'];

// The catalogues, as the build reads them: every text of each language (each plural form of a
// counted text is a text of its own).
const CATALOGUES = Object.fromEntries(LANGS.map((lang) => {
  const file = readFileSync(new URL(`../../src/catalogs/${lang}.json`, import.meta.url), 'utf8');
  const texts = Object.entries(JSON.parse(file))
    .filter(([key]) => !key.startsWith('/'))
    .flatMap(([, value]) => (typeof value === 'string' ? [value] : Object.values(value)));
  return [lang, texts];
}));

// The literal parts of a language's texts (split at their {values}), of 4 characters or more.
const fragments = (lang) => new Set(CATALOGUES[lang]
  .flatMap((text) => text.split(/\{[a-z_]+\}/))
  .map((part) => part.trim().replace(/^[\s.,:;()«»“”"'،؛—–-]+|[\s.,:;()«»“”"'،؛—–-]+$/g, ''))
  .filter((part) => [...part].length >= 4));

// Words that give another language away: its fragments that no text of `lang` contains.
const foreignTo = (lang) => {
  const own = CATALOGUES[lang];
  return LANGS.filter((l) => l !== lang)
    .flatMap((other) => [...fragments(other)].map((f) => [other, f]))
    .filter(([, f]) => !own.some((text) => text.includes(f)));
};
const ownOnly = (lang) => [...fragments(lang)].filter((f) => LANGS.filter((l) => l !== lang)
  .every((other) => !CATALOGUES[other].some((text) => text.includes(f))));

// What a reader sees or hears: the rendered text (screen-reader-only text included), the title,
// and the labels of visible elements.
const readerText = (page) => page.evaluate(() => {
  const labels = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
    .filter((e) => e.checkVisibility() || e.closest('[role=img]'))
    .flatMap((e) => ['aria-label', 'title', 'alt', 'placeholder'].map((a) => e.getAttribute(a) ?? ''));
  return [document.title, document.body.innerText, ...labels].join('\n');
});

async function assertSpeaks(page, lang, where) {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 10_000 });
  await settle(page);
  const text = await readerText(page);
  const left = foreignTo(lang).filter(([, f]) => text.includes(f));
  assert.deepEqual(left.map(([l, f]) => `${l}: ${f}`), [], `${where} in ${lang}: words of another language remain`);
  const own = ownOnly(lang).filter((f) => text.includes(f));
  assert.ok(own.length >= 2, `${where} in ${lang}: the page shows its own words (found ${JSON.stringify(own)})`);
}

/** The reader changes the browser's languages; the page hears `languagechange`. */
const switchBrowserTo = (page, lang) => page.evaluate((l) => {
  Object.defineProperty(navigator, 'languages', { configurable: true, get: () => [l] });
  Object.defineProperty(navigator, 'language', { configurable: true, get: () => l });
  dispatchEvent(new Event('languagechange'));
}, lang);


for (const [name, path, wait, allowConsoleErrors] of [
  ['the front page', '/', '.article-list'],
  ['the saved page', '/saved', 'main h1'],
  ['an error page', '/read?src=/fixtures/not-found.json', '[data-error]', [/status of 404/]],
  ['the not-found page', '/no-such-page', 'main h1'],
  // With results: the count ("N articles found"), "More results"' neighbours and the field.
  ['the search page', '/search?q=bridge', '.search-result'],
]) {
  test(`${name} follows the browser's languages as they change`, async () => {
    const page = await open(app, path, { wait, allowConsoleErrors });
    // The reading settings panel open: its words count too.
    await page.locator('.settings-toggle').click();
    await page.waitForSelector('#reader-settings');
    for (const lang of [...LANGS, 'en']) {
      await switchBrowserTo(page, lang);
      await assertSpeaks(page, lang, name);
    }
    page.assertClean();
    await page.close();
  });
}

// Going from an article in one language to one in another used to crash the app: the views of
// the article being left read the new language while they were being disposed.
test('an article page speaks each article\'s language, from one article to the next', async () => {
  const page = await open(app, '/read?src=/fixtures/lang-en.json', { wait: '.article-body' });
  await assertSpeaks(page, 'en', 'an English article');
  for (const lang of ['fr', 'ar', 'en']) {
    await navigate(page, `/read?src=/fixtures/lang-${lang}.json`);
    await page.waitForFunction((l) => document.querySelector('article')?.lang === l, lang);
    await assertSpeaks(page, lang, `an article in ${lang}`);
  }
  page.assertClean();
  await page.close();
});

test('a prerendered article speaks its language, and the next article its own', async () => {
  const page = await open(app, '/articles/desert-solar-cooperative', { wait: '.article-body' });
  await assertSpeaks(page, 'ar', 'the prerendered Arabic article');
  // A page of islands has no router: the next article is a page load.
  await page.goto(`${app.url}/read?src=/fixtures/lang-fr.json`);
  await page.waitForSelector('.article-body');
  await assertSpeaks(page, 'fr', 'a French article after it');
  page.assertClean();
  await page.close();
});

test('an embed speaks its lang option as it changes', async () => {
  const page = await open(app, '/embed?src=/fixtures/lang-en.json', { wait: '.embed h1' });
  await assertSpeaks(page, 'en', 'the embed');
  for (const lang of ['fr', 'ar', 'en']) {
    await navigate(page, `/embed?src=/fixtures/lang-en.json&lang=${lang}`);
    await assertSpeaks(page, lang, `the embed with lang=${lang}`);
  }
  page.assertClean();
  await page.close();
});
