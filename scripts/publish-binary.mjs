// Where the code build leaves the native publish and deploy commands (cargo's `native` profile), for the
// build, the tests and the benchmarks, which run it without compiling anything.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The publish command's path; fails with what to run when the code build has not made it. */
export const publishBinary = () => nativeBinary('publish');

/** The deploy command's path (the same build makes it). */
export const deployBinary = () => nativeBinary('deploy');

function nativeBinary(name) {
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const path = join(target, 'native', name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run the code build first (scripts/build.sh)`);
  return path;
}
