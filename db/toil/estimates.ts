import { and, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { toilAutomationEstimates } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { taskKey } from '@/lib/toil/aggregates';
import { automationEstimateInput } from '@/lib/validation/toil';

/**
 * Estimated automation hours by task key for a team's report: the team's own
 * estimate wins over the global one. With no team (all teams), the global ones.
 */
export async function automationEstimates(
  db: Executor,
  teamId: string | null,
): Promise<Record<string, number>> {
  const rows = await db
    .select()
    .from(toilAutomationEstimates)
    .where(
      teamId
        ? or(isNull(toilAutomationEstimates.teamId), eq(toilAutomationEstimates.teamId, teamId))
        : isNull(toilAutomationEstimates.teamId),
    );
  const out: Record<string, number> = {};
  // Global first, then the team's own on top.
  for (const row of [...rows].sort((a, b) => Number(a.teamId !== null) - Number(b.teamId !== null)))
    out[row.taskKey] = row.hours;
  return out;
}

/** Sets the estimate for a task, for one team or (teamId empty) for every team. */
export async function setAutomationEstimate(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(automationEstimateInput, raw);
  const key = taskKey(input.task);
  return mutate(db, actor, async ({ tx }) => {
    const where = and(
      eq(toilAutomationEstimates.taskKey, key),
      input.teamId
        ? eq(toilAutomationEstimates.teamId, input.teamId)
        : isNull(toilAutomationEstimates.teamId),
    );
    const [before] = await tx.select().from(toilAutomationEstimates).where(where);
    const [row] = before
      ? await tx
          .update(toilAutomationEstimates)
          .set({ hours: input.hours, updatedBy: actor.label, updatedAt: new Date() })
          .where(eq(toilAutomationEstimates.id, before.id))
          .returning()
      : await tx
          .insert(toilAutomationEstimates)
          .values({ teamId: input.teamId, taskKey: key, hours: input.hours, updatedBy: actor.label })
          .returning();
    return {
      result: row,
      change: {
        action: 'toil.estimate.set',
        entityType: 'toil_estimate',
        entityId: row.id,
        before,
        after: row,
      },
    };
  });
}
