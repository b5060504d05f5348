// A store that fails: an HTTP proxy on 127.0.0.1 in front of the tests' S3 server that answers a
// share of the requests with a fault a real store gives, chosen by a seeded generator (the same
// seed, the same faults for the same requests):
//   - `500`: 500 InternalError;
//   - `503`: 503 SlowDown (S3's "reduce your request rate");
//   - `reset`: the connection is closed under the request, before any answer;
//   - `stall`: no answer at all, until the client gives up (its timeout);
//   - `lost`: a PUT is passed on and succeeds, and its answer is lost (the connection closes).
// Other requests are passed on untouched (the Host header too: the signature stays valid).
// It counts what it did, and keeps each request's method and address (and a PUT's headers) for
// the tests that check which requests a deploy sends.
//
//   const proxy = await startFaultProxy({ upstream: 'http://127.0.0.1:PORT', rate: 0.2, seed: 39 });
//   … deploy with AWS_ENDPOINT_URL=proxy.url …
//   proxy.stats  // { requests, faults, by: { 500, 503, reset, stall, lost } }
//   await proxy.stop();
import http from 'node:http';
import { seeded } from './seeded.mjs';

const KINDS = ['500', '503', 'reset', 'stall', 'lost'];

const xmlError = (code, message) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fault-proxy</RequestId></Error>`;

/** Starts the proxy; `rate` is the share of requests that fail (0 to 1), `kinds` the faults used. */
export async function startFaultProxy({ upstream, rate = 0.2, seed = 1, kinds = KINDS }) {
  const target = new URL(upstream);
  const random = seeded(seed);
  const stats = { requests: 0, faults: 0, by: Object.fromEntries(KINDS.map((k) => [k, 0])) };
  const log = [];
  const puts = [];
  const passed = [];
  const held = new Set();
  let share = rate;

  const pass = (req, res, body, { loseAnswer = false } = {}) => new Promise((done) => {
    const out = http.request({
      host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers,
    }, (answer) => {
      const chunks = [];
      answer.on('data', (c) => chunks.push(c));
      answer.on('end', () => {
        passed.push({ method: req.method, url: req.url, status: answer.statusCode });
        if (loseAnswer) req.socket.destroy();
        else {
          res.writeHead(answer.statusCode, answer.headers);
          res.end(Buffer.concat(chunks));
        }
        done();
      });
    });
    out.on('error', () => { req.socket.destroy(); done(); });
    out.end(body);
  });

  const server = http.createServer((req, res) => {
    stats.requests += 1;
    log.push(`${req.method} ${req.url}`);
    if (req.method === 'PUT') puts.push({ url: req.url, type: req.headers['content-type'], cache: req.headers['cache-control'] });
    // The fault is chosen when the request arrives, before its body: the same order of requests
    // meets the same faults.
    let fault = null;
    if (random() < share) {
      const usable = kinds.filter((k) => k !== 'lost' || req.method === 'PUT');
      fault = usable[Math.floor(random() * usable.length)];
      stats.faults += 1;
      stats.by[fault] += 1;
    }
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'stall') {
      held.add(req.socket);
      req.socket.on('close', () => held.delete(req.socket));
      req.resume();
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (fault === '500' || fault === '503') {
        const [status, code, message] = fault === '500'
          ? [500, 'InternalError', 'We encountered an internal error. Please try again.']
          : [503, 'SlowDown', 'Please reduce your request rate.'];
        res.writeHead(status, { 'content-type': 'application/xml' });
        res.end(xmlError(code, message));
        return;
      }
      pass(req, res, body, { loseAnswer: fault === 'lost' });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    stats,
    log,
    /** Each PUT's address and the Content-Type and Cache-Control it was sent with. */
    puts,
    /** Each request the store answered (its answer passed on or lost): method, address, status. */
    passed,
    /** Changes the share of failing requests (0: none). */
    setRate(r) { share = r; },
    async stop() {
      for (const socket of held) socket.destroy();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
