// Killed from outside: the publish and the deploy are stopped with SIGKILL by this process, at
// points spread over a whole run. A first run with READER_STOP_TRACE counts its stop points and
// the phase each falls in (src/publish/stops.rs: one after each temporary file is created, after
// it is written, after it is renamed into place, after each removal, upload and record write);
// then each chosen run stops itself at its point (READER_STOP_AT, SIGSTOP) and is killed here
// while stopped: what a `kill -9` at that moment leaves, between a file and its brotli copy,
// between create and rename, before the manifest. The points reach every phase.
//
// After each kill the next run completes, and:
// - the publish's output is byte for byte a full publish of the same archive, no temporary file
//   is left, and the manifest's hashes match the disk (`publish --check`);
// - the bucket never names a missing object, nothing is removed before the removals, the next
//   deploy makes the bucket a mirror of the output, and its purge list keeps what the killed
//   one changed.
// The archive has several index pages; the change adds articles (one with a new picture),
// corrects an old one and deletes another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { freshCodeBuild, outputTree, readJson } from './harness.mjs';
import { bucketChecks, localFiles, publicBase, runDeploy, spawnDeploy } from './deploying.mjs';
import { publishBinary } from '../../scripts/publish-binary.mjs';
import { nativeEnv } from '../../scripts/native-env.mjs';
import { startS3 } from '../../scripts/s3-server.mjs';

