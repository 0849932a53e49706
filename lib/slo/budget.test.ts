import { describe, expect, it } from 'vitest';
import { computeBudget, EMPTY_AGGREGATE, errorRatioOf, type SliAggregate } from './budget';
import { overlapMinutes } from './corrections';

const agg = (partial: Partial<SliAggregate>): SliAggregate => ({ ...EMPTY_AGGREGATE, ...partial });

describe('budget in minutes (SPEC 2 oracle)', () => {
  it('99.9% over 30 days is 43.2 minutes', () => {
    const b = computeBudget({
      method: 'timeslices',
      target: 0.999,
      agg: agg({ minutesWithData: 43200 }),
      windowMinutes: 30 * 1440,
      correctedMinutes: 0,
    });
    expect(b.budgetTotal).toBeCloseTo(43.2, 10);
    expect(b.unit).toBe('minutes');
    expect(b.remaining).toBe(1);
  });

  it('99.9% over a 31-day month is 44.64 minutes', () => {
    const b = computeBudget({
      method: 'ratio-timeslices',
      target: 0.999,
      agg: agg({ minutesWithData: 10, ratioSum: 10 }),
      windowMinutes: 31 * 1440,
      correctedMinutes: 0,
    });
    expect(b.budgetTotal).toBeCloseTo(44.64, 10);
  });
});

describe('occurrences', () => {
  it('99% target, 9950 good of 10000: attainment 99.5%, half the budget left', () => {
    const b = computeBudget({
      method: 'occurrences',
      target: 0.99,
      agg: agg({ good: 9950, total: 10000 }),
      windowMinutes: 43200,
      correctedMinutes: 0,
    });
    expect(b.attainment).toBeCloseTo(0.995, 12);
    expect(b.errorRatio).toBeCloseTo(0.005, 12);
    expect(b.remaining).toBeCloseTo(0.5, 12);
    expect(b.budgetTotal).toBeCloseTo(100, 10);
    expect(b.budgetConsumed).toBe(50);
    expect(b.unit).toBe('events');
  });

  it('remaining goes negative when overspent: 200 bad of a 100-event budget → −100%', () => {
    const b = computeBudget({
      method: 'occurrences',
      target: 0.99,
      agg: agg({ good: 9800, total: 10000 }),
      windowMinutes: 43200,
      correctedMinutes: 0,
    });
    expect(b.remaining).toBeCloseTo(-1, 12);
    expect(b.budgetConsumed).toBe(200);
  });

  it('no events is unknown, never 100%', () => {
    const b = computeBudget({
      method: 'occurrences',
      target: 0.999,
      agg: EMPTY_AGGREGATE,
      windowMinutes: 43200,
      correctedMinutes: 0,
    });
    expect(b.attainment).toBeNull();
    expect(b.errorRatio).toBeNull();
    expect(b.remaining).toBeNull();
    expect(b.budgetTotal).toBe(0);
  });
});

describe('timeslices', () => {
  it('10 bad minutes of 40000 with data at 99.9% over 30 days', () => {
    const b = computeBudget({
      method: 'timeslices',
      target: 0.999,
      agg: agg({ minutesWithData: 40000, badMinutes: 10 }),
      windowMinutes: 43200,
      correctedMinutes: 0,
    });
    // attainment = 39990 / 40000; remaining = 1 − 10 / 43.2
    expect(b.attainment).toBeCloseTo(0.99975, 12);
    expect(b.budgetConsumed).toBe(10);
    expect(b.remaining).toBeCloseTo(0.768518518518, 10);
  });

  it('a one-day correction shrinks the budget to 41.76 minutes', () => {
    const b = computeBudget({
      method: 'timeslices',
      target: 0.999,
      agg: agg({ minutesWithData: 40000, badMinutes: 10 }),
      windowMinutes: 43200,
      correctedMinutes: 1440,
    });
    expect(b.budgetTotal).toBeCloseTo(41.76, 10);
    expect(b.remaining).toBeCloseTo(1 - 10 / 41.76, 10);
  });

  it('50 bad minutes of a 43.2-minute budget is overspent', () => {
    const b = computeBudget({
      method: 'timeslices',
      target: 0.999,
      agg: agg({ minutesWithData: 43200, badMinutes: 50 }),
      windowMinutes: 43200,
      correctedMinutes: 0,
    });
    expect(b.remaining).toBeCloseTo(1 - 50 / 43.2, 10);
    expect(b.remaining ?? 0).toBeLessThan(0);
  });

  it('no data at all is unknown', () => {
    const b = computeBudget({
      method: 'timeslices',
      target: 0.999,
      agg: EMPTY_AGGREGATE,
      windowMinutes: 43200,
      correctedMinutes: 0,
    });
    expect(b.attainment).toBeNull();
    expect(b.remaining).toBeNull();
    expect(b.budgetTotal).toBeCloseTo(43.2, 10);
  });
});

