import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { services, teams } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError } from '@/lib/errors';
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

const slugTaken = (slug: string) => ({
  field: 'slug',
  message: `"${slug}" is already used by another service`,
  summary: 'Slug taken',
});

export async function createService(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(serviceInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [service] = await tx.insert(services).values(serviceValues(input)).returning();
      return {
        result: service,
        change: { action: 'service.create', entityType: 'service', entityId: service.id, after: service },
      };
    },
    { unique: slugTaken(input.slug) },
  );
}

/** Overview rows carry service and team names: the snapshot hook drops them on every update. */
export async function updateService(
  db: Executor,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: unknown,
) {
  const input = parseOrThrow(serviceInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [before] = await tx.select().from(services).where(eq(services.id, id));
      if (!before) throw new NotFoundError('Service');
      const [updated] = await tx
        .update(services)
        .set({ ...serviceValues(input), version: sql`${services.version} + 1`, updatedAt: new Date() })
        .where(and(eq(services.id, id), eq(services.version, expectedVersion)))
        .returning();
      const service = ensureVersion(updated, 'service');
      return {
        result: service,
        change: { action: 'service.update', entityType: 'service', entityId: id, before, after: service },
      };
    },
    { unique: slugTaken(input.slug) },
  );
}

export async function deleteService(db: Executor, actor: Actor, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    const [service] = await tx.delete(services).where(eq(services.id, id)).returning();
    if (!service) throw new NotFoundError('Service');
    return {
      result: service,
      change: { action: 'service.delete', entityType: 'service', entityId: id, before: service },
    };
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
