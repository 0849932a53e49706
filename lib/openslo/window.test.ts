import { describe, expect, it } from 'vitest';
import { drafts, errors, fields, only, patch, sloYaml, spec, window0 } from './testing';
import type { YamlMap } from './types';

describe('parseOpenSlo: time windows', () => {
  const rolling = (duration: string) => sloYaml((d) => patch(window0(d), { duration }));
  const calendar = (duration: string, cal: YamlMap | null = { timeZone: 'Europe/Berlin' }) =>
    sloYaml((d) =>
      patch(spec(d), { timeWindow: [{ duration, isRolling: false, ...(cal ? { calendar: cal } : {}) }] }),
    );

  it('takes rolling durations that are whole days from 1 to 90', () => {
    expect(['2w', '28d', '720h', '1440m', '90d'].map((x) => drafts(rolling(x))[0].windowDays)).toEqual([
      14, 28, 30, 1, 90,
    ]);
  });

  it('refuses rolling months, partial days and more than 90 days, saying why', () => {
    const why = (x: string) => errors(rolling(x)).map((e) => `${e.field}: ${e.message}`)[0];
    expect(why('1M')).toBe(
      'spec.timeWindow[0].duration: A rolling 1M is 1 month, which is not a whole number of days (months and quarters vary in length): use 30d',
    );
    expect(why('36h')).toContain('whole number of days');
    expect(why('13w')).toContain('at most 90 days: 13w is 13 weeks = 91 days');
    expect(why('1Y')).toContain('1 to 90');
    expect(why('thirty days')).toContain('not a duration shorthand');
    expect(
      fields(
        sloYaml((d) =>
          patch(spec(d), { timeWindow: [{ duration: '7d' }, { duration: '1M', isRolling: false }] }),
        ),
      ),
    ).toEqual(['spec.timeWindow']);
  });

  it('takes calendar 1w, 1M and 1Q in a time zone', () => {
    const w = (x: string) => drafts(calendar(x))[0];
    expect(
      [w('1w'), w('1M'), w('1Q')].map((s) => [s.windowType, s.calendarUnit, s.timezone, s.windowDays]),
    ).toEqual([
      ['calendar', 'week', 'Europe/Berlin', null],
      ['calendar', 'month', 'Europe/Berlin', null],
      ['calendar', 'quarter', 'Europe/Berlin', null],
    ]);
  });

  it('refuses other calendar durations and unknown zones, naming the field', () => {
    for (const x of ['1m', '2w', '1Y', '7d', '3M'])
      expect(fields(calendar(x)), x).toEqual(['spec.timeWindow[0].duration']);
    expect(errors(calendar('1M', { timeZone: 'Mars/Olympus' }))).toEqual([
      {
        field: 'spec.timeWindow[0].calendar.timeZone',
        message: 'Unknown time zone "Mars/Olympus" (use an IANA name such as Europe/Berlin)',
      },
    ]);
  });

  it('defaults to UTC without a calendar and ignores a startTime on a period boundary silently', () => {
    const noZone = only(calendar('1M', null));
    expect(noZone.ok && [noZone.slos?.[0].timezone, noZone.warnings]).toEqual([
      'UTC',
      ['No calendar.timeZone: periods start at 00:00 UTC'],
    ]);
    const aligned = only(calendar('1Q', { timeZone: 'UTC', startTime: '2024-04-01 00:00:00' }));
    expect(aligned.ok && aligned.warnings).toEqual([]);
    const off = only(calendar('1M', { timeZone: 'UTC', startTime: '2024-04-15 00:00:00' }));
    expect(off.ok && off.warnings[0]).toContain('calendar months start on the 1st at 00:00 in UTC');
  });
});
