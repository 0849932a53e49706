// The role guard on real server actions: each role × each kind of mutation.
// The session is the only thing faked; the actions run against a real database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', () => ({
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://guard';
  process.env.AUTH_SECRET = 'x'.repeat(40);
});

import {
  createServiceAction,
  deleteServiceAction,
  updateServiceAction,
} from '@/app/(portal)/catalog/services/actions';
import { createTeamAction } from '@/app/(portal)/catalog/teams/actions';
import { createTokenAction } from '@/app/(portal)/settings/tokens/actions';
import { createUserAction } from '@/app/(portal)/settings/users/actions';
import { getDbHandle } from '@/db';
import { migrateDb } from '@/db/migrate';
import { apiTokens, services, teams, users } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';
import type { ActionState } from '@/server/actions';

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
const ids: Record<Role, string> = { viewer: '', engineer: '', admin: '' };
let counter = 0;

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
});
afterAll(async () => (await getDbHandle()).close());

function form(values: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) f.append(k, one);
  return f;
}

async function as(role: Role | null, action: Action, values: Record<string, string | string[]>) {
  session.userId = role ? ids[role] : null;
  return action(null, form(values));
}

const db = async () => (await getDbHandle()).db;
const newService = () => ({ slug: `svc-${++counter}`, name: 'Svc', tier: '2', ownerTeamId: '', tags: '' });

describe('role guard on server actions', () => {
  it('refuses every mutation without a session', async () => {
    const res = await as(null, createServiceAction as Action, newService());
    expect(res).toMatchObject({ ok: false, message: 'Sign in required' });
  });

  const matrix: {
    kind: string;
    min: Role;
    run: (role: Role) => Promise<ActionState>;
    written: () => Promise<boolean>;
  }[] = [
    {
      kind: 'create service (operational write)',
      min: 'engineer',
      run: (role) => as(role, createServiceAction as Action, { ...newService(), slug: `matrix-${role}` }),
      written: async () => false,
    },
    {
      kind: 'create team (admin)',
      min: 'admin',
      run: (role) =>
        as(role, createTeamAction as Action, {
          slug: `team-${role}`,
          name: 'T',
          weeklyHoursPerMember: '40',
          description: '',
        }),
      written: async () => false,
    },
    {
      kind: 'create user (admin)',
      min: 'admin',
      run: (role) =>
        as(role, createUserAction as Action, {
          email: `new-${role}@t.io`,
          name: 'N',
          role: 'viewer',
          password: '',
        }),
      written: async () => false,
    },
    {
      kind: 'create token (admin)',
      min: 'admin',
      run: (role) => as(role, createTokenAction as Action, { name: `tok-${role}`, scopes: ['read'] }),
      written: async () => false,
    },
  ];

  const rank: Record<Role, number> = { viewer: 0, engineer: 1, admin: 2 };
  for (const m of matrix) {
    for (const role of ['viewer', 'engineer', 'admin'] as const) {
      const allowed = rank[role] >= rank[m.min];
      it(`${role} ${allowed ? 'may' : 'may not'} ${m.kind}`, async () => {
        const res = await m.run(role);
        expect(res?.ok, res?.message).toBe(allowed);
        if (!allowed) expect(res?.message).toMatch(/needs the (engineer|admin) role/);
      });
    }
  }

  it('wrote exactly what the allowed roles did', async () => {
    const d = await db();
    expect(
      (await d.select().from(services))
        .map((s) => s.slug)
        .filter((s) => s.startsWith('matrix-'))
        .sort(),
    ).toEqual(['matrix-admin', 'matrix-engineer']);
    expect((await d.select().from(teams)).map((t) => t.slug)).toEqual(['team-admin']);
    expect((await d.select().from(apiTokens)).map((t) => t.name)).toEqual(['tok-admin']);
  });

  it('a viewer cannot update or delete a service; an engineer can update but not delete', async () => {
    const d = await db();
    const [svc] = await d.select().from(services).where(eq(services.slug, 'matrix-admin'));
    const update = {
      id: svc.id,
      version: String(svc.version),
      slug: svc.slug,
      name: 'Changed',
      tier: '1',
      ownerTeamId: '',
      tags: '',
    };
    expect((await as('viewer', updateServiceAction as Action, update))?.ok).toBe(false);
    expect((await as('engineer', deleteServiceAction as Action, { id: svc.id }))?.ok).toBe(false);
    expect((await d.select().from(services).where(eq(services.id, svc.id)))[0].name).toBe('Svc');
    expect((await as('engineer', updateServiceAction as Action, update))?.ok).toBe(true);
    // Deleting redirects to the list with a "deleted" toast (NEXT_REDIRECT), after the delete committed.
    await expect(as('admin', deleteServiceAction as Action, { id: svc.id })).rejects.toThrow('NEXT_REDIRECT');
    expect(await d.select().from(services).where(eq(services.id, svc.id))).toEqual([]);
  });

  it('a disabled user is treated as signed out', async () => {
    const d = await db();
    await d.update(users).set({ disabled: true }).where(eq(users.id, ids.admin));
    const res = await as('admin', createServiceAction as Action, newService());
    expect(res).toMatchObject({ ok: false, message: 'Sign in required' });
    await d.update(users).set({ disabled: false }).where(eq(users.id, ids.admin));
  });
});
