// The pages' own scripts (src/page/) keep the rules they share with the app in one place each,
// and pass the same cases as the Rust side (tests/cases/*.json, also read by the model's unit
// tests): a change to one side that the other lacks fails here or there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { contrastText } from '../../src/page/contrast.mjs';
import { routeIn } from '../../src/page/route.mjs';
import { allowedSource } from '../../src/page/sources.mjs';

const root = new URL('../../', import.meta.url).pathname;
const cases = (name) => JSON.parse(readFileSync(`${root}tests/cases/${name}.json`, 'utf8')).cases;

test('black or white text on a colour: the same choice as the app (contrast_text)', () => {
  for (const [colour, text] of cases('contrast')) assert.equal(contrastText(colour), text, colour);
});

test('the route inside the reader\'s folder: the same as the app (route_in)', () => {
  for (const [base, path, route] of cases('route')) assert.equal(routeIn(base, path), route, `${base} ${path}`);
});

test('an article address from the page\'s origin or an allowed source: the same as the app (check_source)', () => {
  const { page, sources, cases: list } = JSON.parse(readFileSync(`${root}tests/cases/sources.json`, 'utf8'));
  for (const [url, allowed] of list) assert.equal(allowedSource(url, page, sources), allowed, url);
});

test('index.html carries no script code: every part is a module of src/page/', () => {
  const html = readFileSync(`${root}index.html`, 'utf8');
  const parts = [...html.matchAll(/<script data-part="([a-z-]+)">([\s\S]*?)<\/script>/g)];
  assert.ok(parts.length >= 5, 'the parts are named');
  for (const [, part, body] of parts) {
    assert.equal(body.trim(), '', `${part}: code belongs in src/page/${part}.js`);
    assert.ok(readdirSync(`${root}src/page`).includes(`${part}.js`), `src/page/${part}.js`);
  }
  assert.equal(html.match(/<script(?![^>]*data-part)/g), null, 'no other script');
});
