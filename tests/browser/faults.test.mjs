// Deploying through a store that fails: a fault-injecting proxy (scripts/fault-proxy.mjs) in
// front of the real S3 server on 127.0.0.1 answers one request in five with 500, 503 SlowDown,
// a reset connection, a stall past the client's timeout, or a lost answer to a PUT that did
// succeed. Every deploy completes or stops with a clear message, the next one completes, and
// the bucket never names a missing object; once complete, the bucket mirrors the output (0
// objects lost, 0 dangling). A deploy whose requests give up after one retry keeps its progress:
// tried again at most 8 times, it completes without sending everything again. Also: after the
// first deploy the bucket is never listed; the deploy refuses an output whose publish did not
// finish, and waits for a publish that holds the output's lock.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedCopy } from './harness.mjs';
import { bucketChecks, deployAsync, localFiles, runDeploy, spawnDeploy } from './deploying.mjs';
import { cacheControl, contentType } from '../../scripts/headers-table.mjs';
import { serverChanges, startS3 } from '../../scripts/s3-server.mjs';
import { startFaultProxy } from '../../scripts/fault-proxy.mjs';

const s3 = await startS3({ buckets: ['faults', 'progress', 'quiet'] });
after(() => s3.stop());
const proxy = await startFaultProxy({ upstream: s3.endpoint, rate: 0.2, seed: 39 });
after(() => proxy.stop());
const copy = publishedCopy();
after(() => copy.remove());
const { assertNothingMissing, assertMirror, siteObjects } = bucketChecks(s3);
const through = { ...s3.env, AWS_ENDPOINT_URL: proxy.url };
// (Deploys through the proxy run without blocking this process, which serves the proxy.)
// A stall costs the client its timeout: 2 s here (60 s by default).
const PATIENT = ['--timeout', '2'];

