/*! The news reader's embed loader. Turns
 *    <div data-article-embed="{id}"></div>          (or data-article-embed-src="{json url}")
 *    <article-embed article="{id}"></article-embed>  (or src="{json url}")
 *  into an iframe of the reader's embed view whose height follows its content.
 *  Options (data-… on the div, plain attributes on the element): theme (light|dark|auto),
 *  accent (#rrggbb), parts (comma-separated), lang, sandbox="strict" (no same-origin: no storage).
 *  Safety: the frame reports its height with postMessage to this page's exact origin; a message
 *  is used only when it comes from one of these frames (event.source) and from the reader's
 *  origin (event.origin, "null" for a strict frame). Nothing else is listened to. */
// The shared names (src/facts.json), bundled in by scripts/build-facts.mjs.
import { embed_resize_message as RESIZE, embed_options as OPTIONS } from '../facts.json';

(function () {
  'use strict';
  if (window.__articleEmbedLoader) {
    window.__articleEmbedLoader.scan();
    return;
  }
  var script = document.currentScript ||
    Array.prototype.slice.call(document.querySelectorAll('script[src]')).filter(function (s) {
      return /\/embed\.js(\?|#|$)/.test(s.src);
    }).pop();
  if (!script) return;
  // The reader's origin, and its folder (where embed.js is: `base_path` in site.json).
  var APP = new URL(script.src, location.href).origin;
  var FOLDER = new URL('.', new URL(script.src, location.href)).href;
  var frames = [];

  function option(host, name) {
    return host.getAttribute(host.tagName === 'ARTICLE-EMBED' ? name : 'data-' + name);
  }

  function mount(host) {
    if (host.__articleEmbedFrame) return;
    var id = host.tagName === 'ARTICLE-EMBED' ? host.getAttribute('article') : host.getAttribute('data-article-embed');
    var src = option(host, host.tagName === 'ARTICLE-EMBED' ? 'src' : 'article-embed-src');
    if (!id && !src) return;
    var url = new URL(id ? 'embed/' + encodeURIComponent(id) : 'embed', FOLDER);
    if (!id) url.searchParams.set('src', src);
    OPTIONS.forEach(function (name) {
      var value = option(host, name);
      if (value) url.searchParams.set(name, value);
    });
    url.searchParams.set('origin', location.origin);
    var strict = option(host, 'sandbox') === 'strict';
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = 'Article' + (id ? ': ' + id : '');
    frame.loading = 'lazy';
    frame.setAttribute('allow', 'web-share; clipboard-write');
    frame.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox' +
      (strict ? '' : ' allow-same-origin'));
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.style.cssText = 'display:block;width:100%;border:0;height:' + (option(host, 'height') || '480') + 'px';
    frame.__articleEmbedStrict = strict;
    host.__articleEmbedFrame = frame;
    host.textContent = '';
    host.appendChild(frame);
    frames.push(frame);
  }

  function scan(root) {
    var hosts = (root || document).querySelectorAll('[data-article-embed], [data-article-embed-src]');
    Array.prototype.forEach.call(hosts, mount);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== RESIZE) return;
    var frame = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frame = frames[i];
    }
    if (!frame) return;
    if (event.origin !== (frame.__articleEmbedStrict ? 'null' : APP)) return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 0 || height > 100000) return;
    frame.style.height = Math.ceil(height) + 'px';
    if (typeof data.title === 'string' && data.title) frame.title = 'Article: ' + data.title.slice(0, 300);
  });

  if (window.customElements && !customElements.get('article-embed')) {
    customElements.define('article-embed', class extends HTMLElement {
      connectedCallback() { mount(this); }
    });
  }

  window.__articleEmbedLoader = { scan: scan };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { scan(); });
  } else {
    scan();
  }
})();
