// Shared setup for the browser tests: the real built app (dist/) served on 127.0.0.1 with test
// fixtures, and Debian's headless Chromium driven by playwright-core.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { freshCodeBuild as codeBuildFrom } from '../../scripts/code-build.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { fixtureRoutes } from './fixtures.mjs';
import { nativeEnv } from '../../scripts/native-env.mjs';
import { publishBinary } from '../../scripts/publish-binary.mjs';
import { ISLANDS_CHUNK as CHUNK_FILE, ISLANDS_MAIN as MAIN_FILE } from '../../scripts/islands-files.mjs';

const root = new URL('../../', import.meta.url).pathname;
/** The built app under test: dist/, or READER_DIST (the second configuration's build). */
export const DIST = process.env.READER_DIST ?? `${root}dist`;
/** The names shared by the app, the service worker and the page scripts (src/facts.json). */
export const FACTS = JSON.parse(readFileSync(`${root}src/facts.json`, 'utf8'));
/** The site configuration the app was built with (site.json, or READER_SITE). */
export const SITE = JSON.parse(readFileSync(`${root}${process.env.READER_SITE ?? 'site.json'}`, 'utf8'));
/** The folder the app is served from (site.json's base_path): `/`, or such as `/reader/`. */
export const BASE = SITE.base_path ?? '/';
/** The in-app path `path` (`/articles/x`) as the browser sees it, under [`BASE`]. */
export const at = (path) => `${BASE}${path.replace(/^\//, '')}`;
export const SHARED_FIXTURES = `${root}../shared/fixtures`;

if (!existsSync(`${DIST}/index.html`)) {
  throw new Error('dist/index.html is missing: build the app first (scripts/build.sh)');
}

/**
 * Registers before/after hooks and returns a context object whose `url`, `browser` fill in
 * once the hooks ran.
 */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run'],
};

// Chromium reports every Content-Security-Policy and Trusted Types violation on the console.
const VIOLATION = /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript/i;

// The violations a page provokes on purpose (`open`'s `expectViolations`), by page.
const expectedViolations = new WeakMap();

/** Records `page`'s policy violations into `ctx.violations` (once per page), unless `open`
 * said the page provokes them on purpose. */
function watchPage(ctx, page) {
  if (page.__policyWatched) return;
  page.__policyWatched = true;
  page.on('console', (m) => {
    const expect = expectedViolations.get(page);
    const expected = expect === true || (Array.isArray(expect) && expect.some((re) => re.test(m.text())));
    if (VIOLATION.test(m.text()) && !expected) ctx.violations.push(`${page.url()}: ${m.text()}`);
  });
}

/**
 * Watches every page of `context`, those open now and those to come, for policy violations:
 * the test file fails at its end if any page reported one. `useApp`'s browser watches every
 * context it makes; a context from another launch (a persistent profile, a second browser) is
 * handed here.
 */
export function watchPolicy(ctx, context) {
  if (!context.__policyWatched) {
    context.__policyWatched = true;
    context.on('page', (page) => watchPage(ctx, page));
    for (const page of context.pages()) watchPage(ctx, page);
  }
  return context;
}

/** Serves the build (`root`), or what `start(onRequest)` starts (another front, such as a
 * bucket's), to a headless Chromium for the file's tests. */
export function useApp({ root = DIST, start } = {}) {
  const ctx = { url: '', browser: null, server: null, routes: fixtureRoutes(), requests: [], violations: [] };
  before(async () => {
    const onRequest = (req) => ctx.requests.push(req.url);
    ctx.server = await (start ? start(onRequest) : startServer({ root, base: BASE, routes: ctx.routes, onRequest }));
    ctx.url = ctx.server.url;
    ctx.browser = await chromium.launch(CHROMIUM);
    // Every context, however a test makes it (and so every page in it), is watched.
    const newContext = ctx.browser.newContext.bind(ctx.browser);
    ctx.browser.newContext = async (options) => watchPolicy(ctx, await newContext(options));
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
    // The app runs under its strict policy: no test page may have broken it.
    assert.deepEqual(ctx.violations, [], 'no Content-Security-Policy or Trusted Types violations');
  });
  return ctx;
}

