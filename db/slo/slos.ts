import { and, asc, eq, sql } from 'drizzle-orm';
import type { DB, Executor } from '@/db/client';
import { recordAudit } from '@/db/platform/audit';
import { parseOrThrow } from '@/db/platform/parse';
import { services, slos, teams } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import {
  ConflictError,
  isForeignKeyViolation,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from '@/lib/errors';
import { type SloInput, sloInput } from '@/lib/validation/slo';
import { rebuildRollups } from './samples';
import { invalidateSnapshots } from './snapshot-invalidation';

export const sloColumns = {
  id: slos.id,
  slug: slos.slug,
  name: slos.name,
  description: slos.description,
  sliKind: slos.sliKind,
  latencyThresholdMs: slos.latencyThresholdMs,
  target: slos.target,
  windowType: slos.windowType,
  windowDays: slos.windowDays,
  calendarUnit: slos.calendarUnit,
  timezone: slos.timezone,
  budgetingMethod: slos.budgetingMethod,
  timesliceTarget: slos.timesliceTarget,
  sourceType: slos.sourceType,
  sourceConfig: slos.sourceConfig,
  alertMinEvents: slos.alertMinEvents,
  runbookUrl: slos.runbookUrl,
  version: slos.version,
  serviceId: slos.serviceId,
  serviceSlug: services.slug,
  serviceName: services.name,
  serviceTier: services.tier,
  teamSlug: teams.slug,
  teamName: teams.name,
};

export type SloRow = Awaited<ReturnType<typeof listSloRows>>[number];

/** The Prometheus queries of an SLO row, when its source is Prometheus. */
export function prometheusQueries(row: {
  sourceType: string;
  sourceConfig: unknown;
}): { goodQuery: string; totalQuery: string; badQuery: string | null } | null {
  if (row.sourceType !== 'prometheus') return null;
  const c = (row.sourceConfig ?? {}) as { goodQuery?: unknown; totalQuery?: unknown; badQuery?: unknown };
  if (typeof c.totalQuery !== 'string') return null;
  // An error counter instead of a good one: good = total − bad (goodQuery is then empty).
  if (typeof c.badQuery === 'string' && c.badQuery)
    return { goodQuery: '', totalQuery: c.totalQuery, badQuery: c.badQuery };
  return typeof c.goodQuery === 'string'
    ? { goodQuery: c.goodQuery, totalQuery: c.totalQuery, badQuery: null }
    : null;
}

/** Every SLO with its service and owner team (SQL filters stay small: the overview filters computed numbers). */
export async function listSloRows(db: Executor) {
  return db
    .select(sloColumns)
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .orderBy(asc(services.name), asc(slos.name));
}

export async function getSloRow(db: Executor, slug: string): Promise<SloRow | null> {
  const [row] = await db
    .select(sloColumns)
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(eq(slos.slug, slug));
  return row ?? null;
}

function values(input: SloInput) {
  return {
    serviceId: input.serviceId,
    slug: input.slug,
    name: input.name,
    description: input.description,
    sliKind: input.sliKind,
    latencyThresholdMs: input.latencyThresholdMs,
    target: input.target,
    windowType: input.windowType,
    windowDays: input.windowDays,
    calendarUnit: input.calendarUnit,
    timezone: input.timezone,
    budgetingMethod: input.budgetingMethod,
    timesliceTarget: input.timesliceTarget,
    sourceType: input.sourceType,
    sourceConfig:
      input.sourceType === 'prometheus'
        ? input.badQuery
          ? { badQuery: input.badQuery, totalQuery: input.totalQuery }
          : { goodQuery: input.goodQuery, totalQuery: input.totalQuery }
        : {},
    alertMinEvents: input.alertMinEvents,
    runbookUrl: input.runbookUrl,
  };
}

function rethrow(err: unknown, slug: string): never {
  if (isUniqueViolation(err))
    throw new ValidationError('Slug taken', { slug: [`"${slug}" is already used by another SLO`] });
  if (isForeignKeyViolation(err)) {
    throw new ValidationError('Unknown service', { serviceId: ['This service does not exist'] });
  }
  throw err;
}

export async function createSlo(db: DB, actor: Actor, raw: unknown) {
  const input = parseOrThrow(sloInput, raw);
  return db.transaction(async (tx) => {
    const [slo] = await tx
      .insert(slos)
      .values(values(input))
      .returning()
      .catch((err) => rethrow(err, input.slug));
    await invalidateSnapshots(tx, [slo.id]);
    await recordAudit(tx, actor, { action: 'slo.create', entityType: 'slo', entityId: slo.id, after: slo });
    return slo;
  });
}

export async function updateSlo(db: DB, actor: Actor, id: string, expectedVersion: number, raw: unknown) {
  const input = parseOrThrow(sloInput, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(slos).where(eq(slos.id, id));
    if (!before) throw new NotFoundError('SLO');
    const [slo] = await tx
      .update(slos)
      .set({ ...values(input), version: sql`${slos.version} + 1`, updatedAt: new Date() })
      .where(and(eq(slos.id, id), eq(slos.version, expectedVersion)))
      .returning()
      .catch((err) => rethrow(err, input.slug));
    if (!slo)
      throw new ConflictError(
        'Someone else changed this SLO since you opened it. Reload to see their changes.',
      );
    // Bad minutes in the rollups depend on the slice target: recount them when it changes.
    if (before.timesliceTarget !== slo.timesliceTarget) await rebuildRollups(tx, id);
    await invalidateSnapshots(tx, [id]);
    await recordAudit(tx, actor, {
      action: 'slo.update',
      entityType: 'slo',
      entityId: id,
      before,
      after: slo,
    });
    return slo;
  });
}

export async function deleteSlo(db: DB, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [slo] = await tx.delete(slos).where(eq(slos.id, id)).returning();
    if (!slo) throw new NotFoundError('SLO');
    await invalidateSnapshots(tx, [id]);
    await recordAudit(tx, actor, { action: 'slo.delete', entityType: 'slo', entityId: id, before: slo });
    return slo;
  });
}
