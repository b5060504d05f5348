// The hostile corpus: article documents that attack the reader or are broken in every way a
// third-party feed can be. Each document's file name starts with what the reader must do with
// it: `render--` (show it, safely: markup as text, dangerous URLs dropped) or the kind of error
// it must report (`invalid--`, `not-json--`, `too-large--`).
//
//   node tests/hostile/corpus.mjs          writes the small documents to tests/hostile/docs/
//   node tests/hostile/corpus.mjs --check  fails if tests/hostile/docs/ is not what this makes
//                                          (scripts/test.sh runs it)
//
// The large ones (over 64 KB: a 100,000-block body, a 6 MB file, 200,000-character strings)
// are not stored; `documents()` makes them, for the browser test (tests/browser/hostile.test.mjs),
// and tests/hostile.rs builds the same shapes natively.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Every script payload sets window.__pwned and opens a dialog: the tests look for both.
const XSS = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<svg onload="window.__pwned=1;alert(1)">',
  '"><iframe src="javascript:window.__pwned=1"></iframe>',
  "'-alert(1)-'",
  '{{constructor.constructor("window.__pwned=1")()}}',
];
const JS = 'javascript:window.__pwned=1;alert(1)';
const BAD_URLS = [
  JS,
  'JAVASCRIPT:window.__pwned=1',
  ' \t java\tscript:window.__pwned=1',
  'java\nscript:window.__pwned=1',
  '\u0000javascript:window.__pwned=1',
  'jav&#x61;script:window.__pwned=1',
  '&#106;avascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:image/svg+xml,<svg onload="window.__pwned=1">',
  'DaTa:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://evil.example/1',
];

const base = () => ({
  id: 'hostile-doc',
  headline: 'A plain headline',
  dek: 'A plain dek.',
  language: 'en',
  published: '2026-03-15T09:30:00Z',
  body: [{ type: 'paragraph', text: 'A plain paragraph.' }],
});
const doc = (changes) => JSON.stringify({ ...base(), ...changes }, null, 1);
const span = (text, href) => ({ text, href });

