#!/usr/bin/env node
// A small static server for dist/: correct content types (.wasm as application/wasm so browsers
// compile it while it downloads), precompressed .br/.gz copies when present, and the SPA
// fallback (a folder's index.html, the prerendered pages; else, for paths without a file
// extension, the app shell shell.html, so deep links like /read?src=… work). Listens on
// 127.0.0.1 only. A reader built for a folder (site.json's base_path, e.g. /reader/) is served
// under it, as a GitHub Pages project site would be; paths outside it are not found.
//
//   node scripts/serve.mjs [dir] [--port N] [--base /reader/] [--github-pages]
//     (port 0 or busy: a free one is chosen; the base defaults to the built manifest's scope;
//     --github-pages serves as GitHub Pages does: a folder without its closing "/" is
//     redirected to it, and a path that is no file gets 404.html with status 404, no shell)
//
// The browser tests import startServer() and add their own fixture routes.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheControl, contentType } from './headers-table.mjs';


/** Parses a Netlify-style `_headers` file into [{ pattern: RegExp, headers: [[name, value]] }]. */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else if (rules.length) {
      const at = line.indexOf(':');
      if (at > 0) rules.at(-1).headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers `_headers` asks for on `pathname`; repeated names give several values. */
export function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : [].concat(out[key], value);
    }
  }
  return out;
}

async function fileIfExists(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * A key and a self-signed certificate for 127.0.0.1, made by `openssl` for one server (browsers
 * speak HTTP/2 only over TLS; the client must accept the certificate, e.g. Playwright's
 * `ignoreHTTPSErrors`).
 */
function selfSigned(host) {
  const dir = mkdtempSync(join(tmpdir(), 'reader-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', `/CN=${host}`,
      '-addext', `subjectAltName=IP:${host}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch (e) {
    throw new Error(`startServer: HTTP/2 needs a certificate, and openssl could not make one (${e.stderr ?? e.message}); install it with apt (openssl)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the server. `root` is a folder, or a function returning one (the tests switch it to
 * "deploy" a new version). `routes` maps a pathname to a handler `(req, res) => void` that runs
 * before static files (used by tests for fixtures); `onRequest(req)` sees every request.
 * `http2`: HTTP/2 over TLS with a self-signed certificate (HTTP/1.1 too), as CDNs and static
 * hosts serve (the benchmark's search); the client must accept the certificate.
 * Resolves to { server, url, close() }.
 */
export async function startServer({ root, port = 0, host = '127.0.0.1', base = '/', githubPages = false, routes = {}, onRequest, http2 = false } = {}) {
  if (!/^\/(?:[^/]+\/)*$/.test(base)) throw new Error(`startServer: base must start and end with / (got ${base})`);
  const currentRoot = () => resolve(typeof root === 'function' ? root() : root);
  const serve = (handler) => (http2 ? createSecureServer({ ...selfSigned(host), allowHTTP1: true }, handler) : createServer(handler));
  const server = serve(async (req, res) => {
    onRequest?.(req);
    const dir = currentRoot();
    try {
      const url = new URL(req.url, 'http://localhost');
      let rules = [];
      try {
        // GitHub Pages sends no headers of ours: the pages' <meta> policy has to hold alone.
        if (!githubPages) rules = parseHeadersFile(await readFile(join(dir, '_headers'), 'utf8'));
      } catch {
        // No _headers file: plain static serving.
      }
      for (const [name, value] of Object.entries(headersFor(rules, url.pathname))) res.setHeader(name, value);
      // Test fixtures answer at their own path, in the reader's folder or not.
      const inFolder = url.pathname.startsWith(base) ? `/${url.pathname.slice(base.length)}` : null;
      const route = routes[url.pathname] ?? (inFolder && routes[inFolder]);
      if (route) return void (await route(req, res, url));
      if (inFolder === null) {
        if (`${url.pathname}/` === base) {
          res.writeHead(301, { location: `${base}${url.search}` }).end();
        } else {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: the reader is at ${base}`);
        }
        return;
      }
      let pathname = decodeURIComponent(inFolder);
      const target = normalize(join(dir, pathname));
      if (target !== dir && !target.startsWith(dir + sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      // A file, else a folder's index.html (prerendered pages), else the app shell (SPA fallback).
      let file = (await fileIfExists(target)) ?? (await fileIfExists(join(target, 'index.html')));
      let status = 200;
      if (githubPages) {
        if (file && file !== target && !url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        if (!file) {
          file = await fileIfExists(join(dir, '404.html'));
          status = 404;
        }
      }
      // The app shell is shell.html where the build prerendered the front page into index.html.
      if (!file && !extname(pathname) && !githubPages) file = (await fileIfExists(join(dir, 'shell.html'))) ?? join(dir, 'index.html');
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      // The headers of every host (src/headers.json), by the file's path in the reader's folder.
      const key = relative(dir, file).split(sep).join('/');
      const headers = {
        'content-type': contentType(key),
        'x-content-type-options': 'nosniff',
        'cache-control': res.getHeader('cache-control') ?? cacheControl(key),
        vary: 'accept-encoding',
      };
      const accepts = String(req.headers['accept-encoding'] ?? '');
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (accepts.includes(enc) && (await fileIfExists(file + ext))) {
          headers['content-encoding'] = enc;
          file += ext;
          break;
        }
      }
      const body = await readFile(file);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(err));
    }
  });
  const listen = (p) =>
    new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(p, host, () => {
        server.off('error', fail);
        ok();
      });
    });
  try {
    await listen(port);
  } catch (err) {
    if (err.code !== 'EADDRINUSE' || port === 0) throw err;
    console.error(`Port ${port} is busy; using a free port instead.`);
    await listen(0);
  }
  // HTTP/2's sessions, closed with the server (it has no closeAllConnections).
  const sessions = new Set();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  const { port: actual } = server.address();
  return {
    server,
    // Without the closing "/": `${url}/articles/x` is a page of the reader.
    url: `${http2 ? 'https' : 'http'}://${host}:${actual}${base.replace(/\/$/, '')}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        for (const session of sessions) session.destroy();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portFlag = args.indexOf('--port');
  const port = portFlag >= 0 ? Number(args[portFlag + 1]) : Number(process.env.PORT ?? 8080);
  const baseFlag = args.indexOf('--base');
  // The folder: the first argument that is neither a flag nor a flag's value.
  const values = new Set([portFlag, baseFlag].filter((i) => i >= 0).map((i) => i + 1));
  const root = args.find((a, i) => !a.startsWith('--') && !values.has(i)) ?? 'dist';
  // The folder the build was made for: its manifest's scope (site.json's base_path).
  let base = baseFlag >= 0 ? args[baseFlag + 1] : '/';
  if (baseFlag < 0) {
    try {
      base = JSON.parse(await readFile(join(root, 'manifest.webmanifest'), 'utf8')).scope ?? '/';
    } catch {
      // No manifest: served at the root.
    }
  }
  const { url, close } = await startServer({ root, port, base, githubPages: args.includes('--github-pages') });
  console.log(`Serving ${root} at ${url}/  (Ctrl+C to stop)`);
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
