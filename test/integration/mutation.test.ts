// mutate(), the one write path: audit row in the same transaction, rollback of both,
// constraint violations as field errors, optimistic versions, nested calls joining the
// outer transaction, and the registered hooks (SLO snapshot invalidation) — on PGlite and PostgreSQL.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createService, updateService } from '@/db/catalog/services';
import { createTeam, deleteTeam, updateTeam } from '@/db/catalog/teams';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { POLICY_KEY, putSetting } from '@/db/platform/settings';
import { queryRows } from '@/db/platform/sql';
import { auditLog, sloSnapshots, teams } from '@/db/schema';
import { addCorrection } from '@/db/slo/corrections';
import { updateSlo } from '@/db/slo/slos';
import { TOIL_SETTINGS_KEY } from '@/db/toil/settings';
import type { Actor } from '@/lib/audit';
import { ConflictError, ValidationError } from '@/lib/errors';
import { DEFAULT_POLICY } from '@/lib/slo/policy';
import { describeEachDriver } from '../helpers/db';
import { makeService, makeSlo, testActor } from '../helpers/fixtures';

const actor: Actor = { type: 'user', id: '00000000-0000-0000-0000-0000000000aa', label: 'mut@example.com' };

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

const teamInput = (slug: string) => ({
  slug,
  name: slug.toUpperCase(),
  weeklyHoursPerMember: '40',
  memberIds: [],
});

async function auditRows(db: Executor, entityId: string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
}

/** The transaction that wrote a row (PostgreSQL's xmin): equal ids mean one transaction, no savepoint. */
async function writerOf(db: Executor, table: 'teams' | 'services' | 'audit_log', id: string | number) {
  const [row] = await queryRows<{ xid: string }>(
    db,
    sql`select xmin::text as xid from ${sql.identifier(table)} where id = ${id}`,
  );
  return row?.xid;
}

async function teamCount(db: Executor, slug: string) {
  return (await db.select().from(teams).where(eq(teams.slug, slug))).length;
}

async function snapshotIds(db: Executor): Promise<string[]> {
  // Tombstones (a write dropped the numbers) do not count.
  return (await db.select({ id: sloSnapshots.sloId }).from(sloSnapshots).where(isNotNull(sloSnapshots.api)))
    .map((r) => r.id)
    .sort();
}

/** Stores a placeholder snapshot for each SLO, as the background refresh would. */
async function snapshot(db: Executor, ids: string[]) {
  await db.delete(sloSnapshots);
  await db
    .insert(sloSnapshots)
    .values(ids.map((sloId) => ({ sloId, computedAt: new Date(), overview: {}, api: {} })));
}

