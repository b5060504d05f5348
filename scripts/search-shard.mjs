#!/usr/bin/env node
// One shard of the search index: Pagefind (npm `pagefind`, which runs its extended build, with
// Chinese and Japanese word segmentation) over the records the publish command made of the
// shard's articles (src/publish/search.rs: each article's address, text and result fields),
// processed as the shard's language. Run by the publish command for each shard whose articles
// changed; writes the shard's files to OUT_DIR.
//
//   node scripts/search-shard.mjs RECORDS.json LANGUAGE OUT_DIR
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const [recordsFile, language, out] = process.argv.slice(2);
if (!recordsFile || !language || !out) {
  console.error('usage: node scripts/search-shard.mjs RECORDS.json LANGUAGE OUT_DIR');
  process.exit(2);
}
const fail = (what, errors) => {
  console.error(`search-shard: ${what}:\n  ${errors.join('\n  ')}`);
  process.exit(1);
};
const records = JSON.parse(readFileSync(recordsFile, 'utf8'));
const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
if (errors.length) fail('Pagefind did not start', errors);
for (const record of records) {
  const added = await index.addCustomRecord(record);
  if (added.errors.length) fail(`Pagefind refused ${record.url}`, added.errors);
}
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length) fail('Pagefind could not write the shard', written.errors);
await pagefind.close();
// The bundle's ready-made interfaces are not used: the reader has its own.
for (const f of readdirSync(out)) {
  if (/^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/.test(f)) rmSync(join(out, f));
}
