// The route of a page inside the reader's folder (`base_path` in site.json): /reader/articles/x
// is the route /articles/x under /reader/, and /reader itself is /. The same rule as
// `links::route_in` in src/model/links.rs; tests/cases/route.json holds the cases both pass.
// BASE_PATH is the configured folder, defined by scripts/build-page-scripts.mjs.

/** The route of `path` under `base`, or null when the path is outside the reader's folder. */
export function routeIn(base, path) {
  if (path + '/' === base) return '/';
  return path.startsWith(base) ? '/' + path.slice(base.length) : null;
}

/** This page's route, or '' outside the reader's folder. */
export const ROUTE = typeof location === 'undefined' ? '' : routeIn(BASE_PATH, location.pathname) ?? '';

/** Whether this page is an embed (/embed/{id} or /embed?src=). */
export const isEmbed = (route) => /^\/embed(\/|$)/.test(route);
