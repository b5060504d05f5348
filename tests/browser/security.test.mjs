// The security policy and the crash screen, in the real release build.
// - Every page carries the Content-Security-Policy as a <meta> (and the test server sends it as
//   a header, from dist/_headers); the harness fails any test file whose pages report a
//   violation. Here, the negative side: script an attacker adds to the page (inline, data: URL,
//   handler attribute, javascript: link, <object>) does not run, and DOM sinks refuse script
//   and unsafe markup (Trusted Types). (Code run through page.evaluate is exempt from CSP's
//   eval rules in DevTools, so eval is not checked from there.)
// - A panic (the /__panic route) shows the crash screen, whose Reload button works without the
//   app; release builds use panic = "abort".
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, open, useApp, FACTS, at, live, publishedCopy, readJson } from './harness.mjs';

const app = useApp();
const policyOf = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];

// The real index.html with an attacker's additions, served without any header: the <meta>
// policy alone must stop them.
app.routes['/csp-probe'] = (req, res) => {
  const html = readFileSync(`${DIST}/index.html`, 'utf8').replace('<body>', `<body>
    <script>window.__pwned = 'inline script'</script>
    <script src="data:text/javascript,window.__pwned='data script'"></script>
    <img src="/nope.png" onerror="window.__pwned = 'handler'">
    <a id="js-link" href="javascript:window.__pwned = 'link'">link</a>
    <object data="${at('/brand/logo.svg')}"></object>`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
};

test('every page of the build carries the policy as a <meta>, Trusted Types required', async () => {
  for (const file of ['index.html', 'articles/harbor-bridge-reopens/index.html']) {
    const html = readFileSync(`${DIST}/${file}`, 'utf8');
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
    assert.ok(meta, `${file} has the <meta> policy`);
    const policy = meta[1].replace(/&quot;/g, '"');
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "object-src 'none'",
      "base-uri 'none'", "require-trusted-types-for 'script'", 'trusted-types default']) {
      assert.ok(policy.includes(directive), `${file}: ${directive}`);
    }
    assert.ok(!/unsafe-inline|unsafe-eval'/.test(policy.replace("'wasm-unsafe-eval'", '')), `${file}: nothing unsafe`);
    // The <meta> comes before anything that could load or run.
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), `${file}: policy first`);
  }
  const response = await fetch(`${app.url}/articles/harbor-bridge-reopens`);
  const header = response.headers.get('content-security-policy');
  assert.match(header, /require-trusted-types-for 'script'/);
  assert.match(header, /frame-ancestors 'none'/);
});

test('DOM sinks refuse script, handlers and unsafe markup (Trusted Types)', async () => {
  const page = await open(app, '/articles/harbor-bridge-reopens', { expectViolations: true,
    allowConsoleErrors: [/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i] });
  await page.waitForSelector('.article-body');
  const results = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const attempt = (f) => { try { f(); return 'allowed'; } catch (e) { return e.name; } };
    const out = {
      scriptText: attempt(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__pwned = "script"';
        document.body.append(s);
      }),
      scriptUrl: attempt(() => {
        const s = document.createElement('script');
        s.src = 'data:text/javascript,window.__pwned="src"';
        document.body.append(s);
      }),
      unsafeMarkup: attempt(() => { document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__pwned=\'img\'">'); }),
      harmlessMarkup: attempt(() => { const d = document.createElement('div'); d.innerHTML = '<b>bold</b>'; }),
      handler: attempt(() => {
        const button = document.createElement('button');
        button.setAttribute('onclick', 'window.__pwned = "handler"');
        document.body.append(button);
        button.click();
      }),
    };
    await new Promise((r) => setTimeout(r, 200));
    return { ...out, pwned: window.__pwned, violations };
  });
  assert.equal(results.pwned, undefined, 'nothing ran');
  assert.equal(results.scriptText, 'TypeError', 'script text needs a TrustedScript');
  assert.equal(results.scriptUrl, 'TypeError', 'script URLs go through the policy, which refuses them');
  assert.equal(results.unsafeMarkup, 'TypeError', 'the default policy refuses markup with handlers');
  assert.equal(results.harmlessMarkup, 'allowed', 'markup without script passes the default policy');
  assert.equal(results.handler, 'TypeError', 'inline handlers need a TrustedScript');
  assert.ok(results.violations.includes('require-trusted-types-for'), results.violations.join(', '));
  await page.close();
});

