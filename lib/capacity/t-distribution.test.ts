import { describe, expect, it } from 'vitest';
import { lnGamma, tCdf, tQuantile } from './t-distribution';

describe('Student t', () => {
  it('matches the textbook table of t(0.975, df)', () => {
    const table: Array<[number, number]> = [
      [1, 12.7062],
      [2, 4.3027],
      [3, 3.1824],
      [5, 2.5706],
      [10, 2.2281],
      [30, 2.0423],
      [120, 1.9799],
    ];
    for (const [df, t] of table) expect(tQuantile(0.975, df)).toBeCloseTo(t, 3);
  });

  it('tends to the normal quantile 1.95996 for large df', () => {
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.95996, 4);
  });

  it('is symmetric and inverts the CDF', () => {
    expect(tCdf(0, 7)).toBe(0.5);
    expect(tQuantile(0.025, 4)).toBeCloseTo(-tQuantile(0.975, 4), 10);
    for (const df of [1, 3, 8, 25]) expect(tCdf(tQuantile(0.9, df), df)).toBeCloseTo(0.9, 9);
    // df = 1 is the Cauchy distribution: P(T ≤ 1) = 3/4.
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 12);
  });

  it('computes ln Γ', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('refuses impossible arguments', () => {
    expect(() => tQuantile(1, 3)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
  });
});
