#!/usr/bin/env node
// The speed benchmark: prints one table of figures and judges nothing (CI's size ratchet is
// scripts/size-check.mjs; the targets here are reported as met or missed).
//   node scripts/bench.mjs [--runs N] [--lighthouse]
//   (build first: scripts/build.sh; scripts/bench.sh does both)
//
// - Bundle sizes: raw, gzip and brotli of every .wasm/.js, per bundle: the app (the single-page
//   app, 150 KB target) and each page's islands bundle (what a prerendered front page, article
//   or embed loads, 80 KB target, stretch 60), and the code each page really downloaded on a
//   cold visit.
// - Cold loads, throttled like a cheap phone on a slow network (412 px, 4x CPU, 150 ms RTT,
//   1.6 Mbps down, 750 Kbps up, no cache, no service worker), brotli served, interleaved run by
//   run with two baselines: the prerendered article with its scripts removed (the same page, no
//   code), and a lean single-file page of the same article written by hand the way a static site
//   would (its text and hero image, a small inline stylesheet, no script), the physical limit on
//   this network. Main-thread blocking (long tasks past 50 ms, summed) until the page is live. Pages: the prerendered article, the same article through /read?src=, an article
//   added as JSON without a rebuild (client-rendered), the front page, and a prerendered embed
//   inside a partner page. For each: FCP, LCP, CLS, and when the app's enhancements are live
//   (the app has started and replaced the static copy: Save, Copy link, settings work).
// - Warm load: the article again with the service worker installed and the network off.
// - A 2,000-block article: render time after its JSON arrives, JS heap and wasm memory.
// - With --lighthouse: Lighthouse 12.8.2 (mobile) on the prerendered article, the front page,
//   the embed demo page, the embed, `/search?q=`, `/read?src=` and an unbuilt article, run with `npx` (pinned, from the npm registry; not a project
//   dependency), with simulated and with DevTools throttling.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { ISLANDS_CHUNK, ISLANDS_MAIN, PAGES as ISLANDS_PAGES } from './islands-files.mjs';
import { APP_CHUNK, APP_MAIN } from './app-files.mjs';

const TARGET_BROTLI = 150 * 1024;
const STRETCH_BROTLI = 120 * 1024;
const ISLANDS_TARGET = 80 * 1024;
const ISLANDS_STRETCH = 60 * 1024;
const ARTICLE = 'harbor-bridge-reopens';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(root, 'dist');
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a');

// ---------- sizes ----------
const sizes = readdirSync(DIST)
  .filter((f) => /\.(wasm|js)$/.test(f) && !['sw.js', 'embed.js'].includes(f))
  .map((f) => {
    const body = readFileSync(join(DIST, f));
    return {
      file: f,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
const bundle = (match) => sizes.filter((s) => match.test(s.file)).reduce((a, s) => a + s.brotli, 0);
// The app's main module (the shell, the router, the header): what every app page loads first;
// each route's page comes from a chunk (APP_CHUNK).
const appBrotli = bundle(APP_MAIN);
const appChunks = sizes.filter((s) => APP_CHUNK.test(s.file));
// What each kind of prerendered page loads: its islands' main module, glue and the split's loader.
const islandsBrotli = Object.fromEntries(ISLANDS_PAGES.map((page) => [page,
  sizes.filter((s) => s.file.match(ISLANDS_MAIN)?.[1] === page).reduce((a, s) => a + s.brotli, 0)]));
// The chunks split off it, each fetched when a reader first uses its control.
const chunks = sizes.filter((s) => ISLANDS_CHUNK.test(s.file));
const CHUNK_TARGET = 40 * 1024;

// ---------- a served copy of dist/ with the benchmark pages ----------
const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const served = mkdtempSync(join(tmpdir(), 'reader-bench-'));
cpSync(DIST, served, { recursive: true });

// A long article: 2,000 blocks.
const long = JSON.parse(readFileSync(join(DIST, 'articles', 'soil-carbon-long-read.json'), 'utf8'));
const blocks = [];
while (blocks.length < 2000) blocks.push(...long.body);
writeFileSync(join(served, 'articles', 'bench-long.json'),
  JSON.stringify({ ...long, id: 'bench-long', body: blocks.slice(0, 2000) }));

// dist/ has brotli copies of its files (scripts/build-compress.mjs); the long article gets one too.
writeFileSync(join(served, 'articles', 'bench-long.json.br'), brotli(readFileSync(join(served, 'articles', 'bench-long.json'))));
const server = await startServer({ root: served });
const browser = await chromium.launch(CHROMIUM);

// The same figures for every page (and every frame: an embed measures inside its own frame):
// FCP, LCP, CLS from the browser's own entries, and when the app's enhancements are live.
const OBSERVE = () => {
  window.__perf = { lcp: 0, cls: 0, live: NaN, blocking: 0 };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (Number.isNaN(window.__perf.live)) window.__perf.blocking += Math.max(0, e.duration - 50);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.__perf.lcp = e.startTime; window.__perf.lcpElement = e.element ? `${e.element.tagName}.${e.element.className}` : e.url; } })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  // Live: the app has started and its own rendering has replaced any static copy, or the
  // islands bundle has hydrated the page's islands.
  const poll = () => {
    if ((window.__wasm && !document.getElementById('prerendered') && document.querySelector('main h1'))
      || document.documentElement.dataset.live === 'islands') {
      window.__perf.live = performance.now();
      return;
    }
    setTimeout(poll, 10);
  };
  addEventListener('DOMContentLoaded', poll);
};

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

