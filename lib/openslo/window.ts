// spec.timeWindow → the portal's rolling (whole days 1–90) or calendar (1w, 1M, 1Q) window.
import type { CalendarUnit } from '@/lib/slo/definition';
import { asMap, asString, type Problems, quote, type YamlMap } from './types';

export type DurationUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';
export interface Duration {
  count: number;
  unit: DurationUnit;
}

/** OpenSLO duration shorthand: a positive integer and a case-sensitive unit (m = minutes, M = months). */
export function parseDuration(v: unknown): Duration | null {
  const m = /^([1-9][0-9]{0,6})([mhdwMQY])$/.exec(typeof v === 'string' ? v.trim() : '');
  return m ? { count: Number(m[1]), unit: m[2] as DurationUnit } : null;
}

const UNIT_NAMES: Record<DurationUnit, string> = {
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  M: 'month',
  Q: 'quarter',
  Y: 'year',
};
const MINUTES: Partial<Record<DurationUnit, number>> = { m: 1, h: 60, d: 1440, w: 10080 };
const CALENDAR: Partial<Record<DurationUnit, CalendarUnit>> = { w: 'week', M: 'month', Q: 'quarter' };

const spell = (d: Duration) =>
  `${d.count}${d.unit} is ${d.count} ${UNIT_NAMES[d.unit]}${d.count > 1 ? 's' : ''}`;

export interface WindowFields {
  windowType: 'rolling' | 'calendar';
  windowDays: number | null;
  calendarUnit: CalendarUnit | null;
  timezone: string;
}

export const WINDOW = 'spec.timeWindow[0]';

/** Maps spec.timeWindow; every problem goes to `p`, the fields are best effort. */
export function mapTimeWindow(spec: YamlMap, p: Problems): WindowFields {
  const out: WindowFields = { windowType: 'rolling', windowDays: null, calendarUnit: null, timezone: 'UTC' };
  const list = spec.timeWindow;
  if (!Array.isArray(list) || list.length !== 1) {
    p.error(
      'spec.timeWindow',
      Array.isArray(list)
        ? `The portal keeps one window per SLO: give exactly one time window (got ${list.length})`
        : 'Required: a list with one time window, e.g. [{duration: 28d, isRolling: true}]',
    );
    return out;
  }
  const tw = asMap(list[0]);
  if (!tw) {
    p.error(WINDOW, 'A time window is a mapping with duration and isRolling');
    return out;
  }
  const calendar = asMap(tw.calendar);
  if (tw.isRolling !== undefined && typeof tw.isRolling !== 'boolean')
    p.error(`${WINDOW}.isRolling`, `true or false (got ${quote(tw.isRolling)})`);
  // OpenSLO: isRolling defaults to false when a calendar is given.
  const rolling = typeof tw.isRolling === 'boolean' ? tw.isRolling : !calendar;
  const duration = parseDuration(tw.duration);
  if (!duration) {
    p.error(
      `${WINDOW}.duration`,
      tw.duration === undefined
        ? 'Required: a duration shorthand such as 28d (rolling) or 1M (calendar)'
        : `${quote(tw.duration)} is not a duration shorthand: a whole number and m (minutes), h, d, w, M (months), Q or Y, e.g. 28d`,
    );
  }
  if (rolling) {
    if (calendar) p.warn(`${WINDOW}.calendar is ignored: the window is rolling (isRolling: true)`);
    if (duration) out.windowDays = rollingDays(duration, p);
    return out;
  }
  out.windowType = 'calendar';
  if (duration) out.calendarUnit = calendarUnit(duration, p);
  const zone = asString(calendar?.timeZone);
  if (zone === null) {
    if (calendar?.timeZone !== undefined)
      p.error(`${WINDOW}.calendar.timeZone`, 'An IANA time zone name such as Europe/Berlin');
    else p.warn('No calendar.timeZone: periods start at 00:00 UTC');
  } else out.timezone = zone;
  if (calendar?.startTime !== undefined && out.calendarUnit)
    checkStartTime(calendar.startTime, out.calendarUnit, out.timezone, p);
  return out;
}

function rollingDays(d: Duration, p: Problems): number | null {
  const field = `${WINDOW}.duration`;
  const perUnit = MINUTES[d.unit];
  if (perUnit === undefined) {
    const suggestion = d.unit === 'M' ? `${30 * d.count}d` : d.unit === 'Q' ? '90d' : null;
    p.error(
      field,
      suggestion && d.count * (d.unit === 'M' ? 30 : 90) <= 90
        ? `A rolling ${spell(d)}, which is not a whole number of days (months and quarters vary in length): use ${suggestion}`
        : `A rolling window is a whole number of days from 1 to 90: ${spell(d)}`,
    );
    return null;
  }
  const days = (d.count * perUnit) / 1440;
  if (!Number.isInteger(days)) {
    p.error(
      field,
      `A rolling window is a whole number of days from 1 to 90: ${spell(d)}${d.unit === 'm' ? ' (m = minutes, M = months)' : ''}`,
    );
    return null;
  }
  if (days > 90) {
    p.error(field, `A rolling window is at most 90 days: ${spell(d)} = ${days} days`);
    return null;
  }
  return days;
}

function calendarUnit(d: Duration, p: Problems): CalendarUnit | null {
  const unit = CALENDAR[d.unit];
  if (unit && d.count === 1) return unit;
  const field = `${WINDOW}.duration`;
  if (d.unit === 'm') {
    p.error(
      field,
      `${spell(d)} (m = minutes, M = months): a calendar window is one week, month or quarter (1w, 1M or 1Q); for a calendar month write 1M`,
    );
  } else if (d.unit === 'Y') {
    p.error(field, 'Calendar years are not supported: a calendar window is 1w, 1M or 1Q');
  } else if (unit) {
    p.error(field, `A calendar window is exactly one week, month or quarter (1w, 1M or 1Q): ${spell(d)}`);
  } else {
    p.error(
      field,
      `A calendar window is a week, month or quarter (1w, 1M or 1Q), not ${d.count}${d.unit}; for a window of days use isRolling: true`,
    );
  }
  return null;
}

const PERIOD_START: Record<CalendarUnit, string> = {
  week: 'weeks start on Monday',
  month: 'months start on the 1st',
  quarter: 'quarters start on the 1st of January, April, July and October',
};

/** The portal's periods are fixed; a startTime on a period boundary says the same, any other is ignored. */
function checkStartTime(value: unknown, unit: CalendarUnit, timezone: string, p: Problems) {
  const text = value instanceof Date ? value.toISOString() : String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (m && isPeriodStart(Number(m[1]), Number(m[2]), Number(m[3]), unit)) {
    if (`${m[4] ?? '00'}${m[5] ?? '00'}${m[6] ?? '00'}` === '000000') return;
  }
  p.warn(
    `${WINDOW}.calendar.startTime ${quote(text)} is ignored: calendar ${PERIOD_START[unit]} at 00:00 in ${timezone}`,
  );
}

function isPeriodStart(year: number, month: number, day: number, unit: CalendarUnit): boolean {
  if (unit === 'week') return new Date(Date.UTC(year, month - 1, day)).getUTCDay() === 1;
  if (unit === 'month') return day === 1;
  return day === 1 && [1, 4, 7, 10].includes(month);
}
