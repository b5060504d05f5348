// Pictures sized for every screen, on a real camera original (6.7 MB, 5,512 × 3,675: fetched by
// scripts/photos.sh). A copy of the build publishes it as the newest article's hero, with one
// article naming a file that is no picture and one naming a picture the archive lacks. Then, as
// readers meet them: a phone and a wide screen each get a file of their size in a modern
// format, never the original; the front page, share cards, feeds and search name small files;
// Save keeps the file the screen shows, and the service worker serves it offline; a publish
// with the picture unchanged makes nothing; the bad pictures show their description.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { FACTS, at, open, publishedCopy, readJson, useApp, waitOrTell } from './harness.mjs';

const root = new URL('../../', import.meta.url).pathname;
const photos = execFileSync(join(root, 'scripts/photos.sh'), { encoding: 'utf8' }).trim();
const PHOTO = join(photos, 'metal.jpeg');

const HERO_ARTICLE = 'harbor-bridge-reopens';
const copy = publishedCopy((archive) => {
  copyFileSync(PHOTO, join(archive, 'img/metal.jpg'));
  const edit = (id, change) => {
    const path = join(archive, `${id}.json`);
    const article = JSON.parse(readFileSync(path, 'utf8'));
    change(article);
    writeFileSync(path, JSON.stringify(article, null, 2));
  };
  edit(HERO_ARTICLE, (a) => {
    a.image = { ...a.image, src: 'img/metal.jpg', alt: 'Brushed metal, close up', width: undefined, height: undefined };
  });
  writeFileSync(join(archive, 'img/not-a-photo.jpg'), '<!doctype html><title>Not found</title>');
  edit('library-night-hours', (a) => {
    a.image = { ...a.image, src: 'img/not-a-photo.jpg', alt: 'The reading room at night' };
  });
  edit('rain-gauge-volunteers', (a) => {
    a.image = { src: 'img/never-uploaded.jpg', alt: 'A rain gauge on a fence post' };
  });
});
after(() => copy.remove());
const app = useApp({ root: copy.dir });

/** The pictures a page downloaded, with their sizes as transferred. */
function pictureBytes(page) {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.initiatorType === 'img' || /\.(webp|jpe?g|png|avif|gif|svg)(\?|$)/.test(e.name))
    .map((e) => ({ url: new URL(e.name).pathname, bytes: e.encodedBodySize })));
}

/** Opens `path` on a phone (412 px at 1.75) or another screen, and waits for the hero. */
async function openAt(path, { width = 412, scale = 1.75, wait = '.figure.hero img' } = {}) {
  const context = await app.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: scale });
  const page = await open(app, path, { context, wait });
  page.close = () => context.close();
  return page;
}

const loaded = (page, selector) => page.waitForFunction(
  (s) => { const i = document.querySelector(s); return i && i.complete && i.naturalWidth > 0; }, selector, { timeout: 15_000 });

test('the publish made the photo at its widths and told about the bad pictures', () => {
  const sized = readJson(join(copy.dir, '.publish/manifest.json')).pictures['img/metal.jpg'];
  assert.equal(sized.outcome.as, 'sized');
  assert.deepEqual([...new Set(sized.outcome.variants.map((v) => v.width))], [320, 640, 828, 1200, 1440, 2048]);
  // The original is never published: its metadata (a camera's serial, a place) stays home.
  assert.ok(!existsSync(join(copy.dir, 'articles/img/metal.jpg')));
  assert.ok(!existsSync(join(copy.dir, 'articles/img/not-a-photo.jpg')));
  assert.match(copy.output, /note: img\/not-a-photo\.jpg: not a picture: its content is none of JPEG, PNG, WebP or GIF; left out/);
  assert.match(copy.output, /note: rain-gauge-volunteers\.json names img\/never-uploaded\.jpg, which the archive lacks/);
});

test('a phone gets a small modern file of the camera original, never the original', async () => {
  const page = await openAt(`/articles/${HERO_ARTICLE}/`);
  await loaded(page, '.figure.hero img');
  const hero = await page.evaluate(() => {
    const img = document.querySelector('.figure.hero img');
    return { src: new URL(img.currentSrc).pathname, natural: img.naturalWidth, shown: img.clientWidth, priority: img.getAttribute('fetchpriority'), style: img.getAttribute('style') };
  });
  assert.match(hero.src, /\/articles\/sized\/metal-(640|828)\.[0-9a-f]{10}\.webp$/);
  assert.equal(hero.priority, 'high');
  assert.equal(hero.style, null);
  const pictures = await pictureBytes(page);
  const heroBytes = pictures.filter((p) => p.url.includes('/sized/metal-'));
  assert.equal(heroBytes.length, 1, `one file of the photo: ${JSON.stringify(heroBytes)}`);
  assert.ok(heroBytes[0].bytes <= 80_000, `${heroBytes[0].bytes} bytes for the hero`);
  assert.ok(!pictures.some((p) => p.url.endsWith('/img/metal.jpg')));
  page.assertClean();
  await page.close();
});

test('a wide screen at twice the density gets a file at least as wide as the picture is shown', async () => {
  const page = await openAt(`/articles/${HERO_ARTICLE}/`, { width: 1280, scale: 2 });
  await loaded(page, '.figure.hero img');
  const hero = await page.evaluate(() => {
    const img = document.querySelector('.figure.hero img');
    return { src: new URL(img.currentSrc).pathname, shown: img.getBoundingClientRect().width };
  });
  assert.match(hero.src, /\.webp$/);
  // (naturalWidth is the file's width divided by its density: the file's own is in its name.)
  const pixels = Number(/-(\d+)\.[0-9a-f]{10}\.webp$/.exec(hero.src)[1]);
  assert.ok(pixels >= hero.shown * 2, `${pixels} pixels for ${hero.shown} CSS pixels at 2×`);
  await page.close();
});

