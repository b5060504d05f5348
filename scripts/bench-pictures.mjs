// The pictures' benchmark, on a real camera original (scripts/photos.sh: 6.7 MB, 5,512 × 3,675).
//   node scripts/bench-pictures.mjs [ARTICLES]   (default 2,000; run after scripts/build.sh)
// 1. Publishing one article with a new camera original into ARTICLES articles (encoding
//    included), then the same archive again (nothing may be made), on this machine's cores.
// 2. A front page of 50 articles, each with its own camera original, and the article page,
//    throttled as a phone (412 px at 1.75, 4× CPU, 150 ms, 1.6 Mbps), side by side with a lean
//    page of the same picture sized for the phone: pictures downloaded, LCP.
// Prints each figure with its target and verdict; exits 1 if a target is missed.
import { cpSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { freshCodeBuild } from './code-build.mjs';
import { publishBinary } from './publish-binary.mjs';
import { nativeEnv } from './native-env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const count = Number(process.argv[2] ?? 2000);
const TARGETS = { publishS: 5, heroKb: 80, frontKb: 200, lcpRatio: 1.2 };
const photo = join(execFileSync(join(root, 'scripts/photos.sh'), { encoding: 'utf8' }).trim(), 'metal.jpeg');
const base = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')).scope ?? '/';
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const work = mkdtempSync(join(tmpdir(), 'reader-bench-pictures-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const lines = [];
let missed = 0;
const report = (line, ok) => {
  lines.push(`${line}: ${verdict(ok)}`);
  if (!ok) missed += 1;
  console.log(lines.at(-1));
};


function publish(archive, out) {
  const started = process.hrtime.bigint();
  const run = spawnSync(publishBinary(), ['--archive', archive, '--out', out, '--timings'],
    { env: nativeEnv(), stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`publish failed: ${run.stderr}`);
  const said = run.stdout.toString();
  const timings = /timings: (.*)/.exec(run.stderr.toString() + said)?.[1] ?? '';
  return { seconds, timings, written: Number(/publish: (\d+) written/.exec(said)?.[1]) };
}

const seed = JSON.parse(readFileSync(join(root, 'public/articles/rain-gauge-volunteers.json'), 'utf8'));
function article(id, i, image) {
  const published = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString().replace('.000Z', 'Z');
  return { ...seed, id, headline: `Report ${i}: ${seed.headline}`, published, updated: undefined, related: [], image };
}

// 1. One new camera original into `count` articles.
const archive = join(work, 'archive');
const out = join(work, 'out');
cpSync(join(root, 'public/articles'), archive, { recursive: true });
for (let i = 0; i < count; i += 1) writeFileSync(join(archive, `report-${i}.json`), JSON.stringify(article(`report-${i}`, i)));
freshCodeBuild(dist, out);
publish(archive, out);
copyFileSync(photo, join(archive, 'img/camera-original.jpg'));
writeFileSync(join(archive, 'with-a-photo.json'), JSON.stringify(article('with-a-photo', count + 10,
  { src: 'img/camera-original.jpg', alt: 'Brushed metal, close up' })));
const first = publish(archive, out);
report(`publish one article with a new camera original into ${count}: ${first.seconds.toFixed(2)} s, ${first.written} files written (${first.timings}) (target ≤ ${TARGETS.publishS} s)`, first.seconds <= TARGETS.publishS);
const again = publish(archive, out);
const pictureStep = /pictures ([\d.]+) s/.exec(again.timings)?.[1];
report(`publish it again, the picture unchanged: ${again.seconds.toFixed(2)} s, ${again.written} files written, pictures step ${pictureStep} s (target: nothing made)`, again.written === 0);

// 2. Fifty photographs on a front page, throttled, against a lean page.
const front = join(work, 'front');
const frontArchive = join(work, 'front-archive');
cpSync(join(root, 'public/articles'), frontArchive, { recursive: true });
for (const f of readdirSync(frontArchive).filter((f) => f.endsWith('.json'))) rmSync(join(frontArchive, f));
for (let i = 0; i < 50; i += 1) {
  // Fifty files under fifty names: the same bytes, but fifty addresses a browser loads apart.
  copyFileSync(photo, join(frontArchive, `img/photo-${i}.jpg`));
  writeFileSync(join(frontArchive, `photo-story-${i}.json`), JSON.stringify(article(`photo-story-${i}`, i,
    { src: `img/photo-${i}.jpg`, alt: `Photograph ${i}` })));
}
freshCodeBuild(dist, front);
const made = publish(frontArchive, front);
console.log(`(50 camera originals made in ${made.seconds.toFixed(1)} s)`);
const manifest = JSON.parse(readFileSync(join(front, '.publish/manifest.json'), 'utf8'));
const phoneFile = manifest.pictures['img/photo-49.jpg'].outcome.variants.find((v) => v.width === 828 && v.type === 'image/webp').path;
writeFileSync(join(front, 'lean.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Lean</title><h1>${article('x', 49).headline}</h1><img src="articles/${phoneFile}" width="380" height="253" alt="Photograph 49" fetchpriority="high"></html>`);

const server = await startServer({ root: front, base });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
async function load(path) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  await context.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.url}${base}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const figures = await page.evaluate(() => ({
    lcp: window.__lcp,
    pictures: performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'img')
      .reduce((sum, e) => sum + e.encodedBodySize, 0),
    hero: performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'img')
      .map((e) => ({ url: new URL(e.name).pathname, bytes: e.encodedBodySize })),
  }));
  await context.close();
  return figures;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = async (path) => {
  const all = [];
  for (let i = 0; i < 3; i += 1) all.push(await load(path));
  return { lcp: median(all.map((f) => f.lcp)), pictures: median(all.map((f) => f.pictures)), hero: all[0].hero };
};
const lean = await runs('lean.html');
const frontPage = await runs('');
const articlePage = await runs('articles/photo-story-49/');
await browser.close();
await server.close();
const heroBytes = articlePage.hero.filter((h) => h.url.includes('/sized/photo-49-')).reduce((s, h) => s + h.bytes, 0);
report(`the article's camera-original hero on a 412-px phone at 1.75: ${(heroBytes / 1000).toFixed(1)} KB (${articlePage.hero.map((h) => h.url.split('/').pop()).join(', ')}) (target ≤ ${TARGETS.heroKb} KB)`, heroBytes > 0 && heroBytes <= TARGETS.heroKb * 1000);
report(`front page of 50 articles, each with a photograph: ${(frontPage.pictures / 1000).toFixed(1)} KB of pictures on loading (target ≤ ${TARGETS.frontKb} KB)`, frontPage.pictures <= TARGETS.frontKb * 1000);
report(`front page LCP ${frontPage.lcp.toFixed(0)} ms against the lean page's ${lean.lcp.toFixed(0)} ms: ${(frontPage.lcp / lean.lcp).toFixed(2)}× (target ≤ ${TARGETS.lcpRatio}×)`, frontPage.lcp <= lean.lcp * TARGETS.lcpRatio);
report(`article page LCP ${articlePage.lcp.toFixed(0)} ms against the lean page's ${lean.lcp.toFixed(0)} ms: ${(articlePage.lcp / lean.lcp).toFixed(2)}× (target ≤ ${TARGETS.lcpRatio}×)`, articlePage.lcp <= lean.lcp * TARGETS.lcpRatio);
console.log(`\npictures bench, ${new Date().toISOString().slice(0, 10)}:\n${lines.map((l) => `- ${l}`).join('\n')}`);
process.exit(missed ? 1 : 0);