/**
 * Opens `path` in a fresh browser context. Page errors, console errors and dialogs are
 * recorded; `page.assertClean()` fails the test if any happened.
 */
export async function open(ctx, path, options = {}) {
  const { colorScheme = 'light', width = 1280, height = 900, permissions = [], initScript,
    wait = 'main h1', takeover = true } = options;
  const context = options.context ?? await ctx.browser.newContext({
    viewport: { width, height },
    colorScheme,
    permissions,
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  if (initScript) await context.addInitScript(initScript);
  // [pattern, handler] pairs: requests the test answers itself (another origin, a failure).
  for (const [pattern, handler] of options.routes ?? []) await context.route(pattern, handler);
  watchPolicy(ctx, context);
  // What this page's context asked of the app's origin (path and query, as the server logs them),
  // by its own account: the server's log (`ctx.requests`) also holds what an earlier test's
  // closed page was still fetching.
  const requests = [];
  const origin = new URL(ctx.url).origin;
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin) requests.push(u.pathname + u.search);
  });
  const page = await context.newPage();
  page.requests = requests;
  // `expectViolations`: true for a page that provokes violations on purpose, or the patterns of
  // the ones it expects. (Set before any navigation, so before any message.)
  if (options.expectViolations) expectedViolations.set(page, options.expectViolations);
  page.context = () => context;
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !options.allowConsoleErrors?.some((re) => re.test(m.text()))) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  // The page's last words, for a wait that times out (`waitOrTell`).
  const log = [];
  const note = (line) => { log.push(`${new Date().toISOString().slice(11, 23)} ${line}`); if (log.length > 60) log.shift(); };
  page.on('console', (m) => note(`console ${m.type()}: ${m.text().slice(0, 300)}`));
  page.on('requestfailed', (r) => note(`failed: ${r.url()} (${r.failure()?.errorText})`));
  // Data, and code that did not come: a page's dozens of chunks that did would push the
  // events that matter out of the last lines.
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.json') || (/\.(wasm|js)$/.test(path) && r.status() !== 200)) note(`${r.status()} ${r.fromServiceWorker() ? 'from the service worker' : 'from the network'}: ${r.url()}`);
  });
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) note(`navigated: ${f.url()}`); });
  page.recentLog = log;
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    await d.dismiss();
  });
  page.assertClean = () => assert.deepEqual(problems, [], 'no errors, dialogs or panics');
  /** What `assertClean` would report, so far (for a test that provokes an error on purpose). */
  page.problems = problems;
  const closePage = page.close.bind(page);
  // Closing a test page closes its private context; a shared context stays open.
  page.close = async () => (options.context ? closePage() : context.close());
  await page.goto(ctx.url + path);
  if (wait) await page.waitForSelector(wait, { timeout: 15_000 });
  // A prerendered page is usable before its code runs; the tests of the app's own behaviour
  // wait until it is live (`takeover: false` to look at the static copy): the app has taken
  // the page over (and, on an embed opened in another language, removed `data-islands`), or, on
  // a page of islands, the islands bundle has hydrated them.
  if (wait && takeover) await live(page);
  return page;
}

/** The code a prerendered page loads on a cold visit: its page's islands bundle (the front
 * page's, an article's or an embed's): the glue, its wasm and the loader of its split chunks
 * (names: scripts/islands-files.mjs), never the app. A chunk's file
 * (islands-{page}-{chunk}-{hash}.wasm) comes only when its control is first used. These match
 * a path or an address. */
const atEnd = (name) => new RegExp(`/${name.source.replace(/^\^/, '')}`);
export const ISLANDS_MAIN = atEnd(MAIN_FILE);
export const ISLANDS_CHUNK = atEnd(CHUNK_FILE);
/** The address of the chunk `name` (of any page's bundle). */
export const islandsChunk = (name) => new RegExp(`/islands-(?:front|article|embed|search)-${name}-[0-9a-f]{16}\\.wasm$`);
/** Whether `paths` are one page's islands bundle, and `page`'s when given. */
export const isIslandsMain = (paths, page) => paths.length === 3
  && new Set(paths.map((p) => p.match(ISLANDS_MAIN)?.[1])).size === 1
  && paths.every((p) => ISLANDS_MAIN.test(p) && (!page || p.match(ISLANDS_MAIN)[1] === page));

