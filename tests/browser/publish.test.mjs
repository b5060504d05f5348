// Publishing: the content release. The publish command (the binary the code build made, never
// compiled here) publishes a new article, a corrected one and a deleted one, each by one
// command, into a copy of the build; each time it writes only the files whose bytes change,
// and the output is byte for byte what a full publish of the same archive into a fresh code
// build gives. The policy, the app shell and the service worker never change. A second
// publish waits for the first; an invalid article is refused
// with the validator's words and nothing is written. (Killed from outside: stops.test.mjs.) The feeds read back through the import
// command (feed-rs), the monthly sitemaps validate against sitemaps.org's schema (xmllint), and
// the sitemap index and the news sitemap parse with the `sitemap` package's readers. Then the
// published site in the browser: the new article's page, the front page, and search.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseSitemap, parseSitemapIndex } from 'sitemap';
import { FACTS, SITE, at, freshCodeBuild, live, open, outputTree, publishedCopy, readJson, useApp } from './harness.mjs';
import { publishBinary } from '../../scripts/publish-binary.mjs';
import { nativeEnv } from '../../scripts/native-env.mjs';

const root = new URL('../../', import.meta.url).pathname;
// The news sitemap counts two days back from this time: fixed, so two publishes compare.
const NOW = '2026-11-21T12:00:00Z';
const base = `${(process.env.READER_PUBLIC_URL ?? SITE.public_url).replace(/\/$/, '')}${at('/').replace(/\/$/, '')}`;

/** A full publish of `archive`: the code build's output without anything a publish wrote,
 * then one publish of the whole archive, as a code release does. Returns its tree. */
