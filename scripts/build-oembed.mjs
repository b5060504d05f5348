#!/usr/bin/env node
// Writes a static oEmbed response (type "rich") for every bundled article:
// {out}/oembed/{id}.json. Article pages point to it with
// <link rel="alternate" type="application/json+oembed">. oEmbed needs absolute URLs: the public
// address of the deployment is the site configuration's public_url (site.json), which
// READER_PUBLIC_URL overrides (a preview deployment); the provider is the site's name.
// Run by Trunk after each build, or by hand: node scripts/build-oembed.mjs [dir]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { BASE, SITE } from './site-config.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
const site = SITE;
const origin = (process.env.READER_PUBLIC_URL ?? site.public_url).replace(/\/+$/, '');
if (!/^https?:\/\/[^/]+$/.test(origin)) {
  console.error(`build-oembed: READER_PUBLIC_URL must be an origin like https://reader.example (got ${origin})`);
  process.exit(1);
}
// The reader's folder on that origin (base_path, checked by build.rs), without the closing "/".
const base = origin + BASE.replace(/\/$/, '');

// Embed size advertised to consumers; embed.js then follows the real height.
const WIDTH = 600;
const HEIGHT = 900;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const safeHttp = (u) => (u && /^https?:$/.test(u.protocol) ? u.href : undefined);

const facts = JSON.parse(readFileSync(`${root}/src/facts.json`, 'utf8'));
const ID = new RegExp(`^[${facts.id_chars}]{1,${facts.id_max_len}}$`);
// Every page of the index: articles/index.json and the pages its `next` links lead to (files
// of this build, relative to the page that names them).
const articles = [];
const seenPages = new Set();
for (let file = 'articles/index.json'; file;) {
  if (seenPages.has(file)) throw new Error(`build-oembed: ${file}: the index's pages go round in a circle`);
  seenPages.add(file);
  const page = JSON.parse(readFileSync(`${out}/${file}`, 'utf8'));
  articles.push(...(page.articles ?? []));
  file = typeof page.next === 'string' ? new URL(page.next, `http://build.invalid/${file}`) : null;
  if (file && file.origin !== 'http://build.invalid') throw new Error(`build-oembed: ${[...seenPages].pop()}: its next page ${page.next} is not a file of this build`);
  file = file && decodeURIComponent(file.pathname.slice(1));
}
mkdirSync(`${out}/oembed`, { recursive: true });
let count = 0;
for (const { id } of articles) {
  if (!ID.test(id)) continue;
  const article = JSON.parse(readFileSync(`${out}/articles/${id}.json`, 'utf8'));
  const jsonUrl = `${base}/articles/${id}.json`;
  const page = `${base}/articles/${id}`;
  const embed = `${base}/embed/${id}`;
  const response = {
    version: '1.0',
    type: 'rich',
    title: article.headline,
    provider_name: site.name,
    provider_url: `${base}/`,
    html: `<div data-article-embed="${escape(id)}"><a href="${escape(page)}">${escape(article.headline)}</a></div>`
      + `<script async src="${escape(`${base}/embed.js`)}"></script>`
      + `<noscript><iframe src="${escape(embed)}" title="Article: ${escape(article.headline)}" width="${WIDTH}" height="${HEIGHT}" loading="lazy" style="border:0;width:100%"></iframe></noscript>`,
    width: WIDTH,
    height: HEIGHT,
    cache_age: 86400,
  };
  const author = (article.authors ?? []).map((a) => a.name).filter(Boolean).join(', ');
  if (author) response.author_name = author;
  const image = article.image;
  let thumb;
  try {
    thumb = image?.src ? safeHttp(new URL(image.src, jsonUrl)) : undefined;
  } catch {
    thumb = undefined;
  }
  if (thumb && image.width && image.height) {
    Object.assign(response, { thumbnail_url: thumb, thumbnail_width: image.width, thumbnail_height: image.height });
  }
  writeFileSync(`${out}/oembed/${id}.json`, `${JSON.stringify(response, null, 2)}\n`);
  count += 1;
}
console.log(`build-oembed: ${count} oEmbed responses for ${base}`);
