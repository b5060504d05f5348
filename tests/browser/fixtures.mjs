// Fixture responses for the browser tests: every way an article load can go wrong, served by
// the test server next to the real app.
import { existsSync, readFileSync } from 'node:fs';

const SHARED = new URL('../../../shared/fixtures/', import.meta.url).pathname;

export const VALID = {
  id: 'fixture-article',
  headline: 'Fixture Headline',
  dek: 'A fixture used by the browser tests.',
  section: 'Tests',
  published: '2026-01-02T03:04:05Z',
  body: [{ type: 'paragraph', text: 'The fixture body.' }],
};

/**
 * An article in `language` whose own text is Latin filler, so that every word on its page in
 * English, French or Arabic is the interface's (tests/browser/language-switch.test.mjs).
 */
export const neutral = (language) => ({
  id: `lang-${language}`,
  language,
  headline: 'Lorem ipsum dolor',
  dek: 'Sed ut perspiciatis unde omnis.',
  section: 'Varia',
  published: '2026-01-02T03:04:05Z',
  updated: '2026-01-03T09:30:00Z',
  authors: [{ name: 'Quintus Ennius' }, { name: 'Gaius Lucilius' }],
  takeaways: ['Lorem ipsum.', 'Dolor sit amet.', 'Consectetur adipiscing.'],
  editorial: { label: 'Nota', title: 'Ut enim ad minim', body: ['Quis nostrud exercitation.', 'Ullamco laboris nisi.'] },
  body: [{ type: 'paragraph', text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.' }],
  related: [{ url: '/fixtures/lang-fr.json', headline: 'Duis aute irure', published: '2026-01-01T08:00:00Z' }],
});

/**
 * A reference article in version 1 of the format with every part an article page shows (a
 * publisher and no authors, a hero image, four takeaways, an editorial card with its author,
 * paragraphs, no related articles), the project's own writing: the page must render each part
 * exactly. The team's seed article (`../shared/fixtures`) is rendered the same way when present.
 */
export const REFERENCE = {
  id: 'reference-article',
  headline: 'Night Ferry Service Returns to the Eastern Islands After a Decade',
  dek: 'Two refitted boats will run three crossings a night from June, with bicycles aboard and a quiet deck.',
  section: 'Local',
  language: 'en',
  published: '2026-04-02T08:00:00Z',
  publisher: { name: 'The Reference Ledger' },
  image: { src: 'reference-hero.svg', alt: 'A ferry at night beside a lit pier.', width: 1200, height: 675 },
  takeaways: [
    'Three night crossings from June.',
    'Bicycles travel free.',
    'Tickets go on sale in May.',
    'A quiet deck with no announcements after midnight.',
  ],
  editorial: {
    label: "Editor's Desk",
    title: 'Why we followed the ferry story',
    body: ['Readers on the islands asked us for years.', 'We rode the test crossing to see for ourselves.'],
    author: 'Mara Lind',
    role: 'Local editor',
  },
  body: [
    { type: 'paragraph', text: 'The last night ferry to the eastern islands sailed ten years ago.' },
    { type: 'paragraph', text: 'From June two refitted boats will run three crossings each night.' },
    { type: 'paragraph', text: 'The operator says the quiet deck was the most requested change.' },
  ],
  related: [],
};

const REFERENCE_HERO = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">'
  + '<rect width="1200" height="675" fill="#1d2a44"/><rect x="200" y="420" width="800" height="90" fill="#e8e2d0"/></svg>';

/** Every block of format 1.1, short: what Listen says of them is checked in full. */
export const FORMAT_1_1 = {
  ...VALID,
  id: 'format-1-1',
  headline: 'Format Eleven',
  body: [
    { type: 'paragraph', text: 'Opening paragraph.' },
    { type: 'pullquote', text: 'A repeated passage.', cite: 'Someone' },
    { type: 'list', ordered: false, items: ['Outer one', { text: 'Outer two', list: { ordered: true, items: ['Inner one', 'Inner two'] } }] },
    { type: 'divider' },
    { type: 'table', caption: 'Scores', header: ['Team', 'Points'], rows: [['Ashby', '3'], ['Brill', [{ text: '1', strong: true }]]] },
    { type: 'code', language: 'sh', text: 'echo "a  b"\n  indented' },
    { type: 'embed', url: 'https://video.example/v/1', title: 'A video', provider: 'VideoSite' },
    { type: 'paragraph', text: 'Closing paragraph.' },
  ],
};

/** A list whose items are links and nothing else (the WCAG 2.2 target-size case). */
export const LINK_LIST = {
  ...VALID,
  id: 'link-list',
  headline: 'Further reading',
  body: [
    { type: 'paragraph', text: 'More on this story:' },
    { type: 'list', ordered: false, items: ['One', 'Two', 'Three', 'Four'].map((n) => [{ text: `Story ${n}`, href: `https://news.example/${n}` }]) },
    // Short links side by side in one item (sources, parts of a series).
    { type: 'list', ordered: true, items: [
      [{ text: 'Part ' }, { text: '1', href: 'https://news.example/p1' }, { text: ' ' }, { text: '2', href: 'https://news.example/p2' }, { text: ' ' }, { text: '3', href: 'https://news.example/p3' }],
      [{ text: 'AP', href: 'https://news.example/ap' }, { text: ', ' }, { text: 'AFP', href: 'https://news.example/afp' }],
    ] },
  ],
};

/** A list of change links after some 25 paragraphs, as a reader met it: links that are whole
 * items beside items where a link ends a sentence; long enough to wrap at 360 px. */
export const RECORD_LINKS = {
  ...VALID,
  id: 'record-links',
  headline: 'What changed at the weather stations this year',
  body: [
    ...Array.from({ length: 25 }, (_, i) => ({ type: 'paragraph',
      text: `Paragraph ${i + 1}. The volunteers who read the gauges each morning sent in their notebooks, and the records office compared them with the automatic stations before anything was published.` })),
    { type: 'list', ordered: false, items: [
      [{ text: 'Change 1677107 – Add a counter for how often two stations report at the same minute', href: 'https://records.example/change/1677107' }],
      [{ text: "Change 1681796 – Stop the nightly job from keeping a second copy of each station's morning notebook", href: 'https://records.example/change/1681796' }],
      [{ text: 'Change 1680796 – Make sure the old reading is discarded before the next one is stored', href: 'https://records.example/change/1680796' }],
      [{ text: 'Volunteers asked for ' }, { text: 'a way to correct a reading after sending it', href: 'https://records.example/change/1649610' }],
      [{ text: 'The ridge gauge now reports hourly (e.g. 1-3, 6, 7) – ' }, { text: 'Change 499640', href: 'https://records.example/change/499640' }],
      [{ text: "The valley gauge's battery lasts two winters – " }, { text: 'Change 1674106', href: 'https://records.example/change/1674106' }],
    ] },
    { type: 'paragraph', text: 'The records office publishes the next list in spring.' },
  ],
};

export const HOSTILE = {
  id: 'hostile',
  headline: '<script>window.__pwned = 1; alert("headline")</script>',
  dek: '<img src=x onerror="window.__pwned=2; alert(2)">',
  section: '<b onmouseover=alert(3)>World</b>',
  image: { src: 'javascript:alert(4)', alt: '"><script>alert(5)</script>' },
  takeaways: ['<svg onload=alert(6)>', [{ text: 'click me', href: 'JaVaScRiPt:alert(7)' }]],
  editorial: {
    label: '<i>Editor</i>', title: '</aside><script>alert(8)</script>',
    body: [[{ text: 'data link', href: 'data:text/html,<script>alert(9)</script>' }]],
  },
  body: [
    { type: 'paragraph', text: [
      { text: 'tab-obfuscated', href: 'java\tscript:alert(10)' },
      { text: ' and ' },
      { text: 'vbscript', href: ' vbscript:msgbox(11)' },
      { text: ' and ' },
      { text: 'a safe link', href: 'https://example.org/safe' },
    ] },
    { type: 'quote', text: '<iframe src="javascript:alert(12)"></iframe>', cite: '<script>alert(13)</script>' },
    { type: 'image', src: 'data:image/svg+xml,<svg onload=alert(14)>', alt: 'hostile image' },
  ],
  related: [{ url: 'javascript:alert(15)', headline: '<script>alert(16)</script>' }],
};

function json(res, status, body, extra = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...extra });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export function fixtureRoutes() {
  let flakyCalls = 0;
  // Requests per fixture path, for the retry tests (GET /fixtures/count?path=…).
  const counts = {};
  const briefly = { calls: 0 };
  let changingVersion = 1;
  let breakingVersion = 1;
  const hanging = new Set();
  const routes = {
    '/fixtures/valid.json': (req, res) => json(res, 200, VALID),
    '/fixtures/lang-en.json': (req, res) => json(res, 200, neutral('en')),
    '/fixtures/lang-fr.json': (req, res) => json(res, 200, neutral('fr')),
    '/fixtures/lang-ar.json': (req, res) => json(res, 200, neutral('ar')),
    '/fixtures/not-found.json': (req, res) => json(res, 404, { error: 'nope' }),
    '/fixtures/server-error.json': (req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('boom');
    },
    '/fixtures/truncated.json': (req, res) => json(res, 200, JSON.stringify(VALID).slice(0, 60)),
    '/fixtures/html.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><h1>Welcome to our homepage</h1></body></html>');
    },
    '/fixtures/no-headline.json': (req, res) => {
      const { headline, ...rest } = VALID;
      json(res, 200, rest);
    },
    '/fixtures/many-problems.json': (req, res) =>
      json(res, 200, { id: 'Bad Id', body: [{ type: 'paragraph', text: '' }], image: { src: 'a.png' } }),
    '/fixtures/slow.json': (req, res) => setTimeout(() => json(res, 200, VALID), 1500),
    // Sends headers and half a document, then never finishes.
    '/fixtures/never.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": "never", ');
      hanging.add(res);
      req.on('close', () => hanging.delete(res));
    },
    // An article that gets corrected: /fixtures/changing/next publishes the new version.
    '/fixtures/changing.json': (req, res) => json(res, 200, changingVersion === 1
      ? { ...VALID, id: 'changing', headline: 'Changing Story', updated: '2026-11-01T12:00:00Z' }
      : { ...VALID, id: 'changing', headline: 'Changing Story (corrected)', updated: '2026-11-02T12:00:00Z' }),
    '/fixtures/changing/next': (req, res) => {
      changingVersion += 1;
      json(res, 200, { version: changingVersion });
    },
    // A saved article whose next version is broken (valid JSON, no body): the saved copy must stay.
    '/fixtures/breaking.json': (req, res) => json(res, 200, breakingVersion === 1
      ? { ...VALID, id: 'breaking', headline: 'Breaking Story', updated: '2026-11-01T12:00:00Z' }
      : { id: 'breaking', headline: 'Broken', updated: '2026-11-03T12:00:00Z', body: [] }),
    '/fixtures/breaking/next': (req, res) => {
      breakingVersion += 1;
      json(res, 200, { version: breakingVersion });
    },
    '/fixtures/never-open': (req, res) => json(res, 200, { open: hanging.size }),
    // Fails three times in a row (the app's own retries included), then works.
    '/fixtures/flaky.json': (req, res) => {
      flakyCalls += 1;
      if (flakyCalls % 4 !== 0) json(res, 503, { error: 'try again' });
      else json(res, 200, { ...VALID, headline: 'Second Time Lucky' });
    },
    '/fixtures/gone.json': (req, res) => json(res, 410, { error: 'removed' }),
    '/fixtures/rate-limited.json': (req, res) => json(res, 429, { error: 'slow down' }, { 'retry-after': '120' }),
    // 429 asking for one second, then the article: the app waits and retries on its own.
    '/fixtures/rate-limited-briefly.json': (req, res) => {
      briefly.calls += 1;
      if (briefly.calls % 2 === 1) json(res, 429, { error: 'slow down' }, { 'retry-after': '1' });
      else json(res, 200, { ...VALID, headline: 'Waited Politely' });
    },
    '/fixtures/maintenance.json': (req, res) => json(res, 503, { error: 'maintenance' },
      { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }),
    // Promises 4,000 bytes, sends 100, then drops the connection.
    '/fixtures/cut-off.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
      res.write(JSON.stringify(VALID).slice(0, 100));
      setTimeout(() => res.socket.destroy(), 50);
    },
    '/fixtures/reset.json': (req) => req.socket.destroy(),
    '/fixtures/image.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(JSON.stringify(VALID));
    },
    '/fixtures/count': (req, res) => {
      const path = new URL(req.url, 'http://x').searchParams.get('path');
      json(res, 200, { count: counts[path] ?? 0 });
    },
    '/fixtures/hostile.json': (req, res) => json(res, 200, HOSTILE),
    '/fixtures/reference/reference-article.json': (req, res) => json(res, 200, REFERENCE),
    '/fixtures/reference/reference-hero.svg': (req, res) => {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(REFERENCE_HERO);
    },
    '/fixtures/format-1-1.json': (req, res) => json(res, 200, FORMAT_1_1),
    '/fixtures/link-list.json': (req, res) => json(res, 200, LINK_LIST),
    '/fixtures/record-links.json': (req, res) => json(res, 200, RECORD_LINKS),
    // An Arabic article that was updated: every interface word around it is Arabic.
    '/fixtures/arabic-updated.json': (req, res) => json(res, 200, {
      ...VALID, id: 'arabic-updated', language: 'ar', headline: 'عنوان المقال',
      published: '2013-08-27T09:00:00+03:00', updated: '2013-08-28T10:30:00+03:00',
    }),
    '/fixtures/broken-image.json': (req, res) =>
      json(res, 200, { ...VALID, image: { src: 'missing-image.png', alt: 'A picture that fails', width: 4, height: 3 } }),
  };
  // Count every request to a fixture.
  for (const [path, handler] of Object.entries(routes)) {
    if (path === '/fixtures/count') continue;
    routes[path] = (req, res) => {
      counts[path] = (counts[path] ?? 0) + 1;
      return handler(req, res);
    };
  }
  if (existsSync(SHARED)) {
    for (const name of ['seed-article.json', 'seed-hero.svg']) {
      routes[`/fixtures/seed/${name}`] = (req, res) => {
        res.writeHead(200, { 'content-type': name.endsWith('.svg') ? 'image/svg+xml' : 'application/json' });
        res.end(readFileSync(SHARED + name));
      };
    }
  }
  return routes;
}