function fullPublish(archive) {
  const work = mkdtempSync(join(tmpdir(), 'reader-full-'));
  try {
    const dir = join(work, 'dist');
    freshCodeBuild(dir);
    execFileSync(publishBinary(), ['--archive', archive, '--out', dir, '--now', NOW], { env: nativeEnv(), stdio: 'pipe' });
    return outputTree(dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The paths a publish's report names as written, and as removed. */
function report(output) {
  const lines = output.split('\n');
  return {
    wrote: lines.filter((l) => l.startsWith('wrote   ')).map((l) => l.slice(8)).sort(),
    removed: lines.filter((l) => l.startsWith('removed ')).map((l) => l.slice(8)).sort(),
  };
}

/** What changed between two trees. */
function diff(before, now) {
  return {
    changed: Object.keys(now).filter((p) => p in before && before[p] !== now[p]).sort(),
    added: Object.keys(now).filter((p) => !(p in before)).sort(),
    gone: Object.keys(before).filter((p) => !(p in now)).sort(),
  };
}

const HARBOR = JSON.parse(readFileSync(join(root, 'public/articles/harbor-bridge-reopens.json'), 'utf8'));
// A new article, the newest, with a picture of a shape no other article has (a new ratio once
// added a hash to the policy of every page).
const NEW = {
  ...HARBOR,
  id: 'ferry-night-service',
  headline: 'Night Ferries Return to the Harbor After a Three-Year Pause',
  dek: 'The city restores the late crossings on weekends from December, with two boats and a new pier.',
  url: undefined,
  section: 'Transport',
  published: '2026-11-21T09:30:00Z',
  updated: undefined,
  image: { src: 'img/ferry-night.svg', alt: 'A ferry at night', width: 1003, height: 337 },
  related: [],
};
const FERRY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1003 337"><rect width="1003" height="337" fill="#123"/></svg>\n';
const addNew = (archive) => {
  writeFileSync(join(archive, `${NEW.id}.json`), JSON.stringify(NEW, null, 2));
  writeFileSync(join(archive, 'img/ferry-night.svg'), FERRY_SVG);
};

const copy = publishedCopy();
after(() => copy.remove());
const site = useApp({ root: copy.dir });

test('a new, a corrected and a deleted article: each one command, only the files that change, the same as a full publish', () => {
  const { dir, archive, run } = copy;
  // The copy of the build: the same archive, nothing to write but the news sitemap's new day.
  run(['--now', NOW]);
  assert.deepEqual(report(run(['--now', NOW])).wrote, [], 'a publish with nothing new writes nothing');
  const code = Object.fromEntries(['shell.html', 'sw.js', '_headers', '404.html'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

  // 1. A new article.
  let before = outputTree(dir);
  addNew(archive);
  const added = report(run(['--now', NOW]));
  let now = outputTree(dir);
  const changes = diff(before, now);
  // The report lists every file that changed on disk (a brotli copy goes with its file).
  assert.deepEqual([...changes.changed, ...changes.added].filter((p) => !p.endsWith('.br')).sort(), added.wrote);
  const expected = [
    `articles/${NEW.id}.json`, `articles/${NEW.id}/index.html`, `embed/${NEW.id}/index.html`, `oembed/${NEW.id}.json`, 'articles/img/ferry-night.svg',
    'articles/index.json', 'articles/archive/1.json', 'index.html',
    'feed.xml', 'atom.xml', 'feed.json', 'sections/transport/feed.xml', 'sections/transport/atom.xml', 'sections/transport/feed.json',
    'sitemaps/2026-11.xml', 'sitemap.xml', 'news-sitemap.xml', `${FACTS.search_dir}shards.json`,
  ];
  for (const path of expected) assert.ok(added.wrote.includes(path), `${path} written`);
  // Besides those: only the files of the search shard the article landed in.
  const others = added.wrote.filter((p) => !expected.includes(p));
  assert.ok(others.every((p) => p.startsWith(`${FACTS.search_dir}en-2026-1-new/`)), others.join(' '));
  assert.ok(added.wrote.length <= 40, `${added.wrote.length} files written`);
  // What went: the shard's files the new index no longer has, each listed.
  assert.deepEqual(changes.gone.filter((p) => !p.endsWith('.br')), added.removed);
  assert.ok(added.removed.every((p) => p.startsWith(`${FACTS.search_dir}en-2026-1-new/`)), added.removed.join(' '));
  for (const [file, text] of Object.entries(code)) assert.equal(readFileSync(join(dir, file), 'utf8'), text, `${file} unchanged`);
  const policy = (page) => page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  assert.ok(policy(code['shell.html']));
  for (const page of [`articles/${NEW.id}/index.html`, `embed/${NEW.id}/index.html`, 'index.html']) {
    assert.equal(policy(readFileSync(join(dir, page), 'utf8')), policy(code['shell.html']), `${page}: the code build's policy`);
  }
  assert.deepEqual(now, fullPublish(archive), 'the same bytes as a full publish');

  // 2. A correction: a new headline for an older article.
  before = now;
  const file = join(archive, 'library-night-hours.json');
  const library = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...library, headline: 'Central Library Stays Open Until Midnight From January', updated: '2026-11-21T10:00:00Z' }, null, 2));
  const corrected = report(run(['--now', NOW]));
  now = outputTree(dir);
  assert.deepEqual([...diff(before, now).changed, ...diff(before, now).added].filter((p) => !p.endsWith('.br')).sort(), corrected.wrote);
  assert.ok(corrected.wrote.includes('articles/library-night-hours/index.html'));
  assert.ok(!corrected.wrote.includes(`articles/${NEW.id}/index.html`), 'other articles are not written again');
  assert.match(readFileSync(join(dir, 'articles/index.json'), 'utf8'), /Stays Open Until Midnight/);
  assert.deepEqual(now, fullPublish(archive), 'the same bytes as a full publish');

  // 3. An unpublished article: its files go, and no index, feed or sitemap names it.
  before = now;
  rmSync(join(archive, 'rain-gauge-volunteers.json'));
  const deleted = report(run(['--now', NOW]));
  now = outputTree(dir);
  for (const path of ['articles/rain-gauge-volunteers.json', 'articles/rain-gauge-volunteers/index.html', 'embed/rain-gauge-volunteers/index.html', 'oembed/rain-gauge-volunteers.json']) {
    assert.ok(deleted.removed.includes(path), `${path} removed`);
    assert.ok(!existsSync(join(dir, path)) && !existsSync(join(dir, `${path}.br`)), `${path} gone`);
  }
  for (const path of ['articles/index.json', 'articles/archive/1.json', 'index.html', 'feed.xml', 'atom.xml', 'feed.json', 'sitemaps/2026-11.xml']) {
    assert.doesNotMatch(readFileSync(join(dir, path), 'utf8'), /rain-gauge-volunteers/, `${path} no longer names it`);
  }
  assert.ok(!existsSync(join(dir, 'sections/science')), 'its section, now empty, has no feed');
  assert.deepEqual(now, fullPublish(archive), 'the same bytes as a full publish');
  for (const [file, text] of Object.entries(code)) assert.equal(readFileSync(join(dir, file), 'utf8'), text, `${file} unchanged`);
});

test('a code release: a new publish command that changes no page writes none; a new template rewrites the pages and indexes no search shard again', () => {
  const release = publishedCopy();
  try {
    const { dir, run } = release;
    run(['--now', NOW]);
    const manifestPath = join(dir, '.publish/manifest.json');
    const before = outputTree(dir);
    // Another publish command (what the code fingerprint stands for) making the same pages:
    // every article is made again and compared, nothing is written.
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, code: 'an earlier code build' }));
    const same = report(run(['--now', NOW]));
    assert.deepEqual(same.wrote, [], 'no page written');
    assert.deepEqual(same.removed, []);
    assert.deepEqual(outputTree(dir), before);

    // A template every page shows: every page and embed is written again, the search index is
    // kept (its records are the same), and the result is what a full publish makes.
    const shell = join(dir, 'shell.html');
    writeFileSync(shell, readFileSync(shell, 'utf8').replace('</head>', '<meta name="x-release" content="2"></head>'));
    const articles = readdirSync(join(root, 'public/articles')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    const rewritten = report(run(['--now', NOW]));
    for (const id of articles) {
      assert.ok(rewritten.wrote.includes(`articles/${id}/index.html`), `articles/${id}/index.html written`);
      assert.ok(rewritten.wrote.includes(`embed/${id}/index.html`), `embed/${id}/index.html written`);
    }
    assert.deepEqual(rewritten.wrote.filter((p) => p.startsWith(FACTS.search_dir)), [], 'no search shard indexed again');
    assert.match(readFileSync(join(dir, `articles/${articles[0]}/index.html`), 'utf8'), /<meta name="x-release" content="2">/);
    // (And the JSON, oEmbed responses and feeds, which the template does not show: unwritten.)
    assert.deepEqual(rewritten.wrote.filter((p) => p.endsWith('.json') && !p.startsWith(FACTS.search_dir)), []);
  } finally {
    release.remove();
  }
});

