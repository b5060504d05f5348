// Embedding on partner sites, across two loopback origins: the reader on 127.0.0.1, the
// partner page on localhost (another port), a hostile third origin for forged messages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, open, readJson, useApp, FACTS, SITE, BASE, at } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const app = useApp();
let partner;
let third;

const html = (res, body) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};

// The partner and the third origin serve only their own pages (no reader files or headers).
const empty = mkdtempSync(join(tmpdir(), 'reader-partner-'));

before(async () => {
  // A third origin whose page tries to resize the partner's embeds.
  third = await startServer({
    root: empty,
    routes: {
      '/forge.html': (req, res) => html(res, `<!doctype html><title>forger</title><script>
        setInterval(() => parent.postMessage({ type: ${JSON.stringify(FACTS.embed_resize_message)}, height: 7, title: 'forged' }, '*'), 50);
      </script>`),
    },
  });
  const demo = readFileSync(`${DIST}/embed-demo.html`, 'utf8').replace('src="embed.js"', `src="${app.url}/embed.js"`);
  partner = await startServer({
    root: empty,
    routes: {
      '/partner.html': (req, res) => html(res, demo),
      '/forged.html': (req, res) => html(res, `<!doctype html><title>partner</title>
        <div data-article-embed="rain-gauge-volunteers"></div>
        <iframe id="forger" src="${third.url}/forge.html"></iframe>
        <script src="${app.url}/embed.js" async></script>`),
      '/framing.html': (req, res) => html(res, `<!doctype html><title>framing</title>
        <iframe id="app" src="${app.url}/articles/harbor-bridge-reopens"></iframe>
        <iframe id="embed" src="${app.url}/embed/harbor-bridge-reopens"></iframe>`),
    },
  });
  // Same port, other host name: a different origin from the reader's 127.0.0.1.
  partner.url = partner.url.replace('127.0.0.1', 'localhost');
});
after(async () => {
  await partner?.close();
  await third?.close();
  rmSync(empty, { recursive: true, force: true });
});

async function embedFrames(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('iframe[src*="/embed"]').length === n, count);
  const handles = await page.locator('iframe[src*="/embed"]').elementHandles();
  const frames = [];
  for (const handle of handles) {
    await handle.scrollIntoViewIfNeeded();
    const frame = await handle.contentFrame();
    await frame.waitForSelector('.embed-card', { timeout: 15_000 });
    frames.push({ handle, frame });
  }
  return frames;
}

