// The security policy and the crash screen, in the real release build.
// - Every page carries the Content-Security-Policy as a <meta> (and the test server sends it as
//   a header, from dist/_headers); the harness fails any test file whose pages report a
//   violation. Here, the negative side: script an attacker adds to the page (inline, data: URL,
//   handler attribute, javascript: link, <object>) does not run, and DOM sinks refuse script
//   and unsafe markup (Trusted Types). (Code run through page.evaluate is exempt from CSP's
//   eval rules in DevTools, so eval is not checked from there.)
// - A panic (the /__panic route) shows the crash screen, whose Reload button works without the
//   app; release builds use panic = "abort".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIST, open, useApp, FACTS, at } from './harness.mjs';

const app = useApp();

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
