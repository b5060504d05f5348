// Starts downloading the page's article JSON while the app itself downloads: /articles/{id}
// that was not prerendered, the front page's index, and the source of /read?src= and
// /embed?src= (http and https only, from the page's origin or a source site.json allows, as
// the app checks in `links::check_source`). The app's first request for that URL takes this
// one over (src/api.rs), and aborting it (leaving the page, the time limit) aborts this fetch
// too, which a <link rel=preload> could not do. SOURCES is site.json's list, defined by
// scripts/build-page-scripts.mjs.
import {
  reader_data_id as READER_DATA_ID, id_chars as ID_CHARS, id_max_len as ID_MAX_LEN,
  early_fetch_global as EARLY_FETCH,
} from '../facts.json';
import { ROUTE } from './route.mjs';
import { allowedSource } from './sources.mjs';

const ARTICLE = new RegExp(`^/articles/([${ID_CHARS}]{1,${ID_MAX_LEN}})/?$`);

/** The address this page's app will fetch first, or null. */
function firstFetch() {
  // A prerendered page carries its article inline.
  if (document.getElementById(READER_DATA_ID)) return null;
  if (/^\/(read|embed)\/?$/.test(ROUTE)) {
    const src = new URLSearchParams(location.search).get('src');
    try {
      const url = src && new URL(src, location.href).href;
      return url && allowedSource(url, location.href, SOURCES) ? url : null;
    } catch {
      return null; // the app reports a source it cannot open
    }
  }
  const m = ROUTE.match(ARTICLE);
  const href = m ? `articles/${m[1]}.json` : ROUTE === '/' ? 'articles/index.json' : null;
  return href && new URL(BASE_PATH + href, location.href).href;
}

const href = firstFetch();
if (href) {
  const controller = new AbortController();
  const early = {
    url: href,
    controller,
    response: fetch(href, { signal: controller.signal, credentials: 'same-origin' }),
  };
  // Failures are the app's to report, when it takes the response.
  early.response.catch(() => {});
  window[EARLY_FETCH] = early;
}