/** Waits until the iframe's height equals its content's, within 2 px, and returns both. */
async function settledHeights({ handle, frame }) {
  let last;
  for (let i = 0; i < 50; i++) {
    const outer = (await handle.boundingBox()).height;
    const inner = await frame.evaluate(() => document.querySelector('.embed').getBoundingClientRect().height);
    last = { outer, inner };
    if (Math.abs(outer - inner) <= 2) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

test('a partner page on another origin gets sized, working embeds', async () => {
  const page = await open(app, '', { wait: null });
  await page.goto(`${partner.url}/partner.html`);
  const frames = await embedFrames(page, 3);
  for (const f of frames) {
    const { outer, inner } = await settledHeights(f);
    assert.ok(Math.abs(outer - inner) <= 2, `iframe ${outer}px vs content ${inner}px`);
    const overflow = await f.frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    assert.ok(overflow <= 1, `no scrolling inside ${await f.handle.getAttribute('src')} (${overflow}px)`);
    assert.match(await f.handle.getAttribute('title'), /^Article: /);
    assert.equal(await f.handle.getAttribute('loading'), 'lazy');
    assert.equal(await f.handle.getAttribute('allow'), 'web-share; clipboard-write');
    assert.match(await f.handle.getAttribute('sandbox'), /allow-scripts/);
    assert.ok(!(await f.handle.getAttribute('src')).includes('origin=*'));
  }
  const [first] = frames;
  assert.equal(await first.handle.getAttribute('title'),
    'Article: Harbor Bridge Reopens Two Months Early After Round-the-Clock Repairs');
  assert.equal(new URL(await first.handle.getAttribute('src')).searchParams.get('origin'), partner.url);

  // Expanding the editorial card grows the frame to fit.
  const before = (await first.handle.boundingBox()).height;
  await first.frame.locator('summary.editorial-toggle').click();
  await first.frame.waitForFunction(() => document.querySelector('details.editorial-details').open);
  let grown;
  for (let i = 0; i < 50 && !grown; i++) {
    const now = await settledHeights(first);
    if (now.outer > before + 50) grown = now;
    else await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(grown, 'the frame grew with the card');
  assert.ok(Math.abs(grown.outer - grown.inner) <= 2, `after expanding: ${grown.outer} vs ${grown.inner}`);

  // The collapsed-by-default card, share controls and the link to the full article.
  const read = first.frame.locator('.read-on a');
  assert.equal((await read.textContent()).replace(/\s+/g, ' ').trim(), 'Read on The Morning Ledger (opens in a new tab)');
  assert.equal(await read.getAttribute('href'), 'https://reader.example/articles/harbor-bridge-reopens');
  assert.equal(await read.getAttribute('target'), '_blank');
  assert.equal(await first.frame.locator('.site-header').count(), 0, 'no site chrome');
  await page.close();
});

test('a strictly sandboxed embed (no same-origin) still renders, resizes and shares', async () => {
  const page = await open(app, '', { wait: null });
  await page.goto(`${partner.url}/partner.html`);
  const frames = await embedFrames(page, 3);
  const strict = frames[2];
  assert.ok(!(await strict.handle.getAttribute('sandbox')).includes('allow-same-origin'));
  assert.equal(await strict.frame.evaluate(() => window.origin), 'null');
  assert.match(await strict.frame.locator('h1').textContent(), /تعاونية شمسية/);
  const { outer, inner } = await settledHeights(strict);
  assert.ok(Math.abs(outer - inner) <= 2, `${outer} vs ${inner}`);
  await strict.frame.locator('summary.share-button').click();
  await strict.frame.waitForSelector('#share-menu a');
  const hrefs = await strict.frame.locator('#share-menu a').evaluateAll((as) => as.map((a) => a.href));
  assert.equal(hrefs.length, 5);
  assert.ok(hrefs[0].startsWith('https://x.com/intent/post?url=http'), hrefs[0]);
  await page.close();
});

test('resize messages from anyone but the embed are ignored', async () => {
  const page = await open(app, '', { wait: null });
  await page.goto(`${partner.url}/forged.html`);
  const [embed] = await embedFrames(page, 1);
  const { outer } = await settledHeights(embed);
  // The partner page itself sends one too.
  await page.evaluate((type) => window.postMessage({ type, height: 3 }, '*'), FACTS.embed_resize_message);
  await page.waitForTimeout(600);
  const height = (await embed.handle.boundingBox()).height;
  assert.ok(Math.abs(height - outer) <= 1 && height > 100, `height stayed ${outer}px (now ${height}px)`);
  assert.notEqual(await embed.handle.getAttribute('title'), 'Article: forged');
  await page.close();
});

test('parts, theme and accent change what shows; bad values are ignored with a warning', async () => {
  const page = await open(app, '/embed/soil-carbon-long-read?parts=headline,takeaways&theme=dark&accent=%230b57d0', { wait: '.embed-card' });
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('.takeaways li').count(), 3);
  for (const hidden of ['.dek', '.meta', 'figure', '.editorial', '.share', '.read-on']) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} hidden`);
  }
  assert.equal(await page.locator('.embed').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(22, 24, 29)');
  assert.equal(await page.locator('.badge').first().evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(11, 87, 208)');
  assert.equal(await page.locator('.badge').first().evaluate((e) => getComputedStyle(e).color), 'rgb(255, 255, 255)');
  page.assertClean();
  await page.close();

  const warnings = [];
  const bad = await open(app, '/embed/soil-carbon-long-read?parts=comments&theme=neon&accent=red&lang=%3Cb%3E', { wait: null });
  bad.on('console', (m) => m.type() === 'warning' && m.text().includes('article embed:') && warnings.push(m.text()));
  await bad.reload();
  await bad.waitForSelector('.embed-card');
  await bad.waitForFunction(() => true);
  assert.ok(warnings.some((w) => w.includes('theme=“neon” ignored')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('accent=“red” ignored')));
  assert.ok(warnings.some((w) => w.includes('“comments” ignored')));
  assert.ok(warnings.some((w) => w.includes('lang=“<b>” ignored')));
  for (const shown of ['h1', '.dek', 'figure', '.takeaways', '.editorial', '.share', '.read-on']) {
    assert.equal(await bad.locator(shown).isVisible(), true, `${shown} shown`);
  }
  bad.assertClean();
  await bad.close();
});

test('lang overrides the language and direction', async () => {
  const page = await open(app, '/embed/harbor-bridge-reopens?lang=es', { wait: '.embed-card' });
  assert.equal(await page.locator('article').getAttribute('lang'), 'es');
  assert.equal((await page.locator('time.published').textContent()).trim(), '20 de noviembre de 2026');
  await page.close();
});

test('an embed opened in another interface language shows its words from its first frame', async () => {
  // The app renders it (the prerendered copy, in the article's language, stays hidden): the
  // French catalogue comes with the embed's code, so no English word is ever on screen.
  const page = await open(app, '/embed/harbor-bridge-reopens?lang=fr', {
    wait: null,
    initScript: () => {
      window.__readOn = [];
      const note = () => {
        // The app's own rendering, not the hidden prerendered copy.
        const text = document.querySelector('main:not(#prerendered main) .read-on a')?.textContent.trim();
        if (text && window.__readOn.at(-1) !== text) window.__readOn.push(text);
      };
      new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
    },
  });
  await page.waitForFunction(() => !document.getElementById('prerendered') && document.documentElement.lang === 'fr'
    && /^Lire sur /.test(document.querySelector('main .read-on a')?.textContent.trim() ?? ''));
  const seen = await page.evaluate(() => window.__readOn);
  assert.ok(seen.length > 0 && seen.every((t) => t.startsWith('Lire sur ')), `the words shown: ${JSON.stringify(seen)}`);
  page.assertClean();
  await page.close();
});

test('oEmbed responses have every field type "rich" needs and are discoverable', async () => {
  const index = readJson(`${DIST}/articles/index.json`).articles;
  for (const { id } of index) {
    const response = await fetch(`${app.url}/oembed/${id}.json`);
    assert.equal(response.status, 200);
    const o = await response.json();
    assert.equal(o.version, '1.0');
    assert.equal(o.type, 'rich');
    assert.equal(typeof o.html, 'string');
    assert.ok(Number.isInteger(o.width) && o.width > 0 && Number.isInteger(o.height) && o.height > 0);
    assert.ok(o.title && o.provider_name && o.provider_url);
    assert.ok(o.html.includes(`data-article-embed="${id}"`) && o.html.includes('/embed.js'));
    const thumb = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((k) => k in o);
    assert.ok(thumb.length === 0 || thumb.length === 3, `${id}: thumbnail fields go together`);
  }
  const page = await open(app, '/articles/harbor-bridge-reopens', { wait: '.article-body' });
  // The article page is static HTML: its head names the site's public address (site.json, or
  // READER_PUBLIC_URL at build time), as every prerendered head tag does.
  const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  const publicBase = `${(process.env.READER_PUBLIC_URL ?? SITE.public_url).replace(/\/$/, '')}${BASE.replace(/\/$/, '')}`;
  assert.equal(await link.getAttribute('href'), `${publicBase}/oembed/harbor-bridge-reopens.json`);
  await page.close();
});

test('the reader refuses to be framed, the embed view allows it, headers are sent', async () => {
  const appHeaders = (await fetch(`${app.url}/articles/harbor-bridge-reopens`)).headers;
  assert.match(appHeaders.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.match(appHeaders.get('content-security-policy'), /object-src 'none'/);
  assert.equal(appHeaders.get('x-content-type-options'), 'nosniff');
  assert.equal(appHeaders.get('referrer-policy'), 'strict-origin-when-cross-origin');
  const embedHeaders = (await fetch(`${app.url}/embed/harbor-bridge-reopens`)).headers;
  assert.match(embedHeaders.get('content-security-policy'), /frame-ancestors \*/);
  assert.doesNotMatch(embedHeaders.get('content-security-policy'), /frame-ancestors 'none'/);

  const page = await open(app, '', { wait: null, expectViolations: [/frame-ancestors/], allowConsoleErrors: [/frame-ancestors|Refused to display/] });
  await page.goto(`${partner.url}/framing.html`);
  const embed = await (await page.$('#embed')).contentFrame();
  await embed.waitForSelector('.embed-card');
  await page.waitForTimeout(500);
  const blocked = await (await page.$('#app')).contentFrame();
  assert.ok(!blocked || (await blocked.locator('.article-body').count()) === 0, 'the reader page did not render in a frame');
  await page.close();
});

test('the demo partner page is styled under its policy and reserves its embeds\' space', async () => {
  const page = await open(app, '/embed-demo.html', { wait: 'iframe[src*="/embed/"]', takeover: false });
  // Its own stylesheet applies (a policy violation would leave it unstyled, and fail the file).
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(251, 250, 247)');
  await page.waitForFunction(() => document.querySelectorAll('iframe[src*="/embed"]').length === 3);
  await page.waitForTimeout(1500);
  const shift = await page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) total += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 100);
  }));
  assert.ok(shift < 0.1, `layout shift on the partner page: ${shift}`);
  page.assertClean();
  await page.close();
});
