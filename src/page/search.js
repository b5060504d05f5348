// The search bridge (the app's own pages only, not prerendered ones): loads the site's Pagefind
// index on first use and answers a query with JSON the app reads (model::search::parse_results).
// Pagefind's own script is loaded from the index folder, so a page that never searches
// downloads nothing of it. A failure is thrown with its `kind`, which the app turns into its
// message: `offline` (the index cannot be reached), `missing` (the site has no index),
// `changed` (the index was replaced by another deployment's while this page was open) or
// `failed`.
import { search_global as SEARCH, search_dir as SEARCH_DIR } from '../facts.json';

const DIR = `${BASE_PATH}${SEARCH_DIR}`;
const failure = (kind, detail) => Object.assign(new Error(String(detail)), { kind });

/** The index's entry file (names the index's current files), as text. */
async function entry() {
  let response;
  try {
    response = await fetch(`${DIR}pagefind-entry.json`, { cache: 'no-cache' });
  } catch (e) {
    throw failure('offline', e);
  }
  if (response.status === 404) throw failure('missing', `HTTP ${response.status}`);
  if (!response.ok) throw failure('failed', `HTTP ${response.status}`);
  return response.text();
}

let loading = null;
function load() {
  if (!loading) {
    loading = (async () => {
      const first = await entry();
      let pagefind;
      try {
        pagefind = await import(`${DIR}pagefind.js`);
        await pagefind.options({ baseUrl: BASE_PATH, excerptLength: 24 });
        await pagefind.init();
      } catch (e) {
        throw failure(navigator.onLine === false ? 'offline' : 'failed', e);
      }
      return { pagefind, first };
    })();
    // A failed start is tried again on the next search.
    loading.catch(() => { loading = null; });
  }
  return loading;
}

window[SEARCH] = {
  /** Starts loading the index (the reader focused the search box). */
  preload() {
    load().catch(() => {});
  },
  /** Searches; resolves to JSON: {total, hits: [{url, excerpt, meta}]} (the first `max`). */
  async search(query, max) {
    const { pagefind, first } = await load();
    try {
      const found = await pagefind.search(query);
      const data = await Promise.all(found.results.slice(0, max).map((r) => r.data()));
      return JSON.stringify({
        total: found.results.length,
        hits: data.map((d) => ({ url: d.url, excerpt: d.excerpt, meta: d.meta })),
      });
    } catch (e) {
      // A file of the index is gone: if the entry changed, another deployment replaced it.
      const now = await entry().catch((why) => { throw failure(why.kind ?? 'offline', e); });
      throw failure(now === first ? 'failed' : 'changed', e);
    }
  },
};
