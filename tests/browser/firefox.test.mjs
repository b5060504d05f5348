// A second engine: Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (which
// downloads nothing). A smoke pass over what must keep working there: the prerendered article
// with its islands live, the app's own rendering (/read, format 1.1, an Arabic article right to
// left), the embed, and saving an article to the Saved page. Chromium covers the details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import { fixtureRoutes } from './fixtures.mjs';
import { BASE, DIST, at, until } from './harness.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(FIREFOX)) {
  throw new Error(`${FIREFOX} is missing: scripts/setup.sh --test installs Debian's firefox-esr`);
}

let server;
let browser;
before(async () => {
  server = await startServer({ root: DIST, base: BASE, routes: fixtureRoutes() });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    // The closed network: no updates, telemetry or remote settings.
    extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false },
  });
});
// Every policy violation any page reported (the pages run under the strict policy).
const violations = [];
after(async () => {
  await browser?.close();
  await server?.close();
  assert.deepEqual(violations, [], 'no Content-Security-Policy violations');
});

// Firefox fires `securitypolicyviolation` at the document for each violation: the page tells
// the test on the console, with a mark of its own.
const REPORT = 'policy violation:';
const reportViolations = (mark) => document.addEventListener('securitypolicyviolation',
  (e) => console.warn(`${mark} ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));

/** A new page at `path` (in the app) with errors and policy violations collected; waits for
 * `selector`. */
async function open(path, selector) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(reportViolations, REPORT);
  const problems = [];
  page.warnings = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.text().startsWith(REPORT) || /Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(`${path}: ${m.text()}`);
    else if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    else if (m.type() === 'warn' || m.type() === 'warning') page.warnings.push(m.text());
  });
  page.assertClean = () => assert.deepEqual(problems, [], 'no errors');
  await page.goto(server.url + at(path));
  await page.waitForSelector(selector, { timeout: 30_000 });
  return page;
}

const text = (page, selector) => page.$eval(selector, (e) => e.textContent.trim());

test('Firefox: a prerendered article reads, and its islands come alive', async () => {
  const page = await open('/articles/harbor-bridge-reopens', '.article-body');
  assert.match(await text(page, 'h1'), /Harbor Bridge/);
  await page.waitForFunction(() => document.documentElement.dataset.live === 'islands', { timeout: 30_000 });
  // An island's control works: the share menu's Copy link appears once the code runs.
  await page.click('summary.share-button');
  await page.waitForSelector('button.copy-link', { visible: true });
  // The editorial card is a native disclosure.
  await page.click('summary.editorial-toggle');
  assert.equal(await page.$eval('details.editorial-details', (d) => d.open), true);
  page.assertClean();
  await page.close();
});

test('Firefox: the app renders /read, format 1.1 and an Arabic article right to left', async () => {
  const page = await open('/read?src=/fixtures/format-1-1.json', '.article-body');
  assert.equal(await text(page, 'h1'), 'Format Eleven');
  assert.ok(await page.$('.article-body table'), 'a format 1.1 table');
  await page.goto(`${server.url}${at('/read?src=/fixtures/arabic-updated.json')}`);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('عنوان'), { timeout: 30_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  page.assertClean();
  await page.close();
});

test('Firefox: the embed shows its card, and its options island reports an ignored option', async () => {
  const page = await open('/embed/harbor-bridge-reopens?parts=headline,dek,link,ticker', '.embed h1');
  assert.match(await text(page, '.embed h1'), /Harbor Bridge/);
  assert.equal(await page.$eval('.embed .takeaways', (e) => e.checkVisibility()), false, 'parts= applied by the page');
  await page.waitForFunction(() => document.documentElement.dataset.live === 'islands', { timeout: 30_000 });
  await until(() => page.warnings.some((w) => w.includes('“ticker” ignored')));
  assert.ok(page.warnings.some((w) => /^article embed: parts: “ticker” ignored/.test(w)), page.warnings.join(' | '));
  page.assertClean();
  await page.close();
});

test('Firefox: an article saved for offline is on the Saved page', async () => {
  const page = await open('/articles/library-night-hours', '.article-body');
  await page.waitForFunction(() => document.documentElement.dataset.live === 'islands', { timeout: 30_000 });
  await page.click('button.save-toggle');
  await page.waitForFunction(() => document.querySelector('button.save-toggle')?.getAttribute('aria-pressed') === 'true', { timeout: 30_000 });
  await page.goto(`${server.url}${at('/saved')}`);
  await page.waitForSelector('.saved-item', { timeout: 30_000 });
  assert.match(await text(page, '.saved-item h2'), /Central Library/);
  page.assertClean();
  await page.close();
});
