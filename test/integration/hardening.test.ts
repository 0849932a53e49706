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

import { NextRequest } from 'next/server';
import { deleteTeamAction } from '@/app/(portal)/catalog/teams/actions';
import { previewBudgetAction } from '@/app/(portal)/slos/actions';
import { createToilEntryAction } from '@/app/(portal)/toil/actions';
import { previewToilImportAction } from '@/app/(portal)/toil/import/actions';
import { GET as healthGet } from '@/app/api/health/route';
import { GET as uiSlos } from '@/app/api/ui/slos/route';
import { POST as postOpenSlo } from '@/app/api/v1/openslo/route';
import { GET as getOne } from '@/app/api/v1/slos/[slug]/route';
import { POST as postSamples } from '@/app/api/v1/slos/[slug]/samples/route';
import { GET as list } from '@/app/api/v1/slos/route';
import { getDbHandle } from '@/db';
import { createToken } from '@/db/identity/tokens';
import { migrateDb } from '@/db/migrate';
import { recordDatabaseFailure, recordDatabaseSuccess } from '@/db/platform/circuit';
import { services, sliDaily, sliSamples, users } from '@/db/schema';
import { refreshSnapshots } from '@/db/slo/snapshots';
import { proxy } from '@/proxy';
import { errorResponse } from '@/server/api';
import { endSessions } from '@/server/auth-options';
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

describe('a dry run that imports for real (item 6)', () => {
  const yaml = (name: string) =>
    `apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: ${name}\n  displayName: ${name}\nspec:\n  description: x\n`;
  const post = (query: string, body: string) =>
    postOpenSlo(
      new Request(`http://x/api/v1/openslo${query}`, {
        method: 'POST',
        headers: { ...auth(writeToken), 'content-type': 'application/yaml' },
        body,
      }),
    );
  it('refuses dryRun values other than 1/true/0/false and repeated ones, writing nothing', async () => {
    const { db } = await getDbHandle();
    for (const q of ['?dryRun=yes', '?dryRun=TRUE', '?dryRun=0&dryRun=1']) {
      const res = await post(q, yaml('dry-run-svc'));
      expect(res.status, q).toBe(400);
      expect((await res.json()).fieldErrors.dryRun).toBeDefined();
    }
    expect(await db.select().from(services).where(eq(services.slug, 'dry-run-svc'))).toHaveLength(0);
    expect((await post('?dryRun=1', yaml('dry-run-svc'))).status).toBe(200);
    expect(await db.select().from(services).where(eq(services.slug, 'dry-run-svc'))).toHaveLength(0);
  });
});

describe('NUL bytes, invalid UTF-8 and huge numbers give 500s (item 8)', () => {
  it('path and query abuse on the machine API is a 400 naming the field', async () => {
    for (const s of ['\u0000', '%C0%AE%C0%AE']) {
      const res = await getOne(
        new Request(`http://x/api/v1/slos/${s === '\u0000' ? '%00' : s}`, { headers: auth(readToken) }),
        params(s),
      );
      expect(res.status, s).toBe(400);
      expect((await res.json()).error).toMatch(/path|slug/);
    }
    const res = await list(new Request('http://x/api/v1/slos?service=%00', { headers: auth(readToken) }));
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.service).toBeDefined();
  });

  it('proxy refuses NUL, invalid UTF-8 and overflowing pages before any page renders', () => {
    for (const url of [
      '/catalog/services?q=%00',
      '/toil/entries?team=%00',
      '/settings/audit?page=99999999999999999999',
      '/api/ui/slos/%00/rules',
      '/toil/export?format=csv&q=%00',
    ]) {
      const res = proxy(new NextRequest(`http://localhost:3000${url}`));
      expect(res.status, url).toBe(400);
    }
  });

  it('an OpenSLO document with a NUL is refused alone and whole; the others import', async () => {
    const { db } = await getDbHandle();
    const body = [
      'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: nul-first\n  displayName: First\n',
      'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: nul-bad\n  displayName: "a\\0b"\n',
      'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: nul-last\n  displayName: Last\n',
    ].join('---\n');
    const res = await postOpenSlo(
      new Request('http://x/api/v1/openslo', { method: 'POST', headers: auth(writeToken), body }),
    );
    expect(res.status).toBe(422);
    const result = await res.json();
    expect(result.documents.map((d: { status: string }) => d.status)).toEqual([
      'created',
      'error',
      'created',
    ]);
    expect(result.documents[1].errors[0].field).toBe('metadata.displayName');
    const slugs = (await db.select({ slug: services.slug }).from(services)).map((r) => r.slug);
    expect(slugs).toEqual(expect.arrayContaining(['nul-first', 'nul-last']));
    expect(slugs).not.toContain('nul-bad');
  });

  it('server actions given a NUL or a non-UUID id answer with a field error', async () => {
    session.userId = ids.admin;
    const form = new FormData();
    form.set('id', 'not-a-uuid');
    const r1 = await deleteTeamAction({ ok: false }, form);
    expect(r1).toMatchObject({ ok: false, fieldErrors: { id: [expect.stringMatching(/UUID/)] } });
    const f2 = new FormData();
    f2.set('task', 'a\u0000b');
    const r2 = await createToilEntryAction({ ok: false }, f2);
    expect(r2).toMatchObject({ ok: false, fieldErrors: { task: [expect.stringMatching(/NUL/)] } });
    session.userId = null;
  });
});