const readFigures = () => ({
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  lcp: window.__perf.lcp,
  cls: window.__perf.cls,
  live: window.__perf.live,
  blocking: window.__perf.blocking,
  // Code this page (this frame) downloaded: scripts and wasm, as sent (brotli).
  // (The reader's own: Pagefind's files are counted apart.)
  code: performance.getEntriesByType('resource').filter((e) => /\.(js|wasm)$/.test(new URL(e.name).pathname)
    && !new URL(e.name).pathname.includes('/pagefind/'))
    .reduce((a, e) => a + e.encodedBodySize, 0),
  // Pagefind's files on the search page: its script, worker, wasm, index and fragments.
  pagefind: performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.includes('/pagefind/'))
    .reduce((a, e) => a + e.encodedBodySize, 0),
  lcpElement: window.__perf.lcpElement,
  origin: performance.timeOrigin,
});

async function coldLoad({ path, waitFor, app = true, frame = null }) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await throttled(context, page);
  await page.goto(server.url + path, { waitUntil: 'load', timeout: 120_000 });
  let target = page;
  if (frame) {
    const handle = await page.waitForSelector(frame, { timeout: 120_000 });
    target = await handle.contentFrame();
  }
  await target.waitForSelector(waitFor, { timeout: 120_000 });
  // When what the page is for was on screen (polled by the driver: within a frame or two).
  const shown = await target.evaluate(() => performance.now());
  if (app) await target.waitForFunction(() => !Number.isNaN(window.__perf.live), null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const result = { ...(await target.evaluate(readFigures)), shown };
  if (frame) {
    // An embed's figures count from the partner page's navigation, not the frame's.
    const shift = result.origin - (await page.evaluate(() => performance.timeOrigin));
    for (const k of ['fcp', 'lcp', 'live', 'shown']) result[k] += shift;
  }
  await context.close();
  return result;
}

