#!/usr/bin/env node
// The speed benchmark: prints one table of figures, asserts only the size budget.
//   node scripts/bench.mjs [--runs N] [--lighthouse]
//   (build first: scripts/build.sh; scripts/bench.sh does both)
//
// - Bundle sizes: raw, gzip and brotli of every .wasm/.js/.css the app loads.
// - Cold load, throttled like a cheap phone on a slow network (4x CPU, 150 ms RTT, 1.6 Mbps down,
//   750 Kbps up, no cache, no service worker), brotli served: FCP, LCP and CLS medians for the
//   reader's article page and, side by side in the same run, for a static HTML page of the same
//   article (the reader's own rendering saved as plain HTML with the same CSS, no script). The
//   reader's page is the prerendered one the build writes, which the app then takes over. Also
//   when the app is interactive (the editorial card's toggle works).
// - Warm load: the article again with the service worker installed and the network off.
// - A 2,000-block article: render time after its JSON arrives, JS heap and wasm memory.
// - With --lighthouse: Lighthouse 12 (mobile) on the article page, run with `npx` (pinned, from
//   the npm registry; not a project dependency), with simulated and with DevTools throttling.
// Exits 1 when wasm + JS glue exceed the size budget (brotli); timings are reported, not judged.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const BUDGET_BROTLI = 50 * 1024;
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
  .filter((f) => /\.(wasm|js|css)$/.test(f) && !['sw.js', 'embed.js'].includes(f))
  .map((f) => {
    const body = readFileSync(join(DIST, f));
    return {
      file: f,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
const appBrotli = sizes.filter((s) => /\.(wasm|js)$/.test(s.file)).reduce((a, s) => a + s.brotli, 0);

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

// The same figures for every page: FCP, LCP, CLS, from the browser's own entries.
const OBSERVE = () => {
  window.__perf = { lcp: 0, cls: 0, interactive: NaN };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.__perf.lcp = e.startTime; window.__perf.lcpElement = e.element ? `${e.element.tagName}.${e.element.className}` : e.url; } })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  const poll = () => {
    const button = document.querySelector('button.editorial-toggle');
    if (button) {
      button.click();
      if (button.getAttribute('aria-expanded') === 'true') {
        window.__perf.interactive = performance.now();
        button.click();
        return;
      }
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

async function coldLoad(path, waitFor) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await throttled(context, page);
  await page.goto(server.url + path, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector(waitFor, { timeout: 120_000 });
  // The app's page: until it is interactive (the static baseline has no app to wait for).
  if (!path.startsWith('/bench-static')) {
    await page.waitForFunction(() => !Number.isNaN(window.__perf.interactive), null, { timeout: 60_000 });
  }
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__perf.lcp,
    cls: window.__perf.cls,
    interactive: window.__perf.interactive,
    lcpElement: window.__perf.lcpElement,
  }));
  await context.close();
  return result;
}

// The static baseline: the reader's rendering of the article, saved as HTML without scripts.
{
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/articles/${ARTICLE}`);
  await page.waitForSelector('.article-body');
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    for (const s of doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]')) s.remove();
    return `<!DOCTYPE html>${doc.outerHTML}`;
  });
  mkdirSync(join(served, 'bench-static'), { recursive: true });
  writeFileSync(join(served, 'bench-static', 'index.html'), html);
  writeFileSync(join(served, 'bench-static', 'index.html.br'), brotli(Buffer.from(html)));
  await context.close();
}

const reader = [];
const baseline = [];
for (let i = 0; i < RUNS; i++) {
  // Alternate so both see the same machine conditions.
  reader.push(await coldLoad(`/articles/${ARTICLE}`, '.article-body'));
  baseline.push(await coldLoad('/bench-static/', '.article-body'));
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

// Lighthouse 12, mobile, on the article page.
const lighthouse = [];
if (process.argv.includes('--lighthouse')) {
  for (const method of ['simulate', 'devtools']) {
    const out = join(served, `lighthouse-${method}.json`);
    // Asynchronously: this process also serves the pages Lighthouse loads.
    await promisify(execFile)('npx', ['--yes', 'lighthouse@12.2.3', `${server.url}/articles/${ARTICLE}`,
      '--only-categories=performance,accessibility,best-practices,seo', `--throttling-method=${method}`,
      '--output=json', `--output-path=${out}`, '--quiet',
      `--chrome-flags=--headless=new ${CHROMIUM.args.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: CHROMIUM.executablePath }, maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const score = (k) => Math.round(report.categories[k].score * 100);
    lighthouse.push(`Lighthouse 12 mobile (${method} throttling): performance ${score('performance')}, `
      + `accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}; `
      + `LCP ${report.audits['largest-contentful-paint'].displayValue}, CLS ${report.audits['cumulative-layout-shift'].displayValue}, `
      + `TBT ${report.audits['total-blocking-time'].displayValue}`);
  }
}
await server.close();
rmSync(served, { recursive: true, force: true });

// ---------- report ----------
const row = (cells) => `| ${cells.join(' | ')} |`;
const lines = [];
lines.push(`Benchmark ${new Date().toISOString().slice(0, 10)}, ${RUNS} runs, medians`);
lines.push('');
lines.push(row(['file', 'raw', 'gzip', 'brotli']));
lines.push(row(['---', '---:', '---:', '---:']));
for (const s of sizes) lines.push(row([s.file, kb(s.raw), kb(s.gzip), kb(s.brotli)]));
lines.push(row(['**wasm + JS**', '', '', `**${kb(appBrotli)}** (budget ${kb(BUDGET_BROTLI)})`]));
lines.push('');
const m = (xs, k) => median(xs.map((x) => x[k]));
lines.push(row(['cold load (4x CPU, 150 ms, 1.6 Mbps)', 'FCP', 'LCP', 'CLS', 'interactive']));
lines.push(row(['---', '---:', '---:', '---:', '---:']));
lines.push(row(['static HTML page', ms(m(baseline, 'fcp')), ms(m(baseline, 'lcp')), m(baseline, 'cls').toFixed(3), '—']));
lines.push(row(['reader (prerendered page + app)', ms(m(reader, 'fcp')), ms(m(reader, 'lcp')), m(reader, 'cls').toFixed(3), ms(m(reader, 'interactive'))]));
lines.push(`LCP element: reader ${[...new Set(reader.map((r) => r.lcpElement))].join(', ')}; static ${[...new Set(baseline.map((r) => r.lcpElement))].join(', ')}`);
lines.push(row(['reader / static', `${(m(reader, 'fcp') / m(baseline, 'fcp')).toFixed(2)}x`, `${(m(reader, 'lcp') / m(baseline, 'lcp')).toFixed(2)}x`, '', '']));
lines.push('');
lines.push(`warm load (service worker, offline), article visible: ${ms(median(warm))}`);
lines.push(`2,000-block article, render after the app has its JSON: ${ms(median(longRuns))}`
  + ` (after its network arrival, app start-up included: ${ms(median(longFromNetwork))})`);
lines.push(`memory after it: JS heap ${kb(memory.heap)}, wasm memory ${kb(memory.wasm)}`);
lines.push(...lighthouse);
console.log(lines.join('\n'));

if (appBrotli > BUDGET_BROTLI) {
  console.error(`\nSize budget exceeded: wasm + JS are ${kb(appBrotli)} brotli, the budget is ${kb(BUDGET_BROTLI)}.`);
  process.exit(1);
}
