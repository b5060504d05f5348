#!/usr/bin/env node
// A small static server for dist/: correct content types (.wasm as application/wasm so browsers
// compile it while it downloads), precompressed .br/.gz copies when present, and the SPA
// fallback (a folder's index.html, the prerendered pages; else, for paths without a file
// extension, the app shell shell.html, so deep links like /read?src=… work). Listens on
// 127.0.0.1 only.
//
//   node scripts/serve.mjs [dir] [--port N]     (port 0 or busy: a free one is chosen)
//
// The browser tests import startServer() and add their own fixture routes.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

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
function headersFor(rules, pathname) {
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
 * Starts the server. `root` is a folder, or a function returning one (the tests switch it to
 * "deploy" a new version). `routes` maps a pathname to a handler `(req, res) => void` that runs
 * before static files (used by tests for fixtures); `onRequest(req)` sees every request.
 * Resolves to { server, url, close() }.
 */
export async function startServer({ root, port = 0, host = '127.0.0.1', routes = {}, onRequest } = {}) {
  const currentRoot = () => resolve(typeof root === 'function' ? root() : root);
  const server = createServer(async (req, res) => {
    onRequest?.(req);
    const base = currentRoot();
    try {
      const url = new URL(req.url, 'http://localhost');
      let rules = [];
      try {
        rules = parseHeadersFile(await readFile(join(base, '_headers'), 'utf8'));
      } catch {
        // No _headers file: plain static serving.
      }
      for (const [name, value] of Object.entries(headersFor(rules, url.pathname))) res.setHeader(name, value);
      const route = routes[url.pathname];
      if (route) return void (await route(req, res, url));
      let pathname = decodeURIComponent(url.pathname);
      const target = normalize(join(base, pathname));
      if (target !== base && !target.startsWith(base + sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      // A file, else a folder's index.html (prerendered pages), else the app shell (SPA fallback).
      let file = (await fileIfExists(target)) ?? (await fileIfExists(join(target, 'index.html')));
      // The app shell is shell.html where the build prerendered the front page into index.html.
      if (!file && !extname(pathname)) file = (await fileIfExists(join(base, 'shell.html'))) ?? join(base, 'index.html');
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'cache-control': res.getHeader('cache-control') ?? (/-[0-9a-f]{12,20}(_bg)?\.(js|wasm|css|svg)$/.test(file)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache'),
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
      res.writeHead(200, headers);
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
  const { port: actual } = server.address();
  return {
    server,
    url: `http://${host}:${actual}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portFlag = args.indexOf('--port');
  const port = portFlag >= 0 ? Number(args[portFlag + 1]) : Number(process.env.PORT ?? 8080);
  const root = args.find((a, i) => !a.startsWith('--') && i !== portFlag + 1) ?? 'dist';
  const { url, close } = await startServer({ root, port });
  console.log(`Serving ${root} at ${url}/  (Ctrl+C to stop)`);
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