// The baseline: the prerendered article saved as one static HTML file with no script and no
// other request than its hero image (the stylesheet is already inline).
{
  const html = readFileSync(join(DIST, 'articles', ARTICLE, 'index.html'), 'utf8')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, '');
  mkdirSync(join(served, 'bench-static'), { recursive: true });
  writeFileSync(join(served, 'bench-static', 'index.html'), html);
  writeFileSync(join(served, 'bench-static', 'index.html.br'), brotli(Buffer.from(html)));
}
// The lean baseline: the same article as a static site would write it by hand, in one file: its
// headline, dek, hero image (sized), byline and text, with a small inline stylesheet, no script.
{
  const a = JSON.parse(readFileSync(join(DIST, 'articles', `${ARTICLE}.json`), 'utf8'));
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const inline = (t) => (typeof t === 'string' ? esc(t) : (t ?? []).map((s) => (s.href ? `<a href="${esc(s.href)}">${esc(s.text)}</a>` : esc(s.text))).join(''));
  const block = (b) => ({ paragraph: `<p>${inline(b.text)}</p>`, heading: `<h2>${inline(b.text)}</h2>`,
    quote: `<blockquote>${inline(b.text)}</blockquote>`, list: `<ul>${(b.items ?? []).map((i) => `<li>${inline(Array.isArray(i) || typeof i === 'string' ? i : i.text)}</li>`).join('')}</ul>` }[b.type] ?? '');
  const img = a.image ? `<img src="${esc(new URL(a.image.src, `${server.url}/articles/`).pathname)}" alt="${esc(a.image.alt ?? '')}" width="${a.image.width ?? 1200}" height="${a.image.height ?? 675}" fetchpriority="high">` : '';
  const html = `<!DOCTYPE html><html lang="${esc(a.language ?? 'en')}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(a.headline)}</title><style>body{margin:0 auto;max-width:42rem;padding:1rem;font:1.1rem/1.6 Georgia,serif;color:#1a1a1a}h1{font:700 2rem/1.2 system-ui,sans-serif}img{max-width:100%;height:auto}.dek{font-size:1.25rem;color:#444}</style>
<article><h1>${esc(a.headline)}</h1>${a.dek ? `<p class="dek">${esc(a.dek)}</p>` : ''}${img}
<p>${esc((a.authors ?? []).map((p) => p.name ?? p).join(', '))}</p><div class="article-body">${(a.body ?? []).map(block).join('\n')}</div></article></html>`;
  mkdirSync(join(served, 'bench-lean'), { recursive: true });
  writeFileSync(join(served, 'bench-lean', 'index.html'), html);
  writeFileSync(join(served, 'bench-lean', 'index.html.br'), brotli(Buffer.from(html)));
}
// An article published as JSON after the build: no prerendered page, the app renders it.
{
  const json = JSON.parse(readFileSync(join(DIST, 'articles', `${ARTICLE}.json`), 'utf8'));
  const text = JSON.stringify({ ...json, id: 'bench-unbuilt' });
  writeFileSync(join(served, 'articles', 'bench-unbuilt.json'), text);
  writeFileSync(join(served, 'articles', 'bench-unbuilt.json.br'), brotli(Buffer.from(text)));
}
// A partner page with one embed (served by the reader here; the frame is the reader's).
{
  const partner = `<!DOCTYPE html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Partner</title><h1>Partner news</h1><div data-article-embed="${ARTICLE}"></div><script src="/embed.js" async></script></html>`;
  writeFileSync(join(served, 'bench-partner.html'), partner);
}

const PAGES = [
  { name: 'bundled article `/articles/{id}`, prerendered', path: `/articles/${ARTICLE}`, waitFor: '.article-body' },
  { name: 'the same article via `/read?src=…json`', path: `/read?src=${encodeURIComponent(`/articles/${ARTICLE}.json`)}`, waitFor: '.article-body' },
  { name: 'an article added as JSON without a rebuild', path: '/articles/bench-unbuilt', waitFor: '.article-body' },
  { name: 'the front page `/`, prerendered', path: '/', waitFor: '.article-list' },
  { name: '`/embed/{id}` opened directly, prerendered', path: `/embed/${ARTICLE}`, waitFor: '.embed h1' },
  { name: '`/embed/{id}` in a partner page (page, embed.js, frame), prerendered', path: '/bench-partner.html', waitFor: '.embed h1', frame: 'iframe' },
  // The search page with the query in its address: prerendered, its island brings the search
  // (Pagefind's files counted with the code: its script and wasm); until the first result.
  { name: 'the search page `/search?q=harbor`, until its first result', path: '/search?q=harbor', waitFor: '.search-result', search: true },
];
const STATIC = { name: 'the prerendered article without its scripts (baseline)', path: '/bench-static/', waitFor: '.article-body', app: false };
const LEAN = { name: 'a lean single-file page of the article (baseline)', path: '/bench-lean/', waitFor: '.article-body', app: false };
const results = new Map([STATIC, LEAN, ...PAGES].map((p) => [p.name, []]));
for (let i = 0; i < RUNS; i++) {
  // Interleaved with the baselines, so all see the same machine conditions.
  for (const p of PAGES) {
    results.get(STATIC.name).push(await coldLoad(STATIC));
    results.get(LEAN.name).push(await coldLoad(LEAN));
    results.get(p.name).push(await coldLoad(p));
  }
}

