import { describe, expect, it } from 'vitest';
import { EMPTY_AGGREGATE } from '@/lib/slo/budget';
import { budgetConsumed } from './budget-consumed';

const month = { type: 'calendar', unit: 'month', timezone: 'UTC' } as const;

describe('error budget consumed by an incident window', () => {
  it('timeslices: 18 bad minutes of a 30-day month at 99.9% → 18 min of 43.2 min (42%)', () => {
    const r = budgetConsumed({
      method: 'timeslices',
      target: 0.999,
      window: month,
      incident: { ...EMPTY_AGGREGATE, minutesWithData: 60, badMinutes: 18, good: 50, total: 60 },
      sloWindow: { ...EMPTY_AGGREGATE, minutesWithData: 43_200, badMinutes: 30 },
      windowMinutes: 43_200,
      correctedMinutes: 0,
    });
    expect(r.unit).toBe('minutes');
    expect(r.consumed).toBe(18);
    expect(r.budgetTotal).toBeCloseTo(43.2, 9);
    expect(r.share).toBeCloseTo(18 / 43.2, 9);
    expect(r.text).toBe('18 min of 43.2 min monthly budget (42%)');
  });

  it('timeslices in a 31-day month measure against 44.64 min; corrected minutes shrink the budget', () => {
    const r = budgetConsumed({
      method: 'timeslices',
      target: 0.999,
      window: { type: 'rolling', days: 30 },
      incident: { ...EMPTY_AGGREGATE, minutesWithData: 10, badMinutes: 10 },
      sloWindow: { ...EMPTY_AGGREGATE, minutesWithData: 44_640 },
      windowMinutes: 44_640,
      correctedMinutes: 1440,
    });
    expect(r.budgetTotal).toBeCloseTo(43.2, 9);
    expect(r.text).toBe('10 min of 43.2 min 30-day budget (23%)');
  });

  it('ratio timeslices count the bad share of each minute', () => {
    const r = budgetConsumed({
      method: 'ratio-timeslices',
      target: 0.99,
      window: { type: 'rolling', days: 7 },
      incident: { ...EMPTY_AGGREGATE, minutesWithData: 20, ratioSum: 15 },
      sloWindow: { ...EMPTY_AGGREGATE, minutesWithData: 10_080, ratioSum: 10_000 },
      windowMinutes: 10_080,
      correctedMinutes: 0,
    });
    expect(r.consumed).toBeCloseTo(5, 9);
    expect(r.budgetTotal).toBeCloseTo(100.8, 9);
    expect(r.share).toBeCloseTo(5 / 100.8, 9);
  });

  it('occurrences: bad events of the incident against B × the events of the SLO window', () => {
    const r = budgetConsumed({
      method: 'occurrences',
      target: 0.999,
      window: { type: 'rolling', days: 30 },
      incident: { ...EMPTY_AGGREGATE, good: 9_000, total: 10_000, minutesWithData: 10 },
      sloWindow: { ...EMPTY_AGGREGATE, good: 4_318_000, total: 4_320_000, minutesWithData: 43_200 },
      windowMinutes: 43_200,
      correctedMinutes: 0,
    });
    expect(r.unit).toBe('events');
    expect(r.consumed).toBe(1000);
    expect(r.budgetTotal).toBeCloseTo(4320, 6);
    expect(r.share).toBeCloseTo(1000 / 4320, 9);
    expect(r.text).toBe('1000 of 4320 bad events of the 30-day budget (23%)');
  });

  it('no data in the SLO window: no budget, never a division by zero', () => {
    const r = budgetConsumed({
      method: 'occurrences',
      target: 0.999,
      window: month,
      incident: EMPTY_AGGREGATE,
      sloWindow: EMPTY_AGGREGATE,
      windowMinutes: 43_200,
      correctedMinutes: 0,
    });
    expect(r.share).toBeNull();
    expect(r.text).toContain('no budget data');
  });
});
