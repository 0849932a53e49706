import { describe, expect, it } from 'vitest';
import { planRange } from './rollup-plan';

const t = (s: string) => new Date(`${s}Z`);
const minutesOf = (parts: ReturnType<typeof planRange>) =>
  parts.reduce((sum, p) => sum + (p.end.getTime() - p.start.getTime()) / 60_000, 0);

describe('planRange', () => {
  it('covers a 30-day window ending mid-hour with days, hours and minute edges', () => {
    const parts = planRange(t('2026-10-02T10:17:00'), t('2026-11-01T10:17:00'));
    expect(minutesOf(parts)).toBe(30 * 1440);
    expect(parts.map((p) => p.level)).toEqual(['minute', 'hour', 'day', 'hour', 'minute']);
    expect(parts[0]).toEqual({
      level: 'minute',
      start: t('2026-10-02T10:17:00'),
      end: t('2026-10-02T11:00:00'),
    });
    expect(parts[2]).toEqual({
      level: 'day',
      start: t('2026-10-03T00:00:00'),
      end: t('2026-11-01T00:00:00'),
    });
    expect(parts[4]).toEqual({
      level: 'minute',
      start: t('2026-11-01T10:00:00'),
      end: t('2026-11-01T10:17:00'),
    });
  });

  it('keeps the parts contiguous and non-overlapping', () => {
    const parts = planRange(t('2026-01-01T23:59:00'), t('2026-01-05T00:01:00'));
    for (let i = 1; i < parts.length; i++) expect(parts[i].start).toEqual(parts[i - 1].end);
    expect(minutesOf(parts)).toBe(3 * 1440 + 2);
  });

  it('uses only minutes inside one hour, and only hours inside one day', () => {
    expect(planRange(t('2026-01-01T10:05:00'), t('2026-01-01T10:35:00')).map((p) => p.level)).toEqual([
      'minute',
    ]);
    expect(planRange(t('2026-01-01T10:00:00'), t('2026-01-01T16:00:00')).map((p) => p.level)).toEqual([
      'hour',
    ]);
  });

  it('is empty for an empty or inverted range', () => {
    expect(planRange(t('2026-01-01T10:00:00'), t('2026-01-01T10:00:00'))).toEqual([]);
    expect(planRange(t('2026-01-02T10:00:00'), t('2026-01-01T10:00:00'))).toEqual([]);
  });
});