// A lazily loaded control's first click, on the throttled profile: from the click on a live
// cold page until the control has answered (its chunk fetched): the settings panel open, Save's
// button pressed (which also downloads the article's pictures into the saved copy).
const CONTROLS = [
  { name: 'the settings panel (“Aa”)', click: '.settings-toggle', answered: () => !!document.querySelector('#reader-settings:not([hidden])') },
  { name: 'Save (its chunk, then storing the article and its pictures)', click: 'button.save-toggle',
    answered: () => document.querySelector('.save-toggle')?.getAttribute('aria-pressed') === 'true' },
];
const firstClicks = new Map(CONTROLS.map((c) => [c.name, []]));
for (let i = 0; i < RUNS; i++) {
  for (const c of CONTROLS) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await throttled(context, page);
    await page.goto(`${server.url}/articles/${ARTICLE}`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => !Number.isNaN(window.__perf.live), null, { timeout: 120_000 });
    const start = await page.evaluate(() => performance.now());
    await page.locator(c.click).click();
    await page.waitForFunction(c.answered, null, { timeout: 120_000, polling: 10 });
    firstClicks.get(c.name).push((await page.evaluate(() => performance.now())) - start);
    await context.close();
  }
}

// Warm: service worker installed, network off.
const warm = [];
{
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/articles/${ARTICLE}`);
  await page.waitForSelector('.article-body');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await page.reload();
  await page.waitForSelector('.article-body');
  await context.setOffline(true);
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await page.waitForSelector('.article-body h2, .article-body p');
    warm.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return performance.now() - (nav?.startTime ?? 0);
    }));
  }
  await context.close();
}

// Long article: time from the moment the app has the JSON (the app's User Timing mark
// `reader:article-received`, set before parsing) to the first frame with all 2,000 blocks in the
// document. The JSON is preloaded in parallel with the wasm, so it usually arrives from the
// network before the app can use it; the time from its network arrival, which then includes the
// app's start-up, is printed too. Not throttled.
const longRuns = [];
const longFromNetwork = [];
let memory = {};
for (let i = 0; i < Math.min(RUNS, 3); i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
    // Measured at the frame after the one that first has all blocks, so that frame's style,
    // layout and paint are included. performance.now(), not the callback's argument: that is the
    // frame's start, which can precede a long task that ran before the callback.
    const frame = () => {
      if (document.querySelectorAll('.article-body > *').length >= 2000) {
        requestAnimationFrame(() => { window.__longRendered = performance.now(); });
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.goto(`${server.url}/articles/bench-long`);
  await page.waitForFunction(() => window.__longRendered !== undefined, null, { timeout: 60_000 });
  const t = await page.evaluate(() => ({
    rendered: window.__longRendered,
    received: performance.getEntriesByName('reader:article-received')[0]?.startTime ?? NaN,
    arrived: performance.getEntriesByType('resource')
      .find((e) => e.name.endsWith('/articles/bench-long.json'))?.responseEnd ?? NaN,
  }));
  longRuns.push(t.rendered - t.received);
  longFromNetwork.push(t.rendered - t.arrived);
  memory = await page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? NaN,
    wasm: window.__wasm?.memory?.buffer?.byteLength ?? NaN,
  }));
  await context.close();
}

await browser.close();

// Lighthouse 12.8.2, mobile: the prerendered article, the front page, the embed demo page, the
// embed itself, the search page with a query, /read?src= and an article added without a rebuild.
const lighthouse = [];
if (process.argv.includes('--lighthouse')) {
  for (const [name, path] of [['article', `/articles/${ARTICLE}`], ['front page', '/'], ['embed demo', '/embed-demo.html'],
    ['embed', `/embed/${ARTICLE}`], ['search', '/search?q=harbor'],
    ['read', `/read?src=${encodeURIComponent(`/articles/${ARTICLE}.json`)}`], ['unbuilt article', '/articles/bench-unbuilt']]) {
    for (const method of ['simulate', 'devtools']) {
      const out = join(served, `lighthouse-${method}.json`);
      // Asynchronously: this process also serves the pages Lighthouse loads.
      await promisify(execFile)('npx', ['--yes', 'lighthouse@12.8.2', `${server.url}${path}`,
        '--only-categories=performance,accessibility,best-practices,seo', `--throttling-method=${method}`,
        '--output=json', `--output-path=${out}`, '--quiet',
        `--chrome-flags=--headless=new ${CHROMIUM.args.join(' ')}`],
      { env: { ...process.env, CHROME_PATH: CHROMIUM.executablePath }, maxBuffer: 64 * 1024 * 1024 });
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const score = (k) => Math.round(report.categories[k].score * 100);
      lighthouse.push(`Lighthouse 12.8.2 mobile, ${name} (${method} throttling): performance ${score('performance')}, `
        + `accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}; `
        + `LCP ${report.audits['largest-contentful-paint'].displayValue}, CLS ${report.audits['cumulative-layout-shift'].displayValue}, `
        + `TBT ${report.audits['total-blocking-time'].displayValue}`);
    }
  }
}
await server.close();
rmSync(served, { recursive: true, force: true });

// ---------- report ----------
const row = (cells) => `| ${cells.join(' | ')} |`;
const met = (ok) => (ok ? 'met' : '**not met**');
const lines = [];
lines.push(`Benchmark ${new Date().toISOString().slice(0, 10)}, ${RUNS} runs, medians`);
lines.push('');
lines.push(row(['file', 'raw', 'gzip', 'brotli']));
lines.push(row(['---', '---:', '---:', '---:']));
for (const s of sizes) lines.push(row([s.file, kb(s.raw), kb(s.gzip), kb(s.brotli)]));
lines.push(row(['**the app\'s main module, wasm + JS (route chunks apart)**', '', '', `**${kb(appBrotli)}**`]));
for (const c of appChunks) lines.push(`the app's chunk ${c.file}: ${kb(c.brotli)}`);
for (const page of ISLANDS_PAGES) lines.push(row([`**the ${page} page's islands, wasm + JS (chunks apart)**`, '', '', `**${kb(islandsBrotli[page])}**`]));
lines.push(`the app: size target ${kb(TARGET_BROTLI)}: ${met(appBrotli <= TARGET_BROTLI)} (${appBrotli <= TARGET_BROTLI ? 'under' : 'over'} by ${kb(Math.abs(appBrotli - TARGET_BROTLI))}); stretch ${kb(STRETCH_BROTLI)}: ${met(appBrotli <= STRETCH_BROTLI)}`);
for (const c of chunks) {
  lines.push(`the islands' chunk ${c.file}: ${kb(c.brotli)}, target ${kb(CHUNK_TARGET)}: ${met(c.brotli <= CHUNK_TARGET)}`);
}
for (const page of ISLANDS_PAGES) {
  const size = islandsBrotli[page];
  lines.push(`the ${page} page's islands: target ${kb(ISLANDS_TARGET)}: ${met(size <= ISLANDS_TARGET)} (${size <= ISLANDS_TARGET ? 'under' : 'over'} by ${kb(Math.abs(size - ISLANDS_TARGET))}); stretch ${kb(ISLANDS_STRETCH)}: ${met(size <= ISLANDS_STRETCH)}`);
}
// No single wasm file over 150 KB.
for (const s of sizes.filter((s) => s.file.endsWith('.wasm'))) {
  if (s.brotli > 150 * 1024) lines.push(`${s.file}: ${kb(s.brotli)}: over the 150 KB a wasm file should stay under, by ${kb(s.brotli - 150 * 1024)}`);
}
lines.push('');
const m = (xs, k) => median(xs.map((x) => x[k]));
const base = results.get(STATIC.name);
const baseLcp = m(base, 'lcp');
const leanLcp = m(results.get(LEAN.name), 'lcp');
lines.push(row(['cold load (412 px, 4x CPU, 150 ms, 1.6 Mbps)', 'FCP', 'LCP', 'LCP / no-script', 'LCP / lean', 'CLS', 'live', 'blocking', 'code', 'LCP element']));
lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
for (const p of [STATIC, LEAN, ...PAGES]) {
  const r = results.get(p.name);
  lines.push(row([p.name, ms(m(r, 'fcp')), ms(m(r, 'lcp')), `${(m(r, 'lcp') / baseLcp).toFixed(2)}x`, `${(m(r, 'lcp') / leanLcp).toFixed(2)}x`,
    Math.max(...r.map((x) => x.cls)).toFixed(3), p.app === false ? '—' : ms(m(r, 'live')),
    p.app === false ? '—' : ms(m(r, 'blocking')), p.app === false ? '—' : kb(m(r, 'code')),
    [...new Set(r.map((x) => x.lcpElement))].join(', ')]));
}
lines.push('(live: the page\'s code has started: the app took over, or the islands hydrated. blocking: long tasks past 50 ms until then, summed. code: scripts and wasm downloaded, brotli.)');
lines.push('(CLS: the largest of the runs.)');
const ratio = (name) => m(results.get(name), 'lcp') / baseLcp;
const prerendered = PAGES.filter((p) => p.name.includes('prerendered'));
lines.push(`target: prerendered pages' LCP at most 1.2x the page without scripts: ${met(prerendered.every((p) => ratio(p.name) <= 1.2))}`
  + ` (${prerendered.map((p) => `${ratio(p.name).toFixed(2)}x`).join(', ')})`);
