// Wording of the capacity numbers, shared by the pages (SPEC 1.5).
import { EXHAUSTION_HORIZON_DAYS } from './plan';

const numberFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const dateFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});

export function formatDemand(value: number | null, unit: string): string {
  return value === null ? '—' : `${numberFmt.format(value)} ${unit}`;
}

/** "in 12 days", "now", or "not within the horizon" — never a negative count. */
export function formatDaysLeft(days: number | null): string {
  if (days === null) return `not within ${EXHAUSTION_HORIZON_DAYS} days`;
  if (days <= 0) return 'now';
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}

/** YYYY-MM-DD → "Dec 1, 2026"; null → "—". */
export function formatDay(iso: string | null): string {
  return iso ? dateFmt.format(Date.parse(iso)) : '—';
}

export function formatError(
  metric: 'mape' | 'rmse',
  mape: number | null,
  rmse: number,
  unit: string,
): string {
  return metric === 'mape' && mape !== null
    ? `${numberFmt.format(mape * 100)}% MAPE`
    : `${numberFmt.format(rmse)} ${unit} RMSE`;
}
