// SLO windows (SPEC 2): rolling = [now − W, now); calendar = [period start, now)
// for the current period, the whole period for a closed one. Calendar periods
// start at local midnight in the SLO's timezone, so their length follows DST
// (a Europe/Berlin March is 743 h). Offsets come from Intl, no tz library.

import { DAY_MS, MINUTE_MS } from '@/lib/format';
import type { CalendarUnit, SloWindow } from './definition';

export type TimeRange = { start: Date; end: Date };
export type CurrentWindow = TimeRange & { fullLengthMinutes: number };

type LocalDate = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** True when Intl knows the IANA timezone name (for form validation). */
export function isValidTimeZone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of `instantMs` in `timezone`, as if that wall clock were UTC. */
function wallClockAsUtc(instantMs: number, timezone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
}

/** UTC offset of `timezone` at an instant, in ms (Berlin in summer: +7 200 000). */
export function zoneOffsetMs(instantMs: number, timezone: string): number {
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wallClockAsUtc(wholeSecond, timezone) - wholeSecond;
}

function localDateOf(instantMs: number, timezone: string): LocalDate {
  const wall = new Date(wallClockAsUtc(instantMs, timezone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** Normalises overflowing fields (month 13, day 0, ...) through Date.UTC. */
function normalise(year: number, month: number, day: number): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The first instant of a local date in `timezone`. Each offset seen within a
 * day either side is tried; the earliest candidate that falls on the date wins,
 * which is local midnight, or the end of the gap where midnight is skipped.
 */
function startOfLocalDate(date: LocalDate, timezone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  let best = Number.POSITIVE_INFINITY;
  for (const probe of [wall - DAY_MS, wall, wall + DAY_MS]) {
    const candidate = wall - zoneOffsetMs(probe, timezone);
    const local = localDateOf(candidate, timezone);
    const sameDay = local.year === date.year && local.month === date.month && local.day === date.day;
    if (sameDay && candidate < best) best = candidate;
  }
  return new Date(best);
}

function periodStartDate(local: LocalDate, unit: CalendarUnit): LocalDate {
  if (unit === 'month') return { year: local.year, month: local.month, day: 1 };
  if (unit === 'quarter')
    return { year: local.year, month: Math.floor((local.month - 1) / 3) * 3 + 1, day: 1 };
  // ISO week: Monday is day 0.
  const weekday = (new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7;
  return normalise(local.year, local.month, local.day - weekday);
}

function nextPeriodStartDate(start: LocalDate, unit: CalendarUnit): LocalDate {
  if (unit === 'month') return normalise(start.year, start.month + 1, 1);
  if (unit === 'quarter') return normalise(start.year, start.month + 3, 1);
  return normalise(start.year, start.month, start.day + 7);
}

/** The instant the week / month / quarter containing `at` began in `timezone`. */
export function startOfPeriodInZone(at: Date, unit: CalendarUnit, timezone: string): Date {
  return startOfLocalDate(periodStartDate(localDateOf(at.getTime(), timezone), unit), timezone);
}

function calendarBounds(at: Date, unit: CalendarUnit, timezone: string): TimeRange {
  const startDate = periodStartDate(localDateOf(at.getTime(), timezone), unit);
  return {
    start: startOfLocalDate(startDate, timezone),
    end: startOfLocalDate(nextPeriodStartDate(startDate, unit), timezone),
  };
}

function minutesBetween(start: Date, end: Date): number {
  return (end.getTime() - start.getTime()) / MINUTE_MS;
}

/**
 * The whole period containing `at` (for closed periods, e.g. reports). A
 * rolling window has no fixed periods: it gives the W days ending at `at`.
 */
export function calendarPeriod(window: SloWindow, at: Date): TimeRange {
  if (window.type === 'rolling') {
    return { start: new Date(at.getTime() - window.days * DAY_MS), end: new Date(at.getTime()) };
  }
  return calendarBounds(at, window.unit, window.timezone);
}

/** W in minutes: days × 1440, or the full length of the calendar period containing `at`. */
export function windowLengthMinutes(window: SloWindow, at: Date): number {
  if (window.type === 'rolling') return window.days * 1440;
  const { start, end } = calendarBounds(at, window.unit, window.timezone);
  return minutesBetween(start, end);
}

/** The window as of `now`; a calendar budget is sized on the whole period (SPEC 2). */
export function currentWindow(window: SloWindow, now: Date): CurrentWindow {
  const period = calendarPeriod(window, now);
  return {
    start: period.start,
    end: new Date(now.getTime()),
    fullLengthMinutes: minutesBetween(period.start, period.end),
  };
}

/** [start, end) of the calendar month `YYYY-MM` in `timezone`, for the monthly report. */
export function monthRange(yyyyMm: string, timezone = 'UTC'): TimeRange {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(yyyyMm);
  if (!match) throw new RangeError(`Invalid month "${yyyyMm}": expected YYYY-MM`);
  const start: LocalDate = { year: Number(match[1]), month: Number(match[2]), day: 1 };
  return {
    start: startOfLocalDate(start, timezone),
    end: startOfLocalDate(nextPeriodStartDate(start, 'month'), timezone),
  };
}
