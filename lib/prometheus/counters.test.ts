import { describe, expect, it } from 'vitest';
import { mergeResetWarnings, mixedMetricsProblem, rawMinuteIncreases } from './counters';

const T = 1_790_000_040; // a minute boundary (unix seconds)
const MS = T * 1000;
const series = (values: [number, number][], metric: Record<string, string> = { __name__: 'x' }) => ({
  metric,
  values: values.map(([t, v]) => [T + t, String(v)] as [number, string]),
});

describe('rawMinuteIncreases', () => {
  it('spreads the increase between raw samples over the minutes they span', () => {
    // Scraped every 15 s: 10 per scrape. One sample before the range gives its first minute.
    const s = series([-15, 0, 15, 30, 45, 60, 75, 90, 105, 120].map((t, i) => [t, 100 + 10 * i]));
    const { increases, resets } = rawMinuteIncreases([s], MS, MS + 120_000);
    expect([...increases]).toEqual([
      [MS, 40],
      [MS + 60_000, 40],
    ]);
    expect(resets).toEqual([]);
  });

  it('cuts an interval that crosses a minute boundary proportionally (as increase() extrapolates)', () => {
    const s = series([
      [-30, 0],
      [30, 60],
    ]);
    const { increases } = rawMinuteIncreases([s], MS - 60_000, MS + 60_000);
    expect(increases.get(MS - 60_000)).toBe(30);
    expect(increases.get(MS)).toBe(30);
  });

  it('keeps what was counted before a reset: a drop means the counter restarted from zero', () => {
    // 5,411 requests in the minute with the restart at +40 s: 2,745 before it, 2,666 after.
    const s = series(
      [
        [0, 10_000],
        [20, 11_372],
        [40, 12_745],
        [41, 30],
        [60, 2_666],
      ],
      { __name__: 'x', pod: 'a' },
    );
    const { increases, resets } = rawMinuteIncreases([s], MS, MS + 60_000);
    expect(increases.get(MS)).toBe(2_745 + 2_666);
    expect(resets).toEqual([{ at: MS + 41_000, series: 'x{pod="a"}' }]);
  });

  it('sums several series per minute and stores no minute nobody covers', () => {
    const { increases } = rawMinuteIncreases(
      [
        series([
          [0, 0],
          [60, 60],
        ]),
        series(
          [
            [0, 5],
            [60, 10],
          ],
          { __name__: 'x', pod: 'b' },
        ),
      ],
      MS - 60_000,
      MS + 120_000,
    );
    expect([...increases]).toEqual([[MS, 65]]);
  });

  it('counts a flat counter as a minute with data and zero events', () => {
    const { increases } = rawMinuteIncreases(
      [
        series([
          [0, 7],
          [60, 7],
        ]),
      ],
      MS,
      MS + 60_000,
    );
    expect([...increases]).toEqual([[MS, 0]]);
  });
});

describe('mergeResetWarnings', () => {
  const r = (series: string, at: number) => ({ series, at });
  it('keeps earlier resets, lists each series once, and does not count a reset seen twice', () => {
    const first = mergeResetWarnings(null, [r('x{pod="a"}', MS), r('x{pod="a"}', MS + 60_000)], 0);
    expect(first).toEqual([
      `counter resets of x{pod="a"} (2×, last at ${new Date(MS + 60_000).toISOString()}) handled`,
    ]);
    // The next sync overlaps the last minutes and sees the second reset again, and a new series.
    const second = mergeResetWarnings(
      first.join('; '),
      [r('x{pod="a"}', MS + 60_000), r('x{pod="b"}', MS)],
      0,
    );
    expect(second).toEqual([
      first[0],
      `counter reset of x{pod="b"} (1×, last at ${new Date(MS).toISOString()}) handled`,
    ]);
    // A sync that finds nothing keeps them; they go once older than the longest window.
    expect(mergeResetWarnings(second.join('; '), [], 0)).toEqual(second);
    expect(mergeResetWarnings(second.join('; '), [], MS + 1)).toEqual([first[0]]);
  });
});

describe('mixedMetricsProblem', () => {
  it('refuses a selector that matches different metrics', () => {
    expect(mixedMetricsProblem([series([]), series([], { __name__: 'y' })], 'goodQuery')).toMatch(
      /goodQuery matched 2 series of 2 different metrics/,
    );
    expect(mixedMetricsProblem([series([]), series([], { __name__: 'x', a: 'b' })], 'goodQuery')).toBeNull();
  });
});
