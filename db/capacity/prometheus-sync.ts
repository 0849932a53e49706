// Daily pull of a resource's PromQL (SPEC 1.5) through the Prometheus data source the SLO
// sync uses: hourly points for the days since the last sync, kept as one peak per UTC day.
import { eq, isNotNull, max } from 'drizzle-orm';
import type { DB } from '@/db/client';
import { getDataSource } from '@/db/interop/prometheus-sync';
import { capacityResources, capacitySamples } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import type { DemandPoint } from '@/lib/capacity/samples';
import { DAY_MS, utcDay } from '@/lib/capacity/series';
import { type DataSource, queryRange } from '@/lib/prometheus/http';
import { writeSamples } from './samples';

const SYNC_EVERY_MS = DAY_MS;
/** First sync backfills this far; Prometheus caps a query at 11,000 points (458 days hourly). */
const BACKFILL_DAYS = 180;
const actor: Actor = { type: 'system', label: 'capacity-sync' };

/** Peak of every complete or current UTC day in the series, stamped at the day's start. */
export function dailyPeakPoints(series: Array<{ values: [number, string][] }>): DemandPoint[] {
  const peaks = new Map<number, number>();
  for (const s of series)
    for (const [t, v] of s.values) {
      const value = Number(v);
      if (!Number.isFinite(value) || value < 0) continue;
      const day = utcDay(t * 1000);
      peaks.set(day, Math.max(peaks.get(day) ?? 0, value));
    }
  return [...peaks].map(([ts, value]) => ({ ts, value }));
}

export async function syncCapacityResource(
  db: DB,
  resource: { id: string; promQuery: string | null },
  ds: DataSource,
  now = new Date(),
): Promise<{ days: number; error?: string }> {
  if (!resource.promQuery) return { days: 0, error: 'No Prometheus query' };
  // Resume from the day of the newest stored sample (re-reading that day: its peak may have grown).
  const [latest] = await db
    .select({ ts: max(capacitySamples.ts) })
    .from(capacitySamples)
    .where(eq(capacitySamples.resourceId, resource.id));
  const backfillFrom = utcDay(now.getTime()) - BACKFILL_DAYS * DAY_MS;
  const from = latest?.ts ? Math.max(backfillFrom, utcDay(new Date(latest.ts).getTime())) : backfillFrom;
  try {
    const series = await queryRange(ds, resource.promQuery, from / 1000, now.getTime() / 1000, 3600);
    const points = dailyPeakPoints(series);
    await db.transaction(async (tx) => {
      await writeSamples(tx, actor, resource.id, points, 'prometheus');
      await tx
        .update(capacityResources)
        .set({ promSyncedAt: now, promSyncError: null })
        .where(eq(capacityResources.id, resource.id));
    });
    return { days: points.length };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Retry in an hour, not every 30 s; the error stays visible on the resource meanwhile.
    await db
      .update(capacityResources)
      .set({
        promSyncedAt: new Date(now.getTime() - SYNC_EVERY_MS + 3_600_000),
        promSyncError: message.slice(0, 500),
      })
      .where(eq(capacityResources.id, resource.id));
    return { days: 0, error: message };
  }
}

/** Called by the background loop: syncs each resource with a query once a day. */
export async function syncDueCapacity(db: DB, now = new Date()): Promise<number> {
  const ds = await getDataSource(db);
  if (!ds) return 0;
  const rows = await db
    .select({
      id: capacityResources.id,
      promQuery: capacityResources.promQuery,
      promSyncedAt: capacityResources.promSyncedAt,
    })
    .from(capacityResources)
    .where(isNotNull(capacityResources.promQuery));
  let synced = 0;
  for (const r of rows) {
    if (r.promSyncedAt && now.getTime() - r.promSyncedAt.getTime() < SYNC_EVERY_MS) continue;
    await syncCapacityResource(db, r, ds, now);
    synced += 1;
  }
  return synced;
}
