// The headers a file of the reader is served with, from src/headers.json: the one table the
// deploy (src/deploy/headers.rs, for S3), the _headers file (scripts/build-headers.mjs) and the
// local server (scripts/serve.mjs) read. The same rules as the Rust reader; both are checked
// against tests/cases/headers.json.
import { readFileSync } from 'node:fs';

const table = JSON.parse(readFileSync(new URL('../src/headers.json', import.meta.url), 'utf8'));
const facts = JSON.parse(readFileSync(new URL('../src/facts.json', import.meta.url), 'utf8'));

export const CACHE = table.cache;

/** The Content-Type of a path relative to the reader's folder (`articles/x/index.html`). */
export function contentType(path) {
  const name = path.split('/').at(-1);
  if (Object.hasOwn(table.names, name)) return table.names[name];
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  return Object.hasOwn(table.extensions, extension) ? table.extensions[extension] : table.other_type;
}

/** Whether the path's name carries a hash of its bytes (never changes under that name). */
export function isHashed(path) {
  const rule = table.hashed;
  const name = path.split('/').at(-1);
  // The publish's pictures: `{name}-{width}.{hash}.{ext}`.
  if (path.startsWith(table.sized_under)) return true;
  if (rule.never_under.some((folder) => path.startsWith(folder))) return false;
  if (path.startsWith(facts.search_dir)) {
    const dot = name.lastIndexOf('.');
    return dot >= 0 && rule.search_extensions.includes(name.slice(dot + 1));
  }
  const stem = name.split('.')[0];
  return stem.split(/[-_]/).some((part) => part.length === rule.hash_length && /^[0-9a-f]+$/.test(part));
}

/** The Cache-Control of a path relative to the reader's folder. */
export function cacheControl(path) {
  if (isHashed(path)) return table.cache.hashed;
  if (path.startsWith(table.pictures_under)) return table.cache.pictures;
  return table.cache.other;
}

/** The extensions the table names a type for (for the _headers file's rules). */
export const EXTENSIONS = Object.entries(table.extensions);
export const NAMES = Object.entries(table.names);
export const SEARCH_EXTENSIONS = table.hashed.search_extensions;
export const PICTURES_UNDER = table.pictures_under;
export const SIZED_UNDER = table.sized_under;
