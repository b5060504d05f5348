// The `validate` command and the JSON Schemas (public/schema/) against every document of the
// hostile corpus, the demo articles and the format fixtures: the command must say what the app
// says (each corpus file's name says what the app does with it, and
// tests/browser/hostile.test.mjs checks the app against the command word for word), and the
// schema must accept exactly the documents the app accepts.
//
// Run by scripts/test.sh after `cargo build --bin validate`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Ajv2020 from 'ajv/dist/2020.js';
import { documents } from '../hostile/corpus.mjs';
import { FORMAT_1_1, LINK_LIST, VALID, neutral } from '../browser/fixtures.mjs';

const root = new URL('../../', import.meta.url).pathname;
const VALIDATE = `${root}target/debug/validate`;
const schema = (name) => JSON.parse(readFileSync(`${root}public/schema/${name}.schema.json`, 'utf8'));
const ajv = new Ajv2020({ allErrors: false, strict: false, unicodeRegExp: true });
const checkArticle = ajv.compile(schema('article'));
const checkIndex = ajv.compile(schema('index'));

/** Documents before JSON Schema can see them: what strict JSON rejects and `JSON.parse` takes. */
const BEFORE_JSON = {
  'not-json--duplicate-keys': 'JSON.parse keeps the last of two equal keys',
  'not-json--deep-nesting': 'JSON Schema has no depth limit',
  'not-json--deep-nesting-inside-body': 'JSON Schema has no depth limit',
  'not-json--number-too-large': 'JSON.parse turns 1e999 into Infinity',
  'not-json--lone-surrogate': 'JSON.parse keeps a lone surrogate',
  'too-large--six-megabytes': 'JSON Schema has no size limit',
};
/** Rules JSON Schema cannot state (src/model/schema.rs says why), each shown by a document. */
const BEYOND_SCHEMA = {
  'beyond--uneven-table': { ...VALID, body: [{ type: 'table', header: ['a', 'b'], rows: [['1']] }] },
  'beyond--thirtieth-of-february': { ...VALID, published: '2026-02-30T10:00:00Z' },
  'beyond--embed-without-host': { ...VALID, body: [{ type: 'embed', url: 'https://', title: 'T' }] },
  // JSON Schema's "integer" counts 800.0 as whole; the app wants the number written whole.
  'beyond--width-written-with-a-decimal-point':
    '{"id": "w", "headline": "H", "body": [{"type": "divider"}], "image": {"src": "a.jpg", "alt": "", "width": 800.0}}',
};
/** Format 1.1 problems the schema and the app both find. */
const INVALID_1_1 = {
  'invalid--list-five-deep': {
    ...VALID,
    body: [{ type: 'list', ordered: false, items: [{ text: '1', list: { ordered: false, items: [{ text: '2', list: { ordered: false, items: [{ text: '3', list: { ordered: false, items: [{ text: '4', list: { ordered: false, items: ['5'] } }] } }] } }] } }] }],
  },
  'invalid--embed-script-url': { ...VALID, body: [{ type: 'embed', url: 'javascript:alert(1)', title: 'T' }] },
  'invalid--empty-code': { ...VALID, body: [{ type: 'code', text: '  ' }] },
  'invalid--code-language-too-long': { ...VALID, body: [{ type: 'code', text: 'x', language: 'l'.repeat(41) }] },
  'invalid--table-empty-row': { ...VALID, body: [{ type: 'table', rows: [[]] }] },
  'invalid--table-thirteen-columns': { ...VALID, body: [{ type: 'table', rows: [Array(13).fill('c')] }] },
  'invalid--heading-level-four': { ...VALID, body: [{ type: 'heading', level: 4, text: 'H' }] },
  'invalid--unknown-block': { ...VALID, body: [{ type: 'video', url: 'https://v.example/' }] },
  'invalid--index-entry-without-headline': { articles: [{ id: 'a' }] },
  'invalid--index-next-not-http': { articles: [], next: 'ftp://archive.example/2.json' },
};
const RENDER = {
  'render--format-1-1': FORMAT_1_1,
  'render--link-list': LINK_LIST,
  'render--neutral-ar': neutral('ar'),
  'render--blank-table-cells': { ...VALID, body: [{ type: 'table', rows: [['a', ''], [[{ text: ' ' }], 'b']] }] },
  'render--index-with-next': { articles: [{ id: 'a', headline: 'A' }], next: 'index-2.json' },
};

/** Every document: [name, bytes, what the app does with it]. */
function all() {
  const docs = documents().map(({ name, body, expect }) => [name, body, expect]);
  for (const [name, doc] of Object.entries({ ...INVALID_1_1, ...RENDER, ...BEYOND_SCHEMA })) {
    const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
    docs.push([name, Buffer.from(text), name.startsWith('beyond') ? 'invalid' : name.split('--')[0]]);
  }
  return docs;
}

