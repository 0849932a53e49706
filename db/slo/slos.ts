import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, type MutationOptions, mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { preparedPerHandle } from '@/db/platform/prepared';
import { services, slos, teams } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError } from '@/lib/errors';
import { type SloInput, sloInput } from '@/lib/validation/slo';
import { rebuildRollups } from './samples';

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
  serviceTags: services.tags,
};

export type SloRow = Awaited<ReturnType<typeof listSloRows>>[number];

/** Some SLOs by id, with their service and owner team. */
export async function listSloRowsById(db: Executor, ids: string[]): Promise<SloRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(sloColumns)
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(inArray(slos.id, ids));
}

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

const sloRowBySlug = preparedPerHandle((db) =>
  db
    .select(sloColumns)
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(eq(slos.slug, sql.placeholder('slug')))
    .prepare('slo_row_by_slug'),
);

export async function getSloRow(db: Executor, slug: string): Promise<SloRow | null> {
  const [row] = await sloRowBySlug(db).execute({ slug });
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

/** A taken slug or an unknown service, as the form's field errors. */
const constraintErrors = (slug: string): MutationOptions => ({
  unique: { field: 'slug', message: `"${slug}" is already used by another SLO`, summary: 'Slug taken' },
  foreignKey: { field: 'serviceId', message: 'This service does not exist', summary: 'Unknown service' },
});

export async function createSlo(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(sloInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [slo] = await tx.insert(slos).values(values(input)).returning();
      return {
        result: slo,
        change: { action: 'slo.create', entityType: 'slo', entityId: slo.id, after: slo },
      };
    },
    constraintErrors(input.slug),
  );
}

export async function updateSlo(
  db: Executor,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: unknown,
) {
  const input = parseOrThrow(sloInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [before] = await tx.select().from(slos).where(eq(slos.id, id));
      if (!before) throw new NotFoundError('SLO');
      const [updated] = await tx
        .update(slos)
        .set({ ...values(input), version: sql`${slos.version} + 1`, updatedAt: new Date() })
        .where(and(eq(slos.id, id), eq(slos.version, expectedVersion)))
        .returning();
      const slo = ensureVersion(updated, 'SLO');
      // Bad minutes in the rollups depend on the slice target: recount them when it changes.
      if (before.timesliceTarget !== slo.timesliceTarget) await rebuildRollups(tx, id);
      return {
        result: slo,
        change: { action: 'slo.update', entityType: 'slo', entityId: id, before, after: slo },
      };
    },
    constraintErrors(input.slug),
  );
}

export async function deleteSlo(db: Executor, actor: Actor, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    const [slo] = await tx.delete(slos).where(eq(slos.id, id)).returning();
    if (!slo) throw new NotFoundError('SLO');
    return { result: slo, change: { action: 'slo.delete', entityType: 'slo', entityId: id, before: slo } };
  });
}
