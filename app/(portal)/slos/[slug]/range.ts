// The detail page's time-range picker: the whole window, or a recent slice of it.
export const RANGES = [
  { value: 'window', label: 'Window' },
  { value: '7d', label: '7 days', minutes: 7 * 1440 },
  { value: '24h', label: '24 hours', minutes: 1440 },
  { value: '6h', label: '6 hours', minutes: 360 },
] as const;

export type RangeValue = (typeof RANGES)[number]['value'];

export function rangeBounds(
  value: string | undefined,
  windowStart: Date,
  windowEnd: Date,
): { from: Date; to: Date; value: RangeValue } {
  const found = RANGES.find((r) => r.value === value);
  if (!found || !('minutes' in found)) return { from: windowStart, to: windowEnd, value: 'window' };
  const from = new Date(Math.max(windowStart.getTime(), windowEnd.getTime() - found.minutes * 60_000));
  return { from, to: windowEnd, value: found.value };
}
