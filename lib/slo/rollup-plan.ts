// How a sum of SLI minutes over [a, b) is read from storage. Every raw minute row
// carries the running sums of its UTC day up to and including it, so with
// C(x) = running sum of x's day just before x (the last minute row < x that day)
// and D(d) = the daily rollup of day d:
//
//   Σ [a, b) = Σ D over [day(a), day(b)) − C(a) + C(b)
//
// A 30-day window is therefore two index lookups and ~30 daily rows, and every
// range that ends at the same instant shares the C(b) lookup.

import { DAY_MS, MINUTE_MS } from '@/lib/format';

/** One term of a range's sum: a prefix lookup C(at) or a run of whole days [from, to). */
export type PlanTerm =
  | { kind: 'prefix'; sign: 1 | -1; at: number }
  | { kind: 'days'; sign: 1 | -1; from: number; to: number };

const floorTo = (t: number, step: number) => Math.floor(t / step) * step;
const ceilTo = (t: number, step: number) => Math.ceil(t / step) * step;

export interface PlanVisitor {
  /** + sign × the daily rollups of [from, to) (UTC midnights, ms). */
  days(from: number, to: number, sign: 1 | -1): void;
  /** + sign × C(at): the running day sum just before `at` (ms, minute-aligned). */
  prefix(at: number, sign: 1 | -1): void;
}

/**
 * Visits the terms of Σ [start, end) (ms, minute-aligned up); none for an empty or inverted
 * range. Allocation-free: the status of 1,000 SLOs plans 15,000 ranges at once.
 */
export function visitRange(start: number, end: number, sign: 1 | -1, visit: PlanVisitor): void {
  const a = ceilTo(start, MINUTE_MS);
  const b = ceilTo(end, MINUTE_MS);
  if (b <= a) return;
  const da = floorTo(a, DAY_MS);
  const db = floorTo(b, DAY_MS);
  if (db > da) visit.days(da, db, sign);
  // C(x) is 0 at midnight: no lookup needed.
  if (a > da) visit.prefix(a, -sign as 1 | -1);
  if (b > db) visit.prefix(b, sign);
}

/** Minute-aligned: samples are keyed by the start of their minute. */
export function floorMinute(d: Date): Date {
  return new Date(floorTo(d.getTime(), MINUTE_MS));
}