/**
 * Waits until the page in `page` is live: on a prerendered page, every island ran (the loader
 * marks `<html data-live="islands">` only then); elsewhere, the app has taken the page over.
 * Call it after a navigation that loads a new page, before `assertClean()`, so that an error
 * or a panic while the new page's code starts is seen.
 */
export async function live(page, timeout = 15_000) {
  // A crash (the crash screen shows) ends the wait at once, with what the page said.
  const state = await page.waitForFunction(() => {
    if (document.body?.classList.contains('crashed')) return `crashed: ${document.getElementById('crash')?.textContent.trim()}`;
    return document.readyState !== 'loading' && document.querySelector('main')
      && (document.documentElement.hasAttribute('data-islands')
        ? document.documentElement.dataset.live === 'islands'
        : !document.getElementById('prerendered')) && 'live';
  }, null, { timeout });
  assert.equal(await state.jsonValue(), 'live', `${page.url()} came to life`);
}

/**
 * `page.waitForSelector(selector, options)`; on a timeout it fails with what the page was doing:
 * its address, whether it was online and which service worker controlled it, whether its code
 * came to life, its last console messages and failed requests; and keeps a screenshot and the
 * page's HTML in target/test-failures/. For a wait that failed once and could not be made to
 * fail again.
 */
export async function waitOrTell(page, selector, options = {}) {
  try {
    return await page.waitForSelector(selector, options);
  } catch (e) {
    if (!/Timeout/i.test(e.message)) throw e;
    const dir = join(root, 'target', 'test-failures');
    mkdirSync(dir, { recursive: true });
    const stem = join(dir, `${Date.now()}-${selector.replace(/[^a-z0-9]+/gi, '-')}`);
    const state = await page.evaluate(() => ({
      url: location.href,
      online: navigator.onLine,
      controller: navigator.serviceWorker?.controller?.scriptURL ?? null,
      islands: document.documentElement.hasAttribute('data-islands'),
      live: document.documentElement.dataset.live ?? null,
      prerendered: Boolean(document.getElementById('prerendered')),
      readyState: document.readyState,
      scripts: [...document.scripts].map((s) => s.src || '(inline)'),
      error: document.querySelector('[data-error]')?.getAttribute('data-error') ?? null,
      main: document.querySelector('main')?.innerText.replace(/\s+/g, ' ').slice(0, 300) ?? null,
    })).catch((err) => ({ unavailable: err.message }));
    await page.screenshot({ path: `${stem}.png`, fullPage: true }).catch(() => {});
    await page.content().then((html) => writeFileSync(`${stem}.html`, html)).catch(() => {});
    throw new Error(`waiting for ${selector}: ${e.message.split('\n')[0]}\n`
      + `page: ${JSON.stringify(state)}\n`
      + `last events:\n  ${(page.recentLog ?? []).join('\n  ')}\n`
      + `screenshot and HTML: ${stem}.png, .html`);
  }
}

/** Resolves once `done()` holds (checked every 50 ms), or after `ms`: the assertion after it
 * says what was missing. For what the page reports to the test (console, errors), not the DOM. */
export async function until(done, ms = 10_000) {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
}

/** An in-app navigation to the route `path` (the router follows history), as a link inside the
 * app makes it. */
export const navigate = (page, path) => page.evaluate((p) => {
  history.pushState(null, '', p);
  dispatchEvent(new PopStateEvent('popstate'));
}, at(path));

/**
 * Holds back every request for the app's wasm in `context` until the returned function is
 * called: the prerendered page can be looked at, and used, before the app takes over.
 */
export async function holdApp(context) {
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  return release;
}

/**
 * An init script that watches a prerendered page's takeover: `window.__seen` records whether a
 * loading skeleton ever showed, whether two headlines were ever visible at once, and the layout
 * shift; `window.__rects()` gives where each of `parts` (selectors) sits, so the static copy's
 * places can be compared with the app's.
 */
