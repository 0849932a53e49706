import { describe, expect, it } from 'vitest';
import { monthRange } from '@/lib/slo/windows';
import { monthLabel, parseMonthKey, previousMonths, shiftMonth } from './month';

describe('report months', () => {
  it('parses real months only', () => {
    expect(parseMonthKey('2026-11')).toEqual({ year: 2026, month: 11, key: '2026-11' });
    for (const bad of ['2026-13', '2026-00', '26-11', '2026-1', '1999-12', '2101-01', '2026-11\u0000', ''])
      expect(parseMonthKey(bad)).toBeNull();
  });
  it('shifts across year boundaries', () => {
    const jan = parseMonthKey('2026-01');
    if (!jan) throw new Error('unparsed');
    expect(shiftMonth(jan, -1).key).toBe('2025-12');
    expect(shiftMonth(jan, 12).key).toBe('2027-01');
    expect(previousMonths(jan, 6).map((m) => m.key)).toEqual([
      '2025-12',
      '2025-11',
      '2025-10',
      '2025-09',
      '2025-08',
      '2025-07',
    ]);
    expect(monthLabel(jan)).toBe('January 2026');
  });
  it('bounds a month at local midnight in the report timezone', () => {
    const utc = monthRange('2026-03', 'UTC');
    expect(utc.start.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(utc.end.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    // Berlin: CET (+1) at the start, CEST (+2) at the end — 743 hours.
    const berlin = monthRange('2026-03', 'Europe/Berlin');
    expect(berlin.start.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(berlin.end.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect((berlin.end.getTime() - berlin.start.getTime()) / 3_600_000).toBe(743);
    const ny = monthRange('2026-11', 'America/New_York');
    expect(ny.start.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(ny.end.toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
});