describe('CSV import between 1 and 2 MB fails with a 500 (item 10)', () => {
  it('a row with more cells than the header is a row error, not a crash', async () => {
    session.userId = ids.engineer;
    const form = new FormData();
    form.set('csv', 'date,task,category,minutes\n2026-01-05,restart,oncall,30,extra,cells\n');
    const r = await previewToilImportAction({ ok: false }, form);
    expect(r?.ok).toBe(true);
    expect(r?.data?.errors.some((e) => /fields/i.test(e.message))).toBe(true);
    session.userId = null;
  });
  it('the server-action body limit is above the 2,000,000-character import limit', async () => {
    // @ts-expect-error next.config.js is plain JavaScript without declarations
    const config = (await import('@/next.config.js')).default as {
      experimental?: { serverActions?: { bodySizeLimit?: string } };
    };
    const limit = config.experimental?.serverActions?.bodySizeLimit ?? '1mb';
    expect(Number.parseInt(limit, 10) * 1024 * 1024).toBeGreaterThan(2_000_000 * 2);
  });
});

describe('budget preview action returns 500 (item 11)', () => {
  it('answers signed out and for a non-UUID sloId instead of throwing', async () => {
    session.userId = null;
    await expect(previewBudgetAction(sloId, {})).resolves.toMatchObject({ error: expect.any(String) });
    session.userId = ids.viewer;
    await expect(previewBudgetAction('not-a-uuid', {})).resolves.toMatchObject({
      error: expect.stringMatching(/sloId/),
    });
    session.userId = null;
  });
});

describe('hardening gaps (item 13)', () => {
  it('a session cookie replayed after sign-out no longer works', async () => {
    session.userId = ids.viewer;
    session.sv = 0;
    const before = await uiSlos(new Request('http://x/api/ui/slos'));
    expect(before.status).toBe(200);
    await endSessions(ids.viewer);
    const after = await uiSlos(new Request('http://x/api/ui/slos'));
    expect(after.status).toBe(401);
    session.sv = 1; // a fresh sign-in carries the new version
    expect((await uiSlos(new Request('http://x/api/ui/slos'))).status).toBe(200);
    session.userId = null;
    session.sv = 0;
  });
  it('a server action posted from a foreign Origin is refused with 403', () => {
    const res = proxy(
      new NextRequest('http://localhost:3000/toil', {
        method: 'POST',
        headers: { 'next-action': 'abc', origin: 'https://evil.example', host: 'localhost:3000' },
      }),
    );
    expect(res.status).toBe(403);
  });
  it('pages carry a nonce CSP without unsafe-inline scripts', () => {
    const res = proxy(new NextRequest('http://localhost:3000/slos'));
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('SQL text reaches clients (item 3) and outage behaviour (item 14)', () => {
  it('a database failure answers 503 with a plain message, and the circuit recovers', async () => {
    recordDatabaseFailure();
    const res = await list(new Request('http://x/api/v1/slos', { headers: auth(readToken) }));
    expect(res.status).toBe(503);
    expect(await res.text()).not.toMatch(/select|Failed query/i);
    const health = await healthGet();
    expect(health.status).toBe(503);
    expect(JSON.stringify(await health.json())).not.toMatch(/select|Failed query/i);
    recordDatabaseSuccess();
    expect((await healthGet()).status).toBe(200);
  });
  it('a value the database refuses is a 400 without SQL', async () => {
    const res = errorResponse(
      Object.assign(new Error('Failed query: select 1 params: x'), { code: '22021' }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/Failed query|select/);
  });
});
