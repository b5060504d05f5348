// Deploying to object storage: the deploy command (the binary the code build made) against a
// real S3-compatible server on 127.0.0.1 (rclone's `serve s3`, scripts/s3-server.mjs), never a
// mock. It deploys the demo, and every object reads back with its bytes and headers; a second
// deploy, and one from another machine's copy, write nothing; after one published article only
// its files, the indexes it changes and the deploy's own record are written, as the server
// counts them; an unpublished article's objects go (a deploy stopped from outside, and one
// through a failing store: stops.test.mjs and faults.test.mjs); bad credentials, a missing bucket
// and an unreachable endpoint each get a message naming what to fix, and write nothing. Then
// the browser, through a small CDN-like front on the bucket (scripts/bucket-front.mjs): an
// article, the front page, search, an embed and offline reading.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import { BASE, DIST, at, open, publishedCopy, useApp, waitOrTell } from './harness.mjs';
import { bucketChecks, hashed, localFiles, publicBase as base, runDeploy } from './deploying.mjs';
import { serverChanges, startS3 } from '../../scripts/s3-server.mjs';
import { cacheControl, contentType } from '../../scripts/headers-table.mjs';
import { startBucketFront } from '../../scripts/bucket-front.mjs';

const s3 = await startS3({ buckets: ['news', 'site'] });
after(() => s3.stop());
const copy = publishedCopy();
after(() => copy.remove());
const client = new AwsClient({ accessKeyId: s3.key, secretAccessKey: s3.secret, region: 'us-east-1', service: 's3' });

/** Runs the deploy against the server (see deploying.mjs). */
const deploy = (args, env = s3.env) => runDeploy(args, env);

