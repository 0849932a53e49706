// Regression tests for the hardening defects (issue 9), each named after it: the
// route handlers and server actions called as Next calls them, on an embedded database.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ userId: null as string | null, sv: 0 as number | undefined }));
vi.mock('next-auth', () => ({
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, sv: session.sv } : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://hardening';
  process.env.AUTH_SECRET = 'x'.repeat(40);
  delete process.env.DATABASE_URL;
});

import { GET as getOne } from '@/app/api/v1/slos/[slug]/route';
import { POST as postSamples } from '@/app/api/v1/slos/[slug]/samples/route';
import { GET as list } from '@/app/api/v1/slos/route';
import { getDbHandle } from '@/db';
import { createToken } from '@/db/identity/tokens';
import { migrateDb } from '@/db/migrate';
import { sliDaily, sliSamples, users } from '@/db/schema';
import { refreshSnapshots } from '@/db/slo/snapshots';
import { makeSlo, testActor } from '../helpers/fixtures';

const ids = { viewer: '', engineer: '', admin: '' };
let writeToken = '';
let readToken = '';
let slug = '';
let sloId = '';

beforeAll(async () => {
  const handle = await getDbHandle();
  await migrateDb(handle);
  for (const role of ['viewer', 'engineer', 'admin'] as const) {
    const [u] = await handle.db
      .insert(users)
      .values({ email: `${role}@t.io`, name: role, role })
      .returning();
    ids[role] = u.id;
  }
  writeToken = (await createToken(handle.db, testActor, { name: 'w', scopes: ['sli:write'] })).token;
  readToken = (await createToken(handle.db, testActor, { name: 'r', scopes: ['read'] })).token;
  const slo = await makeSlo(handle.db, { target: 0.99 });
  slug = slo.slug;
  sloId = slo.id;
});
afterAll(async () => (await getDbHandle()).close());

const params = (s: string) => ({ params: Promise.resolve({ slug: s }) });
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
function push(body: unknown, s = slug, extra: RequestInit = {}) {
  return postSamples(
    new Request(`http://x/api/v1/slos/${encodeURIComponent(s)}/samples`, {
      method: 'POST',
      headers: { ...auth(writeToken), 'content-type': 'application/json' },
      body: typeof body === 'string' || body instanceof ReadableStream ? body : JSON.stringify(body),
      ...extra,
    }),
    params(s),
  );
}
const minutesAgo = (m: number) =>
  new Date(Math.floor(Date.now() / 60_000) * 60_000 - m * 60_000).toISOString();
const sampleCount = async () =>
  (await (await getDbHandle()).db.select().from(sliSamples).where(eq(sliSamples.sloId, sloId))).length;

describe('one sample poisons the SLO list for everyone (item 1)', () => {
  it('refuses counts above 10^15 a minute, naming index and field', async () => {
    const res = await push({ samples: [{ ts: minutesAgo(5), good: 1e308, total: 1e308 }] });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(['samples[0].good', 'samples[0].total']);
    expect(await sampleCount()).toBe(0);
  });

  it('reads never fail on huge values stored before the bound existed', async () => {
    const { db } = await getDbHandle();
    const day = (d: number) => new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - d * 86_400_000);
    await db.insert(sliSamples).values([
      { sloId, minute: new Date(day(2).getTime() + 60_000), good: 1e308, total: 1e308 },
      { sloId, minute: new Date(day(3).getTime() + 60_000), good: 1e308, total: 1e308 },
    ]);
    await db.insert(sliDaily).values([
      { sloId, day: day(2), good: 1e308, total: 1e308, minutes: 1, badMinutes: 0, ratioSum: 1 },
      { sloId, day: day(3), good: 1e308, total: 1e308, minutes: 1, badMinutes: 0, ratioSum: 1 },
    ]);
    await refreshSnapshots(db);
    const one = await getOne(
      new Request(`http://x/api/v1/slos/${slug}`, { headers: auth(readToken) }),
      params(slug),
    );
    expect(one.status).toBe(200);
    const all = await list(new Request('http://x/api/v1/slos', { headers: auth(readToken) }));
    expect(all.status).toBe(200);
    await db.execute(sql`delete from sli_samples where slo_id = ${sloId}`);
    await db.execute(sql`delete from sli_daily where slo_id = ${sloId}`);
  });
});

describe('impossible dates roll over (item 7)', () => {
  it('refuses 2026-02-30 and 2026-11-31 instead of storing the next month', async () => {
    for (const ts of ['2026-02-30T10:00:00Z', '2026-11-31T10:00:00Z']) {
      const res = await push({ samples: [{ ts, good: 1, total: 1 }] });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0]).toMatchObject({ path: 'samples[0].ts' });
    }
    expect(await sampleCount()).toBe(0);
  });
});

describe('bodies are parsed before they are limited (item 9)', () => {
  it('refuses a body over 2 MiB before parsing it, even without a Content-Length', async () => {
    const big = `{"samples":[${'{"ts":"2026-11-01T10:05:00Z","good":1,"total":1},'.repeat(60_000)}{}]}`;
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const res = await push(stream, slug, { duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await sampleCount()).toBe(0);
  });
  it('refuses more than 10,000 samples with 413', async () => {
    const samples = Array.from({ length: 10_001 }, () => ({ ts: minutesAgo(1), good: 1, total: 1 }));
    const res = await push({ samples });
    expect(res.status).toBe(413);
  });
  it('still accepts a good batch', async () => {
    const res = await push({ samples: [{ ts: minutesAgo(2), good: 9, total: 10 }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1 });
    expect(await sampleCount()).toBe(1);
  });
});
