// The code build's output without anything a publish wrote: what a code release publishes
// into. Used by the benches and the browser tests (harness.mjs's freshCodeBuild).
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { publishedFiles } from './published-files.mjs';

/** Copies the build in `from` to `dir`, then removes every file its publish's manifest lists
 * (with its `.br` copy) and the publish's own folder. */
export function freshCodeBuild(from, dir) {
  cpSync(from, dir, { recursive: true });
  for (const path of publishedFiles(dir)) {
    rmSync(join(dir, path), { force: true });
    rmSync(join(dir, `${path}.br`), { force: true });
  }
  rmSync(join(dir, '.publish'), { recursive: true, force: true });
}