const leanRatio = (name) => m(results.get(name), 'lcp') / leanLcp;
lines.push(`target: prerendered pages' LCP at most 1.2x the lean page: ${met(prerendered.every((p) => leanRatio(p.name) <= 1.2))}`
  + ` (${prerendered.map((p) => `${leanRatio(p.name).toFixed(2)}x`).join(', ')})`);
lines.push(`target: code downloaded on a cold visit to a prerendered page at most ${kb(ISLANDS_TARGET)}: `
  + `${met(prerendered.every((p) => m(results.get(p.name), 'code') <= ISLANDS_TARGET))}`
  + ` (${prerendered.map((p) => kb(m(results.get(p.name), 'code'))).join(', ')})`);
lines.push(`target: main-thread blocking at most 50 ms on prerendered pages: ${met(prerendered.every((p) => m(results.get(p.name), 'blocking') <= 50))}`
  + ` (${prerendered.map((p) => ms(m(results.get(p.name), 'blocking'))).join(', ')})`);
lines.push(`target: controls live at most 1.0 s after LCP on prerendered pages: ${met(prerendered.every((p) => m(results.get(p.name), 'live') - m(results.get(p.name), 'lcp') <= 1000))}`
  + ` (${prerendered.map((p) => ms(m(results.get(p.name), 'live') - m(results.get(p.name), 'lcp'))).join(', ')})`);