describe('ratio timeslices', () => {
  it('minutes at 1, 1, 0.5 and 0.9: attainment 85%, 0.6 bad minutes of 14.4', () => {
    const b = computeBudget({
      method: 'ratio-timeslices',
      target: 0.99,
      agg: agg({ minutesWithData: 4, ratioSum: 1 + 1 + 0.5 + 0.9 }),
      windowMinutes: 1440,
      correctedMinutes: 0,
    });
    expect(b.attainment).toBeCloseTo(0.85, 12);
    expect(b.errorRatio).toBeCloseTo(0.15, 12);
    expect(b.budgetTotal).toBeCloseTo(14.4, 10);
    expect(b.budgetConsumed).toBeCloseTo(0.6, 12);
    expect(b.remaining).toBeCloseTo(1 - 0.6 / 14.4, 12);
  });
});

describe('whole-window correction', () => {
  it('leaves 0 minutes and gives unknown, not 100% or a division by zero', () => {
    const start = new Date('2024-05-01T00:00:00Z');
    const end = new Date('2024-05-31T00:00:00Z');
    const corrected = overlapMinutes([{ start: new Date('2024-04-01T00:00:00Z'), end }], start, end);
    expect(corrected).toBe(43200);
    for (const method of ['occurrences', 'timeslices', 'ratio-timeslices'] as const) {
      const b = computeBudget({
        method,
        target: 0.999,
        agg: EMPTY_AGGREGATE,
        windowMinutes: 43200,
        correctedMinutes: corrected,
      });
      expect(b.attainment).toBeNull();
      expect(b.remaining).toBeNull();
      expect(Number.isFinite(b.budgetTotal)).toBe(true);
    }
    // Even if stray samples leaked through, a fully corrected window stays unknown.
    const leaked = computeBudget({
      method: 'timeslices',
      target: 0.999,
      agg: agg({ minutesWithData: 5, badMinutes: 1 }),
      windowMinutes: 43200,
      correctedMinutes: 43200,
    });
    expect(leaked.remaining).toBeNull();
    expect(leaked.budgetTotal).toBe(0);
  });
});

describe('errorRatioOf', () => {
  it('per method, null without data', () => {
    expect(errorRatioOf('occurrences', agg({ good: 990, total: 1000 }))).toBeCloseTo(0.01, 12);
    expect(errorRatioOf('timeslices', agg({ minutesWithData: 60, badMinutes: 3 }))).toBeCloseTo(0.05, 12);
    expect(errorRatioOf('ratio-timeslices', agg({ minutesWithData: 4, ratioSum: 3.4 }))).toBeCloseTo(
      0.15,
      12,
    );
    expect(errorRatioOf('occurrences', EMPTY_AGGREGATE)).toBeNull();
    expect(errorRatioOf('timeslices', EMPTY_AGGREGATE)).toBeNull();
    expect(errorRatioOf('ratio-timeslices', EMPTY_AGGREGATE)).toBeNull();
  });
});
