// The capacity machine API, called as Next calls it, on an embedded database.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://capacity-api';
  process.env.AUTH_SECRET = 'x'.repeat(40);
  delete process.env.DATABASE_URL;
});

import { POST as postSamples } from '@/app/api/v1/capacity/[resource]/samples/route';
import { GET as getCapacity } from '@/app/api/v1/capacity/route';
import { getDbHandle } from '@/db';
import { createResource } from '@/db/capacity/resources';
import { createToken } from '@/db/identity/tokens';
import { migrateDb } from '@/db/migrate';
import { capacitySamples } from '@/db/schema';
import { makeService, testActor } from '../helpers/fixtures';

let writeToken = '';
let readToken = '';
let resourceId = '';
const DAY = 86_400_000;

beforeAll(async () => {
  const handle = await getDbHandle();
  await migrateDb(handle);
  const service = await makeService(handle.db);
  resourceId = (
    await createResource(handle.db, testActor, {
      serviceId: service.id,
      slug: 'edge-rps',
      name: 'Edge requests',
      unit: 'rps',
      capacityPerInstance: '1000',
      instances: '8',
      leadTimeDays: '30',
    })
  ).id;
  writeToken = (await createToken(handle.db, testActor, { name: 'cap', scopes: ['capacity:write'] })).token;
  readToken = (await createToken(handle.db, testActor, { name: 'r', scopes: ['read'] })).token;
});
afterAll(async () => (await getDbHandle()).close());

const stored = async () => {
  const { db } = await getDbHandle();
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(capacitySamples)
    .where(eq(capacitySamples.resourceId, resourceId));
  return n;
};

function push(body: unknown, token = writeToken, slug = 'edge-rps') {
  return postSamples(
    new Request(`http://x/api/v1/capacity/${slug}/samples`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ resource: slug }) },
  );
}

describe('POST /api/v1/capacity/{resource}/samples', () => {
  it('needs the capacity:write scope', async () => {
    expect((await push({ samples: [] }, readToken)).status).toBe(403);
    expect((await push({ samples: [] }, 'nope')).status).toBe(401);
  });

  it('answers 404 for an unknown resource and 400 for a malformed one', async () => {
    expect((await push({ samples: [] }, writeToken, 'nope')).status).toBe(404);
    expect((await push({ samples: [] }, writeToken, 'a\u0000b')).status).toBe(400);
  });

  it('refuses a whole batch with one bad sample, naming each index and field', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await push({
      samples: [
        { ts: `${today}T00:00:00Z`, value: 10 },
        { ts: '2026-02-30T00:00:00Z', value: 1 },
        { ts: `${today}T00:00:00Z`, value: -1 },
        { ts: `${today}T00:00:00Z`, value: '12' },
        'x',
      ],
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([
      'samples[1].ts',
      'samples[2].value',
      'samples[3].value',
      'samples[4]',
    ]);
    expect(await stored()).toBe(0);
  });

  it('refuses bodies that are not JSON or too big', async () => {
    expect((await push('{')).status).toBe(400);
    expect((await push({ samples: 'x' })).status).toBe(400);
    const many = Array.from({ length: 10_001 }, () => ({ ts: '2026-01-01T00:00:00Z', value: 1 }));
    expect((await push({ samples: many })).status).toBe(413);
    expect((await push(`{"samples":[],"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`)).status).toBe(413);
    expect(await stored()).toBe(0);
  });

  it('accepts 10,000 samples and replaces a sample at the same instant', async () => {
    const end = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
    const samples = Array.from({ length: 10_000 }, (_, i) => ({
      ts: new Date(end - i * 60 * 60_000).toISOString(),
      value: 5000 - 10 * Math.floor(i / 24),
    }));
    const res = await push({ samples });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 10_000 });
    expect(await stored()).toBe(10_000);
    expect((await push({ samples: [{ ts: samples[0].ts, value: 4990 }] })).status).toBe(200);
    expect(await stored()).toBe(10_000);
    const { db } = await getDbHandle();
    const [latest] = await db
      .select()
      .from(capacitySamples)
      .where(eq(capacitySamples.ts, new Date(samples[0].ts)));
    expect(latest.value).toBe(4990);
  });
});

describe('GET /api/v1/capacity', () => {
  it('lists resources with forecast, exhaustion, order-by date and N+k instances', async () => {
    const res = await getCapacity(
      new Request('http://x/api/v1/capacity', { headers: { authorization: `Bearer ${readToken}` } }),
    );
    expect(res.status).toBe(200);
    const { resources } = await res.json();
    expect(resources).toHaveLength(1);
    const r = resources[0];
    expect(r).toMatchObject({ slug: 'edge-rps', unit: 'rps', usableCapacity: 5600, redundancy: 1 });
    // Hourly samples, demand rising 10 rps a day to ≈ 5,000: 5,600 usable is ~60 days away.
    expect(r.currentDemand).toBeGreaterThanOrEqual(4990);
    expect(r.daysToExhaustion).toBeGreaterThan(30);
    expect(r.daysToExhaustion).toBeLessThan(90);
    expect(Object.keys(r.forecast)).toEqual(['30d', '60d', '90d']);
    expect(r.requiredInstances['30d']).toBeGreaterThanOrEqual(1);
    expect(['linear', 'exponential', 'holt-winters']).toContain(r.model);
    expect(r.backtest.metric).toBe('mape');
    expect(Date.parse(r.exhaustionDate)).toBeGreaterThan(Date.now());
    expect(Date.parse(r.orderByDate)).toBe(Date.parse(r.exhaustionDate) - 30 * DAY);
    expect(r.daysToExhaustionUpper).toBeLessThanOrEqual(r.daysToExhaustion);
  });
});
