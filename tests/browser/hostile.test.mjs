// The hostile corpus (tests/hostile/corpus.mjs) in the real app: every document opened with
// /read?src=, each must end in a safe rendering or its own specific error, with no dialog, no
// executed script, no script-bearing markup or dangerous URL in the DOM, and the app must still
// navigate afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { open, useApp } from './harness.mjs';
import { documents } from '../hostile/corpus.mjs';

const app = useApp();
const corpus = documents();
for (const { name, body } of corpus) {
  app.routes[`/hostile/${name}.json`] = (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  };
}

/**
 * What the `validate` command (the publishers' check, same validator) says of each document:
 * the app must show the same heading, message and problems, word for word.
 */
function commandReport() {
  const dir = mkdtempSync(`${tmpdir()}/hostile-`);
  try {
    for (const { name, body } of corpus) writeFileSync(`${dir}/${name}.json`, body);
    const bin = new URL('../../target/debug/validate', import.meta.url).pathname;
    const r = spawnSync(bin, ['--json', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.error, undefined, `${bin} did not run (cargo build --bin validate): ${r.error}`);
    return new Map(JSON.parse(r.stdout).map((d) => [d.file.replace(/^.*\//, '').replace(/\.json$/, ''), d]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything in the DOM that could run script or leak to a dangerous URL. */
async function dangers(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (attr.name === 'srcdoc') found.push(`${el.tagName} srcdoc`);
      }
      // The one form allowed is the site header's own search box.
      const ownSearch = el.matches('.site-header > form.site-search[role=search]');
      if (['IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'SVG', 'BASE', 'FORM'].includes(el.tagName.toUpperCase()) && !ownSearch) {
        found.push(el.tagName);
      }
    }
    // Only the page's own scripts: index.html's two and the JSON data blocks.
    for (const s of document.scripts) {
      if (/__pwned|alert\(/.test(s.textContent) && s.type !== 'application/json') found.push(`script ${s.textContent.slice(0, 40)}`);
    }
    // What the browser would really navigate to or fetch (after its own URL parsing).
    for (const a of document.querySelectorAll('a[href]')) {
      if (!['http:', 'https:', 'mailto:'].includes(a.protocol)) found.push(`a href ${a.getAttribute('href')}`);
    }
    for (const img of document.querySelectorAll('img[src]')) {
      if (!/^https?:$/.test(new URL(img.src).protocol)) found.push(`img src ${img.getAttribute('src')}`);
    }
    return found;
  });
}

test(`the corpus has at least 40 documents (${corpus.length})`, () => {
  assert.ok(corpus.length >= 40);
});

// One browser context for the whole corpus, as a reader would meet these one after another.
test('every hostile document renders safely or fails with its own message', async () => {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const messages = new Map();
  const command = commandReport();
  try {
    for (const { name, expect } of corpus) {
      const page = await open(app, `/read?src=${encodeURIComponent(`/hostile/${name}.json`)}`,
        { context, wait: '.article-body, [data-error]', allowConsoleErrors: [/Failed to load resource/] });
      await page.waitForTimeout(50); // let any injected script a bug let through run
      const state = await page.evaluate(() => ({
        pwned: window.__pwned,
        error: document.querySelector('[data-error]')?.getAttribute('data-error') ?? null,
        title: document.querySelector('h1')?.textContent.trim(),
        message: document.querySelector('.error-message')?.textContent.trim() ?? '',
        problems: [...document.querySelectorAll('.problems li')].map((li) => li.textContent.trim()),
      }));
      assert.equal(state.pwned, undefined, `${name}: a script ran`);
      assert.deepEqual(await dangers(page), [], `${name}: dangerous markup in the DOM`);
      if (expect === 'render') {
        assert.equal(state.error, null, `${name}: ${state.title} ${state.message}`);
      } else {
        assert.equal(state.error, expect, `${name}: ${state.title} ${state.message}`);
        assert.ok(state.message.length > 20, `${name}: a message that says something`);
        const said = command.get(name);
        assert.deepEqual([state.title, state.message, state.problems], [said.title, said.message, said.problems],
          `${name}: the app and the validate command say different things`);
        if (expect === 'invalid') {
          assert.ok(state.problems.length > 0 && state.problems.length <= 101, `${name}: ${state.problems.length} problems`);
        } else {
          // Not-JSON documents each say what is wrong with them.
          const seen = messages.get(state.message);
          assert.ok(expect !== 'not-json' || !seen, `${name} and ${seen} have the same message: ${state.message}`);
          messages.set(state.message, name);
        }
      }
      // The app still works: back to the front page through the header.
      await page.locator('a.brand').click();
      await page.waitForSelector('.article-list');
      page.assertClean();
      await page.close();
    }
  } finally {
    await context.close();
  }
});
