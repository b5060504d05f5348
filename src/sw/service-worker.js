// The reader's service worker, bundled by scripts/build-sw.mjs (esbuild) and given its precache
// list by Workbox's injectManifest from the real contents of dist/.
//
// - App shell: everything the app needs to start is precached with revision hashes (SHELL_URL,
//   set by scripts/build-sw.mjs: shell.html, beside this script).
// - Navigations: a page that exists only in the app (read, saved, a bare embed) is answered with
//   the cached app shell at once. Any other page may be prerendered HTML, which paints before
//   any code and brings only its islands: it comes from the network (with navigation preload),
//   and the app shell answers when the network fails or is slower than NAV_TIMEOUT_S, so deep
//   links work offline.
// - Article JSON (and the front page index): stale-while-revalidate.
// - Images: cache-first, with an expiry and a size cap.
// - Saved articles live in their own cache (SAVED_CACHE), written by the app and never touched
//   by updates or expiry. Both runtime routes fall back to it, and when revalidation brings a
//   newer `updated` timestamp for a saved article (and the new version has an article's
//   required fields), the saved copy is refreshed and every open page is told.
// - Updates: a new version installs and waits; the app shows "A new version is available —
//   Reload" and sends SKIP_WAITING when the reader agrees, so a page is never served half old,
//   half new. Caches of older versions are removed on activate.

import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { enable as enableNavigationPreload } from 'workbox-navigation-preload';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';

// Names shared with the app, from their one definition (bundled in by scripts/build-sw.mjs).
import {
  saved_cache as SAVED_CACHE, saved_list_path as SAVED_LIST_PATH, article_cache as ARTICLE_CACHE,
  image_cache as IMAGE_CACHE, cache_prefix as CACHE_PREFIX, skip_waiting_message as SKIP_WAITING,
  saved_updated_message as SAVED_UPDATED, id_chars as ID_CHARS, id_max_len as ID_MAX_LEN,
  search_dir as SEARCH_DIR,
} from '../facts.json';

// Paths are relative to this script, which sits in the reader's folder (`base_path` in
// site.json): the same worker serves a reader at the root and one under /reader/.
const SAVED_INDEX = new URL(SAVED_LIST_PATH, self.location.href).pathname;
const ID = new RegExp(`^[${ID_CHARS}]{1,${ID_MAX_LEN}}$`);
const KNOWN_CACHES = [SAVED_CACHE, ARTICLE_CACHE, IMAGE_CACHE];

self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) self.skipWaiting();
});

// Control the page on its first visit too, so what it reads is cached right away.
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('activate', (event) => {
  // Runtime caches of older versions (other names) go; Workbox's own precache is handled above.
  event.waitUntil(
    caches.keys().then((names) => Promise.all(
      names
        .filter((n) => n.startsWith(CACHE_PREFIX) && !KNOWN_CACHES.includes(n))
        .map((n) => caches.delete(n)),
    )),
  );
});

// Paths with a file extension (e.g. a .json opened directly) are not app routes. Workbox
// matches these patterns against path *and query*, so the extension is looked for in the path
// only: /read?src=/x.json is an app route.
const NOT_A_PAGE = [/^\/(?:[^?]*\/)?[^/?]+\.[a-z0-9]+(?:\?.*)?$/i];
const SCOPE = new URL(self.registration.scope).pathname;
// The routes no build prerenders (src/app.rs): what they show exists only at run time. (The
// search page is prerendered: it comes from the network like the articles, and offline the
// app answers it, searching the saved articles.)
const APP_ONLY = new RegExp(`^${SCOPE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:read|saved|embed|__panic)/?(?:\\?.*)?$`);
// After this long without an answer a page comes from the app shell and the cached articles.
const NAV_TIMEOUT_S = 5;

const shell = createHandlerBoundToURL(new URL(SHELL_URL, self.location.href).href);
registerRoute(new NavigationRoute(shell, {
  allowlist: [APP_ONLY],
  denylist: NOT_A_PAGE,
}));
enableNavigationPreload();
registerRoute(new NavigationRoute(new NetworkOnly({
  networkTimeoutSeconds: NAV_TIMEOUT_S,
  plugins: [{ handlerDidError: (options) => shell(options) }],
}), { denylist: NOT_A_PAGE }));

