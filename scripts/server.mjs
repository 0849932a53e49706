// The production HTTP server: Next's request handler behind a plain Node server that
// records each request's TCP peer in `x-sre-peer` (overwriting whatever a client sent),
// so the sign-in limit can tell a configured proxy from a client forging X-Forwarded-For.
import http from 'node:http';
import next from 'next';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? '0.0.0.0';
const app = next({ dev: false, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers['x-sre-peer'] = req.socket.remoteAddress ?? '';
  handle(req, res);
});
server.listen(port, hostname, () => console.log(`▲ SRE portal ready on http://localhost:${port}`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
