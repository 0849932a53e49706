// Calendar arithmetic for toil reports (SPEC 1.4). Toil dates are calendar
// dates ('YYYY-MM-DD'), so everything here works on UTC midnights and never
// on the server's time zone. Weeks are ISO weeks, starting on Monday.

import { DAY_MS } from '@/lib/format';
import { monthKey, weekStart } from './aggregates';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DateRange {
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
}

export interface Period {
  /** Monday 'YYYY-MM-DD' for a week, 'YYYY-MM' for a month. */
  key: string;
  /** First and last day of the whole period. */
  start: string;
  end: string;
}

export function toDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A real calendar date in YYYY-MM-DD form (rejects 2023-02-29). */
export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = toDay(text);
  return !Number.isNaN(date.getTime()) && isoDay(date) === text;
}

export function addDays(date: string, days: number): string {
  return isoDay(new Date(toDay(date).getTime() + days * DAY_MS));
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInclusive(range: DateRange): number {
  return Math.max(0, Math.round((toDay(range.to).getTime() - toDay(range.from).getTime()) / DAY_MS) + 1);
}

export function weekKey(date: string): string {
  return isoDay(weekStart(toDay(date)));
}

export function monthOf(date: string): string {
  return monthKey(toDay(date));
}

/** The ISO weeks the range touches, oldest first. */
export function weeksOf(range: DateRange): Period[] {
  const weeks: Period[] = [];
  for (let start = weekKey(range.from); start <= range.to; start = addDays(start, 7)) {
    weeks.push({ key: start, start, end: addDays(start, 6) });
  }
  return weeks;
}

/** The calendar months the range touches, oldest first. */
export function monthsOf(range: DateRange): Period[] {
  const months: Period[] = [];
  let start = `${monthOf(range.from)}-01`;
  while (start <= range.to) {
    const date = toDay(start);
    const next = isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
    months.push({ key: start.slice(0, 7), start, end: addDays(next, -1) });
    start = next;
  }
  return months;
}

/** How many days of `period` fall inside `range`. */
export function overlapDays(period: Period, range: DateRange): number {
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text, Math.max would not
  const from = period.start > range.from ? period.start : range.from;
  // biome-ignore lint/complexity/useMathMinMax: as above
  const to = period.end < range.to ? period.end : range.to;
  return daysInclusive({ from, to });
}

/** The default report range: the last `weeks` ISO weeks, the current one included, up to today. */
export function defaultRange(today: string, weeks = 8): DateRange {
  return { from: addDays(weekKey(today), -7 * (weeks - 1)), to: today };
}

/**
 * A report range from URL text: each bound must be a calendar date, the end
 * is clamped to today (capacity is only counted for days that happened) and
 * the range is at most `maxDays` long. Anything else falls back to the default.
 */
export function parseRange(
  from: string | undefined,
  to: string | undefined,
  today: string,
  maxDays = 731,
): DateRange {
  const fallback = defaultRange(today);
  const end = to && isCalendarDate(to) ? (to > today ? today : to) : fallback.to;
  const start = from && isCalendarDate(from) ? from : fallback.from;
  if (start > end) return fallback;
  if (daysInclusive({ from: start, to: end }) > maxDays)
    return { from: addDays(end, -(maxDays - 1)), to: end };
  return { from: start, to: end };
}
