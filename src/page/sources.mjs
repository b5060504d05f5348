// Whether an article's address may be read: from the page's own origin or one of the sources
// site.json allows, over http(s). The rule of `links::check_source` in src/model/links.rs;
// tests/cases/sources.json holds the cases both pass.

/** Whether `url` (absolute) may be fetched by a page at `pageUrl`, given the allowed `sources`. */
export function allowedSource(url, pageUrl, sources) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return parsed.origin === new URL(pageUrl).origin || sources.includes(parsed.origin);
}