const root = new URL('../../', import.meta.url).pathname;
const NOW = '2026-11-21T12:00:00Z';
const POINTS = 24;
const work = mkdtempSync(join(tmpdir(), 'reader-stops-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const seed = JSON.parse(readFileSync(join(root, 'public/articles/rain-gauge-volunteers.json'), 'utf8'));
const story = (id, headline, published, extra = {}) => JSON.stringify({ ...seed, id, headline, published, updated: undefined, ...extra });

/** Archive A: the demo and 120 older reports (several index pages). */
function archiveA(dir) {
  cpSync(join(root, 'public/articles'), dir, { recursive: true });
  for (let i = 1; i <= 120; i += 1) {
    const published = new Date(Date.UTC(2025, 0, 1 + i, 8)).toISOString().replace('.000Z', 'Z');
    writeFileSync(join(dir, `older-report-${String(i).padStart(3, '0')}.json`), story(`older-report-${String(i).padStart(3, '0')}`, `Older report ${i}`, published));
  }
}

/** The change from A to B: two new articles (one with a new picture), a correction to the
 * oldest page's article, and a deletion in the middle of the archive. */
function changeToB(dir) {
  writeFileSync(join(dir, 'img/stops-night.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><rect width="640" height="360" fill="#234"/></svg>\n');
  writeFileSync(join(dir, 'stops-new-one.json'), story('stops-new-one', 'Night ferries return', '2026-11-21T09:30:00Z',
    { image: { src: 'img/stops-night.svg', alt: 'A ferry at night', width: 640, height: 360 }, section: 'Transport', related: [] }));
  writeFileSync(join(dir, 'stops-new-two.json'), story('stops-new-two', 'The library opens late', '2026-11-21T10:00:00Z'));
  writeFileSync(join(dir, 'older-report-003.json'), story('older-report-003', 'Older report 3 (corrected)', '2025-01-04T08:00:00Z'));
  rmSync(join(dir, 'older-report-060.json'));
}

const publish = (archive, out, extra = [], env = {}) => execFileSync(publishBinary(),
  ['--archive', archive, '--out', out, '--now', NOW, ...extra], { env: { ...nativeEnv(), ...env }, stdio: 'pipe' }).toString();

/** Temporary files anywhere in the output, the publish's state included. */
function temporaryFiles(dir) {
  const found = [];
  (function walk(d) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.publish-tmp') || relative(dir, d) === join('.publish', 'tmp')) found.push(relative(dir, path));
    }
  })(dir);
  return found;
}

/** Every index page names only articles whose files are there. */
function assertIndexesComplete(dir, when) {
  const pages = ['articles/index.json', ...readdirSync(join(dir, 'articles/archive')).map((f) => `articles/archive/${f}`)];
  for (const page of pages.filter((p) => p.endsWith('.json'))) {
    for (const { id } of readJson(join(dir, page)).articles) {
      for (const file of [`articles/${id}/index.html`, `articles/${id}.json`, `embed/${id}/index.html`]) {
        assert.ok(existsSync(join(dir, file)), `${when}: ${page} names ${id}, whose ${file} is missing`);
      }
    }
  }
}

/** The stop points of a traced run, as [{ n, phase, what }]. */
const readTrace = (path) => readFileSync(path, 'utf8').trim().split('\n').map((line) => {
  const [n, phase, what] = line.split('\t');
  return { n: Number(n), phase, what };
});

/** `count` points spread evenly over the run, with the first of each phase in `phases`. */
function choosePoints(trace, phases, count) {
  const chosen = new Set();
  for (let i = 0; i < count; i += 1) chosen.add(trace[Math.floor(((i + 0.5) * trace.length) / count)].n);
  for (const phase of phases) {
    const first = trace.find((p) => p.phase === phase);
    assert.ok(first, `the run reaches the phase "${phase}" (phases seen: ${[...new Set(trace.map((p) => p.phase))].join(', ')})`);
    chosen.add(first.n);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Resolves once the process has stopped itself (state T), or fails if it ends first. */
async function stopped(child, point) {
  let ended = null;
  child.on('exit', (code, signal) => { ended = { code, signal }; });
  for (let i = 0; i < 1500; i += 1) {
    if (ended) break;
    try {
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('T')) return;
    } catch { /* not yet, or gone */ }
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`the run never reached stop point ${point} (${ended ? `it ended: ${JSON.stringify(ended)}` : 'timed out'})`);
}

/** Kills a stopped process from here and waits for its end. */
async function kill(child) {
  const gone = new Promise((r) => child.on('exit', (code, signal) => r(signal)));
  process.kill(child.pid, 'SIGKILL');
  assert.equal(await gone, 'SIGKILL');
}

// A, published once; B's full publish, the reference.
const a = { dir: join(work, 'a/dist'), archive: join(work, 'a/articles') };
freshCodeBuild(a.dir);
archiveA(a.archive);
publish(a.archive, a.dir);
const b = { dir: join(work, 'b/dist'), archive: join(work, 'b/articles') };
freshCodeBuild(b.dir);
cpSync(a.archive, b.archive, { recursive: true });
changeToB(b.archive);
publish(b.archive, b.dir);
const full = outputTree(b.dir);

test('the publish killed from outside at points spread over a run: the next run completes it byte for byte, with no temporary file left and a manifest that matches the disk', async () => {
  // A copy of A's output with B's archive, as a publish finds it.
  const start = (name) => {
    const dir = join(work, name, 'dist');
    const archive = join(work, name, 'articles');
    cpSync(a.dir, dir, { recursive: true, preserveTimestamps: true });
    cpSync(b.archive, archive, { recursive: true, preserveTimestamps: true });
    return { dir, archive };
  };
  const traced = start('traced');
  const tracePath = join(work, 'publish-trace.tsv');
  publish(traced.archive, traced.dir, [], { READER_STOP_TRACE: tracePath });
  assert.deepEqual(outputTree(traced.dir), full, 'an uninterrupted publish of the change equals a full publish');
  const trace = readTrace(tracePath);
  const phases = ['articles', 'search', 'indexes', 'feeds', 'sitemaps', 'removals', 'manifest'];
  const points = choosePoints(trace, phases, POINTS);
  assert.ok(points.length >= 20, `${points.length} kill points`);
  const kinds = new Set(points.map((n) => trace[n - 1].what.split(' ')[0]));
  for (const kind of ['created', 'wrote', 'renamed', 'removed']) assert.ok(kinds.has(kind), `a kill after a file was ${kind} (${[...kinds]})`);
  console.log(`publish: ${trace.length} stop points in a run; killed at ${points.length}: ${points.map((n) => `${n} (${trace[n - 1].phase})`).join(', ')}`);

  for (const point of points) {
    const run = start(`publish-${point}`);
    const child = spawn(publishBinary(), ['--archive', run.archive, '--out', run.dir, '--now', NOW],
      { env: { ...nativeEnv(), READER_STOP_AT: String(point) }, stdio: 'ignore' });
    await stopped(child, point);
    await kill(child);
    const when = `killed at point ${point} (${trace[point - 1].phase}: ${trace[point - 1].what})`;
    assertIndexesComplete(run.dir, when);
    publish(run.archive, run.dir);
    assert.deepEqual(temporaryFiles(run.dir), [], `${when}: no temporary file left`);
    assert.ok(!existsSync(join(run.dir, '.publish/pending.json')), `${when}: finished`);
    assert.match(publish(run.archive, run.dir, ['--check']), /the manifest's \d+ files match the disk/, when);
    assert.deepEqual(outputTree(run.dir), full, `${when}: the next publish completes it byte for byte`);
    rmSync(join(work, `publish-${point}`), { recursive: true, force: true });
  }
});

test('a temporary file a killed publish left, for an article deleted since, is cleaned up by the next publish', () => {
  const dir = join(work, 'orphan/dist');
  cpSync(b.dir, dir, { recursive: true, preserveTimestamps: true });
  // What a publish killed between create and rename leaves (the next one empties the folder).
  writeFileSync(join(dir, '.publish/tmp/4242-7-index.html'), '<!doctype html><p>half');
  publish(b.archive, dir);
  assert.deepEqual(temporaryFiles(dir), []);
});

test('a new article whose publish was killed, then deleted from the archive before the next publish, leaves nothing behind', async () => {
  const dir = join(work, 'deleted/dist');
  const archive = join(work, 'deleted/articles');
  cpSync(a.dir, dir, { recursive: true, preserveTimestamps: true });
  cpSync(a.archive, archive, { recursive: true, preserveTimestamps: true });
  writeFileSync(join(archive, 'stops-withdrawn.json'), story('stops-withdrawn', 'A story withdrawn before it ran', '2026-11-21T11:00:00Z'));
  // Killed once its page is in place, before any index names it.
  const tracePath = join(work, 'withdrawn-trace.tsv');
  const probe = join(work, 'withdrawn-probe');
  cpSync(dir, join(probe, 'dist'), { recursive: true, preserveTimestamps: true });
  cpSync(archive, join(probe, 'articles'), { recursive: true, preserveTimestamps: true });
  publish(join(probe, 'articles'), join(probe, 'dist'), [], { READER_STOP_TRACE: tracePath });
  const point = readTrace(tracePath).find((p) => p.what.startsWith('renamed into') && p.what.endsWith('embed/stops-withdrawn/index.html')).n;
  const child = spawn(publishBinary(), ['--archive', archive, '--out', dir, '--now', NOW], { env: { ...nativeEnv(), READER_STOP_AT: String(point) }, stdio: 'ignore' });
  await stopped(child, point);
  await kill(child);
  assert.ok(existsSync(join(dir, 'articles/stops-withdrawn/index.html')), 'the killed publish wrote its page');
  rmSync(join(archive, 'stops-withdrawn.json'));
  publish(archive, dir);
  const left = Object.keys(outputTree(dir)).filter((p) => p.includes('stops-withdrawn'));
  assert.deepEqual(left, [], 'none of its files is left');
  assert.deepEqual(outputTree(dir), outputTree(a.dir), 'the output is the archive\'s as before');
  assert.deepEqual(temporaryFiles(dir), []);
});

test('the deploy killed from outside at points spread over a run, a deletion among its changes: the bucket never names a missing object, nothing goes early, and the next deploy completes and purges what the first changed', async () => {
  const s3 = await startS3({ buckets: ['stops'] });
  try {
    const { assertNothingMissing, assertMirror, siteObjects } = bucketChecks(s3);
    const ok = (args, env = s3.env) => {
      const r = runDeploy(args, env);
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
      return r;
    };
    const aKeys = Object.keys(localFiles(a.dir));
    const bKeys = new Set(Object.keys(localFiles(b.dir)));
    const leaving = aKeys.filter((k) => !bKeys.has(k));
    assert.ok(leaving.some((k) => k === 'articles/older-report-060.json'), 'the change removes an article');

    ok(['--from', a.dir, '--to', 's3://stops/traced/']);
    const tracePath = join(work, 'deploy-trace.tsv');
    ok(['--from', b.dir, '--to', 's3://stops/traced/', '--jobs', '1'], { ...s3.env, READER_STOP_TRACE: tracePath });
    // (After its last point, the state's last write, the deploy has finished: not a kill point.)
    const trace = readTrace(tracePath).slice(0, -1);
    const phases = ['state', 'pictures and code', 'articles', 'indexes, feeds and sitemaps', 'removals', 'records', 'list of changes'];
    const points = choosePoints(trace, phases, POINTS);
    // Where the record is rewritten and where the front page goes up: some kills must land after.
    const frontUp = trace.find((p) => p.what === 'wrote index.html').n;
    assert.ok(points.filter((n) => n > frontUp).length >= 3, 'kills after the front page is uploaded');
    console.log(`deploy: ${trace.length} stop points in a run; killed at ${points.length}: ${points.map((n) => `${n} (${trace[n - 1].phase})`).join(', ')}`);

    for (const point of points) {
      const prefix = `k${point}/`;
      ok(['--from', a.dir, '--to', `s3://stops/${prefix}`]);
      // One request at a time: the stop comes between two requests. (rclone's server replaces an
      // object by removing it and renaming the new file in; a request cut in between loses the
      // object where S3 replaces it atomically: that would test rclone, not the deploy.)
      const child = spawnDeploy(['--from', b.dir, '--to', `s3://stops/${prefix}`, '--jobs', '1'], { ...s3.env, READER_STOP_AT: String(point) });
      await stopped(child, point);
      await kill(child);
      const { phase, what } = trace[point - 1];
      const when = `killed at point ${point} (${phase}: ${what})`;
      assertNothingMissing('stops', prefix, when);
      assert.ok(phases.includes(phase), `${when}: a phase this test knows (${phases.join(', ')})`);
      if (phases.indexOf(phase) < phases.indexOf('removals')) {
        const objects = siteObjects('stops', prefix);
        assert.deepEqual(leaving.filter((k) => !objects.has(k)), [], `${when}: nothing removed before the removals`);
      }
      ok(['--from', b.dir, '--to', `s3://stops/${prefix}`]);
      assertMirror('stops', b.dir, prefix, when);
      // The front page changed, in the killed deploy or this one: either way it is purged.
      const purge = readFileSync(join(b.dir, '.publish/purge.txt'), 'utf8');
      assert.ok(purge.split('\n').includes(`${publicBase}/`), `${when}: the front page is purged\n${purge}`);
      assert.ok(purge.includes(`${publicBase}/articles/older-report-060\n`), `${when}: the deleted article is purged`);
    }
  } finally {
    await s3.stop();
  }
});
