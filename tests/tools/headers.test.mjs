// One table of headers for every host (src/headers.json): the expected headers of sample paths
// (tests/cases/headers.json, written by hand) against the JavaScript reader of the table
// (scripts/headers-table.mjs, which the _headers file and the local server use) and against the
// local server itself, serving files at those paths. The Rust reader (the deploy's S3 headers)
// is checked against the same cases by `cargo test` (src/deploy/headers.rs).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cacheControl, contentType } from '../../scripts/headers-table.mjs';
import { startServer } from '../../scripts/serve.mjs';

const cases = Object.entries(JSON.parse(readFileSync(new URL('../cases/headers.json', import.meta.url), 'utf8')))
  .filter(([path]) => !path.startsWith('//'));

test('the table gives every sample path its headers', () => {
  for (const [path, [type, cache]] of cases) {
    assert.deepEqual([contentType(path), cacheControl(path)], [type, cache], path);
  }
});

test('the local server sends each file the headers of the table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reader-headers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path] of cases) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), path === '_headers' ? '' : 'x');
  }
  const server = await startServer({ root: dir, port: 0, base: '/' });
  try {
    for (const [path, [type, cache]] of cases) {
      const response = await fetch(`${server.url}/${path}`);
      assert.equal(response.status, 200, path);
      assert.deepEqual([response.headers.get('content-type'), response.headers.get('cache-control')], [type, cache], path);
    }
  } finally {
    await server.close();
  }
});

test('`node scripts/serve.mjs DIR --port N` serves DIR', async () => {
  const { spawn } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'reader-serve-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'only-here.txt'), 'this folder\n');
  const server = spawn(process.execPath, [new URL('../../scripts/serve.mjs', import.meta.url).pathname, dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d) => {
        out += d;
        const m = /at (http:\/\/\S+?)\/? /.exec(out);
        if (m) resolve(m[1]);
      });
      server.on('exit', (code) => reject(new Error(`serve.mjs ended (${code}): ${out}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${url}/only-here.txt`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'this folder\n');
  } finally {
    server.kill();
  }
});
