// The production HTTP server: Next's request handler behind a plain Node server that
// records each request's TCP peer in `x-sre-peer` (overwriting whatever a client sent),
// so the sign-in limit can tell a configured proxy from a client forging X-Forwarded-For,
// and that answers the honest 503 when a request fails because the database is down.
import http from 'node:http';
import next from 'next';
import { UNAVAILABLE_HEADERS, unavailableBody } from '../lib/http/unavailable.mjs';

const port = Number(process.env.PORT ?? 3000);
// Route handlers may send bodies they have already gzipped (server/shared-json.ts): Next drops a
// route's Content-Encoding, so they name it in this header, which becomes Content-Encoding here.
const PREENCODED = 'x-sre-content-encoding';
process.env.SRE_PREENCODED_HEADER = PREENCODED;
const hostname = process.env.HOSTNAME_BIND ?? '0.0.0.0';
const app = next({ dev: false, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

/** The outage circuit of db/platform/circuit.ts (same process, kept on globalThis): a failure not yet cleared. */
const databaseDown = () => (globalThis.__sreDbCircuit?.failedAt ?? 0) !== 0;

/**
 * proxy.ts answers 503 while the outage circuit is open, but the request that discovers the
 * outage has already passed it: its page fails to render and Next answers 500 with an error
 * page. When a response is about to go out as a 500 and the database is down, this sends the
 * 503 (the page, or JSON for the API and server actions) instead and drops Next's body.
 * Patched before Next sees the response, so its compression wraps these methods, not the reverse.
 */
function answer503OnOutage(req, res) {
  const { writeHead, write, end } = res;
  let body = null;
  res.writeHead = function (status, ...rest) {
    if (status !== 500 || body !== null || !databaseDown()) return writeHead.call(this, status, ...rest);
    const pathname = (req.url ?? '/').split('?')[0];
    const answer = unavailableBody(pathname, Boolean(req.headers['next-action']));
    body = answer.body;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    return writeHead.call(this, 503, {
      ...UNAVAILABLE_HEADERS,
      'Content-Type': answer.contentType,
      'Content-Length': Buffer.byteLength(body),
    });
  };
  // Swap before any of Next's bytes go out (Node would write the head with them); once
  // swapped, they are dropped. Other responses pass through untouched.
  const swapFirst = () => {
    if (!res.headersSent && res.statusCode === 500 && databaseDown()) res.writeHead(500);
  };
  res.write = function (...args) {
    swapFirst();
    return body === null ? write.apply(this, args) : true;
  };
  res.end = function (...args) {
    swapFirst();
    if (body === null) return end.apply(this, args);
    const callback = args.find((a) => typeof a === 'function');
    return end.call(this, req.method === 'HEAD' ? undefined : body, callback);
  };
}

/**
 * A body a route gzipped once for many readers goes out as it is: `Content-Encoding` is set
 * from the route's x-sre-content-encoding, so Next's compression sees it and leaves it alone.
 */
function keepPreencodedBodies(res) {
  const { setHeader } = res;
  res.setHeader = function (name, value) {
    if (typeof name === 'string' && name.toLowerCase() === PREENCODED)
      return setHeader.call(this, 'Content-Encoding', value);
    return setHeader.call(this, name, value);
  };
}

const server = http.createServer((req, res) => {
  req.headers['x-sre-peer'] = req.socket.remoteAddress ?? '';
  answer503OnOutage(req, res);
  keepPreencodedBodies(res);
  handle(req, res);
});
server.listen(port, hostname, () => console.log(`▲ SRE portal ready on http://localhost:${port}`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
