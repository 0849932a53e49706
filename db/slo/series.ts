import type { Executor } from '@/db/client';
import { alertWindowMinutes, alertWindows } from '@/lib/slo/alerts';
import { consumedUnits, type SliAggregate } from '@/lib/slo/budget';
import type { BudgetingMethod } from '@/lib/slo/definition';
import {
  type BurndownPoint,
  burnChartInstants,
  chartBucketMs,
  chartBuckets,
  type SliPoint,
  sliAndBurndown,
  type TierBurnPoint,
  tierBurnSeries,
} from '@/lib/slo/series';
import { aggregateKey, aggregateRanges, type RangeRequest } from './sli-sums';
import type { SloStatusView } from './status';

export interface SloSeries {
  bucketMs: number;
  sli: SliPoint[];
  burndown: BurndownPoint[];
  /** The burn each alert tier evaluates over time (keys t1…t4), against the tier's factor. */
  tierBurn: TierBurnPoint[];
}

/**
 * Chart series of one SLO over [from, to) (default: its window). SQL sums the
 * buckets and alert windows (corrections excluded, as for the tiles); lib/slo
 * turns them into the SLI, the burndown and the per-tier burn.
 */
export async function sloSeries(
  db: Executor,
  view: SloStatusView,
  from = view.range.start,
  to = view.range.end,
): Promise<SloSeries> {
  const sloId = view.slo.id;
  const exclude = view.corrections;
  const bucketMs = chartBucketMs(to.getTime() - from.getTime());
  const buckets = chartBuckets(from, to, bucketMs);
  const instants = burnChartInstants(from, to);
  const windows = alertWindowMinutes(view.alertWindowDays);
  const requests: RangeRequest[] = buckets.map((b) => ({
    sloId,
    key: b.key,
    start: b.start,
    end: b.end,
    exclude,
  }));
  // Consumption before `from` (when zoomed into part of the window) still counts against the budget.
  if (from.getTime() > view.range.start.getTime()) {
    requests.push({ sloId, key: 'pre', start: view.range.start, end: from, exclude });
  }
  for (const [i, t] of instants.entries()) {
    for (const m of windows) {
      requests.push({ sloId, key: `i${i}-${m}`, start: new Date(t - m * 60_000), end: new Date(t), exclude });
    }
  }
  const aggregates = await aggregateRanges(db, requests);
  const method = view.slo.budgetingMethod as BudgetingMethod;
  const get = (key: string) => aggregates.get(aggregateKey(sloId, key));
  const pre = get('pre');
  const { sli, burndown } = sliAndBurndown({
    method,
    budgetTotal: view.budget.budgetTotal,
    windowStart: view.range.start,
    windowMinutes: view.range.fullLengthMinutes,
    consumedBefore: pre ? consumedUnits(method, pre) : 0,
    buckets: buckets.map((b) => ({ start: b.start, end: b.end, agg: get(b.key) })),
  });
  const tierBurn = tierBurnSeries(
    alertWindows(view.alertWindowDays),
    method,
    view.slo.target,
    instants.map((t, i) => {
      const w: Record<number, SliAggregate | undefined> = {};
      for (const m of windows) w[m] = get(`i${i}-${m}`);
      return { t, windows: w };
    }),
  );
  return { bucketMs, sli, burndown, tierBurn };
}
