#!/usr/bin/env node
// The archive benchmark: how the build and the front page scale with the number of articles.
// For each size N it copies the built dist/ (scripts/build.sh first), adds N generated
// articles (a copy of the demo long read under new ids and headlines) listed by a paged index
// (50 per page, `next` links), then times the build's article steps on it one by one: oEmbed,
// the prerender (each article and its embed), the security policy (reads every page), the
// service worker's precache list and the compressed copies. Then it changes one article and
// prerenders again (the unchanged ones come from the cache), measures the output's size, and
// loads the front page in headless Chromium (its largest paint, against the demo's).
//
// Search: the search index (Pagefind over every prerendered article) is timed as a build step,
// and again after the one change (Pagefind indexes the whole site each time). Then a first
// search on the archive, throttled like a cheap phone on a slow network (4x CPU, 1.6 Mbps,
// 150 ms RTT): what it downloads of the index (as sent, brotli), and how long from the last
// keystroke to the results on screen. The three targets are printed with their verdicts.
//
//   node scripts/bench-archive.mjs [N ...]      (default: 1000 10000)
//
// Figures vary with the machine: compare sizes within one run.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { nativeEnv } from './native-env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const PER_PAGE = 50;
const seed = JSON.parse(readFileSync(join(root, 'public/articles/soil-carbon-long-read.json'), 'utf8'));
const base = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')).scope ?? '/';

const seconds = (start) => (Number(process.hrtime.bigint() - start) / 1e9);
function timed(label, fn) {
  const start = process.hrtime.bigint();
  fn();
  const s = seconds(start);
  console.log(`  ${label.padEnd(34)} ${s.toFixed(1).padStart(7)} s`);
  return s;
}
const node = (script, dir) => execFileSync(process.execPath, [join(root, 'scripts', script), dir], { stdio: 'pipe' });
const prerender = (dir) => execFileSync('cargo', ['run', '--quiet', '--features', 'ssr,islands', '--bin', 'prerender', '--', dir],
  { cwd: root, env: { ...nativeEnv(), READER_PRERENDER_CACHE: join(dir, '..', 'cache') }, stdio: 'pipe' }).toString().trim();
/** Targets for search on the archive (the largest size benchmarked). */
const SEARCH_TARGETS = { downloadKb: 300, resultsMs: 1000, indexShare: 0.15 };

/**
 * A first search on the archive served from `dir`: the search page is open (its own code is the
 * app's, not counted), the reader types `query`; returns the index's bytes downloaded (as sent)
 * and the time from the last keystroke to the results on screen, throttled.
 */
async function firstSearch(browser, dir, query) {
  const server = await startServer({ root: dir, base });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let indexBytes = 0;
  const pending = [];
  // Requests of the page and of Pagefind's worker alike.
  context.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname.startsWith(`${base}pagefind/`)) {
      pending.push(request.sizes().then((s) => { indexBytes += s.responseBodySize + s.responseHeadersSize; }));
    }
  });
  await page.goto(`${server.url}${base}search`);
  await page.waitForSelector('#search-query');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    window.__search = {};
    document.querySelector('#search-query').addEventListener('input', () => { window.__search.key = performance.now(); });
    new MutationObserver(() => {
      if (!window.__search.shown && document.querySelector('.search-result')) window.__search.shown = performance.now();
    }).observe(document.querySelector('.search-results'), { childList: true, subtree: true });
  });
  await page.locator('#search-query').pressSequentially(query, { delay: 150 });
  await page.waitForFunction(() => window.__search.shown, null, { timeout: 120_000 });
  const { key, shown } = await page.evaluate(() => window.__search);
  await Promise.all(pending);
  await context.close();
  await server.close();
  return { kb: indexBytes / 1024, ms: shown - key };
}

const du = (dir) => Number(execFileSync('du', ['-sk', dir]).toString().split(/\s/)[0]) / 1024;

/** Largest contentful paint of the front page served from `dir`, median of 5 loads, in ms. */
async function frontPageLcp(browser, dir) {
  const server = await startServer({ root: dir, base });
  const runs = [];
  for (let i = 0; i < 5; i += 1) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.article-list');
    runs.push(await page.evaluate(() => new Promise((ok) => new PerformanceObserver((l) => {
      const e = l.getEntries();
      ok(e[e.length - 1].startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true }))));
    await context.close();
  }
  await server.close();
  return runs.sort((a, b) => a - b)[2];
}

