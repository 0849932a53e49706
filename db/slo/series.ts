import type { Executor } from '@/db/client';
import { budgetFraction, errorRatioOf, type SliAggregate } from '@/lib/slo/budget';
import type { BudgetingMethod } from '@/lib/slo/definition';
import { aggregateKey, aggregateRanges } from './sli-sums';
import type { SloStatusView } from './status';

const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface SloSeries {
  bucketMs: number;
  sli: { t: number; attainment: number | null }[];
  burndown: { t: number; remaining: number | null; ideal: number }[];
  burn: { t: number; burn: number | null }[];
}

/** Bad units of a bucket as the budget counts them: events, bad minutes, or Σ(1 − ratio). */
function consumed(method: BudgetingMethod, a: SliAggregate): number {
  if (method === 'occurrences') return a.total - a.good;
  if (method === 'timeslices') return a.badMinutes;
  return Math.max(0, a.minutesWithData - a.ratioSum);
}

/**
 * Chart series of one SLO over [from, to) (default: its window): SLI per bucket,
 * the error-budget burndown against the ideal linear burn, and the burn rate per
 * bucket. Buckets come from the same aggregate query as the tiles, corrections
 * excluded, so the burndown's last point equals the "budget remaining" tile.
 */
export async function sloSeries(
  db: Executor,
  view: SloStatusView,
  from = view.range.start,
  to = view.range.end,
): Promise<SloSeries> {
  const span = to.getTime() - from.getTime();
  // The coarsest bucket that still gives ≤ 250 points: a chart has no more pixels than that to spend.
  const bucketMs =
    [5 * 60_000, 15 * 60_000, HOUR, 3 * HOUR, 6 * HOUR, DAY].find((b) => span / b <= 250) ?? DAY;
  const first = Math.floor(from.getTime() / bucketMs) * bucketMs;
  const requests = [];
  for (let t = first, i = 0; t < to.getTime(); t += bucketMs, i++) {
    requests.push({
      sloId: view.slo.id,
      key: `b${i}`,
      start: new Date(Math.max(t, from.getTime())),
      end: new Date(Math.min(t + bucketMs, to.getTime())),
      exclude: view.corrections,
    });
  }
  const aggregates = await aggregateRanges(db, requests);
  const method = view.slo.budgetingMethod as BudgetingMethod;
  const B = budgetFraction(view.slo.target);
  const budgetTotal = view.budget.budgetTotal;
  const windowStart = view.range.start.getTime();
  const windowLength = view.range.fullLengthMinutes * 60_000;

  // Consumption before `from` (when zoomed into part of the window) still counts against the budget.
  let spent = 0;
  if (from.getTime() > windowStart) {
    const before = await aggregateRanges(db, [
      { sloId: view.slo.id, key: 'pre', start: view.range.start, end: from, exclude: view.corrections },
    ]);
    const pre = before.get(aggregateKey(view.slo.id, 'pre'));
    if (pre) spent = consumed(method, pre);
  }
  const sli: SloSeries['sli'] = [];
  const burndown: SloSeries['burndown'] = [];
  const burn: SloSeries['burn'] = [];
  for (const r of requests) {
    const a = aggregates.get(aggregateKey(view.slo.id, r.key));
    const t = r.start.getTime();
    const e = a ? errorRatioOf(method, a) : null;
    sli.push({ t, attainment: e === null ? null : 1 - e });
    burn.push({ t, burn: e === null || B <= 0 ? null : e / B });
    if (a) spent += consumed(method, a);
    const end = r.end.getTime();
    burndown.push({
      t: end,
      remaining: budgetTotal > 0 ? 1 - spent / budgetTotal : null,
      ideal: Math.max(0, 1 - (end - windowStart) / windowLength),
    });
  }
  return { bucketMs, sli, burndown, burn };
}
