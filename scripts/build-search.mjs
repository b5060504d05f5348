#!/usr/bin/env node
// The search index: Pagefind (npm `pagefind`, its Linux binary from `@pagefind/linux-x64`) over
// the prerendered article pages, written to the output folder's `search_dir` (src/facts.json: `pagefind/`). Only what the
// article element marks (`data-pagefind-body`) is indexed: the headline, dek, byline, date,
// takeaways, the editorial card and the body; the tools, share and related parts are left out.
// Each result carries its article's language, section, date and hero image (`data-pagefind-meta`
// in the components). Embeds, the app shell, the front page and error pages are not indexed.
//
// One index for every language (`forceLanguage`: the site's default language): a French or
// Arabic word finds its article whatever the interface's language, and the words are processed
// the same way when indexing and when searching.
//
//   node scripts/build-search.mjs DIST_DIR
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SITE } from './site-config.mjs';

const dir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
const FACTS = JSON.parse(readFileSync(new URL('../src/facts.json', import.meta.url), 'utf8'));
const out = join(dir, FACTS.search_dir);
const started = performance.now();
const pages = existsSync(join(dir, 'articles'))
  ? readdirSync(join(dir, 'articles'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(dir, 'articles', d.name, 'index.html'))).length
  : 0;
if (pages === 0) {
  console.error(`build-search: no prerendered article pages in ${dir}/articles: nothing to index`);
  process.exit(1);
}
const fail = (what, errors) => {
  console.error(`build-search: ${what}:\n  ${errors.join('\n  ')}`);
  process.exit(1);
};
const { index, errors } = await pagefind.createIndex({
  forceLanguage: SITE.languages?.default ?? 'en',
  // What the built pages keep inside the article element that is no article text.
  excludeSelectors: ['.article-tools', '.reading-progress', '.share', '.related', '.takeaways > h2', '.editorial-label', '.visually-hidden'],
});
if (errors.length) fail('Pagefind did not start', errors);
const added = await index.addDirectory({ path: dir, glob: 'articles/*/index.html' });
if (added.errors.length) fail('Pagefind could not read the pages', added.errors);
if (added.page_count !== pages) fail('pages missing from the index', [`${added.page_count} of ${pages} article pages indexed`]);
rmSync(out, { recursive: true, force: true });
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length) fail('Pagefind could not write the index', written.errors);
await pagefind.close();
// The bundle's ready-made interfaces are not used: the reader has its own.
for (const f of readdirSync(out)) {
  if (/^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/.test(f)) rmSync(join(out, f));
}
console.log(`build-search: ${added.page_count} articles indexed into ${FACTS.search_dir} in ${Math.round(performance.now() - started)} ms`);
