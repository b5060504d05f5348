// The print stylesheet: the article alone (no controls), the editorial card whole, black on
// white, links followed by their addresses. Checked with print media emulation and a real PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, useApp, FACTS } from './harness.mjs';

const app = useApp();

test('an article prints cleanly: no controls, the whole card, link addresses shown', async () => {
  const page = await open(app, '/read?src=/fixtures/hostile.json', { wait: '.article-body', allowConsoleErrors: [/Failed to load resource/],
    initScript: `localStorage.setItem(${JSON.stringify(FACTS.settings_key)}, JSON.stringify({theme:'dark',size:6,font:'sans',width:'wide',leading:'loose'}))` });
  await page.emulateMedia({ media: 'print' });
  const state = await page.evaluate(() => {
    const shown = (s) => [...document.querySelectorAll(s)].some((el) => el.checkVisibility());
    const link = [...document.querySelectorAll('.article-body a')].find((a) => a.getAttribute('href').startsWith('https://'));
    return {
      controls: ['.site-header nav', '.status-bar', '.save-control', '.share', '.related', '.editorial-toggle', '.settings-panel', 'button']
        .filter(shown),
      cardBody: document.querySelector('.editorial-body').checkVisibility(),
      linkAfter: getComputedStyle(link, '::after').content,
      href: link.getAttribute('href'),
      bg: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector('h1')).color,
    };
  });
  assert.deepEqual(state.controls, [], 'no controls in print');
  assert.equal(state.cardBody, true, 'the editorial card prints whole');
  assert.ok(state.linkAfter.includes(`(${state.href})`), `the link's address follows it: ${state.linkAfter}`);
  assert.equal(state.bg, 'rgb(255, 255, 255)');
  assert.equal(state.text, 'rgb(0, 0, 0)');
  // And Chromium really prints it.
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 5_000 && pdf.subarray(0, 5).toString() === '%PDF-');
  page.assertClean();
  await page.close();
});
