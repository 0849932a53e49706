// Splits a time range into the cheapest rollup levels that cover it exactly:
// whole UTC days from the daily rollup, whole hours from the hourly rollup,
// and the ragged minute edges from the raw samples. A 30-day window therefore
// reads ~30 daily rows, ≤ 46 hourly rows and ≤ 118 minutes, not 43,200 minutes.

import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/lib/format';

export type RollupLevel = 'minute' | 'hour' | 'day';
export interface RangePart {
  level: RollupLevel;
  start: Date;
  end: Date;
}

const floorTo = (t: number, step: number) => Math.floor(t / step) * step;
const ceilTo = (t: number, step: number) => Math.ceil(t / step) * step;

/** Exact cover of [start, end) (minute-aligned) by day, hour and minute parts. */
export function planRange(start: Date, end: Date): RangePart[] {
  const s = ceilTo(start.getTime(), MINUTE_MS);
  const e = ceilTo(end.getTime(), MINUTE_MS);
  if (e <= s) return [];
  const parts: RangePart[] = [];
  const push = (level: RollupLevel, a: number, b: number) => {
    if (b > a) parts.push({ level, start: new Date(a), end: new Date(b) });
  };
  const h1 = ceilTo(s, HOUR_MS);
  const h2 = floorTo(e, HOUR_MS);
  if (h1 >= h2) {
    push('minute', s, e);
    return parts;
  }
  push('minute', s, h1);
  const d1 = ceilTo(h1, DAY_MS);
  const d2 = floorTo(h2, DAY_MS);
  if (d1 >= d2) {
    push('hour', h1, h2);
  } else {
    push('hour', h1, d1);
    push('day', d1, d2);
    push('hour', d2, h2);
  }
  push('minute', h2, e);
  return parts;
}

/** Minute-aligned: samples are keyed by the start of their minute. */
export function floorMinute(d: Date): Date {
  return new Date(floorTo(d.getTime(), MINUTE_MS));
}