test('the <meta> policy alone stops script an attacker got into the page', async () => {
  const page = await open(app, '/csp-probe', { expectViolations: true, wait: null,
    allowConsoleErrors: [/Content Security Policy|Trusted Type|Failed to load resource/i],
    initScript: () => document.addEventListener('securitypolicyviolation',
      (e) => (window.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`)) });
  // The app starts under the same policy (this path is not one of its routes: "not found").
  await page.waitForSelector('main h1');
  await page.locator('#js-link').click();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing the attacker added ran');
  const violations = await page.evaluate(() => window.__violations ?? []);
  for (const blocked of ['script-src-elem inline', 'script-src-elem data', 'script-src-attr inline', 'object-src']) {
    assert.ok(violations.some((v) => v.startsWith(blocked.split(' ')[0]) && v.includes(blocked.split(' ')[1] ?? '')),
      `${blocked} reported: ${violations.join(' | ')}`);
  }
  await page.close();
});

test('a panic shows the crash screen with a working Reload button', async () => {
  const page = await open(app, '/__panic', { wait: '#crash:not([hidden])', takeover: false, allowConsoleErrors: [/panicked|unreachable/] });
  const state = await page.evaluate((crashDetail) => ({
    focused: document.activeElement?.id,
    heading: document.querySelector('#crash h2').textContent,
    detail: document.getElementById(crashDetail).textContent,
    // Everything else is hidden: the dead app cannot be used by mistake.
    othersVisible: [...document.body.children].filter((el) => el.id !== 'crash' && el.checkVisibility()).length,
  }), FACTS.crash_detail_id);
  assert.equal(state.focused, 'crash-reload', 'the Reload button has focus');
  assert.equal(state.heading, 'The reader stopped working');
  // Release builds abort at once on a panic (no message survives): the details name the trap.
  assert.match(state.detail, /RuntimeError: unreachable/);
  assert.equal(state.othersVisible, 0);
  // Reload works although the app is dead: it reloads the page (here sent to the front page).
  await page.evaluate((home) => history.replaceState(null, '', home), at('/'));
  await Promise.all([page.waitForEvent('load'), page.locator('#crash-reload').click()]);
  await page.waitForSelector('.article-list');
  assert.equal(await page.locator('#crash').isHidden(), true);
  await page.close();
});

// The policy is one for the whole site, in every page: nothing an article brings may change it.
// An article whose pictures have shapes no other article has (a wide hero, a tall body image
// that cannot load) is added to a copy of the build and prerendered as a build does.
const SHAPES = (() => {
  const harbor = readJson(`${DIST}/articles/harbor-bridge-reopens.json`);
  return {
    ...harbor,
    id: 'odd-shapes',
    headline: 'Panoramas and Portraits From the Lock Keepers',
    url: 'https://reader.example/articles/odd-shapes',
    published: '2026-10-21T08:00:00Z',
    updated: undefined,
    image: { ...harbor.image, width: 1001, height: 333 },
    body: [
      { type: 'paragraph', text: 'The keepers photographed the lock at dawn.' },
      { type: 'image', src: null, alt: 'The lock keeper at the gate', width: 457, height: 911 },
      { type: 'paragraph', text: 'Their pictures hang in the harbor office.' },
    ],
  };
})();
const shapes = publishedCopy((archive) => {
  writeFileSync(join(archive, `${SHAPES.id}.json`), JSON.stringify(SHAPES));
});
after(() => shapes.remove());
const shaped = useApp({ root: shapes.dir });

test('an article with pictures of new shapes leaves the policy and the shell as they were', async () => {
  const read = (root, file) => readFileSync(join(root, file), 'utf8');
  const page = read(shapes.dir, `articles/${SHAPES.id}/index.html`);
  assert.doesNotMatch(page, /<[a-z][^>]*\sstyle=/i, 'no style attribute in the new page');
  assert.match(page, /<canvas width="1001" height="333" aria-hidden="true" class="frame-sizer">/);
  const policy = policyOf(read(DIST, 'index.html'));
  assert.ok(policy);
  // No style attribute is allowed anywhere (the build refuses a page that has one).
  assert.doesNotMatch(policy, /unsafe-hashes/);
  for (const file of ['index.html', 'shell.html', 'articles/harbor-bridge-reopens/index.html', `articles/${SHAPES.id}/index.html`]) {
    assert.equal(policyOf(read(shapes.dir, file)), policy, `${file}: the same policy`);
  }
  assert.equal(read(shapes.dir, '_headers'), read(DIST, '_headers'), 'the same headers file');
  assert.equal(read(shapes.dir, 'shell.html'), read(DIST, 'shell.html'), 'the same shell, byte for byte');

  // The boxes keep the pictures' shapes, before the app and after, under that policy (the
  // harness fails the file on any violation).
  const tab = await open(shaped, `/articles/${SHAPES.id}`, { wait: '.figure.hero' });
  await live(tab);
  const ratios = await tab.evaluate(() => [...document.querySelectorAll('.frame')].map((f) => {
    const r = f.getBoundingClientRect();
    return { ratio: r.width / r.height, fallback: !!f.querySelector('.img-fallback') };
  }));
  assert.equal(ratios.length, 2, JSON.stringify(ratios));
  assert.ok(Math.abs(ratios[0].ratio - 1001 / 333) < 0.02, `hero ${ratios[0].ratio}`);
  assert.ok(Math.abs(ratios[1].ratio - 457 / 911) < 0.02 && ratios[1].fallback, `body ${JSON.stringify(ratios[1])}`);
  await tab.close();
});
