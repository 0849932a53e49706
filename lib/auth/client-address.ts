// The client address the sign-in limit keys on (SPEC 7). The portal's server
// (scripts/server.mjs) writes the TCP peer into `x-sre-peer`, overwriting anything a
// client sent. X-Forwarded-For is believed only when that peer is a configured proxy,
// and then only its entries appended by trusted proxies: the rightmost untrusted one wins.

export type HeaderBag = Record<string, unknown> | Headers | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
}

const normalise = (a: string) => a.trim().replace(/^::ffff:/, '');

export function parseTrustedProxies(list: string): Set<string> {
  return new Set(list.split(',').map(normalise).filter(Boolean));
}

export function clientAddress(headers: HeaderBag, trusted: Set<string>): string {
  const peer = normalise(header(headers, 'x-sre-peer') ?? '');
  if (!peer) return 'unknown';
  if (!trusted.has(peer)) return peer;
  const chain = (header(headers, 'x-forwarded-for') ?? '').split(',').map(normalise).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted.has(chain[i])) return chain[i];
  return peer;
}
