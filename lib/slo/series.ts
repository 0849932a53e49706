// Chart series of one SLO (SPEC 1.2 detail page): SLI per bucket, the
// error-budget burndown against the ideal line, and the burn each alert tier
// evaluates over time. SQL sums the buckets and windows; these are the formulas.

import type { ScaledAlertTier } from './alerts';
import { tierBurn } from './alerts';
import { consumedUnits, errorRatioOf, type SliAggregate } from './budget';
import { burnOfAggregate } from './burn';
import type { BudgetingMethod } from './definition';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const BUCKETS = [5 * MINUTE, 15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, DAY];

/** The finest bucket that still gives at most `maxPoints` points (a chart has no more pixels to spend). */
export function chartBucketMs(spanMs: number, maxPoints = 250): number {
  return BUCKETS.find((b) => spanMs / b <= maxPoints) ?? DAY;
}

export type Bucket = { key: string; start: Date; end: Date };

/** Aligned buckets covering [from, to); the first and last are cut to the range. */
export function chartBuckets(from: Date, to: Date, bucketMs: number, prefix = 'b'): Bucket[] {
  const out: Bucket[] = [];
  const first = Math.floor(from.getTime() / bucketMs) * bucketMs;
  for (let t = first, i = 0; t < to.getTime(); t += bucketMs, i++) {
    out.push({
      key: `${prefix}${i}`,
      start: new Date(Math.max(t, from.getTime())),
      end: new Date(Math.min(t + bucketMs, to.getTime())),
    });
  }
  return out;
}

export type SliPoint = { t: number; attainment: number | null };
export type BurndownPoint = { t: number; remaining: number | null; ideal: number };

export type SliBurndownArgs = {
  method: BudgetingMethod;
  /** The window's budget in its unit (BudgetSummary.budgetTotal). */
  budgetTotal: number;
  windowStart: Date;
  windowMinutes: number;
  /** Budget units consumed in the window before the first bucket (a zoomed-in range). */
  consumedBefore: number;
  buckets: { start: Date; end: Date; agg: SliAggregate | undefined }[];
};

/**
 * SLI per bucket and the burndown: the remaining fraction after each bucket,
 * so the last point equals the "budget remaining" tile (same consumedUnits).
 */
export function sliAndBurndown(args: SliBurndownArgs): { sli: SliPoint[]; burndown: BurndownPoint[] } {
  const { method, budgetTotal, windowStart, windowMinutes, buckets } = args;
  const sli: SliPoint[] = [];
  const burndown: BurndownPoint[] = [];
  let spent = args.consumedBefore;
  for (const b of buckets) {
    const e = b.agg ? errorRatioOf(method, b.agg) : null;
    sli.push({ t: b.start.getTime(), attainment: e === null ? null : 1 - e });
    if (b.agg) spent += consumedUnits(method, b.agg);
    const end = b.end.getTime();
    burndown.push({
      t: end,
      remaining: budgetTotal > 0 ? 1 - spent / budgetTotal : null,
      ideal: Math.max(0, 1 - (end - windowStart.getTime()) / (windowMinutes * MINUTE)),
    });
  }
  return { sli, burndown };
}

/** One point of the burn-rate chart: the burn each tier evaluates at `t`, keyed `t1`…`t4`. */
export type TierBurnPoint = { t: number } & Partial<Record<`t${number}`, number | null>>;

/**
 * The burn each alert tier evaluates at each instant: the lower of its long
 * and short windows' burns, both ending at `t` (Pyrra's per-alert view). It
 * crosses the tier's factor exactly when the tier fires (minimum events aside).
 */
export function tierBurnSeries(
  tiers: readonly ScaledAlertTier[],
  method: BudgetingMethod,
  target: number,
  points: { t: number; windows: Record<number, SliAggregate | undefined> }[],
): TierBurnPoint[] {
  return points.map((p) => {
    const row: TierBurnPoint = { t: p.t };
    for (const tier of tiers) {
      row[`t${tier.tier}`] = tierBurn(
        burnOfAggregate(method, target, p.windows[tier.longMinutes]),
        burnOfAggregate(method, target, p.windows[tier.shortMinutes]),
      );
    }
    return row;
  });
}

/**
 * Instants for the burn-rate chart: multiples of a round step within (from, to]
 * (whole hours once the step reaches an hour, so windows read hourly rollups),
 * plus `to` itself; at most about `maxPoints`.
 */
export function burnChartInstants(from: Date, to: Date, maxPoints = 96): number[] {
  const span = to.getTime() - from.getTime();
  if (span <= 0) return [to.getTime()];
  const raw = Math.max(MINUTE, Math.ceil(span / maxPoints / MINUTE) * MINUTE);
  const step = raw >= HOUR ? Math.ceil(raw / HOUR) * HOUR : raw;
  const out: number[] = [];
  for (let t = Math.floor(from.getTime() / step) * step + step; t < to.getTime(); t += step) out.push(t);
  out.push(to.getTime());
  return out;
}
