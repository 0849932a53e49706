// Corrections (maintenance windows) are removed from every computation (SPEC 2).

import { MINUTE_MS } from '@/lib/format';
import type { TimeRange } from './windows';

/** Sorted, non-overlapping ranges; touching ranges join and empty or inverted ones drop out. */
export function mergeIntervals(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges
    .filter((r) => r.end.getTime() > r.start.getTime())
    .map((r) => ({ start: r.start.getTime(), end: r.end.getTime() }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged.map((r) => ({ start: new Date(r.start), end: new Date(r.end) }));
}

/** Count of sample minutes m (minute-aligned) with start ≤ m < end. */
function sampleMinutesIn(startMs: number, endMs: number): number {
  return Math.max(0, Math.ceil(endMs / MINUTE_MS) - Math.ceil(startMs / MINUTE_MS));
}

/**
 * Corrected minutes inside [windowStart, windowEnd): ranges are clipped to
 * the window and overlaps count once. It counts the per-minute samples a
 * correction removes (minute m is out when start ≤ m < end), so a correction
 * covering the whole window gives exactly the window's minutes.
 */
export function overlapMinutes(ranges: readonly TimeRange[], windowStart: Date, windowEnd: Date): number {
  const from = windowStart.getTime();
  const to = windowEnd.getTime();
  let minutes = 0;
  for (const range of mergeIntervals(ranges)) {
    minutes += sampleMinutesIn(Math.max(from, range.start.getTime()), Math.min(to, range.end.getTime()));
  }
  return minutes;
}