function deployOk(args, env) {
  const r = deploy(args, env);
  assert.equal(r.status, 0, `deploy failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const objectUrl = (bucket, key) => `${s3.endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
const getObject = (bucket, key) => client.fetch(objectUrl(bucket, key));
const { siteObjects, readObject, assertNothingMissing } = bucketChecks(s3);

// Every object's type and caching: the one table of headers (src/headers.json), which
// tests/cases/headers.json checks by hand-written cases.
const expectedType = (key) => contentType(key);

/** Adds an article to the copy's archive (a copy of one with a new id) and publishes it. */
let added = 0;
function publishNewArticle() {
  added += 1;
  const id = `deployed-story-${added}`;
  const seed = JSON.parse(readFileSync(join(copy.archive, 'rain-gauge-volunteers.json'), 'utf8'));
  const published = new Date(Date.UTC(2026, 10, 20, 8, added)).toISOString().replace('.000Z', 'Z');
  writeFileSync(join(copy.archive, `${id}.json`),
    JSON.stringify({ ...seed, id, headline: `Deployed story ${added}: the river gauges report`, published, updated: undefined }));
  copy.run();
  return id;
}

test('deploying the demo uploads every file once, each reading back with its bytes, type and caching', async () => {
  const out = deployOk(['--from', copy.dir, '--to', 's3://news']);
  const local = localFiles(copy.dir);
  const remote = siteObjects('news');
  assert.deepEqual([...remote.keys()].sort(), Object.keys(local).sort(), 'the bucket holds the output, without .publish/ or .br/.gz copies');
  assert.match(out, new RegExp(`deploy: ${Object.keys(local).length} of ${Object.keys(local).length} files uploaded, 0 removed`));
  for (const [key, hash] of Object.entries(local)) {
    const response = await getObject('news', key);
    assert.equal(response.status, 200, key);
    assert.equal(createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex'), hash, `${key}: the bytes`);
    assert.equal(response.headers.get('content-type'), expectedType(key), `${key}: Content-Type`);
    const cache = cacheControl(key);
    assert.equal(response.headers.get('cache-control'), cache, `${key}: Cache-Control`);
  }
  assert.ok(Object.keys(local).some((k) => k.endsWith('.wasm')), 'the app\'s wasm is among them');
  // The deploy keeps its record in the bucket.
  assert.ok(s3.objects('news').has('.deploy/state.json'));
});

test('a second deploy, and one from another machine\'s copy of the output, write nothing', () => {
  const before = s3.objects('news');
  assert.match(deployOk(['--from', copy.dir, '--to', 's3://news']), /deploy: 0 of \d+ files uploaded, 0 removed/);
  const other = mkdtempSync(join(tmpdir(), 'reader-other-machine-'));
  try {
    // Another machine: the same output, fresh files, and no local trace of any deploy.
    cpSync(copy.dir, other, { recursive: true });
    rmSync(join(other, '.publish/purge.txt'), { force: true });
    rmSync(join(other, '.publish/changes.json'), { force: true });
    assert.match(deployOk(['--from', other, '--to', 's3://news']), /deploy: 0 of \d+ files uploaded, 0 removed/);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
  assert.deepEqual(serverChanges(before, s3.objects('news')), { written: [], removed: [] }, 'the server wrote nothing');
});

test('after one published article, the deploy writes only the files that changed, and lists what to purge', () => {
  const localBefore = localFiles(copy.dir);
  const id = publishNewArticle();
  const localAfter = localFiles(copy.dir);
  const changed = Object.keys(localAfter).filter((k) => localBefore[k] !== localAfter[k]).sort();
  assert.ok(changed.includes(`articles/${id}/index.html`) && changed.includes('index.html'), changed.join('\n'));
  const before = s3.objects('news');
  const out = deployOk(['--from', copy.dir, '--to', 's3://news']);
  const { written, removed } = serverChanges(before, s3.objects('news'));
  assert.deepEqual(written.filter((k) => !k.startsWith('.deploy/')), changed, 'the server wrote exactly the changed files');
  // What the publish removed goes, but for hashed files (the search shard's old index files),
  // which stay a week for pages that still name them.
  const gone = Object.keys(localBefore).filter((k) => !(k in localAfter)).sort();
  assert.deepEqual(removed.filter((k) => !k.startsWith('.deploy/')), gone.filter((k) => !hashed(k)));
  for (const key of gone.filter(hashed)) {
    assert.ok(siteObjects('news').has(key), `${key} stays`);
    assert.match(out, new RegExp(`^kept a week \\(no longer in the output\\) ${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  }
  // It followed the publish's list of changes: the manifest was not read.
  assert.match(out, /followed the publishes' list of \d+ changes/);
  const record = written.filter((k) => k.startsWith('.deploy/'));
  assert.ok(record.length <= changed.length + 2, `the record costs at most a shard per file and the state: ${record.length}`);
  assert.ok(written.length <= 60, `${written.length} objects written (target ≤ 60)`);
  // The purge list: the changed addresses under public_url and base_path, never a hashed file
  // or a new one (nothing cached it).
  const purge = readFileSync(join(copy.dir, '.publish/purge.txt'), 'utf8').trim().split('\n');
  assert.ok(purge.includes(`${base}/`) && purge.includes(`${base}/index.html`), purge.join('\n'));
  assert.ok(purge.includes(`${base}/articles/index.json`) && purge.includes(`${base}/feed.xml`), purge.join('\n'));
  assert.ok(!purge.some((u) => u.includes(id)), 'the new article was never cached');
  assert.ok(purge.every((u) => u.startsWith(`${base}/`) && !/-[0-9a-f]{16}/.test(u)), purge.join('\n'));
  for (const url of purge) assert.match(out, new RegExp(`^purge ${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  assertNothingMissing('news');
});

test('an unpublished article\'s objects go, once the indexes no longer name it', () => {
  const id = publishNewArticle();
  deployOk(['--from', copy.dir, '--to', 's3://news']);
  assert.ok(siteObjects('news').has(`articles/${id}.json`));
  rmSync(join(copy.archive, `${id}.json`));
  copy.run();
  const out = deployOk(['--from', copy.dir, '--to', 's3://news']);
  const objects = siteObjects('news');
  for (const key of [`articles/${id}.json`, `articles/${id}/index.html`, `embed/${id}/index.html`, `oembed/${id}.json`]) {
    assert.ok(!objects.has(key), `${key} is gone`);
    assert.match(out, new RegExp(`^removed ${key}$`, 'm'));
  }
  assert.ok(!readObject('news', 'articles/index.json').toString().includes(id));
  const purge = readFileSync(join(copy.dir, '.publish/purge.txt'), 'utf8');
  assert.ok(purge.includes(`${base}/articles/${id}\n`) && purge.includes(`${base}/articles/${id}.json\n`), purge);
  assertNothingMissing('news');
});

test('a hashed file the output dropped stays a week, then goes; the record stays whole', async () => {
  const old = 'retired-check-0123456789abcdef.js';
  writeFileSync(join(copy.dir, old), 'console.log("an earlier code release");\n');
  deployOk(['--from', copy.dir, '--to', 's3://news']);
  rmSync(join(copy.dir, old));
  const now = Math.floor(Date.now() / 1000);
  const kept = deployOk(['--from', copy.dir, '--to', 's3://news'], { ...s3.env, READER_DEPLOY_NOW: String(now) });
  assert.match(kept, new RegExp(`^kept a week \\(no longer in the output\\) ${old.replace('.', '\\.')}$`, 'm'));
  assert.ok(siteObjects('news').has(old));
  deployOk(['--from', copy.dir, '--to', 's3://news'], { ...s3.env, READER_DEPLOY_NOW: String(now + 6 * 86400) });
  assert.ok(siteObjects('news').has(old), 'still there after six days');
  const gone = deployOk(['--from', copy.dir, '--to', 's3://news'], { ...s3.env, READER_DEPLOY_NOW: String(now + 7 * 86400) });
  assert.match(gone, new RegExp(`^removed ${old.replace('.', '\\.')}$`, 'm'));
  assert.ok(!siteObjects('news').has(old));
  // Every shard the state names is in the bucket, and the record still matches the bucket.
  const state = JSON.parse(readObject('news', '.deploy/state.json'));
  const objects = s3.objects('news');
  assert.deepEqual(Object.keys(state.shards).filter((shard) => !objects.has(`.deploy/shards/${shard}.json`)), []);
  assert.deepEqual(state.retired ?? {}, {});
  assert.match(deployOk(['--from', copy.dir, '--to', 's3://news']), /deploy: 0 of \d+ files uploaded, 0 removed/);
});

test('a list of changes the bucket has moved on from (another machine deployed since) is not followed: everything is compared', () => {
  const other = mkdtempSync(join(tmpdir(), 'reader-other-deploy-'));
  try {
    cpSync(copy.dir, other, { recursive: true });
    const extra = 'other-machine-0123456789abcdef.js';
    writeFileSync(join(other, extra), 'console.log("a code release made elsewhere");\n');
    assert.match(deployOk(['--from', other, '--to', 's3://news']), /deploy: 1 of \d+ files uploaded/);
    assert.ok(siteObjects('news').has(extra));
    // This copy's list counts from a state the bucket no longer holds.
    const out = deployOk(['--from', copy.dir, '--to', 's3://news']);
    assert.doesNotMatch(out, /followed the publishes' list/);
    assert.match(out, new RegExp(`^kept a week \\(no longer in the output\\) ${extra.replace('.', '\\.')}$`, 'm'));
    // And the next one, from the state it left, follows its list again and finds nothing to do.
    assert.match(deployOk(['--from', copy.dir, '--to', 's3://news']), /deploy: 0 of \d+ files uploaded, 0 removed.*followed the publishes' list of 0 changes/);
    assertNothingMissing('news');
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('bad or missing credentials, a missing bucket and an unreachable endpoint each say what to fix, and write nothing', () => {
  const before = s3.objects('news');
  const wrong = deploy(['--from', copy.dir, '--to', 's3://news'], { ...s3.env, AWS_SECRET_ACCESS_KEY: 'not-the-secret-0123' });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /refused the credentials from AWS_ACCESS_KEY_ID for bucket news: check the key id, the secret/);
  assert.ok(!wrong.stderr.includes('not-the-secret-0123') && !wrong.stdout.includes('not-the-secret-0123'), 'the secret is never printed');

  const none = deploy(['--from', copy.dir, '--to', 's3://news'], { AWS_ENDPOINT_URL: s3.endpoint });
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or name a profile/);

  const missing = deploy(['--from', copy.dir, '--to', 's3://no-such-bucket']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /the bucket no-such-bucket does not exist at http:\/\/127\.0\.0\.1:\d+: create it, or fix --to/);

  const closed = deploy(['--from', copy.dir, '--to', 's3://news'], { ...s3.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
  assert.equal(closed.status, 1);
  assert.match(closed.stderr, /cannot reach http:\/\/127\.0\.0\.1:9: check --endpoint \(or AWS_ENDPOINT_URL\)/);

  const badTarget = deploy(['--from', copy.dir, '--to', 'news']);
  assert.equal(badTarget.status, 2);
  assert.match(badTarget.stderr, /--to news: give the bucket as s3:\/\/BUCKET/);

  const noOutput = deploy(['--from', join(copy.dir, 'nothing-here'), '--to', 's3://news']);
  assert.equal(noOutput.status, 1);
  assert.match(noOutput.stderr, /holds no publish .*build and publish first/);
  assert.deepEqual(serverChanges(before, s3.objects('news')), { written: [], removed: [] }, 'nothing was written');
});

test('credentials from a profile of the AWS files, and a dry run that writes nothing', () => {
  const home = mkdtempSync(join(tmpdir(), 'reader-aws-'));
  try {
    writeFileSync(join(home, 'credentials'), `[default]\naws_access_key_id = nobody\naws_secret_access_key = nothing\n\n[newsroom]\naws_access_key_id = ${s3.key}\naws_secret_access_key = ${s3.secret}\n`);
    writeFileSync(join(home, 'config'), `[profile newsroom]\nregion = us-east-1\nendpoint_url = ${s3.endpoint}\n`);
    const files = { AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_CONFIG_FILE: join(home, 'config') };
    publishNewArticle();
    const before = s3.objects('news');
    const dry = deployOk(['--from', copy.dir, '--to', 's3://news', '--profile', 'newsroom', '--dry-run'], files);
    assert.match(dry, /^would upload \(articles\) articles\/deployed-story-\d+\.json$/m);
    assert.match(dry, /dry run: nothing written/);
    assert.deepEqual(serverChanges(before, s3.objects('news')), { written: [], removed: [] });
    assert.match(deployOk(['--from', copy.dir, '--to', 's3://news'], { ...files, AWS_PROFILE: 'newsroom' }), /deploy: [1-9]\d* of \d+ files uploaded/);
    const unknown = deploy(['--from', copy.dir, '--to', 's3://news', '--profile', 'elsewhere'], files);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /the profile "elsewhere" is in neither/);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

// The browser, through a CDN-like front on a bucket holding the build in a folder.
const PREFIX = 'www/';
const app = useApp({
  start: async (onRequest) => {
    deployOk(['--from', DIST, '--to', `s3://site/${PREFIX}`, '--purge-list', join(s3.dir, 'purge-site.txt')]);
    return startBucketFront({ endpoint: s3.endpoint, bucket: 'site', prefix: PREFIX, base: BASE, accessKeyId: s3.key, secretAccessKey: s3.secret, onRequest });
  },
});

test('through the bucket: an article, with the security headers the front adds and the types the deploy stored', async () => {
  const response = await fetch(`${app.url}/articles/harbor-bridge-reopens`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(response.headers.get('cache-control'), 'no-cache');
  assert.match(response.headers.get('content-security-policy') ?? '', /script-src/);
  const page = await open(app, '/articles/harbor-bridge-reopens', { wait: '.article-body' });
  assert.match(await page.locator('h1').textContent(), /Harbor Bridge Reopens/);
  page.assertClean();
  await page.close();
});

test('through the bucket: the front page lists the articles', async () => {
  const page = await open(app, '/', { wait: '.article-list' });
  const count = await page.locator('.article-list li').count();
  assert.equal(count, JSON.parse(readFileSync(join(DIST, 'articles/index.json'), 'utf8')).articles.length);
  page.assertClean();
  await page.close();
});

test('through the bucket: search finds an article', async () => {
  const page = await open(app, '/search', { wait: '.search-page h1' });
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.includes('Type a word'));
  await page.locator('#search-query').pressSequentially('harbor bridge', { delay: 20 });
  await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, { timeout: 15_000 });
  assert.match(await page.locator('.search-result h3, .search-result a').first().textContent(), /Harbor Bridge Reopens/);
  page.assertClean();
  await page.close();
});

test('through the bucket: an embed renders', async () => {
  const page = await open(app, '/embed/harbor-bridge-reopens', { wait: '.embed-card' });
  assert.match(await page.locator('.embed-card').textContent(), /Harbor Bridge Reopens/);
  page.assertClean();
  await page.close();
});

test('through the bucket: a visited article reads offline', async (t) => {
  const page = await open(app, '/', { wait: '.article-list' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.goto(`${app.url}/articles/harbor-bridge-reopens`);
  await page.waitForSelector('.article-body');
  // Offline, the app renders the article from its JSON, which the page fetched early and the
  // service worker caches: wait until it is cached.
  await page.waitForFunction(async (path) => Boolean(await caches.match(path)), at('/articles/harbor-bridge-reopens.json'));
  // Which caches hold it, and the worker in charge (reported with the result: this test once
  // failed under /reader/ with the app saying the article was not available offline).
  const holding = () => page.evaluate(async (path) => {
    const names = [];
    for (const name of await caches.keys()) if (await (await caches.open(name)).match(path)) names.push(name);
    const registration = await navigator.serviceWorker.getRegistration();
    return { caches: names, active: registration?.active?.state, waiting: Boolean(registration?.waiting), installing: Boolean(registration?.installing) };
  }, at('/articles/harbor-bridge-reopens.json'));
  t.diagnostic(`online: ${JSON.stringify(await holding())}`);
  await page.context().setOffline(true);
  await page.reload();
  await waitOrTell(page, '.offline-indicator', { state: 'visible' });
  try {
    await waitOrTell(page, '.article-body');
  } finally {
    t.diagnostic(`offline: ${JSON.stringify(await holding().catch((e) => String(e)))}`);
  }
  assert.match(await page.locator('h1').textContent(), /Harbor Bridge Reopens/);
  await page.close();
});