test('the front page, the embed, share cards, feeds and search name small files', async () => {
  const front = await openAt('/', { wait: '.article-list' });
  await loaded(front, '.card img');
  const lead = await front.evaluate(() => {
    const img = document.querySelector('.card img');
    return { src: new URL(img.currentSrc).pathname, priority: img.getAttribute('fetchpriority'), sizes: img.getAttribute('sizes') };
  });
  assert.match(lead.src, /\/articles\/sized\/metal-(320|640)\.[0-9a-f]{10}\.webp$/, 'the lead card: its own small size');
  assert.equal(lead.priority, 'high');
  const total = (await pictureBytes(front)).reduce((sum, p) => sum + p.bytes, 0);
  assert.ok(total <= 200_000, `${total} bytes of pictures on the front page`);
  await front.close();

  // On a wide screen the card's picture sits beside its text (the <picture>'s <source>s take
  // no cell of the card's grid).
  const wide = await openAt('/', { width: 1280, scale: 1, wait: '.article-list' });
  const beside = await wide.evaluate(() => {
    const card = document.querySelector('.card');
    const img = card.querySelector('img').getBoundingClientRect();
    const text = card.querySelector('.card-text').getBoundingClientRect();
    return { imgTop: img.top, textTop: text.top, imgRight: img.right, textLeft: text.left };
  });
  assert.ok(Math.abs(beside.imgTop - beside.textTop) < 24 && beside.imgRight <= beside.textLeft, JSON.stringify(beside));
  await wide.close();

  const embed = await openAt(`/embed/${HERO_ARTICLE}/`, { width: 360, scale: 2 });
  await loaded(embed, '.figure.hero img');
  const embedded = await pictureBytes(embed);
  assert.ok(embedded.every((p) => !p.url.endsWith('/img/metal.jpg')));
  assert.ok(embedded.filter((p) => p.url.includes('/sized/')).every((p) => p.bytes <= 80_000), JSON.stringify(embedded));
  await embed.close();

  const html = readFileSync(join(copy.dir, `articles/${HERO_ARTICLE}/index.html`), 'utf8');
  assert.match(html, /<meta property="og:image" content="[^"]*\/articles\/sized\/metal-1200\.[0-9a-f]{10}\.jpg"/);
  assert.match(html, /<meta name="twitter:image" content="[^"]*\/articles\/sized\/metal-1200\.[0-9a-f]{10}\.jpg"/);
  const feed = readFileSync(join(copy.dir, 'feed.xml'), 'utf8');
  assert.match(feed, /\/articles\/sized\/metal-1200\.[0-9a-f]{10}\.jpg/);
  assert.ok(!feed.includes('img/metal.jpg'));
  const shards = readFileSync(join(copy.dir, 'articles', `${HERO_ARTICLE}.json`), 'utf8');
  assert.ok(JSON.parse(shards).image.srcset.length === 12, 'the published JSON lists the 12 files (format 1.2)');
});

test('Save keeps the file the screen shows, and it reads offline', async () => {
  const context = await app.browser.newContext({ viewport: { width: 412, height: 900 }, deviceScaleFactor: 1.75 });
  const front = await open(app, '/', { context, wait: '.article-list' });
  await front.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  const page = front;
  await page.goto(`${app.url}${at(`/articles/${HERO_ARTICLE}/`)}`);
  await page.waitForSelector('.figure.hero img');
  await loaded(page, '.figure.hero img');
  await waitOrTell(page, 'button.save-toggle[aria-pressed="false"]');
  const shown = await page.evaluate(() => new URL(document.querySelector('.figure.hero img').currentSrc).pathname);
  await page.locator('button.save-toggle').click();
  await page.waitForFunction(() => document.querySelector('.save-toggle')?.getAttribute('aria-pressed') === 'true', null, { timeout: 15_000 });
  const stored = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const out = [];
    for (const r of await cache.keys()) out.push({ url: new URL(r.url).pathname, bytes: (await (await cache.match(r)).arrayBuffer()).byteLength });
    return out;
  }, FACTS.saved_cache);
  const photos = stored.filter((s) => s.url.includes('/sized/metal-'));
  assert.deepEqual(photos.map((p) => p.url), [shown], 'the file on screen, and no other size');
  const total = stored.reduce((sum, s) => sum + s.bytes, 0);
  assert.ok(total <= 300_000, `${total} bytes of the offline quota`);

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.figure.hero img');
  await loaded(page, '.figure.hero img');
  assert.equal(await page.evaluate(() => new URL(document.querySelector('.figure.hero img').currentSrc).pathname), shown);
  await context.close();
});

test('the bad pictures show their description; a publish with the photo unchanged makes nothing', async () => {
  for (const [id, alt] of [['library-night-hours', 'The reading room at night'], ['rain-gauge-volunteers', 'A rain gauge on a fence post']]) {
    const page = await openAt(`/articles/${id}/`, { width: 1280, scale: 1, wait: '.figure.hero' });
    await page.waitForSelector('.figure.hero .img-fallback');
    assert.match(await page.locator('.figure.hero .img-fallback').getAttribute('aria-label'), new RegExp(alt));
    page.assertClean();
    await page.close();
  }
  const again = copy.run(['--timings']);
  assert.match(again, /publish: 0 written, 0 removed/);
  // Touched (a new time, the same bytes): read, compared, not made again.
  const now = new Date();
  utimesSync(join(copy.archive, 'img/metal.jpg'), now, now);
  assert.match(copy.run(), /publish: 0 written, 0 removed/);
});
