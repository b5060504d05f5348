// The files a publish wrote into an output, as its manifest lists them (src/publish/manifest.rs):
// `.publish/manifest.json` names its parts (`.publish/manifest/{bucket}-{hash}.json`), each
// holding some of the files; a manifest of the format before parts holds them itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every path the publish's manifest in `dir` lists; throws when there is none. */
export function publishedFiles(dir) {
  const state = join(dir, '.publish');
  const head = JSON.parse(readFileSync(join(state, 'manifest.json'), 'utf8'));
  if (head.files) return Object.keys(head.files);
  return Object.values(head.parts ?? {}).flatMap((name) =>
    Object.keys(JSON.parse(readFileSync(join(state, 'manifest', name), 'utf8')).files));
}
