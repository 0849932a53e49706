import { describe, expect, it } from 'vitest';
import { burnRate, isLookback, LOOKBACKS, lookbackMinutes, timeToExhaustionMinutes } from './burn';

describe('lookbacks', () => {
  it('lists the alert windows in minutes', () => {
    expect(LOOKBACKS.map(lookbackMinutes)).toEqual([5, 30, 60, 120, 360, 1440, 4320]);
    expect(isLookback('6h')).toBe(true);
    expect(isLookback('7h')).toBe(false);
  });
});

describe('burnRate', () => {
  it('is e ÷ (1 − T)', () => {
    expect(burnRate(0.0144, 0.999)).toBeCloseTo(14.4, 10);
    expect(burnRate(0.001, 0.999)).toBeCloseTo(1, 10);
    expect(burnRate(0, 0.999)).toBe(0);
    expect(burnRate(0.05, 0.99)).toBeCloseTo(5, 10);
  });

  it('is null without data or without a budget', () => {
    expect(burnRate(null, 0.999)).toBeNull();
    expect(burnRate(0.1, 1)).toBeNull();
  });
});

describe('timeToExhaustionMinutes', () => {
  it('is r × W ÷ br(1h)', () => {
    // Half of a 30-day budget left, burning at 2×: 0.5 × 43200 ÷ 2 = 10800 min (7.5 days).
    expect(timeToExhaustionMinutes(0.5, 43200, 2)).toBeCloseTo(10800, 10);
    // 80% left burning at 14.4×: 0.8 × 43200 ÷ 14.4 = 2400 min.
    expect(timeToExhaustionMinutes(0.8, 43200, 14.4)).toBeCloseTo(2400, 10);
  });

  it('is 0 once spent and null (never) when nothing burns or r is unknown', () => {
    expect(timeToExhaustionMinutes(0, 43200, 3)).toBe(0);
    expect(timeToExhaustionMinutes(-0.2, 43200, 3)).toBe(0);
    expect(timeToExhaustionMinutes(0.5, 43200, 0)).toBeNull();
    expect(timeToExhaustionMinutes(0.5, 43200, null)).toBeNull();
    expect(timeToExhaustionMinutes(null, 43200, 2)).toBeNull();
  });
});
