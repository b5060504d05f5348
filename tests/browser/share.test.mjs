// Share controls: Web Share where available, the fallback menu, Copy link and its fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, open, readJson, useApp, SITE } from './harness.mjs';

const app = useApp();
const HARBOR = readJson(`${DIST}/articles/harbor-bridge-reopens.json`);
const enc = encodeURIComponent;

test('without Web Share the Share button opens a menu of encoded links', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', {
    initScript: () => { delete Navigator.prototype.share; },
  });
  const share = page.locator('summary.share-button');
  await share.waitFor();
  // A native disclosure: <details open> is the state the browser reports as expanded.
  const isOpen = () => page.locator('details.share-details').evaluate((d) => d.open);
  assert.equal(await isOpen(), false);
  assert.equal(await page.locator('#share-menu').isVisible(), false);
  await share.click();
  await page.waitForSelector('#share-menu a');
  assert.equal(await isOpen(), true);

  const links = await page.locator('#share-menu a').evaluateAll((as) => as.map((a) => ({
    text: a.textContent.trim(), href: a.getAttribute('href'), target: a.target, rel: a.rel,
    name: a.getAttribute('aria-label'),
  })));
  assert.deepEqual(links.map((l) => l.text), ['X', 'Facebook', 'LinkedIn', 'WhatsApp', 'Email']);
  const u = enc(HARBOR.url);
  const t = enc(HARBOR.headline);
  assert.deepEqual(links.map((l) => l.href), [
    `https://x.com/intent/post?url=${u}&text=${t}${SITE.social?.twitter ? `&via=${SITE.social.twitter.replace(/^@/, '')}` : ''}`,
    `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    `https://wa.me/?text=${enc(`${HARBOR.headline} ${HARBOR.url}`)}`,
    `mailto:?subject=${t}&body=${enc(`${HARBOR.headline}\n\n${HARBOR.url}`)}`,
  ]);
  for (const link of links) {
    assert.equal(link.target, '_blank');
    assert.ok(link.rel.split(' ').includes('noopener') && link.rel.split(' ').includes('noreferrer'), link.rel);
    assert.ok(link.name && link.name.includes(link.text === 'Email' ? 'email' : link.text), link.name);
  }
  assert.equal((await page.locator('#share-menu button.copy-link').textContent()).trim(), 'Copy link');

  // Escape closes the menu and puts focus back on the Share button.
  await page.locator('#share-menu a').first().focus();
  await page.keyboard.press('Escape');
  assert.equal(await isOpen(), false);
  assert.ok(await share.evaluate((b) => b === document.activeElement));
  page.assertClean();
  await page.close();
});

test('Copy link copies the canonical URL and says "Link copied"', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', {
    permissions: ['clipboard-read', 'clipboard-write'],
    initScript: () => { delete Navigator.prototype.share; },
  });
  await page.locator('summary.share-button').click();
  await page.locator('button.copy-link').click();
  const status = page.locator('.share-status[role="status"]');
  await page.waitForFunction(() => document.querySelector('.share-status').textContent.includes('Link copied'));
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), HARBOR.url);
  page.assertClean();
  await page.close();
});

test('when the clipboard is refused the link is shown selected for a manual copy', async () => {
  const page = await open(app, '/articles/library-night-hours', {
    initScript: () => {
      delete Navigator.prototype.share;
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
      document.execCommand = () => false;
    },
  });
  await page.locator('summary.share-button').click();
  await page.locator('button.copy-link').click();
  const input = page.locator('.manual-copy input');
  await input.waitFor();
  // No canonical URL in this article: the page's own address is shared.
  assert.equal(await input.inputValue(), `${app.url}/articles/library-night-hours`);
  assert.ok(await input.evaluate((i) => i === document.activeElement && i.selectionEnd - i.selectionStart === i.value.length));
  assert.match(await page.locator('.share-status').textContent(), /Couldn't copy automatically/);
  page.assertClean();
  await page.close();
});

test('Web Share is used when the browser has it', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', {
    initScript: () => {
      window.__shared = [];
      Navigator.prototype.share = function (data) { window.__shared.push(data); return Promise.resolve(); };
    },
  });
  await page.locator('summary.share-button').click();
  await page.waitForFunction(() => window.__shared.length === 1);
  assert.deepEqual(await page.evaluate(() => window.__shared[0]), { title: HARBOR.headline, url: HARBOR.url });
  assert.equal(await page.locator('#share-menu').isVisible(), false, 'no menu after a successful share');
  page.assertClean();
  await page.close();
});

test('a rejected Web Share falls back to the menu', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', {
    initScript: () => {
      Navigator.prototype.share = () => Promise.reject(new DOMException('no', 'NotAllowedError'));
    },
  });
  await page.locator('summary.share-button').click();
  await page.waitForSelector('#share-menu a');
  assert.equal(await page.locator('#share-menu a').count(), 5);
  page.assertClean();
  await page.close();
});