function runValidate(args) {
  const r = spawnSync(VALIDATE, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.error, undefined, `${VALIDATE} did not run (cargo build --bin validate): ${r.error}`);
  return r;
}

/** The schema's verdict on raw bytes: 'not-json', 'valid' or 'invalid'. */
function bySchema(bytes) {
  let value;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    value = JSON.parse(text);
  } catch {
    return 'not-json';
  }
  const check = value && typeof value === 'object' && !Array.isArray(value) && 'articles' in value ? checkIndex : checkArticle;
  return check(value) ? 'valid' : 'invalid';
}

const dir = mkdtempSync(`${tmpdir()}/validate-`);
const docs = all();
for (const [name, bytes] of docs) writeFileSync(`${dir}/${name}.json`, bytes);
const report = new Map(JSON.parse(runValidate(['--json', dir]).stdout).map((r) => [r.file.replace(/^.*\//, '').replace(/\.json$/, ''), r]));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

test('the committed schemas are what the Rust types make (validate --schema)', () => {
  for (const name of ['article', 'index']) {
    const made = runValidate(['--schema', name]).stdout;
    assert.equal(readFileSync(`${root}public/schema/${name}.schema.json`, 'utf8'), made,
      `public/schema/${name}.schema.json is stale: target/debug/validate --schema ${name} > public/schema/${name}.schema.json`);
  }
});

test(`the command says of each of ${docs.length} documents what the app does`, () => {
  for (const [name, , expect] of docs) {
    const r = report.get(name);
    assert.ok(r, `${name}: not in the report`);
    assert.equal(r.valid ? 'render' : r.kind, expect, `${name}: ${r.message ?? ''} ${(r.problems ?? []).join('; ')}`);
    if (!r.valid) assert.ok(r.message.length > 20, `${name}: a message that says something`);
    if (expect === 'invalid') assert.ok(r.problems.length > 0, `${name}: every problem with its path`);
  }
});

test('the schema accepts exactly what the app accepts', () => {
  for (const [name, bytes, expect] of docs) {
    const verdict = bySchema(bytes);
    if (name in BEFORE_JSON) {
      assert.notEqual(verdict, 'not-json', `${name}: JSON.parse now rejects it; take it off BEFORE_JSON`);
      continue;
    }
    if (name.startsWith('beyond--')) {
      assert.equal(verdict, 'valid', `${name}: the schema now catches it; take it off BEYOND_SCHEMA`);
      continue;
    }
    const want = { render: 'valid', invalid: 'invalid', 'not-json': 'not-json' }[expect];
    assert.equal(verdict, want, `${name}: the app says ${expect}, the schema ${verdict}${verdict === 'invalid' ? ` (${ajv.errorsText((bytes.includes('"articles"') ? checkIndex : checkArticle).errors)})` : ''}`);
  }
});

test('the demo articles pass the command (with the folder checks) and the schema', () => {
  const r = runValidate([`${root}public/articles`]);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /5 valid, 0 with problems/);
  for (const line of r.stdout.trim().split('\n').slice(0, -1)) {
    const file = line.split(': ')[0];
    assert.equal(bySchema(readFileSync(file)), 'valid', file);
  }
});

test('in an articles folder, an id that is not its file name and an index entry without a file are named', () => {
  const site = mkdtempSync(`${tmpdir()}/validate-site-`);
  try {
    cpSync(`${root}public/articles`, site, { recursive: true });
    // An index as the publish writes one (the archive itself has none), naming one file too many.
    const ids = readdirSync(site).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    const index = { articles: ids.map((id) => ({ id, headline: id })) };
    index.articles.push({ id: 'no-such-article', headline: 'Gone' });
    writeFileSync(`${site}/index.json`, JSON.stringify(index));
    writeFileSync(`${site}/renamed.json`, readFileSync(`${site}/library-night-hours.json`));
    const r = runValidate([site]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /index\.json: valid index, but not in this folder:\n {2}articles\[\d+\]\.id: no file no-such-article\.json beside this index/);
    assert.match(r.stdout, /renamed\.json: valid article, but not in this folder:\n {2}id: “library-night-hours” is not this file's name/);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test('usage errors exit 2 with a message; output cut short is not a crash', () => {
  const none = runValidate([]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /usage: validate/);
  const missing = runValidate(['/no/such/place.json']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file or folder/);
  const cut = spawnSync('sh', ['-c', `"${VALIDATE}" "${dir}" | head -1`], { encoding: 'utf8' });
  assert.doesNotMatch(cut.stderr, /panicked/);
});
