import { describe, expect, it } from 'vitest';
import type { SloWindow } from './definition';
import {
  calendarPeriod,
  currentWindow,
  isValidTimeZone,
  monthRange,
  startOfPeriodInZone,
  windowLengthMinutes,
} from './windows';

const month = (timezone: string): SloWindow => ({ type: 'calendar', unit: 'month', timezone });
const utc = (iso: string) => new Date(iso);

describe('rolling windows', () => {
  it('is days × 1440 minutes and ends now', () => {
    const now = utc('2024-05-10T12:34:56Z');
    expect(windowLengthMinutes({ type: 'rolling', days: 30 }, now)).toBe(43200);
    expect(windowLengthMinutes({ type: 'rolling', days: 28 }, now)).toBe(40320);
    const w = currentWindow({ type: 'rolling', days: 7 }, now);
    expect(w.start.toISOString()).toBe('2024-05-03T12:34:56.000Z');
    expect(w.end.toISOString()).toBe('2024-05-10T12:34:56.000Z');
    expect(w.fullLengthMinutes).toBe(10080);
  });
});

describe('calendar months', () => {
  it('a 31-day month in UTC is 44640 minutes', () => {
    expect(windowLengthMinutes(month('UTC'), utc('2024-01-15T00:00:00Z'))).toBe(44640);
  });

  it('February has 29 days in a leap year and 28 otherwise', () => {
    expect(windowLengthMinutes(month('UTC'), utc('2024-02-10T00:00:00Z'))).toBe(29 * 1440);
    expect(windowLengthMinutes(month('UTC'), utc('2023-02-10T00:00:00Z'))).toBe(28 * 1440);
  });

  it('Europe/Berlin March loses an hour to DST (743 h) and October gains one (745 h)', () => {
    expect(windowLengthMinutes(month('Europe/Berlin'), utc('2024-03-15T12:00:00Z'))).toBe(743 * 60);
    expect(windowLengthMinutes(month('Europe/Berlin'), utc('2024-10-15T12:00:00Z'))).toBe(745 * 60);
    expect(windowLengthMinutes(month('Europe/Berlin'), utc('2024-07-15T12:00:00Z'))).toBe(744 * 60);
  });

  it('Berlin March runs from 23:00Z the day before to 22:00Z on 31 March', () => {
    const p = calendarPeriod(month('Europe/Berlin'), utc('2024-03-31T12:00:00Z'));
    expect(p.start.toISOString()).toBe('2024-02-29T23:00:00.000Z');
    expect(p.end.toISOString()).toBe('2024-03-31T22:00:00.000Z');
  });

  it('an instant that is already next month locally belongs to next month', () => {
    // 23:30Z on 31 Oct is 00:30 on 1 Nov in Berlin (CET, +1).
    const start = startOfPeriodInZone(utc('2024-10-31T23:30:00Z'), 'month', 'Europe/Berlin');
    expect(start.toISOString()).toBe('2024-10-31T23:00:00.000Z');
  });

  it('America/New_York months start at local midnight, EST or EDT', () => {
    expect(startOfPeriodInZone(utc('2024-03-20T12:00:00Z'), 'month', 'America/New_York').toISOString()).toBe(
      '2024-03-01T05:00:00.000Z',
    );
    expect(startOfPeriodInZone(utc('2024-11-20T12:00:00Z'), 'month', 'America/New_York').toISOString()).toBe(
      '2024-11-01T04:00:00.000Z',
    );
    // 02:00Z on 1 March is still 29 Feb in New York.
    expect(startOfPeriodInZone(utc('2024-03-01T02:00:00Z'), 'month', 'America/New_York').toISOString()).toBe(
      '2024-02-01T05:00:00.000Z',
    );
  });

  it('the current calendar window runs from period start to now, budget sized on the whole month', () => {
    const now = utc('2024-03-10T08:00:00Z');
    const w = currentWindow(month('UTC'), now);
    expect(w.start.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(w.end.toISOString()).toBe('2024-03-10T08:00:00.000Z');
    expect(w.fullLengthMinutes).toBe(44640);
  });
});

describe('calendar quarters', () => {
  it('Q1 2024 has 91 days, Q3 has 92', () => {
    const q = (timezone: string): SloWindow => ({ type: 'calendar', unit: 'quarter', timezone });
    expect(windowLengthMinutes(q('UTC'), utc('2024-02-10T00:00:00Z'))).toBe(91 * 1440);
    expect(windowLengthMinutes(q('UTC'), utc('2024-08-10T00:00:00Z'))).toBe(92 * 1440);
    const p = calendarPeriod(q('UTC'), utc('2024-08-10T00:00:00Z'));
    expect(p.start.toISOString()).toBe('2024-07-01T00:00:00.000Z');
    expect(p.end.toISOString()).toBe('2024-10-01T00:00:00.000Z');
  });

  it('Q4 in Berlin gains the October hour and ends at New Year local time', () => {
    const q: SloWindow = { type: 'calendar', unit: 'quarter', timezone: 'Europe/Berlin' };
    const p = calendarPeriod(q, utc('2024-11-10T00:00:00Z'));
    expect(p.start.toISOString()).toBe('2024-09-30T22:00:00.000Z');
    expect(p.end.toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(windowLengthMinutes(q, utc('2024-11-10T00:00:00Z'))).toBe(92 * 1440 + 60);
  });
});

describe('calendar ISO weeks', () => {
  const week = (timezone: string): SloWindow => ({ type: 'calendar', unit: 'week', timezone });

  it('start on Monday', () => {
    // Wednesday 6 March 2024 → Monday 4 March.
    const p = calendarPeriod(week('UTC'), utc('2024-03-06T15:00:00Z'));
    expect(p.start.toISOString()).toBe('2024-03-04T00:00:00.000Z');
    expect(p.end.toISOString()).toBe('2024-03-11T00:00:00.000Z');
    // A Sunday still belongs to the week that began the Monday before.
    expect(startOfPeriodInZone(utc('2024-03-10T23:59:00Z'), 'week', 'UTC').toISOString()).toBe(
      '2024-03-04T00:00:00.000Z',
    );
    // A Monday starts its own week.
    expect(startOfPeriodInZone(utc('2024-03-11T00:00:00Z'), 'week', 'UTC').toISOString()).toBe(
      '2024-03-11T00:00:00.000Z',
    );
  });

  it('cross the year boundary', () => {
    // Wednesday 1 January 2025 → Monday 30 December 2024.
    expect(startOfPeriodInZone(utc('2025-01-01T12:00:00Z'), 'week', 'UTC').toISOString()).toBe(
      '2024-12-30T00:00:00.000Z',
    );
  });

  it('follow the local day: Sunday 23:30Z is already Monday in Berlin', () => {
    expect(startOfPeriodInZone(utc('2024-03-10T23:30:00Z'), 'week', 'Europe/Berlin').toISOString()).toBe(
      '2024-03-10T23:00:00.000Z',
    );
  });

  it('the week of the March DST change in Berlin is 167 h', () => {
    expect(windowLengthMinutes(week('Europe/Berlin'), utc('2024-03-28T12:00:00Z'))).toBe(167 * 60);
    expect(windowLengthMinutes(week('UTC'), utc('2024-03-28T12:00:00Z'))).toBe(168 * 60);
  });
});

describe('monthRange', () => {
  it('gives [start, end) of a month in a timezone', () => {
    const r = monthRange('2024-10', 'Europe/Berlin');
    expect(r.start.toISOString()).toBe('2024-09-30T22:00:00.000Z');
    expect(r.end.toISOString()).toBe('2024-10-31T23:00:00.000Z');
    const u = monthRange('2024-12');
    expect(u.start.toISOString()).toBe('2024-12-01T00:00:00.000Z');
    expect(u.end.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('refuses malformed months', () => {
    expect(() => monthRange('2024-13')).toThrow(RangeError);
    expect(() => monthRange('2024-1')).toThrow(RangeError);
  });
});

describe('timezones', () => {
  it('validates IANA names', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('starts a period at the end of the gap when DST skips local midnight (Asunción, 1 Oct 2023)', () => {
    // Paraguay jumped from 00:00 (−4) to 01:00 (−3) on 1 October 2023: the
    // month's first instant is 01:00 local = 04:00Z, and October is 743 h.
    const m = month('America/Asuncion');
    const p = calendarPeriod(m, utc('2023-10-15T12:00:00Z'));
    expect(p.start.toISOString()).toBe('2023-10-01T04:00:00.000Z');
    expect(p.end.toISOString()).toBe('2023-11-01T03:00:00.000Z');
    expect(windowLengthMinutes(m, utc('2023-09-15T12:00:00Z'))).toBe(30 * 1440);
    expect(windowLengthMinutes(m, utc('2023-10-15T12:00:00Z'))).toBe(743 * 60);
  });
});
