// The site's configuration for the build scripts: site.json, or the file named by READER_SITE,
// already checked by build.rs (src/model/site.rs) before any script runs.
//   import { SITE, SITE_FILE, BASE, SOURCES } from './site-config.mjs';
//   node scripts/site-config.mjs base      (prints the base path, for scripts/build.sh)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The configuration file, as named (relative to the project). */
export const SITE_FILE = process.env.READER_SITE ?? 'site.json';
/** The configuration itself. */
export const SITE = JSON.parse(readFileSync(resolve(root, SITE_FILE), 'utf8'));
/** The folder the reader is served from: `/`, or such as `/reader/` (`base_path`). */
export const BASE = typeof SITE.base_path === 'string' ? SITE.base_path : '/';
/** The origins articles may also come from (`sources`), as the app compares them. */
export const SOURCES = (SITE.sources ?? []).map((o) => o.replace(/\/+$/, '').toLowerCase());

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2] === 'base') {
  console.log(BASE);
}
