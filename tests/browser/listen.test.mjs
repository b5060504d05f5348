// Listen: the article read aloud through the Web Speech API. Headless Chromium has no voices,
// so the test replaces window.speechSynthesis with a recording engine that "speaks" each
// utterance for 150 ms (start, then end events) — the app's side is what is tested: what it
// says, in which language, at which speed, pause/resume/stop, and the highlight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ISLANDS_CHUNK, islandsChunk, open, useApp } from './harness.mjs';

const app = useApp();

const fakeSpeech = () => {
  const log = [];
  window.__speech = log;
  let current = null;
  let timer = null;
  let paused = false;
  const finish = () => { const u = current; current = null; u?.onend?.(); };
  const engine = {
    speak(u) {
      log.push({ text: u.text, lang: u.lang, rate: u.rate });
      current = u;
      if (!paused) timer = setTimeout(finish, 150);
    },
    cancel() { clearTimeout(timer); current = null; log.push({ cancel: true }); },
    pause() { paused = true; clearTimeout(timer); log.push({ pause: true }); },
    resume() { paused = false; log.push({ resume: true }); if (current) timer = setTimeout(finish, 150); },
    getVoices() { return []; },
  };
  // speechSynthesis is a getter on Window.prototype: shadow it.
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
};

test('Listen reads the article in its language, highlights, pauses, resumes, changes speed, stops', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', { wait: '.article-body', initScript: fakeSpeech });
  const toggle = page.locator('button.listen-toggle');
  assert.equal((await toggle.textContent()).trim(), 'Listen');
  // The reading's code comes on the first press (its chunk).
  await toggle.click();
  await page.waitForFunction(() => document.querySelector('button.listen-toggle').textContent.trim() === 'Pause');
  const said = () => page.evaluate(() => window.__speech.filter((e) => e.text));
  // The headline first, in the article's language, and it is highlighted while read.
  const headline = (await page.locator('h1').textContent()).trim();
  assert.deepEqual((await said())[0], { text: headline, lang: 'en', rate: 1 });
  // Then the dek and the body, one block after another, the one being read highlighted.
  await page.waitForFunction(() => window.__speech.filter((e) => e.text).length >= 4);
  const highlighted = await page.evaluate(() => [...document.querySelectorAll('.speaking')].map((e) => e.textContent));
  assert.equal(highlighted.length, 1, 'one block highlighted');
  const texts = (await said()).map((e) => e.text);
  assert.equal(texts.at(-1), highlighted[0], 'the highlighted block is the one being read');
  assert.equal(texts[2], (await page.locator('.article-body > *').first().textContent()), 'after the dek, the body');

  // Pause and resume.
  await toggle.click();
  assert.equal((await toggle.textContent()).trim(), 'Resume');
  const whilePaused = (await said()).length;
  await page.waitForTimeout(400);
  assert.equal((await said()).length, whilePaused, 'nothing more is read while paused');
  await toggle.click();
  assert.equal((await toggle.textContent()).trim(), 'Pause');
  await page.waitForFunction((n) => window.__speech.filter((e) => e.text).length > n, whilePaused);

  // A new speed applies from the block being read.
  await page.getByLabel('Speed').selectOption('1.5');
  await page.waitForFunction(() => window.__speech.filter((e) => e.text).at(-1).rate === 1.5);

  // Stop: no highlight, back to Listen, and nothing more is said.
  await page.getByRole('button', { name: 'Stop' }).click();
  assert.equal((await toggle.textContent()).trim(), 'Listen');
  assert.equal(await page.locator('.speaking').count(), 0);
  const afterStop = (await said()).length;
  await page.waitForTimeout(400);
  assert.equal((await said()).length, afterStop);
  page.assertClean();
  await page.close();
});

test('an Arabic article is read with an Arabic voice', async () => {
  const page = await open(app, '/articles/desert-solar-cooperative', { wait: '.article-body', initScript: fakeSpeech });
  await page.locator('button.listen-toggle').click();
  await page.waitForFunction(() => window.__speech.some((e) => e.text));
  assert.equal(await page.evaluate(() => window.__speech.find((e) => e.text).lang), 'ar');
  await page.close();
});

test('without speech synthesis there is no Listen button', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', { wait: '.article-body',
    initScript: () => { delete window.speechSynthesis; delete Window.prototype.speechSynthesis; } });
  assert.equal(await page.locator('.listen').isHidden(), true);
  page.assertClean();
  await page.close();
});

test('Listen fetches its code on the first press; refused, it says so, and pressing again reads', async () => {
  let refuse = true;
  const page = await open(app, '/articles/harbor-bridge-reopens', {
    wait: '.article-body', initScript: fakeSpeech, serviceWorkers: 'block',
    allowConsoleErrors: [/Failed to load resource|Failed to fetch|TypeError|net::ERR_/i],
    routes: [[islandsChunk('listen'), (route) => (refuse ? route.abort('internetdisconnected') : route.continue())]],
  });
  const chunks = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(!(await chunks()).some((p) => ISLANDS_CHUNK.test(p) && p.match(ISLANDS_CHUNK)[2] === 'listen'), 'not before the press');
  const toggle = page.locator('button.listen-toggle');
  await toggle.click();
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('.listen-status')?.textContent));
  assert.equal((await toggle.textContent()).trim(), 'Listen');
  assert.equal(await toggle.getAttribute('aria-busy'), 'false');
  assert.equal(await page.evaluate(() => window.__speech.length), 0, 'nothing said');
  refuse = false;
  await toggle.click();
  await page.waitForFunction(() => window.__speech.some((e) => e.text));
  await page.waitForFunction(() => document.querySelector('.listen-status').textContent === '');
  assert.equal((await toggle.textContent()).trim(), 'Pause');
  await page.close();
});
