// The toil machine API, export route and server actions, called as Next calls
// them on a real embedded database. Only the session is faked.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', () => ({
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://toil-routes';
  process.env.AUTH_SECRET = 'x'.repeat(40);
  delete process.env.DATABASE_URL;
});

import { createToilEntryAction, deleteToilEntryAction } from '@/app/(portal)/toil/actions';
import { GET as exportEntries } from '@/app/(portal)/toil/export/route';
import { importToilCsvAction } from '@/app/(portal)/toil/import/actions';
import { saveToilSettingsAction } from '@/app/(portal)/toil/settings/actions';
import { POST as postToil } from '@/app/api/v1/toil/route';
import { getDbHandle } from '@/db';
import { createTeam } from '@/db/catalog/teams';
import { createToken } from '@/db/identity/tokens';
import { migrateDb } from '@/db/migrate';
import { toilEntries, users } from '@/db/schema';
import { ensureToilCategories } from '@/db/toil/categories';
import { TOIL_CSV_HEADER } from '@/lib/toil/csv';
import type { ActionState } from '@/server/actions';
import { testActor } from '../helpers/fixtures';

const ids = { viewer: '', engineer: '', other: '', admin: '' };
let writeToken = '';
let readToken = '';
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  const handle = await getDbHandle();
  await migrateDb(handle);
  await ensureToilCategories(handle.db); // bootstrap's job in a deployment
  for (const [key, role] of [
    ['viewer', 'viewer'],
    ['engineer', 'engineer'],
    ['other', 'engineer'],
    ['admin', 'admin'],
  ] as const) {
    const [u] = await handle.db
      .insert(users)
      .values({ email: `${key}@t.io`, name: key, role })
      .returning();
    ids[key] = u.id;
  }
  await createTeam(handle.db, testActor, {
    slug: 'ops',
    name: 'Ops',
    weeklyHoursPerMember: '40',
    memberIds: [ids.engineer, ids.other],
  });
  writeToken = (await createToken(handle.db, testActor, { name: 'bot', scopes: ['toil:write'] })).token;
  readToken = (await createToken(handle.db, testActor, { name: 'r', scopes: ['read'] })).token;
});
afterAll(async () => (await getDbHandle()).close());

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
}
async function as<T>(
  who: keyof typeof ids | null,
  action: (p: ActionState<T>, f: FormData) => Promise<ActionState<T>>,
  values: Record<string, string>,
) {
  session.userId = who ? ids[who] : null;
  return action(null, form(values));
}
const entry = { task: 'Restart pods', category: 'alert-triage', minutes: '25', date: today };
const post = (body: unknown, token = writeToken) =>
  postToil(
    new Request('http://x/api/v1/toil', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

describe('POST /api/v1/toil', () => {
  it('logs an entry for a person (201) with the toil:write scope only', async () => {
    const res = await post({
      user: 'engineer@t.io',
      task: 'Rotate certs',
      category: 'Certificate rotation',
      minutes: '1h',
      interrupt: true,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      user: 'engineer@t.io',
      team: 'ops',
      minutes: 60,
      interrupt: true,
      date: today,
    });
    expect((await post({ user: 'engineer@t.io' }, readToken)).status).toBe(403);
    expect((await post({ user: 'engineer@t.io' }, 'srep_nope')).status).toBe(401);
  });

  it('answers 400 naming each bad field, and never a 500', async () => {
    const res = await post({
      user: 'engineer@t.io',
      task: '',
      category: 'coffee',
      minutes: -5,
      date: '2024-02-30',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.fieldErrors)).toEqual(['date', 'task', 'category', 'minutes']);
    expect((await post('{not json')).status).toBe(400);
    expect((await post([1, 2])).status).toBe(400);
    expect((await post({ user: 'not-an-email', task: 'x' })).status).toBe(400);
  });
});

describe('toil server actions', () => {
  it('refuses a viewer and an anonymous caller, writing nothing', async () => {
    const before = (await (await getDbHandle()).db.select().from(toilEntries)).length;
    expect(await as('viewer', createToilEntryAction, entry)).toMatchObject({
      ok: false,
      message: expect.stringContaining('needs the engineer role'),
    });
    expect(await as(null, createToilEntryAction, entry)).toMatchObject({ ok: false });
    expect(
      (await as('engineer', saveToilSettingsAction, { capPercent: '10', defaultEstimateHours: '1' }))?.ok,
    ).toBe(false);
    expect((await (await getDbHandle()).db.select().from(toilEntries)).length).toBe(before);
  });

  it("lets an engineer log and delete their own entry but not a teammate's", async () => {
    const created = await as('engineer', createToilEntryAction, entry);
    expect(created).toMatchObject({
      ok: true,
      data: { task: 'Restart pods', minutes: 25, categoryName: 'Alert triage' },
    });
    const id = created?.data?.id as string;
    expect(await as('other', deleteToilEntryAction, { id })).toMatchObject({
      ok: false,
      message: 'You can only change your own toil entries',
    });
    expect((await as('engineer', deleteToilEntryAction, { id }))?.ok).toBe(true);
    const [gone] = await (await getDbHandle()).db.select().from(toilEntries).where(eq(toilEntries.id, id));
    expect(gone).toBeUndefined();
  });

  it('returns field errors for a bad entry', async () => {
    const state = await as('engineer', createToilEntryAction, { ...entry, minutes: 'soon' });
    expect(state?.ok).toBe(false);
    expect(state?.fieldErrors?.minutes?.[0]).toMatch(/"soon" is not a duration/);
    expect(state?.values?.minutes).toBe('soon');
  });

  it('imports a CSV atomically and names the bad row and column', async () => {
    const csv = [
      TOIL_CSV_HEADER,
      `${today},Fix data,data-fixes,30,,,,,`,
      `${today},Fix data,data-fixes,3O,,,,,`,
    ].join('\n');
    const refused = await as('engineer', importToilCsvAction, { csv });
    expect(refused?.ok).toBe(false);
    expect(refused?.fieldErrors?.csv).toEqual([
      'Row 3, minutes: "3O" is not a duration; use e.g. 45, 45m, 1h30m or 1.5h.',
    ]);
    const partial = await as('engineer', importToilCsvAction, { csv, validOnly: 'true' });
    expect(partial).toMatchObject({ ok: true, data: { imported: 1, skipped: 1 } });
  });

  it('exports the visible entries as CSV that re-imports, and as JSON', async () => {
    session.userId = ids.engineer;
    const res = await exportEntries(new Request('http://x/toil/export?format=csv'));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe(`${TOIL_CSV_HEADER},team,user`);
    expect(text).toContain('Rotate certs,certificate-rotation,60,,true,false,none,,ops,engineer@t.io');
    const json = await (await exportEntries(new Request('http://x/toil/export?format=json&q=fix'))).json();
    expect(json.entries.map((e: { task: string }) => e.task)).toEqual(['Fix data']);
    session.userId = ids.viewer;
    expect((await exportEntries(new Request('http://x/toil/export'))).status).toBe(403);
  });
});
