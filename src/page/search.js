// The search bridge (the app's own pages only, not prerendered ones): loads the site's search
// index on first use and answers a query with JSON the app reads (model::search::parse_results).
// The index is in shards (by language and period, each a Pagefind index of its own, listed
// newest first in `shards.json` by the publish command): the first is loaded, the others are
// merged into it (Pagefind's mergeIndex), each searched as its language, so Chinese and Japanese
// queries are split into words as their shards were. Pagefind's own script is loaded from a
// shard's folder, so a page that never searches downloads nothing of it. A failure is thrown with its `kind`, which the app turns into its
// message: `offline` (the index cannot be reached), `missing` (the site has no index),
// `changed` (the index was replaced by another deployment's while this page was open) or
// `failed`.
import { search_global as SEARCH, search_dir as SEARCH_DIR } from '../facts.json';

const DIR = `${BASE_PATH}${SEARCH_DIR}`;
const failure = (kind, detail) => Object.assign(new Error(String(detail)), { kind });

/** The list of shards (names the index's current files), as text. */
async function entry() {
  let response;
  try {
    response = await fetch(`${DIR}shards.json`, { cache: 'no-cache' });
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
      let shards;
      try {
        ({ shards } = JSON.parse(first));
      } catch (e) {
        throw failure('failed', e);
      }
      if (!Array.isArray(shards) || !shards.length) throw failure('missing', 'no shards');
      // The first shard searches as the page's language (Pagefind's rule): the newest shard in
      // that language, else the newest one that needs no word splitting, leads.
      const page = (document.documentElement.lang || 'en').split('-')[0].toLowerCase();
      const splitting = ['zh', 'ja', 'th'];
      const lead = shards.find((s) => s.language === page)
        ?? shards.find((s) => !splitting.includes(s.language)) ?? shards[0];
      let pagefind;
      try {
        pagefind = await import(`${DIR}${lead.path}pagefind.js`);
        await pagefind.options({ baseUrl: BASE_PATH, excerptLength: 24 });
        await pagefind.init();
        // The first shard's start, awaited: a failure (offline) surfaces here, where merging
        // would wait for it forever.
        await pagefind.filters();
        await Promise.all(shards.filter((s) => s !== lead).map((s) =>
          pagefind.mergeIndex(`${DIR}${s.path}`, { language: s.language, baseUrl: BASE_PATH, excerptLength: 24 })));
      } catch (e) {
        // Pagefind keeps its instances: a failed start is thrown away, to be made again.
        await Promise.resolve(pagefind?.destroy?.()).catch(() => {});
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