async function savedCopy(request) {
  const cache = await caches.open(SAVED_CACHE);
  return cache.match(request, { ignoreVary: true });
}

/** Falls back to the saved copy when the runtime cache has nothing. */
const savedFallback = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) => cachedResponse ?? savedCopy(request),
};

/**
 * For article JSON: a saved article is answered from the runtime cache only while that copy is
 * a readable article; when the publisher's newer version is broken, the reader's saved copy is
 * used instead (and when the runtime cache has nothing, as offline after expiry).
 */
const savedArticleFallback = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) => {
    const saved = await savedCopy(request);
    if (!saved || !cachedResponse) return cachedResponse ?? saved;
    try {
      if (looksLikeArticle(await cachedResponse.clone().json())) return cachedResponse;
    } catch {
      // not JSON: fall through to the saved copy
    }
    return saved;
  },
};

async function readSavedIndex(cache) {
  const response = await cache.match(SAVED_INDEX);
  if (!response) return null;
  try {
    const index = await response.json();
    return Array.isArray(index?.articles) ? index : null;
  } catch {
    return null;
  }
}

/** The article format's required fields (src/model/validate.rs): id, headline, a body. */
function looksLikeArticle(article) {
  return typeof article === 'object' && article !== null && !Array.isArray(article)
    && typeof article.id === 'string' && ID.test(article.id)
    && typeof article.headline === 'string' && article.headline.trim() !== ''
    && Array.isArray(article.body) && article.body.length > 0
    && article.body.every((b) => typeof b === 'object' && b !== null && typeof b.type === 'string');
}

/** After revalidation stored a new copy: refresh a saved article whose `updated` moved on. */
const refreshSaved = {
  cacheDidUpdate: async ({ request, newResponse }) => {
    const saved = await caches.open(SAVED_CACHE);
    const index = await readSavedIndex(saved);
    const entry = index?.articles.find((a) => a.json_url === request.url);
    if (!entry) return;
    let article;
    try {
      article = await newResponse.clone().json();
    } catch {
      return;
    }
    // A broken new version must not replace a good saved copy. The app validates fully; here
    // the fields without which no article can be shown are checked.
    if (!looksLikeArticle(article)) return;
    const fresh = Date.parse(article?.updated ?? '');
    const known = Date.parse(entry.updated ?? entry.published ?? '');
    if (!(fresh > (Number.isNaN(known) ? -Infinity : known))) return;
    await saved.put(request.url, newResponse.clone());
    entry.updated = article.updated;
    if (typeof article.headline === 'string' && article.headline) entry.headline = article.headline;
    entry.refreshed = true;
    await saved.put(SAVED_INDEX, new Response(JSON.stringify(index), {
      headers: { 'content-type': 'application/json' },
    }));
    const windows = await self.clients.matchAll({ type: 'window' });
    for (const client of windows) {
      client.postMessage({ type: SAVED_UPDATED, url: request.url, headline: entry.headline });
    }
  },
};

registerRoute(
  ({ request, url }) => request.destination === '' && request.method === 'GET'
    && url.pathname.endsWith('.json') && url.pathname !== SAVED_INDEX
    // The search index's files come from the network: its entry file must be the deployment's.
    && !url.pathname.startsWith(`${SCOPE}${SEARCH_DIR}`),
  new StaleWhileRevalidate({
    cacheName: ARTICLE_CACHE,
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true }),
      savedArticleFallback,
      refreshSaved,
    ],
  }),
);

registerRoute(
  ({ request }) => request.destination === 'image',
  new CacheFirst({
    cacheName: IMAGE_CACHE,
    plugins: [
      new CacheableResponsePlugin({ statuses: [0, 200] }),
      new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 30 * 24 * 60 * 60, purgeOnQuotaError: true }),
      savedFallback,
    ],
  }),
);
