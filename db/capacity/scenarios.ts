// What-if scenarios saved per resource (SPEC 1.5).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { capacityScenarios } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError } from '@/lib/errors';
import { capacityScenarioInput } from '@/lib/validation/capacity';

export async function listScenarios(db: Executor, resourceIds: string[]) {
  if (resourceIds.length === 0) return [];
  return db
    .select()
    .from(capacityScenarios)
    .where(inArray(capacityScenarios.resourceId, resourceIds))
    .orderBy(asc(capacityScenarios.createdAt), asc(capacityScenarios.name));
}

export async function addScenario(db: Executor, actor: Actor, resourceId: string, raw: unknown) {
  const input = parseOrThrow(capacityScenarioInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [row] = await tx
        .insert(capacityScenarios)
        .values({ resourceId, name: input.name, kind: input.kind, value: input.value })
        .returning();
      return {
        result: row,
        change: {
          action: 'capacity.scenario.create',
          entityType: 'capacity_scenario',
          entityId: row.id,
          after: row,
        },
      };
    },
    {
      unique: { field: 'name', message: `This resource already has a scenario named "${input.name}"` },
      foreignKey: { message: 'That resource no longer exists' },
    },
  );
}

export async function deleteScenario(db: Executor, actor: Actor, resourceId: string, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    const [row] = await tx
      .delete(capacityScenarios)
      .where(and(eq(capacityScenarios.id, id), eq(capacityScenarios.resourceId, resourceId)))
      .returning();
    if (!row) throw new NotFoundError('Scenario');
    return {
      result: row,
      change: {
        action: 'capacity.scenario.delete',
        entityType: 'capacity_scenario',
        entityId: id,
        before: row,
      },
    };
  });
}
