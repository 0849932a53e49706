import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, sharedJsonResponse } from '@/server/shared-json';

const req = (encoding?: string) =>
  new Request('http://x/api', { headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('shared JSON answers', () => {
  it('reads Accept-Encoding, q=0 included', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip(null)).toBe(false);
    expect(acceptsGzip('*;q=0.5, gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0.2, *;q=0')).toBe(true);
  });

  it('serves the same bytes, gzipped only to clients that take it', async () => {
    process.env.SRE_PREENCODED_HEADER = 'x-sre-content-encoding';
    const value = { rows: Array.from({ length: 200 }, (_, i) => ({ slug: `slo-${i}`, v: i / 7 })) };
    const plain = await sharedJsonResponse(req(), value).text();
    expect(JSON.parse(plain)).toEqual(value);
    const zipped = sharedJsonResponse(req('gzip'), value, { 'cache-control': 'no-store' });
    expect(zipped.headers.get('x-sre-content-encoding')).toBe('gzip');
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(value);
    // A second reader gets the same body without it being encoded again.
    const again = Buffer.from(await sharedJsonResponse(req('gzip'), value).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
  });

  it('leaves small bodies, and every body outside the production server, to Next', async () => {
    const res = sharedJsonResponse(req('gzip'), { ok: true });
    expect(res.headers.get('x-sre-content-encoding')).toBeNull();
    expect(await res.json()).toEqual({ ok: true });
    delete process.env.SRE_PREENCODED_HEADER;
    const big = { rows: Array.from({ length: 200 }, (_, i) => i) };
    const plain = sharedJsonResponse(req('gzip'), big);
    expect(plain.headers.get('x-sre-content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(big);
  });
});
