// The machine API route handlers, called as Next calls them, on a real (embedded) database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://api';
  process.env.DATABASE_URL = '';
  delete process.env.DATABASE_URL;
});

import { GET as gate } from '@/app/api/v1/slos/[slug]/gate/route';
import { GET as getOne } from '@/app/api/v1/slos/[slug]/route';
import { POST as postSamples } from '@/app/api/v1/slos/[slug]/samples/route';
import { GET as list } from '@/app/api/v1/slos/route';
import { getDbHandle } from '@/db';
import { createToken } from '@/db/identity/tokens';
import { migrateDb } from '@/db/migrate';
import { gateDecisions, sliSamples } from '@/db/schema';
import { makeSlo, testActor } from '../helpers/fixtures';

let writeToken = '';
let readToken = '';
let slug = '';
let sloId = '';

beforeAll(async () => {
  const handle = await getDbHandle();
  await migrateDb(handle);
  writeToken = (await createToken(handle.db, testActor, { name: 'w', scopes: ['sli:write'] })).token;
  readToken = (await createToken(handle.db, testActor, { name: 'r', scopes: ['read'] })).token;
  const slo = await makeSlo(handle.db, { target: 0.99 });
  slug = slo.slug;
  sloId = slo.id;
});
afterAll(async () => (await getDbHandle()).close());

const params = (s: string) => ({ params: Promise.resolve({ slug: s }) });
function push(body: unknown, token = writeToken, s = slug) {
  return postSamples(
    new Request(`http://x/api/v1/slos/${s}/samples`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    params(s),
  );
}
const minutesAgo = (m: number) =>
  new Date(Math.floor(Date.now() / 60_000) * 60_000 - m * 60_000).toISOString();
const rows = async () =>
  (await (await getDbHandle()).db.select().from(sliSamples).where(eq(sliSamples.sloId, sloId))).length;

describe('POST /api/v1/slos/{slug}/samples', () => {
  it('accepts samples and is idempotent per minute', async () => {
    const body = {
      samples: [
        { ts: minutesAgo(3), good: 990, total: 1000 },
        { ts: minutesAgo(2), good: 1000, total: 1000 },
      ],
    };
    const res = await push(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 2 });
    expect((await push(body)).status).toBe(200);
    expect(await rows()).toBe(2);
  });

  it('truncates ts to the minute', async () => {
    const ts = new Date(Date.parse(minutesAgo(10)) + 17_500).toISOString();
    expect((await push({ samples: [{ ts, good: 1, total: 1 }] })).status).toBe(200);
    expect(await rows()).toBe(3);
  });

  it('rejects a batch with bad samples naming each index and field, writing nothing', async () => {
    const res = await push({
      samples: [
        { ts: minutesAgo(5), good: 1, total: 1 },
        { ts: 'yesterday', good: 1, total: 1 },
        { ts: minutesAgo(6), good: 5, total: 2 },
        { ts: minutesAgo(7), good: -1, total: 'x' },
      ],
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([
      'samples[1].ts',
      'samples[2].good',
      'samples[3].good',
      'samples[3].total',
    ]);
    expect(await rows()).toBe(3);
  });

  it('answers 400 for a body that is not JSON or has no samples array', async () => {
    expect((await push('{not json')).status).toBe(400);
    const res = await push({ data: [] });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.samples).toBeDefined();
  });

  it('answers 413 above 10,000 samples', async () => {
    const samples = Array.from({ length: 10_001 }, () => ({ ts: minutesAgo(1), good: 1, total: 1 }));
    expect((await push({ samples })).status).toBe(413);
  });

  it('answers 404 for an unknown slug, 401 without a valid token, 403 without the scope', async () => {
    expect((await push({ samples: [] }, writeToken, 'no-such-slo')).status).toBe(404);
    expect((await push({ samples: [] }, 'srep_bogus')).status).toBe(401);
    expect((await push({ samples: [] }, readToken)).status).toBe(403);
  });
});

describe('read API and deploy gate', () => {
  it('lists SLOs with their numbers', async () => {
    const res = await list(
      new Request('http://x/api/v1/slos', { headers: { authorization: `Bearer ${readToken}` } }),
    );
    expect(res.status).toBe(200);
    const { slos } = await res.json();
    expect(slos[0]).toMatchObject({
      slug,
      target: 0.99,
      status: expect.any(String),
      burnRates: expect.objectContaining({ '5m': expect.anything() }),
    });
  });

  it('allows a feature while healthy and refuses it with 423 once the budget is depleted', async () => {
    const ask = (change: string) =>
      gate(
        new Request(`http://x/api/v1/slos/${slug}/gate?change=${change}`, {
          headers: { authorization: `Bearer ${readToken}` },
        }),
        params(slug),
      );
    const ok = await ask('feature');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ allowed: true, status: 'healthy' });

    // 3,000 bad events out of 12,010: far beyond a 1% budget.
    expect((await push({ samples: [{ ts: minutesAgo(1), good: 7000, total: 10_000 }] })).status).toBe(200);
    const detail = await (
      await getOne(
        new Request('http://x', { headers: { authorization: `Bearer ${readToken}` } }),
        params(slug),
      )
    ).json();
    expect(detail.status).toBe('depleted');
    expect(detail.budgetRemaining.fraction).toBeLessThan(0);
    // The list reads snapshots: the ingest invalidated this SLO's, so the list agrees at once.
    const listed = await (
      await list(new Request('http://x/api/v1/slos', { headers: { authorization: `Bearer ${readToken}` } }))
    ).json();
    expect(listed.slos.find((s: { slug: string }) => s.slug === slug)).toMatchObject({
      status: 'depleted',
      budgetRemaining: detail.budgetRemaining,
    });

    const refused = await ask('feature');
    expect(refused.status).toBe(423);
    expect(await refused.json()).toMatchObject({
      allowed: false,
      status: 'depleted',
      reason: expect.stringContaining('emergency'),
    });
    expect((await ask('emergency')).status).toBe(200);
    expect((await ask('yolo')).status).toBe(400);
    const decisions = await (await getDbHandle()).db
      .select()
      .from(gateDecisions)
      .where(eq(gateDecisions.sloId, sloId));
    expect(decisions.map((d) => [d.change, d.allowed])).toEqual([
      ['feature', true],
      ['feature', false],
      ['emergency', true],
    ]);
    expect(decisions[0].askedBy).toBe('token:r');
  });
});
