// Trusted Types (required by the Content-Security-Policy): the only policy. The app never
// writes article text as HTML; Leptos builds the app's own static markup (its view templates)
// through <template>.innerHTML, and this policy lets markup through only if it carries nothing
// that could run (a form only as the site's search box, `<form role="search"`). The only script
// URLs allowed are the service worker and the search index's worker.
// Then the crash screen: a panic in the app (which aborts the wasm module) or any other fatal
// error shows it, with a Reload button that works without the app.
import { crash_detail_id as CRASH_DETAIL_ID, search_dir as SEARCH_DIR } from '../facts.json';

if (window.trustedTypes && trustedTypes.createPolicy) {
  trustedTypes.createPolicy('default', {
    createHTML(html) {
      if (/<\s*\/?\s*(script|iframe|frame|object|embed|base|svg|math)\b|<\s*form\b(?!\s+role="search"[\s>])|\son[a-z]+\s*=|javascript:|srcdoc/i.test(html)) {
        throw new TypeError('Trusted Types: markup refused');
      }
      return html;
    },
    createScriptURL(url) {
      const u = new URL(url, location.href);
      const allowed = [`${BASE_PATH}sw.js`, `${BASE_PATH}${SEARCH_DIR}pagefind-worker.js`];
      if (u.origin === location.origin && allowed.includes(u.pathname)) return u.href;
      throw new TypeError('Trusted Types: script URL refused');
    },
  });
}

function show(detail) {
  const crash = document.getElementById('crash');
  if (!crash || !crash.hidden) return;
  const text = document.getElementById(CRASH_DETAIL_ID);
  if (text && !text.textContent) text.textContent = String(detail || 'unknown error');
  document.body.classList.add('crashed');
  crash.hidden = false;
  const button = document.getElementById('crash-reload');
  button.addEventListener('click', () => location.reload());
  button.focus();
}
const fatal = (error) => error instanceof WebAssembly.RuntimeError
  || (error && /^(panicked|RuntimeError)/.test(String(error.message || error)));
addEventListener('error', (e) => { if (fatal(e.error)) show(e.error); });
addEventListener('unhandledrejection', (e) => { if (fatal(e.reason)) show(e.reason); });