/** A clean stop: exit 1 and a message that says what happened and what to do. */
function assertCleanStop(r, when) {
  assert.equal(r.signal, null, `${when}: no crash (${r.signal})\n${r.stderr}`);
  assert.equal(r.status, 1, `${when}: exit 1\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stderr, /^deploy: .*run (the deploy|it) again/ms, `${when}: says what to do\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /refused the credentials|does not exist/, `${when}: blames nothing the store did not say\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /panicked|RUST_BACKTRACE/, `${when}: no panic`);
}

let added = 0;
/** Publishes a change: a new article, and every third time the removal of an earlier one. */
function publishChange() {
  added += 1;
  const seed = JSON.parse(readFileSync(join(copy.archive, 'rain-gauge-volunteers.json'), 'utf8'));
  const id = `fault-story-${added}`;
  const published = new Date(Date.UTC(2026, 10, 20, 9, added)).toISOString().replace('.000Z', 'Z');
  writeFileSync(join(copy.archive, `${id}.json`),
    JSON.stringify({ ...seed, id, headline: `Fault story ${added}: the river gauges report`, published, updated: undefined }));
  if (added % 3 === 0) rmSync(join(copy.archive, `fault-story-${added - 2}.json`));
  copy.run();
}

/** Deploys until one completes (at most `tries`); checks the bucket after each try. */
async function deployUntilDone(target, args, tries, counts, output = copy) {
  const [bucket, prefix = ''] = target.replace('s3://', '').split(/\/(.*)/s);
  for (let attempt = 1; attempt <= tries; attempt += 1) {
    const r = await deployAsync(['--from', output.dir, '--to', target, ...args], through);
    counts.tries += 1;
    const when = `after try ${attempt} to ${target}`;
    assertNothingMissing(bucket, prefix ? `${prefix.replace(/\/?$/, '/')}` : '', when);
    if (r.status === 0) {
      counts.completed += 1;
      assertMirror(bucket, output.dir, prefix ? `${prefix.replace(/\/?$/, '/')}` : '', when);
      return attempt;
    }
    assertCleanStop(r, when);
    counts.stopped += 1;
  }
  assert.fail(`no deploy to ${target} completed in ${tries} tries`);
}

// The 20 deploys run as two tests of 10 (each within the runner's time limit on a busy
// machine), then the totals are checked.
const before = { ...proxy.stats, by: { ...proxy.stats.by } };
const counts = { deploys: 0, tries: 0, completed: 0, stopped: 0 };
for (const half of [1, 2]) {
  test(`through a store that fails one request in five, every deploy completes or stops cleanly; the bucket never names a missing object, and then mirrors the output (deploys ${half * 10 - 9} to ${half * 10})`, async () => {
    proxy.setRate(0.2);
    for (let round = 0; round < 10; round += 1) {
      if (counts.deploys > 0) publishChange();
      await deployUntilDone('s3://faults', PATIENT, 8, counts);
      counts.deploys += 1;
    }
  });
}

test('the fault report: at least 200 faults of every kind over at least 20 deploys, each completed', () => {
  const faults = proxy.stats.faults - before.faults;
  const by = Object.entries(proxy.stats.by).map(([k, n]) => `${k}: ${n - before.by[k]}`).join(', ');
  console.log(`fault proxy: ${faults} faults in ${proxy.stats.requests - before.requests} requests (${by}); ${counts.deploys} deploys, ${counts.tries} tries: ${counts.completed} completed, ${counts.stopped} stopped cleanly; 0 objects lost, 0 dangling`);
  assert.ok(counts.deploys >= 20, `${counts.deploys} deploys`);
  assert.ok(faults >= 200, `at least 200 faults injected (${faults})`);
  for (const kind of ['500', '503', 'reset', 'stall', 'lost']) assert.ok(proxy.stats.by[kind] - before.by[kind] > 0, `some ${kind} faults (${by})`);
  assert.equal(counts.completed, counts.deploys);
});

test('a deploy that gives up after two retries keeps its progress: tried again at most 8 times it completes, sending little twice', async () => {
  proxy.setRate(0.2);
  const from = proxy.passed.length;
  const counts = { tries: 0, completed: 0, stopped: 0 };
  // A larger site: the demo and 100 more articles (about 500 objects).
  const large = publishedCopy((archive) => {
    const seed = JSON.parse(readFileSync(join(archive, 'rain-gauge-volunteers.json'), 'utf8'));
    for (let i = 1; i <= 100; i += 1) {
      const published = new Date(Date.UTC(2025, 3, 1 + (i % 28), 8, i)).toISOString().replace('.000Z', 'Z');
      writeFileSync(join(archive, `progress-report-${i}.json`), JSON.stringify({ ...seed, id: `progress-report-${i}`, headline: `Progress report ${i}`, published, updated: undefined }));
    }
  });
  after(() => large.remove());
  const tries = await deployUntilDone('s3://progress', [...PATIENT, '--retries', '2'], 8, counts, large);
  const site = siteObjects('progress').size;
  // The uploads the store took (answered with 200), the site's objects only.
  const sent = proxy.passed.slice(from).filter((r) => r.method === 'PUT' && r.status === 200 && !r.url.includes('/.deploy/')).length;
  console.log(`progress: completed on try ${tries}; the store took ${sent} uploads for the ${site} objects in the bucket`);
  // Each object is taken once, but for those whose answer was lost (sent again); a deploy that
  // started over would send them once a try.
  assert.ok(sent <= site * 1.25, `the store took ${sent} uploads for ${site} objects over ${tries} tries`);
});

test('after the first deploy the bucket is never listed; the first lists it once, and sends each object with its headers', async () => {
  proxy.setRate(0);
  const first = proxy.log.length;
  const firstPut = proxy.puts.length;
  const firstRun = await deployAsync(['--from', copy.dir, '--to', 's3://quiet'], through);
  assert.equal(firstRun.status, 0, firstRun.stderr);
  const lists = (from) => proxy.log.slice(from).filter((l) => /[?&]list-type=2/.test(l));
  assert.equal(lists(first).length, 1, 'the first deploy checks the bucket once');
  // What the deploy sent, not what the server guessed: every type and caching of the table.
  const sent = proxy.puts.slice(firstPut).map((p) => ({ ...p, key: decodeURIComponent(p.url.replace(/^\/quiet\//, '').replace(/\?.*$/, '')) }))
    .filter((p) => !p.key.startsWith('.deploy/'));
  // Each file once (a request the client had to send again, say on a connection the server had
  // just closed, counts once).
  assert.deepEqual([...new Set(sent.map((p) => p.key))].sort(), Object.keys(localFiles(copy.dir)).sort());
  for (const { key, type, cache } of sent) assert.deepEqual([type, cache], [contentType(key), cacheControl(key)], key);
  assert.ok(sent.some((p) => p.key.endsWith('.pf_fragment')) && sent.some((p) => p.key === '_headers'));
  publishChange();
  const second = proxy.log.length;
  const r = await deployAsync(['--from', copy.dir, '--to', 's3://quiet'], through);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /deploy: [1-9]\d* of \d+ files uploaded/);
  assert.deepEqual(lists(second), [], 'no listing');
  const others = proxy.log.slice(second).filter((l) => !/^(GET|PUT|DELETE) /.test(l));
  assert.deepEqual(others, [], 'only reads, writes and removals of named objects');
});

test('the deploy refuses an output whose publish did not finish, and writes nothing', () => {
  proxy.setRate(0);
  const pending = join(copy.dir, '.publish/pending.json');
  writeFileSync(pending, '["feeds"]');
  try {
    const before = s3.objects('quiet');
    const r = runDeploy(['--from', copy.dir, '--to', 's3://quiet'], s3.env);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /the last publish into .* did not finish: run scripts\/publish\.sh again, then deploy/);
    assert.deepEqual(serverChanges(before, s3.objects('quiet')), { written: [], removed: [] });
  } finally {
    rmSync(pending, { force: true });
  }
});

test('the deploy waits for a publish that holds the output, then runs', async () => {
  const lock = join(copy.dir, '.publish/lock');
  // A publish holds the lock (flock(1), the lock the commands take), in its own process group.
  const holder = spawn('flock', [lock, 'sleep', '30'], { stdio: 'ignore', detached: true });
  await new Promise((r) => setTimeout(r, 300));
  const deploy = spawnDeploy(['--from', copy.dir, '--to', 's3://quiet'], s3.env);
  let stderr = '';
  deploy.stderr.on('data', (d) => { stderr += d; });
  const done = new Promise((r) => deploy.on('exit', (code) => r(code)));
  for (let i = 0; i < 100 && !stderr.includes('waiting'); i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.match(stderr, /deploy: a publish is writing .*: waiting for it to finish/);
  assert.equal(deploy.exitCode, null, 'it waits');
  process.kill(-holder.pid, 'SIGKILL');
  assert.equal(await done, 0, stderr);
});
