'use client';

import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/lib/format';

/** Rounds a raw step up to 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const base = 10 ** Math.floor(Math.log10(raw));
  const f = raw / base;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * base;
}

/** How many decimals are needed to print multiples of `step` exactly (at most 4). */
export function decimalsFor(step: number): number {
  for (let d = 0; d < 4; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(Math.round(scaled) - scaled) < 1e-6) return d;
  }
  return 4;
}

/** Multiples of `step` within [min, max], rounded to avoid floating-point drift. */
export function linearTicks(min: number, max: number, step: number): number[] {
  const decimals = decimalsFor(step);
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-6; v += step) {
    ticks.push(Number(v.toFixed(decimals)));
  }
  return ticks;
}

const TIME_STEPS = [
  MINUTE_MS,
  5 * MINUTE_MS,
  10 * MINUTE_MS,
  15 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
  14 * DAY_MS,
  30 * DAY_MS,
  90 * DAY_MS,
];

/** Roughly `count` time ticks aligned to round UTC instants (hours, midnights). */
export function timeTicks(min: number, max: number, count = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max <= min) return [min];
  const span = max - min;
  const step = TIME_STEPS.find((s) => span / s <= count) ?? niceStep(span / count / DAY_MS) * DAY_MS;
  return linearTicks(min, max, step);
}
