import { eq, sql } from 'drizzle-orm';
import type { DB, Executor } from '@/db/client';
import { getSetting } from '@/db/platform/settings';
import { sloSyncState } from '@/db/schema';
import { ingestSamples } from '@/db/slo/samples';
import { prometheusQueries, type SloRow } from '@/db/slo/slos';
import { backfillStart } from '@/lib/prometheus/backfill';
import {
  type CounterReset,
  mergeResetWarnings,
  mixedMetricsProblem,
  rawMinuteIncreases,
} from '@/lib/prometheus/counters';
import { type DataSource, PrometheusError, rawSamples } from '@/lib/prometheus/http';
import type { SampleInput } from '@/lib/slo/samples';
import { windowOf } from '@/lib/validation/slo';

const MIN = 60_000;
/** Raw samples in chunks of a day (5,760 samples a series at a 15 s scrape interval). */
const CHUNK_MINUTES = 1440;
/** A calendar quarter is at most 92 days; never reach further back. */
const MAX_BACKFILL_DAYS = 93;
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

/** Minutes recomputed at every sync: the last samples before `syncedUntil` had no successor yet. */
const RESYNC_MINUTES = 5;
/** How far before a chunk the raw samples reach, to find each series' sample before it. */
const LOOKBACK_SECONDS = 600;

/**
 * Pulls the per-minute good/total of one Prometheus-sourced SLO into the sample
 * table: as far back as the longest window the SLO looks at on first sync (backfill),
 * then from where it stopped. Works on the raw samples of each series, so counter
 * resets cost nothing (as with increase()). Each chunk commits with its progress,
 * so a failure loses nothing already stored.
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
  const depth = backfillStart(windowOf(slo), new Date(end)).getTime();
  const resume = state?.syncedUntil ? state.syncedUntil.getTime() - RESYNC_MINUTES * MIN : null;
  let from = Math.max(resume ?? depth, depth, end - MAX_BACKFILL_DAYS * 1440 * MIN);
  const fresh = Math.max(state?.syncedUntil?.getTime() ?? from, from);
  let appended = 0;
  const resets: CounterReset[] = [];
  const warnings: string[] = [];
  try {
    while (from < end) {
      const to = Math.min(end, from + CHUNK_MINUTES * MIN);
      const seconds = (to - from) / 1000 + LOOKBACK_SECONDS;
      const counterQuery = queries.badQuery ?? queries.goodQuery;
      const [counter, total] = await Promise.all([
        rawSamples(ds, counterQuery, to / 1000, seconds),
        rawSamples(ds, queries.totalQuery, to / 1000, seconds),
      ]);
      const field = queries.badQuery ? 'badQuery' : 'goodQuery';
      const mixed = mixedMetricsProblem(counter, field) ?? mixedMetricsProblem(total, 'totalQuery');
      if (mixed) throw new PrometheusError(mixed);
      const c = rawMinuteIncreases(counter, from, to);
      const t = rawMinuteIncreases(total, from, to);
      resets.push(...c.resets, ...t.resets);
      if (counter.length === 0 && total.length > 0 && !queries.badQuery)
        warnings.push('goodQuery matched no series: minutes count as all bad');
      // The last chunk stops at the newest sample's minute: later minutes are not complete yet,
      // and the SLO is evaluated where its data ends. A counter silent for longer than the
      // lookback is gone (or the whole job is down): the sync moves on to the clock.
      const newest = Math.max(...total.map((s) => (s.values.at(-1)?.[0] ?? 0) * 1000));
      const until =
        to === end && newest >= to - LOOKBACK_SECONDS * 1000
          ? Math.min(to, Math.floor(newest / MIN) * MIN)
          : to;
      const samples: SampleInput[] = [];
      for (const [minute, totalInc] of t.increases) {
        if (total.length === 0 || minute >= until) continue;
        const tot = Math.max(0, totalInc);
        const counted = Math.max(0, c.increases.get(minute) ?? 0);
        const good = queries.badQuery ? tot - counted : counted;
        samples.push({ minute, total: tot, good: Math.min(tot, Math.max(0, good)) });
      }
      await db.transaction(async (tx) => {
        await ingestSamples(tx, slo.id, samples);
        await saveState(tx, slo.id, { syncedUntil: new Date(until) });
      });
      appended += samples.filter((s) => s.minute >= fresh).length;
      from = to;
    }
    const resetWarnings = mergeResetWarnings(state?.lastWarning, resets, depth);
    const all = [...new Set(warnings), ...resetWarnings];
    await saveState(db, slo.id, {
      lastSuccessAt: now,
      lastError: null,
      lastWarning: all.length ? all.join('; ') : null,
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
