// Display formats for toil numbers, shared by pages, tables and charts.
import { formatPercent } from '@/lib/slo/format';

/** 0.3421 → "34.2%"; null → "—". */
export function formatShare(fraction: number | null, decimals = 1): string {
  return formatPercent(fraction, decimals);
}

/** 4900 minutes → "81.7 h" (whole hours from 100 h up). */
export function formatHours(minutes: number): string {
  const hours = minutes / 60;
  return `${hours >= 100 ? Math.round(hours).toLocaleString('en-US') : hours.toFixed(1)} h`;
}

/** Payback in months: "0.6 mo", "12 mo", "never" when it saves nothing. */
export function formatPayback(months: number | null): string {
  if (months === null) return 'never';
  return `${months >= 10 ? Math.round(months) : months.toFixed(1)} mo`;
}

const dayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const monthFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' });

/** '2024-01-22' → 'Jan 22'; '2024-01' → 'Jan 2024'. */
export function periodLabel(key: string): string {
  return key.length === 7
    ? monthFormat.format(new Date(`${key}-01T00:00:00Z`))
    : dayFormat.format(new Date(`${key}T00:00:00Z`));
}
