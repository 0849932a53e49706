// A JSON answer that many readers share (the overview refresh: 50 open dashboards ask for
// the same few pages within the same 2 s): serialised and gzipped once per object, not per
// request. Next drops a route's own Content-Encoding, so the production server
// (scripts/server.mjs) says which header carries it instead; without it (next dev), the
// JSON goes out plain and Next compresses it as usual.
import { gzipSync } from 'node:zlib';

const bodies = new WeakMap<object, { json: string; gzip?: Buffer }>();

/** True when the client takes gzip (`Accept-Encoding`): an explicit `gzip` entry wins over `*`; `q=0` refuses. */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let star: boolean | null = null;
  for (const part of header.toLowerCase().split(',')) {
    const [coding, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const ok = !q || Number(q.slice(2)) > 0;
    if (coding.trim() === 'gzip') return ok;
    if (coding.trim() === '*') star = ok;
  }
  return star ?? false;
}

/** The response for a shared, immutable value; `value` must not change after the first call. */
export function sharedJsonResponse(
  req: Request,
  value: object,
  headers: Record<string, string> = {},
): Response {
  let body = bodies.get(value);
  if (!body) {
    body = { json: JSON.stringify(value) };
    bodies.set(value, body);
  }
  const common = { 'content-type': 'application/json', vary: 'Accept-Encoding', ...headers };
  // Small bodies are not worth it; Next's compression decides for those as for any other.
  const header = process.env.SRE_PREENCODED_HEADER;
  if (!header || body.json.length < 1024 || !acceptsGzip(req.headers.get('accept-encoding'))) {
    return new Response(body.json, { headers: common });
  }
  body.gzip ??= gzipSync(body.json);
  return new Response(new Uint8Array(body.gzip), { headers: { ...common, [header]: 'gzip' } });
}
