import { eq, sql } from 'drizzle-orm';
import type { DB, Executor } from '@/db/client';
import { getSetting } from '@/db/platform/settings';
import { sloSyncState } from '@/db/schema';
import { ingestSamples } from '@/db/slo/samples';
import { prometheusQueries, type SloRow } from '@/db/slo/slos';
import { windowRange } from '@/db/slo/status';
import { mixedMetricsProblem, perMinuteIncreases } from '@/lib/prometheus/counters';
import { type DataSource, PrometheusError, queryRange } from '@/lib/prometheus/http';
import type { SampleInput } from '@/lib/slo/samples';
import { windowOf } from '@/lib/validation/slo';

const MIN = 60_000;
/** Prometheus returns at most 11,000 points per series: pull in chunks of ~7 days. */
const CHUNK_MINUTES = 10_000;
export const DATASOURCE_KEY = 'prometheus.datasource';

export async function getDataSource(db: Executor): Promise<DataSource | null> {
  const stored = await getSetting<DataSource | null>(db, DATASOURCE_KEY, null);
  if (stored?.url) return stored;
  return process.env.PROMETHEUS_URL ? { url: process.env.PROMETHEUS_URL, timeoutSeconds: 10 } : null;
}

export async function getSyncState(db: Executor, sloId: string) {
  const [row] = await db.select().from(sloSyncState).where(eq(sloSyncState.sloId, sloId));
  return row ?? null;
}

/**
 * Pulls the per-minute good/total of one Prometheus-sourced SLO into the sample
 * table: the whole window on first sync (backfill), then from where it stopped.
 * Each chunk commits with its progress, so a failure loses nothing already stored.
 */
export async function syncSlo(
  db: DB,
  slo: SloRow,
  ds: DataSource,
  now = new Date(),
): Promise<{ appended: number; error?: string }> {
  const queries = prometheusQueries(slo);
  if (!queries) return { appended: 0, error: 'Not a Prometheus-sourced SLO' };
  const state = await getSyncState(db, slo.id);
  const end = Math.floor(now.getTime() / MIN) * MIN;
  const backfillFrom = windowRange(windowOf(slo), now).start.getTime();
  let from = Math.max(state?.syncedUntil?.getTime() ?? backfillFrom, end - 90 * 1440 * MIN);
  let appended = 0;
  const warnings: string[] = [];
  try {
    while (from < end) {
      const to = Math.min(end, from + CHUNK_MINUTES * MIN);
      const [good, total] = await Promise.all([
        queryRange(ds, queries.goodQuery, from / 1000, to / 1000, 60),
        queryRange(ds, queries.totalQuery, from / 1000, to / 1000, 60),
      ]);
      const mixed = mixedMetricsProblem(good, 'goodQuery') ?? mixedMetricsProblem(total, 'totalQuery');
      if (mixed) throw new PrometheusError(mixed);
      const g = perMinuteIncreases(good);
      const t = perMinuteIncreases(total);
      for (const r of [...g.resets, ...t.resets].slice(0, 3))
        warnings.push(`counter reset of ${r.series} at ${new Date(r.at).toISOString()} handled`);
      if (good.length === 0 && total.length > 0)
        warnings.push('goodQuery matched no series: minutes count as all bad');
      const samples: SampleInput[] = [];
      for (const [minute, totalInc] of t.increases) {
        if (minute < from || minute >= to) continue;
        const tot = Math.max(0, totalInc);
        samples.push({ minute, total: tot, good: Math.min(tot, Math.max(0, g.increases.get(minute) ?? 0)) });
      }
      await db.transaction(async (tx) => {
        await ingestSamples(tx, slo.id, samples);
        await saveState(tx, slo.id, { syncedUntil: new Date(to) });
      });
      appended += samples.length;
      from = to;
    }
    await saveState(db, slo.id, {
      lastSuccessAt: now,
      lastError: null,
      lastWarning: warnings.length ? warnings.join('; ') : null,
      failures: 0,
      nextAttemptAt: null,
    });
    return { appended };
  } catch (err) {
    const message = err instanceof PrometheusError ? err.message : `Sync failed: ${(err as Error).message}`;
    const failures = (state?.failures ?? 0) + 1;
    const backoffMinutes = Math.min(30, 2 ** (failures - 1));
    await saveState(db, slo.id, {
      lastError: message,
      failures,
      nextAttemptAt: new Date(now.getTime() + backoffMinutes * MIN),
    });
    return { appended, error: message };
  }
}

async function saveState(db: Executor, sloId: string, patch: Partial<typeof sloSyncState.$inferInsert>) {
  const values = { sloId, lastAttemptAt: new Date(), ...patch };
  await db
    .insert(sloSyncState)
    .values(values)
    .onConflictDoUpdate({
      target: sloSyncState.sloId,
      set: {
        ...values,
        // Progress never moves backwards, even if a manual sync races the background one.
        ...(patch.syncedUntil
          ? {
              syncedUntil: sql`greatest(${sloSyncState.syncedUntil}, ${patch.syncedUntil.toISOString()}::timestamptz)`,
            }
          : {}),
      },
    });
}
