#!/usr/bin/env node
// The archive benchmark: publishing at a newsroom's scale. For each size N it generates an
// archive of N articles of varied text (a seeded generator: words drawn from a vocabulary of
// thousands by a Zipf law, as real text is, 500 to 1,500 words per article, a headline, dek and
// takeaways, a picture of one of 40 shapes, eight sections, and three languages: English,
// French and Chinese, whose words have no spaces between them), spread over the days before
// 2026-12-01 at about 50 articles a day. Never copies of one article: they would make search
// and compression look better or worse than they are. Then, on a copy of the built dist/
// (scripts/build.sh first) without its published files:
// - the first full publish of the archive (time, and time per article);
// - one new article published into it: time, files written (each listed), and the files that
//   changed on disk (checked against the report);
// - what one article costs on disk, and the policy's size against the demo build's;
// - a first search on the largest archive, throttled like a cheap phone on a slow network (4×
//   CPU, 1.6 Mbps, 150 ms RTT), served over HTTP/2 as CDNs and static hosts serve (then over
//   HTTP/1.1 for comparison): what it downloads of the index, the time from the last keystroke
//   to the results on screen and what was requested after that keystroke; and the front page's
//   largest paint.
// - for archives of at most READER_BENCH_DEPLOY_MAX articles (default 10,000; a bucket holds
//   another copy of the output, about 130 KB per article): the first deploy of the output to a
//   real S3-compatible server on 127.0.0.1 (scripts/s3-server.mjs; objects per second), then
//   the deploy of the one new article (it follows the publish's list of changes): its time and
//   the objects the server wrote, counted on the server's side, and the same deploy with
//   --full (every file compared, the manifest read) for comparison.
// Each target is printed met or missed, with by how much.
//
//   node scripts/bench-archive.mjs [N ...]      (default: 10000 100000; about 200 KB of disk per article)
//   node scripts/bench-archive.mjs --generate DIR N   (only writes the archive, to profile by hand)
//   READER_BENCH_KEEP=1 keeps the largest archive and its output (their folder is printed).
//
// Figures vary with the machine: compare within one run.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { freshCodeBuild } from './code-build.mjs';
import { nativeEnv } from './native-env.mjs';
import { deployBinary, publishBinary } from './publish-binary.mjs';
import { serverChanges, startS3 } from './s3-server.mjs';
import { seeded } from './seeded.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// The code build to publish into (READER_DIST: another one, as the browser tests take it).
const dist = process.env.READER_DIST ?? join(root, 'dist');
const sizes = process.argv[2] === '--generate' ? [] : process.argv.slice(2).map(Number).filter((n) => n > 0);
if (!sizes.length) sizes.push(10000, 100000);
const base = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')).scope ?? '/';
const TARGETS = { publishOneS: 10, scaleRatio: 1.3, files: 40, searchKb: 400, searchMs: 1000, deployObjects: 60, deployOneS: 1 };
const DEPLOY_MAX = Number(process.env.READER_BENCH_DEPLOY_MAX ?? 10000);

