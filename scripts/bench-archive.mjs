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
  t.headers = timed('security policy (every page)', () => node('build-headers.mjs', dir));
  t.sw = timed('service worker precache list', () => node('build-sw.mjs', dir));
  t.compress = timed('brotli and gzip copies', () => node('build-compress.mjs', dir));
  const total = Object.values(t).reduce((a, b) => a + b, 0);
  const changed = join(dir, 'articles', `${ids[0]}.json`);
  writeFileSync(changed, readFileSync(changed, 'utf8').replace('Archive story 1:', 'Archive story 1 (corrected):'));
  let said = '';
  const again = timed('prerender again, one article changed', () => { said = prerender(dir); });
  console.log(`  ${said}`);
  const size = du(dir);
  const lcp = await frontPageLcp(browser, dir);
  console.log(`  article steps in all: ${total.toFixed(1)} s (${(total / n * 1000).toFixed(1)} ms per article); dist ${size.toFixed(0)} MB; front page LCP ${lcp.toFixed(0)} ms (${(lcp / baseline).toFixed(2)}x the demo's)`);
  rows.push({ n, ...t, total, again, size, lcp });
  rmSync(work, { recursive: true, force: true });
}
await browser.close();
if (rows.length > 1) {
  const [a, b] = [rows[0], rows[rows.length - 1]];
  console.log(`per article: ${(a.total / a.n * 1000).toFixed(1)} ms at ${a.n}, ${(b.total / b.n * 1000).toFixed(1)} ms at ${b.n} (linear if about equal)`);
}
