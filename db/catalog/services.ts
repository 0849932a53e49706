import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DB, Executor } from '@/db/client';
import { recordAudit } from '@/db/platform/audit';
import { parseOrThrow } from '@/db/platform/parse';
import { services, teams } from '@/db/schema';
import { invalidateSnapshots } from '@/db/slo/snapshot-invalidation';
import type { Actor } from '@/lib/audit';
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from '@/lib/errors';
import { type ServiceInput, serviceInput } from '@/lib/validation/catalog';

export const SERVICE_SORTS = ['name', 'tier', 'team', 'updated'] as const;
export type ServiceSort = (typeof SERVICE_SORTS)[number];

export interface ServiceFilter {
  q?: string;
  team?: string;
  tier?: number;
  sort?: ServiceSort;
  dir?: 'asc' | 'desc';
}

export async function listServices(db: Executor, filter: ServiceFilter = {}) {
  const where: SQL[] = [];
  if (filter.q) {
    const like = `%${filter.q}%`;
    const match = or(
      ilike(services.name, like),
      ilike(services.slug, like),
      sql`${filter.q.toLowerCase()} = any(${services.tags})`,
    );
    if (match) where.push(match);
  }
  if (filter.team) where.push(eq(teams.slug, filter.team));
  if (filter.tier !== undefined) where.push(eq(services.tier, filter.tier));
  const order = { name: services.name, tier: services.tier, team: teams.name, updated: services.updatedAt }[
    filter.sort ?? 'name'
  ];
  return db
    .select({
      id: services.id,
      slug: services.slug,
      name: services.name,
      description: services.description,
      tier: services.tier,
      tags: services.tags,
      updatedAt: services.updatedAt,
      teamSlug: teams.slug,
      teamName: teams.name,
    })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(filter.dir === 'desc' ? desc(order) : asc(order), asc(services.name));
}

export async function getServiceBySlug(db: Executor, slug: string) {
  const [row] = await db
    .select({ service: services, teamSlug: teams.slug, teamName: teams.name })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(eq(services.slug, slug));
  return row ? { ...row.service, teamSlug: row.teamSlug, teamName: row.teamName } : null;
}

export async function createService(db: DB, actor: Actor, raw: unknown) {
  const input = parseOrThrow(serviceInput, raw);
  return db.transaction(async (tx) => {
    const [service] = await tx
      .insert(services)
      .values(serviceValues(input))
      .returning()
      .catch((err) => rethrowSlugTaken(err, input.slug));
    await recordAudit(tx, actor, {
      action: 'service.create',
      entityType: 'service',
      entityId: service.id,
      after: service,
    });
    return service;
  });
}

export async function updateService(db: DB, actor: Actor, id: string, expectedVersion: number, raw: unknown) {
  const input = parseOrThrow(serviceInput, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(services).where(eq(services.id, id));
    if (!before) throw new NotFoundError('Service');
    const [service] = await tx
      .update(services)
      .set({ ...serviceValues(input), version: sql`${services.version} + 1`, updatedAt: new Date() })
      .where(and(eq(services.id, id), eq(services.version, expectedVersion)))
      .returning()
      .catch((err) => rethrowSlugTaken(err, input.slug));
    if (!service) {
      throw new ConflictError(
        'Someone else changed this service since you opened it. Reload to see their changes.',
      );
    }
    // Overview rows carry service and team names.
    await invalidateSnapshots(tx, 'all');
    await recordAudit(tx, actor, {
      action: 'service.update',
      entityType: 'service',
      entityId: id,
      before,
      after: service,
    });
    return service;
  });
}

export async function deleteService(db: DB, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [service] = await tx.delete(services).where(eq(services.id, id)).returning();
    if (!service) throw new NotFoundError('Service');
    await recordAudit(tx, actor, {
      action: 'service.delete',
      entityType: 'service',
      entityId: id,
      before: service,
    });
    return service;
  });
}

function serviceValues(input: ServiceInput) {
  return {
    slug: input.slug,
    name: input.name,
    description: input.description,
    tier: input.tier,
    ownerTeamId: input.ownerTeamId,
    tags: input.tags,
  };
}

function rethrowSlugTaken(err: unknown, slug: string): never {
  if (isUniqueViolation(err))
    throw new ValidationError('Slug taken', { slug: [`"${slug}" is already used by another service`] });
  throw err;
}