/** [name, body (string or Buffer)] for every document. */
function small() {
  const d = [];
  const add = (name, body) => d.push([name, body]);

  // Markup and script in every text field: rendered as text.
  add('render--xss-headline-dek-section', doc({ headline: XSS[0], dek: XSS[1], section: XSS[2], tags: XSS }));
  add('render--xss-takeaways', doc({ takeaways: [...XSS, [span(XSS[3], JS)]] }));
  add('render--xss-editorial', doc({
    editorial: { label: XSS[0], title: XSS[1], body: XSS, author: XSS[2], role: XSS[3] },
  }));
  add('render--xss-body-blocks', doc({
    body: [
      { type: 'paragraph', text: XSS[1] },
      { type: 'heading', level: 2, text: XSS[0] },
      { type: 'heading', level: 3, text: [span(XSS[2])] },
      { type: 'quote', text: XSS[3], cite: XSS[0] },
      { type: 'list', ordered: false, items: XSS },
      { type: 'list', ordered: true, items: [[{ text: XSS[1], em: true, strong: true }]] },
    ],
  }));
  add('render--xss-image-fields', doc({
    image: { src: 'https://img.example/a.jpg', alt: XSS[3], caption: XSS[0], credit: XSS[1], width: 800, height: 450 },
    body: [{ type: 'image', src: 'b.jpg', alt: XSS[1], caption: XSS[2] }],
  }));
  add('render--xss-people', doc({
    authors: [{ name: XSS[0], url: JS }, { name: XSS[1] }],
    publisher: { name: XSS[2], url: JS, logo: 'data:image/svg+xml,<svg onload=alert(1)>' },
  }));
  add('render--xss-related', doc({
    related: [
      { headline: XSS[0], dek: XSS[1], url: JS },
      { headline: XSS[2], url: 'https://other.example/a.json', image: { src: JS, alt: XSS[3] } },
    ],
  }));
  // (`__proto__` written into the text: in an object literal it would set the prototype.)
  add('render--xss-template-and-prototype-keys', `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${
    doc({ headline: '${alert(1)} {{7*7}} #{7*7}', dek: '__proto__' }).slice(1)}`);
  add('render--control-and-bidi-characters', doc({
    headline: 'Nul\u0000 bell\u0007 RLO\u202Egnp.exe LRI\u2066x\u2069 ZWJ\u200D',
    body: [{ type: 'paragraph', text: 'Line\u2028separator\u2029paragraph \uFEFF BOM inside \uFFFD' }],
  }));

  // Dangerous URLs in every URL field, written every way: dropped, text kept.
  BAD_URLS.forEach((u, i) => add(`render--bad-url-${String(i + 1).padStart(2, '0')}-in-every-field`, doc({
    url: u,
    image: { src: u, alt: 'hero with a refused source' },
    takeaways: [[span('takeaway link', u)]],
    authors: [{ name: 'Author', url: u }],
    publisher: { name: 'Publisher', url: u, logo: u },
    editorial: { label: 'Desk', title: 'Card', body: [[span('card link', u)]] },
    body: [
      { type: 'paragraph', text: [span('before '), span('body link', u), span(' after')] },
      { type: 'list', ordered: false, items: [[span('item link', u)]] },
      { type: 'image', src: u, alt: 'body image with a refused source' },
    ],
    related: [{ headline: 'Related', url: u, image: { src: u, alt: 'x' } }],
  })));
  add('render--bom-then-article', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc({}))]));
  add('render--unknown-fields-ignored', doc({ extra: { deeply: [1, 2, { x: XSS[0] }] }, script: XSS[0] }));

  // Broken structure: each with its own validation problem.
  add('invalid--empty-object', '{}');
  add('invalid--root-array', '[]');
  add('invalid--root-string', '"<script>alert(1)</script>"');
  add('invalid--root-null', 'null');
  add('invalid--root-number', '42');
  add('invalid--empty-body', doc({ body: [] }));
  add('invalid--wrong-types-everywhere', doc({
    id: 7, headline: ['x'], dek: {}, tags: 'a,b', takeaways: 'one', authors: {}, image: 'x.jpg',
    body: { type: 'paragraph' }, related: true, published: 20260315,
  }));
  add('invalid--wrong-block-fields', doc({
    body: [
      { type: 'heading', level: '2', text: 'x' },
      { type: 'heading', level: 2.5, text: 'x' },
      { type: 'heading', level: 1, text: 'x' },
      { type: 'list', ordered: 'yes', items: ['a'] },
      { type: 'list', ordered: true, items: [] },
      { type: 'paragraph', text: null },
      { type: 'paragraph', text: [{ href: 'https://x.example' }] },
      { text: 'no type' },
    ],
  }));
  add('invalid--unknown-block-type-script', doc({ body: [{ type: 'script', text: XSS[0] }] }));
  add('invalid--id-path-traversal', doc({ id: '../../etc/passwd' }));
  add('invalid--related-id-injection', doc({ related: [{ id: '"><script>alert(1)</script>', headline: 'x' }] }));
  add('invalid--hostile-language-and-dir', doc({ language: 'en"><script>alert(1)</script>', dir: 'rtl; color: red' }));
  add('invalid--hostile-dates', doc({ published: '<script>alert(1)</script>', updated: '2026-13-45T99:99:99Z' }));
  add('invalid--numbers-out-of-range', doc({ image: { src: 'a.jpg', alt: '', width: 1e10, height: -5 } }));
  add('invalid--headline-too-long', doc({ headline: 'H'.repeat(600) }));
  add('invalid--too-many-spans', doc({ body: [{ type: 'paragraph', text: Array.from({ length: 600 }, () => span('s ')) }] }));
  add('invalid--too-many-takeaways', doc({ takeaways: Array.from({ length: 501 }, (_, i) => `Takeaway ${i}`) }));
  add('invalid--blank-strings', doc({ headline: ' \n\t ', body: [{ type: 'paragraph', text: '   ' }] }));

  // Not JSON the reader will read.
  add('not-json--empty-file', '');
  add('not-json--html-page', '<!doctype html><html><body><script>alert(1)</script></body></html>');
  add('not-json--truncated', doc({}).slice(0, 80));
  add('not-json--trailing-garbage', `${doc({})}<script>alert(1)</script>`);
  add('not-json--duplicate-keys', '{"id": "a", "headline": "Safe", "body": [{"type": "paragraph", "text": "x"}], "headline": "<script>alert(1)</script>"}');
  add('not-json--nan-and-infinity', '{"id": "a", "headline": "x", "body": [], "n": NaN, "m": Infinity}');
  add('not-json--number-too-large', doc({}).replace('"language"', '"n": 1e400, "language"'));
  add('not-json--deep-nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`);
  add('not-json--deep-nesting-inside-body', doc({}).replace('"A plain paragraph."', `${'['.repeat(300)}"x"${']'.repeat(300)}`));
  add('not-json--lone-surrogate', doc({}).replace('A plain headline', '\\ud800 lone surrogate'));
  add('not-json--invalid-utf8', Buffer.concat([Buffer.from(doc({}).slice(0, 40)), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(doc({}).slice(40))]));
  add('not-json--utf16-with-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc({}), 'utf16le')]));
  add('not-json--single-quotes-and-comments', "{'id': 'a', /* comment */ 'headline': 'x'}");
  return d;
}

/** The large documents, made on demand. */
function large() {
  const block = { type: 'paragraph', text: 'Block.' };
  return [
    ['invalid--body-100k-blocks', JSON.stringify({ ...base(), body: Array.from({ length: 100_000 }, () => block) })],
    ['invalid--paragraph-200k-characters', doc({ body: [{ type: 'paragraph', text: 'x'.repeat(200_000) }] })],
    ['invalid--many-problems-listed-briefly', doc({ body: Array.from({ length: 5_000 }, () => ({ type: 'nope' })) })],
    ['too-large--six-megabytes', doc({ dek: 'd'.repeat(6 * 1024 * 1024) })],
  ];
}

/** Every document: { name, expect, body: Buffer }. */
export function documents() {
  return [...small(), ...large()].map(([name, body]) => ({
    name,
    expect: name.split('--')[0],
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('docs/', import.meta.url));
  if (process.argv.includes('--check')) {
    const expected = new Map(small().map(([name, body]) => [`${name}.json`, Buffer.from(body)]));
    const stored = existsSync(dir) ? readdirSync(dir) : [];
    const wrong = [
      ...[...expected.keys()].filter((f) => !stored.includes(f) || !readFileSync(`${dir}${f}`).equals(expected.get(f))),
      ...stored.filter((f) => !expected.has(f)),
    ];
    if (wrong.length) {
      console.error(`tests/hostile/docs/ is out of date (${wrong.join(', ')}): run node tests/hostile/corpus.mjs`);
      process.exit(1);
    }
    console.log(`hostile corpus: ${stored.length} stored documents up to date`);
  } else {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [name, body] of small()) writeFileSync(`${dir}${name}.json`, body);
    console.log(`${readdirSync(dir).length} documents in ${dir} (+ ${large().length} large ones made by the tests)`);
  }
}
