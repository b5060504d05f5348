// What the deploy tests share (deploy, faults and stops): running the deploy command with only
// the variables given, the output as a deploy sees it, and the checks of a bucket against it.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BASE, FACTS, SITE } from './harness.mjs';
import { deployBinary } from '../../scripts/publish-binary.mjs';
import { nativeEnv } from '../../scripts/native-env.mjs';

/** The site's public address with its folder, without the closing `/`. */
export const publicBase = `${(process.env.READER_PUBLIC_URL ?? SITE.public_url).replace(/\/$/, '')}${BASE.replace(/\/$/, '')}`;

/** Files named by a hash of their bytes (the deploy keeps them a week after the output drops them). */
export const hashed = (k) => /\.pf_(fragment|index|meta|filter)$/.test(k) || /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(k);

/** The environment of a deploy: only the variables given (no credentials of anyone's). */
function deployEnv(env) {
  const clean = Object.fromEntries(Object.entries(nativeEnv()).filter(([k]) => !k.startsWith('AWS_')));
  return { ...clean, ...env };
}

/** Runs the deploy; returns { status, signal, stdout, stderr }. HOME is an empty folder. */
export function runDeploy(args, env) {
  const home = mkdtempSync(join(tmpdir(), 'reader-home-'));
  try {
    const r = spawnSync(deployBinary(), args, { env: deployEnv({ HOME: home, ...env }), encoding: 'utf8' });
    return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Runs the deploy without blocking this process (a proxy in this process must keep serving
 * it); resolves to { status, signal, stdout, stderr }. */
export function deployAsync(args, env) {
  const child = spawnDeploy(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
}

/** Starts the deploy without waiting (for the tests that stop it from outside). */
export function spawnDeploy(args, env) {
  const home = mkdtempSync(join(tmpdir(), 'reader-home-'));
  const child = spawn(deployBinary(), args, { env: deployEnv({ HOME: home, ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  child.on('exit', () => rmSync(home, { recursive: true, force: true }));
  return child;
}

/** The files a deploy sends: the output without the publish's folder and compressed copies. */
export function localFiles(dir) {
  const files = {};
  (function walk(d) {
    const names = new Set(readdirSync(d));
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      const rel = relative(dir, path);
      if (rel === '.publish') continue;
      if (e.isDirectory()) walk(path);
      else if (!/\.(br|gz)$/.test(e.name) || !names.has(e.name.replace(/\.(br|gz)$/, ''))) {
        files[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
      }
    }
  })(dir);
  return files;
}

/** The checks of one S3 server's buckets (`s3` from scripts/s3-server.mjs). */
export function bucketChecks(s3) {
  /** The bucket's objects of the site (not the deploy's record), with the server's view of each. */
  const siteObjects = (bucket, prefix = '') => new Map([...s3.objects(bucket)]
    .filter(([k]) => k.startsWith(prefix) && !k.startsWith(`${prefix}.deploy/`))
    .map(([k, v]) => [k.slice(prefix.length), v]));
  const readObject = (bucket, key) => readFileSync(join(s3.dir, bucket, key));

  /** Fails unless nothing in the bucket names a page or file it lacks: the index pages, the
   * front page, the feeds, the sitemaps and the search's shard list (and each shard's entry file). */
  function assertNothingMissing(bucket, prefix = '', when = '') {
    const keys = siteObjects(bucket, prefix);
    const has = (key) => keys.has(key);
    const problems = [];
    const read = (key) => readObject(bucket, `${prefix}${key}`).toString('utf8');
    for (const key of [...keys.keys()].filter((k) => /^articles\/(index|archive\/\d+)\.json$/.test(k))) {
      for (const { id } of JSON.parse(read(key)).articles) {
        for (const need of [`articles/${id}.json`, `articles/${id}/index.html`, `embed/${id}/index.html`, `oembed/${id}.json`]) {
          if (!has(need)) problems.push(`${key} names ${id}, but ${need} is missing`);
        }
      }
    }
    const linked = (key, re) => [...read(key).matchAll(re)].map((m) => m[1]);
    const local = (url) => url.startsWith(publicBase) ? url.slice(publicBase.length + 1).replace(/[?#].*$/, '') : null;
    for (const key of ['index.html', 'feed.xml', 'atom.xml', ...[...keys.keys()].filter((k) => /^sitemaps\/.*\.xml$/.test(k))]) {
      if (!has(key)) continue;
      for (const href of linked(key, /(?:href="|<loc>|<link>)([^"<]+)/g)) {
        const path = local(href) ?? (href.startsWith(BASE) ? href.slice(BASE.length) : null);
        const m = path && /^articles\/([^/.]+)\/?$/.exec(path);
        if (m && !has(`articles/${m[1]}/index.html`)) problems.push(`${key} links ${href}, which is missing`);
      }
    }
    const search = FACTS.search_dir;
    if (has(`${search}shards.json`)) {
      for (const shard of JSON.parse(read(`${search}shards.json`)).shards) {
        const dir = `${search}${shard.path}`.replace(/\/$/, '');
        const entry = `${dir}/pagefind-entry.json`;
        if (!has(entry)) { problems.push(`shards.json names ${entry}, which is missing`); continue; }
        const { languages } = JSON.parse(read(entry));
        for (const { hash } of Object.values(languages ?? {})) {
          const meta = [...keys.keys()].find((k) => k.startsWith(`${dir}/pagefind.`) && k.endsWith(`${hash}.pf_meta`));
          if (!meta) problems.push(`${entry} names a .pf_meta (${hash}) that is missing`);
        }
      }
    }
    assert.deepEqual(problems, [], `the bucket names only what it holds ${when}`);
  }

  /** Fails unless the bucket holds the output: every file with its bytes (0 lost), and nothing
   * else but hashed files kept a week (0 dangling). Returns the counts. */
  function assertMirror(bucket, dir, prefix = '', when = '') {
    const local = localFiles(dir);
    const remote = siteObjects(bucket, prefix);
    const lost = Object.keys(local).filter((k) => !remote.has(k)
      || createHash('sha256').update(readObject(bucket, `${prefix}${k}`)).digest('hex') !== local[k]);
    const dangling = [...remote.keys()].filter((k) => !(k in local) && !hashed(k));
    assert.deepEqual({ lost, dangling }, { lost: [], dangling: [] }, `the bucket mirrors the output ${when}`);
    return { objects: Object.keys(local).length };
  }

  return { siteObjects, readObject, assertNothingMissing, assertMirror };
}
