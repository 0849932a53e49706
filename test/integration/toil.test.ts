// Toil entries, categories and settings through the services, on PGlite and PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createService } from '@/db/catalog/services';
import { createTeam } from '@/db/catalog/teams';
import { createUser } from '@/db/identity/users';
import { auditLog, toilEntries } from '@/db/schema';
import { ensureToilCategories, listToilCategories } from '@/db/toil/categories';
import {
  createToilEntry,
  deleteToilEntry,
  resolveToilTeam,
  updateToilEntry,
  visibleTeamIds,
} from '@/db/toil/entries';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { describeEachDriver } from '../helpers/db';
import { testActor } from '../helpers/fixtures';

const now = new Date('2024-06-15T12:00:00Z');
const record = (over: Record<string, string> = {}) => ({
  date: '2024-06-14',
  task: 'Rotate certs',
  category: 'certificate-rotation',
  minutes: '1h30m',
  service: 'edge',
  interrupt: 'true',
  after_hours: '',
  automatable: 'full',
  notes: '',
  ...over,
});

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

describeEachDriver('toil entries', (ctx) => {
  const people = {
    erin: { id: '', role: 'engineer' as const },
    sam: { id: '', role: 'engineer' as const },
    ada: { id: '', role: 'admin' as const },
    vic: { id: '', role: 'viewer' as const },
  };
  let teamId = '';
  let otherTeamId = '';
  const count = async () => (await ctx().db.select({ n: sql<number>`count(*)::int` }).from(toilEntries))[0].n;

  it('starts with the ten SPEC categories, once', async () => {
    const { db } = ctx();
    await ensureToilCategories(db);
    await ensureToilCategories(db);
    expect((await listToilCategories(db)).map((c) => c.slug)).toHaveLength(10);
    for (const [key, role] of [
      ['erin', 'engineer'],
      ['sam', 'engineer'],
      ['ada', 'admin'],
      ['vic', 'viewer'],
    ] as const) {
      const user = await createUser(db, testActor, {
        email: `${key}@toil.io`,
        name: key,
        role,
        password: '',
      });
      people[key].id = user.id;
    }
    teamId = (
      await createTeam(db, testActor, {
        slug: 'sre-team',
        name: 'SRE',
        weeklyHoursPerMember: '40',
        memberIds: [people.erin.id, people.sam.id],
      })
    ).id;
    otherTeamId = (
      await createTeam(db, testActor, {
        slug: 'other',
        name: 'Other',
        weeklyHoursPerMember: '40',
        memberIds: [],
      })
    ).id;
    await createService(db, testActor, { slug: 'edge', name: 'Edge', tier: '1', ownerTeamId: teamId });
  });

  it("logs an entry on the user's first team; admins may pick any team", async () => {
    const { db } = ctx();
    expect((await resolveToilTeam(db, people.erin)).id).toBe(teamId);
    const refused = await rejection(resolveToilTeam(db, people.erin, otherTeamId));
    expect((refused as ValidationError).fieldErrors.team).toEqual([
      'You can only log toil for a team you are in',
    ]);
    expect((await resolveToilTeam(db, people.ada, 'other')).id).toBe(otherTeamId);
    expect(((await rejection(resolveToilTeam(db, people.ada))) as ValidationError).fieldErrors.team).toEqual([
      'Choose the team this toil belongs to',
    ]);
    expect(await visibleTeamIds(db, people.erin)).toEqual([teamId]);
    expect(await visibleTeamIds(db, people.ada)).toBeNull();

    const entry = await createToilEntry(db, testActor, { userId: people.erin.id, teamId }, record(), now);
    expect(entry).toMatchObject({
      minutes: 90,
      interrupt: true,
      afterHours: false,
      automatable: 'full',
      date: '2024-06-14',
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, entry.id));
    expect(audit.map((a) => a.action)).toEqual(['toil.entry.create']);
  });

  it('names each bad field and writes nothing', async () => {
    const { db } = ctx();
    const before = await count();
    const err = await rejection(
      createToilEntry(
        db,
        testActor,
        { userId: people.erin.id, teamId },
        record({ minutes: '90s', category: 'coffee', date: '2024-06-20', interrupt: 'maybe' }),
        now,
      ),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fieldErrors)).toEqual([
      'date',
      'category',
      'minutes',
      'interrupt',
    ]);
    expect((err as ValidationError).fieldErrors.minutes).toEqual([
      '"90s" is not a duration; use e.g. 45, 45m, 1h30m or 1.5h.',
    ]);
    expect(await count()).toBe(before);
  });

  it('lets only the owner or an admin change an entry, checking the version', async () => {
    const { db } = ctx();
    const entry = await createToilEntry(
      db,
      testActor,
      { userId: people.erin.id, teamId },
      record({ task: 'Mine' }),
      now,
    );
    const forbidden = await rejection(
      updateToilEntry(db, testActor, people.sam, entry.id, entry.version, record({ task: 'Hijacked' }), now),
    );
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(await rejection(deleteToilEntry(db, testActor, people.sam, entry.id))).toBeInstanceOf(
      ForbiddenError,
    );

    const updated = await updateToilEntry(
      db,
      testActor,
      people.erin,
      entry.id,
      entry.version,
      record({ task: 'Mine, edited', minutes: '20' }),
      now,
    );
    expect(updated).toMatchObject({ task: 'Mine, edited', minutes: 20, version: entry.version + 1 });
    expect(
      await rejection(updateToilEntry(db, testActor, people.erin, entry.id, entry.version, record(), now)),
    ).toBeInstanceOf(ConflictError);

    const byAdmin = await updateToilEntry(
      db,
      testActor,
      people.ada,
      entry.id,
      updated.version,
      record({ task: 'Fixed by admin' }),
      now,
    );
    expect(byAdmin.userId).toBe(people.erin.id);
    await deleteToilEntry(db, testActor, people.erin, entry.id);
    expect(await db.select().from(toilEntries).where(eq(toilEntries.id, entry.id))).toEqual([]);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, entry.id))).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual([
      'toil.entry.create',
      'toil.entry.delete',
      'toil.entry.update',
      'toil.entry.update',
    ]);
  });
});
