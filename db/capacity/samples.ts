// Demand samples: one upsert path for the API, CSV import, Prometheus sync and the seed.
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { capacitySamples } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import type { DemandPoint } from '@/lib/capacity/samples';
import { DAY_MS, MAX_HISTORY_DAYS } from '@/lib/capacity/series';
import { pgNumberArray } from '@/lib/slo/samples';

/** Upserts points (a sample replaces the one at the same instant); no audit row — see writeSamples. */
export async function upsertSamples(tx: Executor, resourceId: string, points: readonly DemandPoint[]) {
  // Arrays sent as single parameters: 10,000 samples stay one statement, far from the bind limit.
  for (let i = 0; i < points.length; i += 10_000) {
    const chunk = points.slice(i, i + 10_000);
    await tx.execute(sql`
      insert into capacity_samples (resource_id, ts, value)
      select ${resourceId}::uuid, to_timestamp(u.t), u.v
      from unnest(${pgNumberArray(chunk.map((p) => p.ts / 1000))}::float8[], ${pgNumberArray(chunk.map((p) => p.value))}::float8[]) as u(t, v)
      on conflict (resource_id, ts) do update set value = excluded.value`);
  }
}

/** Writes validated points in one transaction with one audit row naming the source. */
export async function writeSamples(
  db: Executor,
  actor: Actor,
  resourceId: string,
  points: readonly DemandPoint[],
  source: 'api' | 'csv' | 'prometheus' | 'form',
) {
  return mutate(db, actor, async ({ tx }) => {
    await upsertSamples(tx, resourceId, points);
    const times = points.map((p) => p.ts);
    return {
      result: { accepted: points.length },
      change:
        points.length === 0
          ? null
          : {
              action: 'capacity.samples.write',
              entityType: 'capacity_resource',
              entityId: resourceId,
              after: {
                source,
                count: points.length,
                from: new Date(Math.min(...times)).toISOString(),
                to: new Date(Math.max(...times)).toISOString(),
              },
            },
    };
  });
}

/**
 * The daily peaks the models look at (the last year), per resource: SQL takes the max per
 * UTC day so a resource fed every minute still reads a few hundred rows.
 */
export async function dailyPeakSamples(db: Executor, resourceIds: string[], now = new Date()) {
  const byResource = new Map<string, Array<{ ts: Date; value: number }>>();
  if (resourceIds.length === 0) return byResource;
  const since = new Date(now.getTime() - (MAX_HISTORY_DAYS + 1) * DAY_MS);
  const day = sql<string>`date_trunc('day', ${capacitySamples.ts} at time zone 'UTC') at time zone 'UTC'`;
  const rows = await db
    .select({ resourceId: capacitySamples.resourceId, day, peak: sql<number>`max(${capacitySamples.value})` })
    .from(capacitySamples)
    .where(and(inArray(capacitySamples.resourceId, resourceIds), gte(capacitySamples.ts, since)))
    .groupBy(capacitySamples.resourceId, day)
    .orderBy(asc(day));
  for (const r of rows) {
    const list = byResource.get(r.resourceId) ?? [];
    list.push({ ts: new Date(r.day), value: Number(r.peak) });
    byResource.set(r.resourceId, list);
  }
  return byResource;
}

export async function countSamples(db: Executor, resourceId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(capacitySamples)
    .where(eq(capacitySamples.resourceId, resourceId));
  return row?.n ?? 0;
}
