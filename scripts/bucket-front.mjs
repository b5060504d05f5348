#!/usr/bin/env node
// A small stand-in for a CDN in front of an S3-compatible bucket the deploy command wrote
// (docs/deploying.md): what CloudFront, Cloudflare or Fastly do with a site in a bucket, on
// 127.0.0.1, for the tests and for looking at a deployed bucket locally.
// - It reads objects with signed requests (the `aws4fetch` package: SigV4 as AWS specifies it),
//   and passes on each object's Content-Type, Cache-Control, ETag and Last-Modified as the
//   deploy stored them.
// - A path finds its object, else its folder's index.html (the prerendered pages), else, for a
//   path without an extension, shell.html (the app: the SPA fallback), as a CDN's index rewrite
//   and error page would.
// - The security headers come from the deployed `_headers` file (a bucket cannot keep them on
//   objects; a CDN adds them with a response headers policy or a transform rule).
// - Text is compressed with brotli or gzip by the request's Accept-Encoding, as a CDN does.
//
//   node scripts/bucket-front.mjs --endpoint URL --bucket NAME [--prefix FOLDER/] [--base /reader/] [--port N]
//   (credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; region AWS_REGION, default us-east-1)

import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { AwsClient } from 'aws4fetch';
import { headersFor, parseHeadersFile } from './serve.mjs';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm|xml|rss\+xml|atom\+xml|feed\+json|manifest\+json)|image\/svg\+xml)/;

/**
 * Starts the front. Resolves to { url, close() }; `url` is the site's address without the
 * closing "/". `onRequest(req)` sees every request.
 */
export async function startBucketFront({ endpoint, bucket, prefix = '', base = '/', accessKeyId, secretAccessKey, region = 'us-east-1', port = 0, onRequest } = {}) {
  const client = new AwsClient({ accessKeyId, secretAccessKey, region, service: 's3' });
  const objectUrl = (key) => `${endpoint.replace(/\/$/, '')}/${bucket}/${prefix}${key.split('/').map(encodeURIComponent).join('/')}`;
  const get = async (key) => {
    const response = await client.fetch(objectUrl(key));
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${key}: the bucket answered ${response.status}`);
    return response;
  };
  let rules = { at: 0, value: [] };
  const headerRules = async () => {
    if (Date.now() - rules.at > 1000) {
      const response = await get('_headers');
      rules = { at: Date.now(), value: response ? parseHeadersFile(await response.text()) : [] };
    }
    return rules.value;
  };

  const server = createServer(async (req, res) => {
    onRequest?.(req);
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(base)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: the site is at ${base}`);
        return;
      }
      const rel = decodeURIComponent(url.pathname.slice(base.length));
      if (rel.split('/').some((part) => part === '..' || part === '.')) {
        res.writeHead(400).end('Bad path');
        return;
      }
      const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
      if (!/\.[a-z0-9]+$/i.test(rel)) candidates.push('shell.html');
      let object = null;
      for (const key of candidates) {
        object = await get(key);
        if (object) break;
      }
      if (!object) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      for (const [name, value] of Object.entries(headersFor(await headerRules(), url.pathname))) res.setHeader(name, value);
      const type = object.headers.get('content-type') ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'x-content-type-options': 'nosniff', vary: 'accept-encoding' };
      for (const name of ['cache-control', 'etag', 'last-modified']) {
        if (object.headers.get(name)) headers[name] = object.headers.get(name);
      }
      if (headers.etag && req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, headers).end();
        return;
      }
      let body = Buffer.from(await object.arrayBuffer());
      const accepts = String(req.headers['accept-encoding'] ?? '');
      if (COMPRESSIBLE.test(type) && body.length > 256) {
        if (accepts.includes('br')) {
          body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
          headers['content-encoding'] = 'br';
        } else if (accepts.includes('gzip')) {
          body = gzipSync(body);
          headers['content-encoding'] = 'gzip';
        }
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end(String(err));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  return {
    server,
    url: `http://127.0.0.1:${server.address().port}${base.replace(/\/$/, '')}`,
    close: () => new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(() => ok());
    }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const { url, close } = await startBucketFront({
    endpoint: flag('--endpoint', process.env.AWS_ENDPOINT_URL),
    bucket: flag('--bucket'),
    prefix: flag('--prefix', ''),
    base: flag('--base', '/'),
    port: Number(flag('--port', 8080)),
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
    region: process.env.AWS_REGION ?? 'us-east-1',
  });
  console.log(`Serving the bucket at ${url}/  (Ctrl+C to stop)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, async () => { await close(); process.exit(0); });
}