lines.push(`target: client-rendered articles' LCP at most 3x: ${met(ratio(PAGES[1].name) <= 3 && ratio(PAGES[2].name) <= 3)}`
  + ` (${ratio(PAGES[1].name).toFixed(2)}x, ${ratio(PAGES[2].name).toFixed(2)}x)`);
lines.push(`target: client-rendered articles' LCP at most 3x the lean page: ${met(leanRatio(PAGES[1].name) <= 3 && leanRatio(PAGES[2].name) <= 3)}`
  + ` (${leanRatio(PAGES[1].name).toFixed(2)}x, ${leanRatio(PAGES[2].name).toFixed(2)}x)`);
for (const p of PAGES.filter((q) => q.search)) {
  const r = results.get(p.name);
  const own = m(r, 'code');
  lines.push(`target: the search page's code before its first result at most ${kb(ISLANDS_TARGET)} besides Pagefind's: ${met(own <= ISLANDS_TARGET)}`
    + ` (${kb(own)}, and Pagefind's ${kb(m(r, 'pagefind'))}; first result on screen ${ms(m(r, 'shown'))} after navigation)`);
}
const live = m(results.get(PAGES[0].name), 'live');
lines.push(`target: app live within 1.5 s on the prerendered article: ${met(live <= 1500)} (${ms(live)})`);
for (const c of CONTROLS) {
  const t = median(firstClicks.get(c.name));
  lines.push(`target: a lazily loaded control answers its first click within 1.0 s (throttled): ${c.name}: ${met(t <= 1000)} (${ms(t)})`);
}
const anyShift = [...results.values()].flat().some((x) => x.cls > 0);
lines.push(`target: CLS 0 everywhere: ${met(!anyShift)}`);
lines.push('');
lines.push(`warm load (service worker, offline), article visible: ${ms(median(warm))}`);
lines.push(`2,000-block article, render after the app has its JSON: ${ms(median(longRuns))}`
  + ` (target < 150 ms: ${met(median(longRuns) < 150)}; after its network arrival, app start-up included: ${ms(median(longFromNetwork))})`);
lines.push(`memory after it: JS heap ${kb(memory.heap)}, wasm memory ${kb(memory.wasm)}`);
lines.push(...lighthouse);
console.log(lines.join('\n'));