execFileSync('cargo', ['build', '--quiet', '--features', 'ssr,islands', '--bin', 'prerender'], { cwd: root, env: nativeEnv(), stdio: 'inherit' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const baseline = await frontPageLcp(browser, dist);
console.log(`front page of the demo (5 articles): LCP ${baseline.toFixed(0)} ms (median of 5)`);
const rows = [];
for (const n of sizes.length ? sizes : [1000, 10000]) {
  const work = mkdtempSync(join(tmpdir(), `archive-${n}-`));
  const dir = join(work, 'dist');
  cpSync(dist, dir, { recursive: true });
  const ids = Array.from({ length: n }, (_, i) => `archive-${String(i + 1).padStart(6, '0')}`);
  const summaries = ids.map((id, i) => ({ id, headline: `Archive story ${i + 1}: ${seed.headline}`, dek: seed.dek,
    published: new Date(Date.UTC(2026, 10, 20) - i * 3_600_000).toISOString(), section: seed.section }));
  for (const [i, id] of ids.entries()) {
    writeFileSync(join(dir, 'articles', `${id}.json`), JSON.stringify({ ...seed, id, headline: summaries[i].headline, related: [] }));
  }
  // The first page is articles/index.json; the older ones articles/archive/{k}.json.
  mkdirSync(join(dir, 'articles/archive'), { recursive: true });
  const pages = Math.ceil(n / PER_PAGE);
  for (let k = 0; k < pages; k += 1) {
    const page = { articles: summaries.slice(k * PER_PAGE, (k + 1) * PER_PAGE) };
    if (k + 1 < pages) page.next = k === 0 ? `archive/${k + 2}.json` : `${k + 2}.json`;
    writeFileSync(k === 0 ? join(dir, 'articles/index.json') : join(dir, `articles/archive/${k + 1}.json`), JSON.stringify(page));
  }
  console.log(`${n} articles, ${pages} index pages:`);
  const t = {};
  t.oembed = timed('oEmbed responses', () => node('build-oembed.mjs', dir));
  t.prerender = timed('prerender (articles and embeds)', () => prerender(dir));
  t.search = timed('search index (Pagefind)', () => node('build-search.mjs', dir));
  t.headers = timed('security policy (every page)', () => node('build-headers.mjs', dir));
  t.sw = timed('service worker precache list', () => node('build-sw.mjs', dir));
  t.compress = timed('brotli and gzip copies', () => node('build-compress.mjs', dir));
  const total = Object.values(t).reduce((a, b) => a + b, 0);
  const changed = join(dir, 'articles', `${ids[0]}.json`);
  writeFileSync(changed, readFileSync(changed, 'utf8').replace('Archive story 1:', 'Archive story 1 (corrected):'));
  let said = '';
  const again = timed('prerender again, one article changed', () => { said = prerender(dir); });
  console.log(`  ${said}`);
  const searchAgain = timed('search index again, one article changed', () => node('build-search.mjs', dir));
  const size = du(dir);
  const lcp = await frontPageLcp(browser, dir);
  console.log(`  article steps in all: ${total.toFixed(1)} s (${(total / n * 1000).toFixed(1)} ms per article); dist ${size.toFixed(0)} MB; front page LCP ${lcp.toFixed(0)} ms (${(lcp / baseline).toFixed(2)}x the demo's)`);
  const search = await firstSearch(browser, dir, 'carbon soil');
  console.log(`  first search ("carbon soil"), throttled: ${search.kb.toFixed(0)} KB of the index downloaded; results ${search.ms.toFixed(0)} ms after the last keystroke`);
  console.log(`  the search index adds ${(t.search / (total - t.search) * 100).toFixed(1)} % to the other article steps (${t.search.toFixed(1)} s to ${(total - t.search).toFixed(1)} s); ${searchAgain.toFixed(1)} s again after one change`);
  rows.push({ n, ...t, total, again, size, lcp, searchAgain, query: search });
  rmSync(work, { recursive: true, force: true });
}
await browser.close();
{
  const last = rows[rows.length - 1];
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const share = last.search / (last.total - last.search);
  console.log(`search targets at ${last.n} articles:`);
  console.log(`  first search downloads ≤ ${SEARCH_TARGETS.downloadKb} KB: ${last.query.kb.toFixed(0)} KB, ${verdict(last.query.kb <= SEARCH_TARGETS.downloadKb)}`);
  console.log(`  results ≤ ${SEARCH_TARGETS.resultsMs} ms after the last keystroke (throttled): ${last.query.ms.toFixed(0)} ms, ${verdict(last.query.ms <= SEARCH_TARGETS.resultsMs)}`);
  console.log(`  indexing adds ≤ ${SEARCH_TARGETS.indexShare * 100} % to the build's article steps (the build's other steps, the wasm's included, come on top): ${(share * 100).toFixed(1)} %, ${verdict(share <= SEARCH_TARGETS.indexShare)}`);
}
if (rows.length > 1) {
  const [a, b] = [rows[0], rows[rows.length - 1]];
  console.log(`per article: ${(a.total / a.n * 1000).toFixed(1)} ms at ${a.n}, ${(b.total / b.n * 1000).toFixed(1)} ms at ${b.n} (linear if about equal)`);
}
