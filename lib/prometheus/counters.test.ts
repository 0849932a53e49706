import { describe, expect, it } from 'vitest';
import { mixedMetricsProblem, perMinuteIncreases } from './counters';

const T = 1_790_000_040; // a minute boundary (unix seconds)

describe('perMinuteIncreases', () => {
  it('takes per-minute differences of one counter', () => {
    const { increases, resets } = perMinuteIncreases([
      {
        metric: { __name__: 'x' },
        values: [
          [T, '100'],
          [T + 60, '160'],
          [T + 120, '200'],
        ],
      },
    ]);
    expect([...increases]).toEqual([
      [T * 1000, 60],
      [(T + 60) * 1000, 40],
    ]);
    expect(resets).toEqual([]);
  });

  it('treats a drop as a counter reset, like increase()', () => {
    const { increases, resets } = perMinuteIncreases([
      {
        metric: { __name__: 'x', pod: 'a' },
        values: [
          [T, '500'],
          [T + 60, '30'],
        ],
      },
    ]);
    expect(increases.get(T * 1000)).toBe(30);
    expect(resets).toEqual([{ at: T * 1000, series: 'x{pod="a"}' }]);
  });

  it('sums several series of one counter per minute (per-series differences first)', () => {
    const { increases } = perMinuteIncreases([
      {
        metric: { __name__: 'x', pod: 'a' },
        values: [
          [T, '10'],
          [T + 60, '20'],
        ],
      },
      {
        metric: { __name__: 'x', pod: 'b' },
        values: [
          [T, '1000'],
          [T + 60, '5'],
        ],
      },
    ]);
    expect(increases.get(T * 1000)).toBe(10 + 5);
  });

  it('skips gaps instead of inventing increases across them', () => {
    const { increases } = perMinuteIncreases([
      {
        metric: {},
        values: [
          [T, '1'],
          [T + 180, '50'],
          [T + 240, '60'],
        ],
      },
    ]);
    expect([...increases]).toEqual([[(T + 180) * 1000, 10]]);
  });
});

describe('mixedMetricsProblem', () => {
  it('flags a selector matching different metrics', () => {
    expect(
      mixedMetricsProblem(
        [
          { metric: { __name__: 'a' }, values: [] },
          { metric: { __name__: 'b' }, values: [] },
        ],
        'goodQuery',
      ),
    ).toMatch(/2 different metrics/);
    expect(
      mixedMetricsProblem(
        [
          { metric: { __name__: 'a', pod: '1' }, values: [] },
          { metric: { __name__: 'a', pod: '2' }, values: [] },
        ],
        'goodQuery',
      ),
    ).toBeNull();
  });
});
