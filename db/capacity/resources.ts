// Capacity resources (SPEC 1.5): one verb per change, each through mutate() with its audit row.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { capacityResources, services } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError } from '@/lib/errors';
import { type CapacityResourceInput, capacityResourceInput } from '@/lib/validation/capacity';

export const resourceColumns = {
  id: capacityResources.id,
  slug: capacityResources.slug,
  name: capacityResources.name,
  unit: capacityResources.unit,
  serviceId: capacityResources.serviceId,
  serviceSlug: services.slug,
  serviceName: services.name,
  capacityPerInstance: capacityResources.capacityPerInstance,
  instances: capacityResources.instances,
  targetUtilisation: capacityResources.targetUtilisation,
  redundancy: capacityResources.redundancy,
  leadTimeDays: capacityResources.leadTimeDays,
  promQuery: capacityResources.promQuery,
  promSyncedAt: capacityResources.promSyncedAt,
  promSyncError: capacityResources.promSyncError,
  version: capacityResources.version,
};

export async function listResources(db: Executor) {
  return db
    .select(resourceColumns)
    .from(capacityResources)
    .innerJoin(services, eq(services.id, capacityResources.serviceId))
    .orderBy(asc(services.name), asc(capacityResources.name));
}
export type ResourceRow = Awaited<ReturnType<typeof listResources>>[number];

export async function getResourceBySlug(db: Executor, slug: string): Promise<ResourceRow | null> {
  // A path segment can hold anything (NUL bytes included): only a well-formed slug reaches SQL.
  if (!/^[a-z0-9-]{1,63}$/.test(slug)) return null;
  const [row] = await db
    .select(resourceColumns)
    .from(capacityResources)
    .innerJoin(services, eq(services.id, capacityResources.serviceId))
    .where(eq(capacityResources.slug, slug));
  return row ?? null;
}

const slugTaken = (slug: string) => ({
  field: 'slug',
  message: `"${slug}" is already used by another resource`,
});
const unknownService = { field: 'serviceId', message: 'That service no longer exists' };

function values(input: CapacityResourceInput) {
  return {
    serviceId: input.serviceId,
    slug: input.slug,
    name: input.name,
    unit: input.unit,
    capacityPerInstance: input.capacityPerInstance,
    instances: input.instances,
    targetUtilisation: input.targetPercent / 100,
    redundancy: input.redundancy,
    leadTimeDays: input.leadTimeDays,
    promQuery: input.promQuery,
  };
}

export async function createResource(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(capacityResourceInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [row] = await tx.insert(capacityResources).values(values(input)).returning();
      return {
        result: row,
        change: {
          action: 'capacity.resource.create',
          entityType: 'capacity_resource',
          entityId: row.id,
          after: row,
        },
      };
    },
    { unique: slugTaken(input.slug), foreignKey: unknownService },
  );
}

export async function updateResource(
  db: Executor,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: unknown,
) {
  const input = parseOrThrow(capacityResourceInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [before] = await tx.select().from(capacityResources).where(eq(capacityResources.id, id));
      if (!before) throw new NotFoundError('Capacity resource');
      const [updated] = await tx
        .update(capacityResources)
        .set({ ...values(input), version: sql`${capacityResources.version} + 1`, updatedAt: new Date() })
        .where(and(eq(capacityResources.id, id), eq(capacityResources.version, expectedVersion)))
        .returning();
      const row = ensureVersion(updated, 'resource');
      return {
        result: row,
        change: {
          action: 'capacity.resource.update',
          entityType: 'capacity_resource',
          entityId: id,
          before,
          after: row,
        },
      };
    },
    { unique: slugTaken(input.slug), foreignKey: unknownService },
  );
}

export async function deleteResource(db: Executor, actor: Actor, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    const [row] = await tx.delete(capacityResources).where(eq(capacityResources.id, id)).returning();
    if (!row) throw new NotFoundError('Capacity resource');
    return {
      result: row,
      change: {
        action: 'capacity.resource.delete',
        entityType: 'capacity_resource',
        entityId: id,
        before: row,
      },
    };
  });
}