export const watchTakeover = (parts) => `(() => {
  window.__seen = { skeleton: false, shift: 0, twoHeadlines: false };
  window.__rects = () => Object.fromEntries(${JSON.stringify(parts)}
    .map((s) => [s, document.querySelector(s) && JSON.stringify(document.querySelector(s).getBoundingClientRect())]));
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__seen.shift += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    const skeleton = document.querySelector('.skeleton');
    if (skeleton && skeleton.getClientRects().length) window.__seen.skeleton = true;
    if ([...document.querySelectorAll('h1')].filter((h) => h.getClientRects().length).length > 1) window.__seen.twoHeadlines = true;
  }).observe(document, { childList: true, subtree: true });
})()`;

/** Resolves after the page has rendered two more frames (layout and paint are done). */
export const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The page's disclosure controls as the browser's accessibility tree gives them to screen
 * readers (Chromium exposes <summary> as a "DisclosureTriangle" with an expanded state). */
export async function disclosures(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.role?.value === 'DisclosureTriangle').map((n) => ({
    name: n.name?.value,
    expanded: n.properties?.find((p) => p.name === 'expanded')?.value.value,
  }));
}

/** Text content of every element matching `selector`, trimmed. */
export async function texts(page, selector) {
  return (await page.locator(selector).allTextContents()).map((t) => t.trim());
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is (WCAG 2.0–2.2 A and AA, and axe's best practices);
 * returns the violations as readable lines. axe stays on the page (`window.axe`) for more runs.
 */
export async function axe(page) {
  // page.evaluate is exempt from the page's CSP, so axe needs no policy change.
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}`));
}

/**
 * A copy of the built site with other content, published as a newsroom publishes it: the
 * build's output is copied, `edit(archive)` changes a copy of the archive (its article files),
 * then the publish command (built by the code build, never compiled here) publishes the archive
 * into the copy. Nothing else runs: the policy, the app shell and the service worker stay the
 * code build's. Returns `{ dir, archive, output, run, remove }`: `run(extra)` publishes again
 * (its output), `remove()` deletes the copy.
 */
/** Every file of a published output but the publish's own state (`.publish/`), with its hash:
 * two outputs compare byte for byte. */
export function outputTree(dir) {
  const files = {};
  (function walk(d) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      const rel = relative(dir, path);
      if (rel === '.publish') continue;
      if (e.isDirectory()) walk(path);
      else files[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  })(dir);
  return files;
}

/** A fresh code build in `dir`: the build's output without anything a publish wrote. */
export function freshCodeBuild(dir) {
  codeBuildFrom(DIST, dir);
}

export function publishedCopy(edit = () => {}) {
  const work = mkdtempSync(join(tmpdir(), 'reader-copy-'));
  const dir = join(work, 'dist');
  const archive = join(work, 'articles');
  cpSync(DIST, dir, { recursive: true });
  cpSync(join(root, 'public/articles'), archive, { recursive: true });
  edit(archive);
  const run = (extra = []) => execFileSync(publishBinary(), ['--archive', archive, '--out', dir, ...extra],
    { cwd: root, env: nativeEnv(), stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const output = run();
  return { dir, archive, output, run, remove: () => rmSync(work, { recursive: true, force: true }) };
}

/** A copy of the build whose front page has "More articles": the archive and more articles
 * than a page holds, published (`publishedCopy`); `all`: the build's index entries (the newest
 * ones, which the front page lists first), `extra`: how many were added. */
export function pagedCopy() {
  const all = readJson(`${DIST}/articles/index.json`).articles;
  const extra = 50;
  const copy = publishedCopy((archive) => {
    const seed = JSON.parse(readFileSync(join(archive, 'rain-gauge-volunteers.json'), 'utf8'));
    for (let i = 1; i <= extra; i += 1) {
      const id = `older-report-${String(i).padStart(2, '0')}`;
      const published = new Date(Date.UTC(2025, 0, i, 8)).toISOString().replace('.000Z', 'Z');
      writeFileSync(join(archive, `${id}.json`), JSON.stringify({ ...seed, id, headline: `Older report ${i}`, published, updated: undefined }));
    }
  });
  // The front page lists a page's worth (50); "More articles" brings the rest.
  return { ...copy, all, extra, front: 50, total: all.length + extra };
}