// A seeded generator: the same archive every run.
const rand = seeded(20261202);
const pick = (list) => list[Math.floor(rand() * list.length)];
/** A Zipf draw over `n` ranks (s = 1.07, as word frequencies are). */
function zipf(n) {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** 1.07);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return () => {
    const x = rand();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
// Vocabularies: words built from each language's syllables, and Chinese words of one to three
// characters from 2,500 common ideographs.
const SYLLABLES = {
  en: 'ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go ha he hi ho la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi wa we wi ya yo ar er in on st th ch sh ng nd'.split(' '),
  fr: 'ba be bé bi bo bu ca ce cé co da de dé di do du fa fe fi fo ga ge go la le lé li lo lu ma me mé mi mo mu na ne né ni no pa pe pé pi po ra re ré ri ro sa se sé si so ta te té ti to va ve vé vi ou eu ai au en on an in'.split(' '),
};
function vocabulary(language, size) {
  const words = new Set();
  while (words.size < size) {
    if (language === 'zh') {
      const n = 1 + Math.floor(rand() * 3);
      words.add(Array.from({ length: n }, () => String.fromCodePoint(0x4e00 + Math.floor(rand() * 2500))).join(''));
    } else {
      const n = 1 + Math.floor(rand() * 3.2);
      words.add(Array.from({ length: n }, () => pick(SYLLABLES[language])).join(''));
    }
  }
  return [...words];
}
const LANGUAGES = [
  { tag: 'en', share: 0.5, words: vocabulary('en', 20000), draw: zipf(20000), space: ' ', stop: '.' },
  { tag: 'fr', share: 0.3, words: vocabulary('fr', 20000), draw: zipf(20000), space: ' ', stop: '.' },
  { tag: 'zh-CN', share: 0.2, words: vocabulary('zh', 15000), draw: zipf(15000), space: '', stop: '。' },
];
const SECTIONS = ['Local', 'Politics', 'Business', 'Science', 'Culture', 'Sport', 'Health', 'Long Read'];
const SHAPES = Array.from({ length: 40 }, (_, i) => [1200, 400 + i * 17]);

function sentence(lang, words) {
  const text = Array.from({ length: words }, () => lang.words[lang.draw()]).join(lang.space);
  return text.charAt(0).toUpperCase() + text.slice(1) + lang.stop;
}
function paragraph(lang, words) {
  const out = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(rand() * 18));
    out.push(sentence(lang, n));
    left -= n;
  }
  return out.join(lang.space || '');
}
/** Article `i` of an archive whose newest is published `at` (ms), about 50 a day before it. */
function article(i, n, at) {
  const r = rand();
  const lang = r < LANGUAGES[0].share ? LANGUAGES[0] : r < LANGUAGES[0].share + LANGUAGES[1].share ? LANGUAGES[1] : LANGUAGES[2];
  const total = 500 + Math.floor(rand() * 1001);
  const body = [];
  let left = total;
  while (left > 0) {
    const w = Math.min(left, 40 + Math.floor(rand() * 80));
    body.push({ type: 'paragraph', text: paragraph(lang, w) });
    left -= w;
    if (rand() < 0.08) body.push({ type: 'heading', level: 2, text: sentence(lang, 5).slice(0, -1) });
  }
  const [width, height] = pick(SHAPES);
  const published = new Date(at - Math.round(((n - 1 - i) * 86400000) / 50) - Math.floor(rand() * 600000));
  return {
    format: '1.1',
    id: `a${String(i).padStart(7, '0')}`,
    headline: sentence(lang, 6 + Math.floor(rand() * 7)).slice(0, -1),
    dek: sentence(lang, 18 + Math.floor(rand() * 15)),
    language: lang.tag,
    section: pick(SECTIONS),
    published: published.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    authors: [{ name: `Reporter ${1 + Math.floor(rand() * 300)}` }],
    image: { src: `img/shape-${width}x${height}.svg`, alt: sentence(lang, 6), width, height },
    takeaways: [sentence(lang, 14), sentence(lang, 12), sentence(lang, 16)],
    body,
  };
}
const NEWEST = Date.parse('2026-12-01T09:00:00Z');
function generate(dir, n) {
  mkdirSync(join(dir, 'img'), { recursive: true });
  for (const [w, h] of SHAPES) {
    writeFileSync(join(dir, 'img', `shape-${w}x${h}.svg`), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="#567"/></svg>\n`);
  }
  let bytes = 0;
  // A newsroom's archive was written before the publish, not in the seconds before it: the
  // files' times are an hour back. (A file changed within seconds of a publish is read and
  // hashed again by the next one, which does not trust a time the file system may not yet
  // have moved on from; src/publish/archive.rs.)
  const written = new Date(Date.now() - 3600000);
  for (let i = 0; i < n; i += 1) {
    const text = JSON.stringify(article(i, n, NEWEST - 3600000));
    bytes += text.length;
    const file = join(dir, `a${String(i).padStart(7, '0')}.json`);
    writeFileSync(file, text);
    utimesSync(file, written, written);
  }
  for (const [w, h] of SHAPES) utimesSync(join(dir, 'img', `shape-${w}x${h}.svg`), written, written);
  return bytes;
}

// `--generate DIR N`: only writes the archive of N articles into DIR (to profile a publish by hand).
if (process.argv[2] === '--generate') {
  const [dir, n] = [process.argv[3], Number(process.argv[4])];
  const bytes = generate(dir, n);
  console.log(`${n} articles in ${dir} (${(bytes / n / 1024).toFixed(1)} KB of JSON per article)`);
  process.exit(0);
}

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const du = (dir) => Number(execFileSync('du', ['-sk', dir]).toString().split(/\s/)[0]) / 1024;
const verdict = (ok, how) => `${ok ? 'met' : 'MISSED'}${how ? ` (${how})` : ''}`;

/** Every file of an output (not the publish's own folder, not the .br copies) with its size and
 * modification time in nanoseconds. */
function stamps(dir) {
  const found = new Map();
  (function walk(d, rel) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      const key = rel ? `${rel}/${e.name}` : e.name;
      if (key === '.publish' || e.name.endsWith('.br')) continue;
      if (e.isDirectory()) walk(path, key);
      else {
        const st = statSync(path, { bigint: true });
        found.set(key, `${st.size}:${st.mtimeNs}:${st.ino}`);
      }
    }
  })(dir, '');
  return found;
}

/** Fails unless the files that changed on disk are exactly those the publish reported. */
function checkReport(before, after, written, removed) {
  const changed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k).sort();
  const gone = [...before.keys()].filter((k) => !after.has(k)).sort();
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(changed, [...written].sort()) || !same(gone, [...removed].sort())) {
    throw new Error(`the publish's report differs from the disk:\n  changed on disk: ${changed.join(', ')}\n  reported written: ${written.join(', ')}\n  removed on disk: ${gone.join(', ')}\n  reported removed: ${removed.join(', ')}`);
  }
  console.log(`  (checked: the ${changed.length} files that changed on disk and the ${gone.length} removed are those the report lists)`);
}

/** Publishes `archive` into `out`; returns the report (standard output) and its step times. */
function publish(archive, out, extra = [], input = '') {
  const run = spawnSync(publishBinary(), ['--archive', archive, '--out', out, '--now', '2026-12-01T12:00:00Z', '--timings', ...extra],
    { env: nativeEnv(), input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`publish failed (${run.status ?? run.signal}): ${run.stderr}`);
  return { report: run.stdout.toString(), timings: /timings: (.*)/.exec(run.stderr.toString())?.[1] ?? '' };
}

/**
 * A first search on the archive served from `dir`: the search page is open (its own code is the
 * app's, not counted), the reader types `query`; returns the index's bytes downloaded (as sent)
 * and the time from the last keystroke to the results on screen, throttled, and what was
 * requested after that keystroke; then (`older`) what the first "Search older articles" costs for
 * the word `rare`. `http2`: served over HTTP/2, as a CDN or a static host serves (else HTTP/1.1,
 * six connections at a time).
 */
async function firstSearch(browser, dir, query, rare, { http2 = true, older: tryOlder = true } = {}) {
  const server = await startServer({ root: dir, base, http2 });
  const context = await browser.newContext({ serviceWorkers: 'block', ignoreHTTPSErrors: http2 });
  const page = await context.newPage();
  let indexBytes = 0;
  const pending = [];
  // When each of the index's requests started (wall clock), and its bytes.
  const requests = [];
  // Requests of the page and of Pagefind's worker alike.
  context.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname.startsWith(`${base}pagefind/`)) {
      const entry = { at: request.timing().startTime, bytes: 0 };
      requests.push(entry);
      pending.push(request.sizes().then((s) => {
        entry.bytes = s.responseBodySize + s.responseHeadersSize;
        indexBytes += entry.bytes;
      }));
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
  const { key, shown, origin } = await page.evaluate(() => ({ ...window.__search, origin: performance.timeOrigin }));
  await Promise.all(pending);
  const late = requests.filter((r) => r.at >= origin + key);
  const after = { requests: late.length, kb: late.reduce((sum, r) => sum + r.bytes, 0) / 1024 };
  const first = { kb: indexBytes / 1024, ms: shown - key, after };
  if (!tryOlder) {
    await context.close();
    await server.close();
    return first;
  }
  // Then the first "Search older articles", for a rarer word (the button shows once every result
  // of the newest articles is on screen, "More results" first): what it downloads, and the time
  // from the press to its answer.
  let older = null;
  await page.locator('#search-query').fill(rare);
  await page.waitForFunction((q) => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text.includes(`“${q}”`) && !/…$/.test(text);
  }, rare, { timeout: 120_000 });
  for (let i = 0; i < 20 && await page.locator('button.search-more').count(); i += 1) {
    const before = await page.locator('.search-result').count();
    await page.locator('button.search-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before, { timeout: 120_000 });
  }
  if (await page.locator('button.search-older').count()) {
    await Promise.all(pending);
    const [bytes, status] = [indexBytes, await page.locator('#search-status').textContent()];
    const pressed = await page.evaluate(() => performance.now());
    await page.locator('button.search-older').click();
    await page.waitForFunction((s) => document.querySelector('#search-status').textContent !== s, status, { timeout: 120_000 });
    const answered = await page.evaluate(() => performance.now());
    await Promise.all(pending);
    older = { kb: (indexBytes - bytes) / 1024, ms: answered - pressed, status: await page.locator('#search-status').textContent() };
  }
  const status = await page.locator('#search-status').textContent();
  await context.close();
  await server.close();
  return { ...first, older, status };
}

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

const policy = (dir) => readFileSync(join(dir, 'shell.html'), 'utf8').match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? '';
const results = [];
const s3 = sizes.some((n) => n <= DEPLOY_MAX) ? await startS3({ buckets: sizes.filter((n) => n <= DEPLOY_MAX).map((n) => `bench-${n}`) }) : null;
/** Deploys `out` to the size's bucket; returns the seconds taken and the deploy's report. */
function deploy(n, out, extra = []) {
  const start = process.hrtime.bigint();
  const report = execFileSync(deployBinary(), ['--from', out, '--to', `s3://bench-${n}`, ...extra], {
    env: { ...nativeEnv(), ...s3.env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30,
  }).toString();
  return { s: seconds(start), report };
}
for (const n of sizes) {
  const work = mkdtempSync(join(tmpdir(), `reader-archive-${n}-`));
  try {
    const archive = join(work, 'archive');
    const out = join(work, 'dist');
    console.log(`\n${n} articles`);
    let start = process.hrtime.bigint();
    const bytes = generate(archive, n);
    console.log(`  generated in ${seconds(start).toFixed(0)} s (${(bytes / n / 1024).toFixed(1)} KB of JSON per article)`);
    freshCodeBuild(dist, out);
    start = process.hrtime.bigint();
    publish(archive, out);
    const full = seconds(start);
    console.log(`  first full publish: ${full.toFixed(1)} s (${((full * 1000) / n).toFixed(2)} ms per article)`);
    const disk = du(out) - du(dist);
    console.log(`  on disk: ${(disk / 1024).toFixed(2)} GB of published files, ${((disk * 1024) / n).toFixed(0)} KB per article`);
    let firstDeploy = null;
    if (n <= DEPLOY_MAX) {
      const { s, report } = deploy(n, out);
      const objects = Number(/deploy: (\d+) of/.exec(report)[1]);
      firstDeploy = { s, objects };
      console.log(`  first deploy: ${objects} objects in ${s.toFixed(1)} s (${(objects / s).toFixed(0)} objects per second, ${((s * 1000) / n).toFixed(2)} ms per article)`);
    }
    // One new article, the newest.
    const one = article(n, n + 1, NEWEST);
    writeFileSync(join(archive, `${one.id}.json`), JSON.stringify(one));
    const onDisk = stamps(out);
    start = process.hrtime.bigint();
    const { report, timings } = publish(archive, out);
    const once = seconds(start);
    const written = report.split('\n').filter((l) => l.startsWith('wrote   ')).map((l) => l.slice(8));
    const removed = report.split('\n').filter((l) => l.startsWith('removed ')).map((l) => l.slice(8));
    checkReport(onDisk, stamps(out), written, removed);
    console.log(`  one new article: ${once.toFixed(2)} s, ${written.length} files written, ${removed.length} removed:`);
    console.log(`    (its steps: ${timings})`);
    for (const p of written) console.log(`    wrote   ${p}`);
    for (const p of removed) console.log(`    removed ${p}`);
    let deployOne = null;
    if (n <= DEPLOY_MAX) {
      const before = s3.objects(`bench-${n}`);
      const { s, report } = deploy(n, out);
      const server = serverChanges(before, s3.objects(`bench-${n}`));
      deployOne = { s, written: server.written.length + server.removed.length, records: server.written.filter((k) => k.startsWith('.deploy/')).length };
      console.log(`  deploying it: ${s.toFixed(2)} s, ${server.written.length} objects written and ${server.removed.length} removed on the server (${deployOne.records} of them the deploy's record):`);
      for (const k of server.written) console.log(`    wrote   ${k}`);
      for (const k of server.removed) console.log(`    removed ${k}`);
      console.log(`  (the deploy: ${report.trim().split('\n').at(-1)})`);
      // The same state compared as a deploy without the list does (--full): nothing is left to
      // send, so this is what reading the manifest and hashing every key costs.
      const full = deploy(n, out, ['--full']);
      deployOne.full = full.s;
      console.log(`  a deploy with --full after it (every file compared, nothing to send): ${full.s.toFixed(2)} s`);
    }
    // A code release: a template every page shows (a new stylesheet rule, say). Every page
    // and embed is made and written again; the search index, whose records are the same, is kept.
    const shell = join(out, 'shell.html');
    writeFileSync(shell, readFileSync(shell, 'utf8').replace('</head>', '<meta name="x-bench-release" content="1"></head>'));
    start = process.hrtime.bigint();
    const release = publish(archive, out);
    const codeRelease = seconds(start);
    // (The summary line: a run that writes more than 200 files does not list them.)
    const releaseWritten = Number(/publish: (\d+) written/.exec(release.report)?.[1]);
    console.log(`  a code release (a new template): ${codeRelease.toFixed(1)} s (${((codeRelease * 1000) / n).toFixed(2)} ms per article), ${releaseWritten} files written`);
    console.log(`    (its steps: ${release.timings})`);
    // The same code again, with the one article the newsroom names (--changed).
    const two = article(n + 1, n + 2, NEWEST + 60000);
    writeFileSync(join(archive, `${two.id}.json`), JSON.stringify(two));
    start = process.hrtime.bigint();
    const named = publish(archive, out, ['--changed', '-'], `${two.id}\n`);
    const onceNamed = seconds(start);
    console.log(`  one new article named with --changed: ${onceNamed.toFixed(2)} s`);
    console.log(`    (its steps: ${named.timings})`);
    results.push({ n, full, once, onceNamed, codeRelease, files: written.length, out, work, policy: policy(out).length, firstDeploy, deployOne });
    if (n !== sizes[sizes.length - 1]) rmSync(work, { recursive: true, force: true });
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
}

console.log('\nTargets');
const largest = results[results.length - 1];
const smallest = results[0];
console.log(`  one article into ${largest.n}: ${largest.once.toFixed(2)} s ≤ ${TARGETS.publishOneS} s: ${verdict(largest.once <= TARGETS.publishOneS, largest.once > TARGETS.publishOneS ? `by ${(largest.once - TARGETS.publishOneS).toFixed(2)} s` : '')}`);
if (results.length > 1) {
  const ratio = largest.once / smallest.once;
  console.log(`  at ${largest.n} against ${smallest.n}: ${ratio.toFixed(2)}× ≤ ${TARGETS.scaleRatio}×: ${verdict(ratio <= TARGETS.scaleRatio)}`);
  const named = largest.onceNamed / smallest.onceNamed;
  console.log(`  one article named with --changed into ${largest.n}: ${largest.onceNamed.toFixed(2)} s ≤ 1 s: ${verdict(largest.onceNamed <= 1, largest.onceNamed > 1 ? `by ${(largest.onceNamed - 1).toFixed(2)} s` : '')}; against ${smallest.n}: ${named.toFixed(2)}× ≤ ${TARGETS.scaleRatio}×: ${verdict(named <= TARGETS.scaleRatio)}`);
  const linear = (largest.full / largest.n) / (smallest.full / smallest.n);
  console.log(`  first full publish per article: ${((smallest.full * 1000) / smallest.n).toFixed(2)} ms at ${smallest.n}, ${((largest.full * 1000) / largest.n).toFixed(2)} ms at ${largest.n} (${linear.toFixed(2)}×; linear is 1×)`);
}
for (const r of results) {
  const msPer = (r.codeRelease * 1000) / r.n;
  console.log(`  a code release at ${r.n}: ${r.codeRelease.toFixed(1)} s, ${msPer.toFixed(2)} ms per article ≤ 6 ms (100,000 in 10 minutes): ${verdict(msPer <= 6, msPer > 6 ? `by ${(msPer - 6).toFixed(2)} ms` : '')}`);
}
for (const r of results) console.log(`  files written by one publish at ${r.n}: ${r.files} ≤ ${TARGETS.files}: ${verdict(r.files <= TARGETS.files, r.files > TARGETS.files ? `by ${r.files - TARGETS.files}` : '')}`);
for (const r of results.filter((x) => x.deployOne)) {
  const { s, written } = r.deployOne;
  console.log(`  deploying one article into ${r.n}: ${written} objects ≤ ${TARGETS.deployObjects}: ${verdict(written <= TARGETS.deployObjects, written > TARGETS.deployObjects ? `by ${written - TARGETS.deployObjects}` : '')}; ${s.toFixed(2)} s ≤ ${TARGETS.deployOneS} s: ${verdict(s <= TARGETS.deployOneS, s > TARGETS.deployOneS ? `by ${(s - TARGETS.deployOneS).toFixed(2)} s` : '')}`);
  if (r.deployOne.full !== undefined) console.log(`  the same deploy with --full (the whole manifest read, every file compared): ${r.deployOne.full.toFixed(2)} s, ${(r.deployOne.full / s).toFixed(1)}× the deploy that follows the list`);
  console.log(`  first deploy at ${r.n}: ${(r.firstDeploy.objects / r.firstDeploy.s).toFixed(0)} objects per second, ${((r.firstDeploy.s * 1000) / r.n).toFixed(2)} ms per article`);
}
const deployed = results.filter((x) => x.firstDeploy);
if (deployed.length > 1) {
  const [a, b] = [deployed[0], deployed[deployed.length - 1]];
  console.log(`  first deploy per article at ${b.n} against ${a.n}: ${((b.firstDeploy.s / b.n) / (a.firstDeploy.s / a.n)).toFixed(2)}× (linear is 1×); one article's deploy: ${(b.deployOne.s / a.deployOne.s).toFixed(2)}× (following the change is 1×)`);
}
for (const n of sizes.filter((x) => x > DEPLOY_MAX)) console.log(`  deploy at ${n}: not measured (READER_BENCH_DEPLOY_MAX=${DEPLOY_MAX}); a later deploy reads the record's state and the shards its changes fall in, and never lists the bucket`);
await s3?.stop();
const demoPolicy = policy(dist).length;
for (const r of results) console.log(`  the policy at ${r.n}: ${r.policy} characters, at 5: ${demoPolicy}: ${verdict(r.policy === demoPolicy)}`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  // A word of the English vocabulary's middle ranks: in many articles, not in all.
  const query = LANGUAGES[0].words[40];
  // And one of its last ranks, found in a dozen or so of the newest articles (Pagefind matches
  // the last word of a query as a prefix: a word no other word starts with).
  const words = LANGUAGES[0].words;
  const rare = words.slice(19500).find((w) => !words.some((o) => o !== w && o.startsWith(w)));
  // Served as CDNs and static hosts serve (HTTP/2), then over HTTP/1.1 for comparison.
  const search = await firstSearch(browser, largest.out, query, rare);
  const overHttp1 = await firstSearch(browser, largest.out, query, rare, { http2: false, older: false });
  const late = (s) => `${s.after.requests} requests, ${s.after.kb.toFixed(0)} KB after the last keystroke`;
  console.log(`  first search at ${largest.n} ("${query}"): ${search.kb.toFixed(0)} KB of the index ≤ ${TARGETS.searchKb} KB: ${verdict(search.kb <= TARGETS.searchKb, search.kb > TARGETS.searchKb ? `by ${(search.kb - TARGETS.searchKb).toFixed(0)} KB` : '')}`);
  console.log(`  results ${search.ms.toFixed(0)} ms after the last keystroke over HTTP/2 (${late(search)}) ≤ ${TARGETS.searchMs} ms: ${verdict(search.ms <= TARGETS.searchMs, search.ms > TARGETS.searchMs ? `by ${(search.ms - TARGETS.searchMs).toFixed(0)} ms` : '')}`);
  console.log(`  the same over HTTP/1.1: ${overHttp1.ms.toFixed(0)} ms (${late(overHttp1)})`);
  if (search.older) console.log(`  then "Search older articles" for "${rare}": ${search.older.kb.toFixed(0)} KB more, answered ${search.older.ms.toFixed(0)} ms after the press ("${search.older.status.trim()}")`);
  else console.log(`  no "Search older articles" for "${rare}" ("${search.status.trim()}")`);
  const lcp = await frontPageLcp(browser, largest.out);
  console.log(`  front page's largest paint at ${largest.n}: ${lcp.toFixed(0)} ms (demo: ${(await frontPageLcp(browser, dist)).toFixed(0)} ms)`);
} finally {
  await browser.close();
  // READER_BENCH_KEEP=1 keeps the largest archive and its output, to look into.
  if (process.env.READER_BENCH_KEEP) console.log(`\nkept: ${largest.work} (the archive and its published output)`);
  else rmSync(largest.work, { recursive: true, force: true });
}
