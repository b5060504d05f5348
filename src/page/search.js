// The search bridge (the app's own pages and the prerendered search page): loads the site's search
// index on first use and answers a query with JSON the app reads (model::search::parse_results).
// The index is in shards (by language and period, each a Pagefind index of its own, listed
// newest first in `shards.json` by the publish command), and the shards in searches: the first
// search covers each language's newest articles, and each "Search older articles" the next
// search's shards (their `tier`). A search's shards are one Pagefind instance: its first shard
// loaded, the others merged into it (mergeIndex), each searched as its language, so Chinese and
// Japanese queries are split into words as their shards were. Results come newest search first:
// the older ones follow those the reader has seen. While the reader types, the first search's
// word lists for what is typed start loading (Pagefind's preload). Pagefind's own script is
// loaded from a shard's folder, once, so a page that never searches downloads nothing of it. A failure is thrown with its `kind`, which the app turns into its
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

/** The shards, grouped by search (first search first), and the list's text. */
let listing = null;
function list() {
  if (!listing) {
    listing = (async () => {
      const text = await entry();
      let shards;
      try {
        ({ shards } = JSON.parse(text));
      } catch (e) {
        throw failure('failed', e);
      }
      if (!Array.isArray(shards) || !shards.length) throw failure('missing', 'no shards');
      // A list without searches (an older publish) is one search.
      const tier = (s) => (Number.isInteger(s.tier) && s.tier > 0 ? s.tier : 1);
      const numbers = [...new Set(shards.map(tier))].sort((a, b) => a - b);
      return { text, searches: numbers.map((n) => shards.filter((s) => tier(s) === n)) };
    })();
    // A failed start is tried again on the next search.
    listing.catch(() => { listing = null; });
  }
  return listing;
}

/** Pagefind's script, loaded once (from the first search's lead shard: every shard's is the same). */
let script = null;
function pagefindScript(path) {
  if (!script) {
    script = import(`${DIR}${path}pagefind.js`);
    script.catch(() => { script = null; });
  }
  return script;
}

/** Each search's Pagefind instance, by its place in the list, once started. */
const started = new Map();
function start(shards, at) {
  if (!started.has(at)) {
    const starting = (async () => {
      // The first shard searches as the page's language (Pagefind's rule): the newest shard in
      // that language, else the newest one that needs no word splitting, leads.
      const page = (document.documentElement.lang || 'en').split('-')[0].toLowerCase();
      const splitting = ['zh', 'ja', 'th'];
      const lead = shards.find((s) => s.language === page)
        ?? shards.find((s) => !splitting.includes(s.language)) ?? shards[0];
      let instance;
      try {
        // Each search is an instance of its own (one script and one worker for all): its
        // results are ranked among its own articles, never mixed into an earlier search's.
        const pagefind = await pagefindScript(lead.path);
        instance = pagefind.createInstance({ basePath: `${DIR}${lead.path}`, baseUrl: BASE_PATH, excerptLength: 24 });
        await instance.init();
        // The first shard's start, awaited: a failure (offline) surfaces here, where merging
        // would wait for it forever.
        await instance.filters();
        await Promise.all(shards.filter((s) => s !== lead).map((s) =>
          instance.mergeIndex(`${DIR}${s.path}`, { language: s.language, baseUrl: BASE_PATH, excerptLength: 24 })));
      } catch (e) {
        // Pagefind keeps its instances: a failed start is thrown away, to be made again.
        await Promise.resolve(instance?.destroy?.()).catch(() => {});
        throw failure(navigator.onLine === false ? 'offline' : 'failed', e);
      }
      return instance;
    })();
    started.set(at, starting);
    starting.catch(() => started.delete(at));
  }
  return started.get(at);
}

window[SEARCH] = {
  /** Starts loading the first search's index (the reader focused the search box). */
  preload() {
    list().then(({ searches }) => start(searches[0], 0)).catch(() => {});
  },
  /**
   * The reader is typing `text`: the first search's word lists for it start loading, so the
   * search made once they pause finds them here.
   */
  prime(text) {
    list().then(({ searches }) => start(searches[0], 0)).then((instance) => instance.preload(text)).catch(() => {});
  },
  /**
   * Searches the first `searches` searches' shards; resolves to JSON: {total, hits: [{url,
   * excerpt, meta}], unsearched} (the first `max` results with their data, newest search first;
   * `unsearched`: the articles of the searches not yet made).
   */
  async search(query, max, searches = 1) {
    const listed = await list();
    const made = listed.searches.slice(0, Math.max(1, searches));
    const engines = await Promise.all(made.map((shards, at) => start(shards, at)));
    try {
      const found = await Promise.all(engines.map((pagefind) => pagefind.search(query)));
      const results = found.flatMap((f) => f.results);
      const data = await Promise.all(results.slice(0, max).map((r) => r.data()));
      const unsearched = listed.searches.slice(made.length).flat()
        .reduce((sum, s) => sum + (Number.isInteger(s.articles) ? s.articles : 0), 0);
      return JSON.stringify({
        total: results.length,
        hits: data.map((d) => ({ url: d.url, excerpt: d.excerpt, meta: d.meta })),
        unsearched,
      });
    } catch (e) {
      // A file of the index is gone: if the entry changed, another deployment replaced it.
      const now = await entry().catch((why) => { throw failure(why.kind ?? 'offline', e); });
      throw failure(now === listed.text ? 'failed' : 'changed', e);
    }
  },
};

// The prerendered search page is a form that works before and without the app: the query in
// its address fills its box as soon as the box is there (the island reads the same address).
// The app's own pages render their box later: nothing is there to fill.
document.addEventListener('DOMContentLoaded', () => {
  const box = document.getElementById('search-query');
  const q = new URLSearchParams(location.search).get('q');
  if (box && q && !box.value) box.value = q;
});
