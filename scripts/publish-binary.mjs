// Where the code build leaves the native publish command (cargo's `native` profile), for the
// build, the tests and the benchmarks, which run it without compiling anything.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The publish command's path; fails with what to run when the code build has not made it. */
export function publishBinary() {
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const path = join(target, 'native', 'publish');
  if (!existsSync(path)) throw new Error(`${path} is missing: run the code build first (scripts/build.sh)`);
  return path;
}