describeEachDriver('mutate()', (ctx) => {
  it('writes the audit row in the same transaction as the change', async () => {
    const { db } = ctx();
    const team = await createTeam(db, actor, teamInput('same-tx'));
    const [audit] = await auditRows(db, team.id);
    expect(audit).toMatchObject({
      action: 'team.create',
      entityType: 'team',
      actorType: 'user',
      actorId: actor.type === 'user' ? actor.id : null,
      actorLabel: 'mut@example.com',
    });
    expect((audit.after as { slug: string }).slug).toBe('same-tx');
    const writer = await writerOf(db, 'teams', team.id);
    expect(writer).toBeDefined();
    expect(await writerOf(db, 'audit_log', audit.id)).toBe(writer);
  });

  it('rolls back the write when the work fails, and writes no audit row', async () => {
    const { db } = ctx();
    let id = '';
    const err = await rejection(
      mutate(db, actor, async ({ tx }) => {
        const [team] = await tx.insert(teams).values({ slug: 'work-fails', name: 'W' }).returning();
        id = team.id;
        throw new Error('boom');
      }),
    );
    expect((err as Error).message).toBe('boom');
    expect(id).not.toBe('');
    expect(await teamCount(db, 'work-fails')).toBe(0);
    expect(await auditRows(db, id)).toEqual([]);
  });

  it('rolls back the write when its audit row cannot be written', async () => {
    const { db } = ctx();
    const err = await rejection(
      mutate(db, actor, async ({ tx }) => {
        const [team] = await tx.insert(teams).values({ slug: 'audit-fails', name: 'A' }).returning();
        // entity_id is NOT NULL: the audit insert fails after the write succeeded.
        return {
          result: team,
          change: { action: 'team.create', entityType: 'team', entityId: null as never },
        };
      }),
    );
    expect(err).toBeInstanceOf(Error);
    expect(await teamCount(db, 'audit-fails')).toBe(0);
  });

  it('rolls back an audit row already written when a later step fails', async () => {
    const { db } = ctx();
    const err = await rejection(
      mutate(db, actor, async ({ tx }) => {
        await createTeam(tx, actor, teamInput('later-fails')); // writes its audit row, joined
        throw new Error('after the audit row');
      }),
    );
    expect((err as Error).message).toBe('after the audit row');
    expect(await teamCount(db, 'later-fails')).toBe(0);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'team.create'), sql`${auditLog.after}->>'slug' = 'later-fails'`));
    expect(audits).toEqual([]);
  });

  it('turns a unique violation into the field error, and writes nothing', async () => {
    const { db } = ctx();
    await createTeam(db, actor, teamInput('taken'));
    const before = (await db.select().from(auditLog)).length;
    const err = await rejection(createTeam(db, actor, teamInput('taken')));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe('Slug taken');
    expect((err as ValidationError).fieldErrors).toEqual({
      slug: ['"taken" is already used by another team'],
    });
    expect((await db.select().from(auditLog)).length).toBe(before);

    // The constraint's name reaches a mapping function, on both drivers.
    const named = await rejection(
      mutate(
        db,
        actor,
        async ({ tx }) => {
          await tx.insert(teams).values({ slug: 'taken', name: 'Again' });
          return { result: null, change: null };
        },
        { unique: (constraint) => ({ field: 'slug', message: `violates ${constraint}` }) },
      ),
    );
    expect((named as ValidationError).fieldErrors).toEqual({ slug: ['violates teams_slug_unique'] });
  });

  it('turns a foreign-key (restrict) violation into the configured error', async () => {
    const { db } = ctx();
    const team = await createTeam(db, actor, teamInput('owner'));
    await createService(db, actor, { slug: 'owned-svc', name: 'Owned', tier: '2', ownerTeamId: team.id });
    const err = await rejection(deleteTeam(db, actor, team.id));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe(
      'This team still owns services: move them to another team first.',
    );
    expect(await teamCount(db, 'owner')).toBe(1);
    expect((await auditRows(db, team.id)).map((a) => a.action)).toEqual(['team.create']);
  });

  it('refuses a stale version with a ConflictError and keeps the newer change', async () => {
    const { db } = ctx();
    const team = await createTeam(db, actor, teamInput('versioned'));
    const first = await updateTeam(db, actor, team.id, team.version, {
      ...teamInput('versioned'),
      name: 'First',
    });
    expect(first.version).toBe(team.version + 1);
    const err = await rejection(
      updateTeam(db, actor, team.id, team.version, { ...teamInput('versioned'), name: 'Stale' }),
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).status).toBe(409);
    const [row] = await db.select().from(teams).where(eq(teams.id, team.id));
    expect(row.name).toBe('First');
    expect((await auditRows(db, team.id)).map((a) => a.action)).toEqual(['team.create', 'team.update']);
  });

  it('joins the outer transaction when nested: one transaction, every audit row, one rollback', async () => {
    const { db } = ctx();
    const { team, service } = await mutate(db, actor, async ({ tx, record }) => {
      const t = await createTeam(tx, actor, teamInput('nested'));
      const s = await createService(tx, actor, {
        slug: 'nested-svc',
        name: 'N',
        tier: '2',
        ownerTeamId: t.id,
      });
      record({ action: 'nested.extra', entityType: 'test', entityId: t.id });
      return {
        result: { team: t, service: s },
        change: { action: 'nested.outer', entityType: 'test', entityId: s.id },
      };
    });
    const teamAudits = await auditRows(db, team.id);
    const serviceAudits = await auditRows(db, service.id);
    expect(teamAudits.map((a) => a.action)).toEqual(['team.create', 'nested.extra']);
    expect(serviceAudits.map((a) => a.action)).toEqual(['service.create', 'nested.outer']);
    const writer = await writerOf(db, 'teams', team.id);
    expect(await writerOf(db, 'services', service.id)).toBe(writer);
    for (const audit of [...teamAudits, ...serviceAudits])
      expect(await writerOf(db, 'audit_log', audit.id)).toBe(writer);

    // A failure in the inner verb (its own field error) undoes the outer's earlier writes too.
    const err = await rejection(
      mutate(db, actor, async ({ tx }) => {
        await createTeam(tx, actor, teamInput('nested-2'));
        await createTeam(tx, actor, teamInput('nested')); // slug taken
        return { result: null, change: null };
      }),
    );
    expect((err as ValidationError).fieldErrors).toEqual({
      slug: ['"nested" is already used by another team'],
    });
    expect(await teamCount(db, 'nested-2')).toBe(0);
  });

  it('runs the registered hooks: the SLO snapshot rows a change makes stale are deleted with it', async () => {
    const { db } = ctx();
    const a = await makeSlo(db);
    const b = await makeSlo(db);
    const both = [a.id, b.id].sort();

    // An SLO edit drops that SLO's snapshot only.
    await snapshot(db, both);
    await updateSlo(db, actor, a.id, a.version, { ...sloFields(a), name: 'Renamed' });
    expect(await snapshotIds(db)).toEqual([b.id]);

    // A correction (audited on its SLO) drops that SLO's snapshot only.
    await snapshot(db, both);
    await addCorrection(db, testActor, b.id, {
      startsAt: '2024-01-01T00:00',
      endsAt: '2024-01-01T01:00',
      reason: 'Maintenance',
    });
    expect(await snapshotIds(db)).toEqual([a.id]);

    // A service rename is shown on every row: all dropped. A new service is on no row: none.
    await snapshot(db, both);
    const svc = await makeService(db);
    expect(await snapshotIds(db)).toEqual(both);
    await updateService(db, actor, svc.id, svc.version, {
      slug: svc.slug,
      name: 'Renamed',
      tier: '1',
      ownerTeamId: '',
    });
    expect(await snapshotIds(db)).toEqual([]);

    // The error-budget policy moves every SLO's status; the toil settings move none.
    await snapshot(db, both);
    await putSetting(db, actor, TOIL_SETTINGS_KEY, { cap: 40, defaultEstimateHours: 8 });
    expect(await snapshotIds(db)).toEqual(both);
    await putSetting(db, actor, POLICY_KEY, DEFAULT_POLICY);
    expect(await snapshotIds(db)).toEqual([]);

    // A rolled-back change leaves the snapshots in place: the hook ran in the same transaction.
    await snapshot(db, both);
    await rejection(
      mutate(db, actor, async ({ tx }) => {
        await updateSlo(tx, actor, b.id, b.version, { ...sloFields(b), name: 'Never' });
        throw new Error('undo');
      }),
    );
    expect(await snapshotIds(db)).toEqual(both);
  });
});

function sloFields(slo: Awaited<ReturnType<typeof makeSlo>>) {
  return {
    serviceId: slo.serviceId,
    slug: slo.slug,
    name: slo.name,
    sliKind: slo.sliKind,
    target: slo.target,
    windowType: slo.windowType,
    windowDays: slo.windowDays,
    budgetingMethod: slo.budgetingMethod,
  };
}