test('--changed: the newsroom names what changed and the publish looks at nothing else; the same output as a full scan', () => {
  const listed = publishedCopy();
  try {
    const { dir, archive, run } = listed;
    run(['--now', NOW]);
    const publish = (input, extra = []) => execFileSync(publishBinary(), ['--archive', archive, '--out', dir, '--now', NOW, ...extra],
      { cwd: root, env: nativeEnv(), input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
    // A new article and a correction, named on standard input (an id, a file name, a picture).
    addNew(archive);
    const file = join(archive, 'library-night-hours.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), headline: 'Library Hours Listed by the Newsroom' }, null, 2));
    // And a change the list does not name: left alone until a full scan.
    const unnamed = join(archive, 'harbor-bridge-reopens.json');
    writeFileSync(unnamed, JSON.stringify({ ...HARBOR, headline: 'A Change Nobody Listed' }, null, 2));
    const first = report(publish(`${NEW.id}\nlibrary-night-hours.json\nimg/ferry-night.svg\n`, ['--changed', '-']));
    assert.ok(first.wrote.includes(`articles/${NEW.id}/index.html`));
    assert.ok(first.wrote.includes('articles/library-night-hours/index.html'));
    assert.ok(first.wrote.includes('articles/img/ferry-night.svg'));
    assert.ok(!first.wrote.includes('articles/harbor-bridge-reopens/index.html'), 'an unnamed file is not looked at');
    assert.doesNotMatch(readFileSync(join(dir, 'articles/harbor-bridge-reopens.json'), 'utf8'), /A Change Nobody Listed/);
    // An unpublished article, named in a file.
    rmSync(join(archive, 'rain-gauge-volunteers.json'));
    const listFile = join(dir, '..', 'changed.txt');
    writeFileSync(listFile, '# from the newsroom\nrain-gauge-volunteers\n');
    const second = report(publish('', ['--changed', listFile]));
    assert.ok(second.removed.includes('articles/rain-gauge-volunteers/index.html'));
    // A full scan then finds the unnamed change, and the output is a full publish's.
    const scan = report(run(['--now', NOW]));
    assert.ok(scan.wrote.includes('articles/harbor-bridge-reopens/index.html'));
    assert.deepEqual(outputTree(dir), fullPublish(archive), 'the same bytes as a full publish');
    // A name outside the archive is refused with the line.
    writeFileSync(listFile, 'ok-id\n../../etc/passwd\n');
    assert.throws(() => publish('', ['--changed', listFile]), (e) => /--changed, line 2: \.\.\/\.\.\/etc\/passwd is not a file of the archive/.test(e.stderr.toString()));
  } finally {
    listed.remove();
  }
});

test('the published site: the new article, the front page that lists it, and search that finds it', async () => {
  const page = await open(site, `/articles/${NEW.id}`, { wait: '.article h1' });
  await live(page);
  assert.equal((await page.locator('.article h1').textContent()).trim(), NEW.headline);
  const sizer = await page.locator('.figure.hero canvas.frame-sizer').evaluate((c) => [c.width, c.height]);
  assert.deepEqual(sizer, [1003, 337]);
  page.assertClean();
  await page.context().close();
  const front = await open(site, '/', { wait: '.article-list' });
  assert.equal((await front.locator('main .card h2').first().textContent()).trim(), NEW.headline, 'the newest first');
  front.assertClean();
  await front.context().close();
  const search = await open(site, '/search?q=ferries', { wait: '.search-result' });
  assert.deepEqual((await search.locator('.search-result h2').allTextContents()).map((h) => h.trim()), [NEW.headline]);
  search.assertClean();
  await search.context().close();
});

test('a second publish into the same output waits for the first', async () => {
  const lock = join(copy.dir, '.publish/lock');
  // Another publish holds the lock (flock(1), the same lock the command takes).
  // (Its own process group: the lock is held by flock's child too, and both go together.)
  const holder = spawn('flock', [lock, 'sleep', '30'], { stdio: 'ignore', detached: true });
  await new Promise((r) => setTimeout(r, 300));
  const second = spawn(publishBinary(), ['--archive', copy.archive, '--out', copy.dir, '--now', NOW], { env: nativeEnv() });
  let stderr = '';
  second.stderr.on('data', (d) => { stderr += d; });
  const done = new Promise((r) => second.on('exit', (code) => r(code)));
  for (let i = 0; i < 100 && !stderr.includes('waiting'); i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.match(stderr, /another publish is writing .*: waiting for it to finish/);
  assert.equal(second.exitCode, null, 'it waits');
  const released = Date.now();
  process.kill(-holder.pid, 'SIGKILL');
  assert.equal(await done, 0);
  assert.ok(Date.now() - released < 10_000, 'it ran as soon as the first let go');
});

test('an invalid article is refused with the validator\'s words, and nothing is written', () => {
  const before = outputTree(copy.dir);
  const bad = join(copy.archive, 'broken-story.json');
  writeFileSync(bad, JSON.stringify({ id: 'broken-story', headline: '', language: 'en', body: 'text' }));
  writeFileSync(join(copy.archive, 'Bad Name.json'), JSON.stringify(HARBOR));
  try {
    let failure = null;
    try {
      copy.run(['--now', NOW]);
    } catch (e) {
      failure = e;
    }
    assert.ok(failure, 'refused');
    assert.equal(failure.status, 1);
    const said = failure.stderr.toString();
    assert.match(said, /2 article\(s\) refused; nothing was written/);
    assert.match(said, /broken-story\.json: .*\n\s+- headline: /);
    assert.match(said, /- body: expected an array/);
    assert.match(said, /Bad Name\.json: the file name must be the article's id/);
    assert.deepEqual(outputTree(copy.dir), before, 'nothing written');
  } finally {
    rmSync(bad);
    rmSync(join(copy.archive, 'Bad Name.json'));
  }
});

test('the feeds read back through the import command: our own feed gives back our articles', () => {
  const importer = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'debug', 'import');
  // scripts/test.sh builds it before the browser tests; run alone, this file needs it built.
  assert.ok(existsSync(importer), `${importer} is missing: cargo build --locked --features import --bin import`);
  const articles = readdirSync(copy.archive).filter((f) => f.endsWith('.json')).map((f) => readJson(join(copy.archive, f)));
  for (const feed of ['feed.xml', 'atom.xml', 'feed.json']) {
    const out = mkdtempSync(join(tmpdir(), 'reader-import-'));
    try {
      execFileSync(importer, ['--out', out, join(copy.dir, feed)], { stdio: 'pipe' });
      const imported = readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'index.json').map((f) => readJson(join(out, f)));
      assert.equal(imported.length, Math.min(articles.length, SITE.feeds?.items ?? 20), `${feed}: every item imported`);
      for (const article of articles) {
        const back = imported.find((a) => a.headline === article.headline);
        assert.ok(back, `${feed}: ${article.headline}`);
        assert.equal(back.url, `${base}/articles/${article.id}`, `${feed}: its page`);
        assert.equal(Date.parse(back.published), Date.parse(article.published), `${feed}: its date`);
        // The body's paragraphs, as text, in order.
        const text = (body) => body.filter((b) => b.type === 'paragraph').map((b) => (typeof b.text === 'string' ? b.text : b.text.map((s) => s.text).join('')).replace(/\s+/g, ' ').trim());
        const ours = text(article.body);
        assert.deepEqual(text(back.body).filter((p) => ours.includes(p)), ours, `${feed}: ${article.id}'s paragraphs`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
});

test('the monthly sitemaps validate against sitemaps.org\'s schema; the index and the news sitemap parse by their protocols', async () => {
  const xsd = join(createRequire(import.meta.url).resolve('sitemap/package.json'), '..', 'schema', 'all.xsd');
  const sitemaps = readdirSync(join(copy.dir, 'sitemaps')).filter((f) => f.endsWith('.xml'));
  assert.ok(sitemaps.includes('2026-11.xml'), sitemaps.join(' '));
  const plain = join(createRequire(import.meta.url).resolve('sitemap/package.json'), '..', 'schema', 'sitemap.xsd');
  for (const file of sitemaps) {
    execFileSync('xmllint', ['--noout', '--schema', existsSync(plain) ? plain : xsd, join(copy.dir, 'sitemaps', file)], { stdio: 'pipe' });
  }
  const index = await parseSitemapIndex(Readable.from(readFileSync(join(copy.dir, 'sitemap.xml'))));
  assert.deepEqual(index.map((s) => s.url).sort(), sitemaps.map((f) => `${base}/sitemaps/${f}`).sort());
  const month = await parseSitemap(Readable.from(readFileSync(join(copy.dir, 'sitemaps/2026-11.xml'))));
  const ids = readdirSync(copy.archive).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  assert.deepEqual(month.map((u) => u.url).sort(), ids.map((id) => `${base}/articles/${id}`).sort());
  // The news sitemap: the last two days before NOW, newest first (the new article, then the
  // bridge, published 25 hours before NOW).
  const news = await parseSitemap(Readable.from(readFileSync(join(copy.dir, 'news-sitemap.xml'))));
  assert.deepEqual(news.map((u) => u.url), [`${base}/articles/${NEW.id}`, `${base}/articles/harbor-bridge-reopens`]);
  assert.equal(news[0].news.title, NEW.headline);
  assert.equal(news[0].news.publication.name, SITE.name);
  assert.equal(news[0].news.publication.language, 'en');
  assert.equal(news[0].news.publication_date, NEW.published.replace('.000', ''));
  const robots = readFileSync(join(copy.dir, 'robots.txt'), 'utf8');
  assert.match(robots, new RegExp(`^Sitemap: ${base.replace(/[.]/g, '\\.')}/sitemap\\.xml$`, 'm'));
  // Every page names the feeds.
  for (const page of ['index.html', 'shell.html', `articles/${NEW.id}/index.html`]) {
    const html = readFileSync(join(copy.dir, page), 'utf8');
    const links = [...html.matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag.replace(/"/g, ''));
    for (const [type, file] of [['application/rss+xml', 'feed.xml'], ['application/atom+xml', 'atom.xml'], ['application/feed+json', 'feed.json']]) {
      assert.ok(links.some((l) => l.includes('rel=alternate') && l.includes(`type=${type}`) && l.includes(`href=${at(`/${file}`)}`) && l.includes(`title=${SITE.name}`)),
        `${page}: ${file} in ${links.join(' ')}`);
    }
  }
});
